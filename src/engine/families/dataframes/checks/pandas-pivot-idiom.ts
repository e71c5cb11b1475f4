// pandas-pivot-idiom: `df.pivot_table(...)`, `df.pivot(...)`, `pd.pivot_table(df, ...)` and
// the groupby idiom `df.groupby(["a", "b"])["v"].sum().unstack()`. The hover shows the
// polars `pivot` (renamed arguments: `columns` → `on`, `aggfunc` → `aggregate_function`)
// and DuckDB's `PIVOT`, built from the call. Guidance only (hint), no fix.
import type { Node } from 'web-tree-sitter';
import { callParts, pandasFunction, pandasKind, stringOrList, stringValue, subscriptKeys, unparenthesize, type CallParts } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { bullets, chainLines, confidence, importLine, moduleNames, oneLine, pythonBlock, sections, type Names } from '../pandas-hover';
import { pyString, sqlIdentifier } from '../pandas-translate';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-pivot-idiom', `
(call function: (attribute object: (_) @object attribute: (identifier) @method (#any-of? @method "pivot" "pivot_table" "unstack"))) @call
(call function: (identifier) @function) @call
`);

/** pandas aggfunc names → polars `aggregate_function` and SQL functions. */
const AGGFUNCS: Record<string, { polars: string; sql: string; note?: string }> = {
  mean: { polars: 'mean', sql: 'avg' }, sum: { polars: 'sum', sql: 'sum' }, min: { polars: 'min', sql: 'min' },
  max: { polars: 'max', sql: 'max' }, median: { polars: 'median', sql: 'median' }, first: { polars: 'first', sql: 'first' },
  last: { polars: 'last', sql: 'last' }, size: { polars: 'len', sql: 'count' },
  count: { polars: 'len', sql: 'count', note: 'polars `"len"` counts rows including nulls; pandas `"count"` skips them' },
};

interface Pivot {
  frame: string;
  index?: string;
  on?: string;
  values?: string;
  /** The aggregation, as a pandas name; undefined for `pivot` (no aggregation). */
  agg?: string;
  fill?: string;
  notes: string[];
  /** Plain column names for SQL. */
  sql?: { index: string[]; on: string[]; values: string[] };
}

export function createPandasPivotIdiom(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { object, method, function: fn, call } of pandasMatches(context)) {
        if (!context.isSound(call)) continue;
        const parts = callParts(call);
        if (!parts) continue;
        let pivot: Pivot | undefined;
        let label: string;
        /** `pivot`, `pivot_table` or `unstack`: what the user called. */
        let called: string;
        if (fn) {
          const qualified = pandasFunction(call, facts);
          if (qualified !== 'pandas.pivot' && qualified !== 'pandas.pivot_table') continue;
          const data = parts.positional[0] ?? parts.keywords.get('data');
          if (!data) continue;
          called = qualified.slice(7);
          pivot = fromPivotCall(called, parts, data.text, 1);
          label = `${oneLine(fn.text)}()`;
        } else if (method.text === 'unstack') {
          pivot = fromUnstack(object, parts, context);
          if (!pivot) continue;
          called = 'unstack';
          label = '.groupby(...).unstack()';
        } else {
          const qualified = facts.resolve(call.childForFieldName('function')!);
          if (qualified === 'pandas.pivot' || qualified === 'pandas.pivot_table') {
            const data = parts.positional[0] ?? parts.keywords.get('data');
            if (!data) continue;
            called = qualified.slice(7);
            pivot = fromPivotCall(called, parts, data.text, 1);
          } else {
            if (pandasKind(object, facts) !== 'frame') continue;
            called = method.text;
            pivot = fromPivotCall(called, parts, object.text, 0);
          }
          label = `.${method.text}()`;
        }
        // PD010 asks for `.pivot_table()` over `.pivot()` and `.unstack()`: it flags those two.
        const peer = called === 'pivot' || called === 'unstack' ? 'PD010' : null;
        context.report({ node: call, data: { call: label }, suggestion: suggestion(pivot, names), peer });
      }
    },
  };
}

function fromPivotCall(name: string, parts: CallParts, frame: string, skip: number): Pivot {
  const notes: string[] = [];
  const table = name === 'pivot_table';
  // pivot(index, columns, values); pivot_table(values, index, columns, aggfunc, fill_value, ...)
  const order = table ? ['values', 'index', 'columns', 'aggfunc', 'fill_value', 'margins', 'dropna'] : ['columns', 'index', 'values'];
  const args = new Map<string, Node>();
  parts.positional.slice(skip).forEach((node, i) => order[i] && args.set(order[i], node));
  for (const [key, value] of parts.keywords) if (key !== 'data') args.set(key, value);
  const pivot: Pivot = { frame, notes };
  const plain: Record<string, string[] | undefined> = {};
  for (const [key, value] of args) {
    switch (key) {
      case 'index':
        pivot.index = value.text;
        plain.index = stringOrList(value);
        break;
      case 'columns':
        pivot.on = value.text;
        plain.on = stringOrList(value);
        break;
      case 'values':
        pivot.values = value.text;
        plain.values = stringOrList(value);
        break;
      case 'aggfunc': {
        const agg = stringValue(value) ?? (/^(?:np|numpy)\.(\w+)$/.exec(value.text)?.[1]) ?? (['sum', 'min', 'max', 'len'].includes(value.text) ? value.text : undefined);
        if (agg && AGGFUNCS[agg === 'len' ? 'size' : agg]) pivot.agg = agg === 'len' ? 'size' : agg;
        else notes.push(`\`aggfunc=${oneLine(value.text, 30)}\`: pass a polars expression as \`aggregate_function\` (e.g. \`pl.element().sum()\`)`);
        break;
      }
      case 'fill_value':
        pivot.fill = value.text;
        break;
      case 'margins':
        if (value.type !== 'false') notes.push('`margins=True` has no polars equivalent: add the totals with a separate `group_by`');
        break;
      case 'sort':
        notes.push('polars keeps the order in which values first appear: `.sort(...)` the result to match pandas\' sorted output');
        break;
      case 'observed':
      case 'dropna':
        break;
      default:
        notes.push(`\`${key}\` is not translated`);
    }
  }
  if (table && !args.has('aggfunc')) pivot.agg = 'mean';
  if (!table) notes.push('without an aggregation, polars raises on duplicate index/column pairs, as `pandas.pivot` does');
  if (plain.index && plain.on && plain.values) pivot.sql = { index: plain.index, on: plain.on, values: plain.values };
  if (parts.hasSplat) notes.push('arguments passed with `*`/`**` are not translated');
  return pivot;
}

/** `df.groupby(["a", "b"])["v"].sum().unstack()` → pivot(on="b", index="a", values="v", "sum"). */
function fromUnstack(object: Node, parts: CallParts, context: CheckContext): Pivot | undefined {
  const aggCall = unparenthesize(object);
  const agg = callParts(aggCall);
  if (!agg?.receiver || agg.positional.length || agg.keywords.size || !AGGFUNCS[agg.name]) return undefined;
  let selection = unparenthesize(agg.receiver);
  let values: string | undefined;
  if (selection.type === 'subscript') {
    const keys = subscriptKeys(selection);
    values = keys.length === 1 ? stringValue(keys[0]) : undefined;
    if (values === undefined) return undefined;
    selection = unparenthesize(selection.childForFieldName('value')!);
  }
  const groupby = callParts(selection);
  if (!groupby?.receiver || groupby.name !== 'groupby' || pandasKind(groupby.receiver, context.facts) !== 'frame') return undefined;
  const by = groupby.positional[0] ?? groupby.keywords.get('by');
  const keys = by ? stringOrList(by) : undefined;
  if (!keys || keys.length !== 2 || values === undefined) return undefined;
  const level = parts.positional[0] ?? parts.keywords.get('level');
  let onIndex = 1;
  if (level) {
    const named = stringValue(level);
    if (named !== undefined && keys.includes(named)) onIndex = keys.indexOf(named);
    else if (level.text === '0' || level.text === '-2') onIndex = 0;
    else if (level.text !== '1' && level.text !== '-1') return undefined;
  }
  const on = keys[onIndex];
  const index = keys[1 - onIndex];
  const fill = parts.keywords.get('fill_value')?.text;
  return {
    frame: groupby.receiver.text,
    index: pyString(index),
    on: pyString(on),
    values: pyString(values),
    agg: agg.name,
    fill,
    notes: [],
    sql: { index: [index], on: [on], values: [values] },
  };
}

function suggestion(pivot: Pivot, names: Names): string {
  const args = [pivot.on && `on=${pivot.on}`, pivot.index && `index=${pivot.index}`, pivot.values && `values=${pivot.values}`];
  const agg = pivot.agg ? AGGFUNCS[pivot.agg] : undefined;
  if (agg) args.push(`aggregate_function=${pyString(agg.polars)}`);
  const steps = [`${oneLine(pivot.frame, 40)}.pivot(${args.filter(Boolean).join(', ')})`];
  if (pivot.fill) steps.push(`.fill_null(${pivot.fill})`);
  const notes = [...pivot.notes];
  if (agg?.note) notes.push(agg.note);
  let duckdb: string | undefined;
  if (pivot.sql && agg && pivot.sql.values.length === 1 && /^\w+$/.test(pivot.frame)) {
    const { index, on, values } = pivot.sql;
    const sql = `PIVOT ${pivot.frame} ON ${on.map(sqlIdentifier).join(', ')} USING ${agg.sql}(${sqlIdentifier(values[0])}) GROUP BY ${index.map(sqlIdentifier).join(', ')}`;
    duckdb = `${names.duckdb}.sql(${pyString(sql)}).df()`;
  }
  return sections(
    `polars (with \`${oneLine(pivot.frame, 30)}\` as a polars frame; \`pivot\` is eager):`,
    pythonBlock([...importLine(names, 'polars'), ...chainLines(undefined, steps)]),
    bullets(notes),
    duckdb && `DuckDB, on the pandas frame as it is:\n\n${pythonBlock([...importLine(names, 'duckdb'), duckdb])}`,
    'polars has no index: the `index` columns stay ordinary columns of the result.',
    confidence(names),
  );
}
