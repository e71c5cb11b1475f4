// `--format text` (the default): one `path:line:col: severity [rule] message [*]` line per
// finding, a blank line, a summary; exit 1 with findings, 0 without.
import assert from 'node:assert/strict';
import {
  ASYNC_SLEEP,
  CLEAN,
  GREET_MESSAGE,
  NO_ANNOTATION,
  parseJson,
  project,
  READ_CSV,
  READ_CSV_MESSAGE,
  runCli,
  SLEEP_MESSAGE,
} from '../helpers/cli';

describe('cli: text format', () => {
  let root: string;
  before(() => {
    root = project({
      'pkg/service.py': ASYNC_SLEEP,
      'load.py': READ_CSV,
      'greet.py': NO_ANNOTATION,
      'clean.py': CLEAN,
    });
  });

  let first: ReturnType<typeof runCli>;
  it('prints each finding, sorted by file, then the summary, and exits 1', () => {
    first = runCli(['check'], { cwd: root });
    assert.deepEqual(first, {
      status: 1,
      stdout: [
        `greet.py:1:5: information [missing-return-annotation] ${GREET_MESSAGE} [*]`,
        `load.py:3:9: information [pandas-read-csv] ${READ_CSV_MESSAGE}`,
        `pkg/service.py:5:5: warning [blocking-sleep-in-async] ${SLEEP_MESSAGE} [*]`,
        '',
        'Found 3 findings in 3 files (4 files checked, 83% typed). [*] 2 fixable with --fix.',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('is the default: --format text prints the same', () => {
    assert.deepEqual(runCli(['check', '--format', 'text'], { cwd: root }), first);
  });

  it('uses the singular for one finding in one file and leaves out the fix hint when nothing is fixable', () => {
    const result = runCli(['check', 'load.py', 'clean.py'], { cwd: root });
    assert.deepEqual(result, {
      status: 1,
      stdout: `load.py:3:9: information [pandas-read-csv] ${READ_CSV_MESSAGE}\n\nFound 1 finding in 1 file (2 files checked, 100% typed).\n`,
      stderr: '',
    });
  });

  it('shows the typed coverage in the summary only when some file has a def', () => {
    // clean.py: 3 of 3 slots annotated; greet.py: `name: str` but no return type, 1 of 2.
    assert.match(runCli(['check', 'clean.py', 'greet.py'], { cwd: root }).stdout, /\(2 files checked, 80% typed\)\./);
    const noDefs = project({ 'constants.py': 'LIMIT = 10\n' });
    assert.deepEqual(runCli(['check'], { cwd: noDefs }), { status: 0, stdout: 'All checks passed (1 file checked).\n', stderr: '' });
  });

  it('prints "All checks passed" and exits 0 when there is nothing to report', () => {
    assert.deepEqual(runCli(['check', 'clean.py'], { cwd: root }), {
      status: 0,
      stdout: 'All checks passed (1 file checked, 100% typed).\n',
      stderr: '',
    });
    const empty = project({ 'README.md': '# no Python here\n' });
    assert.deepEqual(runCli(['check'], { cwd: empty }), { status: 0, stdout: 'All checks passed (0 files checked).\n', stderr: '' });
  });

  it('orders files the same in every locale: by code unit, like the walk', () => {
    const names = ['b.py', 'B.py', 'a_b.py', 'a.py', 'å.py', 'aa.py'];
    const sorted = project(Object.fromEntries(names.map((name) => [name, READ_CSV])));
    for (const locale of ['en_US.UTF-8', 'da_DK.UTF-8']) {
      const result = runCli(['check', '--format', 'json'], { cwd: sorted, env: { LC_ALL: locale, LANG: locale } });
      assert.deepEqual(
        parseJson(result).findings.map((f) => f.file),
        ['B.py', 'a.py', 'a_b.py', 'aa.py', 'b.py', 'å.py'],
        locale,
      );
    }
  });

  it('shows paths relative to the working folder, whatever form they were given in', () => {
    const result = runCli(['check', `${root}/pkg`, './pkg/service.py', 'pkg/../pkg/service.py'], { cwd: root });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(
      result.stdout,
      `pkg/service.py:5:5: warning [blocking-sleep-in-async] ${SLEEP_MESSAGE} [*]\n\nFound 1 finding in 1 file (1 file checked, 100% typed). [*] 1 fixable with --fix.\n`,
    );
  });

  it('keeps a file whose name starts with ".." relative: it is inside the folder', () => {
    const dotted = project({ '..odd.py': READ_CSV });
    assert.equal(runCli(['check'], { cwd: dotted }).stdout.split('\n')[0], `..odd.py:3:9: information [pandas-read-csv] ${READ_CSV_MESSAGE}`);
  });
});
