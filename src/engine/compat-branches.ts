// Code that supports two versions of a library side by side on purpose: a branch chosen by
// a test that names the library (`if PYDANTIC_V1:`, `if is_openai_v1(): … else: …`,
// `x if pydantic.VERSION.startswith("2.") else y`). A migration rule has nothing to say about
// either branch: the old spelling is there for the old version.
import type { Node } from 'web-tree-sitter';

/** True when an enclosing if/elif/while/conditional-expression test (not the node itself) matches `test`. */
export function inBranchTesting(node: Node, test: RegExp): boolean {
  for (let current: Node | null = node.parent; current; current = current.parent) {
    const type = current.type;
    if (type !== 'if_statement' && type !== 'elif_clause' && type !== 'conditional_expression' && type !== 'while_statement') continue;
    // `else:` and `elif` branches belong to the if_statement, so walking up reaches its test.
    const condition = type === 'conditional_expression' ? current.namedChildren[1] : current.childForFieldName('condition');
    if (condition && !(node.startIndex >= condition.startIndex && node.endIndex <= condition.endIndex) && test.test(condition.text)) return true;
  }
  return false;
}
