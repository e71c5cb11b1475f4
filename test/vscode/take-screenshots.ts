// Not a test: drives the real editor into the states the README shows — a diagnostic, a
// hover, the quick-fix menu — and asks the runner (run-code-server.mjs --screenshots=DIR)
// to photograph each. Built to out/test-vscode/screenshots/index.js; `run.sh --screenshots`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsOf, fixture, open, sleep, waitFor } from './helpers';

async function shoot(name: string): Promise<void> {
  const file = path.join(process.env.PYMODERN_SCREENSHOTS!, `${name}.png`);
  fs.rmSync(file, { force: true });
  await sleep(800);
  console.log(`[pymodern-screenshot] ${name}`);
  await waitFor(`screenshot ${name}`, () => (fs.existsSync(file) ? true : undefined), 30_000);
}

export async function run(): Promise<void> {
  const service = fixture('app', 'service.py');
  const editor = await open(service);
  await diagnosticsOf(service, (d) => d.length === 4);
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  const at = new vscode.Position(7, 10);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(0, 0, 20, 0), vscode.TextEditorRevealType.AtTop);
  await shoot('diagnostic');

  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('editor.action.showHover');
  await shoot('hover');

  // A fresh editor, without the hover.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const again = await open(service);
  again.selection = new vscode.Selection(at, at);
  await vscode.commands.executeCommand('editor.action.quickFix');
  await shoot('quick-fix');
}
