// Worker threads: with enough files (more than 16 per worker) `--jobs N` spreads them over
// N workers, and the output is the same as analysing them all in the main thread.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNC_SLEEP, CLEAN, distVariant, NO_ANNOTATION, parseJson, project, read, READ_CSV, runCli, type Tree } from '../helpers/cli';

const FILES = 72;
const CONTENTS = [ASYNC_SLEEP, READ_CSV, NO_ANNOTATION, CLEAN];

/** 72 files over nested folders, three in four with a finding, plus a binary one. */
function generated(): Tree {
  const tree: Tree = { 'pkg_7/blob.py': Buffer.from([0x00, 0x01]) };
  for (let i = 0; i < FILES; i++) {
    const source = CONTENTS[i % CONTENTS.length].replace('(1)', `(${i})`).replace('greet', `greet_${i}`);
    tree[`pkg_${i % 9}/sub_${i % 2}/module_${i}.py`] = source;
  }
  return tree;
}

describe('cli: parallel workers', () => {
  // A build whose worker entry point logs each start to a file, so the tests can tell how
  // many worker threads ran.
  let dist: string;
  let root: string;
  let log: string;
  let runs = 0;
  const check = (...args: string[]) => {
    log = join(root, `workers-${++runs}.log`);
    const result = runCli(['check', ...args], { cwd: root, dist, env: { PYMODERN_TEST_WORKER_LOG: log } });
    const workers = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
    return { ...result, workers };
  };

  before(() => {
    dist = distVariant((dir) => {
      renameSync(join(dir, 'worker.js'), join(dir, 'worker-real.js'));
      writeFileSync(
        join(dir, 'worker.js'),
        "require('node:fs').appendFileSync(process.env.PYMODERN_TEST_WORKER_LOG, 'started\\n');\nrequire('./worker-real.js');\n",
      );
    });
    root = project(generated());
  });

  it('gives the same JSON with --jobs 1 (main thread) and --jobs 2 (two workers)', () => {
    const serial = check('--format', 'json', '--jobs', '1');
    const parallel = check('--format', 'json', '--jobs', '2');
    assert.equal(serial.workers, 0, 'one job runs in the main thread');
    assert.equal(parallel.workers, 2, '72 files make two workers worth it');
    assert.equal(serial.status, 2, serial.stderr);
    assert.deepEqual(parallel, { ...serial, workers: 2 });

    const report = parseJson(serial);
    assert.deepEqual(report.errors, [{ file: 'pkg_7/blob.py', message: 'contains a NUL byte at offset 0: not Python source (binary file?)' }]);
    const count = (rule: string) => report.findings.filter((f) => f.rule === rule).length;
    assert.deepEqual([count('blocking-sleep-in-async'), count('pandas-read-csv'), count('missing-return-annotation')], [18, 18, 18]);
    const files = report.findings.map((f) => f.file);
    assert.deepEqual(files, [...files].sort(), 'sorted by file');
    assert.ok(report.findings.some((f) => f.message === 'Public function `greet_70` has no return type annotation'));
  });

  it('stays in the main thread for a handful of files', () => {
    const few = check('--format', 'json', '--jobs', '2', 'pkg_0');
    assert.equal(few.status, 1, few.stderr);
    assert.equal(few.workers, 0);
    assert.equal(parseJson(few).findings.length, 6);
  });

  it('applies the same fixes with --fix in workers', () => {
    const other = project(generated());
    const serial = runCli(['check', '--fix', '--jobs', '1'], { cwd: other, dist });
    const parallel = check('--fix', '--jobs', '2');
    assert.equal(parallel.workers, 2);
    assert.deepEqual({ status: parallel.status, stdout: parallel.stdout, stderr: parallel.stderr }, serial);
    assert.ok(serial.stdout.includes('\nFixed 36 findings.\n'), serial.stdout);
    for (let i = 0; i < FILES; i++) {
      const path = `pkg_${i % 9}/sub_${i % 2}/module_${i}.py`;
      assert.equal(read(root, path), read(other, path), path);
    }
    assert.equal(read(root, 'pkg_0/sub_0/module_0.py'), 'import time\nimport asyncio\n\n\nasync def main() -> None:\n    await asyncio.sleep(0)\n');
  });

  describe('when a worker fails', () => {
    const broken = (worker: string) =>
      distVariant((dir) => {
        writeFileSync(join(dir, 'worker.js'), worker);
      });
    const cases: [string, string, string][] = [
      [
        'to load its engine (a setup error: said in one line)',
        "require('node:worker_threads').parentPort.postMessage({ type: 'fatal', message: 'no engine' });\n",
        'pymodern: worker failed to start: no engine\n',
      ],
      [
        'by exiting with code 0 in the middle of its files (an internal error, with its stack)',
        "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', () => process.exit(0));\nparentPort.postMessage({ type: 'ready' });\n",
        'pymodern: internal error: Error: worker exited with code 0 before finishing its files\n',
      ],
    ];
    for (const [what, worker, message] of cases) {
      it(`exits 2, not a silent success, when it fails ${what}`, () => {
        const result = runCli(['check', '--format', 'json', '--jobs', '2'], { cwd: root, dist: broken(worker) });
        assert.equal(result.status, 2, result.stderr);
        assert.equal(result.stdout, '');
        assert.ok(result.stderr.startsWith(message), result.stderr);
      });
    }

    it('says the build is incomplete, in one line, with one job or two, when a WASM file is missing', () => {
      const unbuilt = distVariant((dir) => rmSync(join(dir, 'tree-sitter-python.wasm')));
      for (const jobs of ['1', '2']) {
        const result = runCli(['check', '--format', 'json', '--jobs', jobs], { cwd: root, dist: unbuilt });
        assert.equal(result.status, 2, result.stderr);
        assert.equal(result.stdout, '');
        const lines = result.stderr.split('\n').filter(Boolean);
        assert.equal(lines.length, 1, result.stderr);
        assert.match(lines[0], /^pymodern: (worker failed to start: )?pymodern is not built: ENOENT: .*tree-sitter-python\.wasm.* \(run `npm run build`\)$/);
      }
    });
  });
});
