// The status bar item: pymodern's findings in the active file (or notebook). Clicking it
// opens the Problems panel with its filter focused.
import * as vscode from 'vscode';
import { SOURCE } from './diagnostics';

export const SHOW_PROBLEMS = 'pymodern.showProblems';

export function registerStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('pymodern.findings', vscode.StatusBarAlignment.Right, 100);
  item.name = 'pymodern findings';
  item.command = SHOW_PROBLEMS;

  const activeDocuments = (): vscode.Uri[] | undefined => {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    const editor = vscode.window.activeTextEditor;
    if (notebook && (!editor || editor.document.uri.scheme === 'vscode-notebook-cell')) {
      return notebook.getCells().filter((c) => c.document.languageId === 'python').map((c) => c.document.uri);
    }
    return editor?.document.languageId === 'python' ? [editor.document.uri] : undefined;
  };

  const update = () => {
    const uris = activeDocuments();
    if (!uris) {
      item.hide();
      return;
    }
    const count = uris.reduce((n, uri) => n + vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).length, 0);
    item.text = count ? `$(lightbulb) pymodern: ${count}` : '$(check) pymodern';
    item.tooltip = `${count ? `${count} finding${count === 1 ? '' : 's'}` : 'No findings'} in this ${uris.length > 1 || uris[0]?.scheme === 'vscode-notebook-cell' ? 'notebook' : 'file'}. Click to show pymodern's findings in the Problems panel.`;
    item.accessibilityInformation = { label: `pymodern: ${count} findings` };
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeActiveNotebookEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const uris = activeDocuments();
      if (uris && event.uris.some((changed) => uris.some((u) => u.toString() === changed.toString()))) update();
    }),
    vscode.commands.registerCommand(SHOW_PROBLEMS, async () => {
      // VS Code has no API to type into the Problems filter; open the panel and focus the filter,
      // where "pymodern" (each diagnostic's source) narrows the list.
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.commands.executeCommand('problems.action.focusFilter');
    }),
  );
  update();
}
