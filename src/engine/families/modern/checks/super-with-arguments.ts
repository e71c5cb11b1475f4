// super-with-arguments (UP008): `super(Cls, self)` inside a method of `Cls` whose first
// parameter is `self` (or `cls`) is what a bare `super()` means. Reported only when the
// rewrite is exact: the call sits in the method itself (a nested def, lambda or
// comprehension has no `__class__` cell of its own), the first argument spells the class
// from its outermost class down (`Outer.Inner`) or is `__class__`, the method binds neither
// the class name nor `__class__`, and no decorator rebuilds the class (slotted dataclasses
// and attrs classes). The builtin `super` only; with extra keywords, reported without a fix.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { argumentNodes } from '../../../call-arguments';
import { enclosingScopeNode, hasCommentIn, isBuiltin } from '../syntax';

export function createSuperWithArguments(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const { call, fn, args } = captures;
      if (!call || !fn || !args || fn.text !== 'super' || !isBuiltin(context, fn, 'super')) return;
      const items = argumentNodes(args);
      const positional = items.filter((a) => a.type !== 'keyword_argument' && a.type !== 'dictionary_splat');
      if (positional.length !== 2 || positional.some((a) => a.type === 'list_splat') || positional[1].type !== 'identifier') return;
      // `super(A, self, key=1)` is reported (as Ruff) but not rewritten: the call is an error either way.
      const extra = items.length > 2;
      const method = enclosingScopeNode(call);
      if (method?.type !== 'function_definition') return;
      const owner = enclosingScopeNode(method);
      const path = owner?.type === 'class_definition' ? classPath(owner) : undefined;
      const first = spelled(positional[0]);
      if (!path || (first !== path.join('.') && first !== '__class__')) return;
      if (firstParameter(method) !== positional[1].text || remadeClass(context, owner!)) return;
      const bound = context.facts.ownBindings(context.facts.scopeOf(call)).bindings;
      // A local `__class__` hides the cell a bare super() reads (RuntimeError: __class__ cell not found).
      if (bound.has(path[0]) || bound.has('__class__') || /^\s*__class__\s*[:=]/m.test(method.text) || !context.isSound(call)) return;
      const safe = !hasCommentIn(context, args.startIndex, args.endIndex);
      context.report({
        node: args,
        data: { args: `${first}, ${positional[1].text}` },
        fixes: extra ? [] : [{ title: safe ? 'Use `super()`' : 'Use `super()` (unsafe: deletes a comment)', safety: safe ? 'safe' : 'unsafe', edits: [{ start: args.startIndex, end: args.endIndex, newText: '()' }] }],
        suggestion: '`super()`',
        peer: 'UP008',
      });
    },
  };
}

/**
 * The names from the outermost class down to this one (`Outer.Inner`), through `if`/`try`
 * blocks. A class chain in a function counts when that function is no method (Ruff's scope:
 * a class inside a method is left alone); a comprehension or lambda around it does not.
 */
function classPath(definition: Node): string[] | undefined {
  const names: string[] = [];
  let current: Node | null = definition;
  while (current?.type === 'class_definition') {
    const name = current.childForFieldName('name');
    if (!name) return undefined;
    names.unshift(name.text);
    const outer: Node | null = enclosingScopeNode(current);
    if (!outer) return names;
    if (outer.type === 'function_definition') return outerScopes(outer).some((s) => s.type !== 'function_definition') ? undefined : names;
    current = outer;
  }
  return undefined;
}

/** The scopes around a node, innermost first. */
function outerScopes(node: Node): Node[] {
  const scopes: Node[] = [];
  for (let scope = enclosingScopeNode(node); scope; scope = enclosingScopeNode(scope)) scopes.push(scope);
  return scopes;
}

/**
 * A class decorator that builds a new class (`@dataclass(slots=True)`, attrs' slotted
 * `@define` / `@frozen` / `@attr.s(slots=True)`): the `__class__` cell a bare super() reads
 * then points at the discarded class, so the two-argument form must stay.
 */
function remadeClass(context: CheckContext, definition: Node): boolean {
  const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : null;
  if (!decorated) return false;
  return decorated.namedChildren.some((d) => {
    if (d?.type !== 'decorator') return false;
    const expression = d.namedChildren.find((c) => c?.type !== 'comment');
    if (!expression) return false;
    const callee = expression.type === 'call' ? expression.childForFieldName('function') : expression;
    const qualified = callee ? context.facts.resolve(callee) ?? callee.text : '';
    if (/^attrs?\.(define|frozen|mutable)$/.test(qualified) && !/slots\s*=\s*False/.test(expression.text)) return true;
    return /slots\s*=\s*True/.test(expression.text);
  });
}

/** `Outer.Inner` for a name or an attribute chain of names; undefined for anything else. */
function spelled(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type !== 'attribute') return undefined;
  const object = node.childForFieldName('object');
  const attribute = node.childForFieldName('attribute');
  const head = object ? spelled(object) : undefined;
  return head && attribute ? `${head}.${attribute.text}` : undefined;
}

/** The name of a def's first positional parameter (`self`, `cls`), if it has a plain one. */
function firstParameter(definition: Node): string | undefined {
  const parameters = definition.childForFieldName('parameters');
  const first = parameters?.namedChildren.find((c): c is Node => !!c && c.type !== 'comment');
  if (!first) return undefined;
  if (first.type === 'identifier') return first.text;
  if (first.type === 'typed_parameter' || first.type === 'default_parameter' || first.type === 'typed_default_parameter') {
    const name = first.type === 'typed_parameter' ? first.namedChildren[0] : first.childForFieldName('name');
    return name?.type === 'identifier' ? name.text : undefined;
  }
  return undefined;
}
