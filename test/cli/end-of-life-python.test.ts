// end-of-life-python through `pymodern check`: project files (pyproject.toml, setup.cfg,
// setup.py, .python-version, Dockerfile) reported on their own lines in text, JSON and
// SARIF, with select / ignore / per-file-ignores / suppression comments, and the count of
// what the oldest supported target would add. "Today" is pinned with PYMODERN_TODAY.
import assert from 'node:assert/strict';
import { parseJson, project, runCli, type CliResult } from '../helpers/cli';
import { validateSarif } from './sarif-validator';

const TODAY = { PYMODERN_TODAY: '2026-12-08' };
const PYPROJECT = '[project]\nname = "app"\nrequires-python = ">=3.8"\n';
/** At 3.8 nothing; at 3.11 typing-optional (3.10) and typing-generic-alias (3.9), both fixable. */
const CODE = 'from typing import List, Optional\n\n\ndef f(x: Optional[int]) -> List[int]:\n    return [x or 0]\n';
const MESSAGE = '`requires-python` admits Python 3.8, past its end of life (2024-10-07); the oldest supported line is 3.11';
const GAIN = '; at 3.11: 2 more findings (typing-generic-alias 1, typing-optional 1), 2 with a fix';

function findings(result: CliResult): string[] {
  const report = parseJson(result);
  assert.deepEqual(report.errors, [], result.stderr);
  return report.findings.filter((f) => f.rule === 'end-of-life-python').map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);
}

describe('cli: end-of-life-python (project files)', () => {
  it('reports requires-python on its line, with the count of what 3.11 adds, in JSON', () => {
    const root = project({ 'pyproject.toml': PYPROJECT, 'app.py': CODE });
    const result = runCli(['check', '--format', 'json', '--jobs', '1'], { cwd: root, env: TODAY });
    assert.equal(result.status, 1);
    const report = parseJson(result);
    const [finding] = report.findings;
    assert.deepEqual(
      { ...finding, url: undefined },
      { file: 'pyproject.toml', rule: 'end-of-life-python', family: 'modern', trend: 'faster-cpython', severity: 'warning', line: 3, column: 20, endLine: 3, endColumn: 25, message: MESSAGE + GAIN, url: undefined, peers: [], fix: null },
    );
    assert.match(finding.url, /faster-cpython\.md$/);
    // The Python file's own findings are the ones at the declared 3.8: none of those two rules.
    assert.deepEqual(report.findings.filter((f) => f.file === 'app.py').map((f) => f.rule).filter((r) => r.startsWith('typing-')), []);
    // With only this rule selected there is nothing to count: no extra pass, no count.
    const alone = runCli(['check', '--format', 'json', '--select', 'end-of-life-python'], { cwd: root, env: TODAY });
    assert.deepEqual(findings(alone), [`pyproject.toml:3:20-3:25 ${MESSAGE}`]);
  });

  it('text: one line per project file, counted in the summary', () => {
    const root = project({
      'pyproject.toml': PYPROJECT,
      'setup.cfg': '[options]\npython_requires = >=3.7\n',
      'setup.py': 'from setuptools import setup\n\nsetup(name="app", python_requires=">=3.7")\n',
      '.python-version': '3.9.18\n',
      Dockerfile: 'FROM python:3.8-slim\n',
    });
    const result = runCli(['check', '--select', 'end-of-life-python'], { cwd: root, env: TODAY });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(
      result.stdout,
      [
        `.python-version:1:1: warning [end-of-life-python] \`.python-version\` admits Python 3.9, past its end of life (2025-10-31); the oldest supported line is 3.11`,
        'Dockerfile:1:13: warning [end-of-life-python] `FROM python:3.8` admits Python 3.8, past its end of life (2024-10-07); the oldest supported line is 3.11',
        `pyproject.toml:3:20: warning [end-of-life-python] ${MESSAGE}`,
        'setup.cfg:2:19: warning [end-of-life-python] `python_requires` admits Python 3.7, past its end of life (2023-06-27); the oldest supported line is 3.11',
        'setup.py:3:36: warning [end-of-life-python] `python_requires` admits Python 3.7, past its end of life (2023-06-27); the oldest supported line is 3.11',
        '',
        // setup.py is one file, analysed as Python and as a project file.
        'Found 5 findings in 5 files (5 files checked).',
        '',
      ].join('\n'),
    );
  });

  it('SARIF carries the finding on pyproject.toml and validates', () => {
    const root = project({ 'pyproject.toml': PYPROJECT, 'app.py': CODE });
    const result = runCli(['check', '--format', 'sarif', '--select', 'end-of-life-python'], { cwd: root, env: TODAY });
    const log = JSON.parse(result.stdout);
    validateSarif(log);
    const [sarif] = log.runs[0].results;
    assert.equal(sarif.ruleId, 'end-of-life-python');
    assert.equal(sarif.level, 'warning');
    assert.equal(sarif.locations[0].physicalLocation.artifactLocation.uri, 'pyproject.toml');
    assert.deepEqual(sarif.locations[0].physicalLocation.region, { startLine: 3, startColumn: 20, endLine: 3, endColumn: 25 });
  });

  it('a named pyproject.toml is checked as a project file, not as Python; its folder\'s Python files are counted', () => {
    const root = project({ 'pyproject.toml': PYPROJECT });
    assert.deepEqual(findings(runCli(['check', 'pyproject.toml', '--format', 'json'], { cwd: root, env: TODAY })), [`pyproject.toml:3:20-3:25 ${MESSAGE}`]);
    const withCode = project({ 'pyproject.toml': PYPROJECT, 'src/app.py': CODE });
    const result = runCli(['check', 'pyproject.toml', '--format', 'json'], { cwd: withCode, env: TODAY });
    assert.deepEqual(findings(result), [`pyproject.toml:3:20-3:25 ${MESSAGE}${GAIN}`]);
    assert.deepEqual(parseJson(result).findings.map((f) => f.file), ['pyproject.toml'], 'the counted files are not reported');
  });

  it('follows the clock: silent while the declared line was supported', () => {
    const root = project({ 'pyproject.toml': PYPROJECT });
    const result = runCli(['check', '--format', 'json'], { cwd: root, env: { PYMODERN_TODAY: '2024-06-01' } });
    assert.deepEqual(findings(result), []);
    assert.equal(result.status, 0);
  });

  it('select / ignore / per-file-ignores / severity / suppression comments', () => {
    const withTool = (tool: string) => project({ 'pyproject.toml': `${PYPROJECT}\n[tool.pymodern]\n${tool}\n` });
    const run = (root: string, ...args: string[]) => findings(runCli(['check', '--format', 'json', ...args], { cwd: root, env: TODAY }));
    assert.deepEqual(run(withTool(''), '--ignore', 'end-of-life-python'), []);
    assert.deepEqual(run(withTool(''), '--select', 'typing'), []);
    assert.deepEqual(run(withTool('ignore = ["modern"]')), []);
    assert.deepEqual(run(withTool('[tool.pymodern.per-file-ignores]\n"pyproject.toml" = ["end-of-life-python"]')), []);
    assert.deepEqual(run(withTool('[tool.pymodern.per-file-ignores]\n"Dockerfile" = ["end-of-life-python"]')).length, 1);
    const severe = runCli(['check', '--format', 'json'], { cwd: withTool('[tool.pymodern.severity]\nend-of-life-python = "error"'), env: TODAY });
    assert.equal(parseJson(severe).findings[0].severity, 'error');
    const silenced = project({ 'pyproject.toml': '[project]\nrequires-python = ">=3.8"  # pymodern: ignore[end-of-life-python]\n' });
    assert.deepEqual(run(silenced), []);
  });

  it('project files are looked at in project folders (pyproject.toml, setup.py or setup.cfg) and the folder given, not in every subfolder', () => {
    const root = project({
      'pyproject.toml': '[project]\nrequires-python = ">=3.12"\n',
      'docker/Dockerfile': 'FROM python:3.7\n',
      'sub/pyproject.toml': '[project]\nrequires-python = ">=3.9"\n',
      'sub/.python-version': '3.9\n',
      // A setup.py alone marks a project too (the legacy layout).
      'vendored/certifi/setup.py': 'setup(name="certifi", python_requires=">=3.6")\n',
      'vendored/certifi/Dockerfile': 'FROM python:3.6\n',
      'vendor/.venv/pyvenv.cfg': '',
    });
    assert.deepEqual(
      findings(runCli(['check', '--format', 'json'], { cwd: root, env: TODAY })).map((f) => f.split(' ')[0]),
      ['sub/.python-version:1:1-1:4', 'sub/pyproject.toml:2:20-2:25', 'vendored/certifi/Dockerfile:1:13-1:16', 'vendored/certifi/setup.py:1:40-1:45'],
    );
  });

  it('--fix leaves project files alone and reports them without counts', () => {
    const root = project({ 'pyproject.toml': PYPROJECT, 'app.py': CODE });
    const result = runCli(['check', '--format', 'json', '--fix'], { cwd: root, env: TODAY });
    assert.deepEqual(findings(result), [`pyproject.toml:3:20-3:25 ${MESSAGE}`]);
  });
});
