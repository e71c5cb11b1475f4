// Statement-level edits shared by the modern family's fixes: deleting one simple statement
// with its line, or with the `;` that joins it to a neighbour.
import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../types';

/**
 * The edit that deletes a statement: its whole line (trailing comment included) when it is
 * alone there, else the statement and the `;` joining it to the next (or previous) one.
 * A statement that is a block's only one becomes `pass`.
 */
export function deleteStatement(text: string, statement: Node): TextEdit {
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const newline = text.indexOf('\n', statement.endIndex);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const before = text.slice(lineStart, statement.startIndex);
  const after = text.slice(statement.endIndex, newline === -1 ? text.length : newline);
  const block = statement.parent;
  const alone = block?.type === 'block' && block.namedChildren.filter((c) => c && c.type !== 'comment').length === 1;
  if (alone) return { start: statement.startIndex, end: statement.endIndex, newText: 'pass' };
  if (/^\s*$/.test(before) && /^\s*(#.*)?\r?$/.test(after)) return { start: lineStart, end: lineEnd, newText: '' };
  const following = /^\s*;\s*/.exec(after);
  if (following) return { start: statement.startIndex, end: statement.endIndex + following[0].length, newText: '' };
  const preceding = /\s*;\s*$/.exec(before);
  if (preceding) return { start: statement.startIndex - preceding[0].length, end: statement.endIndex, newText: '' };
  return { start: statement.startIndex, end: statement.endIndex, newText: 'pass' };
}
