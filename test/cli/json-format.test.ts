// `--format json`: one object `{"findings": [...], "errors": [...]}` (design.md, CLI
// contract), lines and columns 1-based, columns in Unicode code points.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ASYNC_SLEEP, CLEAN, distDir, parseJson, project, READ_CSV_MESSAGE, runCli } from '../helpers/cli';

// Line 5 starts with an emoji (2 UTF-16 units, 1 code point) and a CJK character before the
// call, and the call's own argument holds another emoji: UTF-16 columns would be 16..32.
const UNICODE_SOURCE = 'import time\n\n\nasync def main():\n    s = "😀中"; time.sleep("😀")\n';
const MULTILINE_CSV = 'import pandas\n\ntable = pandas.read_csv(\n    "data.csv",\n)\n';

/** Each finding links to its trend page in the build the CLI runs from. */
const trendUrl = (trend: string) => pathToFileURL(join(distDir(), 'trends', `${trend}.md`)).href;

const SLEEP = {
  file: 'src/app.py',
  rule: 'blocking-sleep-in-async',
  family: 'async',
  trend: 'async-first-services',
  severity: 'warning',
  line: 5,
  column: 15,
  endLine: 5,
  endColumn: 30,
  message: '`time.sleep()` blocks the event loop inside coroutine `main`',
  url: trendUrl('async-first-services'),
  peers: ['ASYNC251'],
  peer: 'ASYNC251',
  fix: { title: 'Replace with `await asyncio.sleep("😀")`', safety: 'safe' },
};
const MAIN_ANNOTATION = {
  file: 'src/app.py',
  rule: 'missing-return-annotation',
  family: 'typing',
  trend: 'typed-python',
  severity: 'information',
  line: 4,
  column: 11,
  endLine: 4,
  endColumn: 15,
  message: 'Public function `main` has no return type annotation',
  url: trendUrl('typed-python'),
  peers: ['ANN201', 'ANN205', 'ANN206'],
  peer: 'ANN201',
  fix: { title: 'Add `-> None`', safety: 'safe' },
};
const READ_CSV_FINDING = {
  file: 'data/load.py',
  rule: 'pandas-read-csv',
  family: 'dataframes',
  trend: 'high-performance-dataframes',
  severity: 'information',
  line: 3,
  column: 9,
  endLine: 5,
  endColumn: 2,
  message: READ_CSV_MESSAGE.replace('pd.read_csv', 'pandas.read_csv'),
  url: trendUrl('high-performance-dataframes'),
  peers: [],
  fix: null,
};

// Typed coverage (annotated parameters and returns / all, self and cls aside), listing the
// files that have a def: clean.py's `add(a: int, b: int) -> int` has 3 of 3, app.py's
// `async def main()` 0 of 1 (its return), load.py has no def.
const CLEAN_COVERAGE = { file: 'clean.py', annotated: 3, total: 3 };
const APP_COVERAGE = { file: 'src/app.py', annotated: 0, total: 1 };
const COVERAGE = { annotated: 3, total: 4, percent: 75, files: [CLEAN_COVERAGE, APP_COVERAGE] };

describe('cli: json format', () => {
  let root: string;
  before(() => {
    root = project({ 'src/app.py': UNICODE_SOURCE, 'data/load.py': MULTILINE_CSV, 'clean.py': CLEAN, 'notes.txt': ASYNC_SLEEP });
  });

  it('prints exactly the findings, 1-based, with code point columns, and exits 1', () => {
    const result = runCli(['check', '--format', 'json'], { cwd: root });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    assert.deepEqual(parseJson(result), { findings: [READ_CSV_FINDING, MAIN_ANNOTATION, SLEEP], errors: [], warnings: [], coverage: COVERAGE });
    // The links work offline: they point at the trend pages shipped in the build.
    for (const finding of [READ_CSV_FINDING, MAIN_ANNOTATION, SLEEP]) assert.ok(existsSync(fileURLToPath(finding.url)), finding.url);
    assert.ok(result.stdout.endsWith('}\n'), 'one JSON document and a newline, nothing else');
  });

  it('prints empty arrays and exits 0 when clean', () => {
    const result = runCli(['check', 'clean.py', '--format', 'json'], { cwd: root });
    assert.deepEqual({ status: result.status, stderr: result.stderr }, { status: 0, stderr: '' });
    assert.deepEqual(parseJson(result), { findings: [], errors: [], warnings: [], coverage: { annotated: 3, total: 3, percent: 100, files: [CLEAN_COVERAGE] } });
  });

  it('lists errors with file and message next to the findings of the other files, and exits 2', () => {
    const broken = project({
      'src/app.py': UNICODE_SOURCE,
      'blob.py': Buffer.from([0x70, 0x72, 0x69, 0x6e, 0x74, 0x00, 0x01]),
      'sub/pyproject.toml': '[tool.pymodern]\nselect = ["async", "typo-rule"]\n',
      'sub/governed.py': ASYNC_SLEEP,
      'data/load.py': MULTILINE_CSV,
    });
    const result = runCli(['check', '--format', 'json', '.', 'gone.py'], { cwd: broken });
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stderr, '', 'json output carries the errors; stderr stays quiet');
    assert.deepEqual(parseJson(result), {
      findings: [READ_CSV_FINDING, MAIN_ANNOTATION, SLEEP],
      errors: [
        { file: 'gone.py', message: 'no such file or folder' },
        { file: 'sub/pyproject.toml', message: 'tool.pymodern.select[1]: unknown rule id or family "typo-rule"' },
        { file: 'blob.py', message: 'contains a NUL byte at offset 5: not Python source (binary file?)' },
      ],
      warnings: [],
      // Only the files analysed count: not the unreadable one, not those under the broken config.
      coverage: { annotated: 0, total: 1, percent: 0, files: [APP_COVERAGE] },
    });
  });
});
