// The async family's tables, as data: what builds an object of each kind (kinds.ts reads
// them), and which functions and methods block the event loop, under which rule and on
// which condition (blocking.ts reads them). Add a blocking API here; no logic changes.
import { LLM_CLIENT_CLASSES, LLM_RESOURCE_METHODS, type LlmSdk } from '../../llm-sdks';

export const FILE = 'file';
export const PATH = 'pathlib.Path';
export const LOOP = 'asyncio.AbstractEventLoop';

// ---- Kinds: what built an object ----

/** Calls that return an object of a kind. */
export const CONSTRUCTORS: Record<string, string> = {};
/** Type annotations that declare a kind. */
export const ANNOTATIONS: Record<string, string> = {};
/** Methods of a kind that return an object of another (or the same) kind. */
export const METHODS: Record<string, Record<string, string>> = {};
/** Kinds whose every capitalised method builds an object of a kind (boto3's `s3.Bucket(name)`). */
export const CAPITALIZED_METHODS: Record<string, string> = {};
/** Attributes of a kind that hold an object of another kind (`client.chat` of an OpenAI client). */
export const ATTRIBUTES: Record<string, Record<string, string>> = {};
/** Kinds of callable objects, and what calling one returns (`SessionLocal()`). */
export const CALL_RESULTS: Record<string, string> = {};
/**
 * Constructors whose kind a keyword decides: `sessionmaker(class_=AsyncSession)` makes async
 * sessions. The keyword's value is looked up in `kinds` (unknown there: unknown kind); without
 * it, CONSTRUCTORS says; with more positional arguments than `positionalBefore`, unknown.
 */
export const KIND_BY_KEYWORD: Record<string, { keyword: string; positionalBefore: number; kinds: Record<string, string> }> = {};
/** Constructors whose kind is decided by the kind of their first argument (`scoped_session(SessionLocal)`). */
export const KIND_BY_FIRST_ARGUMENT: Record<string, Record<string, string>> = {};

function kind(name: string, constructors: string[], annotations: string[] = [], methods: Record<string, string> = {}): void {
  for (const c of constructors) CONSTRUCTORS[c] = name;
  for (const a of annotations) ANNOTATIONS[a] = name;
  METHODS[name] = { ...METHODS[name], ...methods };
}

const HTTP_VERBS = ['get', 'options', 'head', 'post', 'put', 'patch', 'delete', 'request'];
const FILE_OPENERS = ['builtins.open', 'io.open', 'io.open_code', 'os.fdopen', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open', 'tempfile.TemporaryFile', 'tempfile.NamedTemporaryFile'];
const DATABASE_CONNECTS = ['sqlite3.connect', 'psycopg2.connect', 'psycopg.connect', 'psycopg.Connection.connect', 'pymysql.connect', 'MySQLdb.connect', 'mysql.connector.connect'];

kind('requests.Session', ['requests.Session', 'requests.session', 'requests.sessions.Session', 'requests.sessions.session'], ['requests.Session', 'requests.sessions.Session']);
kind('httpx.Client', ['httpx.Client'], ['httpx.Client']);
kind('httpx2.Client', ['httpx2.Client'], ['httpx2.Client']);
kind(
  'urllib3.PoolManager',
  ['urllib3.PoolManager', 'urllib3.ProxyManager', 'urllib3.proxy_from_url', 'urllib3.HTTPConnectionPool', 'urllib3.HTTPSConnectionPool', 'urllib3.connection_from_url', 'urllib3.poolmanager.PoolManager', 'urllib3.connectionpool.HTTPConnectionPool', 'urllib3.connectionpool.HTTPSConnectionPool'],
  ['urllib3.PoolManager', 'urllib3.ProxyManager', 'urllib3.HTTPConnectionPool', 'urllib3.HTTPSConnectionPool', 'urllib3.poolmanager.PoolManager'],
);
kind(
  'http.client.HTTPConnection',
  ['http.client.HTTPConnection', 'http.client.HTTPSConnection'],
  ['http.client.HTTPConnection', 'http.client.HTTPSConnection'],
  { getresponse: 'http.client.HTTPResponse' },
);
kind('http.client.HTTPResponse', ['urllib.request.urlopen'], ['http.client.HTTPResponse']);
kind('urllib.request.OpenerDirector', ['urllib.request.build_opener', 'urllib.request.OpenerDirector'], ['urllib.request.OpenerDirector']);
kind('subprocess.Popen', ['subprocess.Popen'], ['subprocess.Popen']);
kind(FILE, FILE_OPENERS, ['io.TextIOWrapper', 'io.BufferedReader', 'io.BufferedWriter', 'io.BufferedRandom', 'io.FileIO']);
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
  DATABASE_CONNECTS,
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

// SQLAlchemy's sync ORM and Core; the async ones are kinds too (with no blocking methods), so
// that an `AsyncSession` annotation contradicts a sync value rather than being ignored.
export const SESSION = 'sqlalchemy.orm.Session';
const SESSIONMAKER = 'sqlalchemy.orm.sessionmaker';
const ASYNC_SESSION = 'sqlalchemy.ext.asyncio.AsyncSession';
const ASYNC_SESSIONMAKER = 'sqlalchemy.ext.asyncio.async_sessionmaker';
const SESSION_CLASSES = ['sqlalchemy.orm.Session', 'sqlalchemy.orm.session.Session', 'sqlmodel.Session', 'sqlmodel.orm.session.Session'];
const ASYNC_SESSION_CLASSES = ['sqlalchemy.ext.asyncio.AsyncSession', 'sqlalchemy.ext.asyncio.session.AsyncSession', 'sqlmodel.ext.asyncio.session.AsyncSession'];
kind(
  SESSION,
  SESSION_CLASSES,
  [...SESSION_CLASSES, 'sqlalchemy.orm.scoped_session', 'sqlalchemy.orm.scoping.scoped_session'],
  { connection: 'sqlalchemy.Connection', get_bind: 'sqlalchemy.Engine' },
);
kind(SESSIONMAKER, ['sqlalchemy.orm.sessionmaker', 'sqlalchemy.orm.session.sessionmaker'], ['sqlalchemy.orm.sessionmaker', 'sqlalchemy.orm.session.sessionmaker'], { begin: SESSION });
for (const maker of ['sqlalchemy.orm.sessionmaker', 'sqlalchemy.orm.session.sessionmaker']) {
  KIND_BY_KEYWORD[maker] = {
    keyword: 'class_',
    positionalBefore: 1,
    kinds: Object.fromEntries([...SESSION_CLASSES.map((c) => [c, SESSIONMAKER]), ...ASYNC_SESSION_CLASSES.map((c) => [c, ASYNC_SESSIONMAKER])]),
  };
}
// A scoped_session proxies the session methods and, called, returns the thread's session.
for (const scoped of ['sqlalchemy.orm.scoped_session', 'sqlalchemy.orm.scoping.scoped_session']) KIND_BY_FIRST_ARGUMENT[scoped] = { [SESSIONMAKER]: SESSION };
CALL_RESULTS[SESSIONMAKER] = SESSION;
CALL_RESULTS[SESSION] = SESSION;
kind(
  'sqlalchemy.Engine',
  ['sqlalchemy.create_engine', 'sqlalchemy.engine.create_engine', 'sqlalchemy.engine_from_config', 'sqlmodel.create_engine'],
  ['sqlalchemy.Engine', 'sqlalchemy.engine.Engine', 'sqlalchemy.engine.base.Engine'],
  { connect: 'sqlalchemy.Connection', begin: 'sqlalchemy.Connection', raw_connection: 'db.Connection' },
);
kind('sqlalchemy.Connection', [], ['sqlalchemy.Connection', 'sqlalchemy.engine.Connection', 'sqlalchemy.engine.base.Connection']);
kind(ASYNC_SESSION, ASYNC_SESSION_CLASSES, [...ASYNC_SESSION_CLASSES, 'sqlalchemy.ext.asyncio.async_scoped_session']);
kind(ASYNC_SESSIONMAKER, ['sqlalchemy.ext.asyncio.async_sessionmaker'], ['sqlalchemy.ext.asyncio.async_sessionmaker'], { begin: ASYNC_SESSION });
CALL_RESULTS[ASYNC_SESSIONMAKER] = ASYNC_SESSION;
kind('sqlalchemy.ext.asyncio.AsyncEngine', ['sqlalchemy.ext.asyncio.create_async_engine'], ['sqlalchemy.ext.asyncio.AsyncEngine'], {
  connect: 'sqlalchemy.ext.asyncio.AsyncConnection',
  begin: 'sqlalchemy.ext.asyncio.AsyncConnection',
});
kind('sqlalchemy.ext.asyncio.AsyncConnection', [], ['sqlalchemy.ext.asyncio.AsyncConnection']);

// boto3 (botocore underneath): every API call of a client or resource is an HTTPS request.
export const BOTO3_CLIENT = 'boto3.client';
export const BOTO3_RESOURCE = 'boto3.resource';
const MYPY_BOTO3_CLIENTS = [
  ['s3', 'S3Client'], ['sqs', 'SQSClient'], ['sns', 'SNSClient'], ['dynamodb', 'DynamoDBClient'], ['lambda', 'LambdaClient'],
  ['secretsmanager', 'SecretsManagerClient'], ['bedrock_runtime', 'BedrockRuntimeClient'], ['ssm', 'SSMClient'], ['sts', 'STSClient'],
].flatMap(([service, name]) => [`mypy_boto3_${service}.${name}`, `mypy_boto3_${service}.client.${name}`]);
kind(BOTO3_CLIENT, ['boto3.client'], ['botocore.client.BaseClient', ...MYPY_BOTO3_CLIENTS], { get_waiter: 'botocore.waiter.Waiter' });
kind(BOTO3_RESOURCE, ['boto3.resource'], [
  'boto3.resources.base.ServiceResource', 'mypy_boto3_s3.S3ServiceResource', 'mypy_boto3_s3.service_resource.S3ServiceResource',
  'mypy_boto3_dynamodb.DynamoDBServiceResource', 'mypy_boto3_dynamodb.service_resource.DynamoDBServiceResource',
  'mypy_boto3_s3.service_resource.Bucket', 'mypy_boto3_s3.service_resource.Object', 'mypy_boto3_dynamodb.service_resource.Table',
]);
CAPITALIZED_METHODS[BOTO3_RESOURCE] = BOTO3_RESOURCE;
kind('boto3.Session', ['boto3.Session', 'boto3.session.Session'], ['boto3.Session', 'boto3.session.Session'], { client: BOTO3_CLIENT, resource: BOTO3_RESOURCE });
kind('botocore.session.Session', ['botocore.session.get_session', 'botocore.session.Session'], ['botocore.session.Session'], { create_client: BOTO3_CLIENT });
kind('botocore.waiter.Waiter', [], ['botocore.waiter.Waiter']);

// LLM SDK clients (llm-sdks.ts): each request is an HTTPS call through the sync client's
// httpx pool. The kind of a resource is its path from the client (`llm.openai.chat.completions`);
// `with_raw_response` wraps a resource with the same methods.
export const LLM_CLIENT_PREFIX = 'llm.';
const LLM_RESOURCE_KINDS: [kind: string, methods: readonly string[]][] = [];
for (const [sdk, resources] of Object.entries(LLM_RESOURCE_METHODS) as [LlmSdk, Record<string, readonly string[]>][]) {
  const client = `${LLM_CLIENT_PREFIX}${sdk}`;
  const classes = [...LLM_CLIENT_CLASSES].filter(([, c]) => c.sdk === sdk && !c.isAsync).map(([name]) => name);
  kind(client, classes, classes);
  for (const [path, methods] of Object.entries(resources)) {
    let owner = client;
    for (const step of path.split('.')) owner = (ATTRIBUTES[owner] ??= {})[step] ??= `${owner}.${step}`;
    (ATTRIBUTES[owner] ??= {}).with_raw_response = owner;
    LLM_RESOURCE_KINDS.push([owner, methods]);
  }
}
const ASYNC_LLM_CLIENTS = [...LLM_CLIENT_CLASSES].filter(([, c]) => c.isAsync).map(([name]) => name);

// Async look-alikes: no blocking methods, but evidence that disagrees with a sync kind.
kind('async.HTTPClient', ['httpx.AsyncClient', 'httpx2.AsyncClient', 'aiohttp.ClientSession'], ['httpx.AsyncClient', 'httpx2.AsyncClient', 'aiohttp.ClientSession']);
kind('async.Path', ['anyio.Path', 'trio.Path'], ['anyio.Path', 'trio.Path']);
kind('async.LLMClient', ASYNC_LLM_CLIENTS, ASYNC_LLM_CLIENTS);

kind(LOOP, ['asyncio.get_event_loop', 'asyncio.get_running_loop', 'asyncio.new_event_loop'], ['asyncio.AbstractEventLoop', 'asyncio.BaseEventLoop']);

// ---- Blocking calls, by rule ----

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

/**
 * When a listed call blocks; absent: always. blocking.ts gives each its meaning:
 * - `timeout`: unless a timeout is given at this position or as `timeout=`;
 * - `unbounded`: unless told not to wait (`acquire(False)`, `get(block=False)`, the flag
 *   named here at position 0) or given a timeout at position 1;
 * - `file`: a sync file object is passed at one of these positions / keywords;
 * - the named ones: see blocking.ts.
 */
export type BlockingCondition =
  | { timeout: number }
  | { unbounded: string }
  | { file: [position: number, keyword: string][] }
  | 'receiver-is-not-a-call'
  | 'no-wnohang'
  | 'name-lookup'
  | 'reverse-name-lookup'
  | 'blocking-socket'
  | 'executor-waits';

/**
 * The peer code a finding on these calls is (one of its rule's `peers`): flake8-async and
 * Ruff split one pymodern rule over several codes by API. Absent: no peer flags these calls.
 * `spawn-mode`: `os.spawn*` is ASYNC221 with `os.P_WAIT` (it runs the process to its end),
 * else ASYNC220 (it creates one).
 */
export type PeerChoice = string | 'spawn-mode';

export interface BlockingFunctions {
  rule: string;
  /** Qualified names (`requests.get`). */
  names: string[];
  when?: BlockingCondition;
  peer?: PeerChoice;
}

export interface BlockingMethods {
  rule: string;
  /** Kinds of receiver (the kind tables above). */
  kinds: string[];
  /** Method names; `any-lowercase`: every method whose name starts lowercase, but those in `except`. */
  names: string[] | 'any-lowercase';
  except?: string[];
  when?: BlockingCondition;
  peer?: PeerChoice;
}

const SPAWN = ['spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe'];

export const BLOCKING_FUNCTIONS: readonly BlockingFunctions[] = [
  { rule: RULES.sleep, names: ['time.sleep'], peer: 'ASYNC251' },
  {
    rule: RULES.http,
    names: [...HTTP_VERBS.map((v) => `requests.${v}`), ...HTTP_VERBS.map((v) => `httpx.${v}`), ...HTTP_VERBS.map((v) => `httpx2.${v}`), 'urllib.request.urlopen', 'urllib3.request'],
    peer: 'ASYNC210',
  },
  { rule: RULES.http, names: [...HTTP_VERBS.map((v) => `requests.api.${v}`), 'httpx.stream', 'httpx2.stream', 'urllib.request.urlretrieve'] },
  { rule: RULES.subprocess, names: ['subprocess.Popen', 'os.popen'], peer: 'ASYNC220' },
  {
    rule: RULES.subprocess,
    names: [...['run', 'call', 'check_call', 'check_output', 'getoutput', 'getstatusoutput'].map((f) => `subprocess.${f}`), 'os.system', 'os.posix_spawn', 'os.posix_spawnp'],
    peer: 'ASYNC221',
  },
  { rule: RULES.subprocess, names: SPAWN.map((f) => `os.${f}`), peer: 'spawn-mode' },
  { rule: RULES.processWait, names: ['os.wait', 'os.wait3', 'os.wait4', 'os.waitid', 'os.waitpid'], when: 'no-wnohang', peer: 'ASYNC222' },
  { rule: RULES.open, names: ['builtins.open', 'io.open', 'io.open_code'], peer: 'ASYNC230' },
  { rule: RULES.open, names: ['os.fdopen'], peer: 'ASYNC231' },
  { rule: RULES.open, names: ['os.open', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open', 'tempfile.TemporaryFile', 'tempfile.NamedTemporaryFile'] },
  { rule: RULES.fileMethod, names: ['json.load', 'pickle.load', 'marshal.load', 'tomllib.load', 'yaml.safe_load', 'yaml.load', 'yaml.full_load'], when: { file: [[0, 'fp']] } },
  { rule: RULES.fileMethod, names: ['json.dump', 'pickle.dump', 'marshal.dump'], when: { file: [[1, 'fp']] } },
  { rule: RULES.fileMethod, names: ['yaml.dump', 'yaml.safe_dump'], when: { file: [[1, 'stream']] } },
  { rule: RULES.fileMethod, names: ['shutil.copyfileobj'], when: { file: [[0, 'fsrc'], [1, 'fdst']] } },
  {
    rule: RULES.path,
    names: ['exists', 'lexists', 'isfile', 'isdir', 'islink', 'ismount', 'getsize', 'getmtime', 'getatime', 'getctime', 'samefile', 'sameopenfile', 'realpath'].map((f) => `os.path.${f}`),
    peer: 'ASYNC240',
  },
  {
    rule: RULES.path,
    names: [
      ...['listdir', 'scandir', 'walk', 'stat', 'lstat', 'remove', 'unlink', 'rename', 'renames', 'replace', 'makedirs', 'mkdir', 'rmdir', 'removedirs', 'chmod', 'chown', 'utime', 'link', 'symlink', 'readlink', 'truncate', 'access'].map((f) => `os.${f}`),
      ...['copy', 'copy2', 'copyfile', 'copymode', 'copystat', 'copytree', 'move', 'rmtree', 'make_archive', 'unpack_archive', 'disk_usage', 'chown'].map((f) => `shutil.${f}`),
      'glob.glob',
    ],
  },
  { rule: RULES.input, names: ['builtins.input'], peer: 'ASYNC250' },
  { rule: RULES.socket, names: ['gethostbyname', 'gethostbyname_ex', 'gethostbyaddr', 'getfqdn', 'create_connection'].map((f) => `socket.${f}`) },
  { rule: RULES.socket, names: ['socket.getaddrinfo'], when: 'name-lookup' },
  { rule: RULES.socket, names: ['socket.getnameinfo'], when: 'reverse-name-lookup' },
  { rule: RULES.database, names: DATABASE_CONNECTS },
];

const PATH_METHODS = [
  'exists', 'is_file', 'is_dir', 'is_symlink', 'is_mount', 'is_socket', 'is_fifo', 'is_block_device', 'is_char_device',
  'stat', 'lstat', 'read_text', 'read_bytes', 'write_text', 'write_bytes', 'touch', 'mkdir', 'rmdir', 'unlink', 'rename',
  'replace', 'iterdir', 'glob', 'rglob', 'samefile', 'chmod', 'lchmod', 'owner', 'group', 'readlink', 'symlink_to',
  'hardlink_to', 'walk',
];

export const BLOCKING_METHODS: readonly BlockingMethods[] = [
  { rule: RULES.http, kinds: ['requests.Session'], names: [...HTTP_VERBS, 'send'] },
  { rule: RULES.http, kinds: ['httpx.Client', 'httpx2.Client'], names: [...HTTP_VERBS, 'send', 'stream'], peer: 'ASYNC212' },
  { rule: RULES.http, kinds: ['urllib3.PoolManager'], names: ['request', 'urlopen', 'request_encode_url', 'request_encode_body'], peer: 'ASYNC211' },
  { rule: RULES.http, kinds: ['http.client.HTTPConnection'], names: ['request', 'getresponse', 'connect', 'send', 'endheaders'] },
  { rule: RULES.http, kinds: ['urllib.request.OpenerDirector'], names: ['open'] },
  // The body arrives as it is read: a read on the loop waits for the network.
  { rule: RULES.http, kinds: ['http.client.HTTPResponse'], names: ['read', 'read1', 'readinto', 'readline', 'readlines', 'peek'], when: 'receiver-is-not-a-call' },
  // Signing a URL, building a paginator or a waiter, and closing make no request.
  { rule: RULES.http, kinds: [BOTO3_CLIENT], names: 'any-lowercase', except: ['generate_presigned_url', 'generate_presigned_post', 'get_paginator', 'get_waiter', 'can_paginate', 'close', 'get_available_paginators', 'get_available_waiters'] },
  { rule: RULES.http, kinds: [BOTO3_RESOURCE], names: 'any-lowercase', except: ['batch_writer', 'get_available_subresources'] },
  { rule: RULES.http, kinds: ['botocore.waiter.Waiter'], names: ['wait'] },
  // No peer: flake8-async knows the HTTP libraries, not the SDKs built on them.
  ...LLM_RESOURCE_KINDS.map(([resource, methods]) => ({ rule: RULES.http, kinds: [resource], names: [...methods] })),
  { rule: RULES.processWait, kinds: ['subprocess.Popen'], names: ['wait', 'communicate'] },
  { rule: RULES.open, kinds: [PATH], names: ['open'], peer: 'ASYNC230' },
  { rule: RULES.fileMethod, kinds: [FILE], names: ['read', 'read1', 'readinto', 'readline', 'readlines', 'write', 'writelines', 'flush', 'seek', 'truncate'], when: 'receiver-is-not-a-call', peer: 'ASYNC232' },
  { rule: RULES.path, kinds: [PATH], names: PATH_METHODS, peer: 'ASYNC240' },
  {
    rule: RULES.socket,
    kinds: ['socket.socket'],
    names: ['connect', 'connect_ex', 'accept', 'recv', 'recv_into', 'recvfrom', 'recvfrom_into', 'recvmsg', 'send', 'sendall', 'sendto', 'sendmsg', 'sendfile'],
    when: 'blocking-socket',
  },
  { rule: RULES.database, kinds: ['db.Connection'], names: ['execute', 'executemany', 'executescript', 'commit', 'rollback'] },
  { rule: RULES.database, kinds: ['db.Cursor'], names: ['execute', 'executemany', 'executescript', 'fetchone', 'fetchmany', 'fetchall', 'callproc'] },
  {
    rule: RULES.database,
    kinds: [SESSION],
    names: [
      'query', 'execute', 'scalar', 'scalars', 'get', 'get_one', 'commit', 'flush', 'refresh', 'rollback', 'merge', 'connection', 'exec',
      'bulk_save_objects', 'bulk_insert_mappings', 'bulk_update_mappings',
    ],
  },
  { rule: RULES.database, kinds: ['sqlalchemy.Engine'], names: ['connect', 'begin', 'execute', 'raw_connection'] },
  { rule: RULES.database, kinds: ['sqlalchemy.Connection'], names: ['execute', 'exec_driver_sql', 'scalar', 'scalars', 'commit', 'rollback'] },
  { rule: RULES.threadWait, kinds: ['threading.Lock', 'threading.RLock'], names: ['acquire'], when: { unbounded: 'blocking' } },
  { rule: RULES.threadWait, kinds: ['threading.RLock'], names: ['wait'], when: { timeout: 0 } },
  { rule: RULES.threadWait, kinds: ['threading.RLock'], names: ['wait_for'], when: { timeout: 1 } },
  { rule: RULES.threadWait, kinds: ['threading.Event'], names: ['wait'], when: { timeout: 0 } },
  { rule: RULES.threadWait, kinds: ['threading.Thread'], names: ['join'], when: { timeout: 0 } },
  { rule: RULES.threadWait, kinds: ['concurrent.futures.Future'], names: ['result', 'exception'], when: { timeout: 0 } },
  { rule: RULES.threadWait, kinds: ['queue.Queue'], names: ['get'], when: { unbounded: 'block' } },
  { rule: RULES.threadWait, kinds: ['queue.Queue'], names: ['join'] },
  { rule: RULES.threadWait, kinds: ['concurrent.futures.Executor'], names: ['shutdown'], when: 'executor-waits' },
];
