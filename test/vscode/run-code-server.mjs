#!/usr/bin/env node
// Runs a mocha suite inside a real VS Code, offline: code-server (VS Code 1.100 server +
// workbench) on 127.0.0.1, its workbench opened in headless Chromium through playwright-core
// with the test payload. The extension runs in code-server's Node extension host; the suite
// reports through window.codeAutomationExit(code) and logs through window.codeAutomationLog.
//
//   node test/vscode/run-code-server.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//     [--workspace=DIR]      copied to the work folder, so tests may change it (default: none)
//     [--installVsix=FILE]   install a .vsix into the (clean) extensions folder first
//     [--screenshots=DIR]    the suite logs "[pymodern-screenshot] NAME"; the runner saves DIR/NAME.png
//     [--codeServer=BIN] [--chromium=BIN] [--port=N (default: a free one)] [--timeout=SEC] [--workDir=DIR]
// Exit code: 0 passed, 1 failed, 124 timeout. The suite's counts go to WORKDIR/results.json.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';

/** A port nobody listens on now (code-server needs a number up front). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const a = Object.fromEntries(process.argv.slice(2).map((s) => s.replace(/^--/, '').split(/=(.*)/s).slice(0, 2)));
const extDir = path.resolve(a.extensionDevelopmentPath ?? '.');
const testsPath = path.resolve(a.extensionTestsPath);
const port = a.port ? Number(a.port) : await freePort();
const timeoutSec = Number(a.timeout ?? 600);
const work = path.resolve(a.workDir ?? '.vscode-test/code-server');
const codeServer = a.codeServer ?? 'code-server';
const screenshotDir = a.screenshots && path.resolve(a.screenshots);
const t0 = Date.now();
const stamp = (m) => console.log(`[runner +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

// Fresh isolated state per run; nothing goes to the real $HOME.
fs.rmSync(work, { recursive: true, force: true });
for (const d of ['home', 'xdg-cache', 'xdg-config', 'xdg-data', 'tmp', 'extensions', 'chromium-profile', 'user-data/User']) {
  fs.mkdirSync(path.join(work, d), { recursive: true });
}
let workspace;
if (a.workspace) {
  workspace = path.join(work, 'workspace');
  fs.cpSync(path.resolve(a.workspace), workspace, { recursive: true });
}
fs.writeFileSync(path.join(work, 'config.yaml'), 'auth: none\ncert: false\n');
fs.writeFileSync(
  path.join(work, 'user-data/User/settings.json'),
  JSON.stringify({
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'chat.commandCenter.enabled': false,
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
  }),
);
const env = {
  ...process.env,
  HOME: `${work}/home`,
  XDG_CACHE_HOME: `${work}/xdg-cache`,
  XDG_CONFIG_HOME: `${work}/xdg-config`,
  XDG_DATA_HOME: `${work}/xdg-data`,
  TMPDIR: `${work}/tmp`,
  EXTENSIONS_GALLERY: '{}', // disables the Open VSX gallery: no online lookups
  PYMODERN_TEST_RESULTS: `${work}/results.json`,
  ...(screenshotDir ? { PYMODERN_SCREENSHOTS: screenshotDir } : {}),
};
const serverArgs = ['--user-data-dir', `${work}/user-data`, '--extensions-dir', `${work}/extensions`];

if (a.installVsix) {
  stamp(`installing ${a.installVsix} into a clean extensions folder`);
  const install = spawnSync(codeServer, [...serverArgs, '--install-extension', path.resolve(a.installVsix)], { env, encoding: 'utf8' });
  process.stdout.write(install.stdout ?? '');
  process.stderr.write(install.stderr ?? '');
  if (install.status !== 0) {
    stamp(`installing the .vsix failed (exit ${install.status})`);
    process.exit(1);
  }
}

stamp(`starting code-server on 127.0.0.1:${port}`);
const server = spawn(
  codeServer,
  [
    '--config', `${work}/config.yaml`, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...serverArgs,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', ...(workspace ? [workspace] : []),
  ],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }, // own process group
);
const log = fs.createWriteStream(`${work}/code-server.log`);
server.stdout.pipe(log);
server.stderr.pipe(log);

let ctx;
let done = false;
async function shutdown(code) {
  if (done) return;
  done = true;
  try {
    await ctx?.close();
  } catch {}
  for (const sig of ['SIGTERM', 'SIGKILL']) {
    // only the process group we created
    try {
      process.kill(-server.pid, sig);
    } catch {}
    await new Promise((r) => setTimeout(r, 1500));
  }
  stamp(`done, exit code ${code}`);
  process.exit(code);
}
for (const [s, c] of [['SIGINT', 130], ['SIGTERM', 143]]) process.on(s, () => shutdown(c));
process.on('uncaughtException', (e) => {
  console.error(e);
  shutdown(1);
});
process.on('unhandledRejection', (e) => {
  console.error(e);
  shutdown(1);
});
server.on('exit', (c) => {
  if (done) return;
  stamp(`code-server exited (${c}), see ${work}/code-server.log`);
  shutdown(1);
});
const timer = setTimeout(() => {
  stamp(`TIMEOUT after ${timeoutSec}s`);
  shutdown(124);
}, timeoutSec * 1000);

const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  if (i > 600) throw new Error('code-server did not become healthy');
  await new Promise((r) => setTimeout(r, 100));
}
stamp('code-server healthy');

ctx = await chromium.launchPersistentContext(`${work}/chromium-profile`, {
  executablePath: a.chromium ?? '/usr/bin/chromium',
  headless: true,
  env,
  viewport: { width: 1280, height: 760 },
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  ],
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
stamp(`chromium ${ctx.browser()?.version() ?? ''} started`);
let resolveExit;
const exitCode = new Promise((r) => (resolveExit = r));

// Screenshots on the suite's request: it logs the marker, waits for the PNG, then moves on.
const SCREENSHOT = /^\[pymodern-screenshot\] ([\w-]+)$/;
async function screenshot(name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const target = path.join(screenshotDir, `${name}.png`);
  await page.waitForTimeout(400); // let widgets finish their fade-in
  const clip = await page.evaluate(() => {
    // The editor area, whatever widget is open over it (hover, quick-fix menu), the panel and the status bar.
    const boxes = ['.part.editor', '.monaco-hover:not(.hidden)', '.action-widget', '.part.panel', '.part.statusbar']
      .flatMap((s) => [...document.querySelectorAll(s)])
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const x = Math.min(...boxes.map((r) => r.left));
    const y = Math.min(...boxes.map((r) => r.top));
    return { x, y, width: Math.max(...boxes.map((r) => r.right)) - x, height: Math.max(...boxes.map((r) => r.bottom)) - y };
  });
  await page.screenshot({ path: `${target}.tmp.png`, clip });
  fs.renameSync(`${target}.tmp.png`, target);
  stamp(`screenshot ${target}`);
}
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const parts = [].concat(args);
  const marker = screenshotDir && typeof parts[0] === 'string' ? SCREENSHOT.exec(parts[0]) : null;
  if (marker) {
    screenshot(marker[1]).catch((e) => stamp(`screenshot ${marker[1]} failed: ${e}`));
    return;
  }
  (console[type] ?? console.log)(...parts);
});
await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
page.on('pageerror', (e) => console.log(`[browser pageerror] ${e.message}`));
if (process.env.RUNNER_VERBOSE) page.on('console', (m) => console.log(`[browser] ${m.text()}`));

const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(extDir)],
  ['extensionTestsPath', remote(testsPath)],
]);
const folder = workspace ? `folder=${encodeURIComponent(workspace)}&` : '';
await page.goto(`${base}/?${folder}payload=${encodeURIComponent(payload)}`);

const code = await exitCode;
clearTimeout(timer);
if (code !== 0) await page.screenshot({ path: `${work}/failure.png` }).catch(() => {});
stamp(`extension tests finished with code ${code}`);
await shutdown(code);
