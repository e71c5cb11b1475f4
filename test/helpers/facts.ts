// Semantic facts over parsed snippets, for unit tests: one FactQueries per suite, every
// tree freed after it, and the node that spans exactly a given piece of the text.
import assert from 'node:assert/strict';
import type { Node, Tree } from 'web-tree-sitter';
import type { Engine } from '../../src/engine/engine';
import { FactQueries, SemanticFacts } from '../../src/engine/facts';
import { DEFAULT_TARGET_VERSION, type PythonVersion } from '../../src/engine/types';
import { getEngine } from './engine';

export interface Parsed {
  tree: Tree;
  facts: SemanticFacts;
}

/** Registers the suite's before/after hooks; call inside `describe`. */
export function useFacts(): { engine(): Engine; parse(text: string, version?: PythonVersion): Parsed } {
  let engine: Engine;
  let queries: FactQueries;
  const trees: Tree[] = [];
  before(async () => {
    engine = await getEngine();
    queries = new FactQueries(engine.parser.language);
  });
  after(() => {
    for (const tree of trees) tree.delete();
    queries.delete();
  });
  return {
    engine: () => engine,
    parse(text, version = DEFAULT_TARGET_VERSION) {
      const tree = engine.parser.parse(text);
      trees.push(tree);
      return { tree, facts: new SemanticFacts(tree, queries, version) };
    },
  };
}

/** The innermost node that starts at `offset` and covers exactly `length` characters. */
export function nodeSpanning(tree: Tree, offset: number, length: number, label: string): Node {
  let found: Node | null = tree.rootNode.descendantForIndex(offset);
  while (found && found.endIndex < offset + length) found = found.parent;
  assert.ok(found && found.startIndex === offset && found.endIndex === offset + length, `no node spans exactly "${label}"`);
  return found;
}
