// Configuration: [tool.pymodern] and requires-python from pyproject.toml text, and which
// rules a config enables.
import assert from 'node:assert/strict';
import {
  catalogOf,
  ConfigError,
  DEFAULT_DUMMY_ARGS,
  DEFAULT_TYPING_OPTIONS,
  isRuleEnabled,
  lowerBoundOf,
  parsePyproject,
  parseTargetVersion,
  resolveTypingOptions,
  TYPING_SETTINGS,
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

  it('rejects a preview that is not a boolean, naming file and key', () => {
    assert.deepEqual(errorOf('[tool.pymodern]\npreview = "yes"\n'), {
      file: FILE,
      key: 'tool.pymodern.preview',
      message: `${FILE}: tool.pymodern.preview: expected true or false, got "yes"`,
    });
  });

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
        'preview = true',
        'target-version = "py312"',
        'exclude = ["migrations/**", "build"]',
        '',
        '[tool.pymodern.severity]',
        'blocking-sleep-in-async = "error"',
        'pandas-read-csv = "hint"',
        '',
        '[tool.pymodern.per-file-ignores]',
        '"legacy/**" = ["typing"]',
        '"tests/*" = ["missing-return-annotation", "pandas-read-csv"]',
        '"!src/new/**" = ["ALL"]',
        '',
        '[tool.pymodern.typing]',
        'star-args = false',
        'private-functions = false',
        "dummy-args = '^_$'",
        'overload-implementation = true',
        'raise-only = false',
        'mypy-init-return = true',
        'suppress-none-returning = true',
        'ignore-fully-untyped = true',
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
      preview: true,
      exclude: ['migrations/**', 'build'],
      severity: { 'blocking-sleep-in-async': 'error', 'pandas-read-csv': 'hint' },
      perFileIgnores: {
        'legacy/**': ['typing'],
        'tests/*': ['missing-return-annotation', 'pandas-read-csv'],
        '!src/new/**': ['ALL'],
      },
      typing: {
        starArgs: false,
        privateFunctions: false,
        dummyArgs: '^_$',
        overloadImplementation: true,
        raiseOnly: false,
        mypyInitReturn: true,
        suppressNoneReturning: true,
        ignoreFullyUntyped: true,
      },
    });
  });

  it('keeps only the typing keys that are set, and an empty dummy-args', () => {
    assert.deepEqual(parse('[tool.pymodern.typing]\nstar-args = true\n').typing, { starArgs: true });
    assert.deepEqual(parse('[tool.pymodern.typing]\ndummy-args = ""\n').typing, { dummyArgs: '' });
    assert.deepEqual(parse('[tool.pymodern]\ntyping = {}\nper-file-ignores = {}\n'), { hasToolTable: true, typing: {}, perFileIgnores: {} });
    assert.deepEqual(parse('[tool.pymodern.per-file-ignores]\n"a.py" = []\n').perFileIgnores, { 'a.py': [] });
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
      message: `${FILE}: tool.pymodern.selct: unknown setting (known: select, ignore, preview, severity, target-version, pandas-version, pydantic-version, exclude, per-file-ignores, per-file-severity, typing, security)`,
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

  it('rejects an unknown typing key, a wrong type and a typing value that is no table', () => {
    const known =
      'star-args, private-functions, dummy-args, overload-implementation, raise-only, mypy-init-return, suppress-none-returning, ignore-fully-untyped, runtime-evaluated-base-classes, runtime-evaluated-decorators';
    assert.deepEqual(errorOf('[tool.pymodern.typing]\nstar_args = false\n'), {
      file: FILE,
      key: 'tool.pymodern.typing.star_args',
      message: `${FILE}: tool.pymodern.typing.star_args: unknown setting (known: ${known})`,
    });
    for (const key of Object.keys(TYPING_SETTINGS).filter((k) => TYPING_SETTINGS[k].kind === 'boolean')) {
      assert.deepEqual(errorOf(`[tool.pymodern.typing]\n${key} = "yes"\n`), {
        file: FILE,
        key: `tool.pymodern.typing.${key}`,
        message: `${FILE}: tool.pymodern.typing.${key}: expected true or false, got "yes"`,
      });
    }
    assert.equal(errorOf('[tool.pymodern.typing]\nraise-only = 0\n').message, `${FILE}: tool.pymodern.typing.raise-only: expected true or false, got 0`);
    assert.equal(
      errorOf('[tool.pymodern.typing]\ndummy-args = ["_"]\n').message,
      `${FILE}: tool.pymodern.typing.dummy-args: expected a regular expression (a string), got ["_"]`,
    );
    assert.equal(errorOf('[tool.pymodern]\ntyping = true\n').message, `${FILE}: tool.pymodern.typing: expected a table of settings (known: ${known})`);
  });

  it('reads runtime-evaluated-base-classes and -decorators as qualified names, naming a bad entry', () => {
    assert.deepEqual(parse('[tool.pymodern.typing]\nruntime-evaluated-base-classes = ["orm.Model"]\nruntime-evaluated-decorators = ["attrs.define", "app.route"]\n').typing, {
      runtimeEvaluatedBaseClasses: ['orm.Model'],
      runtimeEvaluatedDecorators: ['attrs.define', 'app.route'],
    });
    assert.deepEqual(errorOf('[tool.pymodern.typing]\nruntime-evaluated-decorators = "attrs.define"\n'), {
      file: FILE,
      key: 'tool.pymodern.typing.runtime-evaluated-decorators',
      message: `${FILE}: tool.pymodern.typing.runtime-evaluated-decorators: expected an array of qualified names like "pydantic.BaseModel", got "attrs.define"`,
    });
    assert.deepEqual(errorOf('[tool.pymodern.typing]\nruntime-evaluated-base-classes = ["orm.Model", "not a name"]\n'), {
      file: FILE,
      key: 'tool.pymodern.typing.runtime-evaluated-base-classes[1]',
      message: `${FILE}: tool.pymodern.typing.runtime-evaluated-base-classes[1]: expected a qualified name like "pydantic.BaseModel", got "not a name"`,
    });
  });

  it('rejects a dummy-args whose nested quantifiers could backtrack catastrophically', () => {
    assert.deepEqual(errorOf("[tool.pymodern.typing]\ndummy-args = '^(_+)+$'\n"), {
      file: FILE,
      key: 'tool.pymodern.typing.dummy-args',
      message: `${FILE}: tool.pymodern.typing.dummy-args: invalid regular expression "^(_+)+$": a quantified group holds another unbounded quantifier (like \`(a+)+\`), which can take exponential time: rewrite it without the nesting`,
    });
    assert.equal(parse("[tool.pymodern.typing]\ndummy-args = '^(_|unused_.*)$'\n").typing?.dummyArgs, '^(_|unused_.*)$');
  });

  it('rejects a dummy-args that is no valid regular expression, with the reason', () => {
    assert.deepEqual(errorOf("[tool.pymodern.typing]\ndummy-args = '^(_+'\n"), {
      file: FILE,
      key: 'tool.pymodern.typing.dummy-args',
      message: `${FILE}: tool.pymodern.typing.dummy-args: invalid regular expression "^(_+": Unterminated group`,
    });
    assert.equal(
      errorOf("[tool.pymodern.typing]\ndummy-args = '(?x)_'\n").message,
      `${FILE}: tool.pymodern.typing.dummy-args: invalid regular expression "(?x)_": Invalid group`,
    );
    assert.equal(errorOf("[tool.pymodern.typing]\ndummy-args = '*'\n").message, `${FILE}: tool.pymodern.typing.dummy-args: invalid regular expression "*": Nothing to repeat`);
  });

  it('rejects malformed per-file-ignores, naming the glob and index', () => {
    assert.deepEqual(errorOf('[tool.pymodern.per-file-ignores]\n"tests/*" = ["typing", "no-such-rule"]\n'), {
      file: FILE,
      key: 'tool.pymodern.per-file-ignores."tests/*"[1]',
      message: `${FILE}: tool.pymodern.per-file-ignores."tests/*"[1]: unknown rule id or family "no-such-rule"`,
    });
    assert.equal(
      errorOf('[tool.pymodern.per-file-ignores]\n"tests/*" = "typing"\n').message,
      `${FILE}: tool.pymodern.per-file-ignores."tests/*": expected an array of strings, got "typing"`,
    );
    assert.equal(errorOf('[tool.pymodern.per-file-ignores]\n"!" = ["typing"]\n').message, `${FILE}: tool.pymodern.per-file-ignores."!": empty glob pattern`);
    assert.equal(errorOf('[tool.pymodern.per-file-ignores]\n"" = ["typing"]\n').message, `${FILE}: tool.pymodern.per-file-ignores."": empty glob pattern`);
    assert.equal(
      errorOf('[tool.pymodern]\nper-file-ignores = ["tests/*"]\n').message,
      `${FILE}: tool.pymodern.per-file-ignores: expected a table of "glob" = [rule ids or families]`,
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

  it('with preview, takes preview rules into ALL, families and the default; a preview rule named by id runs either way', () => {
    const every = ['blocking-sleep-in-async', 'pandas-read-csv', 'missing-return-annotation', 'blocking-open-in-async'];
    assert.deepEqual(enabled({ preview: true }), every);
    assert.deepEqual(enabled({ select: ['ALL'], preview: true }), every);
    assert.deepEqual(enabled({ select: ['async'], preview: true }), ['blocking-sleep-in-async', 'blocking-open-in-async']);
    assert.deepEqual(enabled({ select: ['dataframes'], preview: true }), ['pandas-read-csv']);
    assert.deepEqual(enabled({ select: ['blocking-open-in-async'], preview: false }), ['blocking-open-in-async']);
    assert.deepEqual(enabled({ select: ['ALL'], preview: false }), ['blocking-sleep-in-async', 'pandas-read-csv', 'missing-return-annotation']);
    assert.deepEqual(enabled({ select: ['ALL'], ignore: ['blocking-open-in-async'], preview: true }), ['blocking-sleep-in-async', 'pandas-read-csv', 'missing-return-annotation']);
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

describe('config: typing options', () => {
  it('are defaulted in one place, with Ruff\'s dummy-variable-rgx', () => {
    assert.equal(DEFAULT_DUMMY_ARGS, '^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$');
    assert.deepEqual(DEFAULT_TYPING_OPTIONS, {
      starArgs: true,
      privateFunctions: true,
      dummyArgs: DEFAULT_DUMMY_ARGS,
      overloadImplementation: false,
      raiseOnly: true,
      mypyInitReturn: false,
      suppressNoneReturning: false,
      runtimeEvaluatedBaseClasses: [],
      runtimeEvaluatedDecorators: [],
      ignoreFullyUntyped: false,
    });
    assert.deepEqual(Object.values(TYPING_SETTINGS).map((s) => s.field).sort(), Object.keys(DEFAULT_TYPING_OPTIONS).sort());
  });

  it('resolve unset keys to the defaults, memoised per object', () => {
    const none = resolveTypingOptions(undefined);
    assert.equal(none.starArgs, true);
    assert.equal(none.dummyArgs, DEFAULT_DUMMY_ARGS);
    const partial = { starArgs: false, mypyInitReturn: undefined };
    const resolved = resolveTypingOptions(partial);
    assert.equal(resolved.starArgs, false);
    assert.equal(resolved.mypyInitReturn, false);
    assert.equal(resolveTypingOptions(partial), resolved);
    assert.equal(resolveTypingOptions({ starArgs: false }).key, resolved.key);
    assert.notEqual(none.key, resolved.key);
  });

  it('match dummy names as Ruff does by default; a custom pattern is searched; empty matches nothing', () => {
    const dummy = resolveTypingOptions({});
    assert.deepEqual(['_', '__', '_unused', '_x1', '__x', 'x', 'x_', '_x_', 'unused_', '_é'].filter((n) => dummy.isDummy(n)), ['_', '__', '_unused', '_x1', '__x']);
    const custom = resolveTypingOptions({ dummyArgs: 'unused' });
    assert.deepEqual(['unused', 'an_unused_one', '_'].filter((n) => custom.isDummy(n)), ['unused', 'an_unused_one']);
    assert.equal(resolveTypingOptions({ dummyArgs: '' }).isDummy('_'), false);
  });

  it('fall back to the default dummy pattern when given one that does not compile', () => {
    const broken = resolveTypingOptions({ dummyArgs: '(' });
    assert.equal(broken.dummyArgs, DEFAULT_DUMMY_ARGS);
    assert.equal(broken.isDummy('_'), true);
  });
});
