// `pymodern check` when the parser runtime traps on one file: that file gets one clear
// error, every other file keeps its findings, with one process or several workers.
import assert from 'node:assert/strict';
import { parseJson, project, runCli } from '../helpers/cli';

const NORMAL = 'import time\n\n\nasync def poll() -> None:\n    time.sleep(1)\n';
const TRAPPING = `${NORMAL}# TRAP-HERE: the failpoint makes opening this file behave as a WASM trap\n`;
const env = { PYMODERN_TEST_TRAP_MARKER: 'TRAP-HERE' };

describe('cli: a file that traps the parser runtime', () => {
  it('between two normal files: they keep their findings, it gets one error (one process)', () => {
    const root = project({ 'a.py': NORMAL, 'b.py': TRAPPING, 'c.py': NORMAL });
    const result = runCli(['check', '--format', 'json'], { cwd: root, env });
    assert.equal(result.status, 2);
    const report = parseJson(result);
    assert.deepEqual(report.findings.map((f) => `${f.file} ${f.rule}`), ['a.py blocking-sleep-in-async', 'c.py blocking-sleep-in-async']);
    assert.deepEqual(report.errors.map((e) => e.file), ['b.py']);
    assert.match(report.errors[0].message, /^analysis failed: the parser runtime faulted on this file \(.*\); later files are analysed by a fresh engine$/);
  });

  it('in a batch over two workers: only the trapping files get errors', () => {
    const files: Record<string, string> = {};
    for (let i = 10; i < 50; i++) files[`f${i}.py`] = i === 13 || i === 31 ? TRAPPING : NORMAL;
    const result = runCli(['check', '--format', 'json', '--jobs', '2'], { cwd: project(files), env });
    assert.equal(result.status, 2);
    const report = parseJson(result);
    assert.deepEqual(report.errors.map((e) => e.file), ['f13.py', 'f31.py']);
    assert.equal(report.findings.length, 38);
    assert.deepEqual(report.findings.map((f) => f.file), Object.keys(files).filter((f) => f !== 'f13.py' && f !== 'f31.py'), 'in path order');
  });

  it('analyses 8,000 chained .merge(df) calls between two normal files (it trapped for real before)', () => {
    const chain = `import pandas as pd\n\ndf = pd.read_csv("a.csv")\nx = df${'.merge(df)'.repeat(8000)}\n`;
    const root = project({ 'a.py': NORMAL, 'b.py': chain, 'c.py': NORMAL });
    const report = parseJson(runCli(['check', '--format', 'json'], { cwd: root }));
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.findings.map((f) => `${f.file} ${f.rule}`), ['a.py blocking-sleep-in-async', 'b.py pandas-read-csv', 'c.py blocking-sleep-in-async']);
  });
});
