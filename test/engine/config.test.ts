// Configuration: [tool.pymodern] and requires-python from pyproject.toml text, and which
// rules a config enables.
import assert from 'node:assert/strict';
import {
  catalogOf,
  ConfigError,
  isRuleEnabled,
  lowerBoundOf,
  parsePyproject,
  parseTargetVersion,
  unknownSelectors,
  type Catalog,
} from '../../src/engine/config';
import type { RuleConfig, RuleMeta } from '../../src/engine/types';
import { readRuleSet } from '../../src/node/load-engine';
import { DIST_DIR } from '../helpers/engine';

const FILE = 'services/api/pyproject.toml';

describe('config: parsePyproject', () => {
  let catalog: Catalog;
  before(() => {
    catalog = catalogOf(readRuleSet(DIST_DIR).rules);
  });

  const parse = (text: string) => parsePyproject(text, FILE, catalog);

  /** The ConfigError a text raises: file, key and the whole message. */
  function errorOf(text: string): { file: string; key: string; message: string } {
    try {
      parse(text);
    } catch (error) {
      assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
      return { file: error.file, key: error.key, message: error.message };
    }
    assert.fail('no error');
  }

  it('reads every setting', () => {
    const config = parse(
      [
        '[project]',
        'name = "api"',
        'requires-python = ">=3.9"',
        '',
        '[tool.pymodern]',
        'select = ["async", "pandas-read-csv"]',
        'ignore = ["missing-return-annotation"]',
        'target-version = "py312"',
        'exclude = ["migrations/**", "build"]',
        '',
        '[tool.pymodern.severity]',
        'blocking-sleep-in-async = "error"',
        'pandas-read-csv = "hint"',
        '',
        '[tool.ruff]',
        'line-length = 100',
      ].join('\n'),
    );
    assert.deepEqual(config, {
      targetVersion: [3, 12],
      hasToolTable: true,
      select: ['async', 'pandas-read-csv'],
      ignore: ['missing-return-annotation'],
      exclude: ['migrations/**', 'build'],
      severity: { 'blocking-sleep-in-async': 'error', 'pandas-read-csv': 'hint' },
    });
  });

  it('without [tool.pymodern] takes only the target version from requires-python', () => {
    assert.deepEqual(parse('[project]\nrequires-python = ">=3.11"\n'), { targetVersion: [3, 11] });
    assert.deepEqual(parse('[tool.black]\nline-length = 88\n'), {});
    assert.deepEqual(parse(''), {});
  });

  it('target-version wins over requires-python', () => {
    assert.deepEqual(parse('[project]\nrequires-python = ">=3.8"\n[tool.pymodern]\ntarget-version = "3.13"\n').targetVersion, [3, 13]);
  });

  for (const [requires, expected] of [
    ['>=3.9', [3, 9]],
    ['~=3.11', [3, 11]],
    ['>=3.8,<4', [3, 8]],
    ['>=3.8, <4.0', [3, 8]],
    ['==3.12.*', [3, 12]],
    ['>3.10', [3, 10]],
    ['>=3', [3, 0]],
    ['<4,>=3.10', [3, 10]],
    ['>=3.8, >=3.10', [3, 10]],
    ['!=3.9.*,>=3.7', [3, 7]],
    ['<3.12', undefined],
    ['>=2.7', undefined],
    ['', undefined],
  ] as [string, [number, number] | undefined][]) {
    it(`requires-python "${requires}" gives ${expected ? expected.join('.') : 'no'} lower bound`, () => {
      assert.deepEqual(lowerBoundOf(requires), expected);
      assert.deepEqual(parse(`[project]\nrequires-python = "${requires}"\n`).targetVersion, expected);
    });
  }

  it('parses target versions', () => {
    assert.deepEqual(parseTargetVersion('3.11'), [3, 11]);
    assert.deepEqual(parseTargetVersion('py311'), [3, 11]);
    assert.deepEqual(parseTargetVersion('PY39'), [3, 9]);
    assert.deepEqual(parseTargetVersion(' 3.12.4 '), [3, 12]);
    assert.equal(parseTargetVersion('2.7'), undefined);
    assert.equal(parseTargetVersion('3'), undefined);
    assert.equal(parseTargetVersion('py3'), undefined);
    assert.equal(parseTargetVersion('three'), undefined);
  });

  it('rejects an unknown key, naming file and key', () => {
    assert.deepEqual(errorOf('[tool.pymodern]\nselct = ["ALL"]\n'), {
      file: FILE,
      key: 'tool.pymodern.selct',
      message: `${FILE}: tool.pymodern.selct: unknown setting (known: select, ignore, severity, target-version, exclude)`,
    });
  });

  it('rejects an unknown rule id or family in select and ignore, naming the index', () => {
    assert.deepEqual(errorOf('[tool.pymodern]\nselect = ["async", "no-such-rule"]\n'), {
      file: FILE,
      key: 'tool.pymodern.select[1]',
      message: `${FILE}: tool.pymodern.select[1]: unknown rule id or family "no-such-rule"`,
    });
    assert.equal(errorOf('[tool.pymodern]\nignore = ["Async"]\n').message, `${FILE}: tool.pymodern.ignore[0]: unknown rule id or family "Async"`);
  });

  it('rejects a bad severity and a severity for an unknown rule', () => {
    assert.deepEqual(errorOf('[tool.pymodern.severity]\npandas-read-csv = "loud"\n'), {
      file: FILE,
      key: 'tool.pymodern.severity.pandas-read-csv',
      message: `${FILE}: tool.pymodern.severity.pandas-read-csv: expected one of error, warning, information, hint, got "loud"`,
    });
    assert.equal(
      errorOf('[tool.pymodern.severity]\npandas-read-csv = 2\n').message,
      `${FILE}: tool.pymodern.severity.pandas-read-csv: expected one of error, warning, information, hint, got 2`,
    );
    assert.equal(errorOf('[tool.pymodern.severity]\nread-csv = "error"\n').message, `${FILE}: tool.pymodern.severity.read-csv: unknown rule id "read-csv"`);
    assert.equal(errorOf('[tool.pymodern]\nseverity = "error"\n').message, `${FILE}: tool.pymodern.severity: expected a table of rule id = severity`);
  });

  it('rejects malformed values', () => {
    assert.equal(errorOf('[tool.pymodern]\nselect = "ALL"\n').message, `${FILE}: tool.pymodern.select: expected an array of strings, got "ALL"`);
    assert.equal(errorOf('[tool.pymodern]\nexclude = [1, 2]\n').message, `${FILE}: tool.pymodern.exclude: expected an array of strings, got [1,2]`);
    assert.equal(
      errorOf('[tool.pymodern]\ntarget-version = "three"\n').message,
      `${FILE}: tool.pymodern.target-version: expected a version like "3.11" or "py311", got "three"`,
    );
    assert.equal(
      errorOf('[tool.pymodern]\ntarget-version = 3.11\n').message,
      `${FILE}: tool.pymodern.target-version: expected a version like "3.11" or "py311", got 3.11`,
    );
  });

  it('rejects invalid TOML with the line and column', () => {
    assert.deepEqual(errorOf('[tool.pymodern]\nselect = ["async"\n'), {
      file: FILE,
      key: '',
      message: `${FILE}: invalid TOML at line 3, column 1: Invalid TOML document: expected comma or end of structure`,
    });
    assert.equal(
      errorOf('[project]\nrequires-python = >=3.9\n').message,
      `${FILE}: invalid TOML at line 2, column 19: Invalid TOML document: invalid value`,
    );
    assert.equal(
      errorOf('[tool.pymodern]\nselect = ["ALL"]\nselect = []\n').message,
      `${FILE}: invalid TOML at line 3, column 1: Invalid TOML document: trying to redefine an already defined table or value`,
    );
  });
});

describe('config: rule selection', () => {
  let rules: RuleMeta[];
  let sleep: RuleMeta;
  let csv: RuleMeta;
  let annotation: RuleMeta;
  let preview: RuleMeta;

  before(() => {
    rules = readRuleSet(DIST_DIR).rules;
    sleep = rules.find((r) => r.id === 'blocking-sleep-in-async')!;
    csv = rules.find((r) => r.id === 'pandas-read-csv')!;
    annotation = rules.find((r) => r.id === 'missing-return-annotation')!;
    preview = { ...sleep, id: 'blocking-open-in-async', status: 'preview' };
  });

  const enabled = (config: RuleConfig) => [sleep, csv, annotation, preview].filter((r) => isRuleEnabled(r, config)).map((r) => r.id);

  it('enables every stable rule and no preview rule by default', () => {
    assert.deepEqual(enabled({}), ['blocking-sleep-in-async', 'pandas-read-csv', 'missing-return-annotation']);
  });

  it('selects by id, by family and ALL; preview rules only by id', () => {
    assert.deepEqual(enabled({ select: ['ALL'] }), ['blocking-sleep-in-async', 'pandas-read-csv', 'missing-return-annotation']);
    assert.deepEqual(enabled({ select: ['async'] }), ['blocking-sleep-in-async']);
    assert.deepEqual(enabled({ select: ['typing', 'pandas-read-csv'] }), ['pandas-read-csv', 'missing-return-annotation']);
    assert.deepEqual(enabled({ select: ['blocking-open-in-async'] }), ['blocking-open-in-async']);
    assert.deepEqual(enabled({ select: ['ALL', 'blocking-open-in-async'] }), ['blocking-sleep-in-async', 'pandas-read-csv', 'missing-return-annotation', 'blocking-open-in-async']);
    assert.deepEqual(enabled({ select: [] }), []);
  });

  it('ignore wins over select, by id, family or ALL', () => {
    assert.deepEqual(enabled({ ignore: ['dataframes'] }), ['blocking-sleep-in-async', 'missing-return-annotation']);
    assert.deepEqual(enabled({ select: ['ALL'], ignore: ['missing-return-annotation'] }), ['blocking-sleep-in-async', 'pandas-read-csv']);
    assert.deepEqual(enabled({ select: ['blocking-sleep-in-async'], ignore: ['async'] }), []);
    assert.deepEqual(enabled({ ignore: ['ALL'] }), []);
  });

  it('names unknown selectors', () => {
    assert.deepEqual(unknownSelectors(['ALL', 'async', 'pandas-read-csv', 'asyncio', 'all', 'E501'], catalogOf(rules)), ['asyncio', 'all', 'E501']);
  });
});
