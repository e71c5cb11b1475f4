// extraneous-parentheses (UP034): a parenthesized expression that directly fills another pair
// of parentheses — a call's only argument (`print(("foo"))`) or another parenthesized
// expression (`x = ((1))`). Tuples, `()` and `(yield …)` keep theirs; a generator as a call's
// only argument needs none. Like Ruff, only the outermost redundant pair of a nest is
// reported; fix-all's next pass takes the next one. The fix deletes the two parentheses.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { brief } from '../syntax';

/** Nodes that own their own pair of parentheses. */
function ownsParentheses(node: Node): boolean {
  if (node.type === 'parenthesized_expression') return true;
  // `f(x for x in y)` shares the call's parentheses: it is the call's `arguments` itself.
  return node.type === 'generator_expression' && node.parent?.type !== 'call';
}

/** The expression written between the node's own parentheses. */
function inner(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
}

/** True when the parentheses around `node` are the only thing inside its parent's pair. */
function isRedundant(node: Node): boolean {
  if (!ownsParentheses(node)) return false;
  const content = inner(node);
  if (node.type === 'parenthesized_expression' && (content.length !== 1 || content[0].type === 'yield')) return false;
  const parent = node.parent;
  if (parent?.type !== 'parenthesized_expression' && parent?.type !== 'argument_list') return false;
  // A class's bases cannot be a bare generator.
  if (node.type === 'generator_expression' && parent.parent?.type === 'class_definition') return false;
  const items = inner(parent);
  return items.length === 1 && items[0].equals(node) && !parent.children.some((c) => c?.type === ',') && !commaOrYieldAtTop(node);
}

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/**
 * A `,` or `yield` directly inside the node's parentheses, outside any nested bracket
 * (`(x for a, b in y)`, `(lambda a, b: a)`): Ruff's token scan takes it for a tuple or a
 * coroutine and keeps the parentheses, and so do we.
 */
function commaOrYieldAtTop(node: Node): boolean {
  // Iterative, and a child wrapped in its own brackets is skipped whole: nothing inside it is
  // at depth 1, and on `((((…))))` a full walk per level would be quadratic.
  let depth = 0;
  const pending: Node[] = [node];
  while (pending.length) {
    const current = pending.pop()!;
    if (current.childCount === 0 || current.type === 'string_content') {
      if (OPENING.has(current.type)) depth++;
      else if (CLOSING.has(current.type)) depth--;
      else if (depth === 1 && (current.type === ',' || current.type === 'yield')) return true;
      continue;
    }
    if (current !== node && isBracketed(current)) continue;
    for (let i = current.childCount - 1; i >= 0; i--) {
      const child = current.child(i);
      if (child) pending.push(child);
    }
  }
  return false;
}

/** The node starts with an opening bracket and ends with a closing one: its inside is one level deeper. */
function isBracketed(node: Node): boolean {
  return OPENING.has(node.firstChild?.type ?? '') && CLOSING.has(node.lastChild?.type ?? '');
}

export function createExtraneousParentheses(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const node = captures.expression;
      if (!node || !isRedundant(node) || (node.parent && isRedundant(node.parent)) || !context.isSound(node)) return;
      const last = node.lastChild;
      if (node.firstChild?.type !== '(' || last?.type !== ')') return;
      context.report({
        node,
        fixes: [{ title: 'Remove the extra parentheses', safety: 'safe', edits: [{ start: node.startIndex, end: node.startIndex + 1, newText: '' }, { start: last.startIndex, end: last.endIndex, newText: '' }] }],
        suggestion: `\`${brief(context.text.slice(node.startIndex + 1, last.startIndex).trim())}\``,
        peer: 'UP034',
      });
    },
  };
}
