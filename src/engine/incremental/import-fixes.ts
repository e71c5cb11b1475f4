// Kept findings whose fix edits an import: the fix was planned from every use of the names
// that import binds (move `Iterator` to collections.abc, drop `List` once unused). When the
// edited unit mentions one of those names, its uses may have changed, so the plan may be
// stale — and a stale plan can delete an import the unit now uses. Until the whole-file
// analysis that follows, such a finding is kept without that fix.
import type { Fix, TextEdit } from '../types';
import type { EditedFinding } from '../types';

const IMPORT_LINE = /^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import\b/m;

/** The findings with the fixes removed that edit an import line binding a word of `unitText`. */
export function withoutImportFixesTheUnitReads(findings: readonly EditedFinding[], unitText: string, text: string): EditedFinding[] {
  const unitWords = new Set(unitText.match(/[A-Za-z_]\w*/g) ?? []);
  if (!unitWords.size) return findings.slice();
  return findings.map((finding) => {
    const fixes = finding.fixes.filter((fix) => !readsUnit(fix, finding, unitWords, text));
    return fixes.length === finding.fixes.length ? finding : { ...finding, fixes };
  });
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
  if (IMPORT_LINE.test(lines)) words.push(...(lines.match(/[A-Za-z_]\w*/g) ?? []));
  if (IMPORT_LINE.test(edit.newText)) words.push(...(edit.newText.match(/[A-Za-z_]\w*/g) ?? []));
  return words.filter((w) => w !== 'import' && w !== 'from' && w !== 'as');
}
