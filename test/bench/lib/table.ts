// Markdown tables, so the output can go into the README as it is. Columns of numbers are
// right-aligned, the others left-aligned.
const NUMBER = /^[-+]?[\d,]*\.?\d+$|^—$/;

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => NUMBER.test((row[i] ?? '').replace(/\*\*/g, ''))));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(numeric.map((n) => (n ? '---:' : '---'))), ...rows.map(line)].join('\n');
}
