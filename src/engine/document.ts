// A parsed Python source: text + tree + line index, updated incrementally by edits.
import type { Edit, Point, Tree } from 'web-tree-sitter';
import { LineIndex } from './positions';
import type { PythonParser } from './parser';

export interface ContentChange {
  /** UTF-16 offsets into the text before this change. */
  start: number;
  end: number;
  newText: string;
}

export class SourceDocument {
  private currentTree: Tree | undefined;
  private index: LineIndex | undefined;

  constructor(
    private readonly parser: PythonParser,
    private currentText: string,
    /** Monotonic version: the editor's document version, or a local counter. */
    public version = 0,
  ) {
    this.currentTree = parser.parse(parseable(currentText));
  }

  get text(): string {
    return this.currentText;
  }

  get tree(): Tree {
    if (!this.currentTree) throw new Error('document was disposed');
    return this.currentTree;
  }

  get lines(): LineIndex {
    this.index ??= new LineIndex(this.currentText);
    return this.index;
  }

  /**
   * Applies changes in order (each relative to the text left by the previous one, as
   * VS Code reports them), tells the old tree about each, then reparses reusing it.
   */
  update(changes: readonly ContentChange[], version = this.version + 1): void {
    const tree = this.tree;
    let text = this.currentText;
    // The line index moves with the edits (rows for tree-sitter without scanning the text).
    // It counts a lone `\r` as a line break, as the text tree-sitter parses does (parseable).
    let index = this.index;
    const point = (at: number): Point => {
      if (!index) return pointAt(parseable(text), at);
      const { line, character } = index.positionAt(at);
      return { row: line, column: character };
    };
    for (const change of changes) {
      const startPosition = point(change.start);
      const oldEndPosition = point(change.end);
      text = text.slice(0, change.start) + change.newText + text.slice(change.end);
      const newEndIndex = change.start + change.newText.length;
      if (index) index = LineIndex.afterEdit(index, text, change.start, change.end, newEndIndex);
      const edit: Edit = {
        startIndex: change.start,
        oldEndIndex: change.end,
        newEndIndex,
        startPosition,
        oldEndPosition,
        newEndPosition: point(newEndIndex),
      };
      tree.edit(edit);
    }
    let next = this.parser.parse(parseable(text), tree);
    // tree-sitter's error recovery may differ between an incremental and a fresh parse of the
    // same broken text (the fuzz harness found such trees): with errors, parse afresh, so an
    // edited document always has the tree a fresh open of its text would.
    if (next.rootNode.hasError) {
      next.delete();
      next = this.parser.parse(parseable(text));
    }
    this.replaceTree(next, text, version);
    this.index = index;
  }

  /** Replaces the whole text (no tree reuse). */
  reset(text: string, version = this.version + 1): void {
    this.replaceTree(this.parser.parse(parseable(text)), text, version);
  }

  private replaceTree(next: Tree, text: string, version: number): void {
    this.currentTree?.delete();
    this.currentTree = next;
    this.currentText = text;
    this.index = undefined;
    this.version = version;
  }

  /** Frees the tree's WASM memory. The document is unusable afterwards. */
  dispose(): void {
    this.currentTree?.delete();
    this.currentTree = undefined;
  }
}

/**
 * The text as tree-sitter is given it. CPython (and VS Code) take a lone `\r` as a line
 * break; tree-sitter's Python grammar does not, and would misparse a file saved with old Mac
 * line endings as a few huge lines. Each lone `\r` becomes `\n`: the same length, so every
 * offset of the tree is still an offset of the text, and its rows are the LineIndex's lines.
 */
export function parseable(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Row/column (UTF-16) of an offset, scanning back to the previous line break only. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
