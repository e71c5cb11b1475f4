// The os / os.path / glob functions that have a pathlib.Path form (Ruff's PTH100–PTH211), as
// data: the Path form a hover shows, the peer code, and how a fix writes the call when the
// rewrite is mechanical. `rewrite` gets the path's Path expression (`Path(src)` or `src` when
// it is a Path already) and the call's other arguments; it returns undefined for a form it
// does not rewrite. Functions without `rewrite` are reported without a fix, as Ruff does.
import type { PythonVersion } from '../../types';

export interface CallArguments {
  /** The positional arguments after the path, as written. */
  rest: readonly string[];
  /** The keyword arguments, as written (`exist_ok=True`), by name. */
  keywords: ReadonlyMap<string, string>;
}

export interface PathCall {
  peer: string;
  /** The pathlib form, as a hover shows it. */
  modern: string;
  /** How many positional arguments the function takes at most (the path included). */
  positional: number;
  /** Keywords the fix carries over; any other keyword leaves the finding without a fix. */
  keywords?: readonly string[];
  /** The rewrite, from the Path expression of the first argument. */
  rewrite?: (path: string, args: CallArguments) => string | undefined;
  /** Why the fix is unsafe whatever the argument: the result's type or meaning changes. */
  unsafeBecause?: string;
  /** The target version the Path form needs. */
  minVersion?: PythonVersion;
  /** Keywords whose presence makes the call one pathlib has no form for (`dir_fd=`): silent. */
  silentWith?: readonly string[];
}

const method = (name: string) => (path: string, args: CallArguments) =>
  `${path}.${name}(${[...args.rest, ...[...args.keywords].map(([k, v]) => `${k}=${v}`)].join(', ')})`;
const property = (name: string) => (path: string, args: CallArguments) => (args.rest.length || args.keywords.size ? undefined : `${path}.${name}`);
const statField = (field: string) => (path: string, args: CallArguments) => (args.rest.length || args.keywords.size ? undefined : `${path}.stat().${field}`);

export const RETURNS_PATH = 'it returns a `Path` where the call returned a `str`';
const DIR_FD = ['dir_fd'];
// Checked on CPython 3.11–3.13: `os.path.exists("a" * 5000)` is False, `Path(…).exists()` raises.
const RAISES_MORE = 'the Path method raises on errors other than a missing file, such as a name too long or a permission denied, where the os.path function returns `False`';

export const PATH_CALLS: Readonly<Record<string, PathCall>> = {
  'os.path.abspath': { peer: 'PTH100', modern: 'Path.resolve()', positional: 1, rewrite: method('resolve'), unsafeBecause: `${RETURNS_PATH}, and \`resolve()\` also follows symlinks` },
  'os.chmod': { peer: 'PTH101', modern: 'Path.chmod()', positional: 2, keywords: ['mode'], rewrite: method('chmod'), silentWith: ['dir_fd', 'follow_symlinks'] },
  'os.mkdir': { peer: 'PTH102', modern: 'Path.mkdir()', positional: 2, keywords: ['mode'], rewrite: method('mkdir'), silentWith: DIR_FD },
  'os.makedirs': {
    peer: 'PTH103',
    modern: 'Path.mkdir(parents=True)',
    positional: 3,
    keywords: ['mode', 'exist_ok'],
    rewrite: (path, { rest, keywords }) => {
      const mode = rest[0] ?? keywords.get('mode');
      const existOk = rest[1] ?? keywords.get('exist_ok');
      return `${path}.mkdir(${[...(mode ? [mode] : []), 'parents=True', ...(existOk ? [`exist_ok=${existOk}`] : [])].join(', ')})`;
    },
  },
  'os.rename': { peer: 'PTH104', modern: 'Path.rename()', positional: 2, rewrite: method('rename'), silentWith: ['src_dir_fd', 'dst_dir_fd'] },
  'os.replace': { peer: 'PTH105', modern: 'Path.replace()', positional: 2, rewrite: method('replace'), silentWith: ['src_dir_fd', 'dst_dir_fd'] },
  'os.rmdir': { peer: 'PTH106', modern: 'Path.rmdir()', positional: 1, rewrite: method('rmdir'), silentWith: DIR_FD },
  'os.remove': { peer: 'PTH107', modern: 'Path.unlink()', positional: 1, rewrite: method('unlink'), silentWith: DIR_FD },
  'os.unlink': { peer: 'PTH108', modern: 'Path.unlink()', positional: 1, rewrite: method('unlink'), silentWith: DIR_FD },
  'os.getcwd': { peer: 'PTH109', modern: 'Path.cwd()', positional: 0, unsafeBecause: RETURNS_PATH },
  'os.getcwdb': { peer: 'PTH109', modern: 'Path.cwd()', positional: 0 },
  'os.path.exists': { peer: 'PTH110', modern: 'Path.exists()', positional: 1, rewrite: method('exists'), unsafeBecause: RAISES_MORE },
  'os.path.expanduser': { peer: 'PTH111', modern: 'Path.expanduser()', positional: 1, rewrite: method('expanduser'), unsafeBecause: RETURNS_PATH },
  'os.path.isdir': { peer: 'PTH112', modern: 'Path.is_dir()', positional: 1, rewrite: method('is_dir'), unsafeBecause: RAISES_MORE },
  'os.path.isfile': { peer: 'PTH113', modern: 'Path.is_file()', positional: 1, rewrite: method('is_file'), unsafeBecause: RAISES_MORE },
  'os.path.islink': { peer: 'PTH114', modern: 'Path.is_symlink()', positional: 1, rewrite: method('is_symlink'), unsafeBecause: RAISES_MORE },
  'os.readlink': { peer: 'PTH115', modern: 'Path.readlink()', positional: 1, rewrite: method('readlink'), unsafeBecause: RETURNS_PATH, minVersion: [3, 9], silentWith: DIR_FD },
  'os.stat': { peer: 'PTH116', modern: 'Path.stat()', positional: 1, rewrite: method('stat'), silentWith: ['dir_fd', 'follow_symlinks'] },
  'os.path.isabs': { peer: 'PTH117', modern: 'Path.is_absolute()', positional: 1, rewrite: method('is_absolute'), unsafeBecause: 'on Windows before Python 3.13, `isabs("\\\\x")` is True where `is_absolute()` is False' },
  'os.path.join': { peer: 'PTH118', modern: 'Path(a) / b', positional: Infinity },
  'os.path.basename': { peer: 'PTH119', modern: 'Path.name', positional: 1, rewrite: property('name'), unsafeBecause: '`Path("a/").name` is `"a"` where `basename("a/")` is `""`' },
  'os.path.dirname': { peer: 'PTH120', modern: 'Path.parent', positional: 1, rewrite: property('parent'), unsafeBecause: `${RETURNS_PATH}, and \`Path("a").parent\` is \`.\` where \`dirname("a")\` is \`""\`` },
  'os.path.samefile': { peer: 'PTH121', modern: 'Path.samefile()', positional: 2, rewrite: method('samefile') },
  'os.path.splitext': { peer: 'PTH122', modern: 'Path.stem, Path.suffix', positional: 1 },
  'builtins.open': {
    peer: 'PTH123',
    modern: 'Path.open()',
    positional: 6,
    keywords: ['mode', 'buffering', 'encoding', 'errors', 'newline'],
    rewrite: method('open'),
    silentWith: ['opener', 'closefd'],
  },
  'py.path.local': { peer: 'PTH124', modern: 'pathlib.Path', positional: Infinity },
  'os.path.getsize': { peer: 'PTH202', modern: 'Path.stat().st_size', positional: 1, rewrite: statField('st_size') },
  'os.path.getatime': { peer: 'PTH203', modern: 'Path.stat().st_atime', positional: 1, rewrite: statField('st_atime') },
  'os.path.getmtime': { peer: 'PTH204', modern: 'Path.stat().st_mtime', positional: 1, rewrite: statField('st_mtime') },
  'os.path.getctime': { peer: 'PTH205', modern: 'Path.stat().st_ctime', positional: 1, rewrite: statField('st_ctime') },
  'glob.glob': { peer: 'PTH207', modern: 'Path.glob()', positional: Infinity, silentWith: DIR_FD },
  'glob.iglob': { peer: 'PTH207', modern: 'Path.glob()', positional: Infinity, silentWith: DIR_FD },
  'os.listdir': { peer: 'PTH208', modern: 'Path.iterdir()', positional: 1 },
  'os.symlink': {
    peer: 'PTH211',
    modern: 'Path.symlink_to()',
    positional: 3,
    keywords: ['target_is_directory'],
    // `os.symlink(target, link)` is `Path(link).symlink_to(target)`: the fix builds `link`'s Path.
    silentWith: DIR_FD,
  },
};

/** The pathlib classes whose calls make a Path (what `Path(x)` and friends resolve to). */
export const PATH_CLASSES = new Set(['pathlib.Path', 'pathlib.PosixPath', 'pathlib.WindowsPath']);
export const PURE_PATH_CLASSES = new Set(['pathlib.PurePath', 'pathlib.PurePosixPath', 'pathlib.PureWindowsPath', ...PATH_CLASSES]);

/** Path methods and properties that return a Path again (`p.parent`, `p.resolve()`). */
export const PATH_RETURNING = new Set(['parent', 'resolve', 'absolute', 'expanduser', 'with_name', 'with_suffix', 'with_stem', 'joinpath', 'relative_to']);
