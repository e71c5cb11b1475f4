// A route's parameters as FastAPI reads them: name, kind, annotation and default, and the
// FastAPI parameter markers (`Depends`, `Query`, `Path`…) in defaults and `Annotated[...]`.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';

export type ParameterKind = 'positional-only' | 'positional' | 'keyword-only' | 'var-positional' | 'var-keyword';

export interface RouteParameter {
  /** The whole parameter node (`q: str = Query(None)`). */
  node: Node;
  name: string;
  kind: ParameterKind;
  annotation?: Node;
  default?: Node;
}

/** The parameters of a def, in order, with their kinds. */
export function parametersOf(definition: Node): RouteParameter[] {
  const list = definition.childForFieldName('parameters');
  const nodes = (list?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'comment');
  const slash = nodes.findIndex((n) => n.type === 'positional_separator');
  let keywordOnly = false;
  const result: RouteParameter[] = [];
  nodes.forEach((node, index) => {
    if (node.type === 'positional_separator') return;
    if (node.type === 'keyword_separator') {
      keywordOnly = true;
      return;
    }
    const inner = node.type === 'typed_parameter' ? node.namedChildren.find((c) => c?.type !== 'type') ?? node : node;
    if (inner.type === 'list_splat_pattern') {
      keywordOnly = true;
      result.push({ node, name: inner.namedChildren[0]?.text ?? '', kind: 'var-positional', annotation: node.childForFieldName('type') ?? undefined });
      return;
    }
    if (inner.type === 'dictionary_splat_pattern') {
      result.push({ node, name: inner.namedChildren[0]?.text ?? '', kind: 'var-keyword', annotation: node.childForFieldName('type') ?? undefined });
      return;
    }
    const nameNode = node.type === 'identifier' ? node : node.type === 'typed_parameter' ? inner : node.childForFieldName('name');
    if (nameNode?.type !== 'identifier') return;
    const kind: ParameterKind = index < slash ? 'positional-only' : keywordOnly ? 'keyword-only' : 'positional';
    result.push({ node, name: nameNode.text, kind, annotation: node.childForFieldName('type') ?? undefined, default: node.childForFieldName('value') ?? undefined });
  });
  return result;
}

/** FastAPI's parameter functions (`fastapi.Query`…), the ones Ruff's FAST002 knows. */
export const PARAMETER_MARKERS = new Set(['Query', 'Path', 'Body', 'Cookie', 'Header', 'File', 'Form', 'Depends', 'Security']);

/** The marker a call makes (`Query` for `fastapi.Query(None)` or `params.Query(...)`), if any. */
export function markerOf(call: Node | undefined, facts: SemanticFacts): string | undefined {
  if (call?.type !== 'call') return undefined;
  const callee = call.childForFieldName('function');
  const qualified = callee ? facts.resolve(callee) : undefined;
  const match = qualified && /^fastapi(?:\.param_functions)?\.(\w+)$/.exec(qualified);
  return match && PARAMETER_MARKERS.has(match[1]) ? match[1] : undefined;
}

/** `Annotated[T, m1, m2]` → [T, m1, m2] (the subscript's parts), when `Annotated` is typing's. */
export function annotatedParts(annotation: Node | undefined, facts: SemanticFacts): Node[] | undefined {
  const expression = annotation?.type === 'type' ? annotation.firstNamedChild : annotation;
  if (!expression) return undefined;
  if (expression.type === 'generic_type') {
    const head = expression.namedChildren[0];
    const parameters = expression.namedChildren.find((c) => c?.type === 'type_parameter');
    if (!head || !parameters || !isAnnotated(head, facts)) return undefined;
    return parameters.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment').map((n) => (n.type === 'type' ? n.firstNamedChild ?? n : n));
  }
  if (expression.type === 'subscript') {
    const head = expression.childForFieldName('value');
    if (!head || !isAnnotated(head, facts)) return undefined;
    return expression.childrenForFieldName('subscript').filter((n): n is Node => !!n && n.type !== 'comment');
  }
  return undefined;
}

function isAnnotated(head: Node, facts: SemanticFacts): boolean {
  const qualified = facts.resolve(head);
  return qualified === 'typing.Annotated' || qualified === 'typing_extensions.Annotated';
}

/** The positional arguments, keyword arguments and splats of a call. */
export function callArguments(call: Node): { positional: Node[]; keywords: Node[]; splats: Node[] } {
  const items = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'comment');
  return {
    positional: items.filter((n) => !['keyword_argument', 'list_splat', 'dictionary_splat'].includes(n.type)),
    keywords: items.filter((n) => n.type === 'keyword_argument'),
    splats: items.filter((n) => n.type === 'list_splat' || n.type === 'dictionary_splat'),
  };
}
