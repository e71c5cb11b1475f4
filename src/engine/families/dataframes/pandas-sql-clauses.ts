// The clauses of pandas-sql-chain's query, each as DuckDB SQL and as polars: aggregations,
// sorts and `DataFrame.query` strings, and the `duckdb.sql(...)` call laid out for the hover.
import { stringList, stringOrList, stringValue, type CallParts } from './pandas';
import type { Names } from './pandas-hover';
import { pyString, sqlIdentifier, sqlString } from './pandas-translate';

/** pandas aggregations → SQL (DuckDB) and polars. */
export const AGGREGATIONS: Record<string, { sql: (column: string) => string; polars: string }> = {
  sum: { sql: (c) => `sum(${c})`, polars: 'sum' },
  mean: { sql: (c) => `avg(${c})`, polars: 'mean' },
  median: { sql: (c) => `median(${c})`, polars: 'median' },
  min: { sql: (c) => `min(${c})`, polars: 'min' },
  max: { sql: (c) => `max(${c})`, polars: 'max' },
  count: { sql: (c) => `count(${c})`, polars: 'count' },
  nunique: { sql: (c) => `count(DISTINCT ${c})`, polars: 'n_unique' },
  std: { sql: (c) => `stddev_samp(${c})`, polars: 'std' },
  var: { sql: (c) => `var_samp(${c})`, polars: 'var' },
  first: { sql: (c) => `first(${c})`, polars: 'first' },
  last: { sql: (c) => `last(${c})`, polars: 'last' },
};

/** `.sum()`, `.agg("sum")`, `.agg({"v": "sum"})`, `.agg(total=("v", "sum"))`, `.size()`. */
export function aggregationsOf(parts: CallParts, selected: string[] | undefined, names: Names): { sql: string[]; polars: string[] } | undefined {
  const col = (c: string) => `${names.pl}.col(${pyString(c)})`;
  if (parts.hasSplat) return undefined;
  if (parts.name === 'size') {
    if (parts.positional.length || parts.keywords.size) return undefined;
    return { sql: ['count(*) AS size'], polars: [`${names.pl}.len().alias("size")`] };
  }
  const one = (column: string, agg: string, alias = column) => {
    const a = AGGREGATIONS[agg];
    return a && { sql: `${a.sql(sqlIdentifier(column))} AS ${sqlIdentifier(alias)}`, polars: `${col(column)}.${a.polars}()${alias === column ? '' : `.alias(${pyString(alias)})`}` };
  };
  const collect = (items: ({ sql: string; polars: string } | undefined)[]) => (items.length && items.every(Boolean) ? { sql: items.map((i) => i!.sql), polars: items.map((i) => i!.polars) } : undefined);
  if (AGGREGATIONS[parts.name]) {
    if (parts.positional.length || [...parts.keywords.keys()].some((k) => k !== 'numeric_only') || !selected) return undefined;
    return collect(selected.map((c) => one(c, parts.name)));
  }
  // agg / aggregate
  if (parts.keywords.size && !parts.positional.length) {
    return collect([...parts.keywords].map(([alias, value]) => {
      const pair = value.type === 'tuple' ? stringList(value) : undefined;
      return pair?.length === 2 ? one(pair[0], pair[1], alias) : undefined;
    }));
  }
  const [spec] = parts.positional;
  if (!spec || parts.positional.length !== 1 || parts.keywords.size) return undefined;
  const name = stringValue(spec);
  if (name !== undefined) return selected ? collect(selected.map((c) => one(c, name))) : undefined;
  if (spec.type === 'dictionary') {
    const items: ({ sql: string; polars: string } | undefined)[] = [];
    for (const pair of spec.namedChildren) {
      if (!pair || pair.type === 'comment') continue;
      const key = stringValue(pair.childForFieldName('key'));
      const value = pair.childForFieldName('value');
      const agg = stringValue(value);
      const list = stringList(value);
      if (key === undefined) return undefined;
      if (agg !== undefined) items.push(one(key, agg));
      else if (list?.length === 1) items.push(one(key, list[0]));
      else return undefined;
    }
    return collect(items);
  }
  return undefined;
}

/** `.sort_values(...)`, `.nlargest(n, ...)`, `.nsmallest(n, ...)` as ORDER BY (and LIMIT) and a polars sort. */
export function sortOf(parts: CallParts, selected: string[] | undefined): { sql: string[]; polars: string; limit?: string } | undefined {
  if (parts.hasSplat) return undefined;
  if (parts.name === 'nlargest' || parts.name === 'nsmallest') {
    const n = parts.positional[0] ?? parts.keywords.get('n');
    const column = parts.positional[1] ?? parts.keywords.get('columns');
    const by = column ? stringOrList(column) : selected?.length === 1 ? selected : undefined;
    if (!n || n.type !== 'integer' || !by) return undefined;
    const descending = parts.name === 'nlargest';
    return { sql: by.map((c) => `${sqlIdentifier(c)}${descending ? ' DESC' : ''}`), polars: `.sort(${by.map(pyString).join(', ')}${descending ? ', descending=True' : ''})`, limit: n.text };
  }
  const byNode = parts.positional[0] ?? parts.keywords.get('by');
  const by = byNode ? stringOrList(byNode) : selected?.length === 1 ? selected : undefined;
  if (!by || [...parts.keywords.keys()].some((k) => !['by', 'ascending'].includes(k))) return undefined;
  const ascending = parts.keywords.get('ascending');
  let flags: boolean[];
  if (!ascending || ascending.type === 'true') flags = by.map(() => false);
  else if (ascending.type === 'false') flags = by.map(() => true);
  else if (ascending.type === 'list' && ascending.namedChildren.every((c) => c?.type === 'true' || c?.type === 'false') && ascending.namedChildCount === by.length) flags = ascending.namedChildren.map((c) => c!.type === 'false');
  else return undefined;
  const descending = flags.every((f) => f === flags[0]) ? (flags[0] ? ', descending=True' : '') : `, descending=[${flags.map((f) => (f ? 'True' : 'False')).join(', ')}]`;
  return { sql: by.map((c, i) => `${sqlIdentifier(c)}${flags[i] ? ' DESC' : ''}`), polars: `.sort(${by.map(pyString).join(', ')}${descending})` };
}

/** A `DataFrame.query` string as SQL: comparisons, `and`/`or`/`not`, `in [...]`, literals. */
export function queryToSql(text: string): string | undefined {
  const tokens = text.match(/\s+|`[^`]*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|==|!=|<=|>=|[<>()[\],&|~]|[A-Za-z_]\w*|-?\d+(?:\.\d+)?|\S/g);
  if (!tokens) return undefined;
  const out: string[] = [];
  let brackets = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (/^\s+$/.test(token)) {
      out.push(' ');
      continue;
    }
    if (token.startsWith('`')) out.push(sqlIdentifier(token.slice(1, -1)));
    else if (token.startsWith('"') || token.startsWith("'")) out.push(sqlString(token.slice(1, -1)));
    else if (token === '==') out.push('=');
    else if (token === '!=') out.push('<>');
    else if (token === '&' || token === 'and') out.push('AND');
    else if (token === '|' || token === 'or') out.push('OR');
    else if (token === '~' || token === 'not') out.push('NOT');
    else if (token === 'in') out.push('IN');
    else if (token === '[') {
      if (!/IN\s*$/.test(out.join(''))) return undefined;
      brackets++;
      out.push('(');
    } else if (token === ']') {
      if (!brackets--) return undefined;
      out.push(')');
    } else if (token === 'True' || token === 'False') out.push(token.toUpperCase());
    else if (/^[A-Za-z_]\w*$/.test(token)) {
      const next = tokens.slice(i + 1).find((t) => !/^\s+$/.test(t));
      if (next === '(' || next === '.') return undefined; // a function call or attribute
      out.push(sqlIdentifier(token));
    } else if (/^-?\d/.test(token) || ['<', '>', '<=', '>=', '(', ')', ','].includes(token)) out.push(token);
    else return undefined; // @variables, attributes, arithmetic we do not vouch for
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** The `duckdb.sql(...).df()` statement, one clause per line when it is long. */
export function sqlLines(target: string | undefined, sql: string, names: Names): string[] {
  const call = `${names.duckdb}.sql(${pyString(sql)}).df()`;
  const prefix = target ? `${target} = ` : '';
  if (prefix.length + call.length <= 88) return [`${prefix}${call}`];
  // One clause per line inside a triple-quoted string.
  const clauses = sql.replace(/ (FROM|LEFT JOIN|RIGHT JOIN|FULL JOIN|CROSS JOIN|JOIN|WHERE|GROUP BY|ORDER BY|LIMIT) /g, '\n$1 ').split('\n');
  return [`${prefix}${names.duckdb}.sql("""`, ...clauses.map((c) => `    ${c}`), '""").df()'];
}
