// pandas-read-csv: `pd.read_csv()` / `pd.read_table()`. The hover shows the polars call
// built from the call's own arguments — renamed (`sep` → `separator`, `usecols` → a lazy
// `.select()`), lazy when the result is column-subset or filtered right away — with a note
// for every argument polars has no equivalent for, and DuckDB SQL when the path is literal.
// No fix: the result would be a polars frame handed to code that expects pandas.
import { callParts, pandasFunction } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { csvPlan } from '../pandas-readers';
import { assignedName, moduleNames, oneLine } from '../pandas-hover';
import { readerSuggestion } from '../pandas-hover-readers';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-read-csv', `
(call function: (attribute attribute: (identifier) @name (#any-of? @name "read_csv" "read_table"))) @call
(call function: (identifier) @name) @call
`);

export function createPandasReadCsv(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const names = moduleNames(context.facts);
      for (const { call } of pandasMatches(context)) {
        const reader = pandasFunction(call, context.facts);
        if ((reader !== 'pandas.read_csv' && reader !== 'pandas.read_table') || !context.isSound(call)) continue;
        const parts = callParts(call);
        if (!parts) continue;
        const plan = csvPlan(parts, reader === 'pandas.read_table', context.facts, names);
        const target = plan.absorbs?.target ?? assignedName(call)?.text;
        context.report({
          node: call,
          data: { callee: oneLine(call.childForFieldName('function')!.text) },
          suggestion: readerSuggestion(plan, target, names),
        });
      }
    },
  };
}
