// A pre-order walk of every node below (and including) a root, with one tree cursor: no
// recursion (deep nesting cannot overflow the stack) and no per-node child arrays.
import type { Node } from 'web-tree-sitter';

export function forEachNode(root: Node, visit: (node: Node) => void): void {
  const cursor = root.walk();
  try {
    for (;;) {
      visit(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
      if (cursor.currentNode.equals(root)) return;
    }
  } finally {
    cursor.delete();
  }
}
