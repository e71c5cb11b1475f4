// Code that supports two versions of a library side by side on purpose: a branch chosen by
// a test that names the library (`if PYDANTIC_V1:`, `if is_openai_v1(): … else: …`,
// `x if pydantic.VERSION.startswith("2.") else y`), or the code after an early
// `if is_openai_v1(): return …`. A migration rule has nothing to say about either branch: the
// old spelling is there for the old version.
import type { Node } from 'web-tree-sitter';

/**
 * True when the node sits in a branch of an if/elif/while/conditional expression whose test
 * (not the node itself) matches `test`, or follows such an `if` in an enclosing block.
 */
export function inBranchTesting(node: Node, test: RegExp): boolean {
  const matches = (condition: Node | null | undefined) => !!condition && !within(node, condition) && test.test(condition.text);
  for (let current: Node | null = node.parent; current; current = current.parent) {
    for (let previous = current.previousNamedSibling; previous; previous = previous.previousNamedSibling) {
      if (previous.type === 'if_statement' && matches(previous.childForFieldName('condition'))) return true;
    }
    switch (current.type) {
      case 'if_statement': {
        // `else:` and `elif` branches belong to the if_statement: every test of the chain chose them.
        const elifs = current.namedChildren.filter((c) => c?.type === 'elif_clause').map((c) => c!.childForFieldName('condition'));
        if ([current.childForFieldName('condition'), ...elifs].some(matches)) return true;
        break;
      }
      case 'while_statement':
        if (matches(current.childForFieldName('condition'))) return true;
        break;
      case 'conditional_expression':
        if (matches(current.namedChildren[1])) return true;
        break;
    }
  }
  return false;
}

function within(node: Node, outer: Node): boolean {
  return node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}
