// pandas-read-file: `pd.read_parquet`, `pd.read_feather`, `pd.read_json`, `pd.read_excel`.
// The hover shows the polars reader built from the call's own arguments — lazy
// `scan_parquet`/`scan_ipc`/`scan_ndjson` when columns or a filter can be pushed into the
// scan (including pyarrow-style `filters=[...]` and a filter on the next line) — with
// notes for arguments that do not carry over. No fix: polars returns a polars frame.
import { callParts, pandasFunction } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { filePlan } from '../pandas-readers';
import { assignedName, moduleNames, oneLine } from '../pandas-hover';
import { readerSuggestion } from '../pandas-hover-readers';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-read-file', `
(call function: (attribute attribute: (identifier) @name (#any-of? @name "read_parquet" "read_feather" "read_json" "read_excel"))) @call
(call function: (identifier) @name) @call
`);

const POLARS: Record<string, string> = { read_parquet: 'scan_parquet', read_feather: 'scan_ipc', read_json: 'read_json', read_excel: 'read_excel' };

export function createPandasReadFile(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const names = moduleNames(context.facts);
      for (const { call } of pandasMatches(context)) {
        const reader = pandasFunction(call, context.facts)?.slice(7);
        if (!reader || !POLARS[reader] || !context.isSound(call)) continue;
        const parts = callParts(call);
        if (!parts) continue;
        const plan = filePlan(reader, parts, context.facts, names);
        const lines = reader === 'read_json' && parts.keywords.get('lines')?.type === 'true';
        context.report({
          node: call,
          data: { callee: oneLine(call.childForFieldName('function')!.text), polars: `pl.${lines ? 'scan_ndjson' : POLARS[reader]}` },
          suggestion: plan ? readerSuggestion(plan, plan.absorbs?.target ?? assignedName(call)?.text, names) : undefined,
        });
      }
    },
  };
}
