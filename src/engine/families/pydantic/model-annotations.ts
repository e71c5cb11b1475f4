// Models that annotations name: a parameter's or variable's (`u: User`, `Optional["User"]`),
// a same-file function's return type (`def load() -> User`), the items of an annotated
// collection a loop walks (`for u in users` with `users: list[User]`). Only same-file models
// count (models.ts); a name that something else may rebind is unknown.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { annotatedTypeName, assignmentAnnotation, moduleClassNamed, parameterAnnotation } from '../../value-origins';
import { modelOf, sameFileModelBase, type ModelClass } from './models';

/** The same-file model an annotation names (`User`, `Optional[User]`, `User | None`, `"User"`). */
export function annotationModel(annotation: Node, facts: SemanticFacts): ModelClass | undefined {
  const inner = annotation.type === 'type' ? annotation.firstNamedChild : annotation;
  if (inner?.type === 'string') return quotedModel(inner, facts);
  const name = annotatedTypeName(facts, annotation);
  if (name?.type !== 'identifier') return undefined;
  const definition = moduleClassNamed(facts, name);
  return definition ? modelOf(definition, facts) : undefined;
}

/** `"User"`: a forward reference, resolved in the module's namespace. */
function quotedModel(string: Node, facts: SemanticFacts): ModelClass | undefined {
  const content = string.namedChildren.filter((c) => c?.type === 'string_content');
  const name = content.length === 1 ? content[0]!.text.trim() : '';
  if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
  const module = facts.moduleScope;
  if (module.imports.has(name) || module.assignments.has(name)) return undefined;
  const definitions = facts.moduleDefinitions(name);
  return definitions.length === 1 && definitions[0].type === 'class_definition' ? modelOf(definitions[0], facts) : undefined;
}

/** The declared annotation of an attribute expression (`order.items`), when one is known. */
export type AnnotationOf = (attribute: Node) => Node | undefined;

/**
 * The annotation of field `name` in a model's body or a same-file model base's: `name: T`
 * once, and no def, property or other binding of that name there.
 */
export function fieldAnnotation(model: ModelClass, name: string, facts: SemanticFacts): Node | undefined {
  for (let current: ModelClass | undefined = model, steps = 0; current && steps < 20; steps++) {
    let found: Node | undefined;
    for (const statement of current.node.childForFieldName('body')?.namedChildren ?? []) {
      if (!statement) continue;
      const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if ((definition?.type === 'function_definition' || definition?.type === 'class_definition') && definition.childForFieldName('name')?.text === name) return undefined;
      const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
      if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
      const type = assignment.childForFieldName('type');
      if (!type || found) return undefined;
      found = type;
    }
    if (found) return found;
    current = sameFileModelBase(current, facts);
  }
  return undefined;
}

/** Collections whose items an annotation's first argument types. */
const ITEM_CONTAINERS = /^(?:builtins\.)?(?:list|set|frozenset|tuple)$|^(?:typing|typing_extensions|collections\.abc)\.(?:List|Set|FrozenSet|Sequence|MutableSequence|Iterable|Iterator|Collection|AbstractSet)$/;

/** The model `for x in <iterable>` yields, when the iterable's annotation is a collection of one. */
export function itemModel(iterable: Node, facts: SemanticFacts, annotationOf: AnnotationOf): ModelClass | undefined {
  if (iterable.type === 'attribute') {
    const annotation = annotationOf(iterable);
    return annotation && collectionItem(annotation, facts);
  }
  if (iterable.type !== 'identifier') return undefined;
  const binding = facts.localBinding(iterable);
  if (!binding || binding.opaque) return undefined;
  const scope = facts.scopeOf(iterable);
  const annotations: (Node | undefined)[] = [];
  if (binding.parameter) annotations.push(parameterAnnotation(binding.parameter));
  for (const { value } of scope.assignments.get(iterable.text) ?? []) annotations.push(value.parent?.type === 'assignment' ? assignmentAnnotation(value) : undefined);
  if (!annotations.length) return undefined;
  let found: ModelClass | undefined;
  for (const annotation of annotations) {
    const model = annotation && collectionItem(annotation, facts);
    if (!model || (found && found !== model)) return undefined;
    found = model;
  }
  return found;
}

/** `list[User]`, `List[User]`, `Sequence[User]`, `tuple[User, ...]` → User. */
function collectionItem(annotation: Node, facts: SemanticFacts): ModelClass | undefined {
  let node: Node | null = annotation.type === 'type' ? annotation.firstNamedChild : annotation;
  if (!node) return undefined;
  let head: Node | null = null;
  let first: Node | null | undefined;
  if (node.type === 'subscript') {
    head = node.childForFieldName('value');
    first = node.childForFieldName('subscript');
  } else if (node.type === 'generic_type') {
    head = node.firstNamedChild;
    first = node.namedChildren[1]?.firstNamedChild;
  }
  if (!head || !first) return undefined;
  const qualified = facts.resolve(head);
  if (!qualified || !ITEM_CONTAINERS.test(qualified)) return undefined;
  if (/tuple$/i.test(qualified) && !/,\s*\.\.\.\s*\]$/.test(node.text)) return undefined;
  return annotationModel(first, facts);
}

const LOOP_BREAKERS = new Set(['function_definition', 'class_definition', 'lambda', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
/** Parents of an identifier that bind it some other way than a plain `for` target. */
const OTHER_BINDINGS = new Set([
  'augmented_assignment', 'pattern_list', 'tuple_pattern', 'list_pattern', 'as_pattern_target', 'named_expression',
  'global_statement', 'nonlocal_statement', 'delete_statement', 'dotted_name', 'aliased_import', 'case_pattern',
  'keyword_pattern', 'splat_pattern', 'list_splat_pattern', 'dictionary_splat_pattern',
]);

/**
 * The model a name holds when its only bindings in `scopeNode` are `for name in <items>` over
 * collections annotated with that model's items.
 */
export function loopModel(name: Node, scopeNode: Node, facts: SemanticFacts, annotationOf: AnnotationOf): ModelClass | undefined {
  const body = scopeNode.type === 'module' ? scopeNode : scopeNode.childForFieldName('body');
  if (!body) return undefined;
  let found: ModelClass | undefined;
  let sound = true;
  const visit = (node: Node) => {
    for (const child of node.namedChildren) {
      if (!child || !sound) return;
      if (LOOP_BREAKERS.has(child.type)) {
        const own = child.childForFieldName('name');
        if (own?.text === name.text) sound = false;
        continue;
      }
      if (child.type === 'identifier' && child.text === name.text) {
        const parent = child.parent!;
        if (parent.type === 'for_statement' && parent.childForFieldName('left')?.equals(child)) {
          const items = parent.childForFieldName('right');
          const model = items ? itemModel(items, facts, annotationOf) : undefined;
          if (!model || (found && found !== model)) sound = false;
          found = model;
        } else if (OTHER_BINDINGS.has(parent.type) || (parent.type === 'assignment' && parent.childForFieldName('left')?.equals(child))) {
          sound = false;
        }
        continue;
      }
      visit(child);
    }
  };
  visit(body);
  return sound ? found : undefined;
}

/** The model a same-file module-level def's return annotation names (`async def` only when awaited). */
export function returnedModel(callee: Node, facts: SemanticFacts, awaited: boolean): ModelClass | undefined {
  if (callee.type !== 'identifier' || facts.resolve(callee) !== undefined) return undefined;
  if (facts.scopeOf(callee).kind !== 'module' && facts.localBinding(callee)) return undefined;
  const module = facts.moduleScope;
  if (module.imports.has(callee.text) || module.assignments.has(callee.text)) return undefined;
  const definitions = facts.moduleDefinitions(callee.text);
  const definition = definitions.length === 1 && definitions[0].type === 'function_definition' ? definitions[0] : undefined;
  if (!definition || definition.children.some((c) => c?.type === 'async') !== awaited) return undefined;
  // A decorator may return anything.
  if (definition.parent?.type === 'decorated_definition') return undefined;
  const annotation = definition.childForFieldName('return_type');
  return annotation ? annotationModel(annotation, facts) : undefined;
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** `[u.dict() for u in users]`: the model the comprehension's own `for` target holds. */
export function comprehensionModel(name: Node, facts: SemanticFacts, annotationOf: AnnotationOf): ModelClass | undefined | null {
  for (let node = name.parent; node; node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'class_definition' || node.type === 'lambda') return null;
    if (!COMPREHENSIONS.has(node.type)) continue;
    const clauses = node.namedChildren.filter((c): c is Node => c?.type === 'for_in_clause');
    const binding = clauses.filter((c) => c.childForFieldName('left')?.text === name.text);
    if (!binding.length) continue;
    // Also bound by a pattern or a walrus, or the use is in the clause's own iterable: unknown.
    if (binding.length > 1 || binding[0].childForFieldName('left')?.type !== 'identifier') return undefined;
    const items = binding[0].childForFieldName('right');
    if (!items || (name.startIndex >= items.startIndex && name.endIndex <= items.endIndex)) return undefined;
    return itemModel(items, facts, annotationOf);
  }
  return null;
}
