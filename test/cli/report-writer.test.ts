// The report is written file by file: the streamed JSON must be exactly what printing the
// whole report at once gives, the text format its lines then its summary, and nothing may
// reach stdout before the first file (a failed start leaves it empty).
import assert from 'node:assert/strict';
import type { FileResult, OutputFinding } from '../../src/cli/analyze-file';
import { ReportWriter, type OutputMode } from '../../src/cli/report-writer';

function finding(file: string, line: number, fix: OutputFinding['fix']): OutputFinding {
  return {
    file,
    rule: 'missing-return-annotation',
    family: 'typing',
    trend: 'typed-python',
    severity: 'information',
    line,
    column: 5,
    endLine: line,
    endColumn: 9,
    message: 'Public function `main` has no return type annotation',
    url: 'file:///dist/trends/typed-python.md',
    peers: ['ANN201'],
    fix,
  };
}

function result(file: string, findings: OutputFinding[], extra: Partial<FileResult> = {}): FileResult {
  return { file, findings, errors: [], fixed: 0, lines: 10, bytes: 100, ...extra };
}

const A = result('a.py', [finding('a.py', 1, { title: 'Add `-> None`', safety: 'safe' }), finding('a.py', 7, null)], { coverage: { annotated: 1, total: 4 } });
const B = result('b.py', [], { errors: [{ file: 'b.py', message: 'contains a NUL byte at offset 0: not Python source (binary file?)' }] });
const C = result('pkg/c.py', [finding('pkg/c.py', 3, { title: 'Add `-> int`', safety: 'unsafe' })], { coverage: { annotated: 0, total: 2 } });

function written(mode: OutputMode, results: FileResult[], leading: { file: string; message: string }[] = [], end = true): string {
  let out = '';
  const writer = new ReportWriter(mode, (text) => (out += text), leading);
  for (const r of results) writer.add(r);
  if (end) writer.end({ fixMode: 'none', unsafeFixes: false });
  return out;
}

describe('cli: the report, written file by file', () => {
  it('streams JSON byte for byte as the whole report would print', () => {
    const leading = [{ file: 'pyproject.toml', message: 'tool.pymodern.select[0]: unknown rule id or family "x"' }];
    const cases: [FileResult[], typeof leading][] = [
      [[A, B, C], leading],
      [[B], []],
      [[], []],
      [[C], leading],
    ];
    for (const [results, errors] of cases) {
      const files = results.filter((r) => r.coverage?.total).map((r) => ({ file: r.file, ...r.coverage! }));
      const annotated = files.reduce((s, f) => s + f.annotated, 0);
      const total = files.reduce((s, f) => s + f.total, 0);
      const whole = {
        findings: results.flatMap((r) => r.findings),
        errors: [...errors, ...results.flatMap((r) => r.errors)],
        warnings: results.flatMap((r) => r.warnings ?? []),
        coverage: { annotated, total, percent: total ? Math.floor((annotated * 100) / total) : null, files },
      };
      assert.equal(written('json', results, errors), `${JSON.stringify(whole, null, 2)}\n`);
    }
  });

  it('writes the text lines as files come, then the summary', () => {
    assert.equal(
      written('text', [A, B, C]),
      'a.py:1:5: information [missing-return-annotation] Public function `main` has no return type annotation [*]\n' +
        'a.py:7:5: information [missing-return-annotation] Public function `main` has no return type annotation\n' +
        'pkg/c.py:3:5: information [missing-return-annotation] Public function `main` has no return type annotation [unsafe fix]\n' +
        '\n' +
        'Found 3 findings in 2 files (3 files checked, 16% typed). [*] 1 fixable with --fix, 1 more with --unsafe-fixes.\n',
    );
    assert.equal(written('text', [B]), 'No findings, but 1 error (1 file checked).\n');
  });

  it('writes nothing before the first file, so a failed start leaves stdout empty', () => {
    assert.equal(written('json', [], [], false), '');
  });

  it('hands output on in chunks while files come, before the end', () => {
    const many = result('big.py', Array.from({ length: 300 }, (_, i) => finding('big.py', i + 1, null)));
    const early = written('json', [many], [], false);
    const whole = written('json', [many]);
    assert.ok(early.length >= 64 * 1024, `${early.length} characters before the end`);
    assert.ok(whole.startsWith(early) && whole.length > early.length);
    assert.equal(written('json', [A], [], false), '', 'a small report waits for its end, in one piece');
  });
});
