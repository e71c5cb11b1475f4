// --fix rewrites files, --diff shows the same change without writing, --unsafe-fixes opts
// into unsafe fixes; line endings, BOM and encoding survive.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledRuleSet } from '../../src/engine/types';
import { CLEAN, distDir, distVariant, parseJson, project, read, READ_CSV, READ_CSV_MESSAGE, readBytes, runCli, SLEEP_MESSAGE } from '../helpers/cli';

const SERVICE = 'import time\n\n\nasync def main():\n    time.sleep(1)\n\n\ndef helper(x):\n    return x\n';
const SERVICE_FIXED = 'import time\nimport asyncio\n\n\nasync def main() -> None:\n    await asyncio.sleep(1)\n\n\ndef helper(x):\n    return x\n';
const SERVICE_DIFF = [
  'Index: service.py',
  '===================================================================',
  '--- service.py',
  '+++ service.py',
  '@@ -1,9 +1,10 @@',
  ' import time',
  '+import asyncio',
  ' ',
  ' ',
  '-async def main():',
  '-    time.sleep(1)',
  '+async def main() -> None:',
  '+    await asyncio.sleep(1)',
  ' ',
  ' ',
  ' def helper(x):',
  '     return x',
  '',
].join('\n');
const HELPER = 'service.py:9:5: information [missing-return-annotation] Public function `helper` has no return type annotation';
const CSV = `data.py:3:9: information [pandas-read-csv] ${READ_CSV_MESSAGE}`;

describe('cli: --fix', () => {
  let root: string;
  before(() => {
    root = project({ 'service.py': SERVICE, 'data.py': READ_CSV, 'clean.py': CLEAN });
  });

  it('applies the safe fixes (await asyncio.sleep, import asyncio, -> None) and reports what is left: exit 1', () => {
    const result = runCli(['check', '--fix'], { cwd: root });
    assert.deepEqual(result, {
      status: 1,
      stdout: `${CSV}\n${HELPER}\n\nFixed 2 findings.\nFound 2 findings in 2 files (3 files checked, 66% typed).\n`,
      stderr: '',
    });
    assert.equal(read(root, 'service.py'), SERVICE_FIXED);
    assert.equal(read(root, 'data.py'), READ_CSV);
    assert.equal(read(root, 'clean.py'), CLEAN);
  });

  it('is idempotent: a second run fixes nothing and changes nothing', () => {
    const result = runCli(['check', '--fix'], { cwd: root });
    assert.deepEqual(result, { status: 1, stdout: `${CSV}\n${HELPER}\n\nFound 2 findings in 2 files (3 files checked, 66% typed).\n`, stderr: '' });
    assert.equal(read(root, 'service.py'), SERVICE_FIXED);
  });

  it('exits 0 when the fixes leave nothing to report', () => {
    const fixable = project({ 'app.py': 'import time\n\nasync def main():\n    time.sleep(1)\n' });
    const result = runCli(['check', '--fix'], { cwd: fixable });
    assert.deepEqual(result, { status: 0, stdout: 'Fixed 2 findings.\nAll checks passed (1 file checked, 100% typed).\n', stderr: '' });
    assert.equal(read(fixable, 'app.py'), 'import time\nimport asyncio\n\nasync def main() -> None:\n    await asyncio.sleep(1)\n');
  });

  it('keeps CRLF line endings and the UTF-8 BOM, and columns do not count the BOM', () => {
    const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
    const crlf = project({ 'win.py': Buffer.concat([BOM, Buffer.from('import time\r\n\r\nasync def main():\r\n    s = "é"; time.sleep(1)\r\n')]) });
    const before = parseJson(runCli(['check', '--format', 'json'], { cwd: crlf }));
    assert.deepEqual(before.findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule}`), [
      '3:11-3:15 missing-return-annotation',
      '4:14-4:27 blocking-sleep-in-async',
    ]);
    const result = runCli(['check', '--fix'], { cwd: crlf });
    assert.deepEqual(result, { status: 0, stdout: 'Fixed 2 findings.\nAll checks passed (1 file checked, 100% typed).\n', stderr: '' });
    const expected = Buffer.concat([BOM, Buffer.from('import time\r\nimport asyncio\r\n\r\nasync def main() -> None:\r\n    s = "é"; await asyncio.sleep(1)\r\n')]);
    assert.deepEqual(readBytes(crlf, 'win.py'), expected);
    assert.equal(runCli(['check', '--fix'], { cwd: crlf }).status, 0);
    assert.deepEqual(readBytes(crlf, 'win.py'), expected);
  });
});

describe('cli: --diff', () => {
  let root: string;
  before(() => {
    root = project({ 'service.py': SERVICE, 'data.py': READ_CSV });
  });

  it('prints the fixes as a unified diff, changes no file, and exits 1', () => {
    const result = runCli(['check', '--diff'], { cwd: root });
    assert.deepEqual(result, { status: 1, stdout: SERVICE_DIFF, stderr: 'Would fix 2 finding(s) in 1 file(s).\n' });
    assert.equal(read(root, 'service.py'), SERVICE);
    assert.equal(read(root, 'data.py'), READ_CSV);
  });

  it('exits 0 with an empty diff when nothing can be fixed, even with findings left', () => {
    assert.deepEqual(runCli(['check', '--diff', 'data.py'], { cwd: root }), { status: 0, stdout: '', stderr: 'No fixes to apply.\n' });
  });

  it('wins over --fix: shows, does not write', () => {
    const result = runCli(['check', '--diff', '--fix'], { cwd: root });
    assert.equal(result.stdout, SERVICE_DIFF);
    assert.equal(read(root, 'service.py'), SERVICE);
  });
});

describe('cli: --unsafe-fixes', () => {
  it('changes nothing where every fix is safe', () => {
    // The premise: the fixes SERVICE gets are safe (missing-return-annotation's `-> None` is safe in code).
    const ruleSet = JSON.parse(readFileSync(join(distDir(), 'rules.json'), 'utf8')) as CompiledRuleSet;
    assert.deepEqual([...new Set(ruleSet.rules.find((r) => r.id === 'blocking-sleep-in-async')!.fixes.map((f) => f.safety))], ['safe']);
    const plain = project({ 'service.py': SERVICE });
    const unsafe = project({ 'service.py': SERVICE });
    const withFlag = runCli(['check', '--fix', '--unsafe-fixes'], { cwd: unsafe });
    assert.deepEqual(withFlag, runCli(['check', '--fix'], { cwd: plain }));
    assert.equal(read(unsafe, 'service.py'), SERVICE_FIXED);
  });

  describe('with a rule whose fix is unsafe', () => {
    // A build in which blocking-sleep-in-async's fix is marked unsafe.
    let dist: string;
    let root: string;
    const SOURCE = 'import time\n\n\nasync def main() -> None:\n    time.sleep(1)\n';
    const FIXED = 'import time\nimport asyncio\n\n\nasync def main() -> None:\n    await asyncio.sleep(1)\n';
    const LINE = `app.py:5:5: warning [blocking-sleep-in-async] ${SLEEP_MESSAGE} [unsafe fix]`;
    before(() => {
      dist = distVariant((dir) => {
        const file = join(dir, 'rules.json');
        const ruleSet = JSON.parse(readFileSync(file, 'utf8')) as CompiledRuleSet;
        const rule = ruleSet.rules.find((r) => r.id === 'blocking-sleep-in-async')!;
        rule.fixes = rule.fixes.map((f) => ({ ...f, safety: 'unsafe' }));
        writeFileSync(file, JSON.stringify(ruleSet));
      });
      root = project({ 'app.py': SOURCE });
    });

    it('marks the finding and hints at --unsafe-fixes', () => {
      assert.deepEqual(runCli(['check'], { cwd: root, dist }), {
        status: 1,
        stdout: `${LINE}\n\nFound 1 finding in 1 file (1 file checked, 100% typed). [*] 1 more with --unsafe-fixes.\n`,
        stderr: '',
      });
      assert.deepEqual(parseJson(runCli(['check', '--format', 'json'], { cwd: root, dist })).findings[0].fix, {
        title: 'Replace with `await asyncio.sleep(1)`',
        safety: 'unsafe',
      });
    });

    it('leaves it alone under --fix and --diff', () => {
      assert.deepEqual(runCli(['check', '--diff'], { cwd: root, dist }), { status: 0, stdout: '', stderr: 'No fixes to apply.\n' });
      const result = runCli(['check', '--fix'], { cwd: root, dist });
      assert.deepEqual(result, { status: 1, stdout: `${LINE}\n\nFound 1 finding in 1 file (1 file checked, 100% typed). [*] 1 more with --unsafe-fixes.\n`, stderr: '' });
      assert.equal(read(root, 'app.py'), SOURCE);
    });

    it('applies it with --unsafe-fixes', () => {
      const diff = runCli(['check', '--diff', '--unsafe-fixes'], { cwd: root, dist });
      assert.equal(diff.status, 1);
      assert.ok(diff.stdout.includes('\n-    time.sleep(1)\n+    await asyncio.sleep(1)\n'), diff.stdout);
      assert.equal(read(root, 'app.py'), SOURCE);
      const result = runCli(['check', '--fix', '--unsafe-fixes'], { cwd: root, dist });
      assert.deepEqual(result, { status: 0, stdout: 'Fixed 1 finding.\nAll checks passed (1 file checked, 100% typed).\n', stderr: '' });
      assert.equal(read(root, 'app.py'), FIXED);
    });
  });
});
