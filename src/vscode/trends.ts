// Trend pages: the Markdown files packaged in dist/trends/, opened in VS Code's Markdown
// preview (offline, rendered) from a diagnostic's code link, a hover, a quick fix or the
// command palette (`pymodern.showTrend`).
import * as vscode from 'vscode';
import type { TrendMeta } from '../engine/types';

export const SHOW_TREND = 'pymodern.showTrend';

/** A `command:` link, as VS Code runs them from diagnostic code links and trusted Markdown. */
export function commandLink(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** The target of a diagnostic's code link: opens the trend page. */
export function trendLink(trend: string): vscode.Uri {
  return vscode.Uri.parse(commandLink(SHOW_TREND, trend));
}

/** `catalog`: the trend pages known to the build (the host's RuleMetadata). */
export function registerTrends(context: vscode.ExtensionContext, catalog: { trends: ReadonlyMap<string, TrendMeta> }, log: vscode.LogOutputChannel): void {
  const pageOf = (trend: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', 'trends', `${trend}.md`);

  const pick = async (): Promise<string | undefined> => {
    const items = [...catalog.trends.values()].map((t) => ({ label: t.title, detail: t.summary, id: t.id }));
    const chosen = await vscode.window.showQuickPick(items, { title: 'pymodern: trend pages', matchOnDetail: true });
    return chosen?.id;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TREND, async (trend?: string) => {
      const id = typeof trend === 'string' && trend ? trend : await pick();
      if (!id) return;
      if (!catalog.trends.has(id)) {
        void vscode.window.showWarningMessage(`pymodern: there is no trend page "${id}".`);
        return;
      }
      const page = pageOf(id);
      // Beside the code being explained; in the current group when nothing is open.
      const command = vscode.window.activeTextEditor ? 'markdown.showPreviewToSide' : 'markdown.showPreview';
      try {
        await vscode.commands.executeCommand(command, page);
      } catch (error) {
        // Without the built-in Markdown extension, show the source rather than nothing.
        log.warn(`cannot open the Markdown preview (${String(error)}); opening ${page.fsPath} as text`);
        await vscode.window.showTextDocument(page, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      }
    }),
  );
}
