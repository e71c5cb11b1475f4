// A notebook's Python cells as one text, so names imported in an earlier cell are known in
// later ones. Cells are joined with a line break; IPython syntax that is not Python
// (`%magic`, `!shell`, `%%cell-magic` cells) is turned into comments of the same length, so
// every offset in the joined text still maps back to the same place in its cell. Free of `vscode`.

export interface JoinedCells {
  text: string;
  /** UTF-16 offset of each cell's first character in `text`. */
  starts: number[];
}

export function joinCells(cells: readonly string[]): JoinedCells {
  const starts: number[] = [];
  let text = '';
  cells.forEach((cell, i) => {
    if (i > 0) text += '\n';
    starts.push(text.length);
    text += maskIPython(cell);
  });
  return { text, starts };
}

// Cell magics whose body is still Python.
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);

/** Replaces IPython-only lines (or a whole non-Python `%%magic` cell) by comments, keeping lengths. */
export function maskIPython(cell: string): string {
  const cellMagic = /^\s*%%(\w+)/.exec(cell);
  const maskAll = cellMagic !== null && !PYTHON_CELL_MAGICS.has(cellMagic[1]);
  return cell.replace(/^([ \t]*)(\S)(.*)$/gm, (line, indent: string, first: string, rest: string) =>
    maskAll || first === '%' || first === '!' ? `${indent}#${rest}` : line,
  );
}
