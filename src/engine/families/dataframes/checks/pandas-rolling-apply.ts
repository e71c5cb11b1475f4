// pandas-rolling-apply: `x.rolling(n).apply(f)` / `x.expanding().apply(f)` on a provable
// pandas Series, DataFrame or groupby: one Python call per window. The hover names the
// built-in aggregation when `f` is one (`np.mean`, `lambda w: w.std()`, `lambda w: np.max(w)`)
// with its polars expression, and otherwise points to `raw=True` / `engine="numba"`.
// Silent when `engine="numba"` is already given. No fix.
import type { Node } from 'web-tree-sitter';
import { callParts, pandasKind, stringValue, unparenthesize } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { confidence, importLine, moduleNames, oneLine, pythonBlock, sections } from '../pandas-hover';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-rolling-apply', `
(call function: (attribute object: (_) @windowed attribute: (identifier) @method (#eq? @method "apply")) arguments: (argument_list . (_) @func)) @call
`);

/** Window aggregations pandas has built in → the polars expression method. */
const WINDOW_AGGREGATIONS: Record<string, string> = {
  mean: 'rolling_mean', sum: 'rolling_sum', std: 'rolling_std', var: 'rolling_var', min: 'rolling_min', max: 'rolling_max',
  median: 'rolling_median', skew: 'rolling_skew',
};
const NUMPY_AGGREGATIONS: Record<string, string> = {
  'numpy.mean': 'mean', 'numpy.nanmean': 'mean', 'numpy.sum': 'sum', 'numpy.nansum': 'sum', 'numpy.std': 'std', 'numpy.var': 'var',
  'numpy.min': 'min', 'numpy.amin': 'min', 'numpy.nanmin': 'min', 'numpy.max': 'max', 'numpy.amax': 'max', 'numpy.nanmax': 'max',
  'numpy.median': 'median', 'numpy.nanmedian': 'median',
};

export function createPandasRollingApply(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { windowed, func, call } of pandasMatches(context)) {
        if (!context.isSound(call)) continue;
        const window = windowCall(windowed, context);
        if (!window) continue;
        const parts = callParts(call);
        if (!parts || parts.hasSplat || stringValue(parts.keywords.get('engine')) === 'numba') continue;
        const builtin = aggregationOf(func, parts.keywords.get('raw')?.type === 'true', context);
        // `std`/`var` of NumPy default to ddof=0, pandas' to ddof=1: name the difference.
        const ddof = builtin && (builtin.agg === 'std' || builtin.agg === 'var') && builtin.numpy ? ' (with `ddof=0`, as NumPy computes it)' : '';
        const windowText = oneLine(windowed.text, 50);
        const size = window.size && window.size.type === 'integer' ? window.size.text : undefined;
        context.report({
          node: call,
          data: { window: window.name, func: func.type === 'lambda' ? 'lambda ...' : oneLine(func.text, 30) },
          suggestion: sections(
            builtin
              ? `The built-in window aggregation${ddof}, in compiled code:\n\n${pythonBlock([`${windowText}.${builtin.agg}(${ddof ? 'ddof=0' : ''})`])}`
              : 'If the function is custom, `apply(f, raw=True)` hands it NumPy arrays instead of a Series per window, and `engine="numba"` (with `raw=True`) compiles it once for all windows.',
            builtin && size && window.name === 'rolling' && WINDOW_AGGREGATIONS[builtin.agg]
              ? `polars, as an expression:\n\n${pythonBlock([...importLine(names, 'polars'), `${names.pl}.col("x").${WINDOW_AGGREGATIONS[builtin.agg]}(${size}${ddof ? ', ddof=0' : ''})`])}`
              : undefined,
            confidence(names),
          ),
        });
      }
    },
  };
}

/** `x.rolling(...)` / `x.expanding(...)` (a column may be selected after it) on pandas data. */
function windowCall(node: Node, context: CheckContext): { name: string; size?: Node } | undefined {
  let inner = unparenthesize(node);
  if (inner.type === 'subscript') inner = unparenthesize(inner.childForFieldName('value')!);
  const parts = callParts(inner);
  if (!parts?.receiver || (parts.name !== 'rolling' && parts.name !== 'expanding')) return undefined;
  const kind = pandasKind(parts.receiver, context.facts);
  if (kind !== 'frame' && kind !== 'series' && kind !== 'data' && kind !== 'groupby') return undefined;
  return { name: parts.name, size: parts.positional[0] ?? parts.keywords.get('window') };
}

/**
 * `np.mean`, `lambda w: w.mean()`, `lambda w: np.mean(w)`: the pandas aggregation name, and
 * whether NumPy computes it (a NumPy function, or a method of the arrays `raw=True` passes).
 */
function aggregationOf(func: Node, raw: boolean, context: CheckContext): { agg: string; numpy: boolean } | undefined {
  const inner = unparenthesize(func);
  if (inner.type === 'attribute' || inner.type === 'identifier') {
    const agg = NUMPY_AGGREGATIONS[context.facts.resolve(inner) ?? ''];
    return agg ? { agg, numpy: true } : undefined;
  }
  if (inner.type !== 'lambda') return undefined;
  const params = inner.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => !!c) ?? [];
  const body = inner.childForFieldName('body');
  if (params.length !== 1 || params[0].type !== 'identifier' || !body) return undefined;
  const parts = callParts(unparenthesize(body));
  if (!parts || parts.hasSplat || parts.keywords.size) return undefined;
  if (parts.receiver) {
    const receiver = unparenthesize(parts.receiver);
    return receiver.type === 'identifier' && receiver.text === params[0].text && !parts.positional.length && WINDOW_AGGREGATIONS[parts.name] ? { agg: parts.name, numpy: raw } : undefined;
  }
  const agg = NUMPY_AGGREGATIONS[context.facts.resolve(parts.nameNode) ?? ''];
  return agg && parts.positional.length === 1 && parts.positional[0].text === params[0].text ? { agg, numpy: true } : undefined;
}
