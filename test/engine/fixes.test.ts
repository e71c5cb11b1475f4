// applyEdits and chooseFixes against plain quadratic references, on seeded random edit sets:
// the n log n versions must choose and produce exactly what the obvious ones do.
import { strict as assert } from 'node:assert';
import { applyEdits, chooseFixes } from '../../src/engine/fixes';
import type { Finding, Fix, TextEdit } from '../../src/engine/types';

/** Each edit applied in turn from the end of the file (the definition applyEdits keeps). */
function applyOneByOne(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

const overlaps = (a: TextEdit, b: TextEdit) =>
  a.start < b.end && b.start < a.end ? true : a.start === b.start && (a.start === a.end || b.start === b.end);
const same = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.newText === b.newText;

function chooseByScanning(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes[0];
    if (!fix) continue;
    const fresh = fix.edits.filter((e) => !edits.some((c) => same(c, e)));
    if (fresh.some((e) => edits.some((c) => overlaps(c, e)))) continue;
    edits.push(...fresh);
  }
  return edits;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomEdit(next: () => number, length: number): TextEdit {
  const start = Math.floor(next() * (length + 1));
  const width = next() < 0.4 ? 0 : Math.floor(next() * 4);
  return { start, end: Math.min(length, start + width), newText: next() < 0.3 ? '' : String.fromCharCode(65 + Math.floor(next() * 3)) };
}

function finding(fixes: Fix[]): Finding {
  return { fixes } as unknown as Finding;
}

describe('fixes: applying and choosing edits', () => {
  it('applies non-overlapping edits like applying each in turn from the end', () => {
    const text = 'abcdefghij';
    assert.equal(applyEdits(text, [{ start: 2, end: 4, newText: 'X' }, { start: 0, end: 0, newText: '>' }, { start: 10, end: 10, newText: '<' }]), '>abXefghij<');
    // Two insertions at one offset: the later one given comes first.
    assert.equal(applyEdits(text, [{ start: 3, end: 3, newText: '1' }, { start: 3, end: 3, newText: '2' }]), 'abc21defghij');
    // An insertion and a replacement starting at one offset: the insertion comes first.
    assert.equal(applyEdits(text, [{ start: 3, end: 3, newText: '+' }, { start: 3, end: 5, newText: 'R' }]), 'abc+Rfghij');
    assert.equal(applyEdits(text, []), text);
  });

  it('chooses exactly the edits the quadratic scan chooses, and applies them to the same text', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const text = 'x'.repeat(5 + Math.floor(next() * 40));
      const findings: Finding[] = [];
      const count = Math.floor(next() * 25);
      for (let i = 0; i < count; i++) {
        const edits = Array.from({ length: 1 + Math.floor(next() * 2) }, () => randomEdit(next, text.length));
        // A fix's own edits never overlap each other (fixes.ts: applyEdits' contract).
        if (edits.length === 2 && overlaps(edits[0], edits[1])) edits.pop();
        findings.push(finding([{ title: `fix ${i}`, safety: 'safe', edits }]));
      }
      const expected = chooseByScanning(findings);
      const { edits } = chooseFixes(findings, () => true);
      assert.deepEqual(edits, expected, `seed ${seed}`);
      assert.equal(applyEdits(text, edits), applyOneByOne(text, edits), `seed ${seed}`);
    }
  });

  it('merges an identical edit two fixes share, and skips a fix that collides', () => {
    const imports = { start: 0, end: 0, newText: 'import asyncio\n' };
    const first: Fix = { title: 'a', safety: 'safe', edits: [{ start: 5, end: 9, newText: 'A' }, imports] };
    const second: Fix = { title: 'b', safety: 'safe', edits: [{ start: 12, end: 14, newText: 'B' }, imports] };
    const colliding: Fix = { title: 'c', safety: 'safe', edits: [{ start: 8, end: 13, newText: 'C' }] };
    const { fixes, edits } = chooseFixes([finding([first]), finding([colliding]), finding([second])], () => true);
    assert.deepEqual(fixes.map((f) => f.title), ['a', 'b']);
    assert.equal(edits.length, 3);
  });
});
