// What an argument of an os.path call provably is: a pathlib.Path (made by `Path(…)`, `/`,
// `.parent`, `.resolve()` … or a name bound only to those), a file descriptor (an int, which
// pathlib cannot take), or a string literal. Everything else is unknown.
import type { Node } from 'web-tree-sitter';
import { boundValues } from '../../bound-values';
import type { SemanticFacts } from '../../facts';
import { PATH_CLASSES, PATH_RETURNING } from './pathlib-calls';

function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1) current = current.namedChildren[0]!;
  return current;
}

/** True when `expression` evaluates to a concrete pathlib Path whatever the run. */
export function isPathValue(facts: SemanticFacts, expression: Node, depth = 0): boolean {
  if (depth > 8) return false;
  const node = unwrap(expression);
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '/') return isPathValue(facts, node.childForFieldName('left')!, depth + 1);
  if (node.type === 'call') {
    const callee = node.childForFieldName('function')!;
    const qualified = facts.resolve(callee);
    if (qualified !== undefined && (PATH_CLASSES.has(qualified) || [...PATH_CLASSES].some((c) => qualified === `${c}.cwd` || qualified === `${c}.home`))) return true;
    if (callee.type === 'attribute' && PATH_RETURNING.has(callee.childForFieldName('attribute')!.text)) return isPathValue(facts, callee.childForFieldName('object')!, depth + 1);
    return false;
  }
  if (node.type === 'attribute') return node.childForFieldName('attribute')!.text === 'parent' && isPathValue(facts, node.childForFieldName('object')!, depth + 1);
  if (node.type !== 'identifier') return false;
  const values = boundValues(facts, node);
  return !!values?.length && values.every((value) => isPathValue(facts, value, depth + 1));
}

/** An int or bytes: a file descriptor or a bytes path, which `Path()` rejects. */
export function isNotPathLike(facts: SemanticFacts, expression: Node, depth = 0): boolean {
  const node = unwrap(expression);
  if (node.type === 'integer') return true;
  if (node.type === 'string' || node.type === 'concatenated_string') return /^[a-zA-Z]*[bB]/.test(node.text);
  if (node.type === 'call') {
    const callee = node.childForFieldName('function')!;
    if (callee.type === 'attribute' && callee.childForFieldName('attribute')!.text === 'fileno') return true;
    const qualified = facts.resolve(callee);
    return qualified === 'os.open' || qualified === 'os.fsencode' || qualified === 'builtins.bytes' || qualified === 'builtins.int';
  }
  if (node.type !== 'identifier' || depth > 4) return false;
  const values = boundValues(facts, node);
  return !!values?.length && values.some((value) => isNotPathLike(facts, value, depth + 1));
}

/**
 * A plain string literal that is not empty (`Path("")` is `Path(".")`, `exists("")` is
 * False), or a name bound only to such literals (`CONFIG = "/etc/app.json"`).
 */
export function isNonEmptyStringLiteral(expression: Node, facts?: SemanticFacts): boolean {
  const node = unwrap(expression);
  if (node.type === 'identifier' && facts) {
    const values = boundValues(facts, node);
    return !!values?.length && values.every((value) => isNonEmptyStringLiteral(value));
  }
  if (node.type !== 'string' || node.children.some((c) => c?.type === 'interpolation')) return false;
  const match = /^([a-zA-Z]*)("""|'''|"|')([\s\S]*)\2$/.exec(node.text);
  return !!match && !/[bB]/.test(match[1]) && match[3].length > 0;
}

