// Bundles the suites that run inside VS Code into out/test-vscode/ (CommonJS, `vscode` from
// the host, mocha from node_modules): suite/ (the extension from the repo), vsix/ (the
// installed package) and screenshots/ (the README pictures).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(root, 'out', 'test-vscode');

const entries = {};
for (const group of ['suite', 'vsix']) {
  entries[`${group}/index`] = join(here, group, 'index.ts');
  for (const file of readdirSync(join(here, group))) {
    if (file.endsWith('.suite.ts')) entries[`${group}/${file.slice(0, -3)}`] = join(here, group, file);
  }
}
entries['screenshots/index'] = join(here, 'take-screenshots.ts');

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`built ${Object.keys(entries).length} test bundles into ${out}`);
