// Settings over pyproject.toml in the editor: the `pymodern.typing` setting, whose JSON
// schema in package.json speaks the vocabulary of [tool.pymodern.typing] (same kebab-case
// keys, types and defaults), read with the same validation (bad keys warned about and
// dropped) and merged key by key; per-file-ignores applied after the settings; and the line
// a broken pyproject.toml key is pointed at.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { catalogOf, DEFAULT_TYPING_OPTIONS, TYPING_SETTINGS } from '../../../src/engine/config';
import { readRuleSet } from '../../../src/node/load-engine';
import { ProjectConfigs } from '../../../src/node/project-config';
import { configErrorLine, mergeRuleConfig, typingOverrides } from '../../../src/vscode/rule-config';
import { DIST_DIR, REPO_ROOT } from '../../helpers/engine';

interface SettingSchema {
  type: string;
  default: unknown;
  scope?: string;
  markdownDescription?: string;
  additionalProperties?: boolean;
  properties?: Record<string, SettingSchema>;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
};
const setting = manifest.contributes.configuration.properties['pymodern.typing'];

describe('vscode setting pymodern.typing: schema in package.json', () => {
  it('is a resource-scoped object whose default sets nothing, so pyproject.toml applies until a key is set', () => {
    assert.ok(setting, 'pymodern.typing is declared');
    assert.equal(setting.type, 'object');
    assert.equal(setting.scope, 'resource');
    assert.deepEqual(setting.default, {});
    assert.equal(setting.additionalProperties, false);
    assert.match(setting.markdownDescription ?? '', /\[tool\.pymodern\.typing\]/);
  });

  it('has one property per [tool.pymodern.typing] key, in the same order, with its type, default and description', () => {
    const properties = setting.properties ?? {};
    assert.deepEqual(Object.keys(properties), Object.keys(TYPING_SETTINGS));
    for (const [key, { field, kind }] of Object.entries(TYPING_SETTINGS)) {
      const property = properties[key];
      assert.equal(property.type, kind === 'boolean' ? 'boolean' : kind === 'names' ? 'array' : 'string', key);
      assert.deepEqual(property.default, DEFAULT_TYPING_OPTIONS[field], key);
      assert.ok((property.markdownDescription ?? '').length > 40, `${key} has a markdownDescription`);
    }
  });

  it('accepts good values and rejects unknown keys and wrong types', () => {
    const validate = new Ajv({ strict: false }).compile(setting);
    assert.equal(validate({}), true);
    assert.equal(validate({ 'star-args': false, 'dummy-args': '^_$', 'ignore-fully-untyped': true }), true);
    assert.equal(validate({ starArgs: false }), false);
    assert.equal(validate({ 'star-args': 'no' }), false);
    assert.equal(validate({ 'dummy-args': 1 }), false);
  });
});

describe('vscode setting pymodern.typing: reading and merging', () => {
  const read = (value: unknown) => {
    const warnings: string[] = [];
    return { typing: typingOverrides(value, (message) => warnings.push(message)), warnings };
  };

  it('reads the kebab-case keys into options', () => {
    assert.deepEqual(read({ 'star-args': false, 'dummy-args': '', 'mypy-init-return': true }), {
      typing: { starArgs: false, dummyArgs: '', mypyInitReturn: true },
      warnings: [],
    });
    assert.deepEqual(read({}), { typing: undefined, warnings: [] });
    assert.deepEqual(read(undefined), { typing: undefined, warnings: [] });
  });

  it('drops each bad key with a warning, keeping the good ones', () => {
    assert.deepEqual(read({ 'star-args': 'no', 'dummy-args': '(', starArgs: true, 'raise-only': false }), {
      typing: { raiseOnly: false },
      warnings: [
        'pymodern.typing.star-args: expected true or false, got "no" (ignored)',
        'pymodern.typing.dummy-args: invalid regular expression "(": Unterminated group (ignored)',
        'pymodern.typing.starArgs: unknown setting (known: star-args, private-functions, dummy-args, overload-implementation, raise-only, mypy-init-return, suppress-none-returning, ignore-fully-untyped, runtime-evaluated-base-classes, runtime-evaluated-decorators) (ignored)',
      ],
    });
    assert.deepEqual(read([true]), { typing: undefined, warnings: ['pymodern.typing: expected an object, got [true] (ignored)'] });
  });

  it('merges key by key over [tool.pymodern.typing], the setting winning', () => {
    const project = { typing: { starArgs: false, dummyArgs: '^_$' } };
    assert.deepEqual(mergeRuleConfig(project, {}), { typing: { starArgs: false, dummyArgs: '^_$' } });
    assert.deepEqual(mergeRuleConfig(project, { typing: { starArgs: true, raiseOnly: false } }), {
      typing: { starArgs: true, dummyArgs: '^_$', raiseOnly: false },
    });
    assert.deepEqual(mergeRuleConfig({}, { typing: { ignoreFullyUntyped: true } }), { typing: { ignoreFullyUntyped: true } });
  });
  it('takes pymodern.preview when the user set it, else preview from pyproject.toml', () => {
    assert.deepEqual(mergeRuleConfig({ preview: true }, {}), { preview: true });
    assert.deepEqual(mergeRuleConfig({ preview: true }, { preview: false }), { preview: false });
    assert.deepEqual(mergeRuleConfig({}, { preview: true }), { preview: true });
    assert.deepEqual(mergeRuleConfig({}, {}), {});
  });
  it('takes pymodern.pandasVersion and pymodern.pydanticVersion over the versions pyproject.toml declares', () => {
    assert.deepEqual(mergeRuleConfig({ pandasVersion: [2, 1], pydanticVersion: [1, 10] }, {}), { pandasVersion: [2, 1], pydanticVersion: [1, 10] });
    assert.deepEqual(mergeRuleConfig({ pydanticVersion: [1, 10] }, { pydanticVersion: [2, 7] }), { pydanticVersion: [2, 7] });
  });
});

describe('vscode: the pyproject.toml line a config error points at', () => {
  const text = [
    '[tool.pymodern]', //                0
    'select = ["ALL"]', //               1
    '',
    '[tool.pymodern.per-file-ignores]', // 3
    '"legacy/**" = ["typing"]', //       4
    "'tests/*' = [\"typos\"]", //        5
    '',
    '[tool.pymodern.typing]', //         7
    'star-args = false', //              8
    'dummy-args = "("', //               9
  ].join('\n');
  const at = (message: string) => configErrorLine(text, `pyproject.toml: ${message}`);

  it('finds the key, the quoted glob, or the table header', () => {
    assert.equal(at('tool.pymodern.select[0]: unknown rule id or family "x"'), 1);
    assert.equal(at('tool.pymodern.typing.dummy-args: invalid regular expression "(": Unterminated group'), 9);
    assert.equal(at('tool.pymodern.per-file-ignores."tests/*"[0]: unknown rule id or family "typos"'), 5);
    assert.equal(at('tool.pymodern.per-file-ignores."legacy/**": expected an array of strings, got "typing"'), 4);
    assert.equal(at('tool.pymodern.typing.star_args: unknown setting'), 7);
    assert.equal(at('invalid TOML at line 3, column 1: x'), 2);
    assert.equal(at('cannot read: EACCES'), 0);
  });
});

describe('vscode: per-file-ignores with the settings', () => {
  let root: string;
  let configs: ProjectConfigs;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'pymodern-settings-'));
    mkdirSync(join(root, 'src', 'new'), { recursive: true });
    writeFileSync(
      join(root, 'pyproject.toml'),
      '[tool.pymodern]\nignore = ["dataframes"]\n\n[tool.pymodern.per-file-ignores]\n"!src/new/**" = ["typing"]\n"conftest.py" = ["async"]\n',
    );
    configs = new ProjectConfigs(catalogOf(readRuleSet(DIST_DIR).rules));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const configOf = (path: string, overrides = {}) => {
    const file = join(root, ...path.split('/'));
    return configs.forFile(file).configFor(file, (project) => mergeRuleConfig(project, overrides));
  };

  it('appends the ignores whose glob matches (or, negated, does not) to the merged ignore list', () => {
    assert.deepEqual(configOf('src/new/api.py'), { ignore: ['dataframes'] });
    assert.deepEqual(configOf('src/old.py'), { ignore: ['dataframes', 'typing'] });
    // conftest.py also takes the test-path defaults (src/engine/path-severity.ts): three
    // severities, and assert-for-authorization off.
    const testDefault = { severity: { 'hardcoded-secret': 'hint', 'insecure-temp-file': 'hint', 'pandas-read-csv': 'hint' } };
    assert.deepEqual(configOf('src/new/conftest.py'), { ignore: ['dataframes', 'assert-for-authorization', 'async'], ...testDefault });
    assert.deepEqual(configOf('conftest.py'), { ignore: ['dataframes', 'assert-for-authorization', 'typing', 'async'], ...testDefault });
  });

  it('keeps them when the pymodern.ignore setting replaces the list', () => {
    assert.deepEqual(configOf('src/old.py', { ignore: ['pandas-read-csv'] }), { ignore: ['pandas-read-csv', 'typing'] });
    assert.deepEqual(configOf('src/new/api.py', { ignore: ['pandas-read-csv'] }), { ignore: ['pandas-read-csv'] });
  });
});
