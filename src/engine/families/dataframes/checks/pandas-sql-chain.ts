// pandas-sql-chain: a pandas pipeline that is a SQL query in disguise — at least three of
// join (`merge`), filter (`df[mask]`, `.query()`, `.loc[mask]`), group-and-aggregate and
// sort, including a join or a group — in one expression, through names assigned once
// just before, or statement by statement rebinding one name (`t = t.merge(...)`). The hover writes the same query for DuckDB (which reads pandas frames by
// variable name and returns one with `.df()`, so the code around it does not change) and
// as a polars chain, both built from the pipeline's own columns, keys and aggregations.
// When a step does not translate, the hover says which. No fix.
import type { Node } from 'web-tree-sitter';
import { callParts, isFrameColumnName, isMaskLike, pandasFunction, pandasKind, PANDAS_MEMBERS, reachingAssignment, singleAssignment, stringOrList, stringValue, subscriptKeys, unparenthesize, type CallParts } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { AGGREGATIONS, aggregationsOf, queryToSql, sortOf, sqlLines } from '../pandas-sql-clauses';
import { assignedName, chainLines, confidence, importLine, moduleNames, oneLine, pythonBlock, sections, type Names } from '../pandas-hover';
import { pyString, sqlIdentifier, sqlString, translate, type Ref } from '../pandas-translate';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-sql-chain', `
(call function: (attribute attribute: (identifier) @method (#any-of? @method
  "sort_values" "head" "reset_index" "sum" "mean" "count" "agg" "aggregate" "size" "min" "max" "median" "nunique"
  "merge" "join" "rename" "nlargest" "nsmallest" "std" "var" "first" "last" "query" "round" "apply" "astype"
  "to_frame" "fillna" "assign" "rename_axis" "pipe"))) @call
`);

type Clause = 'JOIN' | 'WHERE' | 'GROUP' | 'ORDER';

interface Step {
  kind: 'merge' | 'filter' | 'query' | 'groupby' | 'select' | 'agg' | 'sort' | 'head' | 'reset_index' | 'rename' | 'other';
  node: Node;
  parts?: CallParts;
  /** For filters: the mask, and the frame name its column references use. */
  mask?: Node;
  frame?: string;
  columns?: string[];
  /** In the reported expression itself (not reached through a name). */
  own?: boolean;
}

const MAX_HOPS = 4;

export function createPandasSqlChain(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { call } of pandasMatches(context)) {
        // Only the outermost call of a chain.
        const parent = call.parent;
        if (parent?.type === 'attribute' || (parent?.type === 'subscript' && parent.childForFieldName('value')?.equals(call))) continue;
        if (!context.isSound(call)) continue;
        // The join or the aggregation must be written here (see below): check that on the
        // expression alone before following names back (a notebook rebinding `df` thousands
        // of times would otherwise unwind every statement).
        const own = unwind(call, context, 0);
        if (!own?.steps.some((s) => s.kind === 'merge' || s.kind === 'agg')) continue;
        const chain = unwind(call, context);
        if (!chain) continue;
        const clauses = clausesOf(chain.steps);
        if (clauses.size < 3 || !(clauses.has('GROUP') || clauses.has('JOIN'))) continue;
        // Report where the join or the aggregation is written, not again on later steps.
        if (!chain.steps.some((s) => s.own && (s.kind === 'merge' || s.kind === 'agg'))) continue;
        let holder = call;
        while (holder.parent?.type === 'parenthesized_expression') holder = holder.parent;
        const target = assignedName(holder)?.text;
        const query = toQuery(chain, context, names);
        const order = ['JOIN', 'WHERE', 'GROUP', 'ORDER'].filter((c) => clauses.has(c as Clause)).map((c) => (c === 'GROUP' ? 'GROUP BY' : c === 'ORDER' ? 'ORDER BY' : c));
        context.report({
          node: call,
          data: { clauses: order.join(', ') },
          suggestion: sections(
            confidence(names),
            query.sql
              ? `**DuckDB** runs it as one query on the pandas frames, by variable name, on all cores; \`.df()\` gives a pandas frame back:\n\n${pythonBlock([...importLine(names, 'duckdb'), ...sqlLines(target, query.sql, names)])}`
              : `**DuckDB** can run this pipeline as one SQL query on the pandas frames by variable name (\`${names.duckdb}.sql("SELECT ... FROM ${chain.rootName ?? 'frame'} ...").df()\`). It is not written out here: ${query.problem ?? 'a step does not translate automatically'}.`,
            query.polars && `**polars**, the same plan as one lazy chain (with the frames as polars frames):\n\n${pythonBlock([...importLine(names, 'polars'), ...chainLines(target, query.polars)])}`,
            query.notes.length ? query.notes.map((n) => `- ${n}`).join('\n') : undefined,
          ),
        });
      }
    },
  };
}

interface Chain {
  /** The frame the pipeline starts from: a name, or a reader call. */
  root: Node;
  rootName?: string;
  steps: Step[];
}

/** The steps of a chain, root first, following names assigned once just before. */
function unwind(node: Node, context: CheckContext, maxHops = MAX_HOPS): Chain | undefined {
  const steps: Step[] = [];
  let current = unparenthesize(node);
  let hops = 0;
  for (;;) {
    if (current.type === 'call') {
      const parts = callParts(current);
      if (!parts) return undefined;
      if (!parts.receiver) {
        if (pandasFunction(current, context.facts) === 'pandas.merge' && parts.positional.length >= 2) {
          steps.unshift({ kind: 'merge', node: current, parts, own: hops === 0 });
          current = unparenthesize(parts.positional[0]);
          continue;
        }
        break;
      }
      if (context.facts.resolve(current.childForFieldName('function')!)?.startsWith('pandas.')) break; // a reader: the root
      steps.unshift({ ...stepOf(parts, current), own: hops === 0 });
      current = unparenthesize(parts.receiver);
      continue;
    }
    if (current.type === 'subscript') {
      const value = unparenthesize(current.childForFieldName('value')!);
      const keys = subscriptKeys(current);
      if (keys.length !== 1) return undefined;
      const [key] = keys;
      const viaLoc = value.type === 'attribute' && value.childForFieldName('attribute')?.text === 'loc';
      const base = viaLoc ? unparenthesize(value.childForFieldName('object')!) : value;
      if (isMaskLike(key) || key.type === 'lambda') steps.unshift({ kind: 'filter', node: current, mask: key });
      else if (!viaLoc && stringOrList(key)) steps.unshift({ kind: 'select', node: current, columns: stringOrList(key) });
      else steps.unshift({ kind: 'other', node: current });
      current = base;
      continue;
    }
    if (current.type === 'attribute') {
      const name = current.childForFieldName('attribute')!.text;
      if (PANDAS_MEMBERS.has(name)) return undefined;
      steps.unshift({ kind: 'select', node: current, columns: [name] });
      current = unparenthesize(current.childForFieldName('object')!);
      continue;
    }
    if (current.type === 'identifier' && hops < maxHops) {
      // `paid = merged[merged.status == "paid"]` just before, or `t = t.merge(...)` rebinding
      // the same name step by step: follow it.
      const assigned = singleAssignment(current, context.facts) ?? reachingAssignment(current, context.facts);
      const value = assigned && unparenthesize(assigned);
      // Only pipeline steps (a method call or a selection), not the read that made the frame.
      const step = value && (value.type === 'subscript' || (value.type === 'call' && value.childForFieldName('function')?.type === 'attribute' && !context.facts.resolve(value.childForFieldName('function')!)));
      if (value && step && pandasKind(value, context.facts) === 'frame') {
        hops++;
        current = value;
        continue;
      }
    }
    break;
  }
  // Masks written against the root name (`orders[orders.amount > 0].merge(...)`).
  const rootName = current.type === 'identifier' ? current.text : undefined;
  for (const step of steps) if (step.kind === 'filter' && !step.frame) step.frame = maskFrame(step, rootName);
  const kind = pandasKind(current, context.facts);
  if (kind !== 'frame' && kind !== 'data') return undefined;
  return { root: current, rootName, steps };
}

function stepOf(parts: CallParts, node: Node): Step {
  switch (parts.name) {
    case 'merge':
    case 'join':
      return { kind: 'merge', node, parts };
    case 'query':
      return { kind: 'query', node, parts };
    case 'groupby':
      return { kind: 'groupby', node, parts };
    case 'sort_values':
    case 'nlargest':
    case 'nsmallest':
      return { kind: 'sort', node, parts };
    case 'head':
      return { kind: 'head', node, parts };
    case 'reset_index':
      return { kind: 'reset_index', node, parts };
    case 'rename':
      return { kind: 'rename', node, parts };
    default:
      return AGGREGATIONS[parts.name] || parts.name === 'agg' || parts.name === 'aggregate' || parts.name === 'size' ? { kind: 'agg', node, parts } : { kind: 'other', node, parts };
  }
}

/** The frame name a mask's columns are read from: the base of its first `x["col"]` / `x.col`. */
function maskFrame(step: Step, fallback: string | undefined): string | undefined {
  const subject = step.node.childForFieldName('value');
  const base = subject && unparenthesize(subject);
  if (base?.type === 'identifier') return base.text;
  if (base?.type === 'attribute' && base.childForFieldName('attribute')?.text === 'loc' && base.childForFieldName('object')?.type === 'identifier') return base.childForFieldName('object')!.text;
  return fallback;
}

function clausesOf(steps: Step[]): Set<Clause> {
  const clauses = new Set<Clause>();
  let grouped = false;
  for (const step of steps) {
    if (step.kind === 'merge') clauses.add('JOIN');
    else if (step.kind === 'filter' || step.kind === 'query') clauses.add('WHERE');
    else if (step.kind === 'groupby') grouped = true;
    else if (step.kind === 'agg' && grouped) clauses.add('GROUP');
    else if (step.kind === 'sort') clauses.add('ORDER');
  }
  return clauses;
}

interface Query {
  sql?: string;
  polars?: string[];
  problem?: string;
  notes: string[];
}

/** The pipeline as DuckDB SQL and as a polars chain; each undefined when a step does not translate. */
function toQuery(chain: Chain, context: CheckContext, names: Names): Query {
  const notes: string[] = [];
  const fail = (problem: string): Query => ({ problem, notes });
  /** A step SQL cannot say but polars can (a Python variable in a filter, a computed limit). */
  let sqlProblem: string | undefined;
  const pl = names.pl;
  let from: string;
  const polars: string[] = [];
  let lazy = false;
  if (chain.rootName) {
    from = chain.rootName;
    polars.push(chain.rootName);
  } else {
    const reader = pandasFunction(chain.root, context.facts);
    const parts = callParts(chain.root);
    const path = stringValue(parts?.positional[0]);
    if (!parts || path === undefined || parts.keywords.size || parts.positional.length !== 1 || !['pandas.read_csv', 'pandas.read_parquet'].includes(reader ?? '')) return fail(`the source \`${oneLine(chain.root.text, 40)}\` is not a plain file read`);
    from = sqlString(path);
    polars.push(`${pl}.${reader === 'pandas.read_csv' ? 'scan_csv' : 'scan_parquet'}(${pyString(path)})`);
    lazy = true;
  }
  const joins: string[] = [];
  const where: string[] = [];
  let keys: string[] | undefined;
  let selected: string[] | undefined;
  const select: string[] = [];
  const aggregates: string[] = [];
  const orderBy: string[] = [];
  let limit: string | undefined;
  let grouped = false;
  let aggregated = false;
  for (const step of chain.steps) {
    const parts = step.parts;
    switch (step.kind) {
      case 'merge': {
        if (grouped) return fail('a join after the aggregation');
        const other = parts!.receiver ? parts!.positional[0] : parts!.positional[1];
        const right = other && unparenthesize(other);
        if (right?.type !== 'identifier') return fail('the joined frame is not a plain name');
        const how = stringValue(parts!.keywords.get('how')) ?? (parts!.name === 'join' ? 'left' : 'inner');
        const on = parts!.keywords.get('on') && stringOrList(parts!.keywords.get('on'));
        const known = new Set(['how', 'on', 'left_on', 'right_on']);
        if ([...parts!.keywords.keys()].some((k) => !known.has(k)) || parts!.hasSplat) return fail(`\`${parts!.name}\` arguments other than \`on\`, \`left_on\`/\`right_on\` and \`how\``);
        const kind: Record<string, string> = { inner: 'JOIN', left: 'LEFT JOIN', right: 'RIGHT JOIN', outer: 'FULL JOIN', cross: 'CROSS JOIN' };
        const polarsHow: Record<string, string> = { inner: 'inner', left: 'left', right: 'right', outer: 'full', cross: 'cross' };
        if (!kind[how]) return fail(`\`how=${pyString(how)}\``);
        if (parts!.name === 'join' && !on) return fail('`join` on the index (polars and SQL have no index)');
        if (how === 'cross') {
          joins.push(`CROSS JOIN ${right.text}`);
          polars.push(`.join(${right.text}, how="cross")`);
        } else if (on) {
          joins.push(`${kind[how]} ${right.text} USING (${on.map(sqlIdentifier).join(', ')})`);
          polars.push(`.join(${right.text}, on=${parts!.keywords.get('on')!.text}${how === 'inner' ? '' : `, how=${pyString(polarsHow[how])}`})`);
          if (how === 'outer') notes.push('`how="outer"` is `how="full"` in polars, which keeps both key columns unless `coalesce=True`');
        } else {
          const leftOn = stringValue(parts!.keywords.get('left_on'));
          const rightOn = stringValue(parts!.keywords.get('right_on'));
          if (leftOn === undefined || rightOn === undefined || !chain.rootName) return fail('join keys that are not single column names');
          joins.push(`${kind[how]} ${right.text} ON ${chain.rootName}.${sqlIdentifier(leftOn)} = ${right.text}.${sqlIdentifier(rightOn)}`);
          polars.push(`.join(${right.text}, left_on=${pyString(leftOn)}, right_on=${pyString(rightOn)}${how === 'inner' ? '' : `, how=${pyString(polarsHow[how])}`})`);
        }
        break;
      }
      case 'filter': {
        if (grouped) return fail('a filter after the aggregation (a HAVING clause)');
        const mask = maskOf(step, context, names);
        if (!mask) return fail(`the filter \`${oneLine(step.mask!.text, 40)}\``);
        if (mask.sql === undefined) sqlProblem ??= `the filter \`${oneLine(step.mask!.text, 40)}\` uses Python values`;
        else where.push(mask.sql);
        polars.push(`.filter(${mask.polars})`);
        break;
      }
      case 'query': {
        if (grouped) return fail('a filter after the aggregation (a HAVING clause)');
        const text = stringValue(parts!.positional[0]);
        const sql = text === undefined || parts!.keywords.size ? undefined : queryToSql(text);
        if (!sql) return fail(`the query string \`${oneLine(parts!.positional[0]?.text ?? '', 40)}\``);
        where.push(sql);
        polars.push(`.filter(${pl}.sql_expr(${pyString(sql)}))`);
        break;
      }
      case 'groupby': {
        const by = parts!.positional[0] ?? parts!.keywords.get('by');
        keys = by ? stringOrList(by) : undefined;
        if (!keys || [...parts!.keywords.keys()].some((k) => !['by', 'as_index', 'sort', 'dropna', 'observed'].includes(k))) return fail('group keys that are not column names');
        if (parts!.keywords.get('dropna')?.type === 'false') notes.push('SQL groups NULL keys together, as `dropna=False` does');
        else notes.push('SQL and polars keep groups whose key is NULL; pandas drops them unless `dropna=False`');
        grouped = true;
        break;
      }
      case 'select':
        if (grouped && !aggregated) selected = step.columns;
        else if (!grouped) return fail('a column selection before the aggregation');
        else return fail('a column selection after the aggregation');
        break;
      case 'agg': {
        if (!grouped || aggregated) return fail(`\`.${parts!.name}()\` outside a group-by`);
        aggregated = true;
        const made = aggregationsOf(parts!, selected, names);
        if (!made) return fail(`the aggregation \`.${parts!.name}(${oneLine(parts!.args.text.slice(1, -1), 30)})\``);
        aggregates.push(...made.sql);
        polars.push(`.group_by(${keys!.map(pyString).join(', ')})`, `.agg(${made.polars.join(', ')})`);
        select.push(...keys!.map(sqlIdentifier));
        break;
      }
      case 'sort': {
        if (grouped && !aggregated) return fail('a sort between `groupby` and the aggregation');
        const sorted = sortOf(parts!, selected);
        if (!sorted) return fail(`\`.${parts!.name}(${oneLine(parts!.args.text.slice(1, -1), 30)})\``);
        orderBy.splice(0, orderBy.length, ...sorted.sql);
        polars.push(sorted.polars);
        if (sorted.limit) {
          limit = sorted.limit;
          polars.push(`.head(${sorted.limit})`);
        }
        break;
      }
      case 'head': {
        const n = parts!.positional[0] ?? parts!.keywords.get('n');
        if (n && n.type !== 'integer') {
          if (n.type !== 'identifier') return fail('`head()` with a computed size');
          sqlProblem ??= `\`head(${n.text})\` takes a Python value`;
        } else limit = n?.text ?? '5';
        polars.push(`.head(${n?.text ?? '5'})`);
        break;
      }
      case 'reset_index':
        if (parts!.positional.length || [...parts!.keywords.keys()].some((k) => k !== 'drop' || !aggregated)) return fail('`reset_index` with arguments');
        break;
      case 'rename':
        return fail('`rename` in the pipeline');
      default:
        return fail(`the step \`${oneLine(step.node.text.slice(step.node.text.lastIndexOf('.') + 1), 30)}\``);
    }
  }
  if (grouped && !aggregated) return fail('a `groupby` without an aggregation');
  if (lazy) polars.push('.collect()');
  if (sqlProblem) return { polars, problem: sqlProblem, notes };
  const columns = aggregated ? [...select, ...aggregates] : selected ? selected.map(sqlIdentifier) : ['*'];
  let sql = `SELECT ${columns.join(', ')} FROM ${from}`;
  if (joins.length) sql += ` ${joins.join(' ')}`;
  if (where.length) sql += ` WHERE ${where.map((w) => (where.length > 1 ? `(${w})` : w)).join(' AND ')}`;
  if (aggregated) sql += ` GROUP BY ${keys!.map(sqlIdentifier).join(', ')}`;
  if (orderBy.length) sql += ` ORDER BY ${orderBy.join(', ')}`;
  if (limit) sql += ` LIMIT ${limit}`;
  if (aggregated && !chain.steps.some((s) => s.kind === 'reset_index') && !chain.steps.some((s) => s.kind === 'groupby' && s.parts?.keywords.get('as_index')?.type === 'false')) {
    notes.push(`the group keys come back as columns (pandas made them the index): add \`.set_index(${keys!.map(pyString).join(', ')})\` after \`.df()\` if later code needs that`);
  }
  return { sql, polars, notes };
}

function maskOf(step: Step, context: CheckContext, names: Names): { sql?: string; polars: string } | undefined {
  let mask = step.mask!;
  let frame = step.frame;
  if (mask.type === 'lambda') {
    const params = mask.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => !!c) ?? [];
    const body = mask.childForFieldName('body');
    if (params.length !== 1 || params[0].type !== 'identifier' || !body) return undefined;
    frame = params[0].text;
    mask = body;
  }
  if (!frame) return undefined;
  const ref = (node: Node): Ref | undefined => {
    let column: string | undefined;
    if (node.type === 'subscript' && node.childForFieldName('value')?.text === frame) {
      const keys = subscriptKeys(node);
      column = keys.length === 1 ? stringValue(keys[0]) : undefined;
    } else if (node.type === 'attribute' && node.childForFieldName('object')?.text === frame) {
      const name = node.childForFieldName('attribute')!.text;
      column = isFrameColumnName(name) ? name : undefined;
    }
    return column === undefined ? undefined : { pandas: node.text, polars: `${names.pl}.col(${pyString(column)})`, sql: sqlIdentifier(column) };
  };
  const tc = { facts: context.facts, ref, reserved: new Set([frame]), polars: names.pl, numpy: names.np, series: true };
  const sql = translate(mask, 'sql', tc);
  const polars = translate(mask, 'polars', tc);
  if (!polars || !polars.boolean) return undefined;
  return { sql: sql?.boolean ? sql.text : undefined, polars: polars.text };
}
