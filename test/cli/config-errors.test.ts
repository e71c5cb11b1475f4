// A broken pyproject.toml is loud (exit 2, the file and the key named, once) and skips only
// the files it governs: files under other, valid configs are still analysed and reported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ASYNC_SLEEP, parseJson, project, read, runCli, SLEEP_MESSAGE } from '../helpers/cli';

const FINDING = `warning [blocking-sleep-in-async] ${SLEEP_MESSAGE} [*]`;

describe('cli: broken configuration', () => {
  let root: string;
  before(() => {
    root = project({
      'loose.py': ASYNC_SLEEP,
      'valid/pyproject.toml': '[tool.pymodern]\nignore = ["typing"]\n',
      'valid/a.py': ASYNC_SLEEP,
      'invalid-toml/pyproject.toml': '[project]\nname = "x"\n\n[tool.pymodern\nselect = ["async"]\n',
      'invalid-toml/b.py': ASYNC_SLEEP,
      'unknown-id/pyproject.toml': '[tool.pymodern]\nselect = ["no-such-rule"]\n',
      'unknown-id/c.py': ASYNC_SLEEP,
      'unknown-id/sub/d.py': ASYNC_SLEEP,
      'second-id/pyproject.toml': '[tool.pymodern]\nignore = ["async", "typing", "pandas"]\n',
      'second-id/e.py': ASYNC_SLEEP,
      'bad-severity/pyproject.toml': '[tool.pymodern.severity]\nblocking-sleep-in-async = "fatal"\n',
      'bad-severity/f.py': ASYNC_SLEEP,
      'unknown-key/pyproject.toml': '[tool.pymodern]\nselct = ["async"]\n',
      'unknown-key/g.py': ASYNC_SLEEP,
      'bad-version/pyproject.toml': '[tool.pymodern]\ntarget-version = "2.7"\n',
      'bad-version/h.py': ASYNC_SLEEP,
    });
  });

  it('text: names each broken file and key once on stderr, reports the other files, exits 2', () => {
    const result = runCli(['check'], { cwd: root });
    assert.equal(result.status, 2);
    assert.equal(
      result.stdout,
      `loose.py:5:5: ${FINDING}\nvalid/a.py:5:5: ${FINDING}\n\nFound 2 findings in 2 files (2 files checked, 100% typed). [*] 2 fixable with --fix.\n`,
    );
    const lines = result.stderr.trimEnd().split('\n').sort();
    assert.equal(lines.length, 6, result.stderr);
    assert.deepEqual(lines.filter((line) => !line.startsWith('invalid-toml/')), [
      'bad-severity/pyproject.toml: error: tool.pymodern.severity.blocking-sleep-in-async: expected one of error, warning, information, hint, got "fatal"',
      'bad-version/pyproject.toml: error: tool.pymodern.target-version: expected a version like "3.11" or "py311", got "2.7"',
      'second-id/pyproject.toml: error: tool.pymodern.ignore[2]: unknown rule id or family "pandas"',
      'unknown-id/pyproject.toml: error: tool.pymodern.select[0]: unknown rule id or family "no-such-rule"',
      'unknown-key/pyproject.toml: error: tool.pymodern.selct: unknown setting (known: select, ignore, preview, severity, target-version, pandas-version, pydantic-version, exclude, per-file-ignores, per-file-severity, typing, security)',
    ]);
    assert.match(lines.find((line) => line.startsWith('invalid-toml/'))!, /^invalid-toml\/pyproject\.toml: error: invalid TOML at line 4, column \d+: \S/);
  });

  it('json: lists the same errors with file and message, next to the findings of valid configs', () => {
    const result = runCli(['check', '--format', 'json'], { cwd: root });
    assert.equal(result.status, 2);
    const report = parseJson(result);
    assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.rule}`), [
      'loose.py:5:5:blocking-sleep-in-async',
      'valid/a.py:5:5:blocking-sleep-in-async',
    ]);
    assert.deepEqual(
      report.errors.map((e) => e.file).sort(),
      ['bad-severity', 'bad-version', 'invalid-toml', 'second-id', 'unknown-id', 'unknown-key'].map((dir) => `${dir}/pyproject.toml`),
    );
    assert.deepEqual(report.errors.find((e) => e.file === 'unknown-id/pyproject.toml'), {
      file: 'unknown-id/pyproject.toml',
      message: 'tool.pymodern.select[0]: unknown rule id or family "no-such-rule"',
    });
  });

  it('skips a file named explicitly under a broken config, and --fix leaves it alone', () => {
    const fixable = project({
      'unknown-id/pyproject.toml': '[tool.pymodern]\nselect = ["no-such-rule"]\n',
      'unknown-id/c.py': ASYNC_SLEEP,
      'valid/a.py': ASYNC_SLEEP,
    });
    const result = runCli(['check', '--fix', 'unknown-id/c.py', 'valid/a.py'], { cwd: fixable });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'unknown-id/pyproject.toml: error: tool.pymodern.select[0]: unknown rule id or family "no-such-rule"\n');
    assert.equal(result.stdout, 'Fixed 1 finding.\nNo findings, but 1 error (1 file checked, 100% typed).\n');
    assert.equal(read(fixable, 'unknown-id/c.py'), ASYNC_SLEEP);
    assert.notEqual(read(fixable, 'valid/a.py'), ASYNC_SLEEP);
  });
});

describe('cli: configuration input that used to be taken silently', () => {
  const errorsOf = (files: Record<string, string>) => {
    const result = runCli(['check', '--format', 'json'], { cwd: project({ 'a.py': ASYNC_SLEEP, ...files }) });
    return { status: result.status, errors: parseJson(result).errors.map((e) => `${e.file}: ${e.message}`) };
  };

  it('a tool.pymodern that is no table is an error naming tool.pymodern, exit 2', () => {
    for (const [toml, got] of [
      ['[tool]\npymodern = 1\n', '1'],
      ['[tool]\npymodern = [1, 2]\n', 'an array'],
      ['[[tool.pymodern]]\nselect = ["async"]\n', 'an array'],
    ]) {
      assert.deepEqual(errorsOf({ 'pyproject.toml': toml }), { status: 2, errors: [`pyproject.toml: tool.pymodern: expected a table ([tool.pymodern]), got ${got}`] }, toml);
    }
  });

  it('an empty exclude glob names the file and the key', () => {
    assert.deepEqual(errorsOf({ 'pyproject.toml': '[tool.pymodern]\nexclude = ["build", ""]\n' }), {
      status: 2,
      errors: ['pyproject.toml: tool.pymodern.exclude[1]: empty glob pattern'],
    });
  });

  it('200,000 exclude globs are compiled once into one matcher', () => {
    const globs = Array.from({ length: 200_000 }, (_, i) => `"generated_${i}/**"`).join(', ');
    const root = project({ 'pyproject.toml': `[tool.pymodern]\nexclude = [${globs}, "skip_*.py"]\n`, 'a.py': ASYNC_SLEEP, 'skip_me.py': ASYNC_SLEEP, 'generated_7/b.py': ASYNC_SLEEP });
    const report = parseJson(runCli(['check', '--format', 'json'], { cwd: root }));
    assert.deepEqual(report.errors, []);
    assert.deepEqual([...new Set(report.findings.map((f) => f.file))], ['a.py']);
  });

  it('a pyproject.toml that is a FIFO is refused, not read: the run does not hang', function () {
    const root = project({ 'a.py': ASYNC_SLEEP });
    const made = spawnSync('mkfifo', [join(root, 'pyproject.toml')]);
    if (made.status !== 0) this.skip();
    const result = runCli(['check', '--format', 'json'], { cwd: root });
    assert.equal(result.status, 2);
    assert.deepEqual(parseJson(result).errors.map((e) => `${e.file}: ${e.message}`), ['pyproject.toml: not read: a named pipe (FIFO), not a regular file']);
  });
});
