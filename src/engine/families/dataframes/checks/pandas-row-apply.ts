// pandas-row-apply: `df.apply(f, axis=1)` calls a Python function once per row, on a
// Series built for that row. When `f` is a lambda whose body is column arithmetic,
// comparisons, string methods or NumPy ufuncs of the row's fields, the hover shows the
// vectorised expression (and its polars form) and an unsafe fix substitutes it:
//   df.apply(lambda r: r["price"] * r["qty"], axis=1)  →  df["price"] * df["qty"]
// Unsafe because the results can differ at the edges: an empty frame gives an empty
// DataFrame from `apply` but an empty Series here, and the Series' name may differ.
import type { Node } from 'web-tree-sitter';
import { callParts, isPure, isSeriesLabelName, pandasKind, stringList, stringValue, subscriptKeys, unparenthesize } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { confidence, importLine, moduleNames, oneLine, pythonBlock, sections, type Names } from '../pandas-hover';
import { pyString, translate, type Ref } from '../pandas-translate';
import type { Fix } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-row-apply', `
(call function: (attribute object: (_) @frame attribute: (identifier) @method (#eq? @method "apply")) arguments: (argument_list . (_) @func)) @call
`);

export function createPandasRowApply(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { frame, func, call } of pandasMatches(context)) {
        const kind = pandasKind(frame, facts);
        if ((kind !== 'frame' && kind !== 'data') || !context.isSound(call)) continue;
        const parts = callParts(call);
        if (!parts || parts.hasSplat) continue;
        const axis = parts.keywords.get('axis') ?? parts.positional[1];
        if (!axis || !(axis.text === '1' || stringValue(axis) === 'columns')) continue;
        const vectorised = func.type === 'lambda' && [...parts.keywords.keys()].every((k) => k === 'axis') && parts.positional.length <= 2 ? vectorise(func, frame, call, context, names) : undefined;
        const fixes: Fix[] = [];
        if (vectorised?.fix) {
          fixes.push({ title: `Vectorise: \`${oneLine(vectorised.fix, 60)}\` (empty frames and result names differ)`, safety: 'unsafe', edits: [{ start: call.startIndex, end: call.endIndex, newText: vectorised.fix }] });
        }
        context.report({
          node: call,
          data: { frame: oneLine(frame.text) },
          fixes,
          suggestion: sections(
            vectorised ? 'The same on whole columns, without a Python call per row:' : 'Rewrite the function on whole columns: arithmetic, comparisons, `np.where()`/`np.select()` for conditions, `.str`/`.dt` methods. Those run once per column in compiled code instead of once per row in Python.',
            vectorised && pythonBlock([vectorised.pandas]),
            vectorised?.polars && `polars (in \`with_columns\` or \`select\`):\n\n${pythonBlock([...importLine(names, 'polars'), vectorised.polars])}`,
            !vectorised && `In polars the last resort is \`df.map_rows(f)\`; native expressions are the fast path.`,
            confidence(names),
          ),
        });
      }
    },
  };
}

/** The lambda's body on whole columns: pandas text, polars text, and the fix text (if any). */
function vectorise(func: Node, frame: Node, call: Node, context: CheckContext, names: Names): { pandas: string; polars?: string; fix?: string } | undefined {
  const parameters = func.childForFieldName('parameters');
  const params = parameters?.namedChildren.filter((c): c is Node => !!c) ?? [];
  const body = func.childForFieldName('body');
  if (params.length !== 1 || params[0].type !== 'identifier' || !body) return undefined;
  const row = params[0].text;
  // `df[["a", "b"]].apply(...)`: the columns come from `df`.
  const source = columnSource(frame);
  const columnRef = (node: Node): string | undefined => {
    if (node.type === 'subscript' && node.childForFieldName('value')?.text === row) {
      const keys = subscriptKeys(node);
      return keys.length === 1 ? stringValue(keys[0]) : undefined;
    }
    if (node.type === 'attribute' && node.childForFieldName('object')?.text === row) {
      const name = node.childForFieldName('attribute')!.text;
      return isSeriesLabelName(name) ? name : undefined;
    }
    return undefined;
  };
  const columns: string[] = [];
  const ref = (node: Node): Ref | undefined => {
    const column = columnRef(node);
    if (column === undefined) return undefined;
    columns.push(column);
    return { pandas: `${source.text}[${pyString(column)}]`, polars: `${names.pl}.col(${pyString(column)})` };
  };
  const tc = { facts: context.facts, ref, reserved: new Set([row]), polars: names.pl, numpy: names.np };
  const pandas = translate(body, 'pandas', tc);
  if (!pandas || !columns.length) return undefined;
  const polars = translate(body, 'polars', tc);
  const fixable = source.pure && !pandas.array && !pandas.assumesText && (!pandas.numpy || names.hasNumpy) && (!source.columns || columns.every((c) => source.columns!.includes(c)));
  const text = pandas.text;
  return { pandas: text, polars: polars?.text, fix: fixable ? (needsParentheses(call) && !pandas.atomic ? `(${text})` : text) : undefined };
}

/** Where the columns are read from: the frame, or `df` for `df[["a", "b"]]`. */
function columnSource(frame: Node): { text: string; pure: boolean; columns?: string[] } {
  const inner = unparenthesize(frame);
  if (inner.type === 'subscript') {
    const keys = subscriptKeys(inner);
    const list = keys.length === 1 && keys[0].type === 'list' ? stringList(keys[0]) : undefined;
    const base = inner.childForFieldName('value')!;
    if (list && isPure(base)) return { text: base.text, pure: true, columns: list };
  }
  return { text: frame.text, pure: isPure(frame) };
}

/** The call sits where an operator expression needs brackets (`.round()`, `-x`, `x * 2`). */
function needsParentheses(call: Node): boolean {
  const parent = call.parent;
  if (!parent) return false;
  return ['attribute', 'subscript', 'binary_operator', 'unary_operator', 'comparison_operator', 'not_operator', 'boolean_operator', 'await'].includes(parent.type);
}
