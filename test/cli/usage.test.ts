// Command line parsing: --version, --help, and exit code 2 with a message on every usage error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNC_SLEEP, project, read, REPO_ROOT, runCli } from '../helpers/cli';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const OPTIONS = [
  '--format text|json|sarif',
  '--select IDS',
  '--ignore IDS',
  '--target-version 3.X',
  '--fix',
  '--unsafe-fixes',
  '--diff',
  '--jobs N',
  '-h, --help',
  '--version',
];

function assertHelp(stdout: string): void {
  assert.ok(stdout.startsWith('Usage: pymodern check [PATH...] [options]\n'), stdout);
  for (const option of OPTIONS) assert.ok(stdout.includes(`\n  ${option} `), `help lists ${option}:\n${stdout}`);
  assert.ok(stdout.includes('Exit codes: 0 no findings, 1 findings, 2 usage, configuration or I/O error.'), stdout);
}

describe('cli: usage', () => {
  let root: string;
  before(() => {
    root = project({ 'app.py': ASYNC_SLEEP });
  });

  it('--version prints the package version and exits 0', () => {
    const result = runCli(['--version'], { cwd: root });
    assert.deepEqual(result, { status: 0, stdout: `pymodern ${VERSION}\n`, stderr: '' });
  });

  it('--help and -h print the usage with every option and exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = runCli([flag], { cwd: root });
      assert.equal(result.status, 0, flag);
      assert.equal(result.stderr, '', flag);
      assertHelp(result.stdout);
    }
  });

  it('`npx pymodern --version` and `npx pymodern --help` run the package bin and exit 0', function () {
    this.timeout(60_000);
    // npx runs the repository's own dist/cli.js (package.json "bin"), not the test snapshot.
    const deadline = Date.now() + 20_000;
    while (!existsSync(join(REPO_ROOT, 'dist', 'cli.js')) && Date.now() < deadline) spawnSync('sleep', ['0.2']);
    const npx = (flag: string) => {
      const result = spawnSync('npx', ['--no-install', 'pymodern', flag], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 45_000 });
      if (result.error) throw result.error;
      return result;
    };
    const version = npx('--version');
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout, `pymodern ${VERSION}\n`);
    const help = npx('--help');
    assert.equal(help.status, 0, help.stderr);
    assertHelp(help.stdout);
  });

  const usageErrors: [string, string[], string][] = [
    ['an unknown command', ['lint', '.'], 'unknown command "lint"'],
    ['no command', [], 'missing command'],
    ['an unknown option', ['check', '--frobnicate'], "Unknown option '--frobnicate'"],
    ['a bad --format', ['check', '--format', 'xml'], '--format must be text, json or sarif, not "xml"'],
    ['an unknown --select id', ['check', '--select', 'async,no-such-rule'], '--select: unknown rule id or family: no-such-rule'],
    ['an unknown --ignore family', ['check', '--ignore', 'typing', '--ignore', 'asyncio'], '--ignore: unknown rule id or family: asyncio'],
    ['a bad --target-version', ['check', '--target-version', '2.7'], '--target-version: expected a version like 3.11, got "2.7"'],
    ['--jobs 0', ['check', '--jobs', '0'], '--jobs must be a positive whole number, not "0"'],
    ['--jobs that is not a whole number', ['check', '--jobs', '1.5'], '--jobs must be a positive whole number, not "1.5"'],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`exits 2 on ${what}, naming it, with the usage on stderr`, () => {
      const result = runCli([...args, '--fix'], { cwd: root });
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.ok(result.stderr.startsWith(`pymodern: ${message}`), result.stderr);
      assert.ok(result.stderr.includes('\n\nUsage: pymodern check [PATH...] [options]\n'), result.stderr);
      // A usage error stops before any work: --fix changed nothing.
      assert.equal(read(root, 'app.py'), ASYNC_SLEEP);
    });
  }

  it('checks the working folder when no path is given', () => {
    const result = runCli(['check'], { cwd: root });
    assert.equal(result.status, 1, result.stderr);
    assert.ok(result.stdout.startsWith('app.py:5:5: warning [blocking-sleep-in-async] '), result.stdout);
  });
});
