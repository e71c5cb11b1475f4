// pandas readers translated to polars (and DuckDB) from the call's own arguments, with the
// renames done and a note for each argument that has no equivalent. Used by the hovers of
// pandas-read-csv and pandas-read-file; nothing here is applied as a fix.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { callParts, isFrameColumnName, stringList, stringValue, subscriptKeys, type CallParts } from './pandas';
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

/** pandas dtype names → polars data types. */
const DTYPES: Record<string, string> = {
  int8: 'Int8', int16: 'Int16', int32: 'Int32', int64: 'Int64', Int8: 'Int8', Int16: 'Int16', Int32: 'Int32', Int64: 'Int64',
  uint8: 'UInt8', uint16: 'UInt16', uint32: 'UInt32', uint64: 'UInt64',
  float32: 'Float32', float64: 'Float64', float: 'Float64', int: 'Int64', str: 'String', string: 'String', object: 'String',
  bool: 'Boolean', boolean: 'Boolean', category: 'Categorical', 'datetime64[ns]': 'Datetime("ns")', 'datetime64[us]': 'Datetime("us")',
};

const CSV_DROPPED = new Set(['engine', 'low_memory', 'memory_map', 'float_precision', 'dtype_backend', 'skip_blank_lines', 'compression', 'skipinitialspace', 'cache_dates', 'verbose']);
const CSV_NO_EQUIVALENT: Record<string, string> = {
  index_col: 'polars has no index: the column stays an ordinary column (select or sort by it instead)',
  thousands: 'polars has no thousands separator option: strip it with `.str.replace_all(...)` and cast',
  converters: 'apply converters as expressions after reading (`.with_columns(...)`)',
  true_values: 'map the values with `pl.when(...)` or `.replace_strict(...)` after reading',
  false_values: 'map the values with `pl.when(...)` or `.replace_strict(...)` after reading',
  date_format: 'parse with `pl.col(...).str.to_datetime(format)` after reading',
  date_parser: 'parse with `pl.col(...).str.to_datetime(format)` after reading',
  dayfirst: 'parse with `pl.col(...).str.to_datetime("%d/%m/%Y")` after reading',
  keep_default_na: 'polars reads only empty fields as null; list other markers in `null_values`',
  skipfooter: 'no equivalent: slice the rows off after reading (`.head(-n)`)',
  on_bad_lines: 'the closest options are `truncate_ragged_lines=True` and `ignore_errors=True`',
  chunksize: 'read in batches with `pl.read_csv_batched(...)`, or stream the lazy query with `.collect(engine="streaming")`',
  iterator: 'read in batches with `pl.read_csv_batched(...)`, or stream the lazy query with `.collect(engine="streaming")`',
  delim_whitespace: 'polars needs a single-character separator',
  squeeze: 'removed from pandas too: select the column after reading',
  prefix: 'rename the columns after reading',
  mangle_dupe_cols: 'polars renames duplicate columns itself',
  dialect: 'pass `separator` and `quote_char` explicitly',
  escapechar: 'polars has no escape character option',
  lineterminator: 'polars has an `eol_char` option for single-character line ends',
  doublequote: 'polars always treats doubled quotes inside quoted fields as a quote',
  warn_bad_lines: 'removed from pandas too',
  error_bad_lines: 'removed from pandas too',
};

function decodeSingleChar(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const inner = node.text.replace(/^[rRuU]?(['"])/, '').replace(/(['"])$/, '');
  if (/^[rR]/.test(node.text)) return inner.length === 1 ? inner : undefined;
  const decoded = inner.replace(/\\t/g, '\t').replace(/\\\\/g, '\\').replace(/\\'/g, "'").replace(/\\"/g, '"');
  return decoded.length === 1 ? decoded : undefined;
}

function dtypeOf(node: Node, names: Names, facts: SemanticFacts): string | undefined {
  const literal = stringValue(node);
  if (literal !== undefined) return DTYPES[literal] && `${names.pl}.${DTYPES[literal]}`;
  if (node.type === 'identifier' && ['str', 'int', 'float', 'bool'].includes(node.text)) return `${names.pl}.${DTYPES[node.text]}`;
  const qualified = facts.resolve(node);
  if (qualified?.startsWith('numpy.')) {
    const name = qualified.slice(6);
    return DTYPES[name] && `${names.pl}.${DTYPES[name]}`;
  }
  return undefined;
}

interface Translated {
  args: string[];
  select?: string;
  notes: string[];
  eagerOnly: boolean;
  duckdbOk: boolean;
  duckdbOptions: string[];
  duckdbColumns?: string[];
  nRows?: string;
}

/** The arguments of `pd.read_csv` / `pd.read_table` as polars arguments. */
function csvArguments(parts: CallParts, table: boolean, names: Names, facts: SemanticFacts): Translated {
  const out: Translated = { args: [], notes: [], eagerOnly: false, duckdbOk: true, duckdbOptions: [] };
  const [source, positionalSep, ...rest] = parts.positional;
  const path = source ?? parts.keywords.get('filepath_or_buffer');
  if (path) out.args.push(path.text);
  if (path?.type === 'call') {
    const fn = facts.resolve(path.childForFieldName('function')!);
    if (fn === 'io.StringIO' || fn === 'io.BytesIO' || path.childForFieldName('function')?.text === 'open') out.eagerOnly = true;
  }
  if (rest.length) {
    out.notes.push('positional arguments after the separator are not translated: pass them by keyword');
    out.duckdbOk = false;
  }
  const sep = parts.keywords.get('sep') ?? parts.keywords.get('delimiter') ?? positionalSep;
  if (sep) {
    const single = decodeSingleChar(sep);
    if (single !== undefined) {
      if (!(single === ',' && !table)) out.args.push(`separator=${sep.text}`);
      out.duckdbOptions.push(`delim = ${sqlString(single)}`);
    } else {
      out.notes.push(`\`sep=${sep.text}\`: polars needs a single-character separator (pandas treated this one as a regular expression or sniffed it)`);
      out.duckdbOk = false;
    }
  } else if (table) {
    out.args.push('separator="\\t"');
    out.duckdbOptions.push("delim = '\\t'");
  }
  const header = parts.keywords.get('header');
  const namesArg = parts.keywords.get('names');
  if (header) {
    if (header.type === 'none') {
      out.args.push('has_header=False');
      out.duckdbOptions.push('header = false');
    } else if (header.type === 'integer' && header.text !== '0') {
      out.args.push(`skip_rows=${header.text}`);
      out.duckdbOptions.push(`skip = ${header.text}`);
    } else if (header.text !== '0' && stringValue(header) !== 'infer') {
      out.notes.push(`\`header=${header.text}\`: polars reads one header row (no MultiIndex columns)`);
      out.duckdbOk = false;
    }
  }
  if (namesArg) {
    if (!header) {
      out.args.push('has_header=False');
      out.duckdbOptions.push('header = false');
    }
    out.args.push(`new_columns=${namesArg.text}`);
    const list = stringList(namesArg);
    if (list) out.duckdbOptions.push(`names = [${list.map(sqlString).join(', ')}]`);
    else out.duckdbOk = false;
  }
  for (const [key, value] of parts.keywords) {
    switch (key) {
      case 'filepath_or_buffer':
      case 'sep':
      case 'delimiter':
      case 'header':
      case 'names':
        break;
      case 'usecols': {
        const columns = stringList(value);
        if (columns) {
          out.select = columns.map(pyString).join(', ');
          out.duckdbColumns = columns;
        } else if (value.type === 'list' && value.namedChildren.every((c) => !c || c.type === 'integer' || c.type === 'comment')) {
          out.args.push(`columns=${value.text}`);
          out.eagerOnly = true;
          out.duckdbOk = false;
        } else {
          out.notes.push(`\`usecols=${value.text}\`: select the columns with \`.select(...)\` after the scan`);
          out.duckdbOk = false;
        }
        break;
      }
      case 'dtype': {
        if (value.type === 'dictionary') {
          const pairs: string[] = [];
          for (const pair of value.namedChildren) {
            if (!pair || pair.type === 'comment') continue;
            const k = pair.childForFieldName('key');
            const v = pair.childForFieldName('value');
            const type = pair.type === 'pair' && k && v ? dtypeOf(v, names, facts) : undefined;
            if (!type || stringValue(k) === undefined) {
              pairs.length = 0;
              break;
            }
            pairs.push(`${k!.text}: ${type}`);
          }
          if (pairs.length) out.args.push(`schema_overrides={${pairs.join(', ')}}`);
          else out.notes.push(`\`dtype=${value.text}\`: give the types as \`schema_overrides={"col": ${names.pl}.Int64, ...}\``);
        } else if (dtypeOf(value, names, facts) === `${names.pl}.String`) {
          out.args.push('infer_schema=False');
        } else {
          out.notes.push(`\`dtype=${value.text}\`: give the types as \`schema_overrides={"col": ${names.pl}.Int64, ...}\``);
        }
        out.duckdbOk = false;
        break;
      }
      case 'parse_dates':
        if (value.type === 'true' || value.type === 'list') {
          out.args.push('try_parse_dates=True');
          if (value.type === 'list') out.notes.push('`try_parse_dates=True` tries every text column, not only those in `parse_dates`');
        } else if (value.type !== 'false') {
          out.notes.push(`\`parse_dates=${value.text}\`: parse with \`pl.col(...).str.to_datetime()\` after reading`);
        }
        out.duckdbOk = false;
        break;
      case 'nrows':
        out.nRows = value.text;
        break;
      case 'skiprows':
        if (value.type === 'integer') {
          out.args.push(`skip_rows=${value.text}`);
          out.duckdbOptions.push(`skip = ${value.text}`);
        } else {
          out.notes.push(`\`skiprows=${value.text}\`: polars skips a number of leading rows only; filter the others after reading`);
          out.duckdbOk = false;
        }
        break;
      case 'na_values':
        if (stringValue(value) !== undefined || stringList(value)) {
          out.args.push(`null_values=${value.text}`);
          const list = stringValue(value) !== undefined ? [stringValue(value)!] : stringList(value)!;
          out.duckdbOptions.push(`nullstr = [${list.map(sqlString).join(', ')}]`);
        } else {
          out.args.push(`null_values=${value.text}`);
          out.duckdbOk = false;
        }
        break;
      case 'encoding': {
        const encoding = stringValue(value)?.toLowerCase().replace(/[-_]/g, '');
        if (encoding !== 'utf8') {
          out.args.push(`encoding=${value.text}`);
          out.eagerOnly = true;
          out.notes.push('a non-UTF-8 `encoding` is decoded in memory first, so only the eager `read_csv` accepts it');
          out.duckdbOk = false;
        }
        break;
      }
      case 'comment':
        out.args.push(`comment_prefix=${value.text}`);
        out.duckdbOk = false;
        break;
      case 'quotechar':
        out.args.push(`quote_char=${value.text}`);
        if (stringValue(value) !== undefined) out.duckdbOptions.push(`quote = ${sqlString(stringValue(value)!)}`);
        else out.duckdbOk = false;
        break;
      case 'decimal':
        if (stringValue(value) === ',') out.args.push('decimal_comma=True');
        else if (stringValue(value) !== '.') out.notes.push(`\`decimal=${value.text}\`: polars knows \`.\` and \`decimal_comma=True\` only`);
        out.duckdbOk = false;
        break;
      case 'storage_options':
        out.args.push(`storage_options=${value.text}`);
        out.duckdbOk = false;
        break;
      default:
        if (CSV_DROPPED.has(key)) {
          out.notes.push(`\`${key}\` is not needed: polars always parses in parallel with its own engine`);
        } else if (CSV_NO_EQUIVALENT[key]) {
          out.notes.push(`\`${key}=${oneLineText(value)}\`: ${CSV_NO_EQUIVALENT[key]}`);
          out.duckdbOk = false;
          if (key === 'chunksize' || key === 'iterator') out.eagerOnly = false;
        } else {
          out.notes.push(`\`${key}=${oneLineText(value)}\` is not translated: check the polars reader's options`);
          out.duckdbOk = false;
        }
    }
  }
  if (parts.hasSplat) {
    out.notes.push('arguments passed with `*`/`**` are not translated');
    out.duckdbOk = false;
  }
  return out;
}

function oneLineText(node: Node): string {
  const flat = node.text.replace(/\s*\n\s*/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
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
