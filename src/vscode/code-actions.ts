// Quick fixes, per finding and in this order: the rule's fix (preferred only when safe; an
// unsafe one says so in its title), "Fix all <rule> in this file", "Disable <rule> for this
// line", "Explain: <trend>". Plus `source.fixAll.pymodern`, which applies every safe fix
// (for `editor.codeActionsOnSave`), computed by the analysis worker. Everything else is built
// from the cached findings of the document's current version; a stale cache offers nothing
// rather than wrong edits.
import * as vscode from 'vscode';
import { chooseFixes } from '../engine/fixes';
import type { Finding } from '../engine/types';
import type { AnalyzedFinding } from '../node/analysis-protocol';
import type { AnalysisUnit, Analyzer, LocatedFinding } from './analysis';
import { diagnosticKey, findingKey } from './diagnostics';
import { fixTitle, isPreferredFix, primaryFix } from './fix-policy';
import { minimalEdit } from './text-diff';
import { SHOW_TREND } from './trends';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('pymodern');
export const APPLY_FIX = 'pymodern.applyFix';
export const DISABLE_FOR_LINE = 'pymodern.disableForLine';

/** Argument of the applyFix / disableForLine commands (hover links): a finding by rule + range. */
export interface FindingRef {
  uri: string;
  rule: string;
  range: [number, number, number, number];
}

export function findingRef(located: LocatedFinding): FindingRef {
  const { start, end } = located.range;
  return { uri: located.uri.toString(), rule: located.finding.rule, range: [start.line, start.character, end.line, end.character] };
}

export class PymodernCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly analyzer: Analyzer) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token?: vscode.CancellationToken,
  ): vscode.CodeAction[] | Promise<vscode.CodeAction[]> {
    const only = context.only;
    if (only?.contains(FIX_ALL_KIND)) return this.fixAllAction(document, token);
    if (only && !only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const cached = this.analyzer.findingsIn(document);
    if (!cached) return [];
    const actions: vscode.CodeAction[] = [];
    const offered = new Set<string>(); // fix-all, disable and explain once per rule / line / trend
    for (const diagnostic of context.diagnostics) {
      const key = diagnosticKey(diagnostic);
      const located = key === undefined ? undefined : cached.results.byKey.get(key);
      if (!located || located.uri.toString() !== document.uri.toString()) continue;
      actions.push(...this.actionsFor(cached.unit, located, diagnostic, offered));
    }
    return actions;
  }

  private actionsFor(unit: AnalysisUnit, located: LocatedFinding, diagnostic: vscode.Diagnostic, offered: Set<string>): vscode.CodeAction[] {
    const { finding } = located;
    // Every action names its diagnostic: VS Code lists actions with diagnostics before those
    // without, which would break the order below.
    const actions: vscode.CodeAction[] = [];
    for (const fix of finding.fixes) {
      const edit = unit.workspaceEdit(fix.edits);
      if (!edit) continue;
      const action = new vscode.CodeAction(fixTitle(fix), vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.diagnostics = [diagnostic];
      action.isPreferred = isPreferredFix(finding, fix);
      actions.push(action);
    }

    if (!offered.has(`fix-all:${finding.rule}`)) {
      offered.add(`fix-all:${finding.rule}`);
      const edit = fixAllOfRule(unit, finding.rule);
      if (edit) {
        const action = new vscode.CodeAction(`Fix all ${finding.rule} in this file`, vscode.CodeActionKind.QuickFix);
        action.edit = edit;
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }

    const line = located.range.start.line;
    if (!offered.has(`disable:${finding.rule}:${line}`)) {
      offered.add(`disable:${finding.rule}:${line}`);
      const edit = disableEdit(unit, finding);
      if (edit) {
        const action = new vscode.CodeAction(`Disable ${finding.rule} for this line`, vscode.CodeActionKind.QuickFix);
        action.edit = edit;
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }

    const trend = this.analyzer.metadata.trends.get(finding.trend);
    if (trend && !offered.has(`explain:${trend.id}`)) {
      offered.add(`explain:${trend.id}`);
      const action = new vscode.CodeAction(`Explain: ${trend.title}`, vscode.CodeActionKind.QuickFix);
      action.command = { command: SHOW_TREND, title: `Explain: ${trend.title}`, arguments: [trend.id] };
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    return actions;
  }

  /** `source.fixAll.pymodern`: every safe fix, re-analysing until stable (Engine.fixAll, in the worker). */
  private async fixAllAction(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const unit = this.analyzer.unitOf(document);
    if (!unit) return [];
    let edit: vscode.WorkspaceEdit | undefined;
    if (unit.uri.toString() === document.uri.toString()) {
      const text = document.getText();
      const version = document.version;
      const config = this.analyzer.configs.forDocument(document.uri);
      if (config.skipped) return [];
      let fixed;
      try {
        fixed = await this.analyzer.client.fixAll(text, config.rules, { unsafe: false });
      } catch (error) {
        // Too complex, or the worker restarted: no fix-all this time, and the save goes on.
        this.analyzer.log.warn(`fix all in ${document.uri.toString(true)}: ${String((error as Error).message ?? error)}`);
        return [];
      }
      // Offsets are into the text sent: an edit made meanwhile voids them.
      if (token?.isCancellationRequested || document.version !== version) return [];
      const change = minimalEdit(text, fixed.text);
      if (change) {
        edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
      }
    } else {
      // A notebook cell: one pass over the cached findings of the whole notebook.
      if (!unit.resultsFor(document)) return [];
      edit = safeFixesEdit(unit, unit.results!.findings);
    }
    if (!edit) return [];
    const action = new vscode.CodeAction('pymodern: Fix all safe fixes', FIX_ALL_KIND);
    action.edit = edit;
    return [action];
  }
}

function safeFixesEdit(unit: AnalysisUnit, findings: readonly Finding[]): vscode.WorkspaceEdit | undefined {
  const { edits } = chooseFixes(findings, (fix) => fix.safety === 'safe');
  return edits.length ? unit.workspaceEdit(edits) : undefined;
}

/** Safe fixes of one rule over the file, when there are at least two (one is the plain fix). */
function fixAllOfRule(unit: AnalysisUnit, rule: string): vscode.WorkspaceEdit | undefined {
  const findings = unit.results!.findings.filter((f) => f.rule === rule && f.fixes.some((fix) => fix.safety === 'safe'));
  return findings.length >= 2 ? safeFixesEdit(unit, findings) : undefined;
}

/** The worker computed the comment's place with the tree (src/vscode/suppress-comment.ts). */
function disableEdit(unit: AnalysisUnit, finding: AnalyzedFinding): vscode.WorkspaceEdit | undefined {
  return finding.disable && unit.workspaceEdit([finding.disable]);
}

/** Finds the finding a hover link points at, in the cache of the document's current version. */
function resolveRef(analyzer: Analyzer, ref: FindingRef): { unit: AnalysisUnit; finding: AnalyzedFinding } | undefined {
  // Command links decode their arguments once more than they were encoded: normalise.
  const uri = vscode.Uri.parse(ref.uri).toString();
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  const cached = document && analyzer.findingsIn(document);
  const located = cached?.results.byKey.get(findingKey(ref.rule, new vscode.Range(...ref.range)));
  if (!cached || !located) {
    void vscode.window.showInformationMessage('pymodern: the file changed since this hover; hover again.');
    return undefined;
  }
  return { unit: cached.unit, finding: located.finding };
}

export function registerCodeActions(context: vscode.ExtensionContext, analyzer: Analyzer): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'python' }, new PymodernCodeActions(analyzer), PymodernCodeActions.metadata),
    vscode.commands.registerCommand(APPLY_FIX, async (ref: FindingRef) => {
      const target = resolveRef(analyzer, ref);
      const fix = target && primaryFix(target.finding);
      const edit = fix && target.unit.workspaceEdit(fix.edits);
      return edit ? vscode.workspace.applyEdit(edit) : false;
    }),
    vscode.commands.registerCommand(DISABLE_FOR_LINE, async (ref: FindingRef) => {
      const target = resolveRef(analyzer, ref);
      const edit = target && disableEdit(target.unit, target.finding);
      return edit ? vscode.workspace.applyEdit(edit) : false;
    }),
    vscode.commands.registerCommand('pymodern.fixAll', () =>
      vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND.value, apply: 'first' }),
    ),
  );
}
