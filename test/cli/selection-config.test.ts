// Which rules run where: --select / --ignore (ids, families, ALL), [tool.pymodern] from the
// nearest pyproject.toml, per-rule severity, and the target Python version.
import assert from 'node:assert/strict';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledRuleSet } from '../../src/engine/types';
import { distDir, distVariant, parseJson, project, runCli, type CliResult } from '../helpers/cli';

/** One finding of each rule: missing-return-annotation 6:11, blocking-sleep-in-async 7:5, pandas-read-csv 8:12. */
const ALL_RULES = 'import time\n\nimport pandas as pd\n\n\nasync def main():\n    time.sleep(1)\n    return pd.read_csv("data.csv")\n';

/** `file rule severity` of each finding, in output order. */
function found(result: CliResult): string[] {
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  const report = parseJson(result);
  assert.deepEqual(report.errors, []);
  assert.equal(result.status, report.findings.length ? 1 : 0);
  return report.findings.map((f) => `${f.file} ${f.rule} ${f.severity}`);
}

describe('cli: --select and --ignore', () => {
  let root: string;
  const check = (...args: string[]) => found(runCli(['check', '--format', 'json', ...args], { cwd: root }));
  before(() => {
    root = project({ 'all.py': ALL_RULES });
  });

  it('runs every stable rule by default', () => {
    assert.deepEqual(check(), [
      'all.py missing-return-annotation information',
      'all.py blocking-sleep-in-async warning',
      'all.py pandas-read-csv information',
    ]);
  });

  it('selects by rule id', () => {
    assert.deepEqual(check('--select', 'blocking-sleep-in-async'), ['all.py blocking-sleep-in-async warning']);
  });

  it('selects by family, comma-separated or repeated', () => {
    const expected = ['all.py missing-return-annotation information', 'all.py pandas-read-csv information'];
    assert.deepEqual(check('--select', 'dataframes, typing'), expected);
    assert.deepEqual(check('--select', 'dataframes', '--select', 'typing'), expected);
  });

  it('selects ALL and ignores by family and by id', () => {
    assert.deepEqual(check('--select', 'ALL', '--ignore', 'async,missing-return-annotation'), ['all.py pandas-read-csv information']);
  });

  it('--preview adds the preview rules to ALL and to families; --no-preview wins over pyproject.toml', () => {
    // async-def-without-await is a preview rule: `helper` never awaits, and is only awaited.
    const code = 'async def helper() -> int:\n    return 1\n\n\nasync def main() -> None:\n    await helper()\n';
    const plain = project({ 'preview.py': code });
    const configured = project({ 'preview.py': code, 'pyproject.toml': '[tool.pymodern]\npreview = true\n' });
    const checkIn = (cwd: string, ...args: string[]) => found(runCli(['check', '--format', 'json', ...args], { cwd }));
    const preview = ['preview.py async-def-without-await information'];
    assert.deepEqual(checkIn(plain, '--select', 'ALL'), []);
    assert.deepEqual(checkIn(plain, '--select', 'ALL', '--preview'), preview);
    assert.deepEqual(checkIn(plain, '--select', 'async', '--preview'), preview);
    assert.deepEqual(checkIn(plain, '--preview'), preview, 'the default selection too');
    assert.deepEqual(checkIn(plain, '--select', 'dataframes', '--preview'), []);
    assert.deepEqual(checkIn(plain, '--select', 'async-def-without-await'), preview, 'by id, without --preview');
    assert.deepEqual(checkIn(configured), preview, 'preview = true in pyproject.toml');
    assert.deepEqual(checkIn(configured, '--no-preview'), []);
    const both = runCli(['check', '--preview', '--no-preview'], { cwd: plain });
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--preview and --no-preview contradict each other/);
  });

  it('--select with nothing in it is a usage error, not a run of no rules', () => {
    for (const empty of ['', ',', ' , ']) {
      const result = runCli(['check', '--select', empty], { cwd: root });
      assert.equal(result.status, 2, JSON.stringify(empty));
      assert.match(result.stderr, /^pymodern: --select: expected rule ids, family names or ALL, got nothing\n/);
    }
  });

  it('--ignore ALL leaves nothing to report: exit 0', () => {
    const result = runCli(['check', '--ignore', 'ALL'], { cwd: root });
    assert.deepEqual(result, { status: 0, stdout: 'All checks passed (1 file checked, 0% typed).\n', stderr: '' });
  });
});

describe('cli: [tool.pymodern] in the nearest pyproject.toml', () => {
  let root: string;
  before(() => {
    root = project({
      'pyproject.toml': '[project]\nname = "outer"\n\n[tool.pymodern]\nselect = ["async"]\n',
      'outer.py': ALL_RULES,
      'services/api/pyproject.toml': [
        '[project]',
        'name = "api"',
        '',
        '[tool.pymodern]',
        'ignore = ["async"]',
        'exclude = ["migrations"]',
        '',
        '[tool.pymodern.severity]',
        'pandas-read-csv = "error"',
        'missing-return-annotation = "hint"',
        '',
      ].join('\n'),
      'services/api/app.py': ALL_RULES,
      'services/api/deep/er/mod.py': ALL_RULES,
      'services/api/migrations/0001.py': ALL_RULES,
      'services/worker.py': ALL_RULES,
      // No [tool.pymodern] here: the search goes on up to the outer config, as in Ruff.
      'services/tools/pyproject.toml': '[project]\nname = "tools"\nrequires-python = ">=3.12"\n',
      'services/tools/tool.py': ALL_RULES,
    });
  });

  it('applies to each file the config of its nearest pyproject.toml, without merging parents', () => {
    assert.deepEqual(found(runCli(['check', '--format', 'json'], { cwd: root })), [
      'outer.py blocking-sleep-in-async warning',
      'services/api/app.py missing-return-annotation hint',
      'services/api/app.py pandas-read-csv error',
      'services/api/deep/er/mod.py missing-return-annotation hint',
      'services/api/deep/er/mod.py pandas-read-csv error',
      'services/tools/tool.py blocking-sleep-in-async warning',
      'services/worker.py blocking-sleep-in-async warning',
    ]);
  });

  it('finds the nearest config from the file, not from the working folder', () => {
    // A file outside the working folder is shown with its absolute path, as Ruff does.
    const outer = join(realpathSync(root), 'outer.py');
    assert.deepEqual(found(runCli(['check', '--format', 'json', 'app.py', '../../outer.py'], { cwd: join(root, 'services', 'api') })), [
      `${outer} blocking-sleep-in-async warning`,
      'app.py missing-return-annotation hint',
      'app.py pandas-read-csv error',
    ]);
  });

  it('lets --select and --ignore on the command line override the config, keeping its severities', () => {
    assert.deepEqual(found(runCli(['check', '--format', 'json', '--select', 'dataframes', '--ignore', 'async'], { cwd: root })), [
      'outer.py pandas-read-csv information',
      'services/api/app.py pandas-read-csv error',
      'services/api/deep/er/mod.py pandas-read-csv error',
      'services/tools/tool.py pandas-read-csv information',
      'services/worker.py pandas-read-csv information',
    ]);
  });

  it('shows the configured severity in the text output', () => {
    const result = runCli(['check', 'services/api/app.py'], { cwd: root });
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(
      result.stdout.split('\n').slice(0, 2).map((line) => line.split(' [')[0]),
      ['services/api/app.py:6:11: hint', 'services/api/app.py:8:12: error'],
    );
  });
});

describe('cli: target Python version', () => {
  // No rule of the catalog is version-gated yet, so the tests run a build whose rule set
  // has one more rule: a copy of blocking-sleep-in-async that needs Python 3.12.
  const PROBE = 'probe-needs-312';
  let dist: string;
  let root: string;
  const probed = (...args: string[]) => {
    const report = parseJson(runCli(['check', '--format', 'json', '--select', PROBE, ...args], { cwd: root, dist }));
    assert.deepEqual(report.errors, []);
    return report.findings.map((f) => f.file);
  };

  before(() => {
    dist = distVariant((dir) => {
      const file = join(dir, 'rules.json');
      const ruleSet = JSON.parse(readFileSync(file, 'utf8')) as CompiledRuleSet;
      const model = ruleSet.rules.find((r) => r.id === 'blocking-sleep-in-async')!;
      ruleSet.rules.push({ ...model, id: PROBE, family: 'probe', minVersion: [3, 12], fixes: [] });
      writeFileSync(file, JSON.stringify(ruleSet));
    });
    const code = 'import time\n\n\nasync def main() -> None:\n    time.sleep(1)\n';
    root = project({
      'default/a.py': code,
      'requires-312/pyproject.toml': '[project]\nname = "a"\nrequires-python = ">=3.12"\n',
      'requires-312/a.py': code,
      'requires-311/pyproject.toml': '[project]\nname = "b"\nrequires-python = ">=3.11, <4"\n',
      'requires-311/a.py': code,
      'configured/pyproject.toml': '[project]\nname = "c"\nrequires-python = ">=3.9"\n\n[tool.pymodern]\ntarget-version = "py313"\n',
      'configured/a.py': code,
    });
  });

  it('takes the lower bound of requires-python, else target-version, else 3.10', () => {
    assert.deepEqual(probed(), ['configured/a.py', 'requires-312/a.py']);
  });

  it('lets --target-version override every config', () => {
    assert.deepEqual(probed('--target-version', '3.12'), ['configured/a.py', 'default/a.py', 'requires-311/a.py', 'requires-312/a.py']);
    assert.deepEqual(probed('--target-version', 'py311'), []);
  });
});

describe('cli: pymodern rules', () => {
  let root: string;
  let catalog: CompiledRuleSet['rules'];
  before(() => {
    root = project({ 'pyproject.toml': '[tool.pymodern]\nselect = ["typing"]\nignore = ["typing-text"]\n' });
    catalog = (JSON.parse(readFileSync(join(distDir(), 'rules.json'), 'utf8')) as CompiledRuleSet).rules;
  });

  const listing = (...args: string[]) => {
    const result = runCli(['rules', '--format', 'json', ...args], { cwd: root });
    assert.equal(result.status, 0, result.stderr);
    return (JSON.parse(result.stdout) as { rules: Record<string, unknown>[] }).rules;
  };

  it('lists every rule with family, status, severity, peers and fix safety, as JSON', () => {
    const rules = listing();
    assert.deepEqual(rules.map((r) => r.id).sort(), catalog.map((r) => r.id).sort());
    assert.deepEqual(rules.find((r) => r.id === 'blocking-sleep-in-async'), {
      id: 'blocking-sleep-in-async',
      family: 'async',
      status: 'stable',
      severity: 'warning',
      trend: 'async-first-services',
      title: '`time.sleep()` inside `async def`',
      peers: ['ASYNC251'],
      fix: 'safe',
      minVersion: null,
      enabled: false,
    });
    const optional = rules.find((r) => r.id === 'typing-optional')!;
    assert.equal(optional.enabled, true, 'selected by the family in pyproject.toml');
    assert.equal(rules.find((r) => r.id === 'typing-text')!.enabled, false, 'ignored in pyproject.toml');
    assert.equal(rules.find((r) => r.id === 'missing-parameter-annotation')!.status, 'preview');
    assert.equal(rules.find((r) => r.id === 'missing-parameter-annotation')!.enabled, false, 'a preview rule in a selected family');
    assert.equal(listing('--preview').find((r) => r.id === 'missing-parameter-annotation')!.enabled, true);
    assert.equal(listing('--select', 'async').find((r) => r.id === 'blocking-sleep-in-async')!.enabled, true, '--select replaces the config');
  });

  it('prints an aligned table, * on the rules that run, and a count', () => {
    const result = runCli(['rules'], { cwd: root });
    assert.equal(result.status, 0);
    const lines = result.stdout.trimEnd().split('\n');
    const sleep = lines.find((l) => l.includes(' blocking-sleep-in-async '))!;
    assert.match(sleep, /^ {3}blocking-sleep-in-async +async +stable +warning +fix: safe +ASYNC251$/);
    assert.match(lines.find((l) => l.includes(' typing-optional '))!, /^\* {2}typing-optional +typing +stable/);
    const enabled = catalog.filter((r) => r.family === 'typing' && r.status === 'stable' && r.id !== 'typing-text').length;
    assert.equal(lines[lines.length - 1], `${catalog.length} rules (${catalog.filter((r) => r.status === 'preview').length} preview); * ${enabled} run with this selection.`);
  });

  it('refuses a path and the sarif format', () => {
    assert.equal(runCli(['rules', 'src'], { cwd: root }).status, 2);
    assert.match(runCli(['rules', '--format', 'sarif'], { cwd: root }).stderr, /rules: --format must be text or json/);
  });
});
