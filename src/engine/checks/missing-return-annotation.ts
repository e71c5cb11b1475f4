// missing-return-annotation: a public function or method without `-> T`. The fix adds
// `-> None` only when the function provably returns nothing: no `return <value>` (other
// than `return None`), no `yield`, and it is not a stub or a raise-only placeholder.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from './index';

const PLACEHOLDER_DECORATORS = /^(?:abc\.)?(?:abstractmethod|abstractproperty)$|^(?:typing\.|t\.)?overload$/;

export function createMissingReturnAnnotation(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const definition = captures.def;
      const name = captures.name;
      const parameters = captures.params;
      if (!definition || !name || !parameters || name.text.startsWith('_')) return;
      if (!context.isSound(name) || !context.isSound(parameters)) return;
      // Only API: module-level functions and methods of (possibly nested) classes.
      const owner = context.facts.scopeOf(definition);
      if (owner.kind !== 'module' && owner.kind !== 'class') return;
      const kind = owner.kind === 'class' ? 'method' : 'function';
      const fixes = context.isSound(definition) && returnsNothing(definition, context)
        ? [{ title: 'Add `-> None`', safety: 'safe' as const, edits: [{ start: parameters.endIndex, end: parameters.endIndex, newText: ' -> None' }] }]
        : [];
      context.report({ node: name, data: { name: name.text, kind }, fixes });
    },
  };
}

function returnsNothing(definition: Node, context: CheckContext): boolean {
  const exits = context.facts.functionExits(definition);
  if (exits.yields || exits.returnsValue) return false;
  const body = definition.childForFieldName('body');
  return !!body && !isPlaceholder(definition, body);
}

/** Stubs (`...`), raise-only bodies, abstract methods and overloads: `None` is not their contract. */
function isPlaceholder(definition: Node, body: Node): boolean {
  const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
  for (const decorator of decorated?.namedChildren ?? []) {
    if (decorator?.type !== 'decorator') continue;
    const expression = decorator.firstNamedChild;
    if (expression && PLACEHOLDER_DECORATORS.test(expression.text)) return true;
  }
  const statements = body.namedChildren.filter((s): s is Node => !!s && s.type !== 'comment');
  const isDocstring = (s: Node) => s.type === 'expression_statement' && s.firstNamedChild?.type === 'string';
  const code = statements.filter((s, i) => !(i === 0 && isDocstring(s)));
  if (code.length === 0) return true; // docstring only
  if (code.length !== 1) return false;
  const only = code[0];
  return only.type === 'raise_statement' || (only.type === 'expression_statement' && only.firstNamedChild?.type === 'ellipsis');
}
