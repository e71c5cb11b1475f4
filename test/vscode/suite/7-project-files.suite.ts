// end-of-life-python in the editor: a diagnostic on the version text of an open
// pyproject.toml (and Dockerfile), with a hover on what a supported line brings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsOf, fixture, hoverText, open, pymodernDiagnostics, summarize, waitFor } from '../helpers';

suite('project files', () => {
  const pyproject = () => fixture('legacy', 'pyproject.toml');
  teardown(closeAll);

  test('an end-of-life requires-python is a warning on its line in pyproject.toml, linked to its trend', async () => {
    await open(pyproject());
    const diagnostics = await diagnosticsOf(pyproject());
    assert.deepEqual(summarize(diagnostics), [['end-of-life-python', 2, 19, 2, 24]]);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /^`requires-python` admits Python 3\.8, past its end of life \(2024-10-07\); the oldest supported line is 3\.\d+/);
    assert.match(String((diagnostic.code as { target: vscode.Uri }).target.query), /faster-cpython/);
  });

  test('the hover says what a supported line brings', async () => {
    await open(pyproject());
    await diagnosticsOf(pyproject());
    const { text } = await hoverText(pyproject(), new vscode.Position(2, 21));
    assert.match(text, /\*\*pymodern\*\* · `end-of-life-python`/);
    assert.match(text, /Raise the lower bound to a supported line, e\.g\. `>=3\.\d+`/);
    assert.match(text, /3\.11: about 1\.25× faster than 3\.10 on pyperformance/);
    assert.match(text, /Open trend page/);
    const away = await hoverText(pyproject(), new vscode.Position(0, 2));
    assert.doesNotMatch(away.text, /end-of-life-python/);
  });

  test('a Dockerfile FROM python:3.8 too; editing the line updates it; closing clears it', async () => {
    const dockerfile = fixture('legacy', 'Dockerfile');
    const editor = await open(dockerfile);
    assert.deepEqual(summarize(await diagnosticsOf(dockerfile)), [['end-of-life-python', 0, 12, 0, 15]]);
    await editor.edit((b) => b.replace(new vscode.Range(0, 12, 0, 15), '3.13'));
    await diagnosticsOf(dockerfile, (d) => d.length === 0);
    await closeAll();
    await waitFor('cleared', () => (pymodernDiagnostics(dockerfile).length === 0 ? true : undefined));
  });
});
