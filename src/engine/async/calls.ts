// What the async family's checks share (src/engine/checks/blocking-*-in-async.ts and the
// other async rules): the calls that run inside coroutines, what built the object a method
// is called on, which calls block the event loop and under which rule, the async library a
// file uses, and the fixes that move a blocking call off the loop. Everything is computed
// lazily and cached per analysis (one SemanticFacts), so ten rules asking cost one pass.
import { Query, type Language, type Node } from 'web-tree-sitter';
import type { CheckContext } from '../checks';
import type { Scope, SemanticFacts } from '../facts';
import { innerText } from '../template';
import type { Fix, TextEdit } from '../types';

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

const SELF_ATTRIBUTE_QUERY = `
(assignment left: (attribute object: (identifier) @object attribute: (identifier) @attribute) right: (_) @value)
(assignment left: (attribute object: (identifier) @object attribute: (identifier) @attribute) !right)
(augmented_assignment left: (attribute object: (identifier) @object attribute: (identifier) @attribute))
(pattern_list (attribute object: (identifier) @object attribute: (identifier) @attribute))
(tuple_pattern (attribute object: (identifier) @object attribute: (identifier) @attribute))
(list_pattern (attribute object: (identifier) @object attribute: (identifier) @attribute))
(as_pattern_target (attribute object: (identifier) @object attribute: (identifier) @attribute))
(for_statement left: (attribute object: (identifier) @object attribute: (identifier) @attribute))
`;

interface LanguageQueries {
  calls: Query;
  selfAttributes: Query;
}

// Compiled once per grammar and kept for the life of the process (like the engine's own).
const compiled = new WeakMap<Language, LanguageQueries>();

function queriesFor(language: Language): LanguageQueries {
  let queries = compiled.get(language);
  if (!queries) {
    queries = { calls: new Query(language, CALL_QUERY), selfAttributes: new Query(language, SELF_ATTRIBUTE_QUERY) };
    compiled.set(language, queries);
  }
  return queries;
}

/** Per-analysis memory, keyed by the SemanticFacts of one parse. */
interface AnalysisCache {
  asyncSites?: CallSite[];
  ownSites: Map<number, CallSite[]>;
  kinds: Map<number, string | null>;
  hits: Map<number, BlockingHit | null>;
  /** `self.<attr>` bindings per class: values, or null once any binding is opaque. */
  selfAttributes?: Map<string, Node[] | null>;
  functionDefs?: Map<Scope, Map<string, Scope[]>>;
  /** Names of blocking methods whose receiver kind this file can build at all. */
  reachableMethods?: Set<string>;
  /** Local names the file's imports bind anywhere. */
  importedNames?: Set<string>;
  /** Names of the file's sync defs. */
  definedNames?: Set<string>;
}

const caches = new WeakMap<SemanticFacts, AnalysisCache>();

function cacheOf(facts: SemanticFacts): AnalysisCache {
  let cache = caches.get(facts);
  if (!cache) {
    cache = { ownSites: new Map(), kinds: new Map(), hits: new Map() };
    caches.set(facts, cache);
  }
  return cache;
}

function sitesIn(facts: SemanticFacts, node: Node, keep: (scope: Scope) => boolean, rows?: [number, number]): CallSite[] {
  const sites: CallSite[] = [];
  const options = rows ? { startPosition: { row: rows[0], column: 0 }, endPosition: { row: rows[1] + 1, column: 0 } } : undefined;
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
  const sites: CallSite[] = [];
  const word = new RegExp(`\\b(?:${names.join('|')})\\b`, 'g');
  for (const match of text.matchAll(word)) {
    const identifier = facts.tree.rootNode.descendantForIndex(match.index!, match.index! + match[0].length);
    if (identifier?.type !== 'identifier' || identifier.text !== match[0]) continue;
    const parent = identifier.parent;
    const callee = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(identifier) ? parent : identifier;
    const call = callee.parent;
    const args = call?.childForFieldName('arguments');
    if (call?.type !== 'call' || !args || !call.childForFieldName('function')?.equals(callee)) continue;
    sites.push({ call, callee, args, scope: facts.scopeOf(call) });
  }
  return sites;
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
  for (const argument of argumentsOf(site)) {
    if (argument.type === 'keyword_argument' && argument.childForFieldName('name')?.text === name) {
      return argument.childForFieldName('value') ?? undefined;
    }
  }
  return undefined;
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

// ---------------------------------------------------------------------------------------
// What built an object: kinds
// ---------------------------------------------------------------------------------------
// A kind names what a value is, as far as the source shows: `requests.Session` for
// `s = requests.Session()`, `file` for `with open(p) as f`, `pathlib.Path` for
// `BASE / "x"`. Only constructors, annotations and a few methods known to return such
// objects count; anything else is unknown and never flagged.

export const FILE = 'file';
export const PATH = 'pathlib.Path';
export const LOOP = 'asyncio.AbstractEventLoop';

/** Calls that return an object of a kind. */
const CONSTRUCTORS: Record<string, string> = {};
/** Type annotations that declare a kind. */
const ANNOTATIONS: Record<string, string> = {};
/** Methods of a kind that return an object of another (or the same) kind. */
const METHODS: Record<string, Record<string, string>> = {};

function kind(name: string, constructors: string[], annotations: string[] = [], methods: Record<string, string> = {}): void {
  for (const c of constructors) CONSTRUCTORS[c] = name;
  for (const a of annotations) ANNOTATIONS[a] = name;
  METHODS[name] = { ...METHODS[name], ...methods };
}

const HTTP_VERBS = ['get', 'options', 'head', 'post', 'put', 'patch', 'delete', 'request'];

kind('requests.Session', ['requests.Session', 'requests.session', 'requests.sessions.Session', 'requests.sessions.session'], ['requests.Session', 'requests.sessions.Session']);
kind('httpx.Client', ['httpx.Client'], ['httpx.Client']);
kind(
  'urllib3.PoolManager',
  ['urllib3.PoolManager', 'urllib3.ProxyManager', 'urllib3.proxy_from_url', 'urllib3.HTTPConnectionPool', 'urllib3.HTTPSConnectionPool', 'urllib3.connection_from_url', 'urllib3.poolmanager.PoolManager', 'urllib3.connectionpool.HTTPConnectionPool', 'urllib3.connectionpool.HTTPSConnectionPool'],
  ['urllib3.PoolManager', 'urllib3.ProxyManager', 'urllib3.HTTPConnectionPool', 'urllib3.HTTPSConnectionPool', 'urllib3.poolmanager.PoolManager'],
);
kind('http.client.HTTPConnection', ['http.client.HTTPConnection', 'http.client.HTTPSConnection'], ['http.client.HTTPConnection', 'http.client.HTTPSConnection']);
kind('urllib.request.OpenerDirector', ['urllib.request.build_opener', 'urllib.request.OpenerDirector'], ['urllib.request.OpenerDirector']);
kind('subprocess.Popen', ['subprocess.Popen'], ['subprocess.Popen']);
kind(
  FILE,
  ['builtins.open', 'io.open', 'io.open_code', 'os.fdopen', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open', 'tempfile.TemporaryFile', 'tempfile.NamedTemporaryFile'],
  ['io.TextIOWrapper', 'io.BufferedReader', 'io.BufferedWriter', 'io.BufferedRandom', 'io.FileIO'],
);
kind(
  PATH,
  ['pathlib.Path', 'pathlib.PosixPath', 'pathlib.WindowsPath', 'pathlib.Path.cwd', 'pathlib.Path.home'],
  ['pathlib.Path', 'pathlib.PosixPath', 'pathlib.WindowsPath'],
  Object.fromEntries(['with_suffix', 'with_name', 'with_stem', 'joinpath', 'resolve', 'absolute', 'expanduser', 'relative_to'].map((m) => [m, PATH])),
);
METHODS[PATH].open = FILE;
kind('socket.socket', ['socket.socket', 'socket.create_connection', 'socket.fromfd'], ['socket.socket']);
kind(
  'db.Connection',
  ['sqlite3.connect', 'psycopg2.connect', 'psycopg.connect', 'psycopg.Connection.connect', 'pymysql.connect', 'MySQLdb.connect', 'mysql.connector.connect'],
  ['sqlite3.Connection', 'psycopg2.extensions.connection', 'psycopg.Connection', 'pymysql.connections.Connection'],
  { cursor: 'db.Cursor', execute: 'db.Cursor', executemany: 'db.Cursor', executescript: 'db.Cursor' },
);
kind('db.Cursor', [], ['sqlite3.Cursor', 'psycopg2.extensions.cursor', 'psycopg.Cursor'], { execute: 'db.Cursor', executemany: 'db.Cursor', executescript: 'db.Cursor' });
kind('threading.Lock', ['threading.Lock', 'threading.Semaphore', 'threading.BoundedSemaphore', 'multiprocessing.Lock', 'multiprocessing.Semaphore', 'multiprocessing.BoundedSemaphore'], ['threading.Lock', 'threading.Semaphore', 'threading.BoundedSemaphore']);
kind('threading.RLock', ['threading.RLock', 'threading.Condition', 'multiprocessing.RLock', 'multiprocessing.Condition'], ['threading.RLock', 'threading.Condition']);
kind('threading.Event', ['threading.Event', 'threading.Barrier', 'multiprocessing.Event', 'multiprocessing.Barrier'], ['threading.Event', 'threading.Barrier']);
kind('threading.Thread', ['threading.Thread', 'threading.Timer', 'multiprocessing.Process'], ['threading.Thread', 'multiprocessing.Process']);
kind(
  'queue.Queue',
  ['queue.Queue', 'queue.LifoQueue', 'queue.PriorityQueue', 'queue.SimpleQueue', 'multiprocessing.Queue', 'multiprocessing.JoinableQueue', 'multiprocessing.SimpleQueue'],
  ['queue.Queue', 'queue.LifoQueue', 'queue.PriorityQueue', 'queue.SimpleQueue'],
);
kind(
  'concurrent.futures.Executor',
  ['concurrent.futures.ThreadPoolExecutor', 'concurrent.futures.ProcessPoolExecutor'],
  ['concurrent.futures.Executor', 'concurrent.futures.ThreadPoolExecutor', 'concurrent.futures.ProcessPoolExecutor'],
  { submit: 'concurrent.futures.Future' },
);
kind('concurrent.futures.Future', [], ['concurrent.futures.Future']);
kind(LOOP, ['asyncio.get_event_loop', 'asyncio.get_running_loop', 'asyncio.new_event_loop'], ['asyncio.AbstractEventLoop', 'asyncio.BaseEventLoop']);

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
    for (const match of queriesFor(facts.tree.language).selfAttributes.matches(facts.tree.rootNode)) {
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

// ---------------------------------------------------------------------------------------
// Blocking calls, by rule
// ---------------------------------------------------------------------------------------

export const RULES = {
  sleep: 'blocking-sleep-in-async',
  http: 'blocking-http-call-in-async',
  subprocess: 'blocking-subprocess-in-async',
  processWait: 'blocking-process-wait-in-async',
  open: 'blocking-open-in-async',
  fileMethod: 'blocking-file-method-in-async',
  path: 'blocking-path-call-in-async',
  input: 'blocking-input-in-async',
  socket: 'blocking-socket-call-in-async',
  database: 'blocking-database-call-in-async',
  threadWait: 'blocking-thread-wait-in-async',
} as const;

export interface BlockingHit {
  rule: string;
  site: CallSite;
  /** The qualified function (`requests.get`), or `<kind>.<method>` for a method call. */
  name: string;
  /** The receiver's kind, for method calls. */
  kind?: string;
}

interface BlockingSpec {
  rule: string;
  /** Looks at the arguments (timeouts, non-blocking flags, file arguments): false = does not block. */
  blocks?: (facts: SemanticFacts, site: CallSite) => boolean;
}

const FUNCTIONS = new Map<string, BlockingSpec>();
const METHOD_SPECS: Record<string, Record<string, BlockingSpec>> = {};

/** The last segment of every blocking function's name (`sleep` for `time.sleep`). */
const FUNCTION_LAST_NAMES = new Set<string>();

function functions(rule: string, names: string[], blocks?: BlockingSpec['blocks']): void {
  for (const name of names) {
    FUNCTIONS.set(name, { rule, blocks });
    FUNCTION_LAST_NAMES.add(name.slice(name.lastIndexOf('.') + 1));
  }
}

function methods(rule: string, kinds: string[], names: string[], blocks?: BlockingSpec['blocks']): void {
  for (const kindName of kinds) {
    METHOD_SPECS[kindName] ??= {};
    for (const name of names) {
      METHOD_SPECS[kindName][name] = { rule, blocks };
    }
  }
}

const isFalse = (node: Node | undefined) => !!node && (node.type === 'false' || (node.type === 'integer' && node.text === '0'));
const isZero = (node: Node | undefined) => !!node && (node.type === 'integer' || node.type === 'float') && Number(node.text) === 0;
/** Blocks unless a timeout (bounded wait) is given at the position or keyword. */
const withoutTimeout = (position: number) => (_facts: SemanticFacts, site: CallSite) =>
  !hasSplat(site) && !argumentAt(site, position, 'timeout');
/** A sync file object passed at the position or keyword (not a direct `open(...)`, reported itself). */
const fileArgument = (position: number, keyword: string) => (facts: SemanticFacts, site: CallSite) => {
  const argument = argumentAt(site, position, keyword);
  return !!argument && argument.type !== 'call' && kindOf(facts, argument) === FILE;
};

functions(RULES.sleep, ['time.sleep']);

functions(RULES.http, [
  ...HTTP_VERBS.map((v) => `requests.${v}`),
  ...HTTP_VERBS.map((v) => `requests.api.${v}`),
  ...HTTP_VERBS.map((v) => `httpx.${v}`),
  'httpx.stream',
  'urllib.request.urlopen',
  'urllib.request.urlretrieve',
  'urllib3.request',
]);
methods(RULES.http, ['requests.Session'], [...HTTP_VERBS, 'send']);
methods(RULES.http, ['httpx.Client'], [...HTTP_VERBS, 'send', 'stream']);
methods(RULES.http, ['urllib3.PoolManager'], ['request', 'urlopen', 'request_encode_url', 'request_encode_body']);
methods(RULES.http, ['http.client.HTTPConnection'], ['request', 'getresponse', 'connect', 'send', 'endheaders']);
methods(RULES.http, ['urllib.request.OpenerDirector'], ['open']);

const SPAWN = ['spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe'];
functions(RULES.subprocess, [
  ...['run', 'call', 'check_call', 'check_output', 'getoutput', 'getstatusoutput', 'Popen'].map((f) => `subprocess.${f}`),
  ...['system', 'popen', 'posix_spawn', 'posix_spawnp', ...SPAWN].map((f) => `os.${f}`),
]);

// `os.WNOHANG` in the options makes the wait a poll that returns at once.
functions(RULES.processWait, ['os.wait', 'os.wait3', 'os.wait4', 'os.waitid', 'os.waitpid'], (_facts, site) =>
  !hasSplat(site) && !argumentsOf(site).some((a) => /\bWNOHANG\b/.test(a.text)));
methods(RULES.processWait, ['subprocess.Popen'], ['wait', 'communicate']);

functions(RULES.open, ['builtins.open', 'io.open', 'io.open_code', 'os.open', 'os.fdopen', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open', 'tempfile.TemporaryFile', 'tempfile.NamedTemporaryFile']);
methods(RULES.open, [PATH], ['open']);

methods(RULES.fileMethod, [FILE], ['read', 'read1', 'readinto', 'readline', 'readlines', 'write', 'writelines', 'flush', 'seek', 'truncate'], (_facts, site) => receiverOf(site)?.type !== 'call');
functions(RULES.fileMethod, ['json.load', 'pickle.load', 'marshal.load', 'tomllib.load', 'yaml.safe_load', 'yaml.load', 'yaml.full_load'], fileArgument(0, 'fp'));
functions(RULES.fileMethod, ['json.dump', 'pickle.dump', 'marshal.dump'], fileArgument(1, 'fp'));
functions(RULES.fileMethod, ['yaml.dump', 'yaml.safe_dump'], fileArgument(1, 'stream'));
functions(RULES.fileMethod, ['shutil.copyfileobj'], (facts, site) => fileArgument(0, 'fsrc')(facts, site) || fileArgument(1, 'fdst')(facts, site));

functions(RULES.path, [
  ...['exists', 'lexists', 'isfile', 'isdir', 'islink', 'ismount', 'getsize', 'getmtime', 'getatime', 'getctime', 'samefile', 'sameopenfile', 'realpath'].map((f) => `os.path.${f}`),
  ...['listdir', 'scandir', 'walk', 'stat', 'lstat', 'remove', 'unlink', 'rename', 'renames', 'replace', 'makedirs', 'mkdir', 'rmdir', 'removedirs', 'chmod', 'chown', 'utime', 'link', 'symlink', 'readlink', 'truncate', 'access'].map((f) => `os.${f}`),
  ...['copy', 'copy2', 'copyfile', 'copymode', 'copystat', 'copytree', 'move', 'rmtree', 'make_archive', 'unpack_archive', 'disk_usage', 'chown'].map((f) => `shutil.${f}`),
  'glob.glob',
]);
const PATH_METHODS = [
  'exists', 'is_file', 'is_dir', 'is_symlink', 'is_mount', 'is_socket', 'is_fifo', 'is_block_device', 'is_char_device',
  'stat', 'lstat', 'read_text', 'read_bytes', 'write_text', 'write_bytes', 'touch', 'mkdir', 'rmdir', 'unlink', 'rename',
  'replace', 'iterdir', 'glob', 'rglob', 'samefile', 'chmod', 'lchmod', 'owner', 'group', 'readlink', 'symlink_to',
  'hardlink_to', 'walk',
];
methods(RULES.path, [PATH], PATH_METHODS);

functions(RULES.input, ['builtins.input']);

functions(RULES.socket, ['gethostbyname', 'gethostbyname_ex', 'gethostbyaddr', 'getfqdn', 'create_connection'].map((f) => `socket.${f}`));
// No lookup happens for a numeric address, or when the flags forbid one (AI_NUMERICHOST…).
const NUMERIC_ADDRESS = /^[rRbBuU]?(['"])(?:[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)\1$/;
functions(RULES.socket, ['socket.getaddrinfo'], (_facts, site) => {
  const host = argumentAt(site, 0, 'host');
  const flags = argumentAt(site, 5, 'flags');
  return !hasSplat(site) && !(host && (host.type === 'none' || NUMERIC_ADDRESS.test(host.text))) && !/NUMERIC/.test(flags?.text ?? '');
});
functions(RULES.socket, ['socket.getnameinfo'], (_facts, site) => !hasSplat(site) && !/NUMERICHOST/.test(argumentAt(site, 1, 'flags')?.text ?? ''));
methods(
  RULES.socket,
  ['socket.socket'],
  ['connect', 'connect_ex', 'accept', 'recv', 'recv_into', 'recvfrom', 'recvfrom_into', 'recvmsg', 'send', 'sendall', 'sendto', 'sendmsg', 'sendfile'],
  (facts, site) => socketBlocks(facts, site),
);

functions(RULES.database, ['sqlite3.connect', 'psycopg2.connect', 'psycopg.connect', 'psycopg.Connection.connect', 'pymysql.connect', 'MySQLdb.connect', 'mysql.connector.connect']);
methods(RULES.database, ['db.Connection'], ['execute', 'executemany', 'executescript', 'commit', 'rollback']);
methods(RULES.database, ['db.Cursor'], ['execute', 'executemany', 'executescript', 'fetchone', 'fetchmany', 'fetchall', 'callproc']);

/** Blocks unless told not to (`acquire(False)`, `get(block=False)`) or bounded by a timeout. */
const waitsUnbounded = (flag: string) => (_facts: SemanticFacts, site: CallSite) =>
  !hasSplat(site) && !isFalse(argumentAt(site, 0, flag)) && !argumentAt(site, 1, 'timeout');
methods(RULES.threadWait, ['threading.Lock', 'threading.RLock'], ['acquire'], waitsUnbounded('blocking'));
methods(RULES.threadWait, ['threading.RLock'], ['wait'], withoutTimeout(0));
methods(RULES.threadWait, ['threading.RLock'], ['wait_for'], withoutTimeout(1));
methods(RULES.threadWait, ['threading.Event'], ['wait'], withoutTimeout(0));
methods(RULES.threadWait, ['threading.Thread'], ['join'], withoutTimeout(0));
methods(RULES.threadWait, ['concurrent.futures.Future'], ['result', 'exception'], withoutTimeout(0));
methods(RULES.threadWait, ['queue.Queue'], ['get'], waitsUnbounded('block'));
methods(RULES.threadWait, ['queue.Queue'], ['join']);
methods(RULES.threadWait, ['concurrent.futures.Executor'], ['shutdown'], (_facts, site) => !hasSplat(site) && !isFalse(argumentAt(site, 0, 'wait')));

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

function computeHit(facts: SemanticFacts, site: CallSite): BlockingHit | undefined {
  const method = methodOf(site);
  // `x.gather(...)`: no blocking function or reachable method ends so; nothing to resolve.
  if (method && !FUNCTION_LAST_NAMES.has(method) && !reachableMethods(facts).has(method)) return undefined;
  const qualified = resolveImported(facts, site.callee);
  if (qualified) {
    const spec = FUNCTIONS.get(qualified);
    if (spec && (!spec.blocks || spec.blocks(facts, site))) return { rule: spec.rule, site, name: qualified };
    return undefined;
  }
  const receiver = receiverOf(site);
  if (!method || !receiver || !reachableMethods(facts).has(method)) return undefined;
  const receiverKind = kindOf(facts, receiver);
  const spec = receiverKind ? METHOD_SPECS[receiverKind]?.[method] : undefined;
  if (!spec || (spec.blocks && !spec.blocks(facts, site))) return undefined;
  return { rule: spec.rule, site, name: `${receiverKind}.${method}`, kind: receiverKind };
}

/**
 * The blocking method names worth a look in this file: those of the kinds its imports can
 * build (a `requests.Session` needs `requests`; files are always reachable through `open`),
 * and of the kinds their methods return. Spares kind inference on every `dict.get()`.
 */
function reachableMethods(facts: SemanticFacts): Set<string> {
  const cache = cacheOf(facts);
  if (cache.reachableMethods) return cache.reachableMethods;
  const kinds = new Set<string>();
  const sources = new Map<string, string[]>();
  for (const [name, kindName] of [...Object.entries(CONSTRUCTORS), ...Object.entries(ANNOTATIONS)]) {
    const list = sources.get(kindName);
    if (list) list.push(name);
    else sources.set(kindName, [name]);
  }
  for (const [kindName, names] of sources) if (facts.mayResolveTo(names)) kinds.add(kindName);
  for (let grew = true; grew; ) {
    grew = false;
    for (const kindName of [...kinds]) {
      for (const produced of Object.values(METHODS[kindName] ?? {})) {
        if (!kinds.has(produced)) {
          kinds.add(produced);
          grew = true;
        }
      }
    }
  }
  const names = new Set<string>();
  for (const kindName of kinds) for (const name of Object.keys(METHOD_SPECS[kindName] ?? {})) names.add(name);
  cache.reachableMethods = names;
  return names;
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
// Fixes
// ---------------------------------------------------------------------------------------

/**
 * The name to write for a qualified target from a node's scope, with the import edit it
 * needs: `to_thread` after `from asyncio import to_thread`, `aio.to_thread` after
 * `import asyncio as aio`, else `asyncio.to_thread` plus `import asyncio`.
 */
export function referenceTo(context: CheckContext, at: Node, target: string): { name: string; edits: TextEdit[] } {
  const facts = context.facts;
  const scope = facts.scopeOf(at);
  const parts = target.split('.');
  for (let i = parts.length; i >= 1; i--) {
    const prefix = parts.slice(0, i).join('.');
    for (const binding of facts.imports) {
      if (binding.qualified === prefix && facts.lookup(binding.local, scope) === prefix) {
        return { name: [binding.local, ...parts.slice(i)].join('.'), edits: [] };
      }
    }
  }
  // anyio only guarantees `anyio.to_thread` after importing that submodule.
  const module = target.startsWith('anyio.to_thread.') ? 'anyio.to_thread' : parts[0];
  const reference = context.moduleReference(module);
  const rest = target.slice(module.length);
  return { name: `${reference.name}${rest}`, edits: reference.edit ? [reference.edit] : [] };
}

/** Collects edits of several references, dropping repeated import edits. */
export class EditSet {
  readonly edits: TextEdit[] = [];
  constructor(private readonly context: CheckContext) {}

  ref(at: Node, target: string): string {
    const { name, edits } = referenceTo(this.context, at, target);
    for (const edit of edits) if (!this.edits.some((e) => e.start === edit.start && e.end === edit.end && e.newText === edit.newText)) this.edits.push(edit);
    return name;
  }

  add(edit: TextEdit): void {
    this.edits.push(edit);
  }
}

/**
 * False where `await` cannot replace an expression without changing its meaning: inside a
 * generator expression (it would become an async generator), or where it is already awaited.
 */
export function canAwaitAt(node: Node): boolean {
  if (node.parent?.type === 'await') return false;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'generator_expression') return false;
    if (current.type === 'function_definition' || current.type === 'lambda' || current.type === 'class_definition') return true;
  }
  return true;
}

/** `await x` binds looser than `.attr`, `[i]` and `(…)`: brackets it there. */
export function awaitExpression(node: Node, text: string): string {
  const parent = node.parent;
  if (!parent) return text;
  const slot =
    parent.type === 'attribute' ? 'object' : parent.type === 'subscript' ? 'value' : parent.type === 'call' ? 'function' : undefined;
  return slot !== undefined && parent.childForFieldName(slot)?.equals(node) === true ? `(${text})` : text;
}

/** `(callee, args)` from a call's own text, keeping its layout: `fn, a, k=v` or, multi-line, `\n    fn,\n    a,\n`. */
export function prependArgument(site: CallSite, first: string): string {
  if (site.args.type === 'generator_expression') return `(${first}, ${site.args.text})`;
  const inner = innerText(site.args);
  if (!inner.trim()) return `(${first})`;
  const lead = /^\s*/.exec(inner)![0];
  if (lead.includes('\n')) return `(${lead}${first},${inner})`;
  // `f(  # comment` keeps the comment where it was, after the new first argument.
  if (inner.startsWith('#', lead.length)) return `(${first},${inner})`;
  return `(${first}, ${inner.slice(lead.length)})`;
}

export interface OfferedFix {
  fix: Fix;
  /** The code the fix writes, shown in the hover. */
  text: string;
}

/**
 * Moves a blocking call to a worker thread, keeping its arguments and keywords exactly:
 * `await asyncio.to_thread(fn, *args, **kwargs)`, `await anyio.to_thread.run_sync(fn, *args)`
 * or `await trio.to_thread.run_sync(fn, *args)` — with `functools.partial` when there are
 * keywords, which `run_sync` does not forward. Before Python 3.9, `asyncio.to_thread` does not
 * exist: `loop.run_in_executor(None, …)` is used instead. Always unsafe: the call now runs
 * on another thread (thread-local state, objects bound to the loop's thread) and cannot be
 * interrupted when the task is cancelled.
 */
export function offThreadFix(context: CheckContext, site: CallSite, library = asyncLibraryOf(context.facts)): OfferedFix | undefined {
  if (!library || !canAwaitAt(site.call) || !context.isSound(site.call)) return undefined;
  const edits = new EditSet(context);
  const callee = site.callee.text;
  const keywords = argumentsOf(site).some((a) => a.type === 'keyword_argument' || a.type === 'dictionary_splat');
  const more = argumentsOf(site).length ? ', …' : '';
  let text: string;
  let shown: string;
  if (library === 'asyncio' && !olderThan(context, [3, 9])) {
    const toThread = edits.ref(site.call, 'asyncio.to_thread');
    text = `await ${toThread}${prependArgument(site, callee)}`;
    shown = `${toThread}(${oneLine(callee, 30)}${more})`;
  } else {
    const runner =
      library === 'asyncio'
        ? `${edits.ref(site.call, 'asyncio.get_running_loop')}().run_in_executor`
        : edits.ref(site.call, `${library}.to_thread.run_sync`);
    const lead = library === 'asyncio' ? 'None, ' : '';
    if (keywords) {
      const partial = edits.ref(site.call, 'functools.partial');
      text = `await ${runner}(${lead}${partial}${prependArgument(site, callee)})`;
      shown = `${runner}(${lead}${partial}(${oneLine(callee, 30)}${more}))`;
    } else {
      text = `await ${runner}${prependArgument(site, `${lead}${callee}`)}`;
      shown = `${runner}(${lead}${oneLine(callee, 30)}${more})`;
    }
  }
  text = awaitExpression(site.call, text);
  edits.add({ start: site.call.startIndex, end: site.call.endIndex, newText: text });
  return {
    fix: { title: `Run in a worker thread: \`await ${shown}\``, safety: 'unsafe', edits: edits.edits },
    text,
  };
}

function olderThan(context: CheckContext, version: readonly [number, number]): boolean {
  const [major, minor] = context.facts.targetVersion;
  return major < version[0] || (major === version[0] && minor < version[1]);
}

/** A one-line version of a call's text, for messages. */
export function oneLine(text: string, max = 60): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function pythonBlock(code: string): string {
  return `\`\`\`python\n${code}\n\`\`\`\n`;
}

/** The indentation of the line a node starts on, when the node is the first thing on it. */
export function statementIndent(text: string, node: Node): string | undefined {
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  const before = text.slice(lineStart, node.startIndex);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The standard data of a blocking-call finding: the callee as written and the coroutine. */
export function callData(site: CallSite, extra: Record<string, string> = {}): Record<string, string> {
  return { callee: oneLine(site.callee.text), $function: site.scope.name, ...extra };
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
    });
  }
}
