// Diagnostics as a user sees them: ids, ranges, severities, trend links; nearest
// pyproject.toml; settings; editing pyproject.toml; closing clears.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, closeAll, diagnosticsOf, EXTENSION_ID, fixture, open, pymodernDiagnostics, recordTiming, ruleOf, sleep, summarize, waitFor } from '../helpers';

const W = vscode.DiagnosticSeverity.Warning;
const I = vscode.DiagnosticSeverity.Information;
const E = vscode.DiagnosticSeverity.Error;

suite('diagnostics', () => {
  const service = () => fixture('app', 'service.py');

  suiteSetup(async () => {
    console.log(`VS Code ${vscode.version}, appName=${vscode.env.appName}, uiKind=${vscode.env.uiKind}, remoteName=${vscode.env.remoteName}`);
  });

  teardown(closeAll);

  test('activates on a Python file and reports its activation time and the worker\'s engine load', async () => {
    await open(service());
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor('activation', () => (extension.isActive ? true : undefined));
    const api = await activatedApi();
    assert.ok(api.activationMs > 0 && api.activationMs < 10_000, `activation took ${api.activationMs} ms`);
    recordTiming('activation ms', api.activationMs);
    // The engine loads in the analysis worker, after activation returned.
    await api.engineReady;
    assert.ok(api.engineMs > 0, `engine load ${api.engineMs} ms`);
    recordTiming('analysis worker: engine load ms', api.engineMs);
  });

  test('publishes the findings of a file with rule ids, ranges, severities and trend links', async () => {
    await open(service());
    const diagnostics = await diagnosticsOf(service(), (d) => d.length === 4);
    assert.deepEqual(summarize(diagnostics), [
      ['blocking-sleep-in-async', 7, 4, 7, 19],
      ['pandas-read-csv', 8, 12, 8, 46],
      ['blocking-sleep-in-async', 13, 4, 13, 17],
      ['missing-return-annotation', 17, 4, 17, 10],
    ]);
    const byLine = new Map(diagnostics.map((d) => [d.range.start.line, d]));
    assert.deepEqual([7, 8, 13, 17].map((line) => byLine.get(line)!.severity), [W, I, W, I]);
    const sleep = byLine.get(7)!;
    assert.equal(sleep.message, '`time.sleep()` blocks the event loop inside coroutine `handler`');
    assert.equal(sleep.source, 'pymodern');
    const code = sleep.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'blocking-sleep-in-async');
    assert.equal(code.target.scheme, 'command');
    assert.equal(code.target.path, 'pymodern.showTrend');
    assert.deepEqual(JSON.parse(code.target.query), ['async-first-services']);
    const csv = byLine.get(8)!.code as { target: vscode.Uri };
    assert.deepEqual(JSON.parse(csv.target.query), ['high-performance-dataframes']);
  });

  test('the diagnostic link opens the trend page as rendered Markdown', async () => {
    await open(service());
    const [diagnostic] = await diagnosticsOf(service());
    const target = (diagnostic.code as { target: vscode.Uri }).target;
    // What the Problems panel and the hover do with a command link.
    await vscode.commands.executeCommand(target.path, ...(JSON.parse(target.query) as unknown[]));
    const tab = await waitFor('the trend page preview', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview') && t.label.includes('async-first-services')),
    );
    assert.match(tab.label, /Preview async-first-services\.md/);
  });

  test('each file uses its nearest pyproject.toml', async () => {
    const inner = fixture('monorepo', 'pkg', 'worker.py'); // [tool.pymodern]: ignore typing, sleep = error
    const outer = fixture('monorepo', 'top.py'); // pyproject.toml without [tool.pymodern]
    await open(inner);
    await open(outer);
    assert.deepEqual(
      (await diagnosticsOf(inner)).map((d) => [d.code && (d.code as { value: string }).value, d.severity]),
      [['blocking-sleep-in-async', E]],
    );
    assert.deepEqual(summarize(await diagnosticsOf(outer, (d) => d.length === 2)).map((s) => s[0]), ['missing-return-annotation', 'blocking-sleep-in-async']);
  });

  test('settings override pyproject.toml and re-analyse open files', async () => {
    const config = vscode.workspace.getConfiguration('pymodern');
    await open(service());
    await diagnosticsOf(service(), (d) => d.length === 4);
    try {
      await config.update('select', ['dataframes'], vscode.ConfigurationTarget.Workspace);
      await diagnosticsOf(service(), (d) => d.length === 1 && d[0].range.start.line === 8);
      await config.update('select', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('severity', { 'blocking-sleep-in-async': 'hint' }, vscode.ConfigurationTarget.Workspace);
      const diagnostics = await diagnosticsOf(service(), (d) => d.length === 4 && d[0].severity === vscode.DiagnosticSeverity.Hint);
      assert.equal(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).length, 2);
    } finally {
      await config.update('select', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsOf(service(), (d) => d.length === 4 && d.every((x) => x.severity !== vscode.DiagnosticSeverity.Hint));
  });

  test('pymodern.preview adds the preview rules to the selection', async () => {
    const config = vscode.workspace.getConfiguration('pymodern');
    await open(service());
    await diagnosticsOf(service(), (d) => d.length === 4);
    try {
      await config.update('preview', true, vscode.ConfigurationTarget.Workspace);
      // missing-parameter-annotation (preview) on `request` and `client`.
      const diagnostics = await diagnosticsOf(service(), (d) => d.length === 6);
      const preview = diagnostics.filter((d) => (d.code as { value: string }).value === 'missing-parameter-annotation');
      assert.deepEqual(preview.map((d) => d.range.start.line), [6, 12]);
    } finally {
      await config.update('preview', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsOf(service(), (d) => d.length === 4);
  });

  test('a suppression comment that silences nothing gets a warning on the comment, gone once mended', async () => {
    const editor = await open(service());
    await diagnosticsOf(service(), (d) => d.length === 4);
    try {
      // Line 13 is `    time.sleep(2)  # noqa: E501`: a typo'd rule id silences nothing.
      const line = editor.document.lineAt(13);
      await editor.edit((b) => b.insert(line.range.end, '  # pymodern: ignore[blocking-slep-in-async]'));
      const diagnostics = await diagnosticsOf(service(), (d) => d.length === 5);
      const warning = diagnostics.find((d) => ruleOf(d) === 'invalid-suppression')!;
      assert.equal(warning.severity, W);
      assert.equal(warning.message, 'unknown rule or family `blocking-slep-in-async` in a pymodern directive: it silences nothing (see `pymodern rules`)');
      assert.deepEqual([warning.range.start.line, warning.range.start.character, warning.range.end.character], [13, line.text.length + 2, line.text.length + 44]);
      // The finding it meant to silence is still there.
      assert.ok(diagnostics.some((d) => ruleOf(d) === 'blocking-sleep-in-async' && d.range.start.line === 13));
      await editor.edit((b) => b.replace(new vscode.Range(13, line.text.length + 31, 13, line.text.length + 32), 'le'));
      await diagnosticsOf(service(), (d) => d.length === 3 && !d.some((x) => ruleOf(x) === 'invalid-suppression'));
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('pymodern.timeBudget: an analysis past it keeps the last findings and says the file is too complex', async () => {
    const config = vscode.workspace.getConfiguration('pymodern');
    const api = await activatedApi();
    const editor = await open(service());
    await diagnosticsOf(service(), (d) => d.length === 4);
    try {
      await config.update('timeBudget', 0.001, vscode.ConfigurationTarget.Workspace);
      const stopped = new Promise<string>((resolve) => {
        const listener = api.onDidAnalyze((event) => {
          if (event.uri.toString() === service().toString() && event.stopped) {
            listener.dispose();
            resolve(event.stopped);
          }
        });
      });
      // 2,000 async defs with a blocking call (tens of ms of analysis, against 1 ms): their findings would appear if it finished.
      const more = Array.from({ length: 2000 }, (_, i) => `\n\nasync def more${i}() -> None:\n    time.sleep(3)\n`).join('');
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), more));
      assert.match(await stopped, /^analysis stopped: file too complex \(/);
      assert.equal(pymodernDiagnostics(service()).length, 4, 'the last findings stay');
      await config.update('timeBudget', undefined, vscode.ConfigurationTarget.Workspace);
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      await diagnosticsOf(service(), (d) => d.length === 2004);
    } finally {
      await config.update('timeBudget', undefined, vscode.ConfigurationTarget.Workspace);
      // The revert command acts on the active editor: make sure it is this file's (a
      // notification or a slow config write can move the focus on a loaded machine).
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await diagnosticsOf(service(), (d) => d.length === 4);
    }
  });

  test('pymodern.run onSave analyses on save only; pymodern.enable false clears and stops', async () => {
    const config = vscode.workspace.getConfiguration('pymodern');
    const editor = await open(service());
    await diagnosticsOf(service(), (d) => d.length === 4);
    try {
      await config.update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# one more line\n'));
      await sleep(800); // several typing pauses
      assert.deepEqual(summarize(pymodernDiagnostics(service())).map((d) => d[1]), [7, 8, 13, 17], 'not re-analysed while typing');
      await editor.document.save();
      await diagnosticsOf(service(), (d) => summarize(d).map((x) => x[1]).join() === '8,9,14,18');

      await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
      await diagnosticsOf(service(), (d) => d.length === 0);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# and another\n'));
      await editor.document.save();
      await sleep(500);
      assert.deepEqual(pymodernDiagnostics(service()), []);
    } finally {
      await config.update('run', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
      const text = editor.document.getText().replace('# and another\n# one more line\n', '');
      await vscode.workspace.fs.writeFile(service(), Buffer.from(text));
    }
    await diagnosticsOf(service(), (d) => summarize(d).map((x) => x[1]).join() === '7,8,13,17');
  });

  test('editing pyproject.toml re-analyses open files', async () => {
    const pyproject = fixture('app', 'pyproject.toml');
    await open(service());
    await diagnosticsOf(service(), (d) => d.length === 4);
    try {
      await vscode.workspace.fs.writeFile(pyproject, Buffer.from('[tool.pymodern]\nignore = ["dataframes"]\n'));
      await diagnosticsOf(service(), (d) => d.length === 3 && d.every((x) => x.range.start.line !== 8));
    } finally {
      await vscode.workspace.fs.delete(pyproject);
    }
    await diagnosticsOf(service(), (d) => d.length === 4);
  });

  test('a broken pyproject.toml is reported on that file and its Python files are not analysed', async () => {
    const skipped = fixture('broken', 'skipped.py');
    await open(skipped);
    const [error] = await diagnosticsOf(fixture('broken', 'pyproject.toml'));
    assert.equal(error.severity, E);
    assert.equal(error.range.start.line, 1);
    assert.match(error.message, /tool\.pymodern\.select\[0\]: unknown rule id or family "no-such-rule"/);
    assert.deepEqual(pymodernDiagnostics(skipped), []);
  });

  test('typing in a def re-analyses it alone at once, then the whole file once typing pauses', async () => {
    const helpers = fixture('app', 'helpers.py'); // handler() calls load(), which sleeps
    const api = await activatedApi();
    const editor = await open(helpers);
    const before = await diagnosticsOf(helpers, (d) => d.some((x) => ruleOf(x) === 'blocking-helper-call-in-async'));
    assert.deepEqual(before.filter((x) => ruleOf(x) === 'blocking-helper-call-in-async').map((x) => x.range.start.line), [9]);
    const events: { provisional: boolean; helperFinding: boolean }[] = [];
    const listener = api.onDidAnalyze((e) => {
      if (e.uri.toString() !== helpers.toString()) return;
      events.push({ provisional: e.provisional, helperFinding: pymodernDiagnostics(helpers).some((x) => ruleOf(x) === 'blocking-helper-call-in-async') });
    });
    try {
      // load() stops sleeping: an edit inside its body, analysed alone first.
      const sleepLine = editor.document.lineAt(4);
      assert.equal(sleepLine.text, '    time.sleep(1)');
      await editor.edit((b) => b.replace(new vscode.Range(4, 4, 4, sleepLine.text.length), 'pass'));
      await waitFor('the whole-file analysis after the pause', () => (events.some((e) => !e.provisional) ? true : undefined));
      assert.equal(events[0].provisional, true, JSON.stringify(events));
      // handler() is another def: its finding goes with the whole-file analysis.
      assert.deepEqual(events.at(-1), { provisional: false, helperFinding: false });
    } finally {
      listener.dispose();
    }
  });

  test('closing a file clears its diagnostics', async () => {
    await open(service());
    await diagnosticsOf(service());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await diagnosticsOf(service(), (d) => d.length === 0, 30_000);
  });
});
