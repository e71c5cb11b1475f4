// Severity by path through the CLI: pandas-read-csv is a hint in tests, examples and docs
// (src/engine/path-severity.ts) and stays information elsewhere; `severity` turns that
// default off for the rule, and [tool.pymodern.per-file-severity] sets any rule per glob.
import assert from 'node:assert/strict';
import { parseJson, project, READ_CSV, runCli } from '../helpers/cli';

const INPLACE = 'import pandas as pd\n\nframe = pd.read_csv("data.csv")\nframe.dropna(inplace=True)\n';

const TREE = {
  'src/app/load.py': READ_CSV,
  'src/app/test_load.py': READ_CSV,
  'src/app/load_test.py': READ_CSV,
  'tests/test_load.py': READ_CSV,
  'tests/unit/helpers.py': READ_CSV,
  'test/conftest.py': READ_CSV,
  'src/conftest.py': READ_CSV,
  'examples/demo.py': READ_CSV,
  'docs/snippets/quickstart.py': READ_CSV,
  'contests/entry.py': READ_CSV,
};

describe('cli: severity by path', () => {
  const severities = (tree: Record<string, string>, ...args: string[]) => {
    const result = runCli(['check', '--format', 'json', '--select', 'pandas-read-csv,pandas-inplace', ...args], { cwd: project(tree) });
    const report = parseJson(result);
    assert.deepEqual(report.errors, [], result.stderr);
    return report.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`);
  };

  it('makes pandas-read-csv a hint under tests, test_*.py, *_test.py, conftest.py, examples and docs', () => {
    assert.deepEqual(severities({ ...TREE, 'pyproject.toml': '[project]\nname = "app"\n' }), [
      'contests/entry.py:3 pandas-read-csv information',
      'docs/snippets/quickstart.py:3 pandas-read-csv hint',
      'examples/demo.py:3 pandas-read-csv hint',
      'src/app/load.py:3 pandas-read-csv information',
      'src/app/load_test.py:3 pandas-read-csv hint',
      'src/app/test_load.py:3 pandas-read-csv hint',
      'src/conftest.py:3 pandas-read-csv hint',
      'test/conftest.py:3 pandas-read-csv hint',
      'tests/test_load.py:3 pandas-read-csv hint',
      'tests/unit/helpers.py:3 pandas-read-csv hint',
    ]);
  });

  it('applies the default without any pyproject.toml too', () => {
    assert.deepEqual(severities({ 'src/load.py': READ_CSV, 'tests/test_load.py': READ_CSV }), [
      'src/load.py:3 pandas-read-csv information',
      'tests/test_load.py:3 pandas-read-csv hint',
    ]);
  });

  it('drops the default for a rule given a severity, and applies per-file-severity on top', () => {
    const pyproject = [
      '[tool.pymodern.severity]',
      'pandas-read-csv = "warning"',
      '',
      '[tool.pymodern.per-file-severity]',
      '"examples/**" = { pandas-read-csv = "hint" }',
      '"!src/**" = { pandas-inplace = "hint" }',
      '"src/legacy/**" = { pandas-inplace = "error" }',
      '',
    ].join('\n');
    assert.deepEqual(
      severities({ 'pyproject.toml': pyproject, 'src/app.py': INPLACE, 'src/legacy/old.py': INPLACE, 'tests/test_app.py': INPLACE, 'examples/demo.py': INPLACE }),
      [
        'examples/demo.py:3 pandas-read-csv hint',
        'examples/demo.py:4 pandas-inplace hint',
        'src/app.py:3 pandas-read-csv warning',
        'src/app.py:4 pandas-inplace information',
        'src/legacy/old.py:3 pandas-read-csv warning',
        'src/legacy/old.py:4 pandas-inplace error',
        'tests/test_app.py:3 pandas-read-csv warning',
        'tests/test_app.py:4 pandas-inplace hint',
      ],
    );
  });

  it('reads the pandas target from the pyproject.toml and --pandas-version over it', () => {
    const code = 'import pandas as pd\n\nframe = pd.read_csv("data.csv")\nwide = frame.applymap(str)\n';
    const rules = (tree: Record<string, string>, ...args: string[]) => {
      const result = runCli(['check', '--format', 'json', '--select', 'pandas-removed-api,pandas-deprecated-api', ...args], { cwd: project(tree) });
      return parseJson(result).findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.fix?.safety ?? 'no fix'}`);
    };
    assert.deepEqual(rules({ 'app.py': code }), ['app.py:4 pandas-deprecated-api no fix']);
    assert.deepEqual(rules({ 'app.py': code, 'pyproject.toml': '[project]\ndependencies = ["pandas>=2.2,<3"]\n' }), ['app.py:4 pandas-deprecated-api safe']);
    assert.deepEqual(rules({ 'app.py': code, 'pyproject.toml': '[tool.poetry.dependencies]\npandas = "^3.0"\n' }), ['app.py:4 pandas-removed-api safe']);
    assert.deepEqual(rules({ 'app.py': code, 'pyproject.toml': '[project]\ndependencies = ["pandas>=2.2"]\n' }, '--pandas-version', '3.0'), ['app.py:4 pandas-removed-api safe']);
    const bad = runCli(['check', '--pandas-version', 'latest'], { cwd: project({ 'app.py': code }) });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^pymodern: --pandas-version: expected a version like 2\.2, got "latest"\n/);
  });
});
