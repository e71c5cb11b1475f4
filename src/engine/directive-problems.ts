// Suppression comments that silence nothing, reported so that the user can mend them (as
// Ruff warns of invalid `# noqa` directives and reports unknown codes, RUF100): a malformed
// `# pymodern:` directive (`ignore[typo`, `ignore(rule)`, `ignored`), a name in an ignore
// list that is no rule id or family, and an `ignore-file` after the first statement.
// `# noqa` is Ruff's to judge: its codes belong to every tool.
import type { Node, Tree } from 'web-tree-sitter';
import type { LineIndex } from './positions';
import { firstStatementOffset, PYMODERN } from './suppression';
import type { Range } from './types';

export interface DirectiveProblem {
  /** Offsets (UTF-16) of the directive in the text. */
  start: number;
  end: number;
  range: Range;
  message: string;
}

/**
 * A well-formed directive at the very start of a text: sticky, and a copy, since `lastIndex`
 * on the shared global PYMODERN would leak into the `matchAll` of the next Suppressions.
 */
const WELL_FORMED = new RegExp(PYMODERN.source, 'iy');

/** Where a `pymodern:` directive may start in a comment; what follows decides if it is well formed. */
const DIRECTIVE_START = /#\s*pymodern\s*:/gi;
const EXPECTED = 'expected `# pymodern: ignore`, `# pymodern: ignore[rule-id, …]` or `# pymodern: ignore-file[…]`';

/**
 * The problems of a document's `# pymodern:` comments. `isKnown` says whether a name is a
 * rule id or a family of the catalog (whatever the selection runs).
 */
export function directiveProblems(text: string, tree: Tree, lines: LineIndex, isKnown: (name: string) => boolean): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  // A text search finds the few candidates; the tree says which are comments (not strings).
  let firstStatement: number | undefined;
  for (const candidate of text.matchAll(DIRECTIVE_START)) {
    const comment = commentAt(tree, candidate.index);
    if (!comment) continue;
    const offsetInComment = candidate.index - comment.startIndex;
    const rest = comment.text.slice(offsetInComment);
    WELL_FORMED.lastIndex = 0;
    const match = WELL_FORMED.exec(rest);
    const at = (start: number, end: number, message: string) =>
      problems.push({ start, end, range: { start: lines.positionAt(start), end: lines.positionAt(end) }, message });
    if (!match) {
      // The directive runs to the next `#` (a `# noqa` after it), else to the comment's end.
      const next = rest.indexOf('#', 1);
      const shown = (next > 0 ? rest.slice(0, next) : rest).trimEnd();
      at(candidate.index, candidate.index + shown.length, `malformed pymodern directive \`${shown}\`: it silences nothing (${EXPECTED})`);
      continue;
    }
    const end = candidate.index + match[0].length;
    if (match[1]) {
      firstStatement ??= firstStatementOffset(tree.rootNode);
      if (comment.startIndex >= firstStatement) {
        at(candidate.index, end, '`ignore-file` silences nothing here: it must come before the first statement of the file');
        continue;
      }
    }
    const unknown = (match[2] ?? '').split(',').map((name) => name.trim()).filter((name) => name && !isKnown(name));
    if (unknown.length) {
      const names = unknown.map((name) => `\`${name}\``).join(', ');
      at(candidate.index, end, `${unknown.length === 1 ? 'unknown rule or family' : 'unknown rules or families'} ${names} in a pymodern directive: ${unknown.length === 1 ? 'it silences' : 'they silence'} nothing (see \`pymodern rules\`)`);
    }
  }
  return problems;
}

function commentAt(tree: Tree, offset: number): Node | undefined {
  const node = tree.rootNode.descendantForIndex(offset);
  return node?.type === 'comment' ? node : undefined;
}
