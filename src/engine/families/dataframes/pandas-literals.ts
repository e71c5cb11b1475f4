// Literals as the dataframes family writes and reads them: a name as an SQL identifier, a
// value as an SQL or Python string literal, and a collection of plain literals in the source.
import type { Node } from 'web-tree-sitter';
import { stringValue, unparenthesize } from './pandas';

const SQL_KEYWORDS = new Set(['select', 'from', 'where', 'group', 'order', 'by', 'limit', 'join', 'on', 'and', 'or', 'not', 'as', 'in', 'is', 'null', 'case', 'when', 'then', 'else', 'end', 'table', 'using', 'having', 'desc', 'asc', 'union', 'all', 'distinct', 'left', 'right', 'full', 'inner', 'outer', 'date', 'time', 'timestamp', 'interval', 'user', 'default', 'value', 'values', 'order']);

/** A column name as an SQL identifier (quoted when it is not a plain lower-case word). */
export function sqlIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !SQL_KEYWORDS.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A Python string literal for a value (double quotes, escaped). */
export function pyString(value: string): string {
  return JSON.stringify(value);
}

export interface LiteralValue {
  text: string;
  string?: string;
}

/** `["a", "b"]`, `("a", 1)`, `{"x"}` of plain literals. */
export function literalValues(node: Node): LiteralValue[] | undefined {
  const inner = unparenthesize(node);
  if (inner.type !== 'list' && inner.type !== 'tuple' && inner.type !== 'set') return undefined;
  const values: LiteralValue[] = [];
  for (const child of inner.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'string') {
      const value = stringValue(child);
      if (value === undefined) return undefined;
      values.push({ text: child.text, string: value });
    } else if (child.type === 'integer' || child.type === 'float') {
      values.push({ text: child.text });
    } else if (child.type === 'unary_operator' && child.text.startsWith('-') && /^-\s*[\d.]+$/.test(child.text)) {
      values.push({ text: child.text.replace(/\s+/g, '') });
    } else {
      return undefined;
    }
  }
  return values.length ? values : undefined;
}
