// Walking up a tree cheaply. tree-sitter finds a node's parent by descending from the root
// (`Node.parent` costs the node's depth), so a walk up from a deep node costs its depth
// squared, and one per node of a deeply nested expression (`List[List[...]]` 800 deep)
// goes cubic. Parents are remembered per tree, and found by descents that reuse each other.
import type { Node, Tree } from 'web-tree-sitter';

const parents = new WeakMap<Tree, Map<number, Node | null>>();

/** The last descent from the root, per tree: the next one starts at its deepest node that holds the target. */
const descents = new WeakMap<Tree, Node[]>();

/** A node on the way down with at most this many children has all of them remembered. */
const SIBLINGS_REMEMBERED = 8;

/**
 * `node.parent`, remembered for the node's tree. tree-sitter finds a parent by descending
 * from the root; here the descent starts where the previous one passed closest to the node,
 * and remembers the parent of every node it meets and of their siblings (when few), so the
 * nodes of one deep expression cost its depth once in all, not once each.
 */
export function parentOf(node: Node): Node | null {
  let known = parents.get(node.tree);
  if (!known) parents.set(node.tree, (known = new Map()));
  const cached = known.get(node.id);
  if (cached !== undefined) return cached;
  const parent = descend(node, known) ?? node.parent;
  known.set(node.id, parent);
  return parent;
}

/** The node's parent found by descending (remembering what it passes), or undefined when the descent missed it. */
function descend(node: Node, known: Map<number, Node | null>): Node | null | undefined {
  const root = node.tree.rootNode;
  if (root.id === node.id) return null;
  const last = descents.get(node.tree) ?? [root];
  // The deepest node of the last path whose range holds the node (a candidate ancestor).
  let depth = 0;
  for (let i = last.length - 1; i > 0; i--) {
    const candidate = last[i];
    if (candidate.id !== node.id && candidate.startIndex <= node.startIndex && node.endIndex <= candidate.endIndex) {
      depth = i;
      break;
    }
  }
  for (const start of depth > 0 ? [depth, 0] : [0]) {
    const path = last.slice(0, start + 1);
    let current = path[start];
    while (true) {
      const child: Node | null = current.childWithDescendant(node);
      if (!child) break;
      if (current.childCount <= SIBLINGS_REMEMBERED) {
        for (const sibling of current.children) if (sibling) known.set(sibling.id, current);
      } else known.set(child.id, current);
      if (child.id === node.id) {
        descents.set(node.tree, path);
        return current;
      }
      path.push(child);
      current = child;
    }
  }
  return undefined;
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
