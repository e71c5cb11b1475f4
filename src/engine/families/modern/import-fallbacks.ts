// Data for import-fallback: the standard-library modules (and names) a `try: import …
// except ImportError:` fallback stands in for, with the version each arrived in; the
// backports a project can install instead; and the Python 2 module names no Python 3 has.

/**
 * Standard-library modules by the version they exist from; names that came later are listed
 * apart. `onlyNamed`: an old module that keeps growing, of which only the listed names count.
 */
export const STDLIB_SINCE: Readonly<Record<string, { since: string; names?: Readonly<Record<string, string>>; onlyNamed?: true }>> = {
  'importlib.metadata': {
    since: '3.8',
    names: {
      version: '3.8', metadata: '3.8', files: '3.8', requires: '3.8', entry_points: '3.8', distribution: '3.8', distributions: '3.8',
      Distribution: '3.8', DistributionFinder: '3.8', EntryPoint: '3.8', PackageNotFoundError: '3.8', PackagePath: '3.8',
      PathDistribution: '3.8', FileHash: '3.8', MetadataPathFinder: '3.8',
      packages_distributions: '3.10', EntryPoints: '3.10', PackageMetadata: '3.10', SelectableGroups: '3.10',
    },
    onlyNamed: true,
  },
  'importlib.resources': { since: '3.7', names: { files: '3.9', as_file: '3.9' } },
  tomllib: { since: '3.11' },
  zoneinfo: { since: '3.9' },
  graphlib: { since: '3.9' },
  dataclasses: { since: '3.7' },
  contextlib: { since: '3.0', names: { nullcontext: '3.7', AsyncExitStack: '3.7', asynccontextmanager: '3.7', aclosing: '3.10', chdir: '3.11' }, onlyNamed: true },
  functools: { since: '3.0', names: { cached_property: '3.8', cache: '3.9' }, onlyNamed: true },
  asyncio: { since: '3.4', names: { timeout: '3.11', TaskGroup: '3.11', to_thread: '3.9' }, onlyNamed: true },
  'collections.abc': {
    since: '3.3',
    names: { Awaitable: '3.5', Coroutine: '3.5', AsyncIterable: '3.5', AsyncIterator: '3.5', Generator: '3.5', AsyncGenerator: '3.6', Collection: '3.6', Reversible: '3.6', Buffer: '3.12' },
  },
  // The Python 3 homes of the Python 2 modules below. Not `tkinter` (nor `ssl`, `sqlite3`):
  // builds can lack them, and then their ImportError is real.
  builtins: { since: '3.0' },
  configparser: { since: '3.0' },
  copyreg: { since: '3.0' },
  'html.entities': { since: '3.0' },
  'html.parser': { since: '3.0' },
  'http.client': { since: '3.0' },
  'http.cookiejar': { since: '3.0' },
  'http.cookies': { since: '3.0' },
  'http.server': { since: '3.0' },
  io: { since: '3.0', names: { open_code: '3.8', text_encoding: '3.10' } },
  json: { since: '3.0' },
  pickle: { since: '3.0', names: { PickleBuffer: '3.8' } },
  queue: { since: '3.0' },
  reprlib: { since: '3.0' },
  socketserver: { since: '3.0' },
  _thread: { since: '3.0', names: { get_native_id: '3.8' } },
  'urllib.error': { since: '3.0' },
  'urllib.parse': { since: '3.0' },
  'urllib.request': { since: '3.0' },
  'xmlrpc.client': { since: '3.0' },
  'xmlrpc.server': { since: '3.0' },
  'email.mime.text': { since: '3.0' },
  'email.mime.multipart': { since: '3.0' },
  itertools: { since: '3.0', names: { zip_longest: '3.0', accumulate: '3.2' }, onlyNamed: true },
};

/** Backports on PyPI that projects install to get a newer stdlib module early. */
export const BACKPORTS = new Set([
  'importlib_metadata',
  'importlib_resources',
  'tomli',
  'backports.zoneinfo',
  'graphlib_backport',
  'async_timeout',
  'contextlib2',
  'backports.cached_property',
]);

/** Modules Python 2 had and no Python 3 has: importing them always fails. */
export const PYTHON2_MODULES = new Set([
  '__builtin__', 'ConfigParser', 'copy_reg', 'htmlentitydefs', 'HTMLParser', 'httplib', 'cookielib', 'Cookie',
  'BaseHTTPServer', 'SimpleHTTPServer', 'CGIHTTPServer', 'cStringIO', 'StringIO', 'cPickle', 'Queue', 'repr',
  'SocketServer', 'thread', 'urllib2', 'urlparse', 'xmlrpclib', 'SimpleXMLRPCServer', 'email.MIMEText',
  'email.MIMEMultipart', 'commands', 'anydbm', 'dummy_thread',
]);

/** Names Python 2 modules had that their Python 3 namesakes lack (`from urllib import urlencode`). */
export const PYTHON2_NAMES: Readonly<Record<string, ReadonlySet<string>>> = {
  urllib: new Set(['quote', 'quote_plus', 'unquote', 'unquote_plus', 'urlencode', 'urlopen', 'urlretrieve', 'pathname2url', 'url2pathname', 'splitquery', 'splittype', 'splithost', 'getproxies']),
  itertools: new Set(['izip', 'imap', 'ifilter', 'ifilterfalse', 'izip_longest']),
};
