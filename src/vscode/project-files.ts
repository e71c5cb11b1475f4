// `end-of-life-python` in the editor: an open pyproject.toml, setup.cfg, setup.py,
// .python-version or Dockerfile that declares an end-of-life Python gets a diagnostic on
// the version text, and a hover with what a supported line brings. The analysis is a few
// regular expressions over the text (src/engine/project-files.ts), cheap enough for the
// host thread; no WASM, no worker. The count of findings a higher target would add is the
// CLI's (it needs the whole project analysed twice); the editor shows the speed figures.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { analyzeProjectFile, END_OF_LIFE_RULE, projectFileKind, PROJECT_FILE_NAMES } from '../engine/project-files';
import type { Finding } from '../engine/types';
import type { RuleMetadata } from '../node/rule-metadata';
import type { Configs } from './config';
import { toDiagnostic, toRange } from './diagnostics';
import { commandLink, SHOW_TREND } from './trends';

const SELECTOR: vscode.DocumentSelector = { scheme: 'file', pattern: `**/{${Object.keys(PROJECT_FILE_NAMES).join(',')}}` };

export class ProjectFileDiagnostics implements vscode.HoverProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('pymodern-project');
  private readonly findings = new Map<string, Finding[]>();

  constructor(
    private readonly metadata: RuleMetadata,
    private readonly configs: Configs,
  ) {}

  /** Analyses a document if it is a project file; publishes its diagnostics. */
  update(document: vscode.TextDocument): void {
    const kind = document.uri.scheme === 'file' ? projectFileKind(basename(document.uri.fsPath)) : undefined;
    const rule = this.metadata.rule(END_OF_LIFE_RULE);
    if (!kind || !rule) return;
    const config = this.configs.forDocument(document.uri);
    const findings = config.enabled && !config.skipped ? analyzeProjectFile(kind, document.getText(), rule, { today: new Date(), config: config.rules }) : [];
    this.findings.set(document.uri.toString(), findings);
    this.collection.set(document.uri, findings.map((f) => toDiagnostic(f, toRange(f.range))));
  }

  forget(document: vscode.TextDocument): void {
    if (!this.findings.delete(document.uri.toString())) return;
    this.collection.delete(document.uri);
    if (!document.uri.fsPath.endsWith('.py')) this.configs.forget(document.uri);
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.update(document);
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const here = (this.findings.get(document.uri.toString()) ?? []).filter((f) => toRange(f.range).contains(position));
    if (!here.length) return undefined;
    return new vscode.Hover(here.map((f) => this.render(f)), toRange(here[0].range));
  }

  private render(finding: Finding): vscode.MarkdownString {
    const rule = this.metadata.rule(finding.rule);
    const trend = this.metadata.trends.get(finding.trend);
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: [SHOW_TREND] };
    md.appendMarkdown(`**pymodern** · \`${finding.rule}\`${rule ? ` — ${rule.title}` : ''}\n\n`);
    if (finding.suggestion) md.appendMarkdown(`${finding.suggestion.trim()}\n\n`);
    if (trend) md.appendMarkdown(`[$(book) Open trend page](${commandLink(SHOW_TREND, trend.id)})`);
    return md;
  }

  dispose(): void {
    this.collection.dispose();
  }
}

export function registerProjectFiles(context: vscode.ExtensionContext, metadata: RuleMetadata, configs: Configs): void {
  const diagnostics = new ProjectFileDiagnostics(metadata, configs);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerHoverProvider(SELECTOR, diagnostics),
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.update(d)),
    vscode.workspace.onDidChangeTextDocument((e) => diagnostics.update(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.forget(d)),
    configs.onDidChange(() => diagnostics.refreshAll()),
  );
  diagnostics.refreshAll();
}
