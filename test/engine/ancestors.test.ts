// parentOf answers what Node.parent answers, for every node, whatever order they are asked in
// (its descents reuse each other, so the order matters to how it gets there, never to the answer).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { parentOf } from '../../src/engine/ancestors';
import type { Engine } from '../../src/engine/engine';
import { getEngine, REPO_ROOT } from '../helpers/engine';

function allNodes(root: Node): Node[] {
  const nodes: Node[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    nodes.push(node);
    for (const child of node.children) if (child) stack.push(child);
  }
  return nodes;
}

describe('parentOf', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const texts = {
    fixture: readFileSync(join(REPO_ROOT, 'test/fixtures/typing/typing-generic-alias.py'), 'utf8'),
    nested: `x: int = ${'List['.repeat(300)}int${']'.repeat(300)}\n`,
    broken: `def f(:\n    return ${'('.repeat(50)}1\nclass A:\n    def m(self) -> List[\n`,
  };
  for (const [name, text] of Object.entries(texts)) {
    for (const order of ['document', 'reversed', 'shuffled'] as const) {
      it(`equals Node.parent on every node (${name}, asked in ${order} order)`, () => {
        const document = engine.open(text);
        try {
          const nodes = allNodes(document.tree.rootNode);
          if (order === 'reversed') nodes.reverse();
          if (order === 'shuffled') nodes.sort((a, b) => ((a.id * 2654435761) % 1000) - ((b.id * 2654435761) % 1000));
          for (const node of nodes) assert.equal(parentOf(node)?.id ?? null, node.parent?.id ?? null, `${node.type} at ${node.startIndex}`);
        } finally {
          engine.close(document);
        }
      });
    }
  }
});
