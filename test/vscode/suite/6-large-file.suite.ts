// A 5,000-line file: an edit in the middle updates the diagnostics below it, and the time
// from a keystroke to updated diagnostics is measured in the real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, closeAll, diagnosticsOf, fixture, open, pymodernDiagnostics, recordTiming } from '../helpers';

const LINES = 5000;

/** Realistic code: async handlers, one in ten with a blocking sleep. */
function bigFile(): string {
  const lines = ['import time', '', '', ''];
  for (let i = 0; lines.length < LINES - 10; i++) {
    lines.push(
      `async def handler_${i}(request) -> int:`,
      '    total = 0',
      '    for item in request.items:',
      '        total += item.price * item.quantity',
      '    if total > 100:',
      '        total -= 10',
      i % 10 === 0 ? '    time.sleep(0.01)' : '    total = round(total, 2)',
      '    return total',
      '',
      '',
    );
  }
  while (lines.length < LINES) lines.push('');
  return lines.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

suite('large file', () => {
  const big = () => fixture('big.py');

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(big(), Buffer.from(bigFile()));
  });
  teardown(closeAll);
  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(big());
  });

  test('an edit in the middle updates the diagnostics below it', async () => {
    const editor = await open(big());
    assert.equal(editor.document.lineCount, LINES);
    const before = await diagnosticsOf(big(), (d) => d.length === 50, 60_000);
    const middle = 2495; // `    total = 0` of handler_249, which has no sleep
    const above = before.filter((d) => d.range.start.line < middle).map((d) => d.range.start.line);
    const below = before.filter((d) => d.range.start.line >= middle).map((d) => d.range.start.line);
    assert.ok(above.length > 10 && below.length > 10);

    // Two new lines in the middle, one of them a new finding.
    const anchor = editor.document.lineAt(middle);
    assert.equal(anchor.text, '    total = 0', 'the middle of a handler body');
    await editor.edit((b) => b.insert(anchor.range.end, '\n    time.sleep(1)\n    total = 1'));
    const after = await diagnosticsOf(big(), (d) => d.length === 51, 30_000);
    const lines = after.map((d) => d.range.start.line).sort((x, y) => x - y);
    assert.deepEqual(lines, [...above, middle + 1, ...below.map((l) => l + 2)]);
    assert.equal(after.find((d) => d.range.start.line === middle + 1)!.range.start.character, 4);
  });

  test('keystroke to updated diagnostics (measured)', async () => {
    const api = await activatedApi();
    const editor = await open(big());
    await diagnosticsOf(big(), (d) => d.length === 50, 60_000);
    const analysisMs: number[] = [];
    const listener = api.onDidAnalyze((e) => {
      if (e.uri.toString() === big().toString()) analysisMs.push(e.ms);
    });
    const totals: number[] = [];
    try {
      for (let round = 0; round < 6; round++) {
        // A real keystroke: Enter at the end of a line in the middle pushes every finding below down.
        const line = 2400 + round * 7;
        editor.selection = new vscode.Selection(line, editor.document.lineAt(line).text.length, line, editor.document.lineAt(line).text.length);
        const lastBefore = Math.max(...pymodernDiagnostics(big()).map((d) => d.range.start.line));
        const changed = new Promise<number>((resolve) => {
          const sub = vscode.languages.onDidChangeDiagnostics((e) => {
            if (!e.uris.some((u) => u.toString() === big().toString())) return;
            if (Math.max(...pymodernDiagnostics(big()).map((d) => d.range.start.line)) !== lastBefore + 1) return;
            sub.dispose();
            resolve(performance.now());
          });
        });
        const started = performance.now();
        await vscode.commands.executeCommand('type', { text: '\n' });
        totals.push((await changed) - started);
      }
    } finally {
      listener.dispose();
    }
    recordTiming('keystroke to diagnostics, 5000 lines, median ms', median(totals));
    recordTiming('keystroke to diagnostics, 5000 lines, max ms', Math.max(...totals));
    recordTiming('reparse + analysis, 5000 lines, median ms', median(analysisMs.slice(-totals.length)));
    assert.ok(median(totals) < 3000, `median ${median(totals)} ms`);
  });
});
