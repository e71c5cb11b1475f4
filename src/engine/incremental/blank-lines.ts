// Edits that only change blank lines mean nothing to Python outside strings, and editors
// make them apart from the line being typed: VS Code removes the indentation it added to a
// line left blank once the next edit happens elsewhere. When the edits an incremental
// analysis receives span several units, the blank-line ones are taken out first, as a mere
// shift of the kept state; what remains is one edit, analysed as usual.
import type { Tree } from 'web-tree-sitter';
import { editedFinding, lineBreaks, moveEdits, moveFixes, type OffsetMap, type Span, type Unit } from './units';
import type { IncrementalState } from './state';
import { lineHunks } from './line-diff';
import type { ModuleFacts, NodeRef, ScopeData } from './module-facts';
import type { EditedFinding } from '../types';

/** Hunks worth diffing: beyond this many lines added or removed, analyse the whole file. */
const MAX_LINE_EDITS = 8;

/** Whole blank lines of the old text, [start, oldEnd), replaced by `newText` (blank lines too). */
export interface BlankEdit {
  start: number;
  oldEnd: number;
  newText: string;
  /** Where `newText` starts in the new text. */
  newStart: number;
}

/**
 * The blank-line edits within `span` (old text → new text), when everything else in it is
 * one run of changed lines, or nothing. Undefined when the span holds several non-blank
 * edits, too many lines, or blank lines inside a string or comment of the new tree.
 */
export function blankLineEdits(before: string, after: string, span: Span, tree: Tree): BlankEdit[] | undefined {
  const start = before.lastIndexOf('\n', span.start - 1) + 1;
  const lineEnd = before.indexOf('\n', span.oldEnd);
  const oldEnd = lineEnd === -1 ? before.length : lineEnd + 1;
  const newEnd = oldEnd + (span.newEnd - span.oldEnd);
  const oldLines = linesOf(before.slice(start, oldEnd));
  const newLines = linesOf(after.slice(start, newEnd));
  const hunks = lineHunks(oldLines, newLines, MAX_LINE_EDITS);
  if (!hunks) return undefined;
  const oldStarts = lineStarts(oldLines, start);
  const newStarts = lineStarts(newLines, start);
  const blank = (line: string) => /^[ \t\f\r]*\n?$/.test(line);
  const edits: BlankEdit[] = [];
  let others = 0;
  for (const hunk of hunks) {
    const lines = [...oldLines.slice(hunk.oldStart, hunk.oldEnd), ...newLines.slice(hunk.newStart, hunk.newEnd)];
    if (!lines.every(blank)) {
      others++;
      continue;
    }
    const newStart = newStarts[hunk.newStart];
    const newText = after.slice(newStart, newStarts[hunk.newEnd]);
    if (insideStringOrComment(tree, newStart, newStart + newText.length)) return undefined;
    edits.push({ start: oldStarts[hunk.oldStart], oldEnd: oldStarts[hunk.oldEnd], newText, newStart });
  }
  return others <= 1 && edits.length ? edits : undefined;
}

/** Lines with their line breaks (the last may have none). */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Offsets where each line starts, and one past the last. */
function lineStarts(lines: readonly string[], from: number): number[] {
  const starts = [from];
  for (const line of lines) starts.push(starts[starts.length - 1] + line.length);
  return starts;
}

function insideStringOrComment(tree: Tree, from: number, to: number): boolean {
  for (let node = tree.rootNode.descendantForIndex(from, Math.max(from, to - 1)); node; node = node.parent) {
    if (node.type === 'string' || node.type === 'comment' || node.type === 'string_content') return true;
  }
  return false;
}

/** The text with the blank-line edits made (old offsets, ascending). */
export function withBlankEdits(before: string, edits: readonly BlankEdit[]): string {
  let text = before;
  for (const edit of [...edits].reverse()) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.oldEnd);
  return text;
}

/**
 * The state moved over blank-line edits: every offset after one moves by its length, every
 * line by its line count (whole lines: columns stay). Undefined when something kept points
 * inside an edited blank line.
 */
export function shiftedState(state: IncrementalState, edits: readonly BlankEdit[], text: string): IncrementalState | undefined {
  const shifts = edits.map((e) => ({ at: e.oldEnd, start: e.start, delta: e.newText.length - (e.oldEnd - e.start), lines: lineBreaks(e.newText) - lineBreaks(state.text.slice(e.start, e.oldEnd)) }));
  const move: OffsetMap = (offset) => {
    let moved = offset;
    for (const shift of shifts) {
      if (offset > shift.start && offset < shift.at) return undefined;
      if (offset >= shift.at) moved += shift.delta;
    }
    return moved;
  };
  const lineShift = (offset: number) => shifts.reduce((sum, s) => (offset >= s.at ? sum + s.lines : sum), 0);
  // A finding around an edited blank line may quote it (a fix rewriting a block), and a fix
  // that removes lines chooses how many blank lines go with them: neither is a mere shift.
  const near = (from: number, to: number) => edits.some((e) => from <= e.oldEnd && to >= e.start);
  if (state.findings.some((f) => near(f.start, f.end) || f.fixes.some((fix) => fix.edits.some((e) => near(e.start, e.end))))) return undefined;
  const findings: EditedFinding[] = [];
  for (const finding of state.findings) {
    const start = move(finding.start);
    const end = move(finding.end);
    const fixes = moveFixes(finding.fixes, move);
    const disable = finding.disable && moveEdits([finding.disable], move)?.[0];
    if (start === undefined || end === undefined || !fixes || (finding.disable && !disable)) return undefined;
    const at = (line: number, character: number, offset: number) => ({ line: line + lineShift(offset), character });
    const range = { start: at(finding.range.start.line, finding.range.start.character, finding.start), end: at(finding.range.end.line, finding.range.end.character, finding.end) };
    findings.push(editedFinding(finding, disable, start, end, range, fixes));
  }
  const units = mapAll(state.units, (u): Unit | undefined => {
    const [start, end, bodyStart, bodyEnd] = [u.start, u.end, u.bodyStart, u.bodyEnd].map(move);
    const classStart = u.classStart === undefined ? undefined : move(u.classStart);
    if (start === undefined || end === undefined || bodyStart === undefined || bodyEnd === undefined || (u.classStart !== undefined && classStart === undefined)) return undefined;
    return { kind: u.kind, start, end, bodyStart, bodyEnd, classStart, outward: u.outward };
  });
  const module = movedModule(state.module, move);
  const comments = mapAll(state.comments, (c) => {
    const startIndex = move(c.startIndex);
    return startIndex === undefined ? undefined : { startIndex, text: c.text };
  });
  if (!units || !module || !comments) return undefined;
  // Not exact: a message may quote a line number below the shift (`blocking-helper-call-in-async`).
  return { ...state, text, findings, units, module, comments, definitions: undefined, exact: false };
}

function movedModule(module: ModuleFacts, move: OffsetMap): ModuleFacts | undefined {
  const ref = (r: NodeRef): NodeRef | undefined => {
    const start = move(r.start);
    const end = move(r.end);
    return start === undefined || end === undefined ? undefined : { start, end, type: r.type };
  };
  const scope = (data: ScopeData): ScopeData | undefined => {
    const imports = mapAll(data.imports, (b) => {
      const node = ref(b.node);
      return node && { ...b, node };
    });
    const assignments = mapAll(data.assignments, ([name, values]): [string, { value: NodeRef; at: number }[]] | undefined => {
      const moved = mapAll(values, (v) => {
        const value = ref(v.value);
        const at = move(v.at);
        return value && at !== undefined ? { value, at } : undefined;
      });
      return moved && [name, moved];
    });
    return imports && assignments && { imports, assignments };
  };
  const main = scope(module.module);
  const classes = mapAll(module.classes, ([start, data]): [number, ScopeData] | undefined => {
    const at = move(start);
    const moved = scope(data);
    return at !== undefined && moved ? [at, moved] : undefined;
  });
  const bindings = mapAll(module.bindings, (item) => {
    const start = move(item.start);
    const scopeAt = item.scope === -1 ? -1 : move(item.scope);
    return start === undefined || scopeAt === undefined ? undefined : { ...item, start, scope: scopeAt };
  });
  const definitions = mapAll(module.definitions, ([name, refs]): [string, NodeRef[]] | undefined => {
    const moved = mapAll(refs, ref);
    return moved && [name, moved];
  });
  if (!main || !classes || !bindings || !definitions) return undefined;
  return { ...module, module: main, classes, bindings, definitions };
}

/** Every item mapped, or undefined as soon as one maps to undefined. */
function mapAll<T, U>(items: readonly T[], map: (item: T) => U | undefined): U[] | undefined {
  const out: U[] = [];
  for (const item of items) {
    const mapped = map(item);
    if (mapped === undefined) return undefined;
    out.push(mapped);
  }
  return out;
}
