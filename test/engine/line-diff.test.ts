// The line diff that separates edits made apart (blank-lines.ts): hunks rebuild the new
// lines from the old, in order, and a bound on the edits gives up rather than grind.
import assert from 'node:assert/strict';
import { lineHunks, type LineHunk } from '../../src/engine/incremental/line-diff';

/** The old lines with each hunk's old lines replaced by its new ones. */
function applyHunks(before: readonly string[], after: readonly string[], hunks: readonly LineHunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const hunk of hunks) {
    out.push(...before.slice(at, hunk.oldStart), ...after.slice(hunk.newStart, hunk.newEnd));
    at = hunk.oldEnd;
  }
  return [...out, ...before.slice(at)];
}

describe('lineHunks', () => {
  it('finds a trimmed blank line and a changed line apart from it', () => {
    const before = ['def a():', '    x = 1', '    ', '', 'def b():', '    return y'];
    const after = ['def a():', '    x = 1', '', '', 'def b():', '    return yx'];
    const hunks = lineHunks(before, after, 8)!;
    assert.deepEqual(applyHunks(before, after, hunks), after);
    // Which of the equal blank lines is kept may vary; the blank hunks change blank lines only.
    const blank = (h: LineHunk) => [...before.slice(h.oldStart, h.oldEnd), ...after.slice(h.newStart, h.newEnd)].every((l) => l.trim() === '');
    assert.deepEqual(hunks.filter((h) => !blank(h)), [{ oldStart: 5, oldEnd: 6, newStart: 5, newEnd: 6 }]);
    assert.ok(hunks.filter(blank).length >= 1);
  });

  it('gives insertions and deletions as empty ranges on the other side', () => {
    assert.deepEqual(lineHunks(['a', 'b'], ['a', 'x', 'b'], 8), [{ oldStart: 1, oldEnd: 1, newStart: 1, newEnd: 2 }]);
    assert.deepEqual(lineHunks(['a', 'b', 'c'], ['a', 'c'], 8), [{ oldStart: 1, oldEnd: 2, newStart: 1, newEnd: 1 }]);
    assert.deepEqual(lineHunks(['a'], ['a'], 8), []);
    assert.deepEqual(lineHunks([], ['a'], 8), [{ oldStart: 0, oldEnd: 0, newStart: 0, newEnd: 1 }]);
  });

  it('gives up past the bound', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const after = before.map((line, i) => (i % 2 ? `${line}!` : line));
    assert.equal(lineHunks(before, after, 8), undefined);
    assert.ok(lineHunks(before, after, 20));
  });

  it('rebuilds the new lines from the old on 5,000 random pairs, with hunks in order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < 5000; round++) {
      const before = Array.from({ length: Math.floor(random() * 12) }, () => 'abc'[Math.floor(random() * 3)]);
      const after = before.slice();
      for (let edit = Math.floor(random() * 4); edit > 0; edit--) {
        const at = Math.floor(random() * (after.length + 1));
        if (random() < 0.5 && after.length) after.splice(Math.min(at, after.length - 1), 1);
        else after.splice(at, 0, 'xyz'[Math.floor(random() * 3)]);
      }
      const hunks = lineHunks(before, after, 8)!;
      assert.deepEqual(applyHunks(before, after, hunks), after, JSON.stringify({ before, after, hunks }));
      for (let i = 1; i < hunks.length; i++) assert.ok(hunks[i].oldStart > hunks[i - 1].oldEnd || hunks[i].newStart > hunks[i - 1].newEnd);
    }
  });
});
