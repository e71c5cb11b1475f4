// Project configuration: `[tool.pymodern]` and `[project] requires-python` from a
// pyproject.toml's text, validated against the rule catalog, and rule selection.
// Reading files and finding the nearest pyproject.toml belong to the adapters.
import { parse as parseToml, TomlError } from 'smol-toml';
import { SEVERITIES, type PythonVersion, type RuleConfig, type RuleMeta, type Severity } from './types';

export interface ProjectConfig extends RuleConfig {
  /** Glob patterns (relative to the pyproject.toml folder) the CLI and scans skip. */
  exclude?: string[];
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

const KNOWN_KEYS = ['select', 'ignore', 'severity', 'target-version', 'exclude'];

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
  const tool = asTable(asTable(document.tool)?.pymodern);
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
  if (tool.exclude !== undefined) config.exclude = stringList(tool.exclude, file, at('exclude'));
  if (tool['target-version'] !== undefined) {
    const value = tool['target-version'];
    const version = typeof value === 'string' ? parseTargetVersion(value) : undefined;
    if (!version) throw new ConfigError(file, at('target-version'), `expected a version like "3.11" or "py311", got ${JSON.stringify(value)}`);
    config.targetVersion = version;
  }
  if (tool.severity !== undefined) {
    const table = asTable(tool.severity);
    if (!table) throw new ConfigError(file, at('severity'), 'expected a table of rule id = severity');
    config.severity = {};
    for (const [rule, level] of Object.entries(table)) {
      if (!catalog.ruleIds.has(rule)) throw new ConfigError(file, at(`severity.${rule}`), `unknown rule id "${rule}"`);
      if (typeof level !== 'string' || !SEVERITIES.includes(level as Severity)) {
        throw new ConfigError(file, at(`severity.${rule}`), `expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(level)}`);
      }
      config.severity[rule] = level as Severity;
    }
  }
  return config;
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

/** Whether a rule runs under a config: `select` (ids, families, ALL) minus `ignore`. */
export function isRuleEnabled(rule: RuleMeta, config: RuleConfig): boolean {
  const matches = (selector: string) => selector === 'ALL' || selector === rule.id || selector === rule.family;
  if (config.ignore?.some(matches)) return false;
  if (!config.select) return rule.status === 'stable';
  // Preview rules run only when named by id.
  return config.select.some((s) => s === rule.id || (matches(s) && rule.status === 'stable'));
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

function asTable(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
