// Applying text edits, and choosing a non-conflicting set of fixes to apply together. Both
// run in n log n: fix-all on a multi-megabyte file applies tens of thousands of edits.
import type { Finding, Fix, TextEdit } from './types';

/**
 * Applies edits given against the same original text. Edits must not overlap. Insertions at
 * the same offset land in reverse order of the list (the last one given comes first), as if
 * each were applied in turn from the end of the file.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (!edits.length) return text;
  // Stable: equal edits keep their order, which the reversed walk below then reverses.
  const descending = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  const pieces: string[] = [];
  let cursor = 0;
  for (let i = descending.length - 1; i >= 0; i--) {
    const edit = descending[i];
    if (edit.start > cursor) pieces.push(text.slice(cursor, edit.start));
    pieces.push(edit.newText);
    cursor = Math.max(cursor, edit.end);
  }
  pieces.push(text.slice(cursor));
  return pieces.join('');
}

const editKey = (edit: TextEdit) => `${edit.start}:${edit.end}:${edit.newText}`;
const overlaps = (a: TextEdit, b: TextEdit) =>
  a.start < b.end && b.start < a.end ? true : a.start === b.start && (a.start === a.end || b.start === b.end);

/** Chosen edits, kept sorted by start (then end) and free of overlaps, so only neighbours can collide. */
class ChosenEdits {
  readonly sorted: TextEdit[] = [];
  private readonly keys = new Set<string>();

  has(edit: TextEdit): boolean {
    return this.keys.has(editKey(edit));
  }

  collides(edit: TextEdit): boolean {
    const sorted = this.sorted;
    const at = this.firstFrom(edit.start);
    // Non-overlapping and sorted: of the edits that start before, only the last can reach it.
    if (at > 0 && overlaps(sorted[at - 1], edit)) return true;
    for (let i = at; i < sorted.length; i++) {
      const other = sorted[i];
      if (other.start > edit.end || (other.start === edit.end && other.start !== edit.start)) break;
      if (overlaps(other, edit)) return true;
    }
    return false;
  }

  add(edit: TextEdit): void {
    this.keys.add(editKey(edit));
    let at = this.firstFrom(edit.start);
    while (at < this.sorted.length && this.sorted[at].start === edit.start && this.sorted[at].end <= edit.end) at++;
    // Findings come in document order: nearly every edit lands at the end.
    if (at === this.sorted.length) this.sorted.push(edit);
    else this.sorted.splice(at, 0, edit);
  }

  /** Index of the first edit starting at or after `offset`. */
  private firstFrom(offset: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle].start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/**
 * Picks the first acceptable fix of each finding, in document order, skipping any fix
 * that would collide with one already chosen. Identical edits (two fixes adding the same
 * `import asyncio`) are merged.
 */
export function chooseFixes(findings: readonly Finding[], accept: (fix: Fix) => boolean): { fixes: Fix[]; edits: TextEdit[] } {
  const chosen: Fix[] = [];
  const edits: TextEdit[] = [];
  const taken = new ChosenEdits();
  for (const finding of findings) {
    const fix = finding.fixes.find(accept);
    if (!fix) continue;
    const fresh = fix.edits.filter((e) => !taken.has(e));
    if (fresh.some((e) => taken.collides(e))) continue;
    chosen.push(fix);
    for (const edit of fresh) {
      taken.add(edit);
      edits.push(edit);
    }
  }
  return { fixes: chosen, edits };
}
