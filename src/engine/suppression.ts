// Suppression comments: `# pymodern: ignore[rule-a, rule-b]` (or bare, for every rule) on a
// finding's line, `# pymodern: ignore-file[...]` in the file's leading comments, and Ruff's
// `# noqa`: `# noqa: CODE` silences a finding whose own peer code is CODE (`# noqa: ANN205`
// silences a staticmethod's missing return annotation, not a plain function's ANN201), and a
// bare `# noqa` silences every finding on the line, as it does in Ruff. Comments come from
// the tree, so a `#` inside a string never counts.
import type { Node } from 'web-tree-sitter';
import type { LineIndex } from './positions';

// `ignore` or `ignore-file`, then a closed `[...]` list, or nothing more of the directive: an
// unclosed `ignore[typo`, `ignore(rule)`, `ignored` or `ignore-files-later` silences nothing
// (it used to be read as a bare ignore, widening it to every rule).
export const PYMODERN = /#\s*pymodern:\s*ignore(-file)?(?:\[([^\]]*)\]|(?=\s|$|#))/gi;
// Ruff's shape: `# noqa`, then either a colon and codes, or nothing that continues the word.
const NOQA = /#\s*noqa(?:\s*(:)\s*([A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*)?|(?![\w:]))/gi;

type RuleSet = Set<string> | 'all';

/** A comment node, or one remembered from an earlier analysis. */
export interface CommentText {
  startIndex: number;
  text: string;
}

export class Suppressions {
  private readonly byLine = new Map<number, RuleSet>();
  /** `# noqa` codes per line; 'all' for a bare `# noqa`. */
  private readonly noqaByLine = new Map<number, RuleSet>();
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
        // `# noqa:` followed by no code is malformed: Ruff ignores it, and so do we.
        if (match[1] !== undefined && match[2] === undefined) continue;
        const codes: RuleSet = match[2] === undefined ? 'all' : new Set(match[2].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()));
        this.noqaByLine.set(line, merge(this.noqaByLine.get(line), codes));
      }
    }
  }

  /**
   * Whether a finding of `rule` (of `family`, which a list may name instead) whose own peer
   * code is `peer` (if any), on these lines, is silenced.
   */
  isSuppressed(rule: string, peer: string | undefined, startLine: number, endLine: number, family?: string): boolean {
    if (covers(this.fileWide, rule, family)) return true;
    for (const line of startLine === endLine ? [startLine] : [startLine, endLine]) {
      if (covers(this.byLine.get(line), rule, family)) return true;
      const codes = this.noqaByLine.get(line);
      if (codes === 'all' || (codes && peer !== undefined && codes.has(peer.toUpperCase()))) return true;
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

function covers(set: RuleSet | undefined, rule: string, family?: string): boolean {
  return set === 'all' || (set !== undefined && (set.has(rule) || (family !== undefined && set.has(family))));
}

/** Where the file's first statement starts (its root's end when it has none): `ignore-file` counts only in the comments before it. */
export function firstStatementOffset(root: Node): number {
  // Sibling by sibling: `namedChildren` would marshal every top-level statement from WASM.
  let first = root.firstNamedChild;
  while (first?.type === 'comment') first = first.nextNamedSibling;
  return first?.startIndex ?? root.endIndex;
}
