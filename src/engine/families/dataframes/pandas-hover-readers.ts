// The hover of the reader rules: the polars chain (lazy when something is pushed down), the
// notes on arguments without an equivalent, and the DuckDB form when there is one.
import { bullets, chainLines, confidence, importLine, pythonBlock, sections, type Names } from './pandas-hover';
import type { ReaderPlan } from './pandas-readers';

export function readerSuggestion(plan: ReaderPlan, target: string | undefined, names: Names): string {
  const pushed = [
    plan.absorbs && 'the filter from the next line',
    plan.polars.some((s) => s.startsWith('.select(')) && 'the column selection',
    plan.polars.some((s) => s.startsWith('.head(')) && 'the row limit',
  ].filter((p): p is string => !!p);
  const lazyNote = plan.lazy && pushed.length
    ? `lazy: ${pushed.join(' and ').replace(/ and (?=.* and )/, ', ')} ${pushed.length > 1 ? 'run' : 'runs'} inside the reader, on all cores`
    : 'parsed on all cores';
  const absorbed = plan.absorbs
    ? `This replaces the read and the filter on the next line. If the unfiltered frame is used elsewhere too, keep one lazy scan (\`scan = ${names.pl}.scan_csv(...)\`) and \`collect()\` each query from it.`
    : undefined;
  const polars = pythonBlock([...importLine(names, 'polars'), ...chainLines(target, plan.polars)]);
  const duckdb = plan.duckdb
    ? `**DuckDB**, SQL straight on the file; \`.df()\` hands back a pandas frame, so the code after it is unchanged:\n\n${pythonBlock([...importLine(names, 'duckdb'), ...chainLines(target, [plan.duckdb])])}`
    : undefined;
  return sections(
    confidence(names),
    `**polars** (${lazyNote}):`,
    polars,
    bullets(plan.notes),
    absorbed,
    duckdb,
  );
}
