// What built an object: kinds. A kind names what a value is, as far as the source shows:
// `requests.Session` for `s = requests.Session()`, `file` for `with open(p) as f`,
// `pathlib.Path` for `BASE / "x"`, `class:<offset>` for an instance of a class of the same
// file. Only the constructors, annotations and methods of call-tables.ts count; anything
// else is unknown and never flagged.
import type { Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../facts';
import { keywordValue } from '../../call-arguments';
import { resolveImported } from './call-sites';
import { ANNOTATIONS, ATTRIBUTES, CALL_RESULTS, CAPITALIZED_METHODS, CONSTRUCTORS, KIND_BY_FIRST_ARGUMENT, KIND_BY_KEYWORD, METHODS, PATH } from './call-tables';
import { perAnalysis } from '../../memo';
import {
  annotatedTypeName,
  assignmentAnnotation,
  bodyRebinds,
  firstParameterName,
  instanceAttributeEvidence,
  isPlainClass,
  moduleClassNamed,
  parameterAnnotation,
  typeAliasValue,
  type Evidence,
} from '../../value-origins';

/** The kind of the instances of a same-file class: this prefix and the class's offset. */
export const CLASS_KIND_PREFIX = 'class:';

/** Per-analysis memory, keyed by the SemanticFacts of one parse. */
interface KindCache {
  kinds: Map<number, string | null>;
  /** The class definition each class kind stands for. */
  classes: Map<string, Node>;
}

const cacheOf = perAnalysis<KindCache>(() => ({ kinds: new Map(), classes: new Map() }));

const MAX_DEPTH = 8;

/** Every attribute name ATTRIBUTES knows: other attributes skip the owner's kind. */
const ATTRIBUTE_NAMES = new Set(Object.values(ATTRIBUTES).flatMap((held) => Object.keys(held)));

/**
 * What built the value of an expression, as far as the source shows, or undefined.
 * Follows names through assignments (in their scope, or an enclosing one) and the
 * annotations of assignments and parameters, attributes of `self` and of same-file class
 * instances through every binding of the attribute (value-origins.ts), `with … as name`,
 * factories (`SessionLocal()`) and method chains (`conn.cursor()`, `path.parent / "x"`).
 */
export function kindOf(facts: SemanticFacts, node: Node, depth = 0): string | undefined {
  const cache = cacheOf(facts).kinds;
  const known = cache.get(node.id);
  if (known !== undefined) return known ?? undefined;
  if (depth > MAX_DEPTH) return undefined;
  const found = computeKind(facts, node, depth);
  cache.set(node.id, found ?? null);
  return found;
}

function computeKind(facts: SemanticFacts, node: Node, depth: number): string | undefined {
  switch (node.type) {
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? kindOf(facts, inner, depth + 1) : undefined;
    }
    case 'call':
      return callKind(facts, node, depth);
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute')?.text;
      if (!object || !attribute) return undefined;
      if (attribute === 'parent' && kindOf(facts, object, depth + 1) === PATH) return PATH;
      if (ATTRIBUTE_NAMES.has(attribute)) {
        const held = ATTRIBUTES[kindOf(facts, object, depth + 1) ?? '']?.[attribute];
        if (held) return held;
      }
      return instanceAttributeKind(facts, object, attribute, depth);
    }
    case 'binary_operator': {
      if (node.childForFieldName('operator')?.type !== '/') return undefined;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left && kindOf(facts, left, depth + 1) === PATH) return PATH;
      if (right && left?.type === 'string' && kindOf(facts, right, depth + 1) === PATH) return PATH;
      return undefined;
    }
    case 'identifier':
      return identifierKind(facts, node, depth);
    default:
      return undefined;
  }
}

function callKind(facts: SemanticFacts, call: Node, depth: number): string | undefined {
  const callee = call.childForFieldName('function');
  if (!callee) return undefined;
  const qualified = resolveImported(facts, callee);
  if (qualified) return constructorKind(facts, call, qualified, depth);
  if (callee.type === 'identifier') {
    // A metaclass may make the call return anything (or refuse it).
    const definition = moduleClassNamed(facts, callee);
    if (definition) return isPlainClass(definition) ? classKind(facts, definition) : undefined;
  }
  if (callee.type === 'attribute') {
    const object = callee.childForFieldName('object');
    const method = callee.childForFieldName('attribute')?.text;
    const owner = object ? kindOf(facts, object, depth + 1) : undefined;
    const produced = owner && method ? (METHODS[owner]?.[method] ?? (/^[A-Z]/.test(method) ? CAPITALIZED_METHODS[owner] : undefined)) : undefined;
    if (produced) return produced;
  }
  // A factory called: `SessionLocal()` after `SessionLocal = sessionmaker(engine)`.
  const factory = kindOf(facts, callee, depth + 1);
  return factory ? CALL_RESULTS[factory] : undefined;
}

/** The kind a library call builds; a keyword may decide it (`sessionmaker(class_=AsyncSession)`). */
function constructorKind(facts: SemanticFacts, call: Node, qualified: string, depth: number): string | undefined {
  const byKeyword = KIND_BY_KEYWORD[qualified];
  const byArgument = KIND_BY_FIRST_ARGUMENT[qualified];
  if (!byKeyword && !byArgument) return CONSTRUCTORS[qualified];
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return undefined;
  const items = args.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  if (items.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
  if (byArgument) {
    const first = items[0]?.type === 'keyword_argument' ? undefined : items[0];
    const argumentKind = first ? kindOf(facts, first, depth + 1) : undefined;
    return argumentKind ? byArgument[argumentKind] : undefined;
  }
  if (items.filter((a) => a.type !== 'keyword_argument').length > byKeyword.positionalBefore) return undefined;
  const chosen = keywordValue(args, byKeyword.keyword);
  if (!chosen) return CONSTRUCTORS[qualified];
  const named = resolveImported(facts, chosen);
  return named ? byKeyword.kinds[named] : undefined;
}

/** The kind of a same-file class's instances. */
function classKind(facts: SemanticFacts, definition: Node): string {
  const name = `${CLASS_KIND_PREFIX}${definition.startIndex}`;
  cacheOf(facts).classes.set(name, definition);
  return name;
}

/**
 * The one kind all evidence agrees on, or undefined. A declared type counts for its binding
 * (`client: httpx.Client = make_client()`), unless the value is known to be something else;
 * `None` is no evidence (a method call on it fails, so it never runs one); any other value of
 * unknown kind makes the whole unknown.
 */
function agreedKind(facts: SemanticFacts, evidence: readonly Evidence[], depth: number): string | undefined {
  const kinds: (string | undefined)[] = [];
  for (const { value, annotation } of evidence) {
    const declared = annotation ? annotationKind(facts, annotation, depth + 1) : undefined;
    if (value?.type === 'none') {
      if (declared) kinds.push(declared);
      continue;
    }
    const assigned = value ? kindOf(facts, value, depth + 1) : undefined;
    if (declared && assigned && declared !== assigned) return undefined;
    kinds.push(declared ?? assigned);
  }
  if (!kinds.length || kinds.some((k) => k === undefined)) return undefined;
  return kinds.every((k) => k === kinds[0]) ? kinds[0] : undefined;
}

function evidenceOf(values: readonly Node[], parameter: Node | undefined): Evidence[] {
  const evidence: Evidence[] = values.map((value) => ({ value, annotation: assignmentAnnotation(value) }));
  const declared = parameter && parameterAnnotation(parameter);
  // An unannotated parameter is no evidence: its reassignments before the use are the only word.
  if (declared) evidence.push({ annotation: declared });
  return evidence;
}

function identifierKind(facts: SemanticFacts, identifier: Node, depth: number): string | undefined {
  const local = facts.localBinding(identifier);
  if (local) {
    if (local.opaque) return undefined;
    return agreedKind(facts, evidenceOf(local.values, local.parameter), depth);
  }
  // Not bound in its own scope: the enclosing function or module that binds it, where any
  // assignment may have run before the use (closures, globals), so all of them count.
  const name = identifier.text;
  for (let scope = facts.scopeOf(identifier).parent; scope; scope = scope.parent) {
    if (scope.kind === 'class') continue;
    if (!scope.bindings.has(name) && !scope.imports.has(name)) continue;
    if (scope.imports.has(name) || scope.opaque.has(name)) return undefined;
    const values = (scope.assignments.get(name) ?? []).map((a) => a.value);
    return agreedKind(facts, evidenceOf(values, scope.parameters.get(name)), depth);
  }
  return undefined;
}

/**
 * The kind a type annotation declares: `requests.Session`, `Optional[Path]`, `Path | None`,
 * `queue.Queue[int]`, `Annotated[Session, Depends(get_db)]`, a same-file class, or a
 * module-level alias of one of these (`SessionDep = Annotated[Session, …]`).
 */
function annotationKind(facts: SemanticFacts, annotation: Node, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const name = annotatedTypeName(facts, annotation);
  if (!name) return undefined;
  const qualified = facts.resolve(name);
  if (qualified) return ANNOTATIONS[qualified];
  if (name.type !== 'identifier') return undefined;
  const definition = moduleClassNamed(facts, name);
  if (definition) return classKind(facts, definition);
  const alias = typeAliasValue(facts, name);
  return alias ? annotationKind(facts, alias, depth + 1) : undefined;
}

/**
 * When `object` is the `self` of the method the expression runs in, the class that
 * method belongs to.
 */
export function selfClassOf(facts: SemanticFacts, object: Node): Scope | undefined {
  if (object.type !== 'identifier') return undefined;
  const method = facts.scopeOf(object);
  if (method.kind !== 'function' || method.parent?.kind !== 'class') return undefined;
  if (firstParameterName(method.node) !== object.text) return undefined;
  // Read from the def's tree, not its scope's bindings: a method analysed as the rest of the
  // file (while another def is edited) must give the same answer.
  if (bodyRebinds(facts, method.node, object.text) || isStaticMethod(method.node)) return undefined;
  return method.parent;
}

function isStaticMethod(definition: Node): boolean {
  const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
  return !!decorated?.namedChildren.some((d) => d?.type === 'decorator' && /^\s*@\s*staticmethod\b/.test(d.text));
}

/**
 * The kind of `<object>.<attribute>` when the object is `self` in a method, or an instance of
 * a same-file class: what every binding of that attribute agrees on.
 */
function instanceAttributeKind(facts: SemanticFacts, object: Node, attribute: string, depth: number): string | undefined {
  let definition = selfClassOf(facts, object)?.node;
  if (!definition) {
    const owner = kindOf(facts, object, depth + 1);
    definition = owner?.startsWith(CLASS_KIND_PREFIX) ? cacheOf(facts).classes.get(owner) : undefined;
  }
  if (!definition) return undefined;
  const evidence = instanceAttributeEvidence(facts, definition, attribute);
  return evidence ? agreedKind(facts, evidence, depth) : undefined;
}
