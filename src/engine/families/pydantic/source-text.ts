// Small text helpers the pydantic fixes share: a statement's indentation and hover code blocks.

/** The whitespace between the start of the line and `offset`; undefined when code precedes it. */
export function lineIndent(text: string, offset: number): string | undefined {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  const prefix = text.slice(start, offset);
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}

/** Markdown of a Python block, for hover suggestions. */
export function pythonBlock(code: string): string {
  return '```python\n' + code + '\n```';
}
