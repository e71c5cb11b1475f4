// Notebooks: Python cells are analysed together, so imports from an earlier cell count.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeActions, diagnosticsOf, fixture, hoverText, pymodernDiagnostics, summarize } from '../helpers';

suite('notebooks', () => {
  let notebook: vscode.NotebookDocument;
  const cell = (i: number) => notebook.cellAt(i).document;

  setup(async () => {
    notebook = await vscode.workspace.openNotebookDocument(fixture('notebooks', 'analysis.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
  });
  teardown(closeAll);

  test('a cell using names imported in an earlier cell gets diagnostics', async () => {
    assert.equal(cell(2).languageId, 'python');
    // Cell 3 starts with `%matplotlib inline`; `pd` comes from cell 1.
    assert.deepEqual(summarize(await diagnosticsOf(cell(2).uri)), [['pandas-read-csv', 1, 9, 1, 34]]);
    // `time` comes from cell 1 too.
    assert.deepEqual(summarize(await diagnosticsOf(cell(3).uri)), [['blocking-sleep-in-async', 1, 4, 1, 17]]);
    assert.deepEqual(pymodernDiagnostics(cell(0).uri), []);
  });

  test('hovers and quick fixes work in cells; the import goes to the first cell', async () => {
    const [diagnostic] = await diagnosticsOf(cell(3).uri);
    const { text } = await hoverText(cell(3).uri, new vscode.Position(1, 8));
    assert.match(text, /```python\s+await asyncio\.sleep\(1\)\s+```/);
    const actions = await codeActions(cell(3).uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => a.title), [
      'Replace with `await asyncio.sleep(1)`',
      'Disable blocking-sleep-in-async for this line',
      'Explain: Async-first Python services',
    ]);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.equal(cell(3).lineAt(1).text, '    await asyncio.sleep(1)');
    assert.equal(cell(0).getText(), 'import time\n\nimport pandas as pd\nimport asyncio');
    await diagnosticsOf(cell(3).uri, (d) => d.length === 0);
  });

  test('editing a cell re-analyses the notebook', async () => {
    await diagnosticsOf(cell(2).uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(cell(0).uri, new vscode.Range(2, 0, 2, 19), 'import polars as pl');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Without `import pandas as pd`, `pd.read_csv` is no longer pandas.
    await diagnosticsOf(cell(2).uri, (d) => d.length === 0);
  });
});
