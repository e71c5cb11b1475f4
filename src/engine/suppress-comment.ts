// The edit behind "Disable <rule> for this line": `# pymodern: ignore[rule]` at the end of
// the finding's line. An existing `# pymodern: ignore[...]` list gains the rule; any other
// comment (`# noqa: E501`, `# type: ignore`) stays intact, with ours after it. A line that
// ends inside a multi-line string or with a `\` continuation cannot take a comment, so the
// finding's last line is tried next (suppression looks at both).
import type { Node } from 'web-tree-sitter';
import type { SourceDocument } from './document';
import type { Finding, TextEdit } from './types';

const IGNORE_LIST = /#\s*pymodern:\s*ignore\[([^\]]*)\]/i;

export function suppressionEdit(document: SourceDocument, finding: Pick<Finding, 'rule' | 'range'>): TextEdit | undefined {
  const { start, end } = finding.range;
  for (const line of start.line === end.line ? [start.line] : [start.line, end.line]) {
    const edit = editForLine(document, line, finding.rule);
    if (edit) return edit;
  }
  return undefined;
}

function editForLine(document: SourceDocument, line: number, rule: string): TextEdit | undefined {
  const lines = document.lines;
  const lineStart = lines.lineStart(line);
  const contentEnd = lineStart + lines.lineText(line).trimEnd().length;
  if (contentEnd === lineStart) return undefined;
  const last = document.tree.rootNode.descendantForIndex(contentEnd - 1, contentEnd);
  if (last?.type === 'comment') {
    const comment = last.text;
    const match = IGNORE_LIST.exec(comment);
    if (!match) return insertComment(contentEnd, rule);
    // The list names other rules (an empty one silences all, so the finding would not exist).
    const listEnd = last.startIndex + match.index + match[0].length - 1; // the `]`
    return { start: listEnd, end: listEnd, newText: `, ${rule}` };
  }
  if (document.text.charCodeAt(contentEnd - 1) === 92 /* \ */) return undefined;
  if (last && insideMultiLineString(last, contentEnd, lines.lineEnd(line))) return undefined;
  return insertComment(contentEnd, rule);
}

function insertComment(at: number, rule: string): TextEdit {
  return { start: at, end: at, newText: `  # pymodern: ignore[${rule}]` };
}

/** Whether the end of this line is inside a string that goes on past it. */
function insideMultiLineString(node: Node, contentEnd: number, lineEnd: number): boolean {
  for (let current: Node | null = node; current; current = current.parent) {
    if (current.type === 'string' && current.startIndex < contentEnd && current.endIndex > lineEnd) return true;
  }
  return false;
}
