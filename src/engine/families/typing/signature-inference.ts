// The types the missing-annotation fixes offer for a signature: a def's return type from its
// returns and yields, a parameter's from its default (and, for `=None`, from the body's
// defaulting idioms). The expressions' types come from inference.ts.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { defaultEvidence } from './parameter-evidence';
import { alwaysExits, type FunctionInfo, lastStatement, type ParameterInfo, parametersOf } from './functions';
import { agree, Inference, keyOf, mayInfer, NONE, type Ty } from './inference';

export interface Inferred {
  ty: Ty;
  /** The fix may be applied without review. */
  safe: boolean;
}

/**
 * The return type a def's body states: `None` when nothing is returned (safe); the type every
 * `return` agrees on, `T | None` when a bare return or falling off the end is mixed in; an
 * iterator of the yielded type for simple generators; `NoReturn` for bodies that only raise.
 */
export function inferReturn(info: FunctionInfo, facts: SemanticFacts): Inferred | undefined {
  const exits = facts.functionExits(info.node);
  if (!exits.yields && !exits.returnsValue) return { ty: NONE, safe: true };
  const inference = new Inference(facts);
  const isAsync = info.node.firstChild?.type === 'async';
  // Parameters without annotations have no type to return: known without any binding analysis.
  const unannotated = new Set(parametersOf(info).filter((p) => !p.annotation).map((p) => p.name.text));
  if (info.implicitFirst) unannotated.add((info.implicitFirst.type === 'identifier' ? info.implicitFirst : info.implicitFirst.firstNamedChild)?.text ?? '');
  const valueOf = (node: Node): Node | undefined => node.namedChildren.find((c) => !!c && c.type !== "comment") ?? undefined;
  if (exits.yields) {
    if (exits.returnsValue) return undefined;
    const values: (Node | undefined)[] = [];
    for (const expression of exits.yieldNodes) {
      // `x = yield` uses send(); `yield from` delegates: Generator[...] territory.
      if (expression.parent?.type !== 'expression_statement') return undefined;
      if (expression.children.some((c) => c?.type === 'from')) return undefined;
      const value = valueOf(expression);
      if (value && !mayInfer(value, unannotated)) return undefined;
      values.push(value);
    }
    const items: Ty[] = [];
    for (const value of values) {
      const item = value ? inference.expression(value) : NONE;
      if (!item) return undefined;
      items.push(item);
    }
    const item = agree(items);
    return item ? { ty: { kind: 'iterator', async: isAsync, item }, safe: false } : undefined;
  }
  if (!exits.returnsValue) return { ty: NONE, safe: true };
  const values = exits.returnNodes.map(valueOf);
  if (values.some((value) => value && !mayInfer(value, unannotated))) return undefined;
  const types: Ty[] = [];
  for (const value of values) {
    const ty = value ? inference.expression(value) : NONE;
    if (!ty) return undefined;
    types.push(ty);
  }
  const last = lastStatement(info.node.childForFieldName('body'));
  if (!last || !alwaysExits([last], facts)) types.push(NONE);
  const ty = agree(types);
  return ty ? { ty, safe: false } : undefined;
}

/**
 * The type of a parameter from its default: `retries=3` → int (safe; `int | None` and unsafe
 * when the file passes None for it or documents it as optional, see parameter-evidence.ts;
 * none when a call passes another type). For `name=None`, the
 * body must say what else it holds: `if name is None: name = "x"`, `name = name or "x"` make
 * it `str | None` (safe); other assignments of one type make it a guess (unsafe).
 */
export function inferParameter(parameter: ParameterInfo, info: FunctionInfo, facts: SemanticFacts): Inferred | undefined {
  const value = parameter.value;
  if (!value || parameter.kind !== 'plain') return undefined;
  const inference = new Inference(facts);
  if (value.type !== 'none') {
    const ty = scalar(value) ? inference.expression(value) : undefined;
    if (!ty || ty.kind !== 'builtin') return undefined;
    // `timeout=10` called with `timeout=None`, tested `is None` or documented optional: `int | None`, a guess.
    const evidence = defaultEvidence(parameter, info, facts, (argument) => {
      const passed = inference.expression(argument);
      // An int passed where the default is a float is still a float (PEP 484's numeric tower).
      return passed && (keyOf(passed) === keyOf(ty) || (ty.name === 'float' && keyOf(passed) === 'int'));
    });
    if (evidence.other) return undefined;
    return evidence.none ? { ty: { kind: 'optional', inner: ty }, safe: false } : { ty, safe: true };
  }
  const body = info.node.childForFieldName('body');
  const scope = body ? facts.scopeAt(body.startIndex) : undefined;
  if (!scope || scope.node.startIndex !== info.node.startIndex) return undefined;
  const name = parameter.name.text;
  const own = facts.ownBindings(scope);
  if (own.opaque.has(name)) return undefined;
  const assignments = own.assignments.get(name) ?? [];
  if (!assignments.length) return undefined;
  let obvious = true;
  const types: Ty[] = [];
  for (const { value: assigned } of assignments) {
    const evidence = defaultingValue(assigned, name);
    if (!evidence.obvious) obvious = false;
    const ty = inference.expression(evidence.value);
    if (!ty || ty.kind === 'none' || ty.kind === 'optional') return undefined;
    types.push(ty);
  }
  const ty = agree(types);
  if (!ty || ty.kind === 'optional' || ty.kind === 'none') return undefined;
  return { ty: { kind: 'optional', inner: ty }, safe: obvious };
}

/** A literal default: a number, string, bytes or bool (negative numbers too). */
function scalar(value: Node): boolean {
  if (['integer', 'float', 'string', 'concatenated_string', 'true', 'false'].includes(value.type)) return !isFString(value);
  if (value.type === 'unary_operator') return ['integer', 'float'].includes(value.childForFieldName('argument')?.type ?? '');
  return false;
}

function isFString(node: Node): boolean {
  return node.descendantsOfType('interpolation').length > 0;
}

/**
 * What a parameter is set to when it was None, and whether the idiom says so:
 * `name = name or X`, `name = X if name is None else name`, or `name = X` directly under
 * `if name is None:` / `if not name:`.
 */
function defaultingValue(value: Node, name: string): { value: Node; obvious: boolean } {
  if (value.type === 'boolean_operator' && value.childForFieldName('operator')?.text === 'or' && value.childForFieldName('left')?.text === name) {
    return { value: value.childForFieldName('right')!, obvious: true };
  }
  if (value.type === 'conditional_expression') {
    const [body, condition, alternative] = value.namedChildren;
    if (body && condition && alternative) {
      if (alternative.text === name && isNoneTest(condition, name, true)) return { value: body, obvious: true };
      if (body.text === name && isNoneTest(condition, name, false)) return { value: alternative, obvious: true };
    }
  }
  const statement = value.parent?.parent; // assignment → expression_statement
  const block = statement?.parent;
  const ifStatement = block?.parent;
  if (statement?.type === 'expression_statement' && block?.type === 'block' && ifStatement?.type === 'if_statement' && ifStatement.childForFieldName('consequence')?.equals(block)) {
    const condition = ifStatement.childForFieldName('condition');
    if (condition && isNoneTest(condition, name, true)) return { value, obvious: true };
  }
  return { value, obvious: false };
}

/** `name is None` / `not name` (isNone) or `name is not None` / `name` (!isNone). */
function isNoneTest(condition: Node, name: string, isNone: boolean): boolean {
  const text = condition.text.replace(/\s+/g, ' ');
  return isNone ? text === `${name} is None` || text === `not ${name}` : text === `${name} is not None` || text === name;
}
