// The state of one analysis: the findings so far, and what rules report through (a check's
// context, a data rule's match, guards, fix templates, hover suggestions). The engine makes
// one per analysis (engine.ts) and collects its findings, suppressions applied.
import type { Node } from 'web-tree-sitter';
import { GUARDS, placeholderModule, type CheckContext } from './checks';
import { resolveTypingOptions } from './config';
import type { SourceDocument } from './document';
import type { SemanticFacts } from './facts';
import { referenceModule } from './imports-edit';
import { firstStatementOffset, Suppressions, type CommentText } from './suppression';
import { renderTemplate, type Captures } from './template';
import type { Finding, Fix, FixTemplate, GuardSpec, RuleConfig, RuleMeta, TextEdit } from './types';

/** How many fixes next to syntax errors one analysis verifies by reparsing (awayFromErrors). */
const MAX_SYNTAX_CHECKS = 32;

/** The state of one analysis: findings so far and the helpers rules report through. */
export class AnalysisRun {
  private readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();

  private readonly errors: [number, number][];

  constructor(
    private readonly document: SourceDocument,
    private readonly facts: SemanticFacts,
    private readonly config: RuleConfig,
    /** Applying the fix adds no syntax error (a reparse: asked only next to damaged regions). */
    private readonly keepsSyntax: (fix: Fix) => boolean,
  ) {
    this.errors = facts.errorRanges;
  }

  contextFor(rule: RuleMeta): CheckContext {
    return {
      rule,
      text: this.document.text,
      tree: this.document.tree,
      facts: this.facts,
      config: this.config,
      typing: resolveTypingOptions(this.config.typing),
      isSound: (node) => this.isSound(node),
      moduleReference: (module) => referenceModule(module, this.facts, this.document.text),
      report: (report) => {
        const message = renderTemplate(rule.message, { captures: {}, data: report.data }, true);
        this.add(rule, report.range?.start ?? report.node.startIndex, report.range?.end ?? report.node.endIndex, message, report.fixes ?? [], report.suggestion, report.peer);
      },
    };
  }

  dataRuleMatch(rule: RuleMeta, captures: Captures): void {
    const target = captures[rule.report!];
    if (!target || !this.isSound(target)) return;
    if (!this.passes(rule.guards, captures)) return;
    const data = { $function: this.facts.enclosingFunction(target)?.name ?? '' };
    const message = renderTemplate(rule.message, { captures, data }, true);
    const fixes = rule.fixes.filter((template) => this.passes(template.guards ?? [], captures)).map((template) => this.renderFix(template, captures, data));
    // `{{module:$async}}` in a hover: the module a family means (the file's event-loop library).
    const shown = (m: string) => placeholderModule(m, this.facts);
    const suggestion = rule.suggestion ? renderTemplate(rule.suggestion, { captures, data, module: (m) => this.facts.moduleAlias(shown(m)) ?? shown(m) }, false) : undefined;
    this.add(rule, target.startIndex, target.endIndex, message, fixes, suggestion);
  }

  private passes(guards: readonly GuardSpec[], captures: Captures): boolean {
    for (const guard of guards) {
      const definition = GUARDS[guard.name];
      const node = guard.capture ? captures[guard.capture] : undefined;
      if (!definition || (definition.needsCapture && !node)) return false;
      if (!definition.test({ facts: this.facts, node, args: guard.args ?? {} })) return false;
    }
    return true;
  }

  private renderFix(template: FixTemplate, captures: Captures, data: Record<string, string>): Fix {
    const target = captures[template.replace];
    const extra: TextEdit[] = [];
    const module = (name: string) => {
      const reference = referenceModule(name, this.facts, this.document.text);
      if (reference.edit && !extra.some((e) => e.newText === reference.edit!.newText)) extra.push(reference.edit);
      return reference.name;
    };
    let newText = renderTemplate(template.template, { captures, data, module }, false);
    if (newText.startsWith('await ') && needsParentheses(target)) newText = `(${newText})`;
    const title = renderTemplate(template.title, { captures, data, module: (m) => this.facts.moduleAlias(m) ?? m }, true);
    return { title, safety: template.safety, edits: [{ start: target.startIndex, end: target.endIndex, newText }, ...extra] };
  }

  /** A finding is reported only where the tree is sound: no syntax error in or around it. */
  private isSound(node: Node): boolean {
    if (node.hasError) return false;
    return !this.errors.some(([start, end]) => start <= node.startIndex && node.endIndex <= end);
  }

  /**
   * In a file with syntax errors, the fixes that edit within a line of a damaged region are
   * kept only when applying them adds no error: removing or adding a line there changes how
   * the parser recovers. Fixes elsewhere, and every fix of a file that parses, are kept.
   */
  private awayFromErrors(fixes: Fix[]): Fix[] {
    if (!fixes.length || !this.document.tree.rootNode.hasError) return fixes;
    const lines = this.document.lines;
    this.errorLines ??= this.errors.map(([from, to]) => [lines.positionAt(from).line - 1, lines.positionAt(to).line + 1] as const);
    const near = (offset: number) => {
      const line = lines.positionAt(offset).line;
      return this.errorLines!.some(([first, last]) => line >= first && line <= last);
    };
    // Each check is a reparse: past a few dozen, the fixes near the damage are dropped unchecked.
    return fixes.filter((fix) => fix.edits.every((edit) => !near(edit.start) && !near(edit.end)) || (this.syntaxChecks++ < MAX_SYNTAX_CHECKS && this.keepsSyntax(fix)));
  }

  private syntaxChecks = 0;

  /** Lines of the syntax errors, widened by one on each side (awayFromErrors). */
  private errorLines: (readonly [number, number])[] | undefined;

  /**
   * `peer`: the code of `rule.peers` this finding is (a check picks it); undefined takes the
   * rule's only peer when it has exactly one; null: none applies.
   */
  private add(rule: RuleMeta, start: number, end: number, message: string, fixes: Fix[], suggestion: string | undefined, peer?: string | null): void {
    const key = `${rule.id}:${start}:${end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const lines = this.document.lines;
    fixes = this.awayFromErrors(fixes);
    const code = peer === undefined ? (rule.peers.length === 1 ? rule.peers[0] : undefined) : (peer ?? undefined);
    this.findings.push({
      rule: rule.id,
      family: rule.family,
      trend: rule.trend,
      severity: this.config.severity?.[rule.id] ?? rule.severity,
      message,
      start,
      end,
      range: { start: lines.positionAt(start), end: lines.positionAt(end) },
      peers: rule.peers,
      ...(code && rule.peers.includes(code) ? { peer: code } : {}),
      fixes,
      suggestion,
      tags: rule.tags,
    });
  }

  finish(commentsFor: (firstStatement: number) => readonly CommentText[]): Finding[] {
    if (!this.findings.length) return [];
    const root = this.document.tree.rootNode;
    const leading = firstStatementOffset(root);
    const suppressions = new Suppressions(commentsFor(leading), this.document.lines, leading);
    return this.findings
      .filter((f) => !suppressions.isSuppressed(f.rule, f.peer, f.range.start.line, f.range.end.line, f.family))
      .sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  }
}

/** `await x` binds looser than `.attr`, `[i]` and `(…)`, so it needs brackets there. */
function needsParentheses(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const slot =
    parent.type === 'attribute' ? 'object' : parent.type === 'subscript' ? 'value' : parent.type === 'call' ? 'function' : undefined;
  return slot !== undefined && parent.childForFieldName(slot)?.equals(node) === true;
}

