// Suppression comments: `# pymodern: ignore[rule-a, rule-b]` (or bare, for every rule) on a
// finding's line, `# pymodern: ignore-file[...]` in the file's leading comments, and
// `# noqa: CODE` where CODE is one of the rule's peers (code already silenced for Ruff
// stays silent). Comments come from the tree, so a `#` inside a string never counts.
import type { LineIndex } from './positions';

const PYMODERN = /#\s*pymodern:\s*ignore(-file)?(?:\[([^\]]*)\])?/gi;
const NOQA = /#\s*noqa(?::\s*([A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?/gi;

type RuleSet = Set<string> | 'all';

/** A comment node, or one remembered from an earlier analysis. */
export interface CommentText {
  startIndex: number;
  text: string;
}

export class Suppressions {
  private readonly byLine = new Map<number, RuleSet>();
  private readonly noqaByLine = new Map<number, Set<string>>();
  private fileWide: RuleSet | undefined;

  constructor(comments: readonly CommentText[], lines: LineIndex, firstStatementOffset: number) {
    for (const comment of comments) {
      const line = lines.positionAt(comment.startIndex).line;
      const text = comment.text;
      for (const match of text.matchAll(PYMODERN)) {
        const rules = parseList(match[2]);
        if (match[1]) {
          if (comment.startIndex < firstStatementOffset) this.fileWide = merge(this.fileWide, rules);
        } else {
          this.byLine.set(line, merge(this.byLine.get(line), rules));
        }
      }
      for (const match of text.matchAll(NOQA)) {
        if (!match[1]) continue;
        const codes = this.noqaByLine.get(line) ?? new Set<string>();
        for (const code of match[1].split(/[\s,]+/)) if (code) codes.add(code.toUpperCase());
        this.noqaByLine.set(line, codes);
      }
    }
  }

  /** Whether a finding of `rule` (with these peer codes) on these lines is silenced. */
  isSuppressed(rule: string, peers: readonly string[], startLine: number, endLine: number): boolean {
    if (covers(this.fileWide, rule)) return true;
    for (const line of startLine === endLine ? [startLine] : [startLine, endLine]) {
      if (covers(this.byLine.get(line), rule)) return true;
      const codes = this.noqaByLine.get(line);
      if (codes && peers.some((peer) => codes.has(peer.toUpperCase()))) return true;
    }
    return false;
  }
}

function parseList(list: string | undefined): RuleSet {
  if (list === undefined) return 'all';
  const ids = list.split(',').map((s) => s.trim()).filter(Boolean);
  return ids.length ? new Set(ids) : 'all';
}

function merge(existing: RuleSet | undefined, added: RuleSet): RuleSet {
  if (existing === 'all' || added === 'all') return 'all';
  return new Set([...(existing ?? []), ...added]);
}

function covers(set: RuleSet | undefined, rule: string): boolean {
  return set === 'all' || (set !== undefined && set.has(rule));
}
