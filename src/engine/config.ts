// Project configuration: `[tool.pymodern]` and `[project] requires-python` from a
// pyproject.toml's text, validated against the rule catalog, and rule selection.
// Reading files and finding the nearest pyproject.toml belong to the adapters.
import { parse as parseToml, TomlError } from 'smol-toml';
import { declaredPandasVersion, declaredVersion, parsePandasVersion } from './pandas-version';
import { DEFAULT_TARGET_VERSION, SEVERITIES, type PythonVersion, type RuleConfig, type RuleMeta, type Severity, type SecurityOptions, type TypingOptions } from './types';

export interface ProjectConfig extends RuleConfig {
  /** Glob patterns (relative to the pyproject.toml folder) the CLI and scans skip. */
  exclude?: string[];
  /**
   * `[tool.pymodern.per-file-ignores]`: glob (relative to the pyproject.toml folder; a
   * leading `!` negates it) → rule ids / families ignored in the files it matches. The
   * adapters match paths (src/node/project-config.ts); the engine sees only `ignore`.
   */
  perFileIgnores?: Record<string, string[]>;
  /**
   * `[tool.pymodern.per-file-severity]`: glob (as in per-file-ignores) → rule id → severity
   * in the files it matches. Applied by the adapters after `severity` and the editor's
   * settings (src/node/project-config.ts), so the engine sees only `severity`.
   */
  perFileSeverity?: Record<string, Record<string, Severity>>;
  /** True when the file has a [tool.pymodern] table; without one, settings come from above. */
  hasToolTable?: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    /** The offending key, e.g. `tool.pymodern.select[2]`; empty for syntax errors. */
    readonly key: string,
    detail: string,
  ) {
    super(key ? `${file}: ${key}: ${detail}` : `${file}: ${detail}`);
  }
}

export interface Catalog {
  ruleIds: ReadonlySet<string>;
  families: ReadonlySet<string>;
}

export function catalogOf(rules: readonly RuleMeta[]): Catalog {
  return { ruleIds: new Set(rules.map((r) => r.id)), families: new Set(rules.map((r) => r.family)) };
}

const KNOWN_KEYS = ['select', 'ignore', 'preview', 'severity', 'target-version', 'pandas-version', 'pydantic-version', 'exclude', 'per-file-ignores', 'per-file-severity', 'typing', 'security'];

// ---- [tool.pymodern.typing] ----

/** Ruff's default `dummy-variable-rgx`: `_`, `__`, `_unused`, `_x1` (not `_x_`). */
export const DEFAULT_DUMMY_ARGS = '^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$';

/** The one place the typing options are defaulted. */
export const DEFAULT_TYPING_OPTIONS: Readonly<TypingOptions> = Object.freeze({
  starArgs: true,
  privateFunctions: true,
  dummyArgs: DEFAULT_DUMMY_ARGS,
  overloadImplementation: false,
  raiseOnly: true,
  mypyInitReturn: false,
  suppressNoneReturning: false,
  ignoreFullyUntyped: false,
  runtimeEvaluatedBaseClasses: Object.freeze([]) as unknown as string[],
  runtimeEvaluatedDecorators: Object.freeze([]) as unknown as string[],
});

/** The kebab-case keys of `[tool.pymodern.typing]` and of the `pymodern.typing` setting, in documentation order. */
export const TYPING_SETTINGS: Readonly<Record<string, { field: keyof TypingOptions; kind: 'boolean' | 'regex' | 'names' }>> = Object.freeze({
  'star-args': { field: 'starArgs', kind: 'boolean' },
  'private-functions': { field: 'privateFunctions', kind: 'boolean' },
  'dummy-args': { field: 'dummyArgs', kind: 'regex' },
  'overload-implementation': { field: 'overloadImplementation', kind: 'boolean' },
  'raise-only': { field: 'raiseOnly', kind: 'boolean' },
  'mypy-init-return': { field: 'mypyInitReturn', kind: 'boolean' },
  'suppress-none-returning': { field: 'suppressNoneReturning', kind: 'boolean' },
  'ignore-fully-untyped': { field: 'ignoreFullyUntyped', kind: 'boolean' },
  'runtime-evaluated-base-classes': { field: 'runtimeEvaluatedBaseClasses', kind: 'names' },
  'runtime-evaluated-decorators': { field: 'runtimeEvaluatedDecorators', kind: 'names' },
});

/** A qualified Python name: `pydantic.BaseModel`, `attrs.define`. */
const QUALIFIED_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/** Dummy-name patterns are JavaScript regular expressions with the `u` flag, searched (anchor them). */
export function compileDummyArgs(source: string): RegExp | undefined {
  if (source && hasNestedQuantifier(source)) throw new SyntaxError('a quantified group holds another unbounded quantifier (like `(a+)+`), which can take exponential time: rewrite it without the nesting');
  return source ? new RegExp(source, 'u') : undefined;
}

/**
 * True when a group that holds an unbounded quantifier (`+`, `*`, `{n,}`) is itself repeated
 * without bound: the shape of catastrophic backtracking (`(a+)+$` on "aaaa…b"). The pattern
 * runs on every parameter name of every file, so it must stay linear.
 */
export function hasNestedQuantifier(source: string): boolean {
  const unbounded = /^(?:[+*]|\{\d+,\})/;
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === ')') {
      const heldUnbounded = groups.pop() ?? false;
      const repeated = unbounded.test(source.slice(i + 1));
      if (heldUnbounded && repeated) return true;
      if (groups.length && (heldUnbounded || repeated)) groups[groups.length - 1] = true;
    } else if (unbounded.test(source.slice(i)) && groups.length) groups[groups.length - 1] = true;
  }
  return false;
}

/**
 * Reads a typing table (`[tool.pymodern.typing]` or the `pymodern.typing` setting). Each
 * unknown key or bad value goes to `problem` (key, detail), which may throw; the others are
 * kept, so a caller that only warns still applies the good ones.
 */
export function parseTypingTable(table: Record<string, unknown>, problem: (key: string, detail: string) => void): Partial<TypingOptions> {
  const options: Partial<TypingOptions> = {};
  for (const [key, value] of Object.entries(table)) {
    const setting = TYPING_SETTINGS[key];
    if (!setting) {
      problem(key, `unknown setting (known: ${Object.keys(TYPING_SETTINGS).join(', ')})`);
      continue;
    }
    if (setting.kind === 'boolean') {
      if (typeof value !== 'boolean') problem(key, `expected true or false, got ${JSON.stringify(value)}`);
      else (options as Record<string, unknown>)[setting.field] = value;
      continue;
    }
    if (setting.kind === 'names') {
      const names = Array.isArray(value) ? value : undefined;
      const bad = names?.findIndex((n) => typeof n !== 'string' || !QUALIFIED_NAME.test(n));
      if (!names) problem(key, `expected an array of qualified names like "pydantic.BaseModel", got ${JSON.stringify(value)}`);
      else if (bad !== undefined && bad >= 0) problem(`${key}[${bad}]`, `expected a qualified name like "pydantic.BaseModel", got ${JSON.stringify(names[bad])}`);
      else (options as Record<string, unknown>)[setting.field] = [...names];
      continue;
    }
    if (typeof value !== 'string') {
      problem(key, `expected a regular expression (a string), got ${JSON.stringify(value)}`);
      continue;
    }
    try {
      compileDummyArgs(value);
    } catch (error) {
      // `Invalid regular expression: /(/u: Unterminated group` → `Unterminated group`
      const reason = String((error as Error).message).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
      problem(key, `invalid regular expression ${JSON.stringify(value)}: ${reason}`);
      continue;
    }
    options.dummyArgs = value;
  }
  return options;
}

// ---- [tool.pymodern.security] ----

/** The kebab-case keys of `[tool.pymodern.security]` and of the `pymodern.security` setting. */
export const SECURITY_SETTINGS = ['request-timeout'] as const;

/**
 * Reads a security table (`[tool.pymodern.security]` or the `pymodern.security` setting), like
 * parseTypingTable: each unknown key or bad value goes to `problem`, the good ones are kept.
 */
export function parseSecurityTable(table: Record<string, unknown>, problem: (key: string, detail: string) => void): SecurityOptions {
  const options: SecurityOptions = {};
  for (const [key, value] of Object.entries(table)) {
    if (key !== 'request-timeout') {
      problem(key, `unknown setting (known: ${SECURITY_SETTINGS.join(', ')})`);
      continue;
    }
    // A timeout the fix writes into code: a positive number of seconds, at most a day.
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 86400) {
      problem(key, `expected a number of seconds greater than 0, got ${JSON.stringify(value)}`);
      continue;
    }
    options.requestTimeout = value;
  }
  return options;
}

/** Typing options with every default filled in, and the dummy-name pattern compiled. */
export interface ResolvedTypingOptions extends Readonly<TypingOptions> {
  /** Whether a parameter name matches `dummyArgs`. */
  isDummy(name: string): boolean;
  /** Equal for equal options: a cache key. */
  readonly key: string;
}

const resolvedTyping = new WeakMap<object, ResolvedTypingOptions>();

/**
 * The options a config's `typing` stands for, defaults filled in; memoised per object. A
 * `dummyArgs` that does not compile (the adapters validate it first) falls back to the default.
 */
export function resolveTypingOptions(options: Partial<TypingOptions> | undefined): ResolvedTypingOptions {
  const source = options ?? DEFAULT_TYPING_OPTIONS;
  const known = resolvedTyping.get(source);
  if (known) return known;
  const merged: TypingOptions = { ...DEFAULT_TYPING_OPTIONS };
  for (const field of Object.keys(merged) as (keyof TypingOptions)[]) {
    const value = source[field];
    if (value !== undefined && typeof value === typeof merged[field]) (merged as unknown as Record<string, unknown>)[field] = value;
  }
  let pattern: RegExp | undefined;
  try {
    pattern = compileDummyArgs(merged.dummyArgs);
  } catch {
    merged.dummyArgs = DEFAULT_DUMMY_ARGS;
    pattern = compileDummyArgs(DEFAULT_DUMMY_ARGS);
  }
  const resolved: ResolvedTypingOptions = Object.freeze({
    ...merged,
    isDummy: (name: string) => !!pattern && pattern.test(name),
    key: JSON.stringify(merged),
  });
  resolvedTyping.set(source, resolved);
  return resolved;
}

/**
 * Reads a pyproject.toml. Throws ConfigError (naming the file and key) on invalid TOML,
 * unknown keys, unknown rule ids or malformed values: a broken config must be loud.
 */
export function parsePyproject(text: string, file: string, catalog: Catalog): ProjectConfig {
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      throw new ConfigError(file, '', `invalid TOML at line ${error.line}, column ${error.column}: ${firstLine(error.message)}`);
    }
    throw new ConfigError(file, '', `invalid TOML: ${String(error)}`);
  }
  const config: ProjectConfig = {};
  const project = asTable(document.project);
  const requires = project?.['requires-python'];
  if (typeof requires === 'string') {
    const lower = lowerBoundOf(requires);
    if (lower) config.targetVersion = lower;
  }
  const pandas = declaredPandasVersion(document);
  if (pandas) config.pandasVersion = pandas;
  const pydantic = declaredVersion(document, 'pydantic');
  if (pydantic) config.pydanticVersion = pydantic;
  const raw = asTable(document.tool)?.pymodern;
  const tool = asTable(raw);
  if (raw !== undefined && !tool) {
    // `pymodern = 1`, `pymodern = [...]` or `[[tool.pymodern]]`: a typo must not mean "no config".
    throw new ConfigError(file, 'tool.pymodern', `expected a table ([tool.pymodern]), got ${Array.isArray(raw) ? 'an array' : JSON.stringify(raw)}`);
  }
  if (!tool) return config;
  config.hasToolTable = true;
  const at = (key: string) => `tool.pymodern.${key}`;
  for (const key of Object.keys(tool)) {
    if (!KNOWN_KEYS.includes(key)) {
      throw new ConfigError(file, at(key), `unknown setting (known: ${KNOWN_KEYS.join(', ')})`);
    }
  }
  if (tool.select !== undefined) config.select = selectorList(tool.select, file, at('select'), catalog);
  if (tool.ignore !== undefined) config.ignore = selectorList(tool.ignore, file, at('ignore'), catalog);
  if (tool.preview !== undefined) {
    if (typeof tool.preview !== 'boolean') throw new ConfigError(file, at('preview'), `expected true or false, got ${JSON.stringify(tool.preview)}`);
    config.preview = tool.preview;
  }
  if (tool.exclude !== undefined) {
    config.exclude = stringList(tool.exclude, file, at('exclude'));
    config.exclude.forEach((pattern, i) => {
      if (!pattern.trim()) throw new ConfigError(file, at(`exclude[${i}]`), 'empty glob pattern');
    });
  }
  if (tool['per-file-ignores'] !== undefined) {
    config.perFileIgnores = globTable(tool['per-file-ignores'], file, 'per-file-ignores', '[rule ids or families]', (value, key) => selectorList(value, file, key, catalog));
  }
  if (tool['per-file-severity'] !== undefined) {
    config.perFileSeverity = globTable(tool['per-file-severity'], file, 'per-file-severity', '{ rule id = severity }', (value, key) => severityTable(value, file, key, catalog));
  }
  if (tool['pandas-version'] !== undefined) {
    const value = tool['pandas-version'];
    const version = typeof value === 'string' ? parsePandasVersion(value) : undefined;
    if (!version) throw new ConfigError(file, at('pandas-version'), `expected a pandas version like "2.2", got ${JSON.stringify(value)}`);
    config.pandasVersion = version;
  }
  if (tool['pydantic-version'] !== undefined) {
    const value = tool['pydantic-version'];
    const version = typeof value === 'string' ? parsePandasVersion(value) : undefined;
    if (!version) throw new ConfigError(file, at('pydantic-version'), `expected a pydantic version like "2.7", got ${JSON.stringify(value)}`);
    config.pydanticVersion = version;
  }
  if (tool.typing !== undefined) {
    const table = asTable(tool.typing);
    if (!table) throw new ConfigError(file, at('typing'), `expected a table of settings (known: ${Object.keys(TYPING_SETTINGS).join(', ')})`);
    config.typing = parseTypingTable(table, (key, detail) => {
      throw new ConfigError(file, at(`typing.${key}`), detail);
    });
  }
  if (tool.security !== undefined) {
    const table = asTable(tool.security);
    if (!table) throw new ConfigError(file, at('security'), `expected a table of settings (known: ${SECURITY_SETTINGS.join(', ')})`);
    config.security = parseSecurityTable(table, (key, detail) => {
      throw new ConfigError(file, at(`security.${key}`), detail);
    });
  }
  if (tool['target-version'] !== undefined) {
    const value = tool['target-version'];
    const version = typeof value === 'string' ? parseTargetVersion(value) : undefined;
    if (!version) throw new ConfigError(file, at('target-version'), `expected a version like "3.11" or "py311", got ${JSON.stringify(value)}`);
    config.targetVersion = version;
  }
  if (tool.severity !== undefined) config.severity = severityTable(tool.severity, file, at('severity'), catalog);
  return config;
}

/** A table of rule id = severity (`severity`, and each glob of `per-file-severity`). */
function severityTable(value: unknown, file: string, key: string, catalog: Catalog): Record<string, Severity> {
  const table = asTable(value);
  if (!table) throw new ConfigError(file, key, 'expected a table of rule id = severity');
  const levels: Record<string, Severity> = {};
  for (const [rule, level] of Object.entries(table)) {
    if (!catalog.ruleIds.has(rule)) throw new ConfigError(file, `${key}.${rule}`, `unknown rule id "${rule}"`);
    if (typeof level !== 'string' || !SEVERITIES.includes(level as Severity)) {
      throw new ConfigError(file, `${key}.${rule}`, `expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(level)}`);
    }
    levels[rule] = level as Severity;
  }
  return levels;
}

/** `3.11`, `py311`, `3.11.4` → [3, 11]. */
export function parseTargetVersion(value: string): PythonVersion | undefined {
  const match = /^\s*(?:py)?3(?:\.(\d+)(?:\.\d+)?|(\d+))\s*$/i.exec(value);
  const minor = match ? Number(match[1] ?? match[2]) : NaN;
  return Number.isInteger(minor) && minor >= 0 && minor < 100 ? [3, minor] : undefined;
}

/**
 * The lowest Python 3 minor version a PEP 440 `requires-python` admits, if it says. The
 * comma means "and", so with several lower bounds (`>=3.8, >=3.10`) the highest one holds.
 */
export function lowerBoundOf(requires: string): PythonVersion | undefined {
  let lowest: PythonVersion | undefined;
  for (const clause of requires.split(',')) {
    const match = /^\s*(>=|~=|==|>|===)\s*(\d+)(?:\.(\d+|\*))?/.exec(clause);
    if (!match || match[2] !== '3') continue;
    const minor = match[3] === undefined || match[3] === '*' ? 0 : Number(match[3]);
    if (!lowest || minor > lowest[1]) lowest = [3, minor];
  }
  return lowest;
}

/**
 * Whether a rule runs under a config: `select` (ids, families, ALL; default every rule)
 * minus `ignore`. A preview rule counts in `ALL`, a family or the default only with
 * `preview`; named by its id, it runs either way.
 */
export function isRuleEnabled(rule: RuleMeta, config: RuleConfig): boolean {
  const matches = (selector: string) => selector === 'ALL' || selector === rule.id || selector === rule.family;
  if (config.ignore?.some(matches)) return false;
  const inGroups = rule.status === 'stable' || config.preview === true;
  if (!config.select) return inGroups;
  return config.select.some((s) => s === rule.id || (matches(s) && inGroups));
}

/** The rule's `minVersion` (if any) is at most the config's target version. */
export function meetsTargetVersion(rule: RuleMeta, config: RuleConfig): boolean {
  if (!rule.minVersion) return true;
  const [major, minor] = config.targetVersion ?? DEFAULT_TARGET_VERSION;
  return major > rule.minVersion[0] || (major === rule.minVersion[0] && minor >= rule.minVersion[1]);
}

/** Checks CLI/editor selectors; returns the unknown ones. */
export function unknownSelectors(selectors: readonly string[], catalog: Catalog): string[] {
  return selectors.filter((s) => s !== 'ALL' && !catalog.ruleIds.has(s) && !catalog.families.has(s));
}

function selectorList(value: unknown, file: string, key: string, catalog: Catalog): string[] {
  const list = stringList(value, file, key);
  list.forEach((selector, i) => {
    if (unknownSelectors([selector], catalog).length) {
      throw new ConfigError(file, `${key}[${i}]`, `unknown rule id or family "${selector}"`);
    }
  });
  return list;
}

function stringList(value: unknown, file: string, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new ConfigError(file, key, `expected an array of strings, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A `"glob" = value` table (per-file ignores, per-file severities): each glob checked, each value parsed. */
function globTable<T>(raw: unknown, file: string, name: string, valueShape: string, parse: (value: unknown, key: string) => T): Record<string, T> {
  const table = asTable(raw);
  if (!table) throw new ConfigError(file, `tool.pymodern.${name}`, `expected a table of "glob" = ${valueShape}`);
  const parsed: Record<string, T> = {};
  for (const [pattern, value] of Object.entries(table)) {
    const key = `tool.pymodern.${name}.${JSON.stringify(pattern)}`;
    if (!pattern.replace(/^!/, '').trim()) throw new ConfigError(file, key, 'empty glob pattern');
    parsed[pattern] = parse(value, key);
  }
  return parsed;
}

function asTable(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? (value as Record<string, unknown>) : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
