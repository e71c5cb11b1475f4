// What pandas methods and functions return, as data: the tables pandas-receivers.ts reads to
// type `df.method(...)` and `pd.function(...)` results.
import type { Inferred } from './pandas-kinds';
import { stringValue, type CallParts } from './pandas-syntax';


// Methods whose result has the receiver's kind (a DataFrame method returns a DataFrame,
// the Series method of the same name a Series).
export const SAME_KIND = new Set([
  'abs', 'add', 'add_prefix', 'add_suffix', 'append', 'asfreq', 'astype', 'at_time', 'between_time', 'bfill', 'clip',
  'combine_first', 'convert_dtypes', 'copy', 'cummax', 'cummin', 'cumprod', 'cumsum', 'describe', 'diff', 'div', 'divide',
  'drop', 'drop_duplicates', 'droplevel', 'dropna', 'eq', 'explode', 'ffill', 'fillna', 'filter', 'floordiv', 'ge', 'gt',
  'head', 'infer_objects', 'interpolate', 'isin', 'isna', 'isnull', 'le', 'lt', 'mask', 'mod', 'mul', 'multiply', 'ne',
  'nlargest', 'notna', 'notnull', 'nsmallest', 'pct_change', 'pow', 'radd', 'rank', 'rdiv', 'reindex', 'reindex_like',
  'rename', 'rename_axis', 'reorder_levels', 'replace', 'rfloordiv', 'rmod', 'rmul', 'round', 'rpow', 'rsub', 'rtruediv',
  'sample', 'set_axis', 'shift', 'sort_index', 'sort_values', 'sub', 'subtract', 'swaplevel', 'tail', 'take', 'truediv',
  'truncate', 'tz_convert', 'tz_localize', 'where', 'to_period', 'to_timestamp', 'set_flags',
]);
// DataFrame → DataFrame only.
export const FRAME_TO_FRAME = new Set([
  'assign', 'corr', 'cov', 'join', 'melt', 'merge', 'pivot', 'pivot_table', 'query', 'select_dtypes', 'set_index',
  'transpose', 'mode', 'reset_index', 'applymap',
]);
// DataFrame → Series (reductions along the rows, per column).
export const FRAME_TO_SERIES = new Set([
  'all', 'any', 'corrwith', 'count', 'duplicated', 'idxmax', 'idxmin', 'kurt', 'kurtosis', 'max', 'mean', 'median',
  'memory_usage', 'min', 'nunique', 'prod', 'product', 'sem', 'skew', 'std', 'sum', 'value_counts', 'var',
]);
// Series → Series.
export const SERIES_TO_SERIES = new Set(['between', 'duplicated', 'map', 'mode', 'value_counts', 'case_when', 'repeat']);
// GroupBy / window results: a DataFrame or a Series.
export const GROUPBY_RESULTS = new Set([
  'agg', 'aggregate', 'all', 'any', 'apply', 'bfill', 'count', 'cumcount', 'cummax', 'cummin', 'cumprod', 'cumsum',
  'describe', 'diff', 'ffill', 'fillna', 'filter', 'first', 'get_group', 'head', 'idxmax', 'idxmin', 'last', 'max',
  'mean', 'median', 'min', 'ngroup', 'nth', 'nunique', 'ohlc', 'pct_change', 'prod', 'quantile', 'rank', 'sem', 'shift',
  'size', 'skew', 'std', 'sum', 'tail', 'transform', 'value_counts', 'var', 'corr', 'cov', 'interpolate', 'asfreq',
]);
export const WINDOWS = new Set(['rolling', 'expanding', 'ewm', 'resample']);
export const DT_NOT_PANDAS = new Set(['to_pydatetime', 'to_pytimedelta']);

/**
 * Every attribute and method of DataFrame and Series: `df.name_here` is a column only when
 * `name_here` is none of these.
 */
export const PANDAS_MEMBERS = new Set([
  ...SAME_KIND, ...FRAME_TO_FRAME, ...FRAME_TO_SERIES, ...SERIES_TO_SERIES, ...WINDOWS,
  'T', 'agg', 'aggregate', 'align', 'append', 'apply', 'applymap', 'array', 'argmax', 'argmin', 'argsort', 'asof', 'at', 'attrs',
  'autocorr', 'axes', 'backfill', 'bool', 'boxplot', 'cat', 'columns', 'combine', 'compare', 'dot', 'dt', 'dtype', 'dtypes',
  'empty', 'equals', 'eval', 'factorize', 'first', 'first_valid_index', 'flags', 'from_dict', 'from_records', 'get', 'groupby',
  'hasnans', 'hist', 'iat', 'iloc', 'index', 'info', 'insert', 'is_monotonic_decreasing', 'is_monotonic_increasing',
  'is_unique', 'item', 'items', 'iteritems', 'iterrows', 'itertuples', 'ix', 'keys', 'last', 'last_valid_index', 'list', 'loc',
  'lookup', 'mad', 'name', 'nbytes', 'ndim', 'pad', 'pipe', 'plot', 'pop', 'quantile', 'ravel', 'searchsorted', 'shape', 'size',
  'sparse', 'squeeze', 'stack', 'str', 'struct', 'style', 'swapaxes', 'to_clipboard', 'to_csv', 'to_dict', 'to_excel',
  'to_feather', 'to_frame', 'to_gbq', 'to_hdf', 'to_html', 'to_json', 'to_latex', 'to_list', 'to_markdown', 'to_numpy',
  'to_orc', 'to_parquet', 'to_pickle', 'to_records', 'to_sql', 'to_stata', 'to_string', 'to_xarray', 'to_xml', 'tolist',
  'transform', 'unique', 'unstack', 'update', 'values', 'view', 'xs', 'tshift', 'slice_shift', 'isetitem', 'map',
]);

/** Members of Series (and Index) only: on a DataFrame, `df.name` is a column. */
export const SERIES_ONLY = new Set([
  'name', 'str', 'dt', 'cat', 'array', 'dtype', 'hasnans', 'is_unique', 'item', 'tolist', 'to_list', 'unique', 'between',
  'searchsorted', 'argmax', 'argmin', 'argsort', 'autocorr', 'factorize', 'ravel', 'view', 'to_frame', 'repeat', 'list',
  'struct', 'nbytes', 'is_monotonic_increasing', 'is_monotonic_decreasing', 'case_when',
]);

/** `df.<name>` on a DataFrame reads a column (it is no DataFrame attribute or method). */
export function isFrameColumnName(name: string): boolean {
  return !name.startsWith('_') && (!PANDAS_MEMBERS.has(name) || SERIES_ONLY.has(name));
}

/** `row.<name>` on a Series reads an element by label (it is no Series attribute or method). */
export function isSeriesLabelName(name: string): boolean {
  return !name.startsWith('_') && !PANDAS_MEMBERS.has(name);
}

export const READERS_FRAME = new Set([
  'read_csv', 'read_table', 'read_fwf', 'read_parquet', 'read_feather', 'read_orc', 'read_excel', 'read_json', 'read_sql',
  'read_sql_query', 'read_sql_table', 'read_xml', 'read_spss', 'read_sas', 'read_stata', 'read_clipboard', 'read_gbq',
]);
export const MODULE_FRAME = new Set([
  'DataFrame', 'DataFrame.from_dict', 'DataFrame.from_records', 'merge', 'merge_asof', 'merge_ordered', 'pivot',
  'pivot_table', 'crosstab', 'melt', 'get_dummies', 'json_normalize', 'wide_to_long',
]);
export const MODULE_INDEX = new Set([
  'Index', 'DatetimeIndex', 'RangeIndex', 'CategoricalIndex', 'MultiIndex.from_arrays', 'MultiIndex.from_tuples',
  'MultiIndex.from_product', 'MultiIndex.from_frame', 'date_range', 'bdate_range', 'period_range', 'timedelta_range', 'interval_range',
]);
export const MODULE_LIKE_INPUT = new Set(['to_datetime', 'to_numeric', 'to_timedelta', 'cut', 'qcut']);

const NO_VALUE = /^(?:None|False|0)$/;

/** `inplace=True` (or any value but False) makes a method return None. */
export function notInPlace(parts: CallParts): boolean {
  const inplace = parts.keywords.get('inplace');
  return !inplace || inplace.type === 'false';
}

/** Readers that return one frame with these arguments (not a chunk iterator, dict or list). */
export function readerReturnsFrame(name: string, parts: CallParts): boolean {
  if (parts.hasSplat) return false;
  for (const key of ['chunksize', 'iterator']) {
    const value = parts.keywords.get(key);
    if (value && !NO_VALUE.test(value.text)) return false;
  }
  if (name === 'read_excel') {
    const sheet = parts.keywords.get('sheet_name') ?? parts.positional[1];
    if (sheet && stringValue(sheet) === undefined && sheet.type !== 'integer') return false;
  }
  if (name === 'read_json') {
    const typ = parts.keywords.get('typ');
    if (typ && stringValue(typ) !== 'frame') return false;
  }
  return true;
}

/**
 * The pandas methods (DataFrame, Series, Index, and the deprecated Categorical ones) that take
 * `inplace=`: `obj.rotate(inplace=True)` on anything else is some other library's API.
 */
export const INPLACE_METHODS = new Set([
  'backfill', 'bfill', 'clip', 'drop', 'drop_duplicates', 'dropna', 'eval', 'ffill', 'fillna', 'interpolate', 'mask', 'pad',
  'query', 'rename', 'rename_axis', 'replace', 'reset_index', 'set_axis', 'set_index', 'sort_index', 'sort_values', 'where',
  'set_names', 'set_levels', 'set_codes', 'sortlevel', 'add_categories', 'as_ordered', 'as_unordered',
  'remove_categories', 'remove_unused_categories', 'rename_categories', 'reorder_categories', 'set_categories',
]);

/** What `receiver.name(...)` returns, from the method tables above. */
export function methodResult(receiver: Inferred, parts: CallParts): Inferred | undefined {
  const name = parts.name;
  const axisNone = parts.keywords.get('axis')?.type === 'none';
  switch (receiver.kind) {
    case 'frame':
      if (name === 'groupby' || WINDOWS.has(name)) return { kind: 'groupby' };
      if (SAME_KIND.has(name) || FRAME_TO_FRAME.has(name)) {
        if (name === 'eval' || name === 'query') return parts.keywords.has('inplace') ? undefined : { kind: 'frame' };
        return notInPlace(parts) ? { kind: 'frame' } : undefined;
      }
      if (FRAME_TO_SERIES.has(name)) return axisNone ? undefined : { kind: 'series' };
      if (name === 'stack' || name === 'unstack') return { kind: 'data' };
      return undefined;
    case 'series':
      if (name === 'groupby' || WINDOWS.has(name)) return { kind: 'groupby' };
      if (name === 'reset_index') {
        const drop = parts.keywords.get('drop');
        if (!notInPlace(parts)) return undefined;
        return drop?.type === 'true' ? { kind: 'series' } : drop === undefined || drop.type === 'false' ? { kind: 'frame' } : { kind: 'data' };
      }
      if (name === 'to_frame') return { kind: 'frame' };
      if (name === 'unstack') return { kind: 'data' };
      if (name === 'apply') return { kind: 'data' };
      if (SAME_KIND.has(name) || SERIES_TO_SERIES.has(name)) return notInPlace(parts) ? { kind: 'series' } : undefined;
      return undefined;
    case 'data':
      if (name === 'groupby' || WINDOWS.has(name)) return { kind: 'groupby' };
      return SAME_KIND.has(name) && notInPlace(parts) ? { kind: 'data' } : undefined;
    case 'index':
      if (name === 'to_series') return { kind: 'series' };
      if (name === 'to_frame') return { kind: 'frame' };
      return undefined;
    case 'groupby':
      if (WINDOWS.has(name)) return { kind: 'groupby' };
      return GROUPBY_RESULTS.has(name) ? { kind: 'data' } : undefined;
    case 'str':
      return name === 'cat' ? undefined : { kind: 'data' };
    case 'dt':
      return DT_NOT_PANDAS.has(name) ? undefined : { kind: 'data' };
    case 'cat':
      return { kind: 'series' };
    default:
      return undefined;
  }
}
