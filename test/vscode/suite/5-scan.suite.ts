// The workspace scan: every Python file on disk, in worker threads, into the Problems panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsOf, fixture, open, pymodernDiagnostics, summarize } from '../helpers';

interface ScanSummary {
  files: number;
  findings: number;
  problems: number;
  cancelled: boolean;
  ms: number;
}

suite('workspace scan', () => {
  teardown(closeAll);

  test('publishes the findings of files that are not open, skipping virtualenvs and broken configs', async () => {
    const jobs = fixture('scan', 'jobs.py');
    const loader = fixture('scan', 'sub', 'loader.py');
    assert.deepEqual(pymodernDiagnostics(jobs), [], 'not analysed before the scan');
    const summary = await vscode.commands.executeCommand<ScanSummary>('pymodern.scanWorkspace');
    console.log(`scan: ${JSON.stringify(summary)}`);
    assert.equal(summary.cancelled, false);
    assert.ok(summary.files >= 2 && summary.files <= 7, `${summary.files} files`);
    assert.equal(summary.problems, 1, 'broken/pyproject.toml');
    assert.deepEqual(summarize(pymodernDiagnostics(jobs)), [
      ['missing-return-annotation', 3, 10, 3, 14],
      ['blocking-sleep-in-async', 4, 4, 4, 14],
      ['missing-return-annotation', 7, 10, 7, 14],
      ['blocking-sleep-in-async', 8, 4, 8, 14],
    ]);
    const [csv] = pymodernDiagnostics(loader);
    assert.equal(csv.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(JSON.parse((csv.code as { target: vscode.Uri }).target.query), ['high-performance-dataframes']);
    assert.deepEqual(pymodernDiagnostics(fixture('.venv', 'lib', 'vendored.py')), [], 'virtualenvs are skipped');
    assert.deepEqual(pymodernDiagnostics(fixture('broken', 'skipped.py')), [], 'files under a broken pyproject.toml are skipped');
    assert.ok(pymodernDiagnostics(fixture('broken', 'pyproject.toml')).length === 1);
  });

  test('stops when cancelled and publishes nothing; the next scan runs normally', async () => {
    const jobs = fixture('scan', 'jobs.py');
    const cancellation = new vscode.CancellationTokenSource();
    const scan = vscode.commands.executeCommand<ScanSummary>('pymodern.scanWorkspace', cancellation.token);
    cancellation.cancel();
    const summary = await scan;
    console.log(`cancelled scan: ${JSON.stringify(summary)}`);
    assert.equal(summary.cancelled, true);
    assert.equal(summary.files, 0, 'cancelled before the first batch');
    assert.deepEqual(pymodernDiagnostics(jobs), [], 'the previous scan\'s results were withdrawn and none published');
    // A new scan runs normally afterwards (the cancelled one released its threads and lock).
    const again = await vscode.commands.executeCommand<ScanSummary>('pymodern.scanWorkspace');
    assert.equal(again.cancelled, false);
    assert.ok(pymodernDiagnostics(jobs).length > 0);
  });

  test('an opened file takes over from the scan; closing it clears it', async () => {
    const jobs = fixture('scan', 'jobs.py');
    await vscode.commands.executeCommand('pymodern.scanWorkspace');
    const editor = await open(jobs);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'import time\n'));
    // Live analysis of the unsaved text: every finding one line down.
    await diagnosticsOf(jobs, (d) => d.length === 4 && d.every((x) => x.range.start.line >= 4));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await diagnosticsOf(jobs, (d) => d.length === 0, 30_000);
  });
});
