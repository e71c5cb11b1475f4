// The tables the translations work from (pandas-translate.ts): operators, string methods and
// NumPy ufuncs with their pandas, polars and SQL forms, datetime parts, builtin functions.

export const ARITHMETIC = new Set(['+', '-', '*', '/', '//', '%', '**']);
export const COMPARISON_SQL: Record<string, string> = { '<': '<', '>': '>', '<=': '<=', '>=': '>=', '==': '=', '!=': '<>' };

/** String methods with a vectorised form: pandas `.str.x`, polars `.str.y`, SQL function. */
export const STRING_METHODS: Record<string, { pandas: string; polars: string; sql?: string; args: number[] }> = {
  lower: { pandas: 'lower', polars: 'to_lowercase', sql: 'lower', args: [0] },
  upper: { pandas: 'upper', polars: 'to_uppercase', sql: 'upper', args: [0] },
  title: { pandas: 'title', polars: 'to_titlecase', args: [0] },
  strip: { pandas: 'strip', polars: 'strip_chars', sql: 'trim', args: [0, 1] },
  lstrip: { pandas: 'lstrip', polars: 'strip_chars_start', sql: 'ltrim', args: [0, 1] },
  rstrip: { pandas: 'rstrip', polars: 'strip_chars_end', sql: 'rtrim', args: [0, 1] },
  startswith: { pandas: 'startswith', polars: 'starts_with', sql: 'starts_with', args: [1] },
  endswith: { pandas: 'endswith', polars: 'ends_with', sql: 'ends_with', args: [1] },
};

/** NumPy ufuncs with polars methods and SQL functions of the same meaning. */
export const UFUNCS: Record<string, { polars: string; sql: string }> = {
  sqrt: { polars: 'sqrt', sql: 'sqrt' },
  exp: { polars: 'exp', sql: 'exp' },
  log: { polars: 'log', sql: 'ln' },
  log10: { polars: 'log10', sql: 'log10' },
  log1p: { polars: 'log1p', sql: 'ln1p' },
  abs: { polars: 'abs', sql: 'abs' },
  floor: { polars: 'floor', sql: 'floor' },
  ceil: { polars: 'ceil', sql: 'ceil' },
  sign: { polars: 'sign', sql: 'sign' },
};

export const DATETIME_PARTS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second', 'quarter']);

// Builtins that are functions, not values: `x * len` is not arithmetic on a constant.
export const BUILTIN_NAMES = new Set(['abs', 'all', 'any', 'bool', 'dict', 'float', 'int', 'len', 'list', 'map', 'max', 'min', 'print', 'range', 'round', 'set', 'sorted', 'str', 'sum', 'tuple', 'type', 'zip']);
