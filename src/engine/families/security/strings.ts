// What a string argument is made of: text fixed in the source, or text built at runtime
// (f-string interpolation, `%`, `.format()`, `+` with a non-literal). Injection rules report
// only built text; a literal command, query or expression is what the author wrote.
import type { Node } from 'web-tree-sitter';

/** A string literal (or implicit concatenation of them) with no interpolation. */
export function isStaticString(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === 'parenthesized_expression') return isStaticString(node.namedChildren[0]);
  if (node.type === 'concatenated_string') return node.namedChildren.every((part) => isStaticString(part));
  if (node.type !== 'string') return false;
  return !node.namedChildren.some((part) => part?.type === 'interpolation');
}

/** A literal the analysis can read whole: a static string, number, `True`/`False`/`None`, or a list/tuple of them. */
export function isStaticValue(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (isStaticString(node)) return true;
  if (['integer', 'float', 'true', 'false', 'none'].includes(node.type)) return true;
  if (node.type === 'unary_operator') return isStaticValue(node.childForFieldName('argument'));
  if (node.type === 'list' || node.type === 'tuple') return node.namedChildren.every((item) => isStaticValue(item));
  if (node.type === 'parenthesized_expression') return isStaticValue(node.namedChildren[0]);
  return false;
}

export type StringBuild = 'f-string' | 'percent' | 'format' | 'concatenation';

/**
 * How an expression builds a string from runtime values, or undefined when it does not
 * visibly do so (a literal, a plain name, a call): `f"… {x}"`, `"…" % x`, `"…".format(x)`,
 * `"…" + x`. Only shapes with a string literal in them count: `a + b` of two names is not
 * known to be text.
 */
export function stringBuild(node: Node | null | undefined): StringBuild | undefined {
  if (!node) return undefined;
  if (node.type === 'parenthesized_expression') return stringBuild(node.namedChildren[0]);
  if (node.type === 'string' || node.type === 'concatenated_string') {
    const parts = node.type === 'string' ? [node] : node.namedChildren;
    return parts.some((part) => part?.namedChildren.some((c) => c?.type === 'interpolation')) ? 'f-string' : undefined;
  }
  if (node.type === 'binary_operator') {
    const operator = node.childForFieldName('operator')?.type;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (operator === '%' && isStringish(left) && !isStaticValue(right)) return 'percent';
    if (operator === '+' && (isStringish(left) || isStringish(right)) && !(isStaticValue(left) && isStaticValue(right))) {
      return 'concatenation';
    }
    return undefined;
  }
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'format' && isStringish(callee.childForFieldName('object'))) {
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      return args.every((a) => (a?.type === 'keyword_argument' ? isStaticValue(a.childForFieldName('value')) : isStaticValue(a))) ? undefined : 'format';
    }
  }
  return undefined;
}

/** A string literal, or an expression already known to build one. */
function isStringish(node: Node | null | undefined): boolean {
  return isStaticString(node) || stringBuild(node) !== undefined;
}
