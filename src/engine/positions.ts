// Offsets and positions in UTF-16 code units (VS Code's and web-tree-sitter's unit), and
// conversion to Unicode code points for the CLI's 1-based columns.
import type { Position } from './types';

export class LineIndex {
  /** UTF-16 offset of the first character of each line. */
  private readonly lineStarts: number[];
  /** A `\r` not followed by `\n` ends a line here, but not for tree-sitter, which counts `\n` only. */
  readonly hasLoneCarriageReturn: boolean;

  constructor(
    private readonly text: string,
    lineStarts?: number[],
    loneCarriageReturn?: boolean,
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      this.hasLoneCarriageReturn = loneCarriageReturn!;
      return;
    }
    const starts = [0];
    this.hasLoneCarriageReturn = scanLineStarts(text, 0, text.length, starts);
    this.lineStarts = starts;
  }

  /**
   * The index of a text after one edit (old [start, oldEnd) became new [start, newEnd)),
   * from the index before it: only the lines around the edit are scanned again.
   */
  static afterEdit(previous: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const starts = previous.lineStarts;
    const delta = newEnd - oldEnd;
    // Lines starting two characters before the edit or earlier keep their start; so does a
    // `\r\n` there. Lines starting two after its old end or later move by its length.
    const head = Math.max(1, upperBound(starts, start - 2));
    const tail = upperBound(starts, oldEnd + 1);
    const next = starts.slice(0, head);
    const scanTo = tail < starts.length ? starts[tail] + delta : text.length;
    let lone = scanLineStarts(text, next[next.length - 1], scanTo, next);
    if (tail < starts.length && next[next.length - 1] === scanTo) next.pop(); // found again below
    for (let i = tail; i < starts.length; i++) next.push(starts[i] + delta);
    lone ||= previous.hasLoneCarriageReturn;
    return new LineIndex(text, next, lone);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(line, 0), this.lineStarts.length - 1)];
  }

  /** End of a line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(position.character, 0), this.lineEnd(position.line));
  }

  /** 0-based column in Unicode code points of a UTF-16 position. */
  codePointColumn(position: Position): number {
    const lineStart = this.lineStart(position.line);
    const prefix = this.text.slice(lineStart, lineStart + position.character);
    let count = 0;
    for (let i = 0; i < prefix.length; i++) {
      const ch = prefix.charCodeAt(i);
      // A high surrogate followed by a low one is one code point.
      if (ch >= 0xd800 && ch <= 0xdbff && i + 1 < prefix.length) {
        const next = prefix.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      count++;
    }
    return count;
  }
}

/** Pushes the starts of the lines that begin in (from, to]; true when a lone `\r` ends one. */
function scanLineStarts(text: string, from: number, to: number, starts: number[]): boolean {
  let lone = false;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      else lone = true;
      starts.push(i + 1);
    }
  }
  return lone;
}

/** How many of the ascending numbers are at most `value`. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The line break the file mostly uses, for text the engine inserts. */
export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}
