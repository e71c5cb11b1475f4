// The extension host never parses: its bundle must not contain the parser. A stray import
// (one helper from a module that also builds queries) would pull web-tree-sitter's runtime
// into extension.js and let a parse creep back onto the host.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from '../../helpers/cli';

describe('vscode adapter: the extension host bundle', () => {
  it('leaves web-tree-sitter and the engine to the analysis worker', async () => {
    const result = await build({
      entryPoints: [join(REPO_ROOT, 'src/vscode/extension.ts')],
      bundle: true,
      platform: 'node',
      external: ['vscode'],
      write: false,
      metafile: true,
      outfile: 'extension.js',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((path) => path.includes('web-tree-sitter') || /src\/engine\/(engine|parser|facts)\.ts$/.test(path)), []);
    assert.ok(inputs.some((path) => path.endsWith('src/node/analysis-client.ts')), 'sanity: the bundle is the extension');
  });
});
