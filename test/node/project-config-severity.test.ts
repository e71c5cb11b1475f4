// ProjectConfigs.configFor, the one place the CLI, the editor and the workspace scan get a
// file's rule config: path-dependent severities (the tests/examples default and
// per-file-severity) and the pandas target, with the editor's settings merged the way the
// extension merges them (src/vscode/rule-config.ts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { catalogOf } from '../../src/engine/config';
import { readRuleSet } from '../../src/node/load-engine';
import { ProjectConfigs } from '../../src/node/project-config';
import { mergeRuleConfig } from '../../src/vscode/rule-config';
import { DIST_DIR } from '../helpers/engine';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pymodern-severity-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('project config: severity by path and the pandas target', () => {
  const catalog = () => catalogOf(readRuleSet(DIST_DIR).rules);

  it('gives the editor the path defaults, per-file-severity over its settings, and the pandas target', () => {
    const root = tree({
      'pyproject.toml': '[project]\ndependencies = ["pandas>=2.1"]\n\n[tool.pymodern.per-file-severity]\n"scripts/**" = { pandas-inplace = "hint" }\n',
      'app/pyproject.toml': '[project]\nname = "nested, no tool table"\ndependencies = ["pandas>=2.2"]\n',
    });
    const configs = new ProjectConfigs(catalog());
    const editor = (path: string, severity?: Record<string, 'error' | 'warning' | 'information' | 'hint'>) =>
      configs.forFile(join(root, path)).configFor(join(root, path), (project) => mergeRuleConfig(project, severity ? { severity } : {}));
    assert.deepEqual(editor('src/load.py'), { pandasVersion: [2, 1] });
    assert.deepEqual(editor('tests/test_load.py'), { pandasVersion: [2, 1], ignore: ['assert-for-authorization', 'debug-enabled-in-production'], severity: { 'pandas-read-csv': 'hint', 'hardcoded-secret': 'hint', 'insecure-temp-file': 'hint' } });
    // A severity set in the settings is the user's choice: the default steps aside.
    assert.deepEqual(editor('tests/test_load.py', { 'pandas-read-csv': 'warning' }), { pandasVersion: [2, 1], ignore: ['assert-for-authorization', 'debug-enabled-in-production'], severity: { 'pandas-read-csv': 'warning', 'hardcoded-secret': 'hint', 'insecure-temp-file': 'hint' } });
    // per-file-severity comes after the settings, as per-file-ignores do.
    assert.deepEqual(editor('scripts/run.py', { 'pandas-inplace': 'error' }), { pandasVersion: [2, 1], severity: { 'pandas-inplace': 'hint' } });
    // A nearer pyproject.toml without [tool.pymodern] gives its pandas requirement; the settings above still hold.
    assert.deepEqual(editor('app/tests/test_x.py'), { pandasVersion: [2, 2], ignore: ['assert-for-authorization', 'debug-enabled-in-production'], severity: { 'pandas-read-csv': 'hint', 'hardcoded-secret': 'hint', 'insecure-temp-file': 'hint' } });
  });

  it('turns assert-for-authorization off in tests and debug-enabled-in-production in dev settings, unless chosen', () => {
    const root = tree({ 'pyproject.toml': '[project]\nname = "shop"\n' });
    const configs = new ProjectConfigs(catalog());
    const forPath = (path: string, merge?: (project: object) => object) => configs.forFile(join(root, path)).configFor(join(root, path), merge);
    assert.deepEqual(forPath('shop/settings/dev.py'), { ignore: ['debug-enabled-in-production'] });
    assert.deepEqual(forPath('shop/settings/local.py'), { ignore: ['debug-enabled-in-production'] });
    assert.deepEqual(forPath('shop/settings/production.py'), {});
    assert.deepEqual(forPath('conftest.py'), { ignore: ['assert-for-authorization'], severity: { 'pandas-read-csv': 'hint', 'hardcoded-secret': 'hint', 'insecure-temp-file': 'hint' } });
    // Selected by id or given a severity: the user wants it there too.
    assert.deepEqual(forPath('conftest.py', () => ({ select: ['assert-for-authorization'] })), { select: ['assert-for-authorization'], severity: { 'pandas-read-csv': 'hint', 'hardcoded-secret': 'hint', 'insecure-temp-file': 'hint' } });
    assert.deepEqual(forPath('shop/settings/dev.py', () => ({ severity: { 'debug-enabled-in-production': 'hint' } })), {
      severity: { 'debug-enabled-in-production': 'hint' },
    });
  });

  it('lets the pymodern.pandasVersion setting replace the pyproject.toml value', () => {
    assert.deepEqual(mergeRuleConfig({ pandasVersion: [2, 1] }, { pandasVersion: [3, 0] }), { pandasVersion: [3, 0] });
    assert.deepEqual(mergeRuleConfig({ pandasVersion: [2, 1] }, {}), { pandasVersion: [2, 1] });
    assert.deepEqual(mergeRuleConfig({}, {}), {});
  });
});
