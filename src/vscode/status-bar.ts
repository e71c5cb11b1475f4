// The status bar item: pymodern's findings in the active file (or notebook) and its typed
// coverage ("pymodern: 4 · typed 63%"). Clicking it opens the Problems panel with its filter
// focused.
import * as vscode from 'vscode';
import { formatCoverage, type TypedCoverage } from '../engine/coverage-figures';
import type { Analyzer } from './analysis';
import { SOURCE } from './diagnostics';

export const SHOW_PROBLEMS = 'pymodern.showProblems';

/**
 * The status bar text: the finding count and, when the file has a def, the share of its
 * parameters (not self / cls) and returns that carry an annotation.
 */
export function statusText(count: number, coverage: TypedCoverage | undefined): string {
  const typed = coverage && formatCoverage(coverage);
  const base = count ? `$(lightbulb) pymodern: ${count}` : '$(check) pymodern';
  return typed ? `${base} · typed ${typed}` : base;
}

/** The analyzer gives the typed coverage of the active file (from its last analysis). */
export function registerStatusBar(context: vscode.ExtensionContext, analyzer?: Analyzer): void {
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

  /** Coverage of the active file or notebook, from its last analysis (the worker computes it with the findings). */
  const activeCoverage = (): TypedCoverage | undefined => {
    if (!analyzer) return undefined;
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document ?? notebook?.getCells().find((c) => c.document.languageId === 'python')?.document;
    return (document && analyzer.unitOf(document))?.results?.coverage;
  };

  /** Why the active file's last analysis stopped, if it did (file too complex). */
  const activeStopped = (): string | undefined => {
    const document = vscode.window.activeTextEditor?.document ?? vscode.window.activeNotebookEditor?.notebook.getCells()[0]?.document;
    return document && analyzer?.unitOf(document)?.stopped;
  };

  const update = () => {
    const uris = activeDocuments();
    if (!uris) {
      item.hide();
      return;
    }
    const count = uris.reduce((n, uri) => n + vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).length, 0);
    const coverage = activeCoverage();
    const typed = coverage && formatCoverage(coverage);
    const stopped = activeStopped();
    const where = uris.length > 1 || uris[0]?.scheme === 'vscode-notebook-cell' ? 'notebook' : 'file';
    item.text = stopped ? `$(warning) pymodern: ${count} · too complex` : statusText(count, coverage);
    item.tooltip =
      (stopped ? `The last analysis stopped: ${stopped}. The findings shown are from the last complete one; an edit analyses again. ` : '') +
      `${count ? `${count} finding${count === 1 ? '' : 's'}` : 'No findings'} in this ${where}.` +
      (typed ? ` Typed coverage ${typed}: ${coverage!.annotated} of ${coverage!.total} parameters and returns annotated.` : '') +
      " Click to show pymodern's findings in the Problems panel.";
    item.accessibilityInformation = { label: `pymodern: ${count} findings${typed ? `, typed coverage ${typed}` : ''}` };
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeActiveNotebookEditor(update),
    ...(analyzer ? [analyzer.onDidAnalyze((event) => event.stopped !== undefined && update())] : []),
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
