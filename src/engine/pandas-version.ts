// The pandas version a project targets (and, read the same way, its pydantic version), read from its pyproject.toml the way the Python
// target is read from `requires-python`: the lower bound of the pandas requirement. The
// version-aware pandas rules (pandas-removed-api, pandas-deprecated-api) say "removed" only
// when the target has lost the API, and offer a fix only when the target has its replacement.
//
// Where a requirement is looked for, all of them counted, the lowest bound winning (the
// oldest pandas the project admits anywhere is the one its code must survive):
//   [project] dependencies                    "pandas>=2.1,<3", "pandas[pyarrow]~=2.2"
//   [project.optional-dependencies] <extra>
//   [dependency-groups] <group>               (PEP 735)
//   [tool.poetry.dependencies] pandas         "^2.2", { version = ">=2.1" }, [{ version = … }, …]
//   [tool.poetry.group.<name>.dependencies] pandas, [tool.poetry.dev-dependencies] pandas
// requirements*.txt files are not read: they usually pin one deployment (`pandas==2.2.3`)
// rather than state what the code supports, and `pandas-version` says it when they do.
// A requirement the reader cannot parse (a URL, a marker-only line) is skipped, as a
// `requires-python` it cannot read is: packaging metadata is not pymodern's to reject.
import type { PandasVersion } from './types';

/** `2.2`, `2`, `2.2.3` → [2, 2]: the form of `pandas-version` and `--pandas-version`. */
export function parsePandasVersion(value: string): PandasVersion | undefined {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,3})(?:\.\d+)?)?\s*$/.exec(value);
  return match ? [Number(match[1]), match[2] === undefined ? 0 : Number(match[2])] : undefined;
}

/**
 * The lowest pandas release a PEP 440 specifier set admits (`>=2.1,<3` → 2.1), if it has a
 * lower bound. The comma means "and": with several lower bounds the highest one holds.
 */
export function pep440LowerBound(specifiers: string): PandasVersion | undefined {
  let lowest: PandasVersion | undefined;
  for (const clause of specifiers.split(',')) {
    const match = /^\s*(>=|~=|===|==|>)\s*v?(\d+)(?:\.(\d+|\*))?/.exec(clause);
    if (!match) continue;
    const bound: PandasVersion = [Number(match[2]), match[3] === undefined || match[3] === '*' ? 0 : Number(match[3])];
    if (!lowest || compareVersions(bound, lowest) > 0) lowest = bound;
  }
  return lowest;
}

/**
 * The lowest pandas release a Poetry constraint admits: `^2.2`, `~2.2`, `2.2` (exact),
 * `>=2.1,<3` or `>=2.1 <3` (and), `^1.5 || ^2.0` (or: the lowest alternative).
 */
export function poetryLowerBound(constraint: string): PandasVersion | undefined {
  let lowest: PandasVersion | undefined;
  for (const alternative of constraint.split('||')) {
    let bound: PandasVersion | undefined;
    for (const clause of alternative.trim().split(/\s*,\s*|\s+(?=[<>=!~^\d])/)) {
      const match = /^(\^|~=|~|>=|===|==|=|>)?\s*v?(\d+)(?:\.(\d+|\*))?/.exec(clause.trim());
      if (!match || /^[<!]/.test(clause.trim())) continue;
      const candidate: PandasVersion = [Number(match[2]), match[3] === undefined || match[3] === '*' ? 0 : Number(match[3])];
      if (!bound || compareVersions(candidate, bound) > 0) bound = candidate;
    }
    if (bound && (!lowest || compareVersions(bound, lowest) < 0)) lowest = bound;
  }
  return lowest;
}

/**
 * The specifiers of a PEP 508 requirement on `project` (`pandas[pyarrow] >= 2.1 ;
 * python_version >= "3.9"` → `>= 2.1`); undefined for a requirement on another project or a URL.
 */
export function requirementSpecifiers(requirement: string, project: string): string | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;@]*)(;|$)/.exec(requirement);
  if (!match || match[1].toLowerCase().replace(/[-_.]+/g, '-') !== project) return undefined;
  return match[2].replace(/^\(|\)\s*$/g, '');
}

export function pandasSpecifiers(requirement: string): string | undefined {
  return requirementSpecifiers(requirement, 'pandas');
}

/** The pandas version a parsed pyproject.toml declares (see the top of this file), if any. */
export function declaredPandasVersion(document: Record<string, unknown>): PandasVersion | undefined {
  return declaredVersion(document, 'pandas');
}

/**
 * The lowest version of `project` (a normalised distribution name: `pydantic`, `pandas`) that
 * a parsed pyproject.toml admits, read the way the pandas version is (see the top of this file).
 */
export function declaredVersion(document: Record<string, unknown>, project: string): PandasVersion | undefined {
  const bounds: (PandasVersion | undefined)[] = [];
  const fromRequirements = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const entry of list) {
      const specifiers = typeof entry === 'string' ? requirementSpecifiers(entry, project) : undefined;
      if (specifiers !== undefined) bounds.push(pep440LowerBound(specifiers));
    }
  };
  const fromPoetry = (dependencies: unknown) => {
    const value = tableOf(dependencies)?.[project];
    for (const item of Array.isArray(value) ? value : [value]) {
      const constraint = typeof item === 'string' ? item : tableOf(item)?.version;
      if (typeof constraint === 'string') bounds.push(poetryLowerBound(constraint));
    }
  };
  const projectTable = tableOf(document.project);
  fromRequirements(projectTable?.dependencies);
  for (const extra of Object.values(tableOf(projectTable?.['optional-dependencies']) ?? {})) fromRequirements(extra);
  for (const group of Object.values(tableOf(document['dependency-groups']) ?? {})) fromRequirements(group);
  const poetry = tableOf(tableOf(document.tool)?.poetry);
  fromPoetry(poetry?.dependencies);
  fromPoetry(poetry?.['dev-dependencies']);
  for (const group of Object.values(tableOf(poetry?.group) ?? {})) fromPoetry(tableOf(group)?.dependencies);
  let lowest: PandasVersion | undefined;
  for (const bound of bounds) if (bound && (!lowest || compareVersions(bound, lowest) < 0)) lowest = bound;
  return lowest;
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. */
export function compareVersions(a: PandasVersion, b: PandasVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

function tableOf(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? (value as Record<string, unknown>) : undefined;
}
