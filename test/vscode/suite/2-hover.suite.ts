// Hovers: what is wrong, why now, the modern form from the user's own code, command links.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsOf, fixture, hoverText, open } from '../helpers';

suite('hover', () => {
  const service = () => fixture('app', 'service.py');

  setup(async () => {
    await open(service());
    await diagnosticsOf(service(), (d) => d.length === 4);
  });
  teardown(closeAll);

  test('explains a blocking sleep: what is wrong, why now, the modern form, command links', async () => {
    const { text, contents } = await hoverText(service(), new vscode.Position(7, 10));
    assert.match(text, /\*\*pymodern\*\* · `blocking-sleep-in-async` — `time\.sleep\(\)` inside `async def` · Ruff: ASYNC251\n/, 'the peer code Ruff users know');
    assert.match(text, /\*\*Why now — Async-first Python services\.\*\* Python web services now commonly run on a single asyncio event loop/);
    assert.match(text, /```python\s+await asyncio\.sleep\(0\.5\)\s+```/, 'the modern form uses the arguments of this call');
    assert.match(text, /\[\$\(wrench\) Apply fix\]\(command:pymodern\.applyFix\?/);
    assert.match(text, /\[\$\(book\) Open trend page\]\(command:pymodern\.showTrend\?%5B%22async-first-services%22%5D/);
    assert.match(text, /\[\$\(circle-slash\) Disable for this line\]\(command:pymodern\.disableForLine\?/);
    const ours = contents.find((c) => c.value.includes('blocking-sleep-in-async'))!;
    assert.deepEqual(ours.isTrusted, { enabledCommands: ['pymodern.applyFix', 'pymodern.showTrend', 'pymodern.disableForLine'] });
  });

  test('builds the polars form from the user\'s arguments', async () => {
    const { text } = await hoverText(service(), new vscode.Position(8, 20));
    assert.match(text, /`pandas-read-csv`/);
    // `sep` renamed; nothing to push into a lazy scan, so an eager read.
    assert.match(text, /pl\.read_csv\("orders\.csv", separator=";"\)/);
    assert.doesNotMatch(text, /Apply fix/, 'this rule has no automatic fix');
  });

  test('the hover\'s links run: apply the fix', async () => {
    const { contents } = await hoverText(service(), new vscode.Position(7, 10));
    const link = /\(command:pymodern\.applyFix\?([^ )]+)/.exec(contents.map((c) => c.value).join('\n'))!;
    // As VS Code's link opener does: the query, decoded, is the JSON array of arguments.
    const args = JSON.parse(decodeURIComponent(vscode.Uri.parse(`command:x?${link[1]}`).query)) as unknown[];
    assert.equal(await vscode.commands.executeCommand('pymodern.applyFix', ...args), true);
    const document = vscode.window.activeTextEditor!.document;
    assert.match(document.getText(), /^ {4}await asyncio\.sleep\(0\.5\)$/m);
    assert.match(document.getText(), /^import pandas as pd\nimport asyncio$/m, 'the fix adds the import');
  });

  test('no hover away from findings', async () => {
    const { text } = await hoverText(service(), new vscode.Position(0, 3));
    assert.doesNotMatch(text, /pymodern/);
  });
});
