// Files that are not clean UTF-8 Python: a clear error naming the file for what cannot be
// read, PEP 263 encodings honoured, syntax errors and empty files analysed without fuss.
import assert from 'node:assert/strict';
import { ASYNC_SLEEP, parseJson, project, readBytes, runCli, SLEEP_MESSAGE } from '../helpers/cli';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

// `café` is one byte per character in Latin-1 (and invalid UTF-8): the call starts at column 17.
const LATIN1_SOURCE = '# -*- coding: latin-1 -*-\nimport time\n\n\nasync def main() -> None:\n    s = "café"; time.sleep(1)\n';
const SYNTAX_ERROR = 'import time\n\n\ndef broken() -> None:\n    y = = 2\n\n\nasync def main() -> None:\n    time.sleep(1)\n';

describe('cli: bad input', () => {
  let root: string;
  before(() => {
    root = project({
      'binary.py': Buffer.from([0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x0a, 0x00, 0x9c, 0xff]),
      'invalid_utf8.py': latin1('x = "café"\n'),
      'latin1.py': latin1(LATIN1_SOURCE),
      'latin1_vim.py': latin1(`#!/usr/bin/env python\n# vim: set fileencoding=latin_1 :\n${LATIN1_SOURCE.split('\n').slice(1).join('\n')}`),
      'unknown_codec.py': '# coding: klingon\nx = 1\n',
      'syntax_error.py': SYNTAX_ERROR,
      'empty.py': '',
      'ok.py': ASYNC_SLEEP,
    });
  });

  it('names each unreadable file on stderr, reports the others, and exits 2', () => {
    const result = runCli(['check'], { cwd: root });
    assert.equal(result.status, 2);
    assert.equal(
      result.stderr,
      [
        'binary.py: error: contains a NUL byte at offset 7: not Python source (binary file?)',
        'invalid_utf8.py: error: is not valid UTF-8 (bad byte 0xe9 at offset 8); declare its encoding with a "# -*- coding: … -*-" line',
        'unknown_codec.py: error: declares an unknown encoding "klingon"',
        '',
      ].join('\n'),
    );
    const finding = `warning [blocking-sleep-in-async] ${SLEEP_MESSAGE} [*]`;
    assert.equal(
      result.stdout,
      [
        `latin1.py:6:17: ${finding}`,
        `latin1_vim.py:7:17: ${finding}`,
        `ok.py:5:5: ${finding}`,
        `syntax_error.py:9:5: ${finding}`,
        '',
        'Found 4 findings in 4 files (8 files checked, 100% typed). [*] 4 fixable with --fix.',
        '',
      ].join('\n'),
    );
  });

  it('lists the same errors in json output', () => {
    const result = runCli(['check', '--format', 'json', 'binary.py', 'empty.py'], { cwd: root });
    assert.equal(result.status, 2);
    assert.deepEqual(parseJson(result), {
      findings: [],
      errors: [{ file: 'binary.py', message: 'contains a NUL byte at offset 7: not Python source (binary file?)' }],
      warnings: [],
      // No def in the file that could be read: no coverage to show.
      coverage: { annotated: 0, total: 0, percent: null, files: [] },
    });
  });

  it('does not claim "All checks passed" when a file could not be read', () => {
    assert.deepEqual(runCli(['check', 'binary.py', 'empty.py'], { cwd: root }), {
      status: 2,
      stdout: 'No findings, but 1 error (2 files checked).\n',
      stderr: 'binary.py: error: contains a NUL byte at offset 7: not Python source (binary file?)\n',
    });
  });

  it('finds nothing in an empty file', () => {
    assert.deepEqual(runCli(['check', 'empty.py'], { cwd: root }), { status: 0, stdout: 'All checks passed (1 file checked).\n', stderr: '' });
  });

  it('writes fixes to a Latin-1 file back in Latin-1', () => {
    const fixable = project({ 'latin1.py': latin1(LATIN1_SOURCE) });
    const result = runCli(['check', '--fix'], { cwd: fixable });
    assert.deepEqual(result, { status: 0, stdout: 'Fixed 1 finding.\nAll checks passed (1 file checked, 100% typed).\n', stderr: '' });
    assert.deepEqual(
      readBytes(fixable, 'latin1.py'),
      latin1('# -*- coding: latin-1 -*-\nimport time\nimport asyncio\n\n\nasync def main() -> None:\n    s = "café"; await asyncio.sleep(1)\n'),
    );
  });
});
