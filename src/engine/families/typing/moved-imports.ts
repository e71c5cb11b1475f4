// The table of moved-import: names that left the module a file imports them from (or are
// better imported from elsewhere), with the versions that decide. Each fact was checked on
// CPython 3.6–3.13 and typing_extensions 4.15/4.16 (`x is y` for "same object").
import type { PythonVersion } from '../../types';

export interface MovedImport {
  module: string;
  name: string;
  /** Where it lives now. */
  to: string;
  /** Its name there (when it differs). */
  toName?: string;
  /** The first target version at which `to` has it as code may use it. */
  since: PythonVersion;
  /** The version that no longer has it where the file imports it from (an ImportError there). */
  removed?: PythonVersion;
  /**
   * The fix is safe from this target on (the two names are the same object there);
   * undefined: always safe from `since`; null: never (a different object, behaviour may differ).
   */
  safeFrom?: PythonVersion | null;
  /** No fix: the new name is no drop-in replacement (different spelling, different generics). */
  noFix?: boolean;
}

/** `collections.abc`'s classes, reachable from `collections` until 3.9 (with a DeprecationWarning since 3.3). */
const COLLECTIONS_ABCS = [
  'AsyncGenerator', 'AsyncIterable', 'AsyncIterator', 'Awaitable', 'ByteString', 'Callable', 'Collection', 'Container',
  'Coroutine', 'Generator', 'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
  'MutableMapping', 'MutableSequence', 'MutableSet', 'Reversible', 'Sequence', 'Set', 'Sized', 'ValuesView',
];

export const MOVED_IMPORTS: readonly MovedImport[] = [
  ...COLLECTIONS_ABCS.map((name): MovedImport => ({ module: 'collections', name, to: 'collections.abc', since: [3, 3], removed: [3, 10] })),
  // typing's pseudo-submodules, gone in 3.13; `typing` has the same objects.
  ...['IO', 'TextIO', 'BinaryIO'].map((name): MovedImport => ({ module: 'typing.io', name, to: 'typing', since: [3, 5], removed: [3, 13] })),
  ...['Pattern', 'Match'].map((name): MovedImport => ({ module: 'typing.re', name, to: 'typing', since: [3, 5], removed: [3, 13] })),
  // typing_extensions hands out the stdlib object from these versions on.
  { module: 'typing_extensions', name: 'Buffer', to: 'collections.abc', since: [3, 12] },
  { module: 'typing_extensions', name: 'get_original_bases', to: 'types', since: [3, 12] },
  { module: 'typing_extensions', name: 'CapsuleType', to: 'types', since: [3, 13] },
  // Only from 3.13.3 (a fix for wrapped `__new__`): on 3.13.0–3.13.2 typing_extensions keeps its own class.
  { module: 'typing_extensions', name: 'deprecated', to: 'warnings', since: [3, 13], safeFrom: [3, 14] },
  // typing's aliases of contextlib's classes, deprecated since 3.9 (when contextlib's became generic).
  { module: 'typing', name: 'ContextManager', to: 'contextlib', toName: 'AbstractContextManager', since: [3, 9], noFix: true },
  { module: 'typing', name: 'AsyncContextManager', to: 'contextlib', toName: 'AbstractAsyncContextManager', since: [3, 9], noFix: true },
  // A copy of 3.11's class: the same behaviour, but another class than enum's.
  { module: 'backports.strenum', name: 'StrEnum', to: 'enum', since: [3, 11], safeFrom: null },
];

/** `typing.re`'s names are `re`'s classes, generic from 3.9: the better home there (a different object than typing's alias). */
export const RE_MODULE_SINCE: PythonVersion = [3, 9];

const byModule = new Map<string, Map<string, MovedImport>>();
for (const entry of MOVED_IMPORTS) {
  if (!byModule.has(entry.module)) byModule.set(entry.module, new Map());
  byModule.get(entry.module)!.set(entry.name, entry);
}

export function movedImport(module: string, name: string): MovedImport | undefined {
  return byModule.get(module)?.get(name);
}

export const MOVED_MODULES: ReadonlySet<string> = new Set(byModule.keys());
