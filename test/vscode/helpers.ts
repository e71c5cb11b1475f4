// Helpers for suites running inside VS Code: the test workspace, waiting for the extension
// to publish, reading hovers and code actions through the real API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'pymodern.pymodern';

export interface PymodernApi {
  /** activate() on the host: no engine there, only the rules' metadata and the worker's start. */
  activationMs: number;
  /** The analysis worker's engine load, in its own thread; NaN until `engineReady`. */
  readonly engineMs: number;
  engineReady: Promise<void>;
  onDidAnalyze: vscode.Event<{ uri: vscode.Uri; ms: number; findings: number; provisional: boolean; stopped?: string }>;
  /** An analysis was asked of the worker; onDidAnalyze follows when it is published. */
  onWillAnalyze: vscode.Event<{ uri: vscode.Uri }>;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the test workspace open');
  return folder.uri;
}

export function fixture(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function pymodernDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pymodern');
}

/** Waits until the diagnostics satisfy `accept` (default: at least one). */
export function diagnosticsOf(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0, ms?: number) {
  return waitFor(`pymodern diagnostics of ${uri.path}`, () => {
    const diagnostics = pymodernDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, ms);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** [rule, startLine, startChar, endLine, endChar] of each diagnostic, sorted. */
export function summarize(diagnostics: readonly vscode.Diagnostic[]): [string, number, number, number, number][] {
  return diagnostics
    .map((d): [string, number, number, number, number] => [ruleOf(d), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])
    .sort((x, y) => x[1] - y[1] || x[2] - y[2] || x[0].localeCompare(y[0]));
}

/**
 * Opens a file the way a user does (`vscode.open`). Documents opened through
 * `workspace.openTextDocument` stay alive in the extension host for minutes after their
 * editor closes; these close with their editor.
 */
export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  return waitFor(`an editor for ${uri.path}`, () => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.uri.toString() === uri.toString() ? editor : undefined;
  });
}

export async function activatedApi(): Promise<PymodernApi> {
  const extension = vscode.extensions.getExtension<PymodernApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; contents: vscode.MarkdownString[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
  return { text: contents.map((c) => c.value).join('\n---\n'), contents };
}

export function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

/** Closes every editor and reverts unsaved changes, so each test starts from the files on disk. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Records a measurement; the runner prints it and run.sh reports it. */
export function recordTiming(name: string, value: number): void {
  const store = ((globalThis as { pymodernTimings?: Record<string, number> }).pymodernTimings ??= {});
  store[name] = Math.round(value * 10) / 10;
  console.log(`[timing] ${name}: ${store[name]}`);
}
