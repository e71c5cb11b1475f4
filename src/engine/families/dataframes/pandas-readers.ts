// pandas readers translated to polars (and DuckDB) from the call's own arguments, with the
// renames done and a note for each argument that has no equivalent. Used by the hovers of
// pandas-read-csv and pandas-read-file; nothing here is applied as a fix.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { callParts, isFrameColumnName, stringList, stringValue, subscriptKeys, type CallParts } from './pandas';
import { csvArguments, oneLineText } from './pandas-csv-arguments';
import { nextStatement, statementOf, type Names } from './pandas-hover';
import { pyString, sqlIdentifier, sqlString, translate, type Ref } from './pandas-translate';

export interface ReaderPlan {
  /** The polars chain, one step per item: `pl.scan_csv("a.csv")`, `.select("a")`, `.collect()`. */
  polars: string[];
  lazy: boolean;
  /** The DuckDB form, when every argument translates. */
  duckdb?: string;
  notes: string[];
  /** The statements this plan replaces, when it absorbs the next statement's filter. */
  absorbs?: { filterStatement: Node; target: string };
}


/** What follows the read: `[["a", "b"]]`, `.head(n)`, or a filter on the next line. */
interface Pushdown {
  select?: string;
  selectColumns?: string[];
  head?: string;
  filter?: { polars: string; sql?: string };
  absorbs?: { filterStatement: Node; target: string };
}

function pushdownAfter(call: Node, facts: SemanticFacts, names: Names): Pushdown {
  const result: Pushdown = {};
  const parent = call.parent;
  if (parent?.type === 'subscript' && parent.childForFieldName('value')?.equals(call)) {
    const keys = subscriptKeys(parent);
    const columns = keys.length === 1 ? stringList(keys[0]) : undefined;
    if (columns && keys[0].type === 'list') {
      result.select = columns.map(pyString).join(', ');
      result.selectColumns = columns;
    }
    return result;
  }
  if (parent?.type === 'attribute' && parent.parent?.type === 'call' && parent.childForFieldName('attribute')?.text === 'head') {
    const head = callParts(parent.parent);
    const n = head?.positional[0] ?? head?.keywords.get('n');
    if (head && !head.hasSplat && (!n || n.type === 'integer')) result.head = n?.text ?? '5';
    return result;
  }
  // `frame = pd.read_csv(...)` then `frame = frame[mask]` / `frame[["a", "b"]]` on the next line.
  const statement = statementOf(call);
  const name = call.parent?.type === 'assignment' ? call.parent.childForFieldName('left') : undefined;
  if (!statement || name?.type !== 'identifier') return result;
  const next = nextStatement(statement);
  const assignment = next?.type === 'expression_statement' ? next.firstNamedChild : undefined;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('type')) return result;
  const target = assignment.childForFieldName('left');
  let value = assignment.childForFieldName('right');
  if (target?.type !== 'identifier' || !value) return result;
  // An optional trailing column selection: frame[mask][["a", "b"]].
  if (value.type === 'subscript') {
    const keys = subscriptKeys(value);
    const inner = value.childForFieldName('value');
    const columns = keys.length === 1 && keys[0].type === 'list' ? stringList(keys[0]) : undefined;
    if (columns && inner?.type === 'identifier' && inner.text === name.text) {
      return { select: columns.map(pyString).join(', '), selectColumns: columns, absorbs: { filterStatement: next!, target: target.text } };
    }
    if (columns && inner?.type === 'subscript') {
      result.select = columns.map(pyString).join(', ');
      result.selectColumns = columns;
      value = inner;
    }
  }
  if (value.type !== 'subscript' || value.childForFieldName('value')?.text !== name.text) return {};
  const keys = subscriptKeys(value);
  if (keys.length !== 1) return {};
  const filter = maskTranslation(keys[0], name.text, facts, names);
  if (!filter) return {};
  return { ...result, filter, absorbs: { filterStatement: next!, target: target.text } };
}

/** A boolean mask over `frame["col"]` / `frame.col` as a polars expression and SQL. */
export function maskTranslation(mask: Node, frame: string, facts: SemanticFacts, names: Names): { polars: string; sql?: string } | undefined {
  const ref = (node: Node): Ref | undefined => {
    const column = columnOf(node, frame);
    return column === undefined ? undefined : { pandas: node.text, polars: `${names.pl}.col(${pyString(column)})`, sql: sqlIdentifier(column) };
  };
  const context = { facts, ref, reserved: new Set([frame]), polars: names.pl, numpy: names.np, series: true };
  const polars = translate(mask, 'polars', context);
  if (!polars || !polars.boolean) return undefined;
  const sql = translate(mask, 'sql', context);
  return { polars: polars.text, sql: sql?.text };
}

/** The column `frame["col"]` or `frame.col` names. */
export function columnOf(node: Node, frame: string): string | undefined {
  if (node.type === 'subscript' && node.childForFieldName('value')?.text === frame) {
    const keys = subscriptKeys(node);
    return keys.length === 1 ? stringValue(keys[0]) : undefined;
  }
  if (node.type === 'attribute' && node.childForFieldName('object')?.text === frame) {
    const name = node.childForFieldName('attribute')?.text;
    return name && isFrameColumnName(name) ? name : undefined;
  }
  return undefined;
}

/** `pd.read_csv(...)` / `pd.read_table(...)` → polars and DuckDB. */
export function csvPlan(parts: CallParts, table: boolean, facts: SemanticFacts, names: Names): ReaderPlan {
  const args = csvArguments(parts, table, names, facts);
  const after = pushdownAfter(parts.call, facts, names);
  const select = args.select ?? after.select;
  const wantsLazy = !!(args.select || after.select || after.filter || after.head || args.nRows);
  const lazy = wantsLazy && !args.eagerOnly;
  const polars: string[] = [];
  if (lazy) {
    polars.push(`${names.pl}.scan_csv(${args.args.join(', ')})`);
    if (after.filter) polars.push(`.filter(${after.filter.polars})`);
    if (select) polars.push(`.select(${select})`);
    const head = after.head ?? args.nRows;
    if (head) polars.push(`.head(${head})`);
    polars.push('.collect()');
  } else {
    const extra = [...args.args];
    if (args.select) extra.push(`columns=[${args.select}]`);
    if (args.nRows) extra.push(`n_rows=${args.nRows}`);
    polars.push(`${names.pl}.read_csv(${extra.join(', ')})`);
    if (after.filter) polars.push(`.filter(${after.filter.polars})`);
    if (after.select && !args.select) polars.push(`.select(${after.select})`);
    if (after.head) polars.push(`.head(${after.head})`);
  }
  const notes = [...args.notes];
  let duckdb: string | undefined;
  const source = parts.positional[0] ?? parts.keywords.get('filepath_or_buffer');
  const path = stringValue(source);
  if (args.duckdbOk && path !== undefined && (!after.filter || after.filter.sql)) {
    const columns = args.duckdbColumns ?? after.selectColumns;
    const from = args.duckdbOptions.length ? `read_csv(${[sqlString(path), ...args.duckdbOptions].join(', ')})` : sqlString(path);
    let sql = `SELECT ${columns ? columns.map(sqlIdentifier).join(', ') : '*'} FROM ${from}`;
    if (after.filter?.sql) sql += ` WHERE ${after.filter.sql}`;
    const limit = after.head ?? args.nRows;
    if (limit) sql += ` LIMIT ${limit}`;
    duckdb = `${names.duckdb}.sql(${pyString(sql)}).df()`;
  }
  return { polars, lazy, duckdb, notes, absorbs: after.absorbs };
}

/** `pd.read_parquet` / `read_feather` / `read_json` / `read_excel` → polars. */
export function filePlan(reader: string, parts: CallParts, facts: SemanticFacts, names: Names): ReaderPlan | undefined {
  const notes: string[] = [];
  const source = parts.positional[0] ?? parts.keywords.get('path') ?? parts.keywords.get('path_or_buf') ?? parts.keywords.get('io');
  if (!source) return undefined;
  const args = [source.text];
  const after = pushdownAfter(parts.call, facts, names);
  let columns: string | undefined = after.select;
  let lazyName: string | undefined;
  let eagerName: string;
  let filter: string | undefined = after.filter?.polars;
  const known = new Set(['path', 'path_or_buf', 'io']);
  switch (reader) {
    case 'read_parquet':
    case 'read_feather': {
      eagerName = reader === 'read_parquet' ? 'read_parquet' : 'read_ipc';
      lazyName = reader === 'read_parquet' ? 'scan_parquet' : 'scan_ipc';
      const cols = parts.keywords.get('columns');
      if (cols) {
        const list = stringList(cols);
        if (list) columns = list.map(pyString).join(', ');
        else notes.push(`\`columns=${cols.text}\`: select them with \`.select(...)\``);
        known.add('columns');
      }
      const filters = parts.keywords.get('filters');
      if (filters) {
        const translated = parquetFilters(filters, names);
        if (translated) filter = filter ? `(${translated}) & (${filter})` : translated;
        else notes.push(`\`filters=${oneLineText(filters)}\`: write them as \`.filter(${names.pl}.col(...) ...)\` on the scan`);
        known.add('filters');
      }
      for (const key of ['engine', 'use_nullable_dtypes', 'dtype_backend', 'use_threads']) {
        if (parts.keywords.has(key)) {
          notes.push(`\`${key}\` is not needed: polars reads Arrow data natively`);
          known.add(key);
        }
      }
      if (parts.keywords.has('storage_options')) {
        args.push(`storage_options=${parts.keywords.get('storage_options')!.text}`);
        known.add('storage_options');
      }
      notes.push('polars does not restore a pandas index stored in the file: it comes back as a column, if at all');
      break;
    }
    case 'read_json': {
      const lines = parts.keywords.get('lines');
      known.add('lines');
      if (lines?.type === 'true') {
        eagerName = 'read_ndjson';
        lazyName = 'scan_ndjson';
      } else {
        eagerName = 'read_json';
        const orient = stringValue(parts.keywords.get('orient'));
        known.add('orient');
        if (orient !== undefined && orient !== 'records') notes.push(`\`orient="${orient}"\`: polars reads an array of records; reshape other layouts after reading`);
        else if (orient === undefined) notes.push('polars reads a JSON array of records (pandas\' `orient="records"`)');
      }
      for (const key of ['dtype', 'convert_dates', 'encoding', 'dtype_backend', 'engine']) {
        if (parts.keywords.has(key)) {
          notes.push(`\`${key}\` is not translated: polars infers types, or takes a \`schema\``);
          known.add(key);
        }
      }
      break;
    }
    case 'read_excel': {
      eagerName = 'read_excel';
      const sheet = parts.keywords.get('sheet_name') ?? parts.positional[1];
      known.add('sheet_name');
      if (sheet) {
        if (stringValue(sheet) !== undefined) args.push(`sheet_name=${sheet.text}`);
        else if (sheet.type === 'integer') args.push(`sheet_id=${Number(sheet.text) + 1}`);
        else notes.push(`\`sheet_name=${sheet.text}\`: polars takes a name (\`sheet_name\`) or a 1-based \`sheet_id\` (0 reads every sheet)`);
      }
      const cols = parts.keywords.get('usecols');
      if (cols) {
        known.add('usecols');
        const list = stringList(cols);
        if (list) args.push(`columns=${cols.text}`);
        else notes.push(`\`usecols=${oneLineText(cols)}\`: polars takes a list of names or positions as \`columns\``);
      }
      for (const key of ['header', 'skiprows', 'nrows', 'dtype', 'index_col', 'engine', 'names', 'converters', 'parse_dates', 'na_values']) {
        if (!parts.keywords.has(key)) continue;
        known.add(key);
        if (key === 'index_col') notes.push('`index_col`: polars has no index: the column stays an ordinary column');
        else if (key === 'engine') notes.push('`engine`: polars\' default engine is calamine (the `fastexcel` package), much faster than openpyxl');
        else notes.push(`\`${key}\`: pass it through \`read_options={...}\` (calamine's options) or apply it after reading`);
      }
      notes.push('Excel files are read eagerly (no lazy scan), but calamine parses them many times faster than openpyxl');
      break;
    }
    default:
      return undefined;
  }
  for (const key of parts.keywords.keys()) {
    if (!known.has(key)) notes.push(`\`${key}\` is not translated: check the polars reader's options`);
  }
  if (parts.positional.length > (reader === 'read_excel' ? 2 : 1)) notes.push('extra positional arguments are not translated');
  if (parts.hasSplat) notes.push('arguments passed with `*`/`**` are not translated');
  const lazy = !!lazyName && !!(columns || filter || after.head);
  const polars: string[] = [];
  if (lazy) {
    polars.push(`${names.pl}.${lazyName}(${args.join(', ')})`);
    if (filter) polars.push(`.filter(${filter})`);
    if (columns) polars.push(`.select(${columns})`);
    if (after.head) polars.push(`.head(${after.head})`);
    polars.push('.collect()');
  } else {
    const eagerArgs = [...args];
    if (columns && reader !== 'read_json') eagerArgs.push(`columns=[${columns}]`);
    polars.push(`${names.pl}.${eagerName}(${eagerArgs.join(', ')})`);
    if (filter) polars.push(`.filter(${filter})`);
    if (columns && reader === 'read_json') polars.push(`.select(${columns})`);
    if (after.head) polars.push(`.head(${after.head})`);
  }
  let duckdb: string | undefined;
  const path = stringValue(source);
  if (path !== undefined && reader === 'read_parquet' && !parts.keywords.has('filters') && !notes.some((n) => n.includes('not translated')) && (!after.filter || after.filter.sql)) {
    const selected = after.selectColumns ?? stringList(parts.keywords.get('columns'));
    let sql = `SELECT ${selected ? selected.map(sqlIdentifier).join(', ') : '*'} FROM ${sqlString(path)}`;
    if (after.filter?.sql) sql += ` WHERE ${after.filter.sql}`;
    if (after.head) sql += ` LIMIT ${after.head}`;
    duckdb = `${names.duckdb}.sql(${pyString(sql)}).df()`;
  }
  return { polars, lazy, duckdb, notes, absorbs: after.absorbs };
}

/** pyarrow-style `filters=[("a", "==", 1), ("b", "in", [1, 2])]` → a polars expression. */
function parquetFilters(node: Node, names: Names): string | undefined {
  if (node.type !== 'list') return undefined;
  const terms: string[] = [];
  for (const item of node.namedChildren) {
    if (!item || item.type === 'comment') continue;
    if (item.type !== 'tuple') return undefined;
    const [column, op, value] = item.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const name = stringValue(column);
    const operator = stringValue(op);
    if (name === undefined || operator === undefined || !value) return undefined;
    const col = `${names.pl}.col(${pyString(name)})`;
    if (['==', '=', '!=', '<', '<=', '>', '>='].includes(operator)) terms.push(`(${col} ${operator === '=' ? '==' : operator} ${value.text})`);
    else if (operator === 'in') terms.push(`${col}.is_in(${value.text})`);
    else if (operator === 'not in') terms.push(`~${col}.is_in(${value.text})`);
    else return undefined;
  }
  if (!terms.length) return undefined;
  return terms.length === 1 ? terms[0].replace(/^\((.*)\)$/, '$1') : terms.join(' & ');
}
