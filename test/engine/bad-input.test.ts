// Input an editor really sends: half-typed code, odd bytes, huge and deeply nested files,
// CRLF, tabs, astral characters, and a stream of incremental edits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument } from '../../src/engine/document';
import type { Engine } from '../../src/engine/engine';
import { LineIndex } from '../../src/engine/positions';
import type { Finding } from '../../src/engine/types';
import { getEngine } from '../helpers/engine';
import { FIXTURES_DIR } from '../helpers/fixtures';

const SLEEP = 'blocking-sleep-in-async';
const ANN = 'missing-return-annotation';
const CSV = 'pandas-read-csv';

/** [rule, 0-based line, UTF-16 character, end line, end character, number of fixes]. */
const summary = (findings: readonly Finding[]) =>
  findings.map((f) => [f.rule, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character, f.fixes.length]);

describe('bad input', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  describe('syntax errors', () => {
    it('reports in sound code after a broken statement, not in the broken one', () => {
      const text = [
        'import time', //                 0
        '', //                            1
        'async def ok():', //             2
        '    time.sleep(1)', //           3
        '', //                            4
        'def broken(:', //                5  no finding: its header is broken
        '    pass', //                    6
        '', //                            7
        'async def after():', //          8  finding, but no `-> None`: its body has an error
        '    time.sleep(2)', //           9
        '    x = = 1', //                 10
        '    time.sleep(3)', //           11
        '',
      ].join('\n');
      assert.deepEqual(summary(engine.analyzeText(text)), [
        [ANN, 2, 10, 2, 12, 1],
        [SLEEP, 3, 4, 3, 17, 1],
        [ANN, 8, 10, 8, 15, 0],
        [SLEEP, 9, 4, 9, 17, 1],
        [SLEEP, 11, 4, 11, 17, 1],
      ]);
    });

    it('reports nothing inside a region the parser could not make sense of', () => {
      // The unclosed bracket swallows the rest of the file into an ERROR node.
      const text = 'import time\n\nasync def before() -> None:\n    time.sleep(1)\n\nx = (1 +\n\nasync def swallowed() -> None:\n    time.sleep(2)\n';
      assert.deepEqual(summary(engine.analyzeText(text)), [[SLEEP, 3, 4, 3, 17, 1]]);
    });

    it('fix-all on a broken file fixes the sound parts and adds no error', () => {
      const text = 'import time\n\nasync def ok() -> None:\n    time.sleep(1)\n\ndef broken(:\n    pass\n';
      const fixed = engine.fixAll(text, {}, { unsafe: false });
      assert.equal(fixed.text, 'import time\nimport asyncio\n\nasync def ok() -> None:\n    await asyncio.sleep(1)\n\ndef broken(:\n    pass\n');
      assert.deepEqual(fixed.findings, []);
    });

    it('survives text that is only noise', () => {
      for (const text of [')))', 'def', 'async', '"""', "'", 'async def (', '\\', 'import', 'from . import', '@', 'lambda:', '\u2028', '\uFEFFimport time']) {
        assert.deepEqual(engine.analyzeText(text), [], JSON.stringify(text));
      }
    });
  });

  it('an empty file, blank lines and comments give no finding and no fix', () => {
    for (const text of ['', '\n', '   \n\n\t\n', '# only a comment', '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n']) {
      assert.deepEqual(engine.analyzeText(text), []);
      assert.deepEqual(engine.fixAll(text, {}, { unsafe: true }), { text, applied: 0, findings: [] });
    }
  });

  it('NUL bytes: no throw, and sound code around them still reports', () => {
    const inString = 'import time\nasync def f() -> None:\n    x = "a\0b"\n    time.sleep(1)\n';
    assert.deepEqual(summary(engine.analyzeText(inString)), [[SLEEP, 3, 4, 3, 17, 1]]);
    const ownLine = 'import time\n\0\nasync def f() -> None:\n    time.sleep(1)\n';
    assert.deepEqual(summary(engine.analyzeText(ownLine)), [[SLEEP, 3, 4, 3, 17, 1]]);
    assert.equal(engine.fixAll(ownLine, {}, { unsafe: false }).text, 'import time\nimport asyncio\n\0\nasync def f() -> None:\n    await asyncio.sleep(1)\n');
    // Glued to the call, the NUL makes the call part of an error: silent.
    assert.deepEqual(engine.analyzeText('import time\nasync def f() -> None:\n    time.sleep(1)\0\n'), []);
    assert.deepEqual(engine.analyzeText('\0\0\0'), []);
  });

  it('a ~10 MB generated file is analysed completely', function () {
    this.timeout(120_000);
    const block = (n: number) =>
      [
        '',
        '',
        `class Handler${n}:`,
        `    """Serves /items/${n}."""`,
        '',
        '    def __init__(self, store: dict) -> None:',
        '        self.store = store',
        '',
        '    async def get(self, request: dict) -> dict:',
        `        key = request.get("key", "item-${n}")`,
        '        if key not in self.store:',
        '            time.sleep(0.01)',
        '        return {"key": key, "value": self.store.get(key)}',
        '',
        '    def load(self, path: str):',
        '        return pd.read_csv(path)',
        '',
      ].join('\n');
    const parts = ['"""Generated handlers."""\nimport time\n\nimport pandas as pd\n'];
    let size = parts[0].length;
    let blocks = 0;
    while (size < 10 * 1024 * 1024) {
      const text = block(blocks++);
      parts.push(text);
      size += text.length;
    }
    const text = parts.join('');
    const findings = engine.analyzeText(text);
    const count = (rule: string) => findings.filter((f) => f.rule === rule).length;
    assert.deepEqual([count(SLEEP), count(CSV), count(ANN), findings.length], [blocks, blocks, blocks, 3 * blocks]);
    // The last block's findings sit at the end of the file, at the right lines.
    const lines = text.split('\n').length;
    assert.deepEqual(summary(findings.slice(-3)), [
      [SLEEP, lines - 6, 12, lines - 6, 28, 1],
      [ANN, lines - 3, 8, lines - 3, 12, 0],
      [CSV, lines - 2, 15, lines - 2, 32, 0],
    ]);
  });

  for (const [open, close] of [['(', ')'], ['[', ']']]) {
    it(`5,000 levels of nested ${open}${close}: no stack overflow, and a call at the bottom is found`, () => {
      const depth = 5000;
      const text = `import time\nasync def f() -> None:\n    x = ${open.repeat(depth)}time.sleep(1)${close.repeat(depth)}\n    time.sleep(2)\n`;
      // Round brackets nest as parenthesized expressions: the outermost redundant pair is reported once.
      const extra = open === '(' ? [['extraneous-parentheses', 2, 9, 2, 8 + 2 * depth + 12, 1]] : [];
      assert.deepEqual(summary(engine.analyzeText(text)), [...extra, [SLEEP, 2, 8 + depth, 2, 21 + depth, 1], [SLEEP, 3, 4, 3, 17, 1]]);
    });
  }

  it('nested brackets that never close: no throw, nothing reported in them', () => {
    const text = `import time\nasync def f() -> None:\n    x = ${'(['.repeat(2500)}time.sleep(1)\n`;
    assert.deepEqual(engine.analyzeText(text), []);
  });

  it('CRLF line endings: exact ranges, and the fix writes CRLF', () => {
    const text = 'import time\r\n\r\nasync def f() -> None:\r\n    time.sleep(1)\r\n';
    const [finding] = engine.analyzeText(text);
    assert.deepEqual(finding.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 17 } });
    assert.equal(text.slice(finding.start, finding.end), 'time.sleep(1)');
    assert.deepEqual(finding.fixes[0].edits, [
      { start: 43, end: 56, newText: 'await asyncio.sleep(1)' },
      { start: 11, end: 11, newText: '\r\nimport asyncio' },
    ]);
    assert.equal(engine.fixAll(text, {}, { unsafe: false }).text, 'import time\r\nimport asyncio\r\n\r\nasync def f() -> None:\r\n    await asyncio.sleep(1)\r\n');
    // Without any import, the new line goes first, with CRLF too.
    assert.equal(
      engine.fixAll('# Service.\r\nasync def f() -> None:\r\n    import time\r\n    time.sleep(1)\r\n', {}, { unsafe: false }).text,
      '# Service.\r\nimport asyncio\r\nasync def f() -> None:\r\n    import time\r\n    await asyncio.sleep(1)\r\n',
    );
  });

  it('lone CR line breaks (old Mac files, which CPython accepts): parsed as lines, exact ranges, and the fix writes CR', () => {
    const lf = 'import time\n\nasync def f():\n    time.sleep(1)\n\n\ndef g():\n    return 1\n';
    const cr = lf.replace(/\n/g, '\r');
    const summary = (text: string) => engine.analyzeText(text).map((f) => [f.rule, f.range, f.fixes.map((x) => x.title)]);
    assert.deepEqual(summary(cr), summary(lf));
    // Misparsed as one line before, `g` got a safe `-> None` although it returns 1.
    assert.deepEqual(engine.analyzeText(cr, { select: ['missing-return-annotation'] }).map((f) => f.fixes[0]?.title), ['Add `-> None`', 'Add `-> int`']);
    const fixed = engine.fixAll(cr, {}, { unsafe: false }).text;
    assert.equal(fixed, engine.fixAll(lf, {}, { unsafe: false }).text.replace(/\n/g, '\r'));
    // Edited as the editor does: the incremental reparse keeps the lines.
    const document = engine.open(cr);
    try {
      document.update([{ start: 0, end: 0, newText: '# service\r' }]);
      assert.deepEqual(engine.analyze(document).map((f) => f.range.start.line), engine.analyzeText(`# service\n${lf}`).map((f) => f.range.start.line));
    } finally {
      document.dispose();
    }
  });

  it('tabs count as one column', () => {
    const text = 'import time\nasync def f() -> None:\n\tx = 1;\ttime.sleep(1)\n';
    assert.deepEqual(summary(engine.analyzeText(text)), [[SLEEP, 2, 8, 2, 21, 1]]);
    assert.equal(engine.fixAll(text, {}, { unsafe: false }).text, 'import time\nimport asyncio\nasync def f() -> None:\n\tx = 1;\tawait asyncio.sleep(1)\n');
  });

  describe('non-ASCII text before a finding on the same line', () => {
    const cases: [string, string, number, number][] = [
      // [label, text before the call on its line, UTF-16 column, code-point column]
      ['an emoji in a string (2 UTF-16 units)', '    s = "😀"; ', 14, 13],
      ['CJK identifiers and strings', '    数据 = "中文"; ', 15, 15],
      ['an astral CJK identifier', '    𠀀 = 1; ', 12, 11],
      ['combining marks', '    s = "é"; ', 13, 13],
    ];
    for (const [label, before, column, codePoints] of cases) {
      it(`${label}: column ${column} in UTF-16, ${codePoints} in code points`, () => {
        const text = `import time\n\nasync def f() -> None:\n${before}time.sleep(1)\n`;
        const findings = engine.analyzeText(text);
        assert.deepEqual(summary(findings), [[SLEEP, 3, column, 3, column + 13, 1]]);
        assert.equal(text.slice(findings[0].start, findings[0].end), 'time.sleep(1)');
        assert.equal(new LineIndex(text).codePointColumn(findings[0].range.start), codePoints);
        const fixed = engine.fixAll(text, {}, { unsafe: false }).text;
        assert.equal(fixed, `import time\nimport asyncio\n\nasync def f() -> None:\n${before}await asyncio.sleep(1)\n`);
      });
    }

    it('`s = "😀"; pd.read_csv(p)` at the start of a line: column 10', () => {
      const text = 'import pandas as pd\ns = "😀"; pd.read_csv(p)\n';
      assert.deepEqual(summary(engine.analyzeText(text)), [[CSV, 1, 10, 1, 24, 0]]);
    });
  });

  describe('incremental updates', () => {
    const base = readFileSync(join(FIXTURES_DIR, 'async', 'blocking-sleep-in-async.py'), 'utf8');
    const comparable = (findings: readonly Finding[]) => findings.map((f) => JSON.stringify([f.rule, f.start, f.end, f.range, f.message, f.fixes]));

    function assertSameAsFresh(document: SourceDocument, step: string): void {
      const fresh = engine.open(document.text);
      try {
        assert.equal(document.tree.rootNode.toString(), fresh.tree.rootNode.toString(), `${step}: the reparsed tree differs from a fresh parse`);
        assert.deepEqual(comparable(engine.analyze(document)), comparable(engine.analyze(fresh)), `${step}: findings differ from a fresh analysis`);
      } finally {
        fresh.dispose();
      }
    }

    it('50 random single-character edits give the findings of a fresh parse after each', () => {
      // A fixed seed: the same edits every run, so a failure can be replayed.
      let seed = 20250611;
      const random = () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const alphabet = ['a', 'x', '(', ')', ':', '=', ',', '.', ' ', '\t', '\n', '\r\n', '#', '"', 'é', '😀'];
      const document = engine.open(base);
      let findingsSeen = 0;
      try {
        for (let step = 0; step < 50; step++) {
          const text = document.text;
          let at = Math.floor(random() * (text.length + 1));
          if (/[\udc00-\udfff]/.test(text[at] ?? '')) at--; // never split a surrogate pair
          const width = (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
          const kind = at === text.length ? 0 : random();
          const newText = kind < 0.75 ? alphabet[Math.floor(random() * alphabet.length)] : '';
          const change = kind < 0.5 ? { start: at, end: at, newText } : { start: at, end: at + width, newText };
          document.update([change]);
          assert.equal(document.text, text.slice(0, change.start) + change.newText + text.slice(change.end));
          assert.equal(document.version, step + 1);
          assertSameAsFresh(document, `step ${step} ${JSON.stringify(change)}`);
          findingsSeen += engine.analyze(document).length;
        }
      } finally {
        document.dispose();
      }
      assert.ok(findingsSeen > 50 * 5, `the edited file kept too few findings to compare (${findingsSeen})`);
    });

    it('several changes in one update apply in order, each against the previous text', () => {
      const document = engine.open('import time\n\nasync def f() -> None:\n    pass\n');
      try {
        document.update([
          { start: 40, end: 44, newText: 'time.sleep(1)' }, // pass → time.sleep(1)
          { start: 53, end: 53, newText: '\n    time.sleep(2)' },
          { start: 0, end: 0, newText: '# 😀\n' },
        ], 7);
        assert.equal(document.text, '# 😀\nimport time\n\nasync def f() -> None:\n    time.sleep(1)\n    time.sleep(2)\n');
        assert.equal(document.version, 7);
        assertSameAsFresh(document, 'batch');
        assert.deepEqual(summary(engine.analyze(document)), [[SLEEP, 4, 4, 4, 17, 1], [SLEEP, 5, 4, 5, 17, 1]]);
        document.reset('x = 1\n');
        assert.equal(document.version, 8);
        assert.deepEqual(engine.analyze(document), []);
      } finally {
        document.dispose();
      }
    });

    it('dispose() frees the tree: later use throws a clear error, a second dispose is harmless', () => {
      const document = engine.open('import time\nasync def f() -> None:\n    time.sleep(1)\n');
      assert.equal(engine.analyze(document).length, 1);
      document.dispose();
      assert.throws(() => document.tree, /^Error: document was disposed$/);
      assert.throws(() => engine.analyze(document), /document was disposed/);
      assert.throws(() => document.update([{ start: 0, end: 0, newText: '#' }]), /document was disposed/);
      assert.doesNotThrow(() => document.dispose());
    });
  });
});
