// `pymodern check --time-budget`: a file the analysis cannot finish in time is refused as
// too complex and the run goes on; a worker stuck in one file is stopped by the watchdog.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson, project, runCli } from '../helpers/cli';

const NORMAL = 'import time\n\n\nasync def poll() -> None:\n    time.sleep(1)\n';
const HANGING = `${NORMAL}# HANG-HERE: the failpoint makes opening this file never return\n`;
const env = { PYMODERN_TEST_HANG_MARKER: 'HANG-HERE' };

describe('cli: the per-file time budget', () => {
  it('stops a worker stuck in one file; the other files of its batch and the run keep their findings', function () {
    this.timeout(120_000);
    const files: Record<string, string> = {};
    for (let i = 10; i < 50; i++) files[`f${i}.py`] = i === 13 ? HANGING : NORMAL;
    const result = runCli(['check', '--format', 'json', '--jobs', '2', '--time-budget', '1'], { cwd: project(files), env });
    assert.equal(result.status, 2);
    const report = parseJson(result);
    assert.deepEqual(report.errors, [
      { file: 'f13.py', message: 'analysis stopped: file too complex (no answer within 3 s; its worker was stopped and the run went on)' },
    ]);
    assert.deepEqual(report.findings.map((f) => f.file), Object.keys(files).filter((f) => f !== 'f13.py'), 'in path order');
    assert.ok(report.findings.every((f) => f.rule === 'blocking-sleep-in-async'));
  });

  it('refuses a file whose analysis outlasts the budget, and analyses the next one (one process)', () => {
    // About 3 s of analysis against 0.3 s, and a few ms for b.py: wide margins both ways.
    const big = `import time\n\n${Array.from({ length: 20_000 }, (_, i) => `async def poll${i}():\n    time.sleep(1)\n`).join('\n')}`;
    const root = project({ 'a.py': big, 'b.py': NORMAL });
    const result = runCli(['check', '--format', 'json', '--time-budget', '0.3'], { cwd: root });
    assert.equal(result.status, 2);
    const report = parseJson(result);
    assert.deepEqual(report.errors, [{ file: 'a.py', message: 'analysis stopped: file too complex (it took over the time budget of 0.3 s)' }]);
    assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`), ['b.py:5 blocking-sleep-in-async']);
  });

  it('never counts fixes of a file refused while fixing, and leaves it untouched', () => {
    const big = `from typing import List\n\n${Array.from({ length: 3000 }, (_, i) => `def f${i}(x: List[int]) -> List[int]:\n    return x\n`).join('\n')}`;
    const root = project({ 'a.py': big });
    const result = runCli(['check', '--fix', '--time-budget', '0.001'], { cwd: root });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^a\.py: error: analysis stopped: file too complex \(it took over the time budget of 0\.001 s\)$/m);
    assert.doesNotMatch(result.stdout, /Fixed/);
    assert.equal(readFileSync(join(root, 'a.py'), 'utf8'), big);
  });

  for (const value of ['-1', 'soon', '']) {
    it(`rejects --time-budget "${value}" as a usage error`, () => {
      const result = runCli(['check', `--time-budget=${value}`], { cwd: project({ 'a.py': NORMAL }) });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /--time-budget must be a number of seconds \(0: no limit\)/);
    });
  }
});
