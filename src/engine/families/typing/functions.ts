// What the typing rules need to know about a `def`: where it lives (module, class, nested),
// how visible it is (public, private, special), its decorators, whether it is an overload
// or the implementation behind overloads, its self/cls parameter, and whether its body can
// fall off the end. Computed once per def and analysis, shared by every typing rule.
import type { Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../facts';
import { decoratorsOf } from '../../runtime-annotations';
import { visibilityOf, type Visibility } from '../../visibility';

export { decoratorsOf };

export type { Visibility } from '../../visibility';

export type Placement = 'module' | 'class' | 'nested';

/** What the tree alone says about a def (no semantic facts needed: typed coverage uses it too). */
export interface DefinitionShape {
  node: Node;
  name: Node;
  parameters: Node;
  placement: Placement;
  visibility: Visibility;
  /** Decorator expressions, outermost first. */
  decorators: Node[];
  isStatic: boolean;
  isClassMethod: boolean;
  isOverload: boolean;
  /** The def after a run of `@overload` stubs of the same name: its signature is theirs. */
  isOverloadImplementation: boolean;
  /** Parameter nodes whose annotation does not count (self, cls). */
  implicitFirst: Node | undefined;
}

export interface FunctionInfo extends DefinitionShape {
  /** The scope the def sits in (module, class body or enclosing function). */
  owner: Scope;
}

const cache = new WeakMap<SemanticFacts, Map<number, FunctionInfo>>();

const OVERLOAD = /^(?:typing\.|typing_extensions\.|t\.)?overload$/;

/** Classifies a function_definition node (memoised per analysis). */
export function functionInfo(facts: SemanticFacts, node: Node): FunctionInfo | undefined {
  let known = cache.get(facts);
  if (!known) cache.set(facts, (known = new Map()));
  const hit = known.get(node.startIndex);
  if (hit) return hit;
  const shape = definitionShape(node, mentionsOverload(facts));
  if (!shape) return undefined;
  const info: FunctionInfo = { ...shape, owner: facts.scopeOf(node) };
  known.set(node.startIndex, info);
  return info;
}

/**
 * Classifies a function_definition node from the tree alone. `mayHaveOverloads` false
 * skips the look for `@overload` stubs above it (the file never mentions `overload`).
 */
export function definitionShape(node: Node, mayHaveOverloads = true): DefinitionShape | undefined {
  const name = node.childForFieldName('name');
  const parameters = node.childForFieldName('parameters');
  if (!name || !parameters) return undefined;
  const placement = placementOf(node);
  const text = name.text;
  const visibility = visibilityOf(node, text, placement === 'nested');
  const decorators = decoratorsOf(node);
  const decoratorNames = decorators.map((d) => decoratorName(d));
  const isStatic = decoratorNames.some((d) => d === 'staticmethod');
  const isClassMethod = decoratorNames.some((d) => d === 'classmethod');
  const isOverload = decoratorNames.some((d) => OVERLOAD.test(d));
  return {
    node,
    name,
    parameters,
    placement,
    visibility,
    decorators,
    isStatic,
    isClassMethod,
    isOverload,
    isOverloadImplementation: !isOverload && mayHaveOverloads && followsOverloads(node, text),
    implicitFirst: placement === 'class' && !isStatic ? firstParameter(parameters) : undefined,
  };
}

/** The scope a def sits in, as Python sees it: the nearest enclosing def or class (defs live only in blocks). */
function placementOf(definition: Node): Placement {
  for (let node = statementOf(definition).parent; node; node = node.parent) {
    if (node.type === 'function_definition') return 'nested';
    if (node.type === 'class_definition') return 'class';
  }
  return 'module';
}


/** `@functools.lru_cache(maxsize=2)` → `functools.lru_cache`; whitespace removed. */
export function decoratorName(expression: Node): string {
  const callee = expression.type === 'call' ? expression.childForFieldName('function') : expression;
  return (callee?.text ?? expression.text).replace(/\s+/g, '');
}

/** The statement that holds a def: its decorated_definition when decorated. */
export function statementOf(definition: Node): Node {
  return definition.parent?.type === 'decorated_definition' ? definition.parent : definition;
}

const overloadFiles = new WeakMap<SemanticFacts, boolean>();

/** Cheap file-level check before looking for `@overload` stubs above each def. */
function mentionsOverload(facts: SemanticFacts): boolean {
  let mentions = overloadFiles.get(facts);
  if (mentions === undefined) overloadFiles.set(facts, (mentions = facts.text.includes('overload')));
  return mentions;
}

function followsOverloads(definition: Node, name: string): boolean {
  for (let previous = statementOf(definition).previousNamedSibling; previous; previous = previous.previousNamedSibling) {
    if (previous.type === 'comment') continue;
    if (previous.type !== 'decorated_definition') return false;
    const def = previous.childForFieldName('definition');
    if (def?.type !== 'function_definition' || def.childForFieldName('name')?.text !== name) return false;
    return decoratorsOf(def).some((d) => OVERLOAD.test(decoratorName(d)));
  }
  return false;
}

function firstParameter(parameters: Node): Node | undefined {
  const first = parameters.namedChildren.find((c): c is Node => !!c && c.type !== 'comment');
  if (!first) return undefined;
  // `def m(*args)` has no self to skip; `def m(self, /)` does.
  if (first.type === 'list_splat_pattern' || first.type === 'dictionary_splat_pattern' || first.type === 'keyword_separator' || first.type === 'positional_separator') return undefined;
  if (first.type === 'typed_parameter' && first.namedChildren.some((c) => c?.type === 'list_splat_pattern' || c?.type === 'dictionary_splat_pattern')) return undefined;
  return first;
}

export interface ParameterInfo {
  node: Node;
  /** The parameter's name identifier. */
  name: Node;
  kind: 'plain' | 'args' | 'kwargs';
  annotation: Node | undefined;
  /** The default value, when there is one. */
  value: Node | undefined;
}

/** The parameters of a def, with self/cls left out. */
export function parametersOf(info: DefinitionShape): ParameterInfo[] {
  const result: ParameterInfo[] = [];
  for (const child of info.parameters.namedChildren) {
    if (!child || child === null) continue;
    if (info.implicitFirst && child.equals(info.implicitFirst)) continue;
    const parameter = describeParameter(child);
    if (parameter) result.push(parameter);
  }
  return result;
}

function describeParameter(node: Node): ParameterInfo | undefined {
  switch (node.type) {
    case 'identifier':
      return { node, name: node, kind: 'plain', annotation: undefined, value: undefined };
    case 'default_parameter': {
      const name = node.childForFieldName('name');
      return name?.type === 'identifier' ? { node, name, kind: 'plain', annotation: undefined, value: node.childForFieldName('value') ?? undefined } : undefined;
    }
    case 'typed_default_parameter': {
      const name = node.childForFieldName('name');
      return name ? { node, name, kind: 'plain', annotation: node.childForFieldName('type') ?? undefined, value: node.childForFieldName('value') ?? undefined } : undefined;
    }
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern': {
      const name = node.namedChildren.find((c) => c?.type === 'identifier');
      return name ? { node, name, kind: node.type === 'list_splat_pattern' ? 'args' : 'kwargs', annotation: undefined, value: undefined } : undefined;
    }
    case 'typed_parameter': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'type');
      const annotation = node.childForFieldName('type') ?? undefined;
      if (!inner) return undefined;
      if (inner.type === 'identifier') return { node, name: inner, kind: 'plain', annotation, value: undefined };
      const name = inner.namedChildren.find((c) => c?.type === 'identifier');
      if (!name) return undefined;
      return { node, name, kind: inner.type === 'list_splat_pattern' ? 'args' : 'kwargs', annotation, value: undefined };
    }
    default:
      return undefined; // `*`, `/`, tuple parameters of old code
  }
}

/** Whether self / cls (left out by parametersOf) carries an annotation. */
export function hasAnnotatedImplicitFirst(info: DefinitionShape): boolean {
  return info.implicitFirst?.type === 'typed_parameter' || info.implicitFirst?.type === 'typed_default_parameter';
}

/**
 * True when the def returns nothing but `None`: no `return` with another value, no `yield`
 * (a generator returns a generator). Nested defs, classes and lambdas are theirs.
 */
export function returnsOnlyNone(definition: Node): boolean {
  const body = definition.childForFieldName('body');
  const stack: Node[] = body ? [body] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'yield') return false;
    if (node.type === 'return_statement') {
      const value = node.firstNamedChild;
      if (value && value.type !== 'none' && value.type !== 'comment') return false;
      continue;
    }
    for (const child of node.namedChildren) {
      if (!child || child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'lambda' || child.type === 'decorated_definition') continue;
      stack.push(child);
    }
  }
  return true;
}

/** The statements of a block, without comments. */
export function statementsOf(block: Node | null): Node[] {
  return (block?.namedChildren ?? []).filter((s): s is Node => !!s && s.type !== 'comment');
}

const isDocstring = (statement: Node) => statement.type === 'expression_statement' && statement.firstNamedChild?.type === 'string';

/** The body without a leading docstring. */
export function codeOf(definition: Node): Node[] {
  const statements = statementsOf(definition.childForFieldName('body'));
  return statements.filter((s, i) => !(i === 0 && isDocstring(s)));
}

/** The first `count` statements of a block (comments skipped), without materialising the rest. */
function firstStatements(block: Node | null, count: number): Node[] {
  const result: Node[] = [];
  for (let child = block?.firstNamedChild ?? null; child && result.length < count; child = child.nextNamedSibling) {
    if (child.type !== 'comment') result.push(child);
  }
  return result;
}

/** The last statement of a block (trailing comments skipped). */
export function lastStatement(block: Node | null): Node | undefined {
  for (let child = block?.lastNamedChild ?? null; child; child = child.previousNamedSibling) {
    if (child.type !== 'comment') return child;
  }
  return undefined;
}

export type BodyKind = 'stub' | 'not-implemented' | 'raises' | 'code';

/**
 * What a body is: a stub (`...`, `pass`-free docstring only), a `raise NotImplementedError`
 * placeholder, another raise-only body (the function never returns), or real code.
 */
export function bodyKind(definition: Node): BodyKind {
  const first = firstStatements(definition.childForFieldName('body'), 3);
  const code = first.filter((s, i) => !(i === 0 && isDocstring(s))).slice(0, 2);
  if (code.length === 0) return 'stub';
  if (code.length !== 1) return 'code';
  const only = code[0];
  if (only.type === 'expression_statement' && only.firstNamedChild?.type === 'ellipsis') return 'stub';
  if (only.type !== 'raise_statement') return 'code';
  const raised = only.firstNamedChild;
  if (!raised) return 'code'; // bare `raise`: re-raises what is being handled
  const callee = raised.type === 'call' ? raised.childForFieldName('function') : raised;
  return callee && /^(?:builtins\.)?NotImplemented(?:Error)?$/.test(callee.text) ? 'not-implemented' : 'raises';
}

const ABSTRACT = /^(?:abc\.)?(?:abstractmethod|abstractproperty|abstractclassmethod|abstractstaticmethod)$/;

/** Abstract methods and overload stubs: their body says nothing about the contract. */
export function isAbstractOrOverload(info: FunctionInfo): boolean {
  return info.isOverload || info.decorators.some((d) => ABSTRACT.test(decoratorName(d)));
}

/**
 * True when every path through the statements ends in `return`, `raise`, or an endless
 * loop: the function cannot fall off its end (returning `None` implicitly). Conservative:
 * false when unsure.
 */
export function alwaysExits(statements: readonly Node[], facts: SemanticFacts): boolean {
  const last = statements[statements.length - 1];
  if (!last) return false;
  switch (last.type) {
    case 'return_statement':
    case 'raise_statement':
      return true;
    case 'if_statement': {
      const branches: Node[][] = [statementsOf(last.childForFieldName('consequence'))];
      let hasElse = false;
      for (const clause of last.childrenForFieldName('alternative')) {
        if (!clause) continue;
        if (clause.type === 'else_clause') hasElse = true;
        branches.push(statementsOf(clause.childForFieldName(clause.type === 'else_clause' ? 'body' : 'consequence')));
      }
      return hasElse && branches.every((b) => alwaysExits(b, facts));
    }
    case 'try_statement': {
      const finallyClause = last.namedChildren.find((c) => c?.type === 'finally_clause');
      if (finallyClause && alwaysExits(statementsOf(finallyClause.namedChildren.find((c) => c?.type === 'block') ?? null), facts)) return true;
      const elseClause = last.namedChildren.find((c) => c?.type === 'else_clause');
      const main = alwaysExits(statementsOf(last.childForFieldName('body')), facts) || (!!elseClause && alwaysExits(statementsOf(elseClause.childForFieldName('body')), facts));
      const handlers = last.namedChildren.filter((c): c is Node => c?.type === 'except_clause' || c?.type === 'except_group_clause');
      return main && handlers.every((h) => alwaysExits(statementsOf(h.namedChildren.find((c) => c?.type === 'block') ?? null), facts));
    }
    case 'with_statement':
      return alwaysExits(statementsOf(last.childForFieldName('body')), facts);
    case 'while_statement': {
      const condition = last.childForFieldName('condition');
      return condition?.type === 'true' && !breaksOut(last.childForFieldName('body'));
    }
    case 'expression_statement': {
      const call = last.firstNamedChild;
      if (call?.type !== 'call') return false;
      const callee = call.childForFieldName('function');
      const qualified = callee && /(?:exit|abort)$/.test(callee.text) ? facts.resolve(callee) : undefined;
      return qualified === 'sys.exit' || qualified === 'os._exit' || qualified === 'os.abort';
    }
    default:
      return false;
  }
}

/** A `break` that leaves this loop (not one of a nested loop, def or class). */
function breaksOut(body: Node | null): boolean {
  const stack: Node[] = body ? [body] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'break_statement') return true;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (['for_statement', 'while_statement', 'function_definition', 'class_definition', 'lambda'].includes(child.type)) {
        // The else clause of a nested loop still belongs to our loop.
        const alternative = child.type === 'for_statement' || child.type === 'while_statement' ? child.childForFieldName('alternative') : null;
        if (alternative) stack.push(alternative);
        continue;
      }
      stack.push(child);
    }
  }
  return false;
}
