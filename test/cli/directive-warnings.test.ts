// `pymodern check` reports suppression comments that silence nothing: a `warning:` line on
// stderr (text), `warnings` (JSON), warning notifications (SARIF). The exit code is the
// findings': a directive that silences nothing leaves its finding visible anyway.
import assert from 'node:assert/strict';
import { parseJson, project, runCli } from '../helpers/cli';

const SOURCE = 'import time\n\n\nasync def poll() -> None:\n    time.sleep(1)  # pymodern: ignore[blocking-slep-in-async]\n';
const MESSAGE = 'unknown rule or family `blocking-slep-in-async` in a pymodern directive: it silences nothing (see `pymodern rules`)';

describe('cli: suppression comments that silence nothing', () => {
  it('text: one warning line on stderr per directive, the finding still reported', () => {
    const result = runCli(['check', 'app.py'], { cwd: project({ 'app.py': SOURCE }) });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^app\.py:5:5: warning \[blocking-sleep-in-async\]/m);
    assert.equal(result.stderr, `app.py:5:20: warning: ${MESSAGE}\n`);
  });

  it('json: `warnings` with 1-based code point positions', () => {
    const report = parseJson(runCli(['check', '--format', 'json', 'app.py'], { cwd: project({ 'app.py': SOURCE }) })) as unknown as { warnings: unknown[] };
    assert.deepEqual(report.warnings, [{ file: 'app.py', line: 5, column: 20, endLine: 5, endColumn: 62, message: MESSAGE }]);
  });

  it('sarif: a warning notification located on the comment', () => {
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', 'app.py'], { cwd: project({ 'app.py': SOURCE }) }).stdout);
    const [notification] = sarif.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notification.level, 'warning');
    assert.equal(notification.message.text, MESSAGE);
    assert.deepEqual(notification.locations[0].physicalLocation.region, { startLine: 5, startColumn: 20, endLine: 5, endColumn: 62 });
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
  });

  it('json: an empty `warnings` when every directive is sound', () => {
    const report = parseJson(runCli(['check', '--format', 'json', 'app.py'], { cwd: project({ 'app.py': SOURCE.replace('slep', 'sleep') }) })) as unknown as { warnings: unknown[]; findings: unknown[] };
    assert.deepEqual(report.warnings, []);
    assert.deepEqual(report.findings, []);
  });
});
