// Kept findings whose fix edits an import: the fix was planned from every use of the names
// that import binds (move `Iterator` to collections.abc, drop `List` once unused). When the
// edit changed how often the unit spells one of those names, its uses changed, so the plan
// may be stale — and a stale plan can delete an import the unit now uses. Until the
// whole-file analysis that follows, such a finding is kept without that fix.
import type { EditedFinding, Fix, TextEdit } from '../types';

const IMPORT_LINE = /^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import\b/m;

/**
 * The findings with the fixes removed that edit an import line binding a word whose count
 * differs between the unit's old and new text.
 */
export function withoutImportFixesTheUnitReads(findings: readonly EditedFinding[], oldUnit: string, newUnit: string, text: string): EditedFinding[] {
  const unitWords = changedWords(oldUnit, newUnit);
  if (!unitWords.size) return findings.slice();
  return findings.map((finding) => {
    const fixes = finding.fixes.filter((fix) => !readsUnit(fix, finding, unitWords, text));
    return fixes.length === finding.fixes.length ? finding : { ...finding, fixes };
  });
}

/** The identifier-like words of code, comments left out (a comment is no use of a name). */
function codeWords(text: string): string[] {
  return text.replace(/#[^\n]*/g, '').match(/[A-Za-z_]\w*/g) ?? [];
}

function changedWords(before: string, after: string): Set<string> {
  const counts = new Map<string, number>();
  for (const word of codeWords(before)) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const word of codeWords(after)) counts.set(word, (counts.get(word) ?? 0) - 1);
  return new Set([...counts].filter(([, n]) => n !== 0).map(([word]) => word));
}

function readsUnit(fix: Fix, finding: EditedFinding, unitWords: ReadonlySet<string>, text: string): boolean {
  return fix.edits.some((edit) => (edit.start < finding.start || edit.end > finding.end) && importWords(edit, text).some((w) => unitWords.has(w)));
}

/** The words of the import lines an edit touches, and of an import it inserts. */
function importWords(edit: TextEdit, text: string): string[] {
  let lineStart = text.lastIndexOf('\n', edit.start - 1) + 1;
  let lineEnd = text.indexOf('\n', edit.end);
  if (lineEnd < 0) lineEnd = text.length;
  // Inside a parenthesized `from x import (\n a,\n b)`: the whole statement.
  const open = text.lastIndexOf('import (', edit.start);
  const close = open < 0 ? -1 : text.indexOf(')', open);
  if (open >= 0 && close >= edit.end) {
    lineStart = text.lastIndexOf('\n', open) + 1;
    lineEnd = Math.max(lineEnd, close + 1);
  }
  const lines = text.slice(lineStart, lineEnd);
  const words: string[] = [];
  if (IMPORT_LINE.test(lines)) words.push(...codeWords(lines));
  if (IMPORT_LINE.test(edit.newText)) words.push(...codeWords(edit.newText));
  return words.filter((w) => w !== 'import' && w !== 'from' && w !== 'as');
}
