// yield-for-loop (UP028): `for x in items: yield x` in a generator is `yield from items`.
// Only a loop whose whole body is that one `yield` of its own target (a name, or a tuple of
// names yielded in the same order), with no `else`, in a plain (not async) def, and whose
// target names appear nowhere else in the function (after `yield from` they are unbound).
// The fix is unsafe, as in Ruff: `yield from` forwards `send()` and `throw()` to the inner
// iterator and returns its return value, which the loop did not.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { enclosingScopeNode, identifiersNamed, isAsyncDef } from '../syntax';

export function createYieldForLoop(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const loop = captures.loop;
      if (!loop || loop.firstChild?.type === 'async' || loop.childForFieldName('alternative')) return;
      const target = loop.childForFieldName('left');
      const iterable = loop.childForFieldName('right');
      const body = loop.childForFieldName('body');
      if (!target || !iterable || !body) return;
      const statements = body.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      if (statements.length !== 1 || statements[0].type !== 'expression_statement') return;
      const expressions = statements[0].namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      const yielded = expressions.length === 1 && expressions[0].type === 'yield' ? expressions[0] : undefined;
      if (!yielded || yielded.children.some((c) => c?.type === 'from')) return;
      const value = yielded.namedChildren.find((c): c is Node => !!c && c.type !== 'comment');
      const names = targetNames(target);
      if (!names || !value || !sameNames(names, value)) return;
      const scope = enclosingScopeNode(loop);
      if (scope?.type !== 'function_definition' || isAsyncDef(scope)) return;
      if (usedElsewhere(context, scope, loop, names) || !context.isSound(loop)) return;
      const iterableText = iterable.type === 'expression_list' ? `(${iterable.text})` : iterable.text;
      const replacement = `yield from ${iterableText}`;
      context.report({
        node: loop,
        // To the end of the `yield`, as Ruff: a comment the block ends with is not part of it.
        range: { start: loop.startIndex, end: yielded.endIndex },
        data: { target: target.text },
        fixes: [{ title: 'Replace with `yield from` (unsafe: it forwards `send()`/`throw()` to the iterable)', safety: 'unsafe', edits: [{ start: loop.startIndex, end: yielded.endIndex, newText: replacement }] }],
        suggestion: `\`${replacement.split('\n')[0]}\``,
        peer: 'UP028',
      });
    },
  };
}

/** The names a loop target binds: `x`, or `x, y` / `(x, y)`; undefined for anything else. */
function targetNames(target: Node): string[] | undefined {
  if (target.type === 'identifier') return [target.text];
  if (target.type !== 'pattern_list' && target.type !== 'tuple_pattern') return undefined;
  const items = target.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  return items.every((c) => c.type === 'identifier') ? items.map((c) => c.text) : undefined;
}

/** True when the yielded value is the target itself: the same names in the same order. */
function sameNames(names: string[], value: Node): boolean {
  let node = value;
  while (node.type === 'parenthesized_expression' && node.namedChildCount === 1) node = node.namedChildren[0]!;
  if (names.length === 1) return node.type === 'identifier' && node.text === names[0];
  if (node.type !== 'expression_list' && node.type !== 'tuple') return false;
  const items = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  return items.length === names.length && items.every((c, i) => c.type === 'identifier' && c.text === names[i]);
}

/**
 * True when a target name occurs in the function's code outside the loop's target and
 * yield: after `yield from` the loop variable is no longer bound to the last item. A plain
 * `x = …` elsewhere only stores a fresh value, so it does not count (as Ruff).
 */
function usedElsewhere(context: CheckContext, scope: Node, loop: Node, names: string[]): boolean {
  const target = loop.childForFieldName('left');
  const body = loop.childForFieldName('body');
  const own = [target, body].filter((n): n is Node => !!n);
  const store = (node: Node) => node.parent?.type === 'assignment' && node.parent.childForFieldName('left')?.equals(node);
  return names.some((name) => identifiersNamed(context, name, scope.startIndex, scope.endIndex, own).some((n) => !store(n)));
}
