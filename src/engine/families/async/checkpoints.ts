// Where a coroutine can be suspended — and so cancelled: `await`, `async for` and `async with`
// (an async comprehension too). Code in a nested def, lambda or class runs elsewhere, so it
// never counts. Shared by the cancellation and loop rules (cancellation-swallowed,
// infinite-loop-without-await, busy-wait-with-sleep).
import type { Node } from 'web-tree-sitter';

/** Node types whose body runs in another scope (or later): their checkpoints are not ours. */
const OTHER_SCOPE = new Set(['function_definition', 'lambda', 'class_definition', 'decorated_definition']);

export function isCheckpoint(node: Node): boolean {
  if (node.type === 'await') return true;
  if (node.type === 'for_statement' || node.type === 'with_statement' || node.type === 'for_in_clause') return node.firstChild?.type === 'async';
  return false;
}

/** True when the node (or code under it, outside nested scopes) is or holds a checkpoint. */
export function hasCheckpoint(node: Node): boolean {
  return someOwn(node, isCheckpoint);
}

/** True when `test` holds for the node or a descendant in the same scope (nested defs skipped). */
export function someOwn(node: Node, test: (node: Node) => boolean): boolean {
  if (test(node)) return true;
  const stack: Node[] = [];
  for (const child of node.namedChildren) if (child) stack.push(child);
  while (stack.length) {
    const current = stack.pop()!;
    if (OTHER_SCOPE.has(current.type)) continue;
    if (test(current)) return true;
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return false;
}

/** The statements of a block, comments left out. */
export function statementsOf(block: Node | null | undefined): Node[] {
  return block?.namedChildren.filter((s): s is Node => !!s && s.type !== 'comment') ?? [];
}

/** `while True:` / `while 1:` — a loop only a jump or an exception leaves. */
export function isIndefiniteCondition(condition: Node | null): boolean {
  if (!condition) return false;
  if (condition.type === 'true') return true;
  return condition.type === 'integer' && /^(?:0[xob])?0*[1-9a-f]/i.test(condition.text.replace(/_/g, ''));
}
