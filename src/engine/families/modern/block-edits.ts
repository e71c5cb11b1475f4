// Text edits on statement blocks: keep one branch of an `if` dedented to the `if`'s place,
// delete a statement, delete a clause. Offsets are the tree's; every edit keeps the lines
// inside multi-line strings as they are (their indentation is part of the value).
import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../types';
import { forEachNode } from '../../tree-walk';

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the newline that ends the line holding `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The whitespace before a node on its line; undefined when code precedes it there. */
export function indentationOf(text: string, node: Node): string | undefined {
  const before = text.slice(lineStart(text, node.startIndex), node.startIndex);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The statements of a block, without its comments. */
export function statementsOf(block: Node | null): Node[] {
  return (block?.namedChildren ?? []).filter((c): c is Node => !!c && c.type !== 'comment');
}

/** Where a statement's code ends: trailing comments of its last block do not count. */
export function codeEnd(node: Node): number {
  let current = node;
  for (;;) {
    const children = current.children.filter((c): c is Node => !!c && c.type !== 'comment' && c.endIndex > c.startIndex);
    const last = children[children.length - 1];
    if (!last) return current.endIndex;
    current = last;
  }
}

/**
 * Replace `statement` (from its line's start to `end`) with the statements of `block`,
 * dedented to the statement's indentation. A body on the header's line (`if x: a = 1`)
 * replaces the statement as it is.
 */
export function keepBlockEdit(text: string, statement: Node, block: Node, end: number): TextEdit | undefined {
  const body = statementsOf(block);
  const first = body[0];
  const last = body[body.length - 1];
  const indentation = indentationOf(text, statement);
  if (!first || !last || indentation === undefined) return undefined;
  const bodyEnd = codeEnd(last);
  if (indentationOf(text, first) === undefined) {
    return { start: statement.startIndex, end, newText: text.slice(first.startIndex, bodyEnd) };
  }
  const from = lineStart(text, first.startIndex);
  return { start: lineStart(text, statement.startIndex), end, newText: dedentTo(text, block, from, bodyEnd, indentation) };
}

/**
 * Delete a statement with its lines; a statement alone in its block becomes `pass` (an
 * empty block does not parse).
 */
export function deleteStatementEdit(text: string, statement: Node, end: number): TextEdit {
  const parent = statement.parent;
  if (parent?.type === 'block' && statementsOf(parent).length === 1) return { start: statement.startIndex, end, newText: 'pass' };
  const start = lineStart(text, statement.startIndex);
  const rest = text.slice(end, nextLineStart(text, end));
  if (indentationOf(text, statement) === undefined || !/^[ \t]*(#.*)?\r?\n?$/.test(rest)) return { start: statement.startIndex, end, newText: 'pass' };
  return { start, end: nextLineStart(text, end), newText: '' };
}

/**
 * Ruff's `dedent_to`: the first non-blank line sets the baseline; lines indented at least as
 * much lose the difference, shallower ones (a continuation at column 0) stay; blank lines
 * become empty. When the block holds a multi-line string, Ruff re-indents through LibCST,
 * which moves only the lines that start a statement, a clause or a comment: so do we then.
 */
function dedentTo(text: string, block: Node, from: number, to: number, indentation: string): string {
  const lines: Array<{ start: number; text: string }> = [];
  for (let start = from; start < to; ) {
    const next = Math.min(nextLineStart(text, start), to);
    lines.push({ start, text: text.slice(start, next) });
    start = next;
  }
  const guarded = hasMultilineString(block);
  const movable = (line: { start: number; text: string }) => !guarded || !isContinuation(block, line.start + line.text.length - line.text.trimStart().length);
  const baseline = lines.find((l) => l.text.trim() && movable(l));
  const baselineLength = baseline ? baseline.text.length - baseline.text.trimStart().length : 0;
  const remove = Math.max(0, baselineLength - indentation.length);
  return lines
    .map((line) => {
      const content = line.text.trimStart();
      if (!movable(line)) return line.text;
      if (!content.trim()) return line.text.replace(/^[ \t]+/, '');
      const current = line.text.length - content.length;
      return current < baselineLength ? line.text : line.text.slice(remove);
    })
    .join('');
}

const STRUCTURAL = new Set([
  'block', 'module', 'if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement', 'match_statement',
  'function_definition', 'class_definition', 'decorated_definition', 'elif_clause', 'else_clause', 'except_clause',
  'except_group_clause', 'finally_clause', 'case_clause', 'comment',
]);

/** Whether the code at `offset` continues an expression or a simple statement begun on an earlier line. */
function isContinuation(block: Node, offset: number): boolean {
  for (let node: Node | null = block.descendantForIndex(offset); node && node.startIndex >= block.startIndex; node = node.parent) {
    if (node.startIndex < offset && !STRUCTURAL.has(node.type)) return true;
  }
  return false;
}

function hasMultilineString(root: Node): boolean {
  let found = false;
  forEachNode(root, (node) => {
    if (!found && node.type === 'string' && node.startPosition.row !== node.endPosition.row) found = true;
  });
  return found;
}
