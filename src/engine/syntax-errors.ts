// How many syntax errors a text has (ERROR and MISSING nodes): fix-all keeps a batch of fixes
// only when it adds none, and a fix next to damaged code is offered only then.
import { Query, type Tree } from 'web-tree-sitter';
import { parseable } from './document';
import type { PythonParser } from './parser';
import { QUERY_OPTIONS } from './query-limits';

export class SyntaxErrorCounter {
  private readonly errorQuery: Query;

  constructor(private readonly parser: PythonParser) {
    this.errorQuery = new Query(parser.language, '(ERROR) @error');
  }

  /** Parses the text afresh and counts its ERROR and MISSING nodes; 0 for a sound file. */
  count(text: string): number {
    const tree = this.parser.parse(parseable(text));
    try {
      return tree.rootNode.hasError ? this.errorQuery.captures(tree.rootNode, QUERY_OPTIONS).length + countMissing(tree) : 0;
    } finally {
      tree.delete();
    }
  }

  delete(): void {
    this.errorQuery.delete();
  }
}

function countMissing(tree: Tree): number {
  let count = 0;
  const cursor = tree.walk();
  try {
    for (;;) {
      if (cursor.currentNode.isMissing) count++;
      if (cursor.currentNode.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return count;
      }
    }
  } finally {
    cursor.delete();
  }
}
