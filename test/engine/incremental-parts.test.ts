// The pure parts of incremental analysis, without a parser: the span an edit changed, the
// line index patched after an edit, the unit an edit is in, and how findings, units and
// offsets outside (or inside) that unit move with the edit.
import assert from 'node:assert/strict';
import {
  carriedFindings,
  changedSpan,
  inHeader,
  keptFindings,
  movedUnits,
  offsetMap,
  unitAround,
  type Span,
  type Unit,
} from '../../src/engine/incremental/units';
import { LineIndex } from '../../src/engine/positions';
import type { EditedFinding, Finding, Fix, Range, TextEdit } from '../../src/engine/types';

/** Deterministic pseudo-random integers in [0, n): the same cases on every run. */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * n); // high bits: the low ones of an LCG cycle fast
  };
}

const span = (start: number, oldEnd: number, newEnd: number): Span => ({ start, oldEnd, newEnd });

describe('changedSpan', () => {
  /** The naive answer: longest common prefix, then longest common suffix of what is left. */
  function naive(before: string, after: string): Span | undefined {
    if (before === after) return undefined;
    const shorter = Math.min(before.length, after.length);
    let start = 0;
    while (start < shorter && before[start] === after[start]) start++;
    let common = 0;
    while (common < shorter - start && before[before.length - 1 - common] === after[after.length - 1 - common]) common++;
    return span(start, before.length - common, after.length - common);
  }

  function check(before: string, after: string, expected: Span | undefined): void {
    const actual = changedSpan(before, after);
    assert.deepEqual(actual, expected, `${JSON.stringify(before.slice(0, 40))} -> ${JSON.stringify(after.slice(0, 40))}`);
    if (!actual) return;
    // The span, applied to `before`, gives `after`.
    assert.equal(before.slice(0, actual.start) + after.slice(actual.start, actual.newEnd) + before.slice(actual.oldEnd), after);
    assert.ok(actual.start <= actual.oldEnd && actual.start <= actual.newEnd);
  }

  it('is undefined for equal texts', () => {
    check('', '', undefined);
    check('abc', 'abc', undefined);
  });

  it('insertions, deletions and replacements at the start, middle and end', () => {
    check('abc', 'xabc', span(0, 0, 1));
    check('abc', 'abxc', span(2, 2, 3));
    check('abc', 'abcx', span(3, 3, 4));
    check('abc', 'bc', span(0, 1, 0));
    check('abc', 'ac', span(1, 2, 1));
    check('abc', 'ab', span(2, 3, 2));
    check('abc', 'xbc', span(0, 1, 1));
    check('abcd', 'aXYZd', span(1, 3, 4));
    check('abc', 'abX', span(2, 3, 3));
    check('', 'ab', span(0, 0, 2));
    check('ab', '', span(0, 2, 0));
  });

  it('repeated characters: the prefix is taken first, the suffix only from what is left', () => {
    check('aaaa', 'aaaaa', span(4, 4, 5));
    check('aaaa', 'aaa', span(3, 4, 3));
    check('xaaay', 'xaaaay', span(4, 4, 5));
    check('abab', 'ababab', span(4, 4, 6));
  });

  it('long texts: a change at and around the 4096/256/16-character block boundaries', () => {
    // No two neighbours equal and no uppercase: an inserted 'X' has exactly one place.
    const base = Array.from({ length: 12345 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]).join('');
    const n = base.length;
    const positions = [0, 1, 15, 16, 17, 255, 256, 257, 4095, 4096, 4097, 8191, 8192, 8193, n - 4097, n - 4096, n - 4095, n - 257, n - 16, n - 1];
    for (const p of positions) {
      check(base, base.slice(0, p) + 'X' + base.slice(p), span(p, p, p + 1));
      check(base, base.slice(0, p) + 'X' + base.slice(p + 1), span(p, p + 1, p + 1));
      check(base, base.slice(0, p) + base.slice(p + 1), span(p, p + 1, p));
    }
    check(base, base + 'X', span(n, n, n + 1));
    // Two changes far apart: one span from the first to the last.
    check(base, base.slice(0, 100) + 'X' + base.slice(100, 9000) + 'Y' + base.slice(9000), span(100, 9000, 9002));
  });

  it('2000 pseudo-random pairs: the longest common prefix, then the longest suffix in the rest', () => {
    const rand = lcg(42);
    const randomText = (length: number, alphabet: string) => Array.from({ length }, () => alphabet[rand(alphabet.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const alphabet = i % 2 ? 'ab' : 'abc\n';
      // Every 20th case is long, for the block comparisons; the rest short, for edge cases.
      const before = randomText(i % 20 === 0 ? 4000 + rand(9000) : rand(30), alphabet);
      let after = before;
      for (let edits = rand(3); edits >= 0; edits--) {
        const start = rand(after.length + 1);
        const end = Math.min(after.length, start + rand(i % 20 === 0 ? 300 : 5));
        after = after.slice(0, start) + randomText(rand(i % 20 === 0 ? 300 : 4), alphabet) + after.slice(end);
      }
      check(before, after, naive(before, after));
    }
  });
});

describe('LineIndex.afterEdit', () => {
  /** The patched index answers as one built from scratch (a stale lone-`\r` flag may stay true). */
  function assertFresh(patched: LineIndex, text: string): void {
    const fresh = new LineIndex(text);
    const positions = (index: LineIndex) => Array.from({ length: text.length + 1 }, (_, o) => index.positionAt(o));
    assert.equal(patched.lineCount, fresh.lineCount, JSON.stringify(text));
    assert.deepEqual(positions(patched), positions(fresh), JSON.stringify(text));
    if (fresh.hasLoneCarriageReturn) assert.equal(patched.hasLoneCarriageReturn, true, JSON.stringify(text));
  }

  /** Replaces before's [start, oldEnd) with `inserted`, patching the index of `before`. */
  function edit(before: string, start: number, oldEnd: number, inserted: string): { text: string; index: LineIndex } {
    const text = before.slice(0, start) + inserted + before.slice(oldEnd);
    const index = LineIndex.afterEdit(new LineIndex(before), text, start, oldEnd, start + inserted.length);
    assertFresh(index, text);
    return { text, index };
  }

  it('inserting a line break adds a line; deleting one removes it', () => {
    const added = edit('ab\ncd', 1, 1, '\n');
    assert.equal(added.index.lineCount, 3);
    assert.deepEqual(added.index.positionAt(4), { line: 2, character: 0 });
    const removed = edit('ab\ncd\nef', 2, 3, '');
    assert.equal(removed.index.lineCount, 2);
    assert.deepEqual(removed.index.positionAt(5), { line: 1, character: 0 });
  });

  it('a "\\n" typed after a lone "\\r", or a "\\r" before a "\\n", makes one CRLF line break', () => {
    const lf = edit('ab\rcd', 3, 3, '\n');
    assert.equal(lf.index.lineCount, 2);
    assert.deepEqual(lf.index.positionAt(3), { line: 0, character: 3 });
    assert.deepEqual(lf.index.positionAt(4), { line: 1, character: 0 });
    const cr = edit('ab\ncd', 2, 2, '\r');
    assert.equal(cr.index.lineCount, 2);
    assert.deepEqual(cr.index.positionAt(4), { line: 1, character: 0 });
  });

  it('deleting the "\\n" of a CRLF leaves a lone "\\r"', () => {
    const { index } = edit('ab\r\ncd', 3, 4, '');
    assert.equal(index.lineCount, 2);
    assert.equal(index.hasLoneCarriageReturn, true);
  });

  it('edits at offset 0 and at the end', () => {
    assert.equal(edit('\nab', 0, 0, 'x\n').index.lineCount, 3);
    assert.equal(edit('ab\ncd', 0, 3, '').index.lineCount, 1);
    const cr = edit('ab\ncd', 5, 5, '\r');
    assert.equal(cr.index.lineCount, 3);
    assert.equal(cr.index.hasLoneCarriageReturn, true);
    assert.equal(edit('ab\ncd\r', 6, 6, '\n').index.lineCount, 3);
  });

  it('chains of pseudo-random edits over a, \\n, \\r, \\r\\n and xy match a fresh index', () => {
    const rand = lcg(7);
    const pieces = ['a', '\n', '\r', '\r\n', 'xy'];
    const randomText = (count: number) => Array.from({ length: count }, () => pieces[rand(pieces.length)]).join('');
    for (let chain = 0; chain < 300; chain++) {
      let text = randomText(rand(13));
      let index = new LineIndex(text);
      for (let step = 0; step < 10; step++) {
        const start = rand(text.length + 1);
        const oldEnd = Math.min(text.length, start + rand(7));
        const inserted = randomText(rand(4));
        const next = text.slice(0, start) + inserted + text.slice(oldEnd);
        index = LineIndex.afterEdit(index, next, start, oldEnd, start + inserted.length);
        text = next;
        assertFresh(index, text);
      }
    }
  });
});

// Three units: a def (header 10..30, body 30..50), a method of a class at 55 (header 60..70,
// body 70..80), another method (85..100) and a top-level statement (120..130).
const def: Unit = { kind: 'def', start: 10, end: 50, bodyStart: 30, bodyEnd: 50, outward: '' };
const method: Unit = { kind: 'def', start: 60, end: 80, bodyStart: 70, bodyEnd: 80, classStart: 55, outward: '' };
const method2: Unit = { kind: 'def', start: 85, end: 100, bodyStart: 90, bodyEnd: 100, classStart: 55, outward: '' };
const statement: Unit = { kind: 'statement', start: 120, end: 130, bodyStart: 120, bodyEnd: 130, outward: '' };
const units = [def, method, method2, statement];

describe('unitAround and inHeader', () => {
  it('a span in a body is in that unit, not in its header', () => {
    assert.equal(unitAround(units, span(40, 42, 45)), def);
    assert.equal(inHeader(def, span(40, 42, 45)), false);
    assert.equal(unitAround(units, span(50, 50, 51)), def); // typed at the body's end
    assert.equal(unitAround(units, span(72, 72, 73)), method);
    assert.equal(unitAround(units, span(125, 126, 126)), statement);
    assert.equal(inHeader(statement, span(125, 126, 126)), false);
  });

  it('a span after the first character and before the body is in the header', () => {
    assert.equal(unitAround(units, span(20, 22, 22)), def);
    assert.equal(inHeader(def, span(20, 22, 22)), true);
    assert.equal(unitAround(units, span(28, 30, 29)), def); // ends exactly where the body starts
    assert.equal(inHeader(def, span(28, 30, 29)), true);
  });

  it('no unit for a span across header and body, at a unit start, between or across units', () => {
    assert.equal(unitAround(units, span(25, 35, 35)), undefined);
    assert.equal(unitAround(units, span(10, 10, 11)), undefined);
    assert.equal(unitAround(units, span(10, 12, 12)), undefined);
    assert.equal(unitAround(units, span(120, 121, 121)), undefined);
    assert.equal(unitAround(units, span(55, 55, 56)), undefined);
    assert.equal(unitAround(units, span(45, 65, 65)), undefined);
    assert.equal(unitAround(units, span(140, 140, 141)), undefined);
    assert.equal(unitAround([], span(40, 42, 45)), undefined);
  });
});

describe('offsetMap and movedUnits', () => {
  it('offsets up to the unit start stay, from its end move, inside it have no answer', () => {
    const move = offsetMap(def, 5);
    assert.deepEqual([0, 10, 11, 49, 50, 70].map(move), [0, 10, undefined, undefined, 55, 75]);
  });

  it('an edit in a method body: earlier units stay, it grows, later ones move, the class start stays', () => {
    const moved = movedUnits(units, method, 4);
    assert.equal(moved[0], def);
    assert.deepEqual(moved.slice(1), [
      { kind: 'def', start: 60, end: 84, bodyStart: 70, bodyEnd: 84, classStart: 55, outward: '' },
      { kind: 'def', start: 89, end: 104, bodyStart: 94, bodyEnd: 104, classStart: 55, outward: '' },
      { kind: 'statement', start: 124, end: 134, bodyStart: 124, bodyEnd: 134, classStart: undefined, outward: '' },
    ]);
  });

  it('an edit in a header moves the body start; a class after the unit moves', () => {
    assert.deepEqual(movedUnits(units, def, -2, def.bodyStart - 2).slice(0, 2), [
      { kind: 'def', start: 10, end: 48, bodyStart: 28, bodyEnd: 48, classStart: undefined, outward: '' },
      { kind: 'def', start: 58, end: 78, bodyStart: 68, bodyEnd: 78, classStart: 53, outward: '' },
    ]);
  });

  it('an edit that keeps the length keeps the other units; the edited one ends where its new node does', () => {
    // Deleting a def's last line and typing as much elsewhere in it: the def ends earlier.
    const moved = movedUnits(units, def, 0, def.bodyStart, 44);
    assert.deepEqual(moved[0], { kind: 'def', start: 10, end: 44, bodyStart: 30, bodyEnd: 44, classStart: undefined, outward: '' });
    moved.slice(1).forEach((u, i) => assert.equal(u, units[i + 1]));
  });
});

function finding(rule: string, start: number, end: number, range: Range, fixes: Fix[] = [], disable?: TextEdit): EditedFinding {
  return { rule, family: 'fam', trend: 'trend', severity: 'warning', message: 'm', start, end, range, peers: [], fixes, suggestion: undefined, tags: [], disable };
}
const range = (line: number, character: number, endLine: number, endCharacter: number): Range => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});
const fix = (...edits: TextEdit[]): Fix => ({ title: 'fix', safety: 'safe', edits });
const insert = (at: number, newText = '  # ignore'): TextEdit => ({ start: at, end: at, newText });

describe('keptFindings (edit in the def at 10..50, 7 characters and 2 lines longer)', () => {
  // New text: lines of 10 characters, so offset o is at line o / 10, character o % 10.
  const lines = new LineIndex('abcdefghi\n'.repeat(10));
  it('drops the findings in the unit, keeps those before as they are, moves those after', () => {
    const before = finding('r', 2, 5, range(0, 2, 0, 5), [fix({ start: 2, end: 5, newText: 'x' }), fix(insert(10, 'y'))], insert(6));
    const touching = finding('r', 8, 10, range(0, 8, 0, 10));
    const after = finding('r', 60, 64, range(5, 3, 5, 7), [fix({ start: 60, end: 64, newText: 'y' }, insert(0, 'import z\n'), insert(50, 'w'))], insert(70));
    const findings = [before, touching, finding('r', 12, 20, range(1, 2, 1, 10)), finding('r', 10, 50, range(1, 0, 4, 0)), after];
    const kept = keptFindings(findings, def, 7, lines)!;
    assert.equal(kept.length, 3);
    assert.equal(kept[0], before);
    assert.equal(kept[1], touching);
    assert.deepEqual(kept[2], finding('r', 67, 71, range(6, 7, 7, 1), [fix({ start: 67, end: 71, newText: 'y' }, insert(0, 'import z\n'), insert(57, 'w'))], insert(77)));
  });

  it('a finding around the unit keeps its start and moves its end', () => {
    const around = finding('r', 5, 55, range(0, 5, 6, 1));
    assert.deepEqual(keptFindings([around], def, 7, lines), [finding('r', 5, 62, { start: around.range.start, end: { line: 6, character: 2 } })]);
  });

  it('is undefined when a fix or "disable" edit outside the unit reaches into it, or a finding overlaps its edge', () => {
    const cases = [
      finding('r', 60, 64, range(5, 3, 5, 7), [fix({ start: 20, end: 25, newText: 'z' })]),
      finding('r', 60, 64, range(5, 3, 5, 7), [fix({ start: 5, end: 55, newText: 'z' })]),
      finding('r', 2, 5, range(0, 2, 0, 5), [], insert(20)),
      finding('r', 5, 20, range(0, 5, 1, 10)),
      finding('r', 40, 55, range(3, 0, 5, 0)),
    ];
    for (const f of cases) assert.equal(keptFindings([f], def, 7, lines), undefined, `${f.start}..${f.end}`);
  });

  // `a: List[int] = []; b = 1` with `b = 1` edited: the comment must not land inside `b = 12`.
  it('a finding before the unit whose "disable" edit is after it (same line) gets that edit moved', () => {
    const sameLine = finding('r', 2, 5, range(0, 2, 0, 5), [], insert(50));
    assert.deepEqual(keptFindings([sameLine], def, 7, lines), [finding('r', 2, 5, range(0, 2, 0, 5), [], insert(57))]);
  });

  // A space typed before a method's `def` (the edit ends on the line of a finding after it):
  // the offsets moved by one, and so must the column.
  it('a finding after the unit on the line the edit ends on gets its column from the new text', () => {
    const sameLineAfter = finding('r', 51, 55, range(5, 1, 5, 5));
    assert.deepEqual(keptFindings([sameLineAfter], def, 1, lines), [finding('r', 52, 56, range(5, 2, 5, 6))]);
  });
});

describe('carriedFindings (edit 30..32 -> 30..35 in the def at 10..50)', () => {
  // New text: lines of 10 characters, so offset o is at line o / 10, character o % 10.
  const lines = new LineIndex('abcdefghi\n'.repeat(6));
  const edited = span(30, 32, 35);
  const carry = (f: Finding) => f.rule === 'carried';

  it('moves the carried rule\'s findings past the edit, with fixes and a fresh range, without "disable" edit', () => {
    const findings = [
      finding('carried', 12, 20, range(9, 9, 9, 9), [fix({ start: 12, end: 20, newText: 'z' })], insert(29)),
      finding('carried', 25, 30, range(9, 9, 9, 9)),
      finding('carried', 32, 34, range(9, 9, 9, 9)),
      finding('carried', 40, 45, range(9, 9, 9, 9), [fix({ start: 40, end: 45, newText: 'z' }, insert(0, 'import z\n'), insert(30, 'w'))], insert(31)),
    ];
    assert.deepEqual(carriedFindings(findings, def, edited, carry, lines), [
      finding('carried', 12, 20, range(1, 2, 2, 0), [fix({ start: 12, end: 20, newText: 'z' })]),
      finding('carried', 25, 30, range(2, 5, 3, 0)),
      finding('carried', 35, 37, range(3, 5, 3, 7)),
      finding('carried', 43, 48, range(4, 3, 4, 8), [fix({ start: 43, end: 48, newText: 'z' }, insert(0, 'import z\n'), insert(30, 'w'))]),
    ]);
  });

  it('drops findings whose code or fix the edit touched, other rules\' findings and findings outside the unit', () => {
    const findings = [
      finding('carried', 28, 31, range(9, 9, 9, 9)),
      finding('carried', 31, 40, range(9, 9, 9, 9)),
      // Its fix quotes the old code around the edit: applied, it would undo the edit.
      finding('carried', 25, 40, range(9, 9, 9, 9), [fix({ start: 25, end: 40, newText: 'await asyncio.to_thread(helper, 1)' })]),
      finding('carried', 40, 45, range(9, 9, 9, 9), [fix(insert(31, 'x'))]),
      finding('other', 40, 45, range(9, 9, 9, 9)),
      finding('carried', 5, 15, range(9, 9, 9, 9)),
      finding('carried', 60, 62, range(9, 9, 9, 9)),
    ];
    assert.deepEqual(carriedFindings(findings, def, edited, carry, lines), []);
  });

  it('an insertion touches the findings around it, not those that end or start where it is', () => {
    const typed = span(30, 30, 33);
    const findings = [finding('carried', 25, 30, range(9, 9, 9, 9)), finding('carried', 28, 32, range(9, 9, 9, 9)), finding('carried', 30, 34, range(9, 9, 9, 9))];
    assert.deepEqual(carriedFindings(findings, def, typed, carry, lines), [finding('carried', 25, 30, range(2, 5, 3, 0)), finding('carried', 30, 37, range(3, 0, 3, 7))]);
  });
});
