// Offsets and positions in UTF-16 code units (VS Code's and web-tree-sitter's unit), and
// conversion to Unicode code points for the CLI's 1-based columns.
import type { Position } from './types';

export class LineIndex {
  /** UTF-16 offset of the first character of each line. */
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
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

/** The line break the file mostly uses, for text the engine inserts. */
export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}
