// Which calls block the event loop and under which rule (the tables are in call-tables.ts),
// same-file helpers a coroutine calls, and the reporting every blocking-* rule shares.
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import type { Scope, SemanticFacts } from '../../facts';
import {
  argumentAt,
  argumentsOf,
  asyncCallSites,
  asyncLibraryOf,
  hasSplat,
  isCoroutine,
  methodOf,
  ownCallSites,
  positionalArguments,
  receiverOf,
  resolveImported,
  type AsyncLibrary,
  type CallSite,
} from './call-sites';
import {
  ANNOTATIONS,
  ATTRIBUTES,
  BLOCKING_FUNCTIONS,
  BLOCKING_METHODS,
  CALL_RESULTS,
  CAPITALIZED_METHODS,
  CONSTRUCTORS,
  FILE,
  KIND_BY_FIRST_ARGUMENT,
  KIND_BY_KEYWORD,
  METHODS,
  type BlockingCondition,
  type PeerChoice,
} from './call-tables';
import { kindOf, selfClassOf } from './kinds';
import { callData, offThreadFix, pythonBlock, type OfferedFix } from './off-thread';
import { perAnalysis } from '../../memo';

export interface BlockingHit {
  rule: string;
  site: CallSite;
  /** The qualified function (`requests.get`), or `<kind>.<method>` for a method call. */
  name: string;
  /** The receiver's kind, for method calls. */
  kind?: string;
  /** The peer code this call is (ASYNC220 vs ASYNC221…), or null when no peer flags it. */
  peer: string | null;
}

/** Per-analysis memory, keyed by the SemanticFacts of one parse. */
interface BlockingCache {
  hits: Map<number, BlockingHit | null>;
  functionDefs?: Map<Scope, Map<string, Scope[]>>;
  /** Names of blocking methods whose receiver kind this file can build at all. */
  reachableMethods?: { has(name: string): boolean };
  /** Names of the file's sync defs. */
  definedNames?: Set<string>;
}

const cacheOf = perAnalysis<BlockingCache>(() => ({ hits: new Map() }));

const isFalse = (node: Node | undefined) => !!node && (node.type === 'false' || (node.type === 'integer' && node.text === '0'));
const isZero = (node: Node | undefined) => !!node && (node.type === 'integer' || node.type === 'float') && Number(node.text) === 0;
// No lookup happens for a numeric address, or when the flags forbid one (AI_NUMERICHOST…).
const NUMERIC_ADDRESS = /^[rRbBuU]?(['"])(?:[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)\1$/;

type BlockTest = (facts: SemanticFacts, site: CallSite) => boolean;

/** What a table's BlockingCondition means: true when the call blocks. */
function conditionTest(condition: BlockingCondition): BlockTest {
  if (typeof condition === 'object') {
    if ('timeout' in condition) return (_facts, site) => !hasSplat(site) && !argumentAt(site, condition.timeout, 'timeout');
    if ('unbounded' in condition) return (_facts, site) => !hasSplat(site) && !isFalse(argumentAt(site, 0, condition.unbounded)) && !argumentAt(site, 1, 'timeout');
    // A sync file object, not a direct `open(...)` (reported itself).
    return (facts, site) =>
      condition.file.some(([position, keyword]) => {
        const argument = argumentAt(site, position, keyword);
        return !!argument && argument.type !== 'call' && kindOf(facts, argument) === FILE;
      });
  }
  switch (condition) {
    case 'receiver-is-not-a-call':
      return (_facts, site) => receiverOf(site)?.type !== 'call';
    case 'no-wnohang':
      // `os.WNOHANG` in the options makes the wait a poll that returns at once.
      return (_facts, site) => !hasSplat(site) && !argumentsOf(site).some((a) => /\bWNOHANG\b/.test(a.text));
    case 'name-lookup':
      return (_facts, site) => {
        const host = argumentAt(site, 0, 'host');
        const flags = argumentAt(site, 5, 'flags');
        return !hasSplat(site) && !(host && (host.type === 'none' || NUMERIC_ADDRESS.test(host.text))) && !/NUMERIC/.test(flags?.text ?? '');
      };
    case 'reverse-name-lookup':
      return (_facts, site) => !hasSplat(site) && !/NUMERICHOST/.test(argumentAt(site, 1, 'flags')?.text ?? '');
    case 'blocking-socket':
      return socketBlocks;
    case 'executor-waits':
      return (_facts, site) => !hasSplat(site) && !isFalse(argumentAt(site, 0, 'wait'));
  }
}

interface BlockingSpec {
  rule: string;
  /** Looks at the arguments (timeouts, non-blocking flags, file arguments): false = does not block. */
  blocks?: BlockTest;
  peer?: PeerChoice;
}

/** The peer code of a call the table lists (PeerChoice). */
function peerOf(spec: BlockingSpec, site: CallSite): string | null {
  if (spec.peer !== 'spawn-mode') return spec.peer ?? null;
  return /\bP_WAIT\b/.test(argumentAt(site, 0, 'mode')?.text ?? '') ? 'ASYNC221' : 'ASYNC220';
}

const FUNCTIONS = new Map<string, BlockingSpec>();
const METHOD_SPECS: Record<string, Record<string, BlockingSpec>> = {};
/** The last segment of every blocking function's name (`sleep` for `time.sleep`). */
const FUNCTION_LAST_NAMES = new Set<string>();

for (const { rule, names, when, peer } of BLOCKING_FUNCTIONS) {
  const spec = { rule, blocks: when && conditionTest(when), peer };
  for (const name of names) {
    FUNCTIONS.set(name, spec);
    FUNCTION_LAST_NAMES.add(name.slice(name.lastIndexOf('.') + 1));
  }
}
/** Kinds every lowercase method of which blocks (a boto3 client), but the listed ones. */
const ANY_METHOD_SPECS: Record<string, { spec: BlockingSpec; except: ReadonlySet<string> }> = {};
for (const { rule, kinds, names, except, when, peer } of BLOCKING_METHODS) {
  const spec = { rule, blocks: when && conditionTest(when), peer };
  for (const kindName of kinds) {
    METHOD_SPECS[kindName] ??= {};
    if (names === 'any-lowercase') ANY_METHOD_SPECS[kindName] = { spec, except: new Set(except) };
    else for (const name of names) METHOD_SPECS[kindName][name] = spec;
  }
}

function methodSpec(kindName: string, method: string): BlockingSpec | undefined {
  const listed = METHOD_SPECS[kindName]?.[method];
  if (listed) return listed;
  const any = ANY_METHOD_SPECS[kindName];
  return any && /^[a-z]/.test(method) && !any.except.has(method) ? any.spec : undefined;
}

/**
 * A socket call blocks unless the socket was made non-blocking. Only sockets created in the
 * same function count (one made elsewhere may have been set non-blocking there), and a
 * `setblocking(False)` / `settimeout(0)` on the same name in the function clears them.
 */
function socketBlocks(facts: SemanticFacts, site: CallSite): boolean {
  const receiver = receiverOf(site);
  if (!receiver) return false;
  if (receiver.type === 'call') return true;
  if (receiver.type !== 'identifier') return false;
  const binding = facts.localBinding(receiver);
  if (!binding || binding.opaque || !binding.values.length) return false;
  const siblings = isCoroutine(site.scope) ? asyncCallSites(facts).filter((s) => s.scope === site.scope) : ownCallSites(facts, site.scope);
  return !siblings.some((other) => {
    const object = receiverOf(other);
    if (object?.type !== 'identifier' || object.text !== receiver.text) return false;
    const method = methodOf(other);
    const first = positionalArguments(other)[0];
    return (method === 'setblocking' && isFalse(first)) || (method === 'settimeout' && isZero(first));
  });
}

/** The blocking call a site makes, if any, whatever rule it belongs to. */
export function blockingHit(facts: SemanticFacts, site: CallSite): BlockingHit | undefined {
  const cache = cacheOf(facts).hits;
  const known = cache.get(site.call.id);
  if (known !== undefined) return known ?? undefined;
  const hit = computeHit(facts, site);
  cache.set(site.call.id, hit ?? null);
  return hit;
}

function computeHit(facts: SemanticFacts, site: CallSite): BlockingHit | undefined {
  const method = methodOf(site);
  const reachable = reachableMethods(facts);
  // `x.gather(...)`: no blocking function or reachable method ends so; nothing to resolve.
  if (method && !FUNCTION_LAST_NAMES.has(method) && !reachable.has(method)) return undefined;
  const qualified = resolveImported(facts, site.callee);
  if (qualified) {
    const spec = FUNCTIONS.get(qualified);
    if (spec && (!spec.blocks || spec.blocks(facts, site))) return { rule: spec.rule, site, name: qualified, peer: peerOf(spec, site) };
    return undefined;
  }
  const receiver = receiverOf(site);
  if (!method || !receiver || !reachable.has(method)) return undefined;
  // `await x.execute(...)`: whatever the source says `x` is, the call returns an awaitable —
  // an async session, path or client — so it does not block.
  if (site.call.parent?.type === 'await') return undefined;
  const receiverKind = kindOf(facts, receiver);
  const spec = receiverKind ? methodSpec(receiverKind, method) : undefined;
  if (!spec || (spec.blocks && !spec.blocks(facts, site))) return undefined;
  return { rule: spec.rule, site, name: `${receiverKind}.${method}`, kind: receiverKind, peer: peerOf(spec, site) };
}

/** The qualified names that build or declare each kind (a constructor a keyword decides counts for each of its kinds). */
const KIND_SOURCES = new Map<string, string[]>();
for (const [name, kindName] of [
  ...Object.entries(CONSTRUCTORS),
  ...Object.entries(ANNOTATIONS),
  ...Object.entries(KIND_BY_KEYWORD).flatMap(([name, { kinds }]) => Object.values(kinds).map((k): [string, string] => [name, k])),
  ...Object.entries(KIND_BY_FIRST_ARGUMENT).flatMap(([name, kinds]) => Object.values(kinds).map((k): [string, string] => [name, k])),
]) {
  const list = KIND_SOURCES.get(kindName);
  if (list) list.push(name);
  else KIND_SOURCES.set(kindName, [name]);
}

/** The kinds an object of a kind leads to: its methods' results, attributes, what calling it returns. */
const KINDS_PRODUCED = new Map<string, string[]>(
  Object.keys({ ...METHODS, ...ATTRIBUTES, ...CALL_RESULTS, ...CAPITALIZED_METHODS }).map((k) => [
    k,
    [...Object.values(METHODS[k] ?? {}), ...Object.values(ATTRIBUTES[k] ?? {}), CALL_RESULTS[k], CAPITALIZED_METHODS[k]].filter((p): p is string => !!p),
  ]),
);

/**
 * The blocking method names worth a look in this file: those of the kinds its imports can
 * build (a `requests.Session` needs `requests`; files are always reachable through `open`),
 * and of the kinds their methods return. Spares kind inference on every `dict.get()`.
 */
function reachableMethods(facts: SemanticFacts): { has(name: string): boolean } {
  const cache = cacheOf(facts);
  if (cache.reachableMethods) return cache.reachableMethods;
  const kinds = new Set<string>();
  for (const [kindName, names] of KIND_SOURCES) if (facts.mayResolveTo(names)) kinds.add(kindName);
  for (let grew = true; grew; ) {
    grew = false;
    for (const kindName of [...kinds]) {
      for (const produced of KINDS_PRODUCED.get(kindName) ?? []) {
        if (!kinds.has(produced)) {
          kinds.add(produced);
          grew = true;
        }
      }
    }
  }
  const names = new Set<string>();
  for (const kindName of kinds) for (const name of Object.keys(METHOD_SPECS[kindName] ?? {})) names.add(name);
  // A boto3 client reachable: any lowercase method name may block.
  const anyLowercase = [...kinds].some((k) => ANY_METHOD_SPECS[k]);
  cache.reachableMethods = anyLowercase ? { has: (name) => names.has(name) || /^[a-z]/.test(name) } : names;
  return cache.reachableMethods;
}

/** The blocking calls of one rule made directly in coroutines, in document order. */
export function blockingCallsInCoroutines(context: CheckContext, rule: string): BlockingHit[] {
  const hits: BlockingHit[] = [];
  for (const site of asyncCallSites(context.facts)) {
    const hit = blockingHit(context.facts, site);
    if (hit?.rule === rule && context.isSound(site.call)) hits.push(hit);
  }
  return hits;
}

// ---------------------------------------------------------------------------------------
// Same-file functions (for the call-graph rule)
// ---------------------------------------------------------------------------------------

/** Function scopes by the scope that binds their name and by name. */
function functionDefs(facts: SemanticFacts): Map<Scope, Map<string, Scope[]>> {
  const cache = cacheOf(facts);
  if (cache.functionDefs) return cache.functionDefs;
  const map = new Map<Scope, Map<string, Scope[]>>();
  for (const scope of facts.scopes) {
    if ((scope.kind !== 'function' && scope.kind !== 'class') || !scope.parent || !scope.name) continue;
    let byName = map.get(scope.parent);
    if (!byName) map.set(scope.parent, (byName = new Map()));
    const list = byName.get(scope.name);
    if (list) list.push(scope);
    else byName.set(scope.name, [scope]);
  }
  cache.functionDefs = map;
  return map;
}

/**
 * The same-file sync def a call invokes: `helper(...)` bound by exactly one `def` in the
 * scope Python finds it in, or `self.helper(...)` defined once in the method's class.
 * Undefined when anything else could bind the name (an import, an assignment, a second def)
 * or when the def is a coroutine.
 */
export function calledDefinition(facts: SemanticFacts, site: CallSite): Scope | undefined {
  const callee = site.callee;
  // Most calls name no def of this file: settle those without resolving any scope.
  const cache = cacheOf(facts);
  cache.definedNames ??= new Set(facts.scopes.filter((s) => s.kind === 'function' && !s.isAsync).map((s) => s.name));
  const called = callee.type === 'identifier' ? callee.text : callee.childForFieldName('attribute')?.text;
  if (!called || !cache.definedNames.has(called)) return undefined;
  if (callee.type === 'identifier') {
    const name = callee.text;
    facts.localBinding(callee); // makes sure bindings are collected
    for (let scope: Scope | undefined = facts.scopeOf(callee); scope; scope = scope.parent) {
      if (scope.kind === 'class' && scope !== facts.scopeOf(callee)) continue;
      if (!scope.bindings.has(name) && !scope.imports.has(name)) continue;
      return soleDefinition(facts, scope, name);
    }
    return undefined;
  }
  const object = callee.childForFieldName('object');
  const name = callee.childForFieldName('attribute')?.text;
  if (!object || !name) return undefined;
  const owner = selfClassOf(facts, object);
  return owner ? soleDefinition(facts, owner, name) : undefined;
}

function soleDefinition(facts: SemanticFacts, scope: Scope, name: string): Scope | undefined {
  // A def's own name counts among the scope's opaque bindings, so `opaque` cannot rule out a
  // def; a second def or class of the name, an import, an assignment or a parameter can.
  if (scope.imports.has(name) || scope.assignments.has(name) || scope.parameters.has(name)) return undefined;
  const defs = functionDefs(facts).get(scope)?.get(name);
  if (!defs || defs.length !== 1 || defs[0].kind !== 'function') return undefined;
  return defs[0];
}

// ---------------------------------------------------------------------------------------
// Reporting blocking calls
// ---------------------------------------------------------------------------------------

export interface BlockingReportOptions {
  /** Fixes offered before the off-thread one (a native async API), best first. */
  fixes?(hit: BlockingHit, library: AsyncLibrary | undefined): OfferedFix[];
  /** False when moving the call to a thread would hide the problem or break it. */
  offThread?(hit: BlockingHit): boolean;
  /** Markdown after the code of the first fix: the real cure, what to watch for. */
  advice?(hit: BlockingHit, library: AsyncLibrary | undefined): string | undefined;
}

/** Reports every call of the rule made in a coroutine, with its fixes and hover. */
export function reportBlockingCalls(context: CheckContext, rule: string, options: BlockingReportOptions = {}): void {
  const library = asyncLibraryOf(context.facts);
  for (const hit of blockingCallsInCoroutines(context, rule)) {
    const offered = [...(options.fixes?.(hit, library) ?? [])];
    const off = options.offThread?.(hit) === false ? undefined : offThreadFix(context, hit.site, library);
    if (off) offered.push(off);
    const parts = [offered[0] ? pythonBlock(offered[0].text) : '', options.advice?.(hit, library) ?? ''].filter(Boolean);
    context.report({
      node: hit.site.call,
      data: callData(hit.site),
      fixes: offered.map((o) => o.fix),
      suggestion: parts.length ? parts.join('\n') : undefined,
      peer: hit.peer,
    });
  }
}
