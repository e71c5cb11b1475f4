// The packaged .vsix, installed into a clean extensions folder: proves the package holds
// everything that runs (bundle, WASM, rules, trend pages, analysis and scan workers) and nothing else.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activatedApi, closeAll, diagnosticsOf, EXTENSION_ID, fixture, open, recordTiming, summarize, waitFor } from '../helpers';

function filesUnder(root: string, dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, full) : [path.relative(root, full).split(path.sep).join('/')];
  });
}

suite('installed .vsix', () => {
  teardown(closeAll);

  test('is the installed package, holding only what runs', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'pymodern is installed');
    assert.match(extension.extensionPath, /[\\/]extensions[\\/]pymodern\.pymodern-\d+\.\d+\.\d+$/);
    const files = filesUnder(extension.extensionPath).filter((f) => f !== '.vsixmanifest').sort();
    // vsce stores the README and CHANGELOG under lower-case names.
    assert.deepEqual(files, [
      'LICENSE.txt',
      'changelog.md',
      'dist/analysis-worker.js',
      'dist/extension.js',
      'dist/rules.json',
      'dist/scan-worker.js',
      'dist/tree-sitter-python.wasm',
      'dist/tree-sitter.wasm',
      'dist/trends/ai-native-apps.md',
      'dist/trends/async-first-services.md',
      'dist/trends/faster-cpython.md',
      'dist/trends/high-performance-dataframes.md',
      'dist/trends/lean-web-apis.md',
      'dist/trends/modern-stdlib.md',
      'dist/trends/secure-by-default.md',
      'dist/trends/typed-python.md',
      'dist/trends/validated-data.md',
      'package.json',
      'readme.md',
    ]);
  });

  test('diagnostics appear in a Python file', async () => {
    const service = fixture('app', 'service.py');
    await open(service);
    const diagnostics = await diagnosticsOf(service, (d) => d.length === 4, 60_000);
    const api = await activatedApi();
    recordTiming('installed .vsix: activation ms', api.activationMs);
    assert.deepEqual(summarize(diagnostics).map((d) => d[0]), ['blocking-sleep-in-async', 'pandas-read-csv', 'blocking-sleep-in-async', 'missing-return-annotation']);
  });

  test('trend pages open from the package', async () => {
    await vscode.commands.executeCommand('pymodern.showTrend', 'typed-python');
    await waitFor('the trend page preview', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes('typed-python')),
    );
  });

  test('the workspace scan runs its packaged worker', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number }>('pymodern.scanWorkspace');
    assert.ok(summary.files >= 5 && summary.findings >= 8, JSON.stringify(summary));
    await diagnosticsOf(fixture('scan', 'jobs.py'), (d) => d.length === 4);
  });
});
