// Which expressions are LLM SDK clients and responses, as far as one file shows (llm-sdks.ts
// lists the classes): `OpenAI(...)`, a name or `self.x` every binding of which is one, a
// parameter or variable annotated with one; and the SDK calls made on them
// (`client.chat.completions.create(...)`). Never a guess: a local `OpenAI` class, a client
// passed in unannotated, or a name bound twice to different things is unknown.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { LLM_CLIENT_CLASSES, type LlmClientClass } from '../../llm-sdks';
import { perAnalysis } from '../../memo';
import {
  annotatedTypeName,
  assignmentAnnotation,
  instanceAttributeEvidence,
  methodOwnerOf,
  parameterAnnotation,
  type Evidence,
} from '../../value-origins';

export interface KnownClient extends LlmClientClass {
  /** The qualified class (`openai.OpenAI`). */
  className: string;
}

const MAX_DEPTH = 6;
const cacheOf = perAnalysis<Map<number, KnownClient | null>>(() => new Map());

/** True when the file imports anything a client class could come from. */
export function mayUseLlmClients(facts: SemanticFacts): boolean {
  return facts.mayResolveTo([...LLM_CLIENT_CLASSES.keys()]);
}

/** The client class an expression's value is an instance of, or undefined. */
export function clientOf(facts: SemanticFacts, node: Node, depth = 0): KnownClient | undefined {
  const cache = cacheOf(facts);
  const known = cache.get(node.id);
  if (known !== undefined) return known ?? undefined;
  const found = depth > MAX_DEPTH ? undefined : computeClient(facts, node, depth);
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

function computeClient(facts: SemanticFacts, node: Node, depth: number): KnownClient | undefined {
  switch (node.type) {
    case 'call':
      return constructedClient(facts, node);
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? clientOf(facts, inner, depth + 1) : undefined;
    }
    case 'identifier':
      return identifierClient(facts, node, depth);
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute')?.text;
      const owner = object && methodOwnerOf(facts, object);
      const evidence = owner && attribute ? instanceAttributeEvidence(facts, owner.node, attribute) : undefined;
      return evidence ? agreedClient(facts, evidence, depth) : undefined;
    }
    default:
      return undefined;
  }
}

function identifierClient(facts: SemanticFacts, identifier: Node, depth: number): KnownClient | undefined {
  const local = facts.localBinding(identifier);
  if (local) {
    if (local.opaque) return undefined;
    const evidence: Evidence[] = local.values.map((value) => ({ value, annotation: assignmentAnnotation(value) }));
    const declared = local.parameter && parameterAnnotation(local.parameter);
    if (declared) evidence.push({ annotation: declared });
    return agreedClient(facts, evidence, depth);
  }
  const name = identifier.text;
  for (let scope = facts.scopeOf(identifier).parent; scope; scope = scope.parent) {
    if (scope.kind === 'class') continue;
    if (!scope.bindings.has(name) && !scope.imports.has(name)) continue;
    if (scope.imports.has(name) || scope.opaque.has(name)) return undefined;
    const evidence: Evidence[] = (scope.assignments.get(name) ?? []).map((a) => ({ value: a.value, annotation: assignmentAnnotation(a.value) }));
    const parameter = scope.parameters.get(name);
    const declared = parameter && parameterAnnotation(parameter);
    if (declared) evidence.push({ annotation: declared });
    return agreedClient(facts, evidence, depth);
  }
  return undefined;
}

/** The one client class all evidence agrees on; `None` is no evidence, anything unknown spoils it. */
function agreedClient(facts: SemanticFacts, evidence: readonly Evidence[], depth: number): KnownClient | undefined {
  let found: KnownClient | undefined;
  for (const { value, annotation } of evidence) {
    if (value?.type === 'none' && !annotation) continue;
    const declared = annotation ? annotationClient(facts, annotation) : undefined;
    const assigned = value && value.type !== 'none' ? clientOf(facts, value, depth + 1) : undefined;
    const one = declared ?? assigned;
    if (!one || (declared && assigned && declared.className !== assigned.className)) return undefined;
    if (found && found.className !== one.className) return undefined;
    found = one;
  }
  return found;
}

function annotationClient(facts: SemanticFacts, annotation: Node): KnownClient | undefined {
  const name = annotatedTypeName(facts, annotation);
  const className = name ? facts.resolve(name) : undefined;
  const known = className ? LLM_CLIENT_CLASSES.get(className) : undefined;
  return known && className ? { ...known, className } : undefined;
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

/** openai 0.x module functions (gone in 1.0, still in old code) and the 1.x call each became. */
const MODULE_FUNCTIONS = new Map([
  ['openai.ChatCompletion.create', 'chat.completions.create'],
  ['openai.ChatCompletion.acreate', 'chat.completions.create'],
  ['openai.Completion.create', 'completions.create'],
  ['openai.Completion.acreate', 'completions.create'],
]);

/** The SDK request a call makes: `<client>.<resource path>.<method>(...)` on a known client, or an openai 0.x function. */
export function sdkCallOf(facts: SemanticFacts, call: Node): SdkCall | undefined {
  if (call.type !== 'call') return undefined;
  const steps: string[] = [];
  let node = call.childForFieldName('function');
  const legacy = node?.type === 'attribute' && /^(?:a?create)$/.test(node.childForFieldName('attribute')?.text ?? '') ? MODULE_FUNCTIONS.get(facts.resolve(node) ?? '') : undefined;
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
