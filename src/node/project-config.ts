// Finds the nearest pyproject.toml of a file (walking up the folders) and loads its
// [tool.pymodern] once. Shared by the CLI and the editor (open files and workspace scan).
import { existsSync } from 'node:fs';
import { dirname, join, parse as parsePath, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { ConfigError, parsePyproject, type Catalog, type ProjectConfig } from '../engine/config';
import { RULE_OFF_IN_PATHS, SEVERITY_IN_TESTS_AND_EXAMPLES, TEST_AND_EXAMPLE_PATHS } from '../engine/path-severity';
import type { RuleConfig, Severity } from '../engine/types';
import { FileKindError, readRegularFile } from './read-file';

export interface LoadedConfig {
  /** The pyproject.toml path, or undefined when none was found. */
  file: string | undefined;
  /** The folder its globs are relative to (the pyproject.toml's); undefined without one. */
  root: string | undefined;
  config: ProjectConfig;
  /** Set when the file exists but is broken: its files must not be analysed. */
  error?: ConfigError;
  isExcluded(path: string): boolean;
  /** What `[tool.pymodern.per-file-ignores]` ignores in a file: rule ids and families, in the order written. */
  ignoresFor(path: string): string[];
  /** What `[tool.pymodern.per-file-severity]` sets in a file: rule id → severity, later globs winning. */
  severitiesFor(path: string): Record<string, Severity>;
  /**
   * The rule config of one file: `merge` applied to `config` (the adapter's overrides — CLI
   * flags, VS Code settings; default none), then the per-file ignores that match the file
   * appended to `ignore`. They come after the overrides, so `--ignore` or `pymodern.ignore`
   * never drops them (as in Ruff). Severities: the path defaults of src/engine/path-severity.ts
   * for rules the merged config gives none, then the per-file severities on top.
   */
  configFor(path: string, merge?: (config: ProjectConfig) => RuleConfig): RuleConfig;
}

function withConfigFor(loaded: Omit<LoadedConfig, 'configFor'>): LoadedConfig {
  return {
    ...loaded,
    configFor(path, merge) {
      let config = merge ? merge(loaded.config) : { ...loaded.config };
      const extra = [...pathIgnores(loaded.root, path, config), ...loaded.ignoresFor(path)];
      if (extra.length) config = { ...config, ignore: [...(config.ignore ?? []), ...extra] };
      const severity = { ...pathDefaults(loaded.root, path, config.severity), ...config.severity, ...loaded.severitiesFor(path) };
      return Object.keys(severity).length ? { ...config, severity } : config;
    },
  };
}

/** Matchers of TEST_AND_EXAMPLE_PATHS by root folder. Without a pyproject.toml the root is the file system's. */
const testPathMatchers = new Map<string, (path: string) => boolean>();

function pathDefaults(root: string | undefined, path: string, explicit: Readonly<Record<string, Severity>> | undefined): Record<string, Severity> {
  const base = root ?? parsePath(path).root;
  let matches = testPathMatchers.get(base);
  if (!matches) testPathMatchers.set(base, (matches = globMatcher(base, TEST_AND_EXAMPLE_PATHS)));
  if (!matches(path)) return {};
  return Object.fromEntries(Object.entries(SEVERITY_IN_TESTS_AND_EXAMPLES).filter(([rule]) => !explicit?.[rule]));
}

/** Matchers of RULE_OFF_IN_PATHS by root folder, then rule. */
const offPathMatchers = new Map<string, Map<string, (path: string) => boolean>>();

/** The rules RULE_OFF_IN_PATHS turns off in a file, unless the config selects them by id or gives them a severity. */
function pathIgnores(root: string | undefined, path: string, config: RuleConfig): string[] {
  const base = root ?? parsePath(path).root;
  let matchers = offPathMatchers.get(base);
  if (!matchers) offPathMatchers.set(base, (matchers = new Map(Object.entries(RULE_OFF_IN_PATHS).map(([rule, globs]) => [rule, globMatcher(base, globs)]))));
  const chosen = (rule: string) => config.select?.includes(rule) || config.severity?.[rule] !== undefined;
  return [...matchers].filter(([rule, matches]) => !chosen(rule) && matches(path)).map(([rule]) => rule);
}

/** Glob entries (`!` negating) that apply to a path. */
function perFileMatcher<T>(root: string, table: Record<string, T> | undefined): (path: string) => T[] {
  const entries = Object.entries(table ?? {}).map(([pattern, value]) => {
    const negated = pattern.startsWith('!');
    const matches = globMatcher(root, [negated ? pattern.slice(1) : pattern]);
    return { applies: (path: string) => matches(path) !== negated, value };
  });
  return (path) => entries.filter((entry) => entry.applies(path)).map((entry) => entry.value);
}

const NONE: LoadedConfig = withConfigFor({ root: undefined, file: undefined, config: {}, isExcluded: () => false, ignoresFor: () => [], severitiesFor: () => ({}) });

/**
 * Whether a path matches a glob relative to `root`: the path itself or one of its folders
 * (so `migrations` and `migrations/**` both cover the files below). A pattern without a
 * slash matches a file or folder name at any depth, as in Ruff.
 */
/** Globs compiled into one regular expression at most this many at a time (V8 caps a regex's size). */
const GLOBS_PER_REGEX = 500;

/**
 * One matcher for many globs (relative to `root`; without a `/`, a name at any depth), built
 * once. Literal names and folders (`build`, `generated/**`) go into sets; the rest into a few
 * combined regular expressions. 200,000 `exclude` entries cost a lookup per path segment.
 */
function globMatcher(root: string, patterns: readonly string[]): (path: string) => boolean {
  const names = new Set<string>();
  const paths = new Set<string>();
  const byName: string[] = [];
  const byPath: string[] = [];
  for (const pattern of patterns) {
    const glob = pattern.replace(/^\.\//, '');
    const scan = picomatch.scan(glob);
    const literal = !scan.isGlob ? glob : scan.glob === '**' && scan.base && !picomatch.scan(scan.base).isGlob ? scan.base : undefined;
    const nameOnly = !glob.includes('/');
    if (literal !== undefined) (nameOnly ? names : paths).add(literal.replace(/\/$/, ''));
    else (nameOnly ? byName : byPath).push(glob);
  }
  const combine = (list: readonly string[]) => {
    const regexes: RegExp[] = [];
    for (let i = 0; i < list.length; i += GLOBS_PER_REGEX) {
      regexes.push(new RegExp(list.slice(i, i + GLOBS_PER_REGEX).map((p) => `(?:${picomatch.makeRe(p, { dot: true }).source})`).join('|')));
    }
    return regexes;
  };
  const nameRegexes = combine(byName);
  const pathRegexes = combine(byPath);
  return (path) => {
    const parts = relative(root, path).split(sep);
    if (parts.some((part) => names.has(part) || nameRegexes.some((re) => re.test(part)))) return true;
    if (!paths.size && !pathRegexes.length) return false;
    // A folder that matches excludes everything below it: test each leading part of the path.
    for (let i = 1; i <= parts.length; i++) {
      const lead = parts.slice(0, i).join('/');
      if (paths.has(lead) || pathRegexes.some((re) => re.test(lead))) return true;
    }
    return false;
  };
}

export class ProjectConfigs {
  private readonly byFolder = new Map<string, LoadedConfig>();

  constructor(private readonly catalog: Catalog) {}

  /**
   * The config that governs a file: the nearest pyproject.toml above it with a
   * [tool.pymodern] table (as Ruff does); a nearer one without that table still gives
   * the target version through its requires-python.
   */
  forFile(path: string): LoadedConfig {
    return this.forFolder(dirname(path));
  }

  forFolder(folder: string): LoadedConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const candidate = join(folder, 'pyproject.toml');
    let loaded: LoadedConfig;
    if (existsSync(candidate)) loaded = this.load(candidate);
    else {
      const parent = dirname(folder);
      loaded = parent === folder ? NONE : this.forFolder(parent);
    }
    this.byFolder.set(folder, loaded);
    return loaded;
  }

  /** Every config loaded so far, each once. */
  loaded(): LoadedConfig[] {
    return [...new Set(this.byFolder.values())].filter((c) => c.file);
  }

  private load(file: string): LoadedConfig {
    const root = dirname(file);
    try {
      const config = parsePyproject(readPyproject(file), file, this.catalog);
      if (!config.hasToolTable) {
        const parentFolder = dirname(root);
        const above = parentFolder === root ? NONE : this.forFolder(parentFolder);
        const targetVersion = config.targetVersion ?? above.config.targetVersion;
        const pandasVersion = config.pandasVersion ?? above.config.pandasVersion;
        const pydanticVersion = config.pydanticVersion ?? above.config.pydanticVersion;
        const versions = { ...(targetVersion ? { targetVersion } : {}), ...(pandasVersion ? { pandasVersion } : {}), ...(pydanticVersion ? { pydanticVersion } : {}) };
        return withConfigFor({ ...above, config: { ...above.config, ...versions } });
      }
      const excluded = globMatcher(root, config.exclude ?? []);
      // `"!src/new/**" = [...]` applies to the files the glob does not match.
      const ignores = perFileMatcher(root, config.perFileIgnores);
      const severities = perFileMatcher(root, config.perFileSeverity);
      return withConfigFor({
        root,
        file,
        config,
        isExcluded: excluded,
        ignoresFor: (path) => ignores(path).flat(),
        severitiesFor: (path) => Object.assign({}, ...severities(path)),
      });
    } catch (error) {
      const configError = error instanceof ConfigError ? error : new ConfigError(file, '', `cannot read: ${String(error)}`);
      return withConfigFor({ root, file, config: {}, error: configError, isExcluded: () => false, ignoresFor: () => [], severitiesFor: () => ({}) });
    }
  }
}

/** A pyproject.toml larger than this is refused: real ones are a few kB. */
const MAX_PYPROJECT_BYTES = 16 * 1048576;

/** The text of a pyproject.toml; a FIFO, device or huge file is a ConfigError naming it, never a hang. */
function readPyproject(file: string): string {
  try {
    return readRegularFile(file, MAX_PYPROJECT_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof FileKindError) throw new ConfigError(file, '', error.message);
    throw new ConfigError(file, '', `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
