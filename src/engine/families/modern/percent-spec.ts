// printf-style (`%`) templates, parsed from a literal's source text as CPython reads them
// (Objects/unicodeobject.c, PyUnicode_Format): `%[(key)][flags][width][.precision][length]type`.
// And the `str.format` spelling of one directive, where one means the same (pyupgrade's rules).

export interface PercentDirective {
  /** Offsets of `%` and just after the type letter, in the parsed text. */
  start: number;
  end: number;
  /** The mapping key of `%(key)s`, or undefined. */
  key: string | undefined;
  flags: string;
  width: string;
  /** The digits after `.`, or undefined when there is no `.`. */
  precision: string | undefined;
  /** `l`, `h` or `L`, ignored by Python. */
  length: string;
  /** The conversion letter, or `%` for `%%`. */
  type: string;
}

const TYPES = 'diouxXeEfFgGcrsa%';

/** The directives of a template, or undefined where Python would raise on it. */
export function parsePercentTemplate(text: string): PercentDirective[] | undefined {
  const result: PercentDirective[] = [];
  let i = 0;
  while ((i = text.indexOf('%', i)) >= 0) {
    const start = i++;
    let key: string | undefined;
    if (text[i] === '(') {
      // Parentheses nest inside the key, as CPython counts them.
      let depth = 1;
      let k = i + 1;
      for (; k < text.length && depth; k++) {
        if (text[k] === '(') depth++;
        else if (text[k] === ')') depth--;
      }
      if (depth) return undefined;
      key = text.slice(i + 1, k - 1);
      i = k;
    }
    const flags = /^[-+ #0]*/.exec(text.slice(i))![0];
    i += flags.length;
    const width = /^(?:\*|\d*)/.exec(text.slice(i))![0];
    i += width.length;
    let precision: string | undefined;
    if (text[i] === '.') {
      precision = /^(?:\*|\d*)/.exec(text.slice(i + 1))![0];
      i += 1 + precision.length;
    }
    const length = /^[hlL]?/.exec(text.slice(i))![0];
    i += length.length;
    const type = text[i];
    if (!type || !TYPES.includes(type)) return undefined;
    i++;
    result.push({ start, end: i, key, flags, width, precision, length, type });
  }
  return result;
}

/**
 * The `{…}` field for a directive, or undefined when `str.format` has no faithful spelling:
 * `*` widths, `d`/`i`/`u`/`c` (they truncate floats and take code points), `%.3x`, length
 * letters, and `%s`/`%r`/`%a` with a width, precision or flag (`format(None, ">5")` raises).
 */
export function formatField(directive: PercentDirective, name: string): string | undefined {
  const { flags, width, precision, length, type } = directive;
  if (type === '%') return directive.key === undefined && !flags && !width && precision === undefined && !length ? '%' : undefined;
  if (width === '*' || precision === '*' || length) return undefined;
  if ('diuc'.includes(type)) return undefined;
  // `%.3x` pads the digits with zeros; `{:.3x}` is an error.
  if ('xXo'.includes(type) && precision !== undefined) return undefined;
  const conversion = type === 'r' || type === 'a' ? `!${type}` : '';
  if ('sra'.includes(type)) return flags || width || precision !== undefined ? undefined : `{${name}${conversion}}`;
  const align = flags.includes('-') ? '<' : '';
  const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const alternate = flags.includes('#') ? '#' : '';
  const zero = flags.includes('0') && !align ? '0' : '';
  const spec = `${align}${sign}${alternate}${zero}${width}${precision === undefined ? '' : `.${precision || '0'}`}${type}`;
  return `{${name}:${spec}}`;
}
