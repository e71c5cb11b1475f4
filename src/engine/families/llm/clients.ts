// Which expressions are LLM SDK clients and responses, as far as one file shows (llm-sdks.ts
// lists the classes): `OpenAI(...)`, a name or `self.x` every binding of which is one, a
// parameter or variable annotated with one; the module-level client a fix can reuse; and the
// SDK calls made on them (`client.chat.completions.create(...)`). The one place every llm rule
// asks. Never a guess: a local `OpenAI` class, a client passed in unannotated, or a name bound
// to something unknown is unknown; a name bound to two classes has only an SDK (`clientSdkOf`).
import type { Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../facts';
import { LLM_CLIENT_CLASSES, type LlmClientClass, type LlmSdk } from '../../llm-sdks';
import { perAnalysis } from '../../memo';
import { bindingOccurrences, hasStarImport } from '../../name-occurrences';
import {
  annotatedTypeName,
  assignmentAnnotation,
  firstParameterName,
  instanceAttributeEvidence,
  methodOwnerOf,
  parameterAnnotation,
  type Evidence,
} from '../../value-origins';
import { v1MethodOf } from './openai-v0-table';

export interface KnownClient extends LlmClientClass {
  /** The qualified class (`openai.OpenAI`). */
  className: string;
}

const MAX_DEPTH = 6;
const cacheOf = perAnalysis<Map<number, KnownClient[] | null>>(() => new Map());
const bareAnnotationsOf = perAnalysis<Map<number, Map<string, Node[]>>>(() => new Map());

/** True when the file imports anything a client class could come from. */
export function mayUseLlmClients(facts: SemanticFacts): boolean {
  return facts.mayResolveTo([...LLM_CLIENT_CLASSES.keys()]);
}

/** The client class an expression's value is an instance of, or undefined (also when its bindings name two classes). */
export function clientOf(facts: SemanticFacts, node: Node): KnownClient | undefined {
  const classes = clientClassesOf(facts, node);
  return classes?.length === 1 ? classes[0] : undefined;
}

/**
 * The SDK of the client an expression holds, when every binding of it is a client of that
 * SDK, maybe of different classes (`client = AnthropicBedrock()` in one branch,
 * `Anthropic()` in the other): enough for a rule about the SDK's API.
 */
export function clientSdkOf(facts: SemanticFacts, node: Node): LlmSdk | undefined {
  const classes = clientClassesOf(facts, node);
  const sdk = classes?.[0]?.sdk;
  return sdk && classes.every((c) => c.sdk === sdk) ? sdk : undefined;
}

/** The client classes an expression's value may be an instance of, one or more; undefined once any of its origins is unknown. */
function clientClassesOf(facts: SemanticFacts, node: Node, depth = 0): KnownClient[] | undefined {
  const cache = cacheOf(facts);
  const known = cache.get(node.id);
  if (known !== undefined) return known ?? undefined;
  const found = depth > MAX_DEPTH ? undefined : computeClients(facts, node, depth);
  cache.set(node.id, found ?? null);
  return found;
}

/** The last names of the client classes (`OpenAI`, `Client`): other calls need no resolving. */
const CLASS_LAST_NAMES = new Set([...LLM_CLIENT_CLASSES.keys()].map((name) => name.slice(name.lastIndexOf('.') + 1)));

/** The client class a constructor call builds (`OpenAI(api_key=...)`), resolved through imports. */
export function constructedClient(facts: SemanticFacts, call: Node): KnownClient | undefined {
  if (call.type !== 'call') return undefined;
  const callee = call.childForFieldName('function');
  const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
  if (!last || !CLASS_LAST_NAMES.has(last)) return undefined;
  const className = callee ? facts.resolve(callee) : undefined;
  const known = className ? LLM_CLIENT_CLASSES.get(className) : undefined;
  return known && className ? { ...known, className } : undefined;
}

/**
 * The module-level name bound once, to a client `accepts` (`client = OpenAI()`), and bound
 * nowhere else in the file: a fix can call it from any function.
 */
export function moduleLevelClient(facts: SemanticFacts, accepts: (client: KnownClient) => boolean): string | undefined {
  for (const statement of facts.tree.rootNode.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.firstNamedChild : undefined;
    if (assignment?.type !== 'assignment') continue;
    const target = assignment.childForFieldName('left');
    const value = assignment.childForFieldName('right');
    const client = value && constructedClient(facts, value);
    if (target?.type !== 'identifier' || !client || !accepts(client)) continue;
    if (bindingOccurrences(facts, target.text).length === 1 && !hasStarImport(facts)) return target.text;
  }
  return undefined;
}

function computeClients(facts: SemanticFacts, node: Node, depth: number): KnownClient[] | undefined {
  switch (node.type) {
    case 'call': {
      const built = constructedClient(facts, node);
      return built ? [built] : undefined;
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? clientClassesOf(facts, inner, depth + 1) : undefined;
    }
    case 'identifier':
      return identifierClients(facts, node, depth);
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute')?.text;
      const owner = object && ownerOfSelf(facts, object);
      const evidence = owner && attribute ? instanceAttributeEvidence(facts, owner.node, attribute) : undefined;
      return evidence ? evidencedClients(facts, evidence, depth) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The class whose method's first parameter `object` is, also read from a def or lambda nested
 * in the method (`async def worker(): self.client…`) that does not rebind the name.
 */
function ownerOfSelf(facts: SemanticFacts, object: Node): Scope | undefined {
  const direct = methodOwnerOf(facts, object);
  if (direct || object.type !== 'identifier') return direct;
  for (let scope: Scope | undefined = facts.scopeOf(object); scope?.kind === 'function' || scope?.kind === 'lambda'; scope = scope.parent) {
    if (scope.kind === 'function' && scope.parent?.kind === 'class') return firstParameterName(scope.node) === object.text ? scope.parent : undefined;
    if (facts.ownBindings(scope).bindings.has(object.text)) return undefined;
  }
  return undefined;
}

function identifierClients(facts: SemanticFacts, identifier: Node, depth: number): KnownClient[] | undefined {
  const name = identifier.text;
  const own = facts.scopeOf(identifier);
  const local = facts.localBinding(identifier);
  const ownDeclared = bareAnnotations(facts, own, name);
  if (local || ownDeclared.length) {
    if (local?.opaque && !(ownDeclared.length && boundOnlyByAssignments(facts, own, name))) return undefined;
    const evidence: Evidence[] = (local?.values ?? []).map((value) => ({ value, annotation: assignmentAnnotation(value) }));
    const declared = local?.parameter && parameterAnnotation(local.parameter);
    if (declared) evidence.push({ annotation: declared });
    evidence.push(...ownDeclared.map((annotation) => ({ annotation })));
    return evidencedClients(facts, evidence, depth);
  }
  for (let scope = own.parent; scope; scope = scope.parent) {
    if (scope.kind === 'class') continue;
    const bare = bareAnnotations(facts, scope, name);
    if (!scope.bindings.has(name) && !scope.imports.has(name) && !bare.length) continue;
    if (scope.imports.has(name) || (scope.opaque.has(name) && !(bare.length && boundOnlyByAssignments(facts, scope, name)))) return undefined;
    const evidence: Evidence[] = (scope.assignments.get(name) ?? []).map((a) => ({ value: a.value, annotation: assignmentAnnotation(a.value) }));
    const parameter = scope.parameters.get(name);
    const declared = parameter && parameterAnnotation(parameter);
    if (declared) evidence.push({ annotation: declared });
    evidence.push(...bare.map((annotation) => ({ annotation })));
    return evidencedClients(facts, evidence, depth);
  }
  return undefined;
}

/**
 * The annotations a scope declares for a name without assigning it (`client: Anthropic`,
 * set later by code this file does not show): a declared type, like a parameter's.
 */
function bareAnnotations(facts: SemanticFacts, scope: Scope, name: string): Node[] {
  const cache = bareAnnotationsOf(facts);
  let byName = cache.get(scope.node.id);
  if (!byName) {
    cache.set(scope.node.id, (byName = new Map()));
    for (const assignment of scope.node.descendantsOfType('assignment')) {
      const left = assignment?.childForFieldName('left');
      const annotation = assignment?.childForFieldName('type');
      if (left?.type !== 'identifier' || !annotation || assignment!.childForFieldName('right') || facts.scopeOf(left) !== scope) continue;
      byName.set(left.text, [...(byName.get(left.text) ?? []), annotation]);
    }
  }
  return byName.get(name) ?? [];
}

const ASSIGNING_PARENTS = new Set(['assignment', 'typed_parameter', 'typed_default_parameter', 'default_parameter', 'parameters']);

/** Every binding of the name in the scope is `name = …`, `name: T` or a parameter: the bare annotations are what made it opaque. */
function boundOnlyByAssignments(facts: SemanticFacts, scope: Scope, name: string): boolean {
  if (hasStarImport(facts)) return false;
  return bindingOccurrences(facts, name)
    .filter((n) => facts.scopeOf(n) === scope)
    .every((n) => ASSIGNING_PARENTS.has(n.parent?.type ?? '') && (n.parent?.type !== 'assignment' || !!n.parent.childForFieldName('left')?.equals(n)));
}

/**
 * The client classes the evidence names: each piece names one (its annotation, else its
 * value) or is `None`, which is no evidence; anything unknown spoils it.
 */
function evidencedClients(facts: SemanticFacts, evidence: readonly Evidence[], depth: number): KnownClient[] | undefined {
  const found = new Map<string, KnownClient>();
  for (const { value, annotation } of evidence) {
    if (value?.type === 'none' && !annotation) continue;
    const declared = annotation ? annotationClients(facts, annotation) : undefined;
    const assigned = value && value.type !== 'none' ? clientClassesOf(facts, value, depth + 1) : undefined;
    // A one-class annotation is evidence enough (`client: OpenAI = make_client()`), a value that contradicts it spoils it.
    const classes = declared?.length === 1 ? declared : (assigned ?? declared);
    if (!classes || (declared?.length === 1 && assigned?.length === 1 && assigned[0].className !== declared[0].className)) return undefined;
    for (const one of classes) found.set(one.className, one);
  }
  return found.size ? [...found.values()] : undefined;
}

/**
 * The client classes an annotation declares: the one it names (`Optional[OpenAI]`), or every
 * member of a union of clients (`Anthropic | AsyncAnthropic`, `None` aside).
 */
function annotationClients(facts: SemanticFacts, annotation: Node, depth = 0): KnownClient[] | undefined {
  const name = annotatedTypeName(facts, annotation);
  if (name) {
    const className = facts.resolve(name);
    const known = className ? LLM_CLIENT_CLASSES.get(className) : undefined;
    return known && className ? [{ ...known, className }] : undefined;
  }
  let node: Node | null = annotation.type === 'type' ? annotation.firstNamedChild : annotation;
  const base = node?.type === 'subscript' ? node.childForFieldName('value') : undefined;
  if (base && /^typing(?:_extensions)?\.Optional$/.test(facts.resolve(base) ?? '')) node = node!.childForFieldName('subscript');
  if (depth > MAX_DEPTH || node?.type !== 'binary_operator' || node.childForFieldName('operator')?.type !== '|') return undefined;
  const found: KnownClient[] = [];
  for (const side of [node.childForFieldName('left'), node.childForFieldName('right')]) {
    if (side?.type === 'none') continue;
    const members = side ? annotationClients(facts, side, depth + 1) : undefined;
    if (!members) return undefined;
    found.push(...members);
  }
  return found.length ? found : undefined;
}

export interface SdkCall {
  call: Node;
  /** The client the call goes through; undefined for openai 0.x module functions. */
  client?: KnownClient;
  /** The client expression as written (`self.client`). */
  clientNode?: Node;
  /** The resource path and method (`chat.completions.create`), the 1.x path for 0.x functions. */
  path: string;
}

/** An openai 0.x module function (`openai.ChatCompletion.acreate`, gone in 1.0, still in old code): the 1.x call it became. */
function moduleFunctionPath(facts: SemanticFacts, callee: Node): string | undefined {
  const found = /^openai\.(\w+)\.(a?create)$/.exec(facts.resolve(callee) ?? '');
  return found ? v1MethodOf(found[1], found[2])?.target.path : undefined;
}

/** The SDK request a call makes: `<client>.<resource path>.<method>(...)` on a known client, or an openai 0.x function. */
export function sdkCallOf(facts: SemanticFacts, call: Node): SdkCall | undefined {
  if (call.type !== 'call') return undefined;
  const steps: string[] = [];
  let node = call.childForFieldName('function');
  const legacy = node?.type === 'attribute' && /^(?:a?create)$/.test(node.childForFieldName('attribute')?.text ?? '') ? moduleFunctionPath(facts, node) : undefined;
  if (legacy) return { call, path: legacy };
  while (node?.type === 'attribute' && steps.length < 5) {
    const attribute = node.childForFieldName('attribute')?.text;
    if (!attribute) return undefined;
    if (attribute !== 'with_raw_response') steps.unshift(attribute);
    node = node.childForFieldName('object');
    if (!node) return undefined;
    // Most attribute chains are not SDK calls: try the client only once a resource is named.
    if (steps.length >= 2) {
      const client = clientOf(facts, node);
      if (client) return { call, client, clientNode: node, path: steps.join('.') };
    }
  }
  return undefined;
}
