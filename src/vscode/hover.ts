// Hover on a finding: what is wrong (the rule's title), why now (the trend's summary), the
// modern form built from the user's code, and command links — apply the fix, open the trend page, disable
// for this line. Only our own commands are trusted in this Markdown.
import * as vscode from 'vscode';
import { peerLabel } from '../engine/peers';
import type { Analyzer, LocatedFinding } from './analysis';
import { APPLY_FIX, DISABLE_FOR_LINE, findingRef } from './code-actions';
import { fixTitle, primaryFix } from './fix-policy';
import { commandLink, SHOW_TREND } from './trends';

const TRUSTED_COMMANDS = [APPLY_FIX, SHOW_TREND, DISABLE_FOR_LINE];

export class PymodernHover implements vscode.HoverProvider {
  constructor(private readonly analyzer: Analyzer) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const cached = this.analyzer.findingsIn(document);
    const here = cached?.located.filter((l) => l.range.contains(position)) ?? [];
    if (!here.length) return undefined;
    return new vscode.Hover(
      here.map((l) => this.render(l)),
      here.reduce((range, l) => range.union(l.range), here[0].range),
    );
  }

  private render(located: LocatedFinding): vscode.MarkdownString {
    const { finding } = located;
    const trend = this.analyzer.metadata.trends.get(finding.trend);
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: TRUSTED_COMMANDS };
    // The diagnostic's own hover, just above, already says the specific message.
    const rule = this.analyzer.metadata.rule(finding.rule);
    // The peer code tells a Ruff user which of their codes this is (and what `# noqa` silences it).
    const peer = finding.peer ? ` · ${peerLabel(finding.peer)}` : '';
    md.appendMarkdown(`**pymodern** · \`${finding.rule}\`${rule ? ` — ${rule.title}` : ''}${peer}\n\n`);
    if (trend) md.appendMarkdown(`**Why now — ${escape(trend.title)}.** ${trend.summary}\n\n`);
    if (finding.suggestion) md.appendMarkdown(`**Modern form**\n\n${finding.suggestion.trim()}\n\n`);

    const ref = findingRef(located);
    const links: string[] = [];
    const fix = primaryFix(finding);
    if (fix) {
      const label = fix.safety === 'unsafe' ? 'Apply fix (unsafe)' : 'Apply fix';
      links.push(`[$(wrench) ${label}](${commandLink(APPLY_FIX, ref)} "${escapeTitle(fixTitle(fix))}")`);
    }
    if (trend) links.push(`[$(book) Open trend page](${commandLink(SHOW_TREND, trend.id)} "${escapeTitle(trend.title)}")`);
    links.push(`[$(circle-slash) Disable for this line](${commandLink(DISABLE_FOR_LINE, ref)} "Adds # pymodern: ignore[${finding.rule}]")`);
    md.appendMarkdown(links.join(' · '));
    return md;
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}

function escapeTitle(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

export function registerHover(context: vscode.ExtensionContext, analyzer: Analyzer): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: 'python' }, new PymodernHover(analyzer)));
}
