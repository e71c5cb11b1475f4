// Where a value comes from, as far as one file shows — family-neutral evidence for the kind
// inferences families build on: the annotation an assignment or parameter declares (with
// `Optional`, `Annotated`, `Final`… peeled off), the same-file class a name stands for, and
// every binding of an attribute of such a class (class body, `self.x = …` in its methods and
// its same-file subclasses' methods, `obj.x = …` anywhere). Never a guess: whatever could
// bind a name or an attribute in a way the source does not spell out makes it unknown.
import { Query, type Language, type Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from './facts';
import { perAnalysis } from './memo';
import { QUERY_OPTIONS } from './query-limits';

/** One piece of evidence of what an attribute or name holds: an assigned value, a declared type, or both. */
export interface Evidence {
  value?: Node;
  annotation?: Node;
}

/** The annotation of the assignment whose right-hand side `value` is (`x: T = value`). */
export function assignmentAnnotation(value: Node): Node | undefined {
  const parent = value.parent;
  if (parent?.type !== 'assignment' || !parent.childForFieldName('right')?.equals(value)) return undefined;
  return parent.childForFieldName('type') ?? undefined;
}

/** The annotation of a parameter identifier (`session: requests.Session`), if any. */
export function parameterAnnotation(parameter: Node): Node | undefined {
  const parent = parameter.parent;
  if (!parent || (parent.type !== 'typed_parameter' && parent.type !== 'typed_default_parameter')) return undefined;
  return parent.childForFieldName('type') ?? undefined;
}

/** Wrappers that say something about a binding, not about the type of its value. */
const TRANSPARENT_WRAPPERS = new Set(
  ['Optional', 'Annotated', 'Final', 'ClassVar', 'Required', 'NotRequired', 'ReadOnly'].flatMap((name) => [`typing.${name}`, `typing_extensions.${name}`]),
);

/**
 * The name of the one type an annotation declares — the identifier or attribute naming the
 * class — with `Optional[T]`, `T | None`, `Annotated[T, …]`, `Final[T]` and `ClassVar[T]`
 * peeled off, and the base of a generic (`Queue` in `Queue[int]`). Undefined for a union of
 * two types, a string annotation, or anything else that names no single class.
 */
export function annotatedTypeName(facts: SemanticFacts, annotation: Node, depth = 0): Node | undefined {
  if (depth > 6) return undefined;
  let node: Node | null = annotation;
  if (node.type === 'type') node = node.firstNamedChild;
  if (!node) return undefined;
  switch (node.type) {
    case 'identifier':
    case 'attribute':
      return node;
    case 'binary_operator': {
      if (node.childForFieldName('operator')?.type !== '|') return undefined;
      const sides = [node.childForFieldName('left'), node.childForFieldName('right')].filter((s): s is Node => !!s && s.type !== 'none');
      return sides.length === 1 ? annotatedTypeName(facts, sides[0], depth + 1) : undefined;
    }
    case 'subscript':
    case 'generic_type': {
      const base = node.type === 'subscript' ? node.childForFieldName('value') : node.firstNamedChild;
      if (!base) return undefined;
      const qualified = facts.resolve(base);
      if (qualified && TRANSPARENT_WRAPPERS.has(qualified)) {
        const inner = node.type === 'subscript' ? node.childForFieldName('subscript') : node.namedChildren[1]?.firstNamedChild;
        return inner ? annotatedTypeName(facts, inner, depth + 1) : undefined;
      }
      return base.type === 'identifier' || base.type === 'attribute' ? base : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The value of a module-level type alias an annotation names (`SessionDep` after
 * `SessionDep = Annotated[Session, Depends(get_db)]`): a name the module assigns once and
 * binds in no other way, seen from a scope that does not shadow it.
 */
export function typeAliasValue(facts: SemanticFacts, name: Node): Node | undefined {
  if (name.type !== 'identifier' || !reachesModule(facts, name)) return undefined;
  const module = facts.moduleScope;
  const assignments = module.assignments.get(name.text);
  if (!assignments || assignments.length !== 1 || module.opaque.has(name.text) || module.imports.has(name.text)) return undefined;
  return assignments[0].value;
}

/**
 * True when no scope between the identifier's and the module's binds its name — read from
 * the defs' trees, so that the answer is the same when another def is being analysed.
 */
function reachesModule(facts: SemanticFacts, identifier: Node): boolean {
  facts.localBinding(identifier); // makes sure the module's bindings are collected
  const name = identifier.text;
  const own = facts.scopeOf(identifier);
  for (let scope: Scope | undefined = own; scope && scope.kind !== 'module'; scope = scope.parent) {
    if (scope.kind === 'class' && scope !== own) continue;
    if (bodyRebinds(facts, scope.node, name) || parameterNames(scope.node).includes(name)) return false;
  }
  return true;
}

/** The names a def's or lambda's parameters bind. */
function parameterNames(definition: Node): string[] {
  const parameters = definition.childForFieldName('parameters');
  if (!parameters) return [];
  const names: string[] = [];
  for (const parameter of parameters.namedChildren) {
    if (!parameter) continue;
    if (parameter.type === 'identifier') names.push(parameter.text);
    else if (parameter.type === 'default_parameter' || parameter.type === 'typed_default_parameter') names.push(parameter.childForFieldName('name')?.text ?? '');
    else {
      const inner = parameter.namedChildren.find((c) => c?.type === 'identifier' || c?.type === 'list_splat_pattern' || c?.type === 'dictionary_splat_pattern');
      const identifier = inner?.type === 'identifier' ? inner : inner?.namedChildren.find((c) => c?.type === 'identifier');
      if (identifier) names.push(identifier.text);
    }
  }
  return names;
}

/**
 * The module-level class an identifier names: one `class` statement of that name (at top
 * level, or under a top-level `if`/`try`), no other binding of it in the module (an import,
 * an assignment, a def), none in the scopes between.
 */
export function moduleClassNamed(facts: SemanticFacts, identifier: Node): Node | undefined {
  if (identifier.type !== 'identifier' || !reachesModule(facts, identifier)) return undefined;
  const name = identifier.text;
  const module = facts.moduleScope;
  if (module.imports.has(name) || module.assignments.has(name) || module.parameters.has(name)) return undefined;
  const definitions = facts.moduleDefinitions(name);
  return definitions.length === 1 && definitions[0].type === 'class_definition' ? definitions[0] : undefined;
}

/**
 * True for a class that calling makes an instance of, whose class-body values its instances
 * see as written: not an enum (its class attributes become members), no metaclass but
 * `ABCMeta` (one may override the call or turn class attributes into anything).
 */
export function isPlainClass(definition: Node): boolean {
  const bases = definition.childForFieldName('superclasses');
  if (!bases) return true;
  return !bases.namedChildren.some(
    (b) => !!b && (/(?:Enum|Flag)\b/.test(b.text) || (b.type === 'keyword_argument' && !/^metaclass\s*=\s*(?:abc\.)?ABCMeta$/.test(b.text))),
  );
}

// ---------------------------------------------------------------------------------------
// Attributes of same-file classes
// ---------------------------------------------------------------------------------------

// Every assignment whose target is an attribute, and every other binding of one (unknown value).
const ATTRIBUTE_TARGETS = `
(assignment left: (attribute object: (_) @object attribute: (identifier) @attribute)) @assign
(augmented_assignment left: (attribute object: (_) @object attribute: (identifier) @attribute))
(pattern_list (attribute object: (_) @object attribute: (identifier) @attribute))
(tuple_pattern (attribute object: (_) @object attribute: (identifier) @attribute))
(list_pattern (attribute object: (_) @object attribute: (identifier) @attribute))
(as_pattern_target (attribute object: (_) @object attribute: (identifier) @attribute))
(for_statement left: (attribute object: (_) @object attribute: (identifier) @attribute))
(for_in_clause left: (attribute object: (_) @object attribute: (identifier) @attribute))
`;

const compiled = new WeakMap<Language, Query>();

function attributeTargetsQuery(language: Language): Query {
  let query = compiled.get(language);
  if (!query) compiled.set(language, (query = new Query(language, ATTRIBUTE_TARGETS)));
  return query;
}

/** Evidence per attribute, or null once one binding of it is opaque. */
type EvidenceMap = Map<string, Evidence[] | null>;

interface AttributeWrites {
  /** `self.<attr>` bindings in the methods of a class, by the class node's id. */
  bySelf: Map<number, EvidenceMap>;
  /** `<anything else>.<attr>` bindings: they may reach any class's instances. */
  elsewhere: EvidenceMap;
}

const writesOf = perAnalysis<{ writes?: AttributeWrites; evidence: Map<string, Evidence[] | undefined> }>(() => ({ evidence: new Map() }));

function note(map: EvidenceMap, attribute: string, evidence: Evidence | null): void {
  const list = map.get(attribute);
  if (list === null) return;
  if (!evidence) map.set(attribute, null);
  else if (list) list.push(evidence);
  else map.set(attribute, [evidence]);
}

/** The first parameter's name of a def (`self`, `cls`). */
export function firstParameterName(definition: Node): string | undefined {
  const parameters = definition.childForFieldName('parameters');
  const first = parameters?.namedChildren.find((c) => c && c.type !== 'comment');
  if (!first) return undefined;
  if (first.type === 'identifier') return first.text;
  if (first.type === 'typed_parameter') return first.namedChildren.find((c) => c?.type === 'identifier')?.text;
  if (first.type === 'default_parameter' || first.type === 'typed_default_parameter') return first.childForFieldName('name')?.text;
  return undefined;
}

// Every binding of a plain name but parameters (nested defs' included: over-counting is safe).
const NAME_BINDINGS = `
(assignment left: (identifier) @name)
(augmented_assignment left: (identifier) @name)
(pattern_list (identifier) @name)
(tuple_pattern (identifier) @name)
(list_pattern (identifier) @name)
(for_statement left: (identifier) @name)
(for_in_clause left: (identifier) @name)
(as_pattern_target (identifier) @name)
(named_expression name: (identifier) @name)
(global_statement (identifier) @name)
(nonlocal_statement (identifier) @name)
(delete_statement (identifier) @name)
(function_definition name: (identifier) @name)
(class_definition name: (identifier) @name)
(import_statement (dotted_name . (identifier) @name))
(import_from_statement name: (dotted_name (identifier) @name))
(aliased_import alias: (identifier) @name)
`;

const bindingQueries = new WeakMap<Language, Query>();
const rebound = perAnalysis<Map<number, Set<string>>>(() => new Map());

/**
 * True when a def's body binds `name` anywhere (`self = other`, `for self in …`), read from
 * the def's own tree — the same answer whether the whole file or another def is analysed.
 */
export function bodyRebinds(facts: SemanticFacts, definition: Node, name: string): boolean {
  const cache = rebound(facts);
  let names = cache.get(definition.id);
  if (!names) {
    let query = bindingQueries.get(facts.tree.language);
    if (!query) bindingQueries.set(facts.tree.language, (query = new Query(facts.tree.language, NAME_BINDINGS)));
    names = new Set();
    // A lambda's body is an expression: only `:=` can bind there.
    const body = definition.childForFieldName('body');
    if (body) for (const capture of query.captures(body, QUERY_OPTIONS)) names.add(capture.node.text);
    cache.set(definition.id, names);
  }
  return names.has(name);
}

/** The class whose method `object` is the first parameter (`self`/`cls`) of, as the method's own scope sees it. */
export function methodOwnerOf(facts: SemanticFacts, object: Node): Scope | undefined {
  if (object.type !== 'identifier') return undefined;
  const method = facts.scopeOf(object);
  if (method.kind !== 'function' || method.parent?.kind !== 'class' || firstParameterName(method.node) !== object.text) return undefined;
  return method.parent;
}

function attributeWrites(facts: SemanticFacts): AttributeWrites {
  const cache = writesOf(facts);
  if (cache.writes) return cache.writes;
  const writes: AttributeWrites = { bySelf: new Map(), elsewhere: new Map() };
  for (const match of attributeTargetsQuery(facts.tree.language).matches(facts.tree.rootNode, QUERY_OPTIONS)) {
    const object = match.captures.find((c) => c.name === 'object')?.node;
    const attribute = match.captures.find((c) => c.name === 'attribute')?.node.text;
    const assign = match.captures.find((c) => c.name === 'assign')?.node;
    if (!object || !attribute) continue;
    const value = assign?.childForFieldName('right') ?? undefined;
    const annotation = assign?.childForFieldName('type') ?? undefined;
    // `self.x = other = v` leaves `self.x` with the inner assignment: unknown, as is a bare `self.x` in a pattern.
    const evidence = assign && (value || annotation) ? { value, annotation } : null;
    const owner = methodOwnerOf(facts, object);
    if (!owner) {
      note(writes.elsewhere, attribute, evidence);
      continue;
    }
    let map = writes.bySelf.get(owner.node.id);
    if (!map) writes.bySelf.set(owner.node.id, (map = new Map()));
    note(map, attribute, evidence);
  }
  cache.writes = writes;
  return writes;
}

const DEFINITIONS = new Set(['function_definition', 'class_definition', 'decorated_definition']);
const NESTED_BLOCKS = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'block']);

/**
 * What a class body binds to a name: `name = value` and `name: T [= value]` (also under `if`
 * and `try`); null when a def, a nested class, a loop, an import or any other binding may
 * bind it too (a `@property` is no stored value).
 */
function classBodyEvidence(definition: Node, name: string): Evidence[] | null {
  const found: Evidence[] = [];
  const body = definition.childForFieldName('body');
  const visit = (node: Node): boolean => {
    for (const statement of node.namedChildren) {
      if (!statement) continue;
      if (DEFINITIONS.has(statement.type)) {
        const inner = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
        if (inner?.childForFieldName('name')?.text === name) return false;
        continue;
      }
      if (NESTED_BLOCKS.has(statement.type)) {
        if (!visit(statement)) return false;
        continue;
      }
      const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
      if (assignment?.type === 'assignment' && assignment.childForFieldName('left')?.type === 'identifier') {
        const value = assignment.childForFieldName('right') ?? undefined;
        // `a = b = value` binds both names: evidence too subtle to be worth reading.
        if (value?.type === 'assignment') {
          if (mentions(statement, name)) return false;
          continue;
        }
        if (assignment.childForFieldName('left')!.text !== name) continue;
        found.push({ value, annotation: assignment.childForFieldName('type') ?? undefined });
        continue;
      }
      // Anything else that mentions the name as a word may bind it (`for name in …`, `import name`, `name += 1`).
      if (mentions(statement, name) && !isPlainExpression(statement)) return false;
    }
    return true;
  };
  if (body && !visit(body)) return null;
  return found;
}

function mentions(node: Node, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(node.text);
}

/** A statement that binds nothing: a docstring, `pass`, a call. */
function isPlainExpression(statement: Node): boolean {
  if (statement.type === 'pass_statement' || statement.type === 'comment') return true;
  if (statement.type !== 'expression_statement') return false;
  const expression = statement.firstNamedChild;
  return !!expression && (expression.type === 'string' || expression.type === 'call') && !/:=/.test(expression.text);
}

/** The module-level classes of the file that name `definition` among their bases, transitively. */
function sameFileSubclasses(facts: SemanticFacts, definition: Node): Node[] {
  const name = definition.childForFieldName('name')?.text;
  if (!name) return [];
  const found: Node[] = [];
  const names = [name];
  for (let i = 0; i < names.length; i++) {
    for (const statement of facts.tree.rootNode.namedChildren) {
      const candidate = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (candidate?.type !== 'class_definition' || found.some((f) => f.equals(candidate)) || candidate.equals(definition)) continue;
      const bases = candidate.childForFieldName('superclasses');
      if (!bases?.namedChildren.some((b) => b?.text === names[i] || b?.text.endsWith(`.${names[i]}`))) continue;
      found.push(candidate);
      const sub = candidate.childForFieldName('name')?.text;
      if (sub) names.push(sub);
    }
  }
  return found;
}

/**
 * Everything that may bind `attribute` on an instance of the module-level class
 * `definition`: its class body, `self.<attribute>` in its methods and in those of its
 * same-file subclasses, and `<obj>.<attribute> = …` anywhere else in the file (the object may
 * be such an instance). Undefined when one of them binds it opaquely (a def or property of
 * that name, a loop, unpacking, `+=`) or when nothing binds it at all.
 */
export function instanceAttributeEvidence(facts: SemanticFacts, definition: Node, attribute: string): Evidence[] | undefined {
  const cache = writesOf(facts).evidence;
  const key = `${definition.id}:${attribute}`;
  if (cache.has(key)) return cache.get(key);
  const found = collectEvidence(facts, definition, attribute);
  cache.set(key, found);
  return found;
}

function collectEvidence(facts: SemanticFacts, definition: Node, attribute: string): Evidence[] | undefined {
  const writes = attributeWrites(facts);
  const evidence: Evidence[] = [];
  for (const owner of [definition, ...sameFileSubclasses(facts, definition)]) {
    const body = classBodyEvidence(owner, attribute);
    const methods = writes.bySelf.get(owner.id)?.get(attribute);
    if (body === null || methods === null) return undefined;
    // An enum's or a metaclass's class-body values are not what instances see; annotations
    // and `self.x = …` in methods still are.
    if (!isPlainClass(owner) && body.some((e) => e.value)) return undefined;
    evidence.push(...body, ...(methods ?? []));
  }
  const elsewhere = writes.elsewhere.get(attribute);
  if (elsewhere === null) return undefined;
  evidence.push(...(elsewhere ?? []));
  return evidence.length ? evidence : undefined;
}
