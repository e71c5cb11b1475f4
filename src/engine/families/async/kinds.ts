// What built an object: kinds. A kind names what a value is, as far as the source shows:
// `requests.Session` for `s = requests.Session()`, `file` for `with open(p) as f`,
// `pathlib.Path` for `BASE / "x"`. Only the constructors, annotations and methods of
// call-tables.ts count; anything else is unknown and never flagged.
import type { Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../facts';
import { queriesFor, resolveImported } from './call-sites';
import { ANNOTATIONS, CONSTRUCTORS, METHODS, PATH } from './call-tables';
import { QUERY_OPTIONS } from '../../query-limits';
import { perAnalysis } from '../../memo';

/** Per-analysis memory, keyed by the SemanticFacts of one parse. */
interface KindCache {
  kinds: Map<number, string | null>;
  /** `self.<attr>` bindings per class: values, or null once any binding is opaque. */
  selfAttributes?: Map<string, Node[] | null>;
}

const cacheOf = perAnalysis<KindCache>(() => ({ kinds: new Map() }));


/**
 * What built the value of an expression, as far as the source shows, or undefined.
 * Follows names through assignments (in their scope, or an enclosing one), parameter
 * annotations, `self.<attr>` assignments in the class's methods, `with … as name`, and
 * method chains (`conn.cursor()`, `path.parent / "x"`).
 */
export function kindOf(facts: SemanticFacts, node: Node, depth = 0): string | undefined {
  const cache = cacheOf(facts).kinds;
  const known = cache.get(node.id);
  if (known !== undefined) return known ?? undefined;
  if (depth > 6) return undefined;
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
    case 'call': {
      const callee = node.childForFieldName('function');
      if (!callee) return undefined;
      const qualified = resolveImported(facts, callee);
      if (qualified) return CONSTRUCTORS[qualified];
      if (callee.type !== 'attribute') return undefined;
      const object = callee.childForFieldName('object');
      const method = callee.childForFieldName('attribute')?.text;
      const owner = object ? kindOf(facts, object, depth + 1) : undefined;
      return owner && method ? METHODS[owner]?.[method] : undefined;
    }
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute')?.text;
      if (!object || !attribute) return undefined;
      if (attribute === 'parent' && kindOf(facts, object, depth + 1) === PATH) return PATH;
      return selfAttributeKind(facts, object, attribute, depth);
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

/** The one kind every value of a binding agrees on, or undefined. */
function agreedKind(facts: SemanticFacts, values: readonly Node[], annotation: Node | undefined, depth: number): string | undefined {
  const kinds = values.map((v) => kindOf(facts, v, depth + 1));
  if (annotation) kinds.push(annotationKind(facts, annotation));
  if (!kinds.length || kinds.some((k) => k === undefined)) return undefined;
  return kinds.every((k) => k === kinds[0]) ? kinds[0] : undefined;
}

function identifierKind(facts: SemanticFacts, identifier: Node, depth: number): string | undefined {
  const local = facts.localBinding(identifier);
  if (local) {
    if (local.opaque) return undefined;
    return agreedKind(facts, local.values, local.parameter && parameterAnnotation(local.parameter), depth);
  }
  // Not bound in its own scope: the enclosing function or module that binds it, where any
  // assignment may have run before the use (closures, globals), so all of them count.
  const name = identifier.text;
  for (let scope = facts.scopeOf(identifier).parent; scope; scope = scope.parent) {
    if (scope.kind === 'class') continue;
    if (!scope.bindings.has(name) && !scope.imports.has(name)) continue;
    if (scope.imports.has(name) || scope.opaque.has(name)) return undefined;
    const values = (scope.assignments.get(name) ?? []).map((a) => a.value);
    const parameter = scope.parameters.get(name);
    return agreedKind(facts, values, parameter && parameterAnnotation(parameter), depth);
  }
  return undefined;
}

/** The annotation of a parameter identifier (`session: requests.Session`), if any. */
function parameterAnnotation(parameter: Node): Node | undefined {
  const parent = parameter.parent;
  if (!parent || (parent.type !== 'typed_parameter' && parent.type !== 'typed_default_parameter')) return undefined;
  return parent.childForFieldName('type') ?? undefined;
}

/** The kind a type annotation declares: `requests.Session`, `Optional[Path]`, `Path | None`, `queue.Queue[int]`. */
function annotationKind(facts: SemanticFacts, annotation: Node): string | undefined {
  let node: Node | null = annotation;
  if (node.type === 'type') node = node.firstNamedChild;
  if (!node) return undefined;
  switch (node.type) {
    case 'identifier':
    case 'attribute': {
      const qualified = facts.resolve(node);
      return qualified ? ANNOTATIONS[qualified] : undefined;
    }
    case 'binary_operator': {
      if (node.childForFieldName('operator')?.type !== '|') return undefined;
      const sides = [node.childForFieldName('left'), node.childForFieldName('right')].filter((s): s is Node => !!s && s.type !== 'none');
      return sides.length === 1 ? annotationKind(facts, sides[0]) : undefined;
    }
    case 'subscript':
    case 'generic_type': {
      const base = node.type === 'subscript' ? node.childForFieldName('value') : node.firstNamedChild;
      if (!base) return undefined;
      const qualified = facts.resolve(base);
      if (qualified === 'typing.Optional') {
        const inner = node.type === 'subscript' ? node.childForFieldName('subscript') : node.namedChildren[1]?.firstNamedChild;
        return inner ? annotationKind(facts, inner) : undefined;
      }
      return qualified ? ANNOTATIONS[qualified] : undefined;
    }
    default:
      return undefined;
  }
}

/** The first parameter's name of a def (`self`, `cls`). */
function firstParameterName(definition: Node): string | undefined {
  const parameters = definition.childForFieldName('parameters');
  const first = parameters?.namedChildren.find((c) => c && c.type !== 'comment');
  if (!first) return undefined;
  if (first.type === 'identifier') return first.text;
  if (first.type === 'typed_parameter') return first.namedChildren.find((c) => c?.type === 'identifier')?.text;
  if (first.type === 'default_parameter' || first.type === 'typed_default_parameter') return first.childForFieldName('name')?.text;
  return undefined;
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
  const binding = facts.localBinding(object);
  if (!binding || binding.opaque || binding.values.length || !binding.parameter) return undefined;
  if (isStaticMethod(method.node)) return undefined;
  return method.parent;
}

function isStaticMethod(definition: Node): boolean {
  const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
  return !!decorated?.namedChildren.some((d) => d?.type === 'decorator' && /^\s*@\s*staticmethod\b/.test(d.text));
}

function selfAttributeKind(facts: SemanticFacts, object: Node, attribute: string, depth: number): string | undefined {
  const owner = selfClassOf(facts, object);
  if (!owner) return undefined;
  const values = selfAttributeValues(facts, owner, attribute);
  if (!values) return undefined;
  return agreedKind(facts, values, undefined, depth);
}

/** Values assigned to `self.<attribute>` in the class's methods and as a class attribute; undefined when unknown. */
function selfAttributeValues(facts: SemanticFacts, owner: Scope, attribute: string): Node[] | undefined {
  const cache = cacheOf(facts);
  if (!cache.selfAttributes) {
    const map = new Map<string, Node[] | null>();
    for (const match of queriesFor(facts.tree.language).selfAttributes.matches(facts.tree.rootNode, QUERY_OPTIONS)) {
      const object = match.captures.find((c) => c.name === 'object')?.node;
      const name = match.captures.find((c) => c.name === 'attribute')?.node.text;
      const value = match.captures.find((c) => c.name === 'value')?.node;
      if (!object || !name) continue;
      const method = facts.scopeOf(object);
      if (method.kind !== 'function' || method.parent?.kind !== 'class' || firstParameterName(method.node) !== object.text) continue;
      const key = `${method.parent.node.id}:${name}`;
      const list = map.get(key);
      if (!value || list === null) map.set(key, null);
      else if (list) list.push(value);
      else map.set(key, [value]);
    }
    cache.selfAttributes = map;
  }
  const fromMethods = cache.selfAttributes.get(`${owner.node.id}:${attribute}`);
  if (fromMethods === null) return undefined;
  // A class attribute (`session = requests.Session()` in the class body) counts too; a
  // method or anything else of that name makes it unknown.
  const classValues = owner.assignments.get(attribute)?.map((a) => a.value) ?? [];
  if (owner.opaque.has(attribute) || owner.imports.has(attribute)) return undefined;
  if (owner.bindings.has(attribute) && !owner.assignments.has(attribute)) return undefined;
  const values = [...(fromMethods ?? []), ...classValues];
  return values.length ? values : undefined;
}
