// [tool.pymodern.per-file-ignores] (globs relative to the pyproject.toml folder, `!` to
// negate) and [tool.pymodern.typing] through the CLI: which findings each file gets, with
// --select / --ignore and `exclude` alongside, and the typed coverage that follows the options.
import assert from 'node:assert/strict';
import { parseJson, project, runCli } from '../helpers/cli';

/** missing-return-annotation 4:11, missing-parameter-annotation 4:16 (when selected), blocking-sleep-in-async 5:5. */
const CODE = 'import time\n\n\nasync def main(delay):\n    time.sleep(delay)\n';

const PYPROJECT = [
  '[tool.pymodern]',
  'select = ["async", "typing", "missing-parameter-annotation"]',
  'exclude = ["generated"]',
  '',
  '[tool.pymodern.per-file-ignores]',
  '"legacy/**" = ["typing"]',
  '"test_*.py" = ["missing-return-annotation"]',
  '# Only new code must annotate its parameters.',
  '"!src/new/**" = ["missing-parameter-annotation"]',
  '',
].join('\n');

describe('cli: per-file-ignores', () => {
  let root: string;
  const check = (...args: string[]) => {
    const result = runCli(['check', '--format', 'json', ...args], { cwd: root });
    const report = parseJson(result);
    assert.deepEqual(report.errors, []);
    assert.equal(result.status, report.findings.length ? 1 : 0, result.stderr);
    return report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);
  };

  before(() => {
    root = project({
      'pyproject.toml': PYPROJECT,
      'app.py': CODE,
      'src/new/service.py': CODE,
      'src/new/test_service.py': CODE,
      'legacy/old.py': CODE,
      'legacy/deep/older.py': CODE,
      'tests/test_app.py': CODE,
      'other/legacy/kept.py': CODE,
      'generated/skipped.py': CODE,
      // A nearer config has its own patterns, relative to its folder; the outer ones do not apply.
      'services/api/pyproject.toml': '[tool.pymodern]\nselect = ["ALL"]\n\n[tool.pymodern.per-file-ignores]\n"legacy/**" = ["async"]\n',
      'services/api/legacy/handler.py': CODE,
      'services/api/tests/test_handler.py': CODE,
    });
  });

  it('ignores per glob, by basename at any depth, and by negation everywhere a glob does not match', () => {
    assert.deepEqual(check(), [
      'app.py:4:11 missing-return-annotation',
      'app.py:5:5 blocking-sleep-in-async',
      'legacy/deep/older.py:5:5 blocking-sleep-in-async',
      'legacy/old.py:5:5 blocking-sleep-in-async',
      'other/legacy/kept.py:4:11 missing-return-annotation',
      'other/legacy/kept.py:5:5 blocking-sleep-in-async',
      'services/api/legacy/handler.py:4:11 missing-return-annotation',
      'services/api/tests/test_handler.py:4:11 missing-return-annotation',
      'services/api/tests/test_handler.py:5:5 blocking-sleep-in-async',
      'src/new/service.py:4:11 missing-return-annotation',
      'src/new/service.py:4:16 missing-parameter-annotation',
      'src/new/service.py:5:5 blocking-sleep-in-async',
      'src/new/test_service.py:4:16 missing-parameter-annotation',
      'src/new/test_service.py:5:5 blocking-sleep-in-async',
      'tests/test_app.py:5:5 blocking-sleep-in-async',
    ]);
  });

  it('still applies under --select and --ignore from the command line', () => {
    assert.deepEqual(check('--select', 'missing-parameter-annotation,missing-return-annotation', '--ignore', 'async'), [
      'app.py:4:11 missing-return-annotation',
      'other/legacy/kept.py:4:11 missing-return-annotation',
      // The nearer config has no negated glob: parameters are reported there.
      'services/api/legacy/handler.py:4:11 missing-return-annotation',
      'services/api/legacy/handler.py:4:16 missing-parameter-annotation',
      'services/api/tests/test_handler.py:4:11 missing-return-annotation',
      'services/api/tests/test_handler.py:4:16 missing-parameter-annotation',
      'src/new/service.py:4:11 missing-return-annotation',
      'src/new/service.py:4:16 missing-parameter-annotation',
      'src/new/test_service.py:4:16 missing-parameter-annotation',
    ]);
  });

  it('applies to a file named explicitly, even an excluded one', () => {
    assert.deepEqual(check('generated/skipped.py', 'legacy/old.py', 'src/new/service.py'), [
      'generated/skipped.py:4:11 missing-return-annotation',
      'generated/skipped.py:5:5 blocking-sleep-in-async',
      'legacy/old.py:5:5 blocking-sleep-in-async',
      'src/new/service.py:4:11 missing-return-annotation',
      'src/new/service.py:4:16 missing-parameter-annotation',
      'src/new/service.py:5:5 blocking-sleep-in-async',
    ]);
  });

  it('a malformed entry is a config error naming the glob', () => {
    const broken = project({
      'pyproject.toml': '[tool.pymodern.per-file-ignores]\n"tests/*" = ["typing", "typos"]\n',
      'a.py': CODE,
    });
    const result = runCli(['check'], { cwd: broken });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'pyproject.toml: error: tool.pymodern.per-file-ignores."tests/*"[1]: unknown rule id or family "typos"\n');
  });
});

describe('cli: [tool.pymodern.typing]', () => {
  const UNTYPED = 'def forward(*args, **kwargs) -> None:\n    print(args, kwargs)\n\n\ndef _helper(x):\n    return x\n';

  it('decides what is reported and what the typed coverage counts', () => {
    const select = ['--select', 'missing-star-args-annotation,missing-private-return-annotation,missing-private-parameter-annotation'];
    const defaults = project({ 'a.py': UNTYPED });
    const before = runCli(['check', ...select], { cwd: defaults });
    assert.equal(before.status, 1, before.stderr);
    const lines = before.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, -2).map((line) => line.split(' ').slice(0, 3).join(' ')), [
      'a.py:1:13: hint [missing-star-args-annotation]',
      'a.py:1:20: hint [missing-star-args-annotation]',
      'a.py:5:5: hint [missing-private-return-annotation]',
      'a.py:5:13: hint [missing-private-parameter-annotation]',
    ]);
    // forward: return + *args + **kwargs; _helper: return + x.
    assert.match(lines[lines.length - 1], /^Found 4 findings in 1 file \(1 file checked, 20% typed\)\./);
    const configured = project({
      'pyproject.toml': '[tool.pymodern.typing]\nstar-args = false\nprivate-functions = false\n',
      'a.py': UNTYPED,
    });
    assert.deepEqual(runCli(['check', ...select], { cwd: configured }), {
      status: 0,
      stdout: 'All checks passed (1 file checked, 100% typed).\n',
      stderr: '',
    });
  });

  it('an invalid dummy-args is a config error naming the key', () => {
    const broken = project({ 'pyproject.toml': "[tool.pymodern.typing]\ndummy-args = '(_'\n", 'a.py': UNTYPED });
    const result = runCli(['check', '--format', 'json'], { cwd: broken });
    assert.equal(result.status, 2);
    assert.deepEqual(parseJson(result).errors, [
      { file: 'pyproject.toml', message: 'tool.pymodern.typing.dummy-args: invalid regular expression "(_": Unterminated group' },
    ]);
  });
});
