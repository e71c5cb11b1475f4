// Where a type expression sits (inside an annotation or in code that runs), what syntax may
// be written there for the file's target version, and which `typing` names the file uses.
// Computed lazily and once per analysis; files that import nothing from `typing` pay nothing.
import type { Node, Tree } from 'web-tree-sitter';
import { nearestAncestor, parentOf } from '../../ancestors';
import type { ImportBinding, Scope, SemanticFacts } from '../../facts';
import { bindingOccurrences, escapeRegExp, hasStarImport, onlyRead, wordOccurrences } from '../../name-occurrences';
import { runtimeReaderOfAnnotation, runtimeReaderOfDefinition, type RuntimeReader } from '../../runtime-annotations';
import type { PythonVersion } from '../../types';
import { decoratorName, decoratorsOf, type FunctionInfo, functionInfo } from './functions';

export type TypingModule = 'typing' | 'typing_extensions';

export function atLeast(version: PythonVersion, major: number, minor: number): boolean {
  return version[0] > major || (version[0] === major && version[1] >= minor);
}

// ---- annotations ----

/** Node types an annotation may contain between a type expression and its `type` node. */
const EXPRESSION_PARENTS = new Set([
  'type', 'generic_type', 'type_parameter', 'subscript', 'attribute', 'binary_operator', 'list', 'tuple',
  'parenthesized_expression', 'member_type', 'union_type', 'constrained_type', 'splat_type', 'argument_list',
  'call', 'keyword_argument', 'string', 'concatenated_string', 'expression_list',
]);

/**
 * The outermost `type` node (an annotation slot) the node is part of, if any. Stops at the
 * first node that is no type expression, so `cast(List[int], x)` is not an annotation.
 */
export function annotationOf(node: Node): Node | undefined {
  const found = outermostType(node);
  return found && isAnnotationSlot(found) ? found : undefined;
}

const outermostTypes = new WeakMap<Tree, Map<number, Node | null>>();

/**
 * The outermost `type` node at or above the node through an unbroken run of type
 * expressions (the node itself may be anything). Remembered per node: a node's answer is its
 * parent's when the parent continues the run, so a deep annotation costs its size, not its
 * size times its depth.
 */
function outermostType(node: Node): Node | null {
  let memo = outermostTypes.get(node.tree);
  if (!memo) outermostTypes.set(node.tree, (memo = new Map()));
  const known = memo.get(node.id);
  if (known !== undefined) return known;
  const path: Node[] = [node];
  let above: Node | null = null;
  for (let parent = parentOf(node); parent; parent = parentOf(parent)) {
    if (parent.type !== 'type' && !EXPRESSION_PARENTS.has(parent.type)) break;
    const answer = memo.get(parent.id);
    if (answer !== undefined) {
      above = answer;
      break;
    }
    path.push(parent);
  }
  // From the top down: the outermost `type` seen so far is every lower node's answer.
  let outermost = above;
  for (let i = path.length - 1; i >= 0; i--) {
    if (!outermost && path[i].type === 'type') outermost = path[i];
    memo.set(path[i].id, outermost);
  }
  return outermost;
}

function isAnnotationSlot(type: Node): boolean {
  const parent = parentOf(type);
  if (!parent) return false;
  switch (parent.type) {
    case 'typed_parameter':
    case 'typed_default_parameter':
      return true;
    case 'function_definition':
      return parent.childForFieldName('return_type')?.equals(type) === true;
    case 'assignment':
      return parent.childForFieldName('type')?.equals(type) === true;
    default:
      return false;
  }
}

/** The def an annotation slot belongs to (parameters and return), if any. */
export function functionOfAnnotation(annotation: Node): Node | undefined {
  const parent = parentOf(annotation);
  if (parent?.type === 'function_definition') return parent;
  if (parent?.type === 'typed_parameter' || parent?.type === 'typed_default_parameter') {
    const grand = parentOf(parent);
    const definition = grand && parentOf(grand);
    return definition?.type === 'function_definition' ? definition : undefined;
  }
  return undefined;
}

/**
 * Decorators that leave a function's annotations alone. Anything else (a web framework's
 * route, `functools.singledispatch`'s `register`, pydantic's `validate_call`) may read them
 * at runtime with `typing.get_type_hints`.
 */
const STATIC_DECORATORS = /^(?:staticmethod|classmethod|property|(?:abc\.)?abstract\w*|[\w.]+\.(?:setter|getter|deleter)|(?:typing\.|typing_extensions\.)?(?:overload|final|override|no_type_check)|(?:functools\.)?(?:wraps|cache|lru_cache|cached_property|total_ordering)|(?:contextlib\.)?(?:contextmanager|asynccontextmanager)|(?:dataclasses\.)?dataclass)$/;

/** Base classes whose subclasses' annotations nothing evaluates at runtime. */
const STATIC_BASES = /^(?:object|(?:typing\.|typing_extensions\.)?(?:Protocol|Generic)(?:\[.*\])?|(?:abc\.)?ABC|(?:\w+\.)?\w*(?:Error|Exception))$/s;

/**
 * True when some library probably evaluates the annotation at runtime: the parameters and
 * return of a def with an unknown decorator, or class-level annotations of a class with a
 * decorator or a base other than object / ABC / Protocol / Generic / an exception (dataclasses,
 * pydantic models, attrs, NamedTuple, TypedDict, SQLAlchemy models…). Below the target
 * version of a syntax, `from __future__ import annotations` only makes such annotations legal
 * where nothing evaluates them, so the typing rules leave these alone there.
 */
export function mayBeIntrospected(annotation: Node, facts: SemanticFacts): boolean {
  // A known reader (a FastAPI dependency, a file that calls get_type_hints…), then the heuristic.
  if (runtimeReaderOfAnnotation(annotation, facts)) return true;
  const definition = functionOfAnnotation(annotation);
  if (definition) {
    if (decoratorsOf(definition).some((d) => !STATIC_DECORATORS.test(decoratorName(d)))) return true;
    return false;
  }
  const owner = facts.scopeOf(annotation);
  if (owner.kind !== 'class') return false;
  const classNode = owner.node;
  if (decoratorsOf(classNode).length) return true;
  const bases = classNode.childForFieldName('superclasses');
  return (bases?.namedChildren ?? []).some((b) => !!b && b.type !== 'comment' && !STATIC_BASES.test(b.text.replace(/\s+/g, '')));
}

/** Annotations of local variables are never evaluated (PEP 526). */
export function isNeverEvaluated(annotation: Node, facts: SemanticFacts): boolean {
  return parentOf(annotation)?.type === 'assignment' && facts.scopeOf(annotation).kind === 'function';
}

export interface SyntaxAt {
  /** `list[int]`, `collections.deque[int]` may be written here. */
  pep585: boolean;
  /** `int | None` may be written here. */
  pep604: boolean;
  /** The node is inside an annotation slot. */
  annotation: Node | undefined;
  /** Allowed only because `from __future__ import annotations` defers evaluation. */
  deferred585: boolean;
  deferred604: boolean;
  /**
   * Python never evaluates this annotation and nothing reads it at runtime (the future
   * import in a plain def, or a local variable): a forward reference needs no quotes.
   */
  unevaluated: boolean;
}

/** Which modern spellings may be written at a node, for the file's target version. */
export function syntaxAt(node: Node, facts: SemanticFacts): SyntaxAt {
  const target = facts.targetVersion;
  const annotation = annotationOf(node);
  const deferrable = !!annotation && facts.hasFutureImport('annotations') && !mayBeIntrospected(annotation, facts);
  const native585 = atLeast(target, 3, 9);
  const native604 = atLeast(target, 3, 10);
  return {
    pep585: native585 || deferrable,
    pep604: native604 || deferrable,
    annotation,
    deferred585: !native585 && deferrable,
    deferred604: !native604 && deferrable,
    unevaluated: deferrable || (!!annotation && isNeverEvaluated(annotation, facts)),
  };
}

// ---- generic type expressions: `List[int]` is a generic_type inside annotations, a subscript elsewhere ----

export interface GenericView {
  /** The whole `X[...]` node. */
  node: Node;
  head: Node;
  /** The arguments, unwrapped from their `type` nodes. */
  args: Node[];
}

export function unwrapType(node: Node): Node {
  let current = node;
  while (current.type === 'type' && current.namedChildCount === 1 && current.firstNamedChild) current = current.firstNamedChild;
  return current;
}

/** `X[...]` as head and arguments, whichever node type the grammar chose. */
export function genericOf(node: Node): GenericView | undefined {
  if (node.type === 'generic_type') {
    const head = node.namedChildren.find((c) => c?.type === 'identifier' || c?.type === 'attribute');
    const parameters = node.namedChildren.find((c) => c?.type === 'type_parameter');
    if (!head || !parameters) return undefined;
    return { node, head, args: parameters.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').map(unwrapType) };
  }
  if (node.type === 'subscript') {
    const head = node.childForFieldName('value');
    if (!head) return undefined;
    return { node, head, args: node.childrenForFieldName('subscript').filter((c): c is Node => !!c && c.type !== 'comment') };
  }
  return undefined;
}

/** The `X[...]` whose head is this node, if it is one. */
export function genericWithHead(head: Node): GenericView | undefined {
  const parent = parentOf(head);
  if (!parent) return undefined;
  const view = genericOf(parent);
  return view && view.head.equals(head) ? view : undefined;
}

// ---- names ----

/** Scope.bindings / assignments / opaque are filled lazily: read them only after this. */
export function ensureBindings(facts: SemanticFacts): void {
  void facts.lookup('__pymodern__', facts.moduleScope);
}

const boundNames = new WeakMap<SemanticFacts, Set<string>>();

/** Every name bound anywhere in the file (assignments, defs, parameters, imports). */
export function namesBoundInFile(facts: SemanticFacts): Set<string> {
  let names = boundNames.get(facts);
  if (names) return names;
  ensureBindings(facts);
  names = new Set<string>();
  for (const scope of facts.scopes) {
    for (const name of scope.bindings) names.add(name);
    for (const name of scope.imports.keys()) names.add(name);
  }
  if (hasStarImport(facts)) names.add("*");
  boundNames.set(facts, names);
  return names;
}

/** The identifier names a builtin (`str`, `len`): not bound anywhere in the file, no star import. */
export function isBuiltin(identifier: Node, facts: SemanticFacts, names?: readonly string[]): boolean {
  if (identifier.type !== 'identifier') return false;
  if (names && !names.includes(identifier.text)) return false;
  return nameIsFree(identifier.text, identifier, facts);
}

// ---- uses of typing names ----

export interface TypingUse {
  /** The identifier (`List`, from `from typing import List`) or attribute (`typing.List`). */
  node: Node;
  module: TypingModule;
  /** The member of the module: `List`. */
  member: string;
  /** The from-import the identifier comes from; undefined for `typing.List`. */
  binding?: ImportBinding;
}

const usesCache = new WeakMap<SemanticFacts, TypingUse[]>();

/**
 * Every reference to a member of `typing` or `typing_extensions` outside import statements,
 * found by scanning the text for the names the file imports, then resolving each through
 * the file's scopes (a local rebinding of `List` is not `typing.List`).
 */
export function typingUses(facts: SemanticFacts, text: string): TypingUse[] {
  const cached = usesCache.get(facts);
  if (cached) return cached;
  const uses: TypingUse[] = [];
  if (facts.importsModule('typing') || facts.importsModule('typing_extensions')) {
    const root = facts.tree.rootNode;
    const names = new Set<string>();
    const modules = new Set<string>();
    for (const binding of facts.imports) {
      const match = /^(typing|typing_extensions)(?:\.(\w+))?$/.exec(binding.qualified);
      if (!match) continue;
      if (binding.isModule && !match[2]) modules.add(binding.local);
      else if (!binding.isModule && match[2]) names.add(binding.local);
    }
    for (const name of names) {
      for (const offset of wordOccurrences(facts, text, name)) {
        const node = root.descendantForIndex(offset, offset + name.length);
        if (node?.type !== 'identifier' || node.startIndex !== offset || node.endIndex !== offset + name.length) continue;
        if (!isReference(node)) continue;
        const qualified = facts.resolve(node);
        const match = qualified && /^(typing|typing_extensions)\.(\w+)$/.exec(qualified);
        if (!match) continue;
        const binding = facts.imports.find((b) => b.local === name && b.qualified === qualified);
        uses.push({ node, module: match[1] as TypingModule, member: match[2], binding });
      }
    }
    for (const alias of modules) {
      const pattern = new RegExp(`(?<![\\w.])${escapeRegExp(alias)}\\s*\\.\\s*(\\w+)`, 'g');
      for (const found of text.matchAll(pattern)) {
        const offset = found.index!;
        const object = root.descendantForIndex(offset, offset + alias.length);
        const attribute = object && parentOf(object);
        if (object?.type !== 'identifier' || attribute?.type !== 'attribute' || !attribute.childForFieldName('object')?.equals(object)) continue;
        if (!isReference(attribute)) continue;
        const qualified = facts.resolve(attribute);
        const match = qualified && /^(typing|typing_extensions)\.(\w+)$/.exec(qualified);
        if (match) uses.push({ node: attribute, module: match[1] as TypingModule, member: match[2] });
      }
    }
    uses.sort((a, b) => a.node.startIndex - b.node.startIndex);
  }
  usesCache.set(facts, uses);
  return uses;
}

/** Places where an identifier binds a name rather than reading it. */
const BINDING_PARENTS = new Set([
  'parameters', 'lambda_parameters', 'default_parameter', 'typed_parameter', 'typed_default_parameter', 'list_splat_pattern',
  'dictionary_splat_pattern', 'function_definition', 'class_definition', 'global_statement', 'nonlocal_statement',
  'as_pattern_target', 'pattern_list', 'tuple_pattern', 'list_pattern',
]);

/** Not the name in an import, a binding, a keyword argument's name, or an attribute's attribute. */
function isReference(node: Node): boolean {
  const parent = parentOf(node);
  if (!parent) return false;
  if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(node)) return false;
  if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.equals(node)) return false;
  if (node.type === 'identifier' && BINDING_PARENTS.has(parent.type)) {
    // The value of a default parameter and the annotation of a typed one are reads.
    const field = parent.type === 'default_parameter' || parent.type === 'typed_default_parameter' ? parent.childForFieldName('name') : null;
    if (field ? field.equals(node) : parent.type !== 'typed_parameter' || !parent.childForFieldName('type')?.equals(node)) return false;
  }
  if ((parent.type === 'assignment' || parent.type === 'augmented_assignment' || parent.type === 'for_statement' || parent.type === 'for_in_clause') && parent.childForFieldName('left')?.equals(node)) return false;
  const statement = nearestAncestor(parent, 'statement', (n) => n.type.endsWith('_statement') || n.type === 'module' || n.type === 'block');
  return !statement || !(statement.type === 'import_from_statement' || statement.type === 'import_statement' || statement.type === 'future_import_statement');
}

/** The FunctionInfo of the def whose header holds the node, if any. */
export function headerFunction(node: Node, facts: SemanticFacts): FunctionInfo | undefined {
  const annotation = annotationOf(node);
  const definition = annotation && functionOfAnnotation(annotation);
  return definition ? functionInfo(facts, definition) : undefined;
}

/** A def whose annotations something may read at runtime: a known reader (the fact), or a decorator we do not know. */
export function functionMayBeIntrospected(definition: Node, facts: SemanticFacts): boolean {
  return !!runtimeReaderOfDefinition(definition, facts) || decoratorsOf(definition).some((d) => !STATIC_DECORATORS.test(decoratorName(d)));
}

/**
 * Why adding or changing an annotation of this def's `slot` is not safe, for a fix's title:
 * what the framework that reads it does with it ("changes FastAPI's response model"), or
 * that an unknown decorator may read it. Undefined when nothing reads the def's annotations.
 */
export function runtimeAnnotationRisk(definition: Node, facts: SemanticFacts, slot: 'return' | 'parameter'): string | undefined {
  const reader: RuntimeReader | undefined = runtimeReaderOfDefinition(definition, facts);
  if (reader) return slot === 'return' ? reader.returnEffect : reader.parameterEffect;
  const unknown = decoratorsOf(definition).find((d) => !STATIC_DECORATORS.test(decoratorName(d)));
  return unknown ? `\`@${decoratorName(unknown)}\` may read annotations at runtime` : undefined;
}

/**
 * True when `name` means the builtin (or nothing) where an annotation at `at` is evaluated:
 * no binding in that scope or the scopes it sees, no star import.
 */
export function nameIsFree(name: string, at: Node, facts: SemanticFacts, except?: Node | null): boolean {
  // Fast path, no binding analysis: the name is only ever read in this file.
  if (onlyRead(facts, name, except)) return true;
  if (hasStarImport(facts)) return false;
  const visible: Scope[] = [];
  let first = true;
  for (let scope: Scope | undefined = facts.scopeOf(at); scope; scope = scope.parent) {
    if (scope.kind === 'class' && !first) continue;
    first = false;
    visible.push(scope);
  }
  // Every binding of the name must be in a scope the annotation does not see.
  return bindingOccurrences(facts, name).every((occurrence) => {
    if (except && occurrence.startIndex === except.startIndex) return true;
    const scope = bindingScope(occurrence, facts);
    return !visible.some((v) => v.node.startIndex === scope.node.startIndex && v.kind === scope.kind);
  });
}

/** The scope a binding occurrence binds in: a parameter binds in its def, a def's name around it. */
function bindingScope(identifier: Node, facts: SemanticFacts): Scope {
  for (let node: Node | null = parentOf(identifier); node; node = parentOf(node)) {
    if (node.type === 'parameters' || node.type === 'lambda_parameters') {
      const owner = parentOf(node);
      const body = owner?.childForFieldName('body');
      return body ? facts.scopeAt(body.startIndex) : facts.scopeOf(identifier);
    }
    if (!['default_parameter', 'typed_parameter', 'typed_default_parameter', 'list_splat_pattern', 'dictionary_splat_pattern'].includes(node.type)) break;
  }
  return facts.scopeOf(identifier);
}

