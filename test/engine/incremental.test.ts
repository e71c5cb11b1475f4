// Engine.analyzeEdited: after an edit inside one def, only that def is analysed again. Its
// result must be the whole-file analysis's for everything the def decides; edits it cannot
// handle alone take the whole-file path; `exact` always gives the whole-file analysis.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument } from '../../src/engine/document';
import type { Engine } from '../../src/engine/engine';
import type { EditedFinding, RuleConfig } from '../../src/engine/types';
import { getEngine, REPO_ROOT } from '../helpers/engine';

const SOURCE = [
  'import time',
  'from typing import Optional',
  '',
  '__all__ = ["handler", "load", "Store"]',
  '',
  '',
  'def load(path):',
  '    time.sleep(1)',
  '    return open(path).read()',
  '',
  '',
  'async def handler(request):',
  '    data = load(request.path)',
  '    time.sleep(0.5)',
  '    return data',
  '',
  '',
  'class Store:',
  '    def __init__(self, root: Optional[str] = None):',
  '        self.root = root',
  '',
  '    def get(self, key):',
  '        return self.root',
  '',
].join('\n');

/** Every rule, preview ones included. */
let ALL: RuleConfig;

/** A finding as the editor gets it, as comparable text. */
function shown(findings: readonly EditedFinding[]): string[] {
  return findings.map((f) => JSON.stringify([f.rule, f.start, f.end, f.range, f.message, f.fixes, f.suggestion, f.disable]));
}

/** The whole-file analysis of a text, as the editor gets it. */
function wholeFile(engine: Engine, text: string, config = ALL): string[] {
  const document = engine.open(text);
  try {
    return shown(engine.analyzeEdited(document, config, { exact: true }).findings);
  } finally {
    document.dispose();
  }
}

/** Types `text` at the first occurrence of `anchor` (plus `offset`), as one change. */
function typeAt(document: SourceDocument, anchor: string, text: string, offset = 0): void {
  const at = document.text.indexOf(anchor);
  assert.ok(at >= 0, `no ${anchor} in the text`);
  document.update([{ start: at + offset, end: at + offset, newText: text }]);
}

describe('incremental analysis (Engine.analyzeEdited)', function () {
  this.timeout(120_000);
  let engine: Engine;
  let document: SourceDocument;

  before(async () => {
    engine = await getEngine();
    ALL = { select: engine.rules.map((r) => r.id) };
  });
  beforeEach(() => {
    document = engine.open(SOURCE);
  });
  afterEach(() => document.dispose());

  it('analyses the whole file first, then only the def an edit is in, with the same findings', () => {
    const first = engine.analyzeEdited(document, ALL);
    assert.equal(first.provisional, false);
    assert.deepEqual(shown(first.findings), wholeFile(engine, SOURCE));
    assert.ok(first.findings.some((f) => f.rule === 'blocking-helper-call-in-async'), 'the fixture exercises a rule that reads other defs');
    // Type a word into the coroutine's body, one character at a time.
    for (const [k, ch] of [...'extra'].entries()) {
      typeAt(document, 'return data', ch, 'return data'.length + k);
      const next = engine.analyzeEdited(document, ALL);
      assert.equal(next.provisional, true, `after typing ${ch}`);
      assert.deepEqual(shown(next.findings), wholeFile(engine, document.text), `after typing ${ch}`);
    }
    assert.match(document.text, /return dataextra/);
  });

  // Found by the fuzz harness's range check: the findings of the method after the edit moved
  // by one offset, but kept their old column.
  it("a space typed before a method's def moves the columns of the findings after it on that line", () => {
    engine.analyzeEdited(document, ALL);
    typeAt(document, 'def get(self, key)', ' ');
    const next = engine.analyzeEdited(document, ALL);
    const get = next.findings.find((f) => f.rule === 'missing-return-annotation' && document.text.slice(f.start, f.end) === 'get')!;
    assert.ok(get, 'the method keeps its finding');
    const line = document.text.split('\n').findIndex((l) => l.includes('def get('));
    assert.deepEqual(get.range, { start: { line, character: 9 }, end: { line, character: 12 } });
  });

  it('analyses a header edit (a parameter annotated) alone, and updates the typed coverage', () => {
    engine.analyzeEdited(document, ALL);
    const before = engine.coverage(document, ALL);
    typeAt(document, 'def get(self, key)', ': str', 'def get(self, key'.length);
    const next = engine.analyzeEdited(document, ALL);
    assert.equal(next.provisional, true);
    assert.deepEqual(shown(next.findings), wholeFile(engine, document.text));
    const after = engine.coverage(document, ALL);
    assert.deepEqual(after, { annotated: before.annotated + 1, total: before.total });
    const fresh = engine.open(document.text);
    engine.analyze(fresh, ALL);
    assert.deepEqual(engine.coverage(fresh, ALL), after);
    fresh.dispose();
  });

  it('takes the whole-file path for what changes the file beyond one def', () => {
    const cases: [string, (d: SourceDocument) => void][] = [
      ['an edit in an import', (d) => typeAt(d, 'import time', 'x', 'import tim'.length)],
      ['an import added inside a def', (d) => typeAt(d, '    data = load', '    import asyncio\n')],
      ['a `global` added inside a def', (d) => typeAt(d, '    data = load', '    global data\n')],
      ['an edit in __all__', (d) => typeAt(d, '"load"', 'x', 1)],
      ['an edit between defs', (d) => typeAt(d, '\n\nclass Store', 'x = 1\n', 2)],
      ['a syntax error', (d) => typeAt(d, 'return data', '(')],
    ];
    for (const [what, edit] of cases) {
      const subject = engine.open(SOURCE);
      try {
        engine.analyzeEdited(subject, ALL);
        edit(subject);
        const next = engine.analyzeEdited(subject, ALL);
        assert.equal(next.provisional, false, what);
        assert.deepEqual(shown(next.findings), wholeFile(engine, subject.text), what);
      } finally {
        subject.dispose();
      }
    }
  });

  it('stays exact for the edited def when it renames what the module binds', () => {
    engine.analyzeEdited(document, ALL);
    // `def load` becomes `def loads`: the coroutine's call no longer reaches a blocking helper.
    typeAt(document, 'def load(', 's', 'def load'.length);
    const next = engine.analyzeEdited(document, ALL);
    assert.equal(next.provisional, true);
    // The coroutine is another def: its finding is kept until a whole-file analysis.
    const stale = next.findings.filter((f) => f.rule === 'blocking-helper-call-in-async');
    assert.equal(stale.length, 1);
    const settled = engine.analyzeEdited(document, ALL, { exact: true });
    assert.equal(settled.provisional, false);
    assert.deepEqual(shown(settled.findings), wholeFile(engine, document.text));
    assert.equal(settled.findings.filter((f) => f.rule === 'blocking-helper-call-in-async').length, 0);
  });

  it('keeps a finding that reads other defs, moved past the edit, and drops it when the edit touches it', () => {
    engine.analyzeEdited(document, ALL);
    typeAt(document, '    data = load', '    pass\n');
    const moved = engine.analyzeEdited(document, ALL);
    assert.equal(moved.provisional, true);
    assert.deepEqual(shown(moved.findings), wholeFile(engine, document.text));
    // An edit inside the call: the finding waits for the whole-file analysis.
    typeAt(document, 'load(request.path)', 'x', 'load(request'.length);
    const touched = engine.analyzeEdited(document, ALL);
    assert.equal(touched.provisional, true);
    assert.equal(touched.findings.filter((f) => f.rule === 'blocking-helper-call-in-async').length, 0);
    const settled = engine.analyzeEdited(document, ALL, { exact: true });
    assert.equal(settled.findings.filter((f) => f.rule === 'blocking-helper-call-in-async').length, 1);
  });

  it('takes the whole file for an edit in a module-level statement that binds names, and keeps what it assigns', () => {
    const text = ['import io', '', 'AUDIT = open("/var/log/audit.log", "a")', '', '', 'async def upload(name):', '    AUDIT.write(name)', ''].join('\n');
    const subject = engine.open(text);
    try {
      engine.analyzeEdited(subject, ALL);
      // Other units read what `AUDIT` is (a file): their findings and fixes rely on it.
      typeAt(subject, 'audit.log', 's', 'audit'.length);
      assert.equal(engine.analyzeEdited(subject, ALL).provisional, false);
      typeAt(subject, 'AUDIT.write(name)', ' ', 'AUDIT.write(name'.length); // then the coroutine
      const next = engine.analyzeEdited(subject, ALL);
      assert.equal(next.provisional, true);
      assert.deepEqual(shown(next.findings), wholeFile(engine, subject.text));
      assert.deepEqual(next.findings.filter((f) => f.rule === 'blocking-file-method-in-async').map((f) => f.range.start.line), [6]);
    } finally {
      subject.dispose();
    }
  });

  it('analyses a line typed after the last statement of a def with that def', () => {
    engine.analyzeEdited(document, ALL);
    // Enter at the end of the coroutine's last line, then a new statement, a few keys at a time.
    for (const typed of ['\n    ', 't', 'i', 'm', 'e', '.sleep(2)']) {
      const end = document.text.indexOf('\n\n\nclass Store');
      document.update([{ start: end, end, newText: typed }]);
      const next = engine.analyzeEdited(document, ALL);
      assert.equal(next.provisional, true, JSON.stringify(typed));
      assert.deepEqual(shown(next.findings), wholeFile(engine, document.text), JSON.stringify(typed));
    }
    assert.match(document.text, /return data\n    time\.sleep\(2\)\n/);
    assert.equal(engine.analyzeEdited(document, ALL).findings.filter((f) => f.rule === 'blocking-sleep-in-async').length, 2);
  });

  it('analyses Enter at the end of a def header alone (the text diff puts it where the body starts)', () => {
    engine.analyzeEdited(document, ALL);
    typeAt(document, 'async def handler(request):', '\n    ', 'async def handler(request):'.length);
    const next = engine.analyzeEdited(document, ALL);
    assert.equal(next.provisional, true);
    assert.deepEqual(shown(next.findings), wholeFile(engine, document.text));
  });

  it('moves over a blank line trimmed in another def (an editor removing its auto-indent), then analyses the edit alone', () => {
    engine.analyzeEdited(document, ALL);
    const enter = document.text.indexOf('    time.sleep(1)') + '    time.sleep(1)'.length;
    document.update([{ start: enter, end: enter, newText: '\n    ' }]); // Enter in load()
    assert.equal(engine.analyzeEdited(document, ALL).provisional, true);
    // The indent left on that line goes as a character is typed in the coroutine, in one change event.
    const typed = document.text.indexOf('return data') + 'return data'.length;
    document.update([
      { start: enter + 1, end: enter + 5, newText: '' },
      { start: typed - 4, end: typed - 4, newText: 'x' },
    ]);
    assert.match(document.text, /time\.sleep\(1\)\n\n {4}return open[^]*return datax\n/);
    const next = engine.analyzeEdited(document, ALL);
    assert.equal(next.provisional, true);
    assert.deepEqual(shown(next.findings), wholeFile(engine, document.text));
    // Only blank lines changed: a shift, no analysis.
    document.update([{ start: enter + 1, end: enter + 1, newText: '    ' }]);
    const blank = engine.analyzeEdited(document, ALL);
    assert.equal(blank.provisional, true);
    assert.deepEqual(shown(blank.findings), wholeFile(engine, document.text));
  });

  it('takes the whole-file path when a blank line is typed next to lines a fix removes', () => {
    // typing-generic-alias removes the unused import with one of the blank lines around it.
    const text = ['"""Doc."""', 'from typing import Dict', '', '', 'def index(keys: Dict[str, int]) -> None:', '    pass', ''].join('\n');
    const subject = engine.open(text);
    try {
      const first = engine.analyzeEdited(subject, ALL);
      assert.ok(first.findings.some((f) => f.rule === 'typing-generic-alias' && f.fixes[0].edits.length === 2), 'the fix also removes the import');
      typeAt(subject, '"""Doc."""', '\n', '"""Doc."""'.length);
      const next = engine.analyzeEdited(subject, ALL);
      assert.equal(next.provisional, false);
      assert.deepEqual(shown(next.findings), wholeFile(engine, subject.text));
    } finally {
      subject.dispose();
    }
  });

  it('answers again without analysing when nothing changed, and keeps exact results exact', () => {
    const first = engine.analyzeEdited(document, ALL, { exact: true });
    assert.equal(engine.analyzeEdited(document, ALL).findings, first.findings);
    assert.equal(engine.analyzeEdited(document, ALL, { exact: true }).findings, first.findings);
    // Another config is another analysis.
    const other = engine.analyzeEdited(document, { select: ['typing'] });
    assert.notEqual(other.findings, first.findings);
    assert.ok(other.findings.every((f) => f.family === 'typing'));
  });

  it('handles CRLF line breaks, tabs, emoji and CJK text (UTF-16 columns)', () => {
    const text = SOURCE.replace('    return data', '    return data\t# 数据 😀').replace(/\n/g, '\r\n');
    const crlf = engine.open(text);
    try {
      engine.analyzeEdited(crlf, ALL);
      const edits: [string, string][] = [['return data', 'é'], ['数据 ', '😀'], ['return data', '\r\n    ']];
      for (const [anchor, insert] of edits) {
        typeAt(crlf, anchor, insert, anchor.length);
        const next = engine.analyzeEdited(crlf, ALL);
        assert.equal(next.provisional, true, JSON.stringify(insert));
        assert.deepEqual(shown(next.findings), wholeFile(engine, crlf.text), JSON.stringify(insert));
      }
    } finally {
      crlf.dispose();
    }
  });

  it('gives the whole-file findings after a comment is typed at any line of any fixture', () => {
    // A comment changes nothing but offsets: every rule, the ones reading other defs included,
    // must give what the whole-file analysis gives. Every third line keeps this affordable.
    const root = join(REPO_ROOT, 'test', 'fixtures');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.py')).sort();
    let incremental = 0;
    for (const file of files) {
      const subject = engine.open(readFileSync(join(root, file), 'utf8'));
      try {
        engine.analyzeEdited(subject, ALL);
        const lineEnds = [...subject.text.matchAll(/\n/g)].map((m) => m.index!).filter((_, k) => k % 3 === 1);
        for (const end of lineEnds.reverse()) {
          const last = subject.tree.rootNode.descendantForIndex(Math.max(0, end - 1));
          // Not inside a string or after a line continuation, where a `#` is no comment.
          if (!last || last.type.startsWith('string') || subject.text[end - 1] === '\\' || subject.text[end - 1] === '\r') continue;
          subject.update([{ start: end, end, newText: '  # edited' }]);
          const next = engine.analyzeEdited(subject, ALL);
          if (next.provisional) incremental++;
          assert.deepEqual(shown(next.findings), wholeFile(engine, subject.text), `${file}: a comment at offset ${end}`);
        }
      } finally {
        subject.dispose();
      }
    }
    assert.ok(incremental > 500, `${incremental} edits were analysed incrementally`);
  });
});
