// Fix-all: the first acceptable fix of every finding, applied and re-analysed until nothing
// more changes (a fix can reveal or remove another finding). A batch of fixes that would add
// a syntax error is retried one fix at a time, dropping the bad ones. The engine supplies
// the analysis and the syntax-error count (Engine.fixAll).
import { applyEdits, chooseFixes } from './fixes';
import type { Finding, Fix } from './types';

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Findings left in the fixed text. */
  findings: Finding[];
}

export interface FixAllOptions {
  unsafe: boolean;
  /** Only these rules' fixes (default: every rule's). */
  rules?: ReadonlySet<string>;
}

export interface FixAllEngine {
  analyze(text: string): Finding[];
  errorCount(text: string): number;
  /** Called before each pass: throws to stop (the time budget). */
  beforePass(): void;
}

const MAX_FIX_PASSES = 10;

export function fixAllText(text: string, options: FixAllOptions, engine: FixAllEngine): FixAllResult {
  const accept = (fix: Fix) => fix.safety === 'safe' || options.unsafe;
  const analyze = (source: string) => engine.analyze(source).filter((f) => !options.rules || options.rules.has(f.rule));
  let applied = 0;
  let current = text;
  const rejected = new Set<string>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    engine.beforePass();
    const acceptable = (fix: Fix) => accept(fix) && !rejected.has(fixKey(fix));
    const { fixes, edits } = chooseFixes(analyze(current), acceptable);
    if (!fixes.length) break;
    const candidate = applyEdits(current, edits);
    if (engine.errorCount(candidate) <= engine.errorCount(current)) {
      current = candidate;
      applied += fixes.length;
      continue;
    }
    for (const fix of fixes) {
      const single = applyEdits(current, fix.edits);
      if (engine.errorCount(single) <= engine.errorCount(current)) {
        current = single;
        applied++;
        break; // the other fixes' offsets are stale now: re-analyse
      }
      rejected.add(fixKey(fix));
    }
  }
  return { text: current, applied, findings: analyze(current) };
}

function fixKey(fix: Fix): string {
  return JSON.stringify(fix.edits);
}
