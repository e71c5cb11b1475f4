// Where the async family looks: the calls that run inside coroutines (or anywhere, by name),
// their arguments, and the event-loop library the file runs on. Computed lazily and cached
// per analysis (one SemanticFacts), so ten rules asking cost one pass.
import { Query, type Language, type Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../facts';
import { callsSpelled } from '../../call-search';
import { QUERY_OPTIONS } from '../../query-limits';
import { perAnalysis } from '../../memo';
import { keywordValue } from '../../call-arguments';

// ---------------------------------------------------------------------------------------
// The async library a file runs on
// ---------------------------------------------------------------------------------------

export type AsyncLibrary = 'asyncio' | 'anyio' | 'trio';

/**
 * The event-loop library a fix may call: anyio when imported (it runs on asyncio and trio
 * alike), trio when imported without asyncio, asyncio when neither trio nor anyio is.
 * Undefined when the file mixes trio and asyncio: no fix can know which loop runs it.
 */
export function asyncLibraryOf(facts: SemanticFacts): AsyncLibrary | undefined {
  if (facts.importsModule('anyio')) return 'anyio';
  if (facts.importsModule('trio')) return facts.importsModule('asyncio') ? undefined : 'trio';
  return 'asyncio';
}

// ---------------------------------------------------------------------------------------
// Call sites
// ---------------------------------------------------------------------------------------

export interface CallSite {
  call: Node;
  /** The called expression: an identifier or an attribute. */
  callee: Node;
  /** The argument list, or a bare generator expression (`f(x for x in y)`). */
  args: Node;
  /** The function scope the call runs in. */
  scope: Scope;
}

const CALL_QUERY = `(call
  function: [(identifier) (attribute)] @callee
  arguments: [(argument_list) (generator_expression)] @args) @call`;

interface LanguageQueries {
  calls: Query;
}

// Compiled once per grammar and kept for the life of the process (like the engine's own).
const compiled = new WeakMap<Language, LanguageQueries>();

export function queriesFor(language: Language): LanguageQueries {
  let queries = compiled.get(language);
  if (!queries) {
    queries = { calls: new Query(language, CALL_QUERY) };
    compiled.set(language, queries);
  }
  return queries;
}

/** Per-analysis memory, keyed by the SemanticFacts of one parse. */
interface SiteCache {
  asyncSites?: CallSite[];
  ownSites: Map<number, CallSite[]>;
  /** Local names the file's imports bind anywhere. */
  importedNames?: Set<string>;
}

const cacheOf = perAnalysis<SiteCache>(() => ({ ownSites: new Map() }));

function sitesIn(facts: SemanticFacts, node: Node, keep: (scope: Scope) => boolean, rows?: [number, number]): CallSite[] {
  const sites: CallSite[] = [];
  const options = rows ? { ...QUERY_OPTIONS, startPosition: { row: rows[0], column: 0 }, endPosition: { row: rows[1] + 1, column: 0 } } : QUERY_OPTIONS;
  for (const match of queriesFor(facts.tree.language).calls.matches(node, options)) {
    const get = (name: string) => match.captures.find((c) => c.name === name)?.node;
    const call = get('call');
    const callee = get('callee');
    const args = get('args');
    if (!call || !callee || !args) continue;
    const scope = facts.scopeOf(call);
    if (keep(scope)) sites.push({ call, callee, args, scope });
  }
  return sites;
}

/**
 * Every call whose nearest enclosing def is `async def` (a sync def, lambda or class body
 * stops it), in document order. Only the lines from the first coroutine to the last are
 * searched, in one query: a file without `async def` costs nothing.
 */
export function asyncCallSites(facts: SemanticFacts): CallSite[] {
  const cache = cacheOf(facts);
  if (cache.asyncSites) return cache.asyncSites;
  let first = Infinity;
  let last = -1;
  for (const scope of facts.scopes) {
    if (!isCoroutine(scope)) continue;
    first = Math.min(first, scope.node.startPosition.row);
    last = Math.max(last, scope.node.endPosition.row);
  }
  cache.asyncSites = last < 0 ? [] : sitesIn(facts, facts.tree.rootNode, isCoroutine, [first, last]);
  return cache.asyncSites;
}

/**
 * The calls of the file, wherever they run, whose function is `name(...)` or `x.name(...)`
 * for one of `names` — found by searching the text, then the tree at each hit, so rare names
 * cost no traversal. For rules that look outside coroutines too.
 */
export function callsNamed(facts: SemanticFacts, text: string, names: readonly string[]): CallSite[] {
  return callsSpelled(facts, text, names).map((site) => ({ ...site, scope: facts.scopeOf(site.call) }));
}

/** The calls a function's own body makes (not those of nested defs and lambdas). */
export function ownCallSites(facts: SemanticFacts, scope: Scope): CallSite[] {
  const cache = cacheOf(facts);
  const known = cache.ownSites.get(scope.node.id);
  if (known) return known;
  const body = scope.node.childForFieldName('body');
  const sites = body ? sitesIn(facts, body, (s) => s === scope) : [];
  cache.ownSites.set(scope.node.id, sites);
  return sites;
}

export function isCoroutine(scope: Scope): boolean {
  return scope.kind === 'function' && scope.isAsync;
}

/** The name of the method an attribute callee calls (`get` in `session.get(...)`). */
export function methodOf(site: CallSite): string | undefined {
  return site.callee.type === 'attribute' ? site.callee.childForFieldName('attribute')?.text : undefined;
}

export function receiverOf(site: CallSite): Node | undefined {
  return site.callee.type === 'attribute' ? (site.callee.childForFieldName('object') ?? undefined) : undefined;
}

/** Named children of an argument list other than comments. */
export function argumentsOf(site: CallSite): Node[] {
  if (site.args.type === 'generator_expression') return [site.args];
  return site.args.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
}

export function positionalArguments(site: CallSite): Node[] {
  return argumentsOf(site).filter((a) => a.type !== 'keyword_argument' && a.type !== 'dictionary_splat');
}

export function keywordArgument(site: CallSite, name: string): Node | undefined {
  return site.args.type === 'argument_list' ? keywordValue(site.args, name) : undefined;
}

/** True when the argument list has `*x` or `**x`: its positions and keywords are unknown. */
export function hasSplat(site: CallSite): boolean {
  return argumentsOf(site).some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat');
}

/** The argument at a position or under a keyword, when the call spells it out. */
export function argumentAt(site: CallSite, position: number, keyword: string): Node | undefined {
  const byKeyword = keywordArgument(site, keyword);
  if (byKeyword) return byKeyword;
  const positional = positionalArguments(site);
  for (let i = 0; i <= position && i < positional.length; i++) if (positional[i].type === 'list_splat') return undefined;
  return positional[position];
}


/** Builtins a blocking rule looks for (`open`, `input`): the only unimported names worth resolving. */
const BLOCKING_BUILTINS = new Set(['open', 'input']);

/**
 * facts.resolve() of an expression, skipped (undefined) when its leftmost name is neither
 * bound by an import anywhere in the file nor a builtin the rules look for: resolution could
 * then only fail, and skipping it spares every `self.x()` and `print()` the scope walk.
 */
export function resolveImported(facts: SemanticFacts, node: Node, builtins: ReadonlySet<string> = BLOCKING_BUILTINS): string | undefined {
  let base: Node | null = node;
  while (base?.type === 'attribute') base = base.childForFieldName('object');
  if (base?.type !== 'identifier') return undefined;
  const cache = cacheOf(facts);
  cache.importedNames ??= new Set(facts.imports.map((b) => b.local));
  if (!cache.importedNames.has(base.text) && !builtins.has(base.text)) return undefined;
  return facts.resolve(node);
}

