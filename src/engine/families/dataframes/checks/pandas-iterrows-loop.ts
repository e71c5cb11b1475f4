// pandas-iterrows-loop: `for i, row in df.iterrows():` / `for row in df.itertuples():` (and
// the same in a comprehension): Python code once per row, with a Series (iterrows) or a
// tuple (itertuples) built for each. The hover rewrites common loop bodies as column
// expressions, from the user's own code:
//   total += row["a"] * row["b"]       → total += (df["a"] * df["b"]).sum()
//   out.append(row["a"] * 2)           → out.extend((df["a"] * 2).tolist())
//   df.at[i, "c"] = row["a"] + 1       → df["c"] = df["a"] + 1
//   if row["a"] > 0: count += 1        → count += int((df["a"] > 0).sum())
// and the polars form of the same expression. No fix: a loop is rewritten by a person.
import type { Node } from 'web-tree-sitter';
import { isPure, isSeriesLabelName, pandasKind, stringValue, subscriptKeys, unparenthesize } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { confidence, importLine, moduleNames, oneLine, pythonBlock, sections, wrap, type Names } from '../pandas-hover';
import { pyString, translate, type Ref, type TranslateContext } from '../pandas-translate';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-iterrows-loop', `
(for_statement
  left: (_) @target
  right: (call function: (attribute object: (_) @frame attribute: (identifier) @method (#any-of? @method "iterrows" "itertuples"))) @iteration
  body: (block) @body) @loop
(for_in_clause
  left: (_) @target
  right: (call function: (attribute object: (_) @frame attribute: (identifier) @method (#any-of? @method "iterrows" "itertuples"))) @iteration) @clause
`);

export function createPandasIterrowsLoop(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { target, frame, method, iteration, body, clause } of pandasMatches(context)) {
        const kind = pandasKind(frame, facts);
        if ((kind !== 'frame' && kind !== 'data') || !context.isSound(iteration)) continue;
        const vars = rowVariables(target, method.text);
        const rewrite = vars && isPure(frame) ? (body ? loopRewrite(body, vars, frame, context, names) : clause ? comprehensionRewrite(clause, vars, frame, context, names) : undefined) : undefined;
        const generic = [
          'Work on whole columns instead: arithmetic, comparisons, `.where()`, `np.select()`, `.map(dict)` and `.str`/`.dt` methods run in compiled code.',
          method.text === 'iterrows'
            ? `If a loop is unavoidable, \`${oneLine(frame.text, 30)}.itertuples(index=False)\` is many times faster than \`iterrows()\` (no Series per row), and polars' \`iter_rows(named=True)\` yields plain dicts.`
            : "If a loop is unavoidable, keep `itertuples(index=False)`; polars' `iter_rows(named=True)` yields plain dicts.",
        ].join(' ');
        context.report({
          node: iteration,
          data: { frame: oneLine(frame.text), method: method.text },
          suggestion: sections(
            rewrite && 'The same without a Python loop:',
            rewrite && pythonBlock(rewrite.pandas),
            rewrite?.polars && `polars, with \`${oneLine(frame.text, 30)}\` as a polars frame:\n\n${pythonBlock([...importLine(names, 'polars'), ...rewrite.polars])}`,
            rewrite ? 'Vectorised code computes on whole columns at once, typically 100 times faster or more than a row loop.' : generic,
            confidence(names),
          ),
        });
      }
    },
  };
}

interface RowVariables {
  row: string;
  index?: string;
  tuples: boolean;
}

function rowVariables(target: Node, method: string): RowVariables | undefined {
  const inner = unparenthesize(target);
  if (method === 'iterrows') {
    if (inner.type !== 'pattern_list' && inner.type !== 'tuple_pattern' && inner.type !== 'tuple') return undefined;
    const items = inner.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (items.length !== 2 || items.some((i) => i.type !== 'identifier')) return undefined;
    return { index: items[0].text === '_' ? undefined : items[0].text, row: items[1].text, tuples: false };
  }
  return inner.type === 'identifier' ? { row: inner.text, tuples: true } : undefined;
}

interface Rewrite {
  pandas: string[];
  polars?: string[];
}

function contextFor(vars: RowVariables, frame: Node, context: CheckContext, names: Names): TranslateContext {
  const ref = (node: Node): Ref | undefined => {
    const column = rowColumn(node, vars);
    return column === undefined ? undefined : { pandas: `${frame.text}[${pyString(column)}]`, polars: `${names.pl}.col(${pyString(column)})` };
  };
  const reserved = new Set([vars.row, ...(vars.index ? [vars.index] : []), frame.text.split(/[.[]/)[0]]);
  return { facts: context.facts, ref, reserved, polars: names.pl, numpy: names.np };
}

/** `row["a"]` / `row.a` (iterrows), `row.a` (itertuples): the column read from the row. */
function rowColumn(node: Node, vars: RowVariables): string | undefined {
  if (node.type === 'subscript' && !vars.tuples && node.childForFieldName('value')?.text === vars.row) {
    const keys = subscriptKeys(node);
    return keys.length === 1 ? stringValue(keys[0]) : undefined;
  }
  if (node.type === 'attribute' && node.childForFieldName('object')?.text === vars.row) {
    const name = node.childForFieldName('attribute')!.text;
    if (vars.tuples) return name === 'Index' || name.startsWith('_') ? undefined : name;
    return isSeriesLabelName(name) ? name : undefined;
  }
  return undefined;
}

function statements(block: Node): Node[] {
  return block.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment' && c.type !== 'pass_statement');
}

function loopRewrite(body: Node, vars: RowVariables, frame: Node, context: CheckContext, names: Names): Rewrite | undefined {
  const list = statements(body);
  if (list.length !== 1) return undefined;
  const [statement] = list;
  const tc = contextFor(vars, frame, context, names);
  const f = frame.text;
  if (statement.type === 'if_statement') {
    if (statement.childForFieldName('alternative') || statement.namedChildren.some((c) => c?.type === 'elif_clause' || c?.type === 'else_clause')) return undefined;
    const condition = statement.childForFieldName('condition');
    const consequence = statement.childForFieldName('consequence');
    const inner = consequence && statements(consequence);
    if (!condition || !inner || inner.length !== 1) return undefined;
    const mask = translate(condition, 'pandas', tc);
    const maskPl = translate(condition, 'polars', tc);
    if (!mask || !mask.boolean || mask.array) return undefined;
    const only = inner[0].type === 'expression_statement' ? inner[0].firstNamedChild : undefined;
    if (only?.type === 'augmented_assignment' && only.childForFieldName('operator')?.text === '+=' && only.childForFieldName('right')?.text === '1' && only.childForFieldName('left')?.type === 'identifier') {
      const acc = only.childForFieldName('left')!.text;
      return {
        pandas: [`${acc} += int(${wrap(mask.text)}.sum())`],
        polars: maskPl ? [`${acc} += ${f}.select(${wrap(maskPl.text)}.sum()).item()`] : undefined,
      };
    }
    const appended = appendCall(only);
    if (appended) {
      const value = translate(appended.value, 'pandas', tc);
      const valuePl = translate(appended.value, 'polars', tc);
      if (!value || value.array) return undefined;
      return {
        pandas: [`${appended.list}.extend(${wrap(value.text)}[${mask.text}].tolist())`],
        polars: valuePl && maskPl ? [`${appended.list}.extend(${f}.filter(${maskPl.text}).select(${valuePl.text}).to_series().to_list())`] : undefined,
      };
    }
    return undefined;
  }
  const expression = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
  if (!expression) return undefined;
  if (expression.type === 'augmented_assignment' && ['+=', '-='].includes(expression.childForFieldName('operator')?.text ?? '') && expression.childForFieldName('left')?.type === 'identifier') {
    const acc = expression.childForFieldName('left')!.text;
    const op = expression.childForFieldName('operator')!.text;
    const right = expression.childForFieldName('right')!;
    const value = translate(right, 'pandas', tc);
    const valuePl = translate(right, 'polars', tc);
    if (!value || value.array || !usesRow(right, vars)) return undefined;
    return {
      pandas: [`${acc} ${op} ${wrap(value.text)}.sum()`],
      polars: valuePl ? [`${acc} ${op} ${f}.select(${wrap(valuePl.text)}.sum()).item()`] : undefined,
    };
  }
  const appended = appendCall(expression);
  if (appended) {
    const value = translate(appended.value, 'pandas', tc);
    const valuePl = translate(appended.value, 'polars', tc);
    if (!value || value.array || !usesRow(appended.value, vars)) return undefined;
    return {
      pandas: [`${appended.list}.extend(${wrap(value.text)}.tolist())`],
      polars: valuePl ? [`${appended.list}.extend(${f}.select(${valuePl.text}).to_series().to_list())`] : undefined,
    };
  }
  if (expression.type === 'assignment') {
    // df.at[i, "c"] = expr / df.loc[i, "c"] = expr, with i the loop's index.
    const left = expression.childForFieldName('left');
    const right = expression.childForFieldName('right');
    if (left?.type !== 'subscript' || !right || !vars.index) return undefined;
    const indexer = left.childForFieldName('value');
    const keys = subscriptKeys(left);
    if (indexer?.type !== 'attribute' || !['at', 'loc'].includes(indexer.childForFieldName('attribute')?.text ?? '')) return undefined;
    if (indexer.childForFieldName('object')?.text !== f || keys.length !== 2 || keys[0].text !== vars.index) return undefined;
    const column = stringValue(keys[1]);
    const value = translate(right, 'pandas', tc);
    const valuePl = translate(right, 'polars', tc);
    if (column === undefined || !value) return undefined;
    return {
      pandas: [`${f}[${keys[1].text}] = ${value.text}`],
      polars: valuePl ? [`${f} = ${f}.with_columns(${wrap(valuePl.text)}.alias(${keys[1].text}))`] : undefined,
    };
  }
  return undefined;
}

function comprehensionRewrite(clause: Node, vars: RowVariables, frame: Node, context: CheckContext, names: Names): Rewrite | undefined {
  const comprehension = clause.parent;
  if (comprehension?.type !== 'list_comprehension') return undefined;
  const clauses = comprehension.namedChildren.filter((c) => c?.type === 'for_in_clause' || c?.type === 'if_clause');
  if (clauses.length !== 1) return undefined;
  const body = comprehension.childForFieldName('body');
  if (!body) return undefined;
  const tc = contextFor(vars, frame, context, names);
  const value = translate(body, 'pandas', tc);
  const valuePl = translate(body, 'polars', tc);
  if (!value || value.array || !usesRow(body, vars)) return undefined;
  return {
    pandas: [`${wrap(value.text)}.tolist()`],
    polars: valuePl ? [`${frame.text}.select(${valuePl.text}).to_series().to_list()`] : undefined,
  };
}

function appendCall(node: Node | null | undefined): { list: string; value: Node } | undefined {
  if (node?.type !== 'call') return undefined;
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'append' || fn.childForFieldName('object')?.type !== 'identifier') return undefined;
  const items = args?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
  if (items.length !== 1 || items[0].type === 'keyword_argument') return undefined;
  return { list: fn.childForFieldName('object')!.text, value: items[0] };
}

/** The expression reads the row (a constant `total += 1` is not a column computation). */
function usesRow(node: Node, vars: RowVariables): boolean {
  if (rowColumn(node, vars) !== undefined) return true;
  for (const child of node.namedChildren) if (child && usesRow(child, vars)) return true;
  return false;
}

