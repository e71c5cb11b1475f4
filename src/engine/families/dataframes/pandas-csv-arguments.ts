// The arguments of `pd.read_csv` / `pd.read_table` as polars arguments and DuckDB options,
// with the tables of dtypes and of options that polars drops or lacks (pandas-readers.ts
// builds the reader plans from them).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { stringList, stringValue, type CallParts } from './pandas';
import type { Names } from './pandas-hover';
import { pyString, sqlString } from './pandas-translate';

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

export interface Translated {
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
export function csvArguments(parts: CallParts, table: boolean, names: Names, facts: SemanticFacts): Translated {
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

/** A node's text on one line, cut to 40 characters (for notes). */
export function oneLineText(node: Node): string {
  const flat = node.text.replace(/\s*\n\s*/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
