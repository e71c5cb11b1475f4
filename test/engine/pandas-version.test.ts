// The pandas target: the lower bound of a project's pandas requirement (PEP 440, PEP 508,
// Poetry constraints) read from pyproject.toml, `pandas-version` over it, and the
// `per-file-severity` table, with the ConfigErrors their malformed values raise.
import assert from 'node:assert/strict';
import { catalogOf, ConfigError, parsePyproject, type Catalog } from '../../src/engine/config';
import { declaredPandasVersion, pandasSpecifiers, parsePandasVersion, pep440LowerBound, poetryLowerBound } from '../../src/engine/pandas-version';
import { parse as parseToml } from 'smol-toml';
import { readRuleSet } from '../../src/node/load-engine';
import { DIST_DIR } from '../helpers/engine';

const FILE = 'analytics/pyproject.toml';

describe('pandas version: specifiers', () => {
  it('parses the explicit setting: major, major.minor, a full release', () => {
    assert.deepEqual(parsePandasVersion('2.2'), [2, 2]);
    assert.deepEqual(parsePandasVersion(' 3 '), [3, 0]);
    assert.deepEqual(parsePandasVersion('2.1.4'), [2, 1]);
    for (const bad of ['', 'two', '>=2.1', '2.x', 'v2.2', '2.2rc1']) assert.equal(parsePandasVersion(bad), undefined, bad);
  });

  it('takes the lower bound of a PEP 440 specifier set', () => {
    const cases: [string, [number, number] | undefined][] = [
      ['>=2.1,<3', [2, 1]],
      ['>= 2.2.1', [2, 2]],
      ['~=2.0', [2, 0]],
      ['==2.2.*', [2, 2]],
      ['==1.5.3', [1, 5]],
      ['>1.5', [1, 5]],
      ['>=1.3, >=2.0', [2, 0]],
      ['<3', undefined],
      ['!=2.0.0', undefined],
      ['', undefined],
    ];
    for (const [spec, expected] of cases) assert.deepEqual(pep440LowerBound(spec), expected, spec);
  });

  it('takes the lower bound of a Poetry constraint, the lowest alternative of an "or"', () => {
    const cases: [string, [number, number] | undefined][] = [
      ['^2.2', [2, 2]],
      ['~2.1.3', [2, 1]],
      ['2.0.3', [2, 0]],
      ['>=2.1,<3', [2, 1]],
      ['>=2.1 <3', [2, 1]],
      ['^1.5 || ^2.0', [1, 5]],
      ['*', undefined],
      ['<3.0', undefined],
    ];
    for (const [constraint, expected] of cases) assert.deepEqual(poetryLowerBound(constraint), expected, constraint);
  });

  it('reads the specifiers of a PEP 508 requirement on pandas only', () => {
    assert.equal(pandasSpecifiers('pandas>=2.1,<3'), '>=2.1,<3');
    assert.equal(pandasSpecifiers('pandas[pyarrow, excel] >= 2.2 ; python_version >= "3.9"'), '>= 2.2 ');
    assert.equal(pandasSpecifiers('Pandas (>=2.0)'), '>=2.0');
    assert.equal(pandasSpecifiers('pandas'), '');
    for (const other of ['pandas-stubs>=2.1', 'geopandas>=0.14', 'polars>=1.0', 'pandas_market_calendars']) assert.equal(pandasSpecifiers(other), undefined, other);
  });

  it('finds the requirement in every dependency table and keeps the lowest bound', () => {
    const declared = (toml: string) => declaredPandasVersion(parseToml(toml) as Record<string, unknown>);
    assert.deepEqual(declared('[project]\ndependencies = ["numpy>=1.26", "pandas>=2.1,<3"]\n'), [2, 1]);
    assert.deepEqual(declared('[project]\ndependencies = ["numpy"]\n[project.optional-dependencies]\nframes = ["pandas~=2.2"]\n'), [2, 2]);
    assert.deepEqual(declared('[dependency-groups]\nanalysis = ["pandas>=2.0", {include-group = "test"}]\n'), [2, 0]);
    assert.deepEqual(declared('[tool.poetry.dependencies]\npython = "^3.10"\npandas = "^2.2"\n'), [2, 2]);
    assert.deepEqual(declared('[tool.poetry.dependencies]\npandas = { version = ">=2.1", optional = true }\n'), [2, 1]);
    assert.deepEqual(declared('[tool.poetry.dependencies]\npandas = [{ version = "^1.5", python = "<3.9" }, { version = "^2.1", python = ">=3.9" }]\n'), [1, 5]);
    assert.deepEqual(declared('[tool.poetry.group.dev.dependencies]\npandas = "^2.0"\n'), [2, 0]);
    // Runtime and an extra disagree: the oldest admitted pandas is the one the code must survive.
    assert.deepEqual(declared('[project]\ndependencies = ["pandas>=2.2"]\n[project.optional-dependencies]\nlegacy = ["pandas>=1.5"]\n'), [1, 5]);
    // No bound, a URL, or no pandas at all: nothing declared.
    assert.equal(declared('[project]\ndependencies = ["pandas"]\n'), undefined);
    assert.equal(declared('[project]\ndependencies = ["pandas @ https://example.com/pandas.whl"]\n'), undefined);
    assert.equal(declared('[project]\ndependencies = ["polars>=1.0"]\n'), undefined);
    assert.equal(declared('[project]\ndependencies = "pandas>=2.1"\n'), undefined, 'not a list: not ours to reject');
  });
});

describe('pandas version: pyproject.toml', () => {
  let catalog: Catalog;
  before(() => {
    catalog = catalogOf(readRuleSet(DIST_DIR).rules);
  });
  const parse = (text: string) => parsePyproject(text, FILE, catalog);
  const errorOf = (text: string) => {
    try {
      parse(text);
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return { key: error.key, message: error.message };
    }
    return assert.fail('no error');
  };

  it('gives the declared pandas alongside requires-python, without a [tool.pymodern] table', () => {
    assert.deepEqual(parse('[project]\nrequires-python = ">=3.10"\ndependencies = ["pandas>=2.1,<3"]\n'), { targetVersion: [3, 10], pandasVersion: [2, 1] });
  });

  it('lets pandas-version override the declared requirement', () => {
    assert.deepEqual(parse('[project]\ndependencies = ["pandas>=1.5"]\n[tool.pymodern]\npandas-version = "2.2"\n').pandasVersion, [2, 2]);
  });

  it('rejects a malformed pandas-version, naming the key', () => {
    for (const value of ['"latest"', '">=2.1"', '2.2', '[2, 2]']) {
      assert.deepEqual(errorOf(`[tool.pymodern]\npandas-version = ${value}\n`), {
        key: 'tool.pymodern.pandas-version',
        message: `${FILE}: tool.pymodern.pandas-version: expected a pandas version like "2.2", got ${JSON.stringify(parseToml(`v = ${value}`).v)}`,
      });
    }
  });

  it('reads the pydantic requirement the same way, and lets pydantic-version override it', () => {
    assert.deepEqual(parse('[project]\ndependencies = ["pydantic>=1.10,<2", "pandas>=2.1"]\n'), { pandasVersion: [2, 1], pydanticVersion: [1, 10] });
    assert.deepEqual(parse('[tool.poetry.dependencies]\npydantic = { version = "^2.5", extras = ["email"] }\n').pydanticVersion, [2, 5]);
    assert.deepEqual(parse('[project]\ndependencies = ["pydantic-settings>=2.1"]\n').pydanticVersion, undefined);
    assert.deepEqual(parse('[project]\ndependencies = ["pydantic>=1.10"]\n[tool.pymodern]\npydantic-version = "2.7"\n').pydanticVersion, [2, 7]);
    assert.deepEqual(errorOf('[tool.pymodern]\npydantic-version = "v2"\n'), {
      key: 'tool.pymodern.pydantic-version',
      message: `${FILE}: tool.pymodern.pydantic-version: expected a pydantic version like "2.7", got "v2"`,
    });
  });

  it('reads per-file-severity: glob → rule id → severity', () => {
    const config = parse('[tool.pymodern.per-file-severity]\n"tests/**" = { pandas-read-csv = "hint", pandas-inplace = "warning" }\n"!src/**" = { pandas-read-sql = "information" }\n');
    assert.deepEqual(config.perFileSeverity, {
      'tests/**': { 'pandas-read-csv': 'hint', 'pandas-inplace': 'warning' },
      '!src/**': { 'pandas-read-sql': 'information' },
    });
  });

  it('rejects malformed per-file-severity, naming the glob and rule', () => {
    assert.deepEqual(errorOf('[tool.pymodern]\nper-file-severity = ["tests/*"]\n'), {
      key: 'tool.pymodern.per-file-severity',
      message: `${FILE}: tool.pymodern.per-file-severity: expected a table of "glob" = { rule id = severity }`,
    });
    assert.deepEqual(errorOf('[tool.pymodern.per-file-severity]\n"tests/*" = "hint"\n'), {
      key: 'tool.pymodern.per-file-severity."tests/*"',
      message: `${FILE}: tool.pymodern.per-file-severity."tests/*": expected a table of rule id = severity`,
    });
    assert.deepEqual(errorOf('[tool.pymodern.per-file-severity]\n"tests/*" = { no-such-rule = "hint" }\n'), {
      key: 'tool.pymodern.per-file-severity."tests/*".no-such-rule',
      message: `${FILE}: tool.pymodern.per-file-severity."tests/*".no-such-rule: unknown rule id "no-such-rule"`,
    });
    assert.deepEqual(errorOf('[tool.pymodern.per-file-severity]\n"tests/*" = { pandas-read-csv = "quiet" }\n'), {
      key: 'tool.pymodern.per-file-severity."tests/*".pandas-read-csv',
      message: `${FILE}: tool.pymodern.per-file-severity."tests/*".pandas-read-csv: expected one of error, warning, information, hint, got "quiet"`,
    });
    assert.equal(errorOf('[tool.pymodern.per-file-severity]\n"!" = { pandas-read-csv = "hint" }\n').message, `${FILE}: tool.pymodern.per-file-severity."!": empty glob pattern`);
  });
});
