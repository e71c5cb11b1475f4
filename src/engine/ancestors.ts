// Walking up a tree cheaply. tree-sitter finds a node's parent by descending from the root
// (`Node.parent` costs the node's depth), so a walk up from a deep node costs its depth
// squared, and one per node of a deeply nested expression (`List[List[...]]` 800 deep)
// goes cubic. Parents are remembered per tree: each is computed once.
import type { Node, Tree } from 'web-tree-sitter';

const parents = new WeakMap<Tree, Map<number, Node | null>>();

/** `node.parent`, remembered for the node's tree. */
export function parentOf(node: Node): Node | null {
  let known = parents.get(node.tree);
  if (!known) parents.set(node.tree, (known = new Map()));
  const cached = known.get(node.id);
  if (cached !== undefined) return cached;
  const parent = node.parent;
  known.set(node.id, parent);
  return parent;
}

const nearest = new WeakMap<Tree, Map<string, Map<number, Node | null>>>();

/**
 * The nearest of the node and its ancestors that `matches` (named by `key`, which stands for
 * the predicate in the memo), or null. Remembered for every node on the way, so a walk from
 * each node of a deep expression costs the depth once overall, not once per node.
 */
export function nearestAncestor(node: Node, key: string, matches: (candidate: Node) => boolean): Node | null {
  let byKey = nearest.get(node.tree);
  if (!byKey) nearest.set(node.tree, (byKey = new Map()));
  let memo = byKey.get(key);
  if (!memo) byKey.set(key, (memo = new Map()));
  const path: number[] = [];
  let found: Node | null = null;
  for (let current: Node | null = node; current; current = parentOf(current)) {
    const known = memo.get(current.id);
    if (known !== undefined) {
      found = known;
      break;
    }
    path.push(current.id);
    if (matches(current)) {
      found = current;
      break;
    }
  }
  for (const id of path) memo.set(id, found);
  return found;
}
