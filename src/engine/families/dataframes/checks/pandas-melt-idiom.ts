// pandas-melt-idiom: `df.melt(...)`, `pd.melt(df, ...)` and `df.set_index(ids).stack()`,
// wide to long. The hover shows polars `unpivot` (renamed in 1.0: `id_vars` → `index`,
// `value_vars` → `on`, `var_name` → `variable_name`) and DuckDB's `UNPIVOT`, built from the
// call. Guidance only (hint), no fix.
import type { Node } from 'web-tree-sitter';
import { callParts, pandasFunction, pandasKind, stringOrList, stringValue, unparenthesize, type CallParts } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { bullets, chainLines, confidence, importLine, moduleNames, oneLine, pythonBlock, sections, type Names } from '../pandas-hover';
import { pyString, sqlIdentifier } from '../pandas-translate';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-melt-idiom', `
(call function: (attribute object: (_) @object attribute: (identifier) @method (#any-of? @method "melt" "stack"))) @call
(call function: (identifier) @function) @call
`);

const RENAMES: Record<string, string> = { id_vars: 'index', value_vars: 'on', var_name: 'variable_name', value_name: 'value_name' };

export function createPandasMeltIdiom(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { object, method, function: fn, call } of pandasMatches(context)) {
        if (!context.isSound(call)) continue;
        const parts = callParts(call);
        if (!parts) continue;
        const qualified = pandasFunction(call, facts);
        let frame: string;
        let label: string;
        let args: Map<string, Node>;
        const notes: string[] = [];
        if (qualified === 'pandas.melt') {
          const data = parts.positional[0] ?? parts.keywords.get('frame');
          if (!data) continue;
          frame = data.text;
          args = meltArguments(parts, 1);
          label = `${oneLine((fn ?? call.childForFieldName('function')!).text)}()`;
        } else if (fn) {
          continue;
        } else if (method.text === 'melt') {
          if (pandasKind(object, facts) !== 'frame') continue;
          frame = object.text;
          args = meltArguments(parts, 0);
          label = '.melt()';
        } else {
          // df.set_index(ids).stack(): the ids stay, every other column becomes rows.
          const setIndex = callParts(unparenthesize(object));
          if (!setIndex?.receiver || setIndex.name !== 'set_index' || pandasKind(setIndex.receiver, facts) !== 'frame' || parts.positional.length || parts.keywords.size) continue;
          const keys = setIndex.positional[0] ?? setIndex.keywords.get('keys');
          if (!keys) continue;
          frame = setIndex.receiver.text;
          args = new Map([['id_vars', keys]]);
          label = '.set_index(...).stack()';
          notes.push('`stack()` orders the result row by row and drops missing values; `unpivot` goes column by column and keeps them (`.drop_nulls("value")`, `.sort(...)` to match)');
        }
        // PD013 asks for `.melt()` over `.stack()`: it flags the stack form only.
        context.report({ node: call, data: { call: label }, suggestion: suggestion(frame, args, notes, names), peer: label.endsWith('.stack()') ? 'PD013' : null });
      }
    },
  };
}

function meltArguments(parts: CallParts, skip: number): Map<string, Node> {
  const order = ['id_vars', 'value_vars', 'var_name', 'value_name'];
  const args = new Map<string, Node>();
  parts.positional.slice(skip).forEach((node, i) => order[i] && args.set(order[i], node));
  for (const [key, value] of parts.keywords) if (key !== 'frame') args.set(key, value);
  return args;
}

function suggestion(frame: string, args: Map<string, Node>, notes: string[], names: Names): string {
  const polarsArgs: string[] = [];
  for (const [key, value] of args) {
    if (RENAMES[key]) polarsArgs.push(`${RENAMES[key]}=${value.text}`);
    else if (key === 'ignore_index') notes.push('`ignore_index` means nothing in polars (no index)');
    else notes.push(`\`${key}\` is not translated`);
  }
  const values = args.get('value_vars') && stringOrList(args.get('value_vars'));
  const variable = args.has('var_name') ? stringValue(args.get('var_name')) : 'variable';
  const value = args.has('value_name') ? stringValue(args.get('value_name')) : 'value';
  let duckdb: string | undefined;
  if (values && variable !== undefined && value !== undefined && /^\w+$/.test(frame) && [...args.keys()].every((k) => RENAMES[k])) {
    const sql = `UNPIVOT ${frame} ON ${values.map(sqlIdentifier).join(', ')} INTO NAME ${sqlIdentifier(variable)} VALUE ${sqlIdentifier(value)}`;
    duckdb = `${names.duckdb}.sql(${pyString(sql)}).df()`;
  }
  return sections(
    `polars (with \`${oneLine(frame, 30)}\` as a polars frame):`,
    pythonBlock([...importLine(names, 'polars'), ...chainLines(undefined, [`${oneLine(frame, 40)}.unpivot(${polarsArgs.join(', ')})`])]),
    bullets(notes),
    duckdb && `DuckDB, on the pandas frame as it is:\n\n${pythonBlock([...importLine(names, 'duckdb'), duckdb])}`,
    confidence(names),
  );
}
