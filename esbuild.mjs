// Build: checks the pinned grammar WASM, compiles rules/ into dist/rules.json (a broken
// rule fails here, never in a user's editor), copies trend pages, bundles the CLI and the
// VS Code extension.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const production = process.argv.includes('--production');
// The ESM build of web-tree-sitter reads import.meta.url, which a CJS bundle lacks.
const alias = { 'web-tree-sitter': join(root, 'node_modules', 'web-tree-sitter', 'tree-sitter.cjs') };

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

function copyGrammars() {
  const manifest = JSON.parse(readFileSync(join(root, 'grammars', 'manifest.json'), 'utf8'));
  for (const entry of manifest.files) {
    const packageDir = join(root, 'node_modules', entry.package);
    const installed = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
    if (installed !== entry.version) {
      fail(`grammars/manifest.json pins ${entry.package}@${entry.version} but ${installed} is installed (run npm ci)`);
    }
    const bytes = readFileSync(join(packageDir, entry.path));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== entry.sha256) fail(`${entry.package}/${entry.path} has SHA-256 ${sha256}, grammars/manifest.json expects ${entry.sha256}`);
    copyFileSync(join(packageDir, entry.path), join(dist, entry.path));
  }
}

async function compileRuleSet() {
  // The compiler is TypeScript that shares code with the engine: bundle it, then run it.
  const compiler = join(dist, 'build', 'compile-rules.cjs');
  await build({
    entryPoints: [join(root, 'src', 'build', 'build-rules.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: compiler,
    alias,
    logLevel: 'warning',
  });
  const { buildRuleSet } = createRequire(import.meta.url)(compiler);
  try {
    const ruleSet = await buildRuleSet(join(root, 'rules'), dist);
    writeFileSync(join(dist, 'rules.json'), `${JSON.stringify(ruleSet)}\n`);
    mkdirSync(join(dist, 'trends'), { recursive: true });
    for (const name of readdirSync(join(root, 'rules', 'trends'))) copyFileSync(join(root, 'rules', 'trends', name), join(dist, 'trends', name));
    return ruleSet;
  } catch (error) {
    fail(error.message);
  }
}

async function bundle() {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    alias,
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' }, outdir: dist, banner: { js: '#!/usr/bin/env node' } });
  chmodSync(join(dist, 'cli.js'), 0o755);
  // The VS Code extension and its worker threads: the documents' analysis and the workspace
  // scan (the engine runs only there); `vscode` is provided by the host.
  await build({
    ...common,
    entryPoints: { extension: 'src/vscode/extension.ts', 'analysis-worker': 'src/node/analysis-worker.ts', 'scan-worker': 'src/vscode/scan-worker.ts' },
    outdir: dist,
    external: ['vscode'],
  });
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
copyGrammars();
const ruleSet = await compileRuleSet();
await bundle();
console.log(`built dist/: ${ruleSet.rules.length} rules, ${ruleSet.trends.length} trend pages`);
