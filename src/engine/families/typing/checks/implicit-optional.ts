// implicit-optional: `def f(x: int = None)`: the default is None but the annotation does not
// admit it (PEP 484 dropped implicit Optional; mypy and pyright report the default). Only
// annotations that certainly exclude None are flagged: builtins, typing / collections.abc
// containers, stdlib and module classes (not Protocols), their unions and Literals without
// None. `Any`, `object`, aliases and TypeVars could admit None: silent. Fix: `int | None`
// (or `Optional[int]` below 3.10), safe unless a decorator may read the annotation at runtime.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../../facts';
import { ensureBindings, genericOf, runtimeAnnotationRisk, isBuiltin, nameIsFree, syntaxAt, unwrapType } from '../annotations';
import { ImportPlan } from '../imports';
import { plainStringContent, report, short } from '../legacy';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const BUILTIN_TYPES = new Set(['int', 'float', 'complex', 'str', 'bytes', 'bool', 'list', 'dict', 'set', 'frozenset', 'tuple', 'type', 'bytearray', 'memoryview', 'range', 'slice']);

/** Members of typing / collections.abc / collections no `None` is an instance of. */
const CONTAINERS = new Set([
  'List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type', 'Deque', 'DefaultDict', 'OrderedDict', 'Counter', 'ChainMap', 'Text',
  'Callable', 'Iterable', 'Iterator', 'Sequence', 'MutableSequence', 'Mapping', 'MutableMapping', 'AbstractSet', 'MutableSet',
  'Collection', 'Container', 'Generator', 'AsyncGenerator', 'AsyncIterator', 'AsyncIterable', 'Awaitable', 'Coroutine',
  'Reversible', 'Sized', 'Pattern', 'Match', 'IO', 'TextIO', 'BinaryIO', 'ByteString', 'KeysView', 'ValuesView', 'ItemsView',
  'deque', 'defaultdict',
]);
const CONTAINER_MODULES = /^(?:typing|typing_extensions|collections\.abc|collections|re)\.(\w+)$/;
/** Standard-library classes (a module attribute in CapWords elsewhere is taken as a class too). */
const NOT_CLASSES = /^(?:typing|typing_extensions|collections\.abc|types)\./;

export function createImplicitOptional(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const annotation = captures.annotation;
      const parameter = captures.param;
      const name = captures.name;
      if (!annotation || !parameter || !name || !context.isSound(parameter)) return;
      const facts = context.facts;
      const type = unwrapType(annotation);
      if (!excludesNone(type, facts)) return;
      const definition = parameter.parent?.parent;
      const risk = definition?.type === 'function_definition' ? runtimeAnnotationRisk(definition, facts, 'parameter') : undefined;
      const plan = new ImportPlan(facts, context.text);
      const text = withNone(type, facts, plan);
      const imports = text && plan.edits();
      const title = `Annotate \`${short(`${name.text}: ${text}`)}\`${risk ? ` (unsafe: ${risk})` : ''}`;
      const fixes = text && imports ? [{ title, safety: risk ? ('unsafe' as const) : ('safe' as const), edits: [{ start: type.startIndex, end: type.endIndex, newText: text }, ...imports] }] : [];
      report(context, { node: annotation, data: { name: name.text, annotation: short(annotation.text) }, fixes });
    },
  };
}

/** The annotation admitting None too, in the spelling the target version allows. */
function withNone(type: Node, facts: SemanticFacts, plan: ImportPlan): string | undefined {
  const syntax = syntaxAt(type, facts);
  if (type.type === 'string') {
    const content = plainStringContent(type);
    if (!content) return undefined;
    if (syntax.pep604) return `"${content} | None"`;
    const optional = plan.reference('typing', 'Optional', type);
    return optional ? `"${optional}[${content}]"` : undefined;
  }
  if (syntax.pep604) return `${type.text} | None`;
  const generic = genericOf(type);
  const head = generic && facts.resolve(generic.head);
  if (generic && (head === 'typing.Union' || head === 'typing_extensions.Union')) {
    const last = generic.args[generic.args.length - 1];
    return `${type.text.slice(0, last.endIndex - type.startIndex)}, None${type.text.slice(last.endIndex - type.startIndex)}`;
  }
  const optional = plan.reference('typing', 'Optional', type);
  return optional ? `${optional}[${type.text}]` : undefined;
}

/** True only when no value of the annotated type can be None. */
export function excludesNone(node: Node, facts: SemanticFacts, depth = 0): boolean {
  if (depth > 8) return false;
  const type = unwrapType(node);
  switch (type.type) {
    case 'identifier':
    case 'attribute':
      return isConcreteClass(type, facts);
    case 'binary_operator':
      return type.childForFieldName('operator')?.text === '|' && excludesNone(type.childForFieldName('left')!, facts, depth + 1) && excludesNone(type.childForFieldName('right')!, facts, depth + 1);
    case 'subscript':
    case 'generic_type': {
      const generic = genericOf(type);
      if (!generic) return false;
      const qualified = facts.resolve(generic.head);
      const member = qualified && /^(?:typing|typing_extensions)\.(\w+)$/.exec(qualified)?.[1];
      if (member === 'Union') return generic.args.every((a) => excludesNone(a, facts, depth + 1));
      if (member === 'Literal') return literalExcludesNone(generic.args, facts, depth + 1);
      if (member === 'Annotated') return !!generic.args[0] && excludesNone(generic.args[0], facts, depth + 1);
      return isConcreteClass(generic.head, facts);
    }
    case 'string': {
      // A quoted plain name: `"Config"`, `"int"`.
      const content = plainStringContent(type);
      if (!content || !/^[A-Za-z_]\w*$/.test(content)) return false;
      if (BUILTIN_TYPES.has(content)) return nameIsFree(content, type, facts);
      return isModuleClass(content, type, facts);
    }
    default:
      return false;
  }
}

/**
 * No member of a `Literal[...]` is None, nested `Literal`s included (`Literal["a", Literal[None]]`
 * flattens to admit None). A member that is neither a plain value nor a `Literal` is unknown.
 */
function literalExcludesNone(members: readonly Node[], facts: SemanticFacts, depth: number): boolean {
  if (depth > 8) return false;
  return members.every((raw) => {
    const member = unwrapType(raw);
    if (member.type === 'none') return false;
    if (member.type === 'subscript' || member.type === 'generic_type') {
      const nested = genericOf(member);
      const head = nested && facts.resolve(nested.head);
      return !!nested && (head === 'typing.Literal' || head === 'typing_extensions.Literal') && literalExcludesNone(nested.args, facts, depth + 1);
    }
    return ['string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'unary_operator', 'attribute'].includes(member.type);
  });
}

function isConcreteClass(node: Node, facts: SemanticFacts): boolean {
  if (node.type === 'identifier' && BUILTIN_TYPES.has(node.text) && isBuiltin(node, facts)) return true;
  const qualified = facts.resolve(node);
  if (qualified) {
    const container = CONTAINER_MODULES.exec(qualified);
    if (container) return CONTAINERS.has(container[1]);
    if (NOT_CLASSES.test(qualified)) return false;
    const last = qualified.slice(qualified.lastIndexOf('.') + 1);
    // `datetime.datetime`, `np.ndarray`, `pd.DataFrame`: a class of an imported module.
    return node.type === 'attribute' ? /^[A-Z][A-Za-z0-9]*$/.test(last) || /^(?:datetime|date|time|timedelta|ndarray)$/.test(last) : KNOWN_IMPORTED.has(qualified);
  }
  return node.type === 'identifier' && isModuleClass(node.text, node, facts);
}

/** A class of this module (not a Protocol: None could satisfy one), bound once, not shadowed at `at`. */
function isModuleClass(name: string, at: Node, facts: SemanticFacts): boolean {
  ensureBindings(facts);
  const definitions = facts.moduleDefinitions(name);
  if (definitions.length !== 1 || definitions[0].type !== 'class_definition') return false;
  const module = facts.moduleScope;
  if (module.assignments.has(name) || module.imports.has(name)) return false;
  for (let scope: ReturnType<SemanticFacts['scopeOf']> | undefined = facts.scopeOf(at); scope && scope.kind !== 'module'; scope = scope.parent) {
    if (scope.bindings.has(name)) return false;
  }
  const bases = definitions[0].childForFieldName('superclasses')?.text ?? '';
  return !/\bProtocol\b/.test(bases);
}

/** Names imported with `from module import Name` known to be classes. */
const KNOWN_IMPORTED = new Set([
  'datetime.datetime', 'datetime.date', 'datetime.time', 'datetime.timedelta', 'datetime.timezone', 'pathlib.Path', 'pathlib.PurePath',
  'decimal.Decimal', 'fractions.Fraction', 'uuid.UUID', 'enum.Enum', 'io.StringIO', 'io.BytesIO', 'logging.Logger',
  'collections.OrderedDict', 'collections.Counter', 'collections.ChainMap',
]);
