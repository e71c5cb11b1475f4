// pandas-series-apply-lambda: `s.apply(lambda x: ...)` / `s.map(lambda x: ...)` (or a plain
// function such as `str.lower`, `len`, `float`, `np.sqrt`, `pd.to_datetime`) on a Series,
// where a vectorised form exists:
//   df["price"].apply(lambda x: x * 1.2)        → df["price"] * 1.2
//   df["name"].map(lambda s: s.strip().lower()) → df["name"].str.strip().str.lower()
//   df["ts"].apply(pd.to_datetime)              → pd.to_datetime(df["ts"])
// Lambdas that do something else are not reported: there is nothing better to suggest.
// The fix is unsafe: vectorised string methods return NaN for missing values where the
// lambda would raise, and dtypes of the result can differ.
import type { Node } from 'web-tree-sitter';
import { callParts, isFrameColumnName, isPure, pandasKind, stringValue, subscriptKeys, unparenthesize } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { confidence, moduleNames, oneLine, pythonBlock, sections, type Names } from '../pandas-hover';
import { isBuiltin, pyString, translate, type Ref } from '../pandas-translate';
import type { Fix } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-series-apply-lambda', `
(call function: (attribute object: (_) @series attribute: (identifier) @method (#any-of? @method "apply" "map")) arguments: (argument_list . (_) @func .)) @call
`);

/** Plain functions with a vectorised equivalent: `s.apply(len)` → `s.str.len()`. */
const BUILTINS: Record<string, { pandas: (s: string) => string; polars: (c: string, pl: string) => string }> = {
  len: { pandas: (s) => `${s}.str.len()`, polars: (c) => `${c}.str.len_chars()` },
  str: { pandas: (s) => `${s}.astype(str)`, polars: (c, pl) => `${c}.cast(${pl}.String)` },
  float: { pandas: (s) => `${s}.astype(float)`, polars: (c, pl) => `${c}.cast(${pl}.Float64)` },
  int: { pandas: (s) => `${s}.astype(int)`, polars: (c, pl) => `${c}.cast(${pl}.Int64)` },
  abs: { pandas: (s) => `${s}.abs()`, polars: (c) => `${c}.abs()` },
};
const STR_METHODS: Record<string, string> = { lower: 'to_lowercase', upper: 'to_uppercase', strip: 'strip_chars', title: 'to_titlecase', lstrip: 'strip_chars_start', rstrip: 'strip_chars_end' };
const PANDAS_FUNCTIONS: Record<string, (c: string, pl: string) => string> = {
  to_datetime: (c) => `${c}.str.to_datetime()`,
  to_numeric: (c, pl) => `${c}.cast(${pl}.Float64, strict=False)`,
};

export function createPandasSeriesApplyLambda(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { series, method, func, call } of pandasMatches(context)) {
        if (pandasKind(series, facts) !== 'series' || !context.isSound(call)) continue;
        const parts = callParts(call);
        if (!parts || parts.keywords.size || parts.hasSplat) continue;
        const result = func.type === 'lambda' ? fromLambda(func, series, context, names) : fromFunction(func, series, context, names);
        if (!result) continue;
        const fixes: Fix[] = [];
        if (result.fix) {
          const text = needsParentheses(call) && !result.atomic ? `(${result.fix})` : result.fix;
          fixes.push({ title: `Vectorise: \`${oneLine(text, 60)}\` (missing values and dtypes can differ)`, safety: 'unsafe', edits: [{ start: call.startIndex, end: call.endIndex, newText: text }] });
        }
        context.report({
          node: call,
          data: { series: oneLine(series.text), method: method.text },
          fixes,
          suggestion: sections(
            'The same on the whole column, in compiled code:',
            pythonBlock([result.pandas]),
            result.polars && `polars:\n\n${pythonBlock([result.polars])}`,
            confidence(names),
          ),
        });
      }
    },
  };
}

interface Vectorised {
  pandas: string;
  polars?: string;
  fix?: string;
  atomic: boolean;
}

/** The Series as a polars expression: `pl.col("price")` for `df["price"]` / `df.price`. */
function polarsColumn(series: Node, names: Names): string {
  const inner = unparenthesize(series);
  if (inner.type === 'subscript') {
    const keys = subscriptKeys(inner);
    const column = keys.length === 1 ? stringValue(keys[0]) : undefined;
    if (column !== undefined) return `${names.pl}.col(${pyString(column)})`;
  }
  if (inner.type === 'attribute') {
    const name = inner.childForFieldName('attribute')!.text;
    if (isFrameColumnName(name)) return `${names.pl}.col(${pyString(name)})`;
  }
  return series.text;
}

function fromLambda(func: Node, series: Node, context: CheckContext, names: Names): Vectorised | undefined {
  const params = func.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => !!c) ?? [];
  const body = func.childForFieldName('body');
  if (params.length !== 1 || params[0].type !== 'identifier' || !body) return undefined;
  const element = params[0].text;
  let uses = 0;
  const ref = (node: Node): Ref | undefined => {
    if (node.type !== 'identifier' || node.text !== element) return undefined;
    uses++;
    return { pandas: series.text, polars: polarsColumn(series, names) };
  };
  const tc = { facts: context.facts, ref, reserved: new Set([element]), polars: names.pl, numpy: names.np };
  const pandas = translate(body, 'pandas', tc);
  if (!pandas || uses === 0 || unparenthesize(body).type === 'identifier') return undefined;
  const polars = translate(body, 'polars', tc);
  // The Series is written once per use of the element: it must be cheap and side-effect free.
  const fixable = !pandas.array && !pandas.assumesText && (!pandas.numpy || names.hasNumpy) && (uses === 1 || isPure(series));
  return { pandas: pandas.text, polars: polars?.text, fix: fixable ? pandas.text : undefined, atomic: pandas.atomic };
}

function fromFunction(func: Node, series: Node, context: CheckContext, names: Names): Vectorised | undefined {
  const { facts } = context;
  const s = unparenthesize(series).type === 'identifier' || unparenthesize(series).type === 'subscript' || unparenthesize(series).type === 'attribute' ? series.text : `(${series.text})`;
  const column = polarsColumn(series, names);
  if (func.type === 'identifier' && isBuiltin(func, facts) && BUILTINS[func.text]) {
    const b = BUILTINS[func.text];
    const text = b.pandas(s);
    return { pandas: text, polars: b.polars(column, names.pl), fix: text, atomic: true };
  }
  if (func.type === 'attribute') {
    const object = func.childForFieldName('object')!;
    const name = func.childForFieldName('attribute')!.text;
    if (object.type === 'identifier' && object.text === 'str' && isBuiltin(object, facts) && STR_METHODS[name]) {
      const text = `${s}.str.${name}()`;
      return { pandas: text, polars: `${column}.str.${STR_METHODS[name]}()`, fix: text, atomic: true };
    }
    const qualified = facts.resolve(func);
    if (qualified?.startsWith('numpy.') && ['sqrt', 'exp', 'log', 'log10', 'log1p', 'abs', 'floor', 'ceil', 'sign'].includes(qualified.slice(6))) {
      const text = `${func.text}(${series.text})`;
      return { pandas: text, polars: `${column}.${qualified.slice(6)}()`, fix: text, atomic: true };
    }
    if (qualified?.startsWith('pandas.') && PANDAS_FUNCTIONS[qualified.slice(7)]) {
      const text = `${func.text}(${series.text})`;
      return { pandas: text, polars: PANDAS_FUNCTIONS[qualified.slice(7)](column, names.pl), fix: text, atomic: true };
    }
  }
  return undefined;
}

function needsParentheses(call: Node): boolean {
  const parent = call.parent;
  return !!parent && ['attribute', 'subscript', 'binary_operator', 'unary_operator', 'comparison_operator', 'not_operator', 'boolean_operator', 'await'].includes(parent.type);
}
