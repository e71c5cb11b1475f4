// pandas-groupby-apply-lambda: `df.groupby(k).apply(lambda g: g["v"].sum())` and the same
// through `agg`/`aggregate`/`transform` or with a one-`return` def of this file
// (`def total(g): return g["v"].sum()` … `.apply(total)`), where the function is an aggregation pandas and
// polars already have: `df.groupby(k)["v"].sum()`, `.transform("mean")`,
// `pl.col("v").sum()`. Compound aggregations (`g.v.max() - g.v.min()`, weighted means)
// get the polars expression in the hover. A single aggregation also gets an unsafe fix.
import type { Node } from 'web-tree-sitter';
import { callParts, definitionOf, isFrameColumnName, pandasKind, PANDAS_MEMBERS, stringOrList, stringValue, subscriptKeys, unparenthesize } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { chainLines, confidence, importLine, moduleNames, oneLine, pythonBlock, sections, wrap, type Names } from '../pandas-hover';
import { isBuiltin, pyString, translate, type Ref } from '../pandas-translate';
import type { Fix } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-groupby-apply-lambda', `
(call function: (attribute object: (_) @groupby attribute: (identifier) @method (#any-of? @method "apply" "agg" "aggregate" "transform")) arguments: (argument_list . [(lambda) (identifier)] @func)) @call
`);

/** pandas aggregation methods → polars expression methods. */
const AGGREGATIONS: Record<string, string> = {
  sum: 'sum', mean: 'mean', median: 'median', min: 'min', max: 'max', std: 'std', var: 'var', count: 'count',
  nunique: 'n_unique', prod: 'product', any: 'any', all: 'all', skew: 'skew',
};

interface GroupBy {
  frame: Node;
  /** The whole `df.groupby(...)[...]` text. */
  text: string;
  /** Key names for polars, when the keys are column names. */
  keys?: string[];
  /** The column selected after `groupby(...)`, if one. */
  column?: string;
}

export function createPandasGroupbyApplyLambda(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { groupby, method, func, call } of pandasMatches(context)) {
        if (!context.isSound(call)) continue;
        const gb = groupByOf(groupby, context);
        if (!gb) continue;
        const parts = callParts(call);
        if (!parts || parts.hasSplat || parts.positional.length !== 1 || [...parts.keywords.keys()].some((k) => k !== 'include_groups')) continue;
        const aggregator = aggregatorOf(func, context);
        if (!aggregator) continue;
        const analysis = analyse(aggregator.params, aggregator.body, gb, context, names);
        if (!analysis) continue;
        const transform = method.text === 'transform';
        let pandas: string | undefined;
        if (analysis.single) {
          const { agg, column } = analysis.single;
          const selected = column !== undefined && gb.column === undefined ? `${groupby.text}[${pyString(column)}]` : groupby.text;
          pandas = transform ? `${selected}.transform(${pyString(agg)})` : `${selected}.${agg}()`;
        } else if (analysis.pandasCompound && !transform) {
          pandas = analysis.pandasCompound;
        }
        const fixes: Fix[] = analysis.single && pandas ? [{ title: `Use the aggregation: \`${oneLine(pandas, 60)}\` (the result's name and dtype can differ)`, safety: 'unsafe', edits: [{ start: call.startIndex, end: call.endIndex, newText: pandas }] }] : [];
        const alias = pyString(gb.column ?? analysis.single?.column ?? 'value');
        const polars = gb.keys
          ? transform
            ? chainLines(undefined, [`${oneLine(gb.frame.text, 30)}.with_columns(`, `${wrap(analysis.polars)}.over(${gb.keys.map(pyString).join(', ')}).alias(${alias})`, ')']).join('')
            : chainLines(undefined, [`${oneLine(gb.frame.text, 30)}.group_by(${gb.keys.map(pyString).join(', ')})`, `.agg(${wrap(analysis.polars)}.alias(${alias}))`, `.sort(${gb.keys.map(pyString).join(', ')})`])
          : undefined;
        context.report({
          node: call,
          data: { method: method.text, func: func.type === 'lambda' ? 'lambda ...' : func.text },
          fixes,
          suggestion: sections(
            pandas ? `The built-in aggregation, in compiled code:\n\n${pythonBlock([pandas])}` : 'pandas has no single built-in for this expression; compute its aggregations with built-ins and combine them.',
            polars && `polars, one expression per group (with \`${oneLine(gb.frame.text, 20)}\` as a polars frame):\n\n${pythonBlock([...importLine(names, 'polars'), ...(Array.isArray(polars) ? polars : [polars])])}`,
            confidence(names),
          ),
        });
      }
    },
  };
}

/** `df.groupby(keys)`, `df.groupby(keys)["v"]`, `df.groupby(keys).v` on a provable frame. */
function groupByOf(node: Node, context: CheckContext): GroupBy | undefined {
  let inner = unparenthesize(node);
  let column: string | undefined;
  if (inner.type === 'subscript') {
    const keys = subscriptKeys(inner);
    column = keys.length === 1 ? stringValue(keys[0]) : undefined;
    if (column === undefined) return undefined;
    inner = unparenthesize(inner.childForFieldName('value')!);
  } else if (inner.type === 'attribute') {
    const name = inner.childForFieldName('attribute')!.text;
    if (PANDAS_MEMBERS.has(name) || name.startsWith('_')) return undefined;
    column = name;
    inner = unparenthesize(inner.childForFieldName('object')!);
  }
  const parts = callParts(inner);
  if (!parts?.receiver || parts.name !== 'groupby' || parts.hasSplat) return undefined;
  const kind = pandasKind(parts.receiver, context.facts);
  if (kind !== 'frame' && kind !== 'data') return undefined;
  const by = parts.positional[0] ?? parts.keywords.get('by');
  return { frame: parts.receiver, text: node.text, keys: by ? stringOrList(by) : undefined, column };
}

interface Analysis {
  polars: string;
  /** A single aggregation of one column (or the group size). */
  single?: { agg: string; column?: string };
  /** Built-in aggregations combined with arithmetic, in pandas (`gb.max() - gb.min()`). */
  pandasCompound?: string;
}

/**
 * The parameters and result expression of the function applied: a lambda, or a def of this
 * file (bound once, undecorated, synchronous) whose body is one `return` (after a docstring).
 */
function aggregatorOf(func: Node, context: CheckContext): { params: Node[]; body: Node } | undefined {
  const definition = func.type === 'identifier' ? definitionOf(func, context.facts) : func;
  if (!definition) return undefined;
  const params = definition.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
  if (definition.type === 'lambda') {
    const body = definition.childForFieldName('body');
    return body ? { params, body } : undefined;
  }
  if (definition.parent?.type === 'decorated_definition' || definition.children.some((c) => c?.type === 'async')) return undefined;
  const statements = definition.childForFieldName('body')?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
  if (statements[0]?.type === 'expression_statement' && statements[0].firstNamedChild?.type === 'string' && statements.length > 1) statements.shift();
  const only = statements.length === 1 ? statements[0] : undefined;
  const value = only?.type === 'return_statement' ? only.firstNamedChild : undefined;
  return value && value.type !== 'comment' ? { params, body: value } : undefined;
}

function analyse(params: Node[], body: Node | null, gb: GroupBy, context: CheckContext, names: Names): Analysis | undefined {
  if (params.length !== 1 || params[0].type !== 'identifier' || !body) return undefined;
  const group = params[0].text;
  const seriesMode = gb.column !== undefined;
  const col = (name: string) => `${names.pl}.col(${pyString(name)})`;
  // A column of the group, as polars: `g["v"]`, `g.v`, or `s` itself for a selected column.
  const columnOf = (node: Node): string | undefined => {
    if (seriesMode) return node.type === 'identifier' && node.text === group ? gb.column : undefined;
    if (node.type === 'subscript' && node.childForFieldName('value')?.text === group) {
      const keys = subscriptKeys(node);
      return keys.length === 1 ? stringValue(keys[0]) : undefined;
    }
    if (node.type === 'attribute' && node.childForFieldName('object')?.text === group) {
      const name = node.childForFieldName('attribute')!.text;
      return isFrameColumnName(name) ? name : undefined;
    }
    return undefined;
  };
  const ref = (node: Node): Ref | undefined => {
    const name = columnOf(node);
    return name === undefined ? undefined : { pandas: node.text, polars: col(name) };
  };
  let aggregations = 0;
  let single: Analysis['single'];
  const gbText = oneLine(gb.text, 80);
  // Each part as [polars, pandas]; pandas only where it is built-in aggregations of the
  // selected column combined with arithmetic (aligned on the group keys).
  const render = (node: Node): [string, string | undefined] | undefined => {
    switch (node.type) {
      case 'parenthesized_expression': {
        const inner = node.firstNamedChild ? render(node.firstNamedChild) : undefined;
        return inner && [`(${inner[0]})`, inner[1] && `(${inner[1]})`];
      }
      case 'integer':
      case 'float':
        return [node.text, node.text];
      case 'unary_operator': {
        const argument = node.childForFieldName('argument');
        const inner = argument ? render(argument) : undefined;
        return inner && node.childForFieldName('operator')?.text === '-' ? [`-${inner[0]}`, inner[1] && `-${inner[1]}`] : undefined;
      }
      case 'binary_operator': {
        const op = node.childForFieldName('operator')?.text ?? '';
        if (!['+', '-', '*', '/', '**'].includes(op)) return undefined;
        const left = render(node.childForFieldName('left')!);
        const right = render(node.childForFieldName('right')!);
        return left && right ? [`${left[0]} ${op} ${right[0]}`, left[1] && right[1] && `${left[1]} ${op} ${right[1]}`] : undefined;
      }
      case 'call': {
        const parts = callParts(node);
        if (!parts || parts.hasSplat || parts.keywords.size) return undefined;
        if (!parts.receiver && parts.name === 'len' && isBuiltin(parts.nameNode, context.facts) && parts.positional.length === 1 && parts.positional[0].text === group) {
          aggregations++;
          single = { agg: 'size' };
          return [`${names.pl}.len()`, `${gbText}.size()`];
        }
        const polarsAgg = AGGREGATIONS[parts.name];
        if (!parts.receiver || !polarsAgg || parts.positional.length) return undefined;
        const column = columnOf(unparenthesize(parts.receiver));
        const target = translate(parts.receiver, 'polars', { facts: context.facts, ref, reserved: new Set([group]), polars: names.pl, numpy: names.np, series: true });
        if (!target || target.external) return undefined;
        aggregations++;
        single = column !== undefined ? { agg: parts.name, column: seriesMode ? undefined : column } : undefined;
        const pandas = seriesMode && column !== undefined ? `${gbText}.${parts.name}()` : undefined;
        return [`${target.atomic ? target.text : `(${target.text})`}.${polarsAgg}()`, pandas];
      }
      default:
        return undefined;
    }
  };
  const rendered = render(body);
  if (!rendered || aggregations === 0) return undefined;
  const [polars, pandas] = rendered;
  const onlyOne = aggregations === 1 && unparenthesize(body).type === 'call';
  const pandasCompound = !onlyOne ? pandas : undefined;
  return { polars, single: onlyOne ? single : undefined, pandasCompound };
}

