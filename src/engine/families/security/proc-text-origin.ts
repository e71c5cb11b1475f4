// Where a value's text comes from: fixed in the source (a literal, a name only ever bound to
// literals, a build of those) or made at runtime, and which values a string build pastes in.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { isStaticString, isStaticValue, stringBuild } from './strings';

/** `static`: written in the source; otherwise how the text is made at runtime. */
export type TextOrigin = 'static' | 'f-string' | 'percent' | 'format' | 'concatenation' | 'dynamic';

/**
 * Where a value's text comes from. A name counts as static when every value its scope (or
 * the module, for a global) assigns it is a literal and nothing else binds it.
 */
export function textOrigin(facts: SemanticFacts, node: Node): TextOrigin {
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return textOrigin(facts, node.namedChildren[0]);
  if (isLiteralText(node)) return 'static';
  const built = stringBuild(node);
  // `f"make {TARGET}"` with `TARGET = "all"`: built from literals only.
  if (built) return runtimeParts(node).every((part) => textOrigin(facts, part) === 'static') ? 'static' : built;
  if (node.type === 'identifier' && isLiteralName(facts, node)) return 'static';
  return 'dynamic';
}

/** A literal, or a choice between literals (`"fast" if quick else "full"`). */
function isLiteralText(node: Node): boolean {
  if (isStaticValue(node)) return true;
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return isLiteralText(node.namedChildren[0]);
  if (node.type !== 'conditional_expression') return false;
  const [whenTrue, , whenFalse] = node.namedChildren;
  return !!whenTrue && !!whenFalse && isLiteralText(whenTrue) && isLiteralText(whenFalse);
}

function isLiteralName(facts: SemanticFacts, identifier: Node): boolean {
  const local = facts.localBinding(identifier);
  if (local) {
    if (!local.parameter && !local.values.length && local.opaque) return loopsOverLiterals(facts, identifier);
    return !local.opaque && !local.parameter && local.values.length > 0 && local.values.every((v) => isLiteralText(v));
  }
  const module = facts.ownBindings(facts.moduleScope);
  const name = identifier.text;
  if (!module.bindings.has(name) || module.opaque.has(name) || facts.moduleScope.imports.has(name)) return false;
  const values = module.assignments.get(name) ?? [];
  return values.length > 0 && values.every((v) => isLiteralText(v.value));
}

/**
 * `for cmd in ["npx.cmd", "npx"]: … cmd …` or `for i in range(n)`: the loop variable only
 * takes literal values, or integers (which cannot carry syntax).
 */
function loopsOverLiterals(facts: SemanticFacts, identifier: Node): boolean {
  for (let up = identifier.parent; up; up = up.parent) {
    if (up.type === 'function_definition' || up.type === 'lambda' || up.type === 'class_definition') return false;
    if (up.type !== 'for_statement') continue;
    const left = up.childForFieldName('left');
    if (left?.type !== 'identifier' || left.text !== identifier.text) continue;
    const right = up.childForFieldName('right');
    const callee = right?.type === 'call' ? right.childForFieldName('function') : undefined;
    return isStaticValue(right) || (!!callee && facts.resolve(callee) === 'builtins.range');
  }
  return false;
}

/** The values a build puts into the text. */
export function runtimeParts(node: Node): Node[] {
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return runtimeParts(node.namedChildren[0]);
  if (node.type === 'string' || node.type === 'concatenated_string') {
    const parts = node.type === 'string' ? [node] : node.namedChildren;
    return parts.flatMap((p) => p?.namedChildren.filter((c) => c?.type === 'interpolation').map((i) => i!.namedChildren[0]!) ?? []);
  }
  if (node.type === 'binary_operator') {
    const left = node.childForFieldName('left');
    // `"kill -9 %d" % pid`: `%d`, `%f`, `%x`… only format numbers, which cannot carry syntax.
    if (node.childForFieldName('operator')?.type === '%' && left && isStaticString(left) && onlyNumericFields(left.text)) return [];
    const right = node.childForFieldName('right');
    const operator = node.childForFieldName('operator')?.type;
    const side = (n: Node | null): Node[] => {
      if (!n || isStaticString(n)) return [];
      // `"a " + "b " + "c"`: only literals joined.
      if (stringBuild(n) || (operator === '+' && n.type === 'binary_operator' && n.childForFieldName('operator')?.type === '+')) return runtimeParts(n);
      if (operator === '%' && n.type === 'tuple') return n.namedChildren.filter((c): c is Node => !!c);
      if (operator === '%' && n.type === 'dictionary') return n.namedChildren.map((pair) => pair?.childForFieldName('value') ?? pair!).filter((c): c is Node => !!c);
      return [n];
    };
    return [...side(left), ...side(right)];
  }
  if (node.type === 'call') {
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    return args.filter((a): a is Node => !!a).map((a) => (a.type === 'keyword_argument' ? a.childForFieldName('value')! : a));
  }
  return [node];
}


const PERCENT_FIELD = /%(?:\([^)]*\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([a-zA-Z%])/g;

/** A `%` template whose fields are all numeric conversions (`%d`, `%i`, `%f`, `%x`…). */
function onlyNumericFields(template: string): boolean {
  const fields = [...template.matchAll(PERCENT_FIELD)].map((m) => m[1]).filter((c) => c !== '%');
  return fields.length > 0 && fields.every((c) => 'diouxXeEfFgG'.includes(c));
}
