// Applying text edits, and choosing a non-conflicting set of fixes to apply together.
import type { Finding, Fix, TextEdit } from './types';

/** Applies edits given against the same original text. Edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

const sameEdit = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.newText === b.newText;
const overlaps = (a: TextEdit, b: TextEdit) =>
  a.start < b.end && b.start < a.end ? true : a.start === b.start && (a.start === a.end || b.start === b.end);

/**
 * Picks the first acceptable fix of each finding, in document order, skipping any fix
 * that would collide with one already chosen. Identical edits (two fixes adding the same
 * `import asyncio`) are merged.
 */
export function chooseFixes(findings: readonly Finding[], accept: (fix: Fix) => boolean): { fixes: Fix[]; edits: TextEdit[] } {
  const chosen: Fix[] = [];
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find(accept);
    if (!fix) continue;
    const fresh = fix.edits.filter((e) => !edits.some((c) => sameEdit(c, e)));
    if (fresh.some((e) => edits.some((c) => overlaps(c, e)))) continue;
    chosen.push(fix);
    edits.push(...fresh);
  }
  return { fixes: chosen, edits };
}
