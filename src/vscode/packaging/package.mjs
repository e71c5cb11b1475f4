// `npm run package`: a production build, then pymodern-<version>.vsix packed by @vscode/vsce
// from a staging folder (out/vsix-stage/). The repository's top level holds no LICENSE or
// CHANGELOG, so their text lives here, beside this script, and is staged with the
// manifest, the README and the runtime files of dist/; .vscodeignore then decides what
// goes in. Prints the package's path and size.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const stage = join(root, 'out', 'vsix-stage');

execFileSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'inherit' });

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
// The manifest without what only matters to this repository (the CLI, scripts, test setup).
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const key of ['bin', 'scripts', 'devDependencies', 'mocha']) delete manifest[key];
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(join(root, 'README.md'), join(stage, 'README.md'));
copyFileSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
copyFileSync(join(here, 'LICENSE.txt'), join(stage, 'LICENSE.txt'));
copyFileSync(join(here, 'CHANGELOG.md'), join(stage, 'CHANGELOG.md'));
cpSync(join(root, 'dist'), join(stage, 'dist'), { recursive: true });

const vsix = join(root, `${manifest.name}-${manifest.version}.vsix`);
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
// Everything the extension needs is bundled: no node_modules in the package.
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: stage, stdio: 'inherit' });
console.log(`${relative(process.cwd(), vsix) || vsix}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB`);
