#!/usr/bin/env node
// The same suites under desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (this repository's CI cannot: it uses run.sh / code-server instead).
// Run after `npm run package && node esbuild.mjs && node test/vscode/build.mjs`; on Linux
// without a display, wrap it: `xvfb-run -a node test/vscode/run-electron.mjs`.
//   1. the main suite, the extension loaded from this repository;
//   2. the package check, the .vsix installed into a clean extensions folder.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, '.vscode-test', 'electron');
const version = process.env.VSCODE_VERSION ?? '1.100.3';
const { version: pkgVersion } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `pymodern-${pkgVersion}.vsix`);

function freshWorkspace(name) {
  const dir = join(work, name, 'workspace');
  rmSync(join(work, name), { recursive: true, force: true });
  cpSync(join(root, 'test', 'vscode', 'workspace'), dir, { recursive: true });
  return dir;
}

const common = ['--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-telemetry'];
const executable = await downloadAndUnzipVSCode(version);
let passed = 0;
let failed = 0;

async function run(name, options) {
  const results = join(work, name, 'results.json');
  try {
    await runTests({ vscodeExecutablePath: executable, extensionTestsEnv: { PYMODERN_TEST_RESULTS: results }, ...options });
  } catch (error) {
    console.error(`${name}: ${error}`);
  }
  if (existsSync(results)) {
    const counts = JSON.parse(readFileSync(results, 'utf8'));
    passed += counts.passes;
    failed += counts.failures;
  } else failed++;
}

const suiteWorkspace = freshWorkspace('suite');
await run('suite', {
  extensionDevelopmentPath: root,
  extensionTestsPath: join(root, 'out', 'test-vscode', 'suite', 'index.js'),
  launchArgs: [suiteWorkspace, ...common, '--disable-extensions'],
});

const vsixWorkspace = freshWorkspace('vsix');
const extensionsDir = join(work, 'vsix', 'extensions');
const [cli] = resolveCliArgsFromVSCodeExecutablePath(executable, { reuseMachineInstall: true });
const install = spawnSync(cli, [`--extensions-dir=${extensionsDir}`, `--user-data-dir=${join(work, 'vsix', 'user-data')}`, '--install-extension', vsix], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (install.status !== 0) failed++;
else {
  await run('vsix', {
    extensionDevelopmentPath: join(root, 'test', 'vscode', 'harness'),
    extensionTestsPath: join(root, 'out', 'test-vscode', 'vsix', 'index.js'),
    launchArgs: [vsixWorkspace, ...common, `--extensions-dir=${extensionsDir}`, `--user-data-dir=${join(work, 'vsix', 'user-data')}`],
  });
}

console.log(`vscode: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
