// Where a value can come from when it is not a local assignment: the attributes an instance
// is given in its class (`self.data = pd.read_csv(...)` in `__init__`, read as `self.data`
// in another method), the arguments every call of a private function passes, and the
// values a def returns. pandas-receivers.ts joins the kinds of these sources; this module
// only finds them, and answers undefined whenever a source it cannot see may exist
// (an augmented or unpacking assignment, a write through another object, a function
// handed out as a value, a decorator, a generator).
import type { Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../facts';
import { forEachNode } from '../../tree-walk';
import { callParts, identifierUses } from './pandas-syntax';

/** The values and annotations an instance attribute is given. */
export interface AttributeSources {
  values: Node[];
  annotations: Node[];
}

/** Node types that hold the targets of an unpacking assignment or loop. */
const TARGET_WRAPPERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern']);

/**
 * The class whose method binds `identifier` as its first parameter (`self`, or `cls` in a
 * classmethod), when the method does not rebind it. Nested defs and lambdas of the method
 * see the same `self`.
 */
export function methodClass(identifier: Node, facts: SemanticFacts): Node | undefined {
  if (identifier.type !== 'identifier') return undefined;
  const name = identifier.text;
  let scope: Scope | undefined = facts.scopeOf(identifier);
  while (scope && !(scope.kind !== 'class' && (scope.bindings.has(name) || scope.imports.has(name)))) scope = scope.parent;
  if (!scope || scope.kind !== 'function' || scope.parent?.kind !== 'class') return undefined;
  if (scope.imports.has(name) || scope.opaque.has(name) || scope.assignments.has(name)) return undefined;
  const parameter = scope.parameters.get(name);
  if (!parameter || !firstParameter(scope.node)?.equals(parameter)) return undefined;
  if (decoratorNames(scope.node).includes('staticmethod')) return undefined;
  return scope.parent.node;
}

/** The identifier of a def's first parameter. */
function firstParameter(definition: Node): Node | undefined {
  const first = definition.childForFieldName('parameters')?.namedChildren.find((c) => !!c && c.type !== 'comment');
  if (!first) return undefined;
  if (first.type === 'identifier') return first;
  if (first.type === 'typed_parameter') return first.namedChildren.find((c) => c?.type === 'identifier') ?? undefined;
  if (first.type === 'default_parameter' || first.type === 'typed_default_parameter') return first.childForFieldName('name') ?? undefined;
  return undefined;
}

/** The last dotted part of each decorator of a def (`functools.cache` → `cache`). */
export function decoratorNames(definition: Node): string[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren
    .filter((c): c is Node => c?.type === 'decorator')
    .map((d) => d.text.replace(/^@\s*/, '').replace(/\(.*$/s, '').split('.').pop()!.trim());
}

interface ClassWrites {
  /** By attribute name; null when some write is opaque. */
  byName: Map<string, AttributeSources | null>;
}

interface FileWrites {
  byClass: Map<number, ClassWrites>;
  /** Attributes written through something other than a method's `self`. */
  foreign: Set<string>;
  /** Every class of the file (from the tree: a def analysed alone knows only its own scopes). */
  classes: Node[];
}

const fileWrites = new WeakMap<SemanticFacts, FileWrites>();

/**
 * Everything that may bind `self.<attr>` of an instance of the class: assignments through
 * `self` in the methods of the class, of its direct subclasses and bases in this file, and
 * class-level assignments or annotations. Undefined when a write cannot be read (unpacking,
 * `+=`, a `for` target, `setattr`), when something other than `self` writes an attribute of
 * that name anywhere in the file, or when the class defines a method of that name.
 */
export function instanceAttributeSources(classNode: Node, attr: string, facts: SemanticFacts): AttributeSources | undefined {
  const writes = collectWrites(facts);
  if (writes.foreign.has(attr)) return undefined;
  const sources: AttributeSources = { values: [], annotations: [] };
  for (const related of relatedClasses(classNode, writes.classes)) {
    if (/\bsetattr\(|__dict__|__slots__/.test(related.text)) return undefined;
    const own = writes.byClass.get(related.id)?.byName.get(attr);
    if (own === null) return undefined;
    if (own) {
      sources.values.push(...own.values);
      sources.annotations.push(...own.annotations);
    }
    const body = related.childForFieldName('body');
    for (const statement of body?.namedChildren ?? []) {
      if (!statement) continue;
      const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if ((definition?.type === 'function_definition' || definition?.type === 'class_definition') && definition.childForFieldName('name')?.text === attr) return undefined;
      if (statement.type !== 'expression_statement') continue;
      const assignment = statement.firstNamedChild;
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      if (left?.type !== 'identifier') {
        if (left && new RegExp(`\\b${attr}\\b`).test(left.text)) return undefined;
        continue;
      }
      if (left.text !== attr) continue;
      const right = assignment.childForFieldName('right');
      const type = assignment.childForFieldName('type');
      if (right) sources.values.push(right);
      else if (type) sources.annotations.push(type);
    }
  }
  return sources.values.length || sources.annotations.length ? sources : undefined;
}

/**
 * The class itself and the classes of this file that inherit from it or that it inherits
 * from, transitively: their methods run on the same instances.
 */
function relatedClasses(classNode: Node, classes: readonly Node[]): Node[] {
  const basesOf = (node: Node) => (node.childForFieldName('superclasses')?.namedChildren ?? []).map((b) => b?.text ?? '');
  const related = [classNode];
  const nameOf = (node: Node) => node.childForFieldName('name')?.text ?? '';
  const grow = (step: (from: Node, to: Node) => boolean) => {
    for (let i = 0; i < related.length; i++) {
      for (const other of classes) {
        if (!related.some((r) => r.equals(other)) && step(related[i], other)) related.push(other);
      }
    }
  };
  grow((from, to) => basesOf(from).includes(nameOf(to))); // ancestors
  // Descendants of all of them (siblings too: conservative, their writes only add sources).
  grow((from, to) => basesOf(to).includes(nameOf(from)));
  return related;
}

/** One walk over the file: every attribute in a target position, sorted by whose `self` it is. */
function collectWrites(facts: SemanticFacts): FileWrites {
  const known = fileWrites.get(facts);
  if (known) return known;
  const writes: FileWrites = { byClass: new Map(), foreign: new Set(), classes: [] };
  fileWrites.set(facts, writes);
  forEachNode(facts.tree.rootNode, (node) => {
    if (node.type === 'attribute') recordWrite(node, facts, writes);
    else if (node.type === 'class_definition') writes.classes.push(node);
  });
  return writes;
}

function recordWrite(node: Node, facts: SemanticFacts, writes: FileWrites): void {
  const role = targetRole(node);
  if (!role) return;
  const attr = node.childForFieldName('attribute')?.text;
  const object = node.childForFieldName('object');
  if (!attr || !object) return;
  const owner = object.type === 'identifier' ? methodClass(object, facts) : undefined;
  if (!owner) {
    writes.foreign.add(attr);
    return;
  }
  let entry = writes.byClass.get(owner.id);
  if (!entry) writes.byClass.set(owner.id, (entry = { byName: new Map() }));
  let sources = entry.byName.get(attr);
  if (sources === null) return;
  if (role === 'opaque') {
    entry.byName.set(attr, null);
    return;
  }
  if (!sources) entry.byName.set(attr, (sources = { values: [], annotations: [] }));
  const assignment = node.parent!;
  const right = assignment.childForFieldName('right');
  const type = assignment.childForFieldName('type');
  if (right) sources.values.push(right);
  else if (type) sources.annotations.push(type);
}

/** `plain` for the whole left side of `x.a = value` (or `x.a: T`), `opaque` for other writes, undefined for reads. */
function targetRole(node: Node): 'plain' | 'opaque' | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'assignment' && parent.childForFieldName('left')?.equals(node)) return 'plain';
  let child = node;
  let wrapper = parent;
  while (TARGET_WRAPPERS.has(wrapper.type) && wrapper.parent) {
    child = wrapper;
    wrapper = wrapper.parent;
  }
  switch (wrapper.type) {
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
    case 'for_in_clause':
      return wrapper.childForFieldName('left')?.equals(child) ? 'opaque' : undefined;
    case 'as_pattern_target':
    case 'delete_statement':
      return 'opaque';
    default:
      return undefined;
  }
}

/**
 * The argument every call of a private or nested function passes for one of its
 * parameters (its default where a call omits it). Undefined when the function is public,
 * decorated, bound more than once, used other than by direct calls, never called, or a
 * call cannot be read (`*args`, a missing required argument).
 */
export function callSiteArguments(parameter: Node, scope: Scope, facts: SemanticFacts): Node[] | undefined {
  if (scope.kind !== 'function' || !scope.parameters.get(parameter.text)?.equals(parameter)) return undefined;
  const definition = scope.node;
  const owner = scope.parent;
  if (!owner || owner.kind === 'class' || decoratorNames(definition).length) return undefined;
  const name = scope.name;
  if (!name || (owner.kind === 'module' && !name.startsWith('_'))) return undefined;
  // A def is an opaque binding too; any other binding of the name (a loop target, `global`)
  // is a use other than a call below, and rejects the function.
  if (owner.imports.has(name) || owner.assignments.has(name)) return undefined;
  const position = parameterPosition(definition, parameter);
  if (!position) return undefined;
  const values: Node[] = [];
  const defName = definition.childForFieldName('name');
  for (const use of identifierUses(facts.tree.rootNode, facts).get(name) ?? []) {
    if (defName?.equals(use)) continue;
    // Another def or class of that name anywhere in the file: which one a call means is not proven.
    if ((use.parent?.type === 'function_definition' || use.parent?.type === 'class_definition') && use.parent.childForFieldName('name')?.equals(use)) return undefined;
    const parent = use.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(use)) continue;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(use)) continue;
    if (parent?.type !== 'call' || !parent.childForFieldName('function')?.equals(use)) return undefined;
    const parts = callParts(parent);
    if (!parts || parts.hasSplat) return undefined;
    const value = (position.index !== undefined ? parts.positional[position.index] : undefined) ?? parts.keywords.get(parameter.text) ?? position.default;
    if (!value) return undefined;
    values.push(value);
  }
  return values.length ? values : undefined;
}

/** A parameter's positional index (undefined when keyword-only) and default value. */
function parameterPosition(definition: Node, parameter: Node): { index?: number; default?: Node } | undefined {
  const items = definition.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
  let keywordOnly = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.type === 'list_splat_pattern' || item.type === 'keyword_separator' || item.text === '*') {
      keywordOnly = true;
      continue;
    }
    if (item.type === 'positional_separator' || item.type === 'dictionary_splat_pattern') continue;
    const nameNode = item.type === 'identifier' ? item : item.type === 'typed_parameter' ? item.namedChildren.find((c) => c?.type === 'identifier') : item.childForFieldName('name');
    if (!nameNode?.equals(parameter)) continue;
    const fallback = item.type === 'default_parameter' || item.type === 'typed_default_parameter' ? (item.childForFieldName('value') ?? undefined) : undefined;
    return { index: keywordOnly ? undefined : i, default: fallback };
  }
  return undefined;
}

/**
 * The values a def returns (`None` for a bare `return`), when it is a plain synchronous
 * function (no generator, no decorator but `functools.cache`/`lru_cache`) with a return.
 */
export function returnedValues(definition: Node): Node[] | undefined {
  if (definition.type !== 'function_definition' || definition.children.some((c) => c?.type === 'async')) return undefined;
  if (decoratorNames(definition).some((d) => d !== 'cache' && d !== 'lru_cache' && d !== 'cached_property' && d !== 'property')) return undefined;
  const body = definition.childForFieldName('body');
  if (!body) return undefined;
  const values: Node[] = [];
  let generator = false;
  const visit = (node: Node) => {
    for (const child of node.namedChildren) {
      if (!child || generator) continue;
      if (child.type === 'function_definition' || child.type === 'lambda' || child.type === 'class_definition') continue;
      if (child.type === 'yield') {
        generator = true;
        return;
      }
      if (child.type === 'return_statement') {
        values.push(child.namedChildren.find((c) => !!c && c.type !== 'comment') ?? child);
      }
      visit(child);
    }
  };
  visit(body);
  return generator || !values.length ? undefined : values;
}

/** The one def named `name` in a class body (a method), when nothing else there binds the name. */
export function methodDefinition(classNode: Node, name: string): Node | undefined {
  let found: Node | undefined;
  for (const statement of classNode.childForFieldName('body')?.namedChildren ?? []) {
    if (!statement) continue;
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === 'function_definition' && definition.childForFieldName('name')?.text === name) {
      if (found) return undefined;
      found = definition;
    } else if (statement.type === 'expression_statement' && new RegExp(`\\b${name}\\b`).test(statement.firstNamedChild?.childForFieldName('left')?.text ?? '')) {
      return undefined;
    }
  }
  return found;
}
