// The lines two texts differ in, as hunks (Myers' O(ND) diff), for edits that arrive
// together but lie apart: a blank line's auto-indent removed by the editor as the next
// line is typed far below it. Only small differences are worth it: past `maxEdits` lines
// inserted or deleted, the answer is "too many".

/** Lines [oldStart, oldEnd) of the old text became lines [newStart, newEnd) of the new one. */
export interface LineHunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** The hunks turning `before` into `after` (arrays of lines), ascending; undefined past `maxEdits`. */
export function lineHunks(before: readonly string[], after: readonly string[], maxEdits: number): LineHunk[] | undefined {
  const n = before.length;
  const m = after.length;
  const offset = maxEdits + 1;
  // v[k + offset]: the furthest old line reached on diagonal k (old index - new index = k).
  const v = new Array<number>(2 * offset + 1).fill(0);
  const trace: number[][] = [];
  for (let d = 0; d <= maxEdits; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[k - 1 + offset] < v[k + 1 + offset]);
      let x = down ? v[k + 1 + offset] : v[k - 1 + offset] + 1;
      let y = x - k;
      while (x < n && y < m && before[x] === after[y]) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) return hunksFrom(trace, d, k, offset);
    }
  }
  return undefined;
}

/** Walks the trace back from the end: each step is one line deleted or inserted. */
function hunksFrom(trace: number[][], depth: number, lastK: number, offset: number): LineHunk[] {
  const steps: { x: number; y: number; deleted: boolean }[] = [];
  let k = lastK;
  for (let d = depth; d > 0; d--) {
    // trace[d] is where round d started: the same choice as going forward finds the step.
    const v = trace[d];
    const down = k === -d || (k !== d && v[k - 1 + offset] < v[k + 1 + offset]);
    const previousK = down ? k + 1 : k - 1;
    const x = v[previousK + offset];
    steps.push({ x, y: x - previousK, deleted: !down });
    k = previousK;
  }
  steps.reverse();
  const hunks: LineHunk[] = [];
  for (const step of steps) {
    const oldEnd = step.deleted ? step.x + 1 : step.x;
    const newEnd = step.deleted ? step.y : step.y + 1;
    const last = hunks[hunks.length - 1];
    if (last && last.oldEnd === step.x && last.newEnd === step.y) {
      last.oldEnd = oldEnd;
      last.newEnd = newEnd;
    } else {
      hunks.push({ oldStart: step.x, oldEnd, newStart: step.y, newEnd });
    }
  }
  return hunks;
}
