// Quick fixes and fix-all: what is offered, in which order, what is preferred, and what
// applying them does to the document and its diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeActions, diagnosticsOf, fixture, open, pymodernDiagnostics, ruleOf, waitFor } from '../helpers';

suite('code actions', () => {
  const service = () => fixture('app', 'service.py');
  let original: string;

  suiteSetup(async () => {
    original = Buffer.from(await vscode.workspace.fs.readFile(service())).toString('utf8');
  });

  setup(async () => {
    await open(service());
    await diagnosticsOf(service(), (d) => d.length === 4);
  });

  teardown(async () => {
    await closeAll();
    await vscode.workspace.fs.writeFile(service(), Buffer.from(original));
  });

  const diagnosticOn = (line: number) => pymodernDiagnostics(service()).find((d) => d.range.start.line === line)!;

  test('offers fix, fix all, disable and explain, in that order; only the safe fix is preferred', async () => {
    const diagnostic = diagnosticOn(7);
    const actions = await codeActions(service(), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind?.value, !!a.isPreferred]),
      [
        ['Replace with `await asyncio.sleep(0.5)`', 'quickfix', true],
        ['Fix all blocking-sleep-in-async in this file', 'quickfix', false],
        ['Disable blocking-sleep-in-async for this line', 'quickfix', false],
        ['Explain: Async-first Python services', 'quickfix', false],
      ],
    );
    const explain = actions[3];
    assert.deepEqual(explain.command && [explain.command.command, explain.command.arguments], ['pymodern.showTrend', ['async-first-services']]);
  });

  test('a rule without a fix still offers disable and explain; one finding of a rule has no fix all', async () => {
    const csv = await codeActions(service(), diagnosticOn(8).range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(csv.map((a) => a.title), ['Disable pandas-read-csv for this line', 'Explain: High-performance dataframes']);
    const annotation = await codeActions(service(), diagnosticOn(17).range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(annotation.map((a) => [a.title, !!a.isPreferred]), [
      ['Add `-> None`', true],
      ['Disable missing-return-annotation for this line', false],
      ['Explain: Typed Python', false],
    ]);
  });

  test('applying the quick fix changes the document and clears the diagnostic', async () => {
    const [fix] = await codeActions(service(), diagnosticOn(7).range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const document = vscode.window.activeTextEditor!.document;
    assert.match(document.getText(), /^async def handler\(request\) -> dict:\n {4}await asyncio\.sleep\(0\.5\)$/m);
    assert.match(document.getText(), /^import pandas as pd\nimport asyncio$/m);
    const after = await diagnosticsOf(service(), (d) => d.length === 3);
    assert.deepEqual(after.map((d) => [ruleOf(d), document.lineAt(d.range.start.line).text.trim()]), [
      ['pandas-read-csv', 'frame = pd.read_csv("orders.csv", sep=";")'],
      ['blocking-sleep-in-async', 'time.sleep(2)  # noqa: E501'],
      ['missing-return-annotation', 'def report():'],
    ]);
  });

  test('fix all <rule> fixes every finding of that rule and adds the import once', async () => {
    const actions = await codeActions(service(), diagnosticOn(13).range, vscode.CodeActionKind.QuickFix.value);
    const fixAll = actions.find((a) => a.title === 'Fix all blocking-sleep-in-async in this file')!;
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.equal(text.match(/await asyncio\.sleep\((0\.5|2)\)/g)?.length, 2);
    assert.equal(text.match(/^import asyncio$/gm)?.length, 1);
    await diagnosticsOf(service(), (d) => d.length === 2 && d.every((x) => ruleOf(x) !== 'blocking-sleep-in-async'));
  });

  test('disable for this line keeps an existing comment and silences the finding', async () => {
    const actions = await codeActions(service(), diagnosticOn(13).range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable blocking-sleep-in-async for this line')!;
    assert.ok(await vscode.workspace.applyEdit(disable.edit!));
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.lineAt(13).text, '    time.sleep(2)  # noqa: E501  # pymodern: ignore[blocking-sleep-in-async]');
    await diagnosticsOf(service(), (d) => d.length === 3 && d.every((x) => x.range.start.line !== 13));
  });

  test('source.fixAll.pymodern applies every safe fix on save', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'python' });
    await editorConfig.update('codeActionsOnSave', { 'source.fixAll.pymodern': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const saved = Buffer.from(await vscode.workspace.fs.readFile(service())).toString('utf8');
      assert.match(saved, /^ {4}await asyncio\.sleep\(0\.5\)$/m);
      assert.match(saved, /^ {4}await asyncio\.sleep\(2\) {2}# noqa: E501$/m);
      assert.match(saved, /^def report\(\) -> None:$/m);
      assert.match(saved, /pd\.read_csv\("orders\.csv", sep=";"\)/, 'findings without a safe fix stay');
      const left = await diagnosticsOf(service(), (d) => d.length === 1);
      assert.equal(ruleOf(left[0]), 'pandas-read-csv');
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  test('the palette command applies every safe fix to the open file', async () => {
    await vscode.commands.executeCommand('pymodern.fixAll');
    const text = await waitFor('the fixes', () => {
      const t = vscode.window.activeTextEditor!.document.getText();
      return t.includes('def report() -> None:') ? t : undefined;
    });
    assert.equal(text.match(/await asyncio\.sleep/g)?.length, 2);
    await diagnosticsOf(service(), (d) => d.length === 1);
  });

  test('the source action is offered only on request and only with something to fix', async () => {
    const whole = new vscode.Range(0, 0, 0, 0);
    const source = await codeActions(service(), whole, 'source.fixAll.pymodern');
    assert.deepEqual(source.map((a) => [a.title, a.kind?.value]), [['pymodern: Fix all safe fixes', 'source.fixAll.pymodern']]);
    const quick = await codeActions(service(), whole, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(quick.filter((a) => a.kind?.value.startsWith('source')), []);
    const clean = fixture('app', 'clean.py');
    await open(clean);
    await waitFor('clean.py analysed', () => (vscode.window.activeTextEditor?.document.uri.toString() === clean.toString() ? true : undefined));
    assert.deepEqual(await codeActions(clean, whole, 'source.fixAll.pymodern'), []);
  });
});
