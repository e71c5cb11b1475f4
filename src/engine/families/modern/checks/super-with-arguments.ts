// super-with-arguments (UP008): `super(Cls, self)` inside a method of `Cls` whose first
// parameter is `self` (or `cls`) is what a bare `super()` means. Reported only when the
// rewrite is exact: the call sits in the method itself (a nested def, lambda or
// comprehension has no `__class__` cell of its own), the first argument spells the class
// from the module down (`Outer.Inner`), and the method neither rebinds the class name nor
// touches `__class__`. The builtin `super` only.
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
      if (items.length !== 2 || items[1].type !== 'identifier') return;
      const method = enclosingScopeNode(call);
      if (method?.type !== 'function_definition') return;
      const owner = enclosingScopeNode(method);
      const path = owner?.type === 'class_definition' ? classPath(owner) : undefined;
      if (!path || spelled(items[0]) !== path.join('.')) return;
      if (firstParameter(method) !== items[1].text) return;
      const bound = context.facts.ownBindings(context.facts.scopeOf(call)).bindings;
      if (bound.has(path[0]) || /(?<![.\w])__class__\b/.test(method.text) || !context.isSound(call)) return;
      const safe = !hasCommentIn(context, args.startIndex, args.endIndex);
      context.report({
        node: args,
        data: { args: `${path.join('.')}, ${items[1].text}` },
        fixes: [{ title: safe ? 'Use `super()`' : 'Use `super()` (unsafe: deletes a comment)', safety: safe ? 'safe' : 'unsafe', edits: [{ start: args.startIndex, end: args.endIndex, newText: '()' }] }],
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
