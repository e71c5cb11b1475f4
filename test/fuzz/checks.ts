// The properties every fuzz case must keep. Each check returns the failures it found: a
// crash (an exception other than a clear refusal), a finding outside the text, a fix that
// adds a syntax error, fix-all that is not idempotent, an incremental analysis that differs
// from a fresh whole-file one, a config that throws anything but a ConfigError.
import type { Engine } from '../../src/engine/engine';
import { AnalysisLimitError } from '../../src/engine/faults';
import { catalogOf, ConfigError, parsePyproject } from '../../src/engine/config';
import type { ContentChange } from '../../src/engine/document';
import type { Finding, RuleConfig } from '../../src/engine/types';
import { LineIndex } from '../../src/engine/positions';

export type FailureKind =
  | 'crash'
  | 'out-of-range'
  | 'fix-breaks-syntax'
  | 'not-idempotent'
  | 'incremental-mismatch'
  | 'range-drift'
  | 'stale-safe-fix'
  | 'reparse-mismatch'
  | 'config-crash'
  | 'poisoned'
  | 'hang';

export interface Failure {
  kind: FailureKind;
  detail: string;
}

/** Largest text whose fixes are checked (fix-all re-analyses up to ten times). */
const FIX_CHECK_LIMIT = 60_000;
/** Fixes re-parsed one by one per case (each is a parse of the whole text). */
const FIXES_CHECKED = 60;

function crash(error: unknown): Failure[] {
  if (error instanceof AnalysisLimitError) return [];
  return [{ kind: 'crash', detail: String((error as Error)?.stack ?? error).split('\n').slice(0, 6).join('\n') }];
}

export function checkText(engine: Engine, text: string, config: RuleConfig): Failure[] {
  let findings: Finding[];
  try {
    findings = engine.analyzeText(text, config);
  } catch (error) {
    return crash(error);
  }
  const failures: Failure[] = [];
  for (const f of findings) {
    if (!(f.start >= 0 && f.start <= f.end && f.end <= text.length) || f.range.start.line > f.range.end.line) {
      failures.push({ kind: 'out-of-range', detail: `${f.rule} at ${f.start}-${f.end} in a text of ${text.length}` });
    }
    for (const fix of f.fixes) {
      if (fix.edits.some((e) => e.start < 0 || e.end > text.length || e.start > e.end)) failures.push({ kind: 'out-of-range', detail: `${f.rule}: fix "${fix.title}" edits outside the text` });
    }
  }
  if (failures.length || text.length > FIX_CHECK_LIMIT) return failures;
  try {
    // Each check is a reparse: the first fixes of each rule, at most FIXES_CHECKED in all.
    const checked = new Map<string, number>();
    let budget = FIXES_CHECKED;
    for (const f of findings) {
      for (const fix of f.fixes) {
        const seen = checked.get(f.rule) ?? 0;
        if (budget <= 0 || seen >= 8) continue;
        checked.set(f.rule, seen + 1);
        budget--;
        if (!engine.fixKeepsSyntax(text, fix)) failures.push({ kind: 'fix-breaks-syntax', detail: `${f.rule}: "${fix.title}"` });
      }
    }
    const once = engine.fixAll(text, config, { unsafe: true });
    const twice = engine.fixAll(once.text, config, { unsafe: true });
    // Fixes may unlock others (a removed import, a new annotation): stable by the third pass.
    // Nested rewrites (`Optional[Optional[…]]` 3,000 deep) take one pass per level: not a fault.
    if (twice.applied && maxBracketDepth(text) < 20 && engine.fixAll(twice.text, config, { unsafe: true }).applied) failures.push({ kind: 'not-idempotent', detail: `fix-all still applies ${twice.applied} fix(es) on its own output` });
  } catch (error) {
    failures.push(...crash(error));
  }
  return failures;
}

function maxBracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return max;
}

/** What must agree between an incremental and a fresh analysis. */
export function signature(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify([f.rule, f.start, f.end, f.range, f.message, f.peer ?? null, f.fixes.map((x) => [x.title, x.safety, x.edits])]));
}

/**
 * Types `edits` into the document one by one, as the editor's worker does (update, then an
 * incremental analysis). A result not marked provisional must equal a fresh analysis of
 * the same text; so must the whole-file analysis of the incrementally reparsed tree.
 */
export function checkEdits(engine: Engine, text: string, edits: readonly ContentChange[], config: RuleConfig): { failure?: Failure; at: number; compared: number } {
  let compared = 0;
  let document;
  try {
    document = engine.open(text);
  } catch (error) {
    const failure = crash(error)[0];
    return { failure, at: -1, compared };
  }
  let current = text;
  try {
    engine.analyzeEdited(document, config);
    for (const [i, edit] of edits.entries()) {
      current = current.slice(0, edit.start) + edit.newText + current.slice(edit.end);
      engine.update(document, [edit]);
      const incremental = engine.analyzeEdited(document, config);
      const freshFindings = engine.analyzeText(current, config);
      const fresh = signature(freshFindings);
      compared++;
      if (!incremental.provisional && JSON.stringify(signature(incremental.findings)) !== JSON.stringify(fresh)) {
        return { failure: { kind: 'incremental-mismatch', detail: diff(signature(incremental.findings), fresh) }, at: i, compared };
      }
      // Provisional or not, each finding's line and column are those of its offsets (the editor shows them).
      const drift = driftedRanges(incremental.findings, current);
      if (drift) return { failure: { kind: 'range-drift', detail: drift }, at: i, compared };
      // Even a provisional result must not offer a safe fix the file no longer has: fix-all
      // or a quick fix would apply it (a stale import removal deletes an import now used).
      const freshSafe = new Set(freshFindings.flatMap((f) => f.fixes.filter((x) => x.safety === 'safe').map((x) => JSON.stringify(x.edits))));
      // A carried fix that only rewrites its own finding is harmless; one that edits elsewhere
      // (removes an import) must still be one the file has.
      const elsewhere = (f: Finding, x: Finding['fixes'][number]) => x.edits.some((e) => e.start < f.start || e.end > f.end);
      const stale = incremental.findings.flatMap((f) => f.fixes.filter((x) => x.safety === 'safe' && elsewhere(f, x) && !freshSafe.has(JSON.stringify(x.edits))).map((x) => `${f.rule}: ${x.title}`));
      if (stale.length) return { failure: { kind: 'stale-safe-fix', detail: stale.slice(0, 3).join('; ') }, at: i, compared };
      if (i % 8 === 7) {
        const whole = signature(engine.analyze(document, config));
        if (JSON.stringify(whole) !== JSON.stringify(fresh)) return { failure: { kind: 'reparse-mismatch', detail: diff(whole, fresh) }, at: i, compared };
        engine.analyzeEdited(document, config);
      }
    }
    return { at: edits.length, compared };
  } catch (error) {
    return { failure: crash(error)[0], at: -1, compared };
  } finally {
    engine.close(document);
  }
}

/** The first finding whose range is not where its offsets are in `text`, described; undefined when none. */
function driftedRanges(findings: readonly Finding[], text: string): string | undefined {
  const lines = new LineIndex(text);
  const same = (a: Finding['range']['start'], b: Finding['range']['start']) => a.line === b.line && a.character === b.character;
  const bad = findings.find((f) => !same(f.range.start, lines.positionAt(f.start)) || !same(f.range.end, lines.positionAt(f.end)));
  return bad && `${bad.rule} at ${bad.start}-${bad.end} reported at ${JSON.stringify(bad.range)}, where its offsets are ${JSON.stringify([lines.positionAt(bad.start), lines.positionAt(bad.end)])}`;
}

function diff(actual: readonly string[], expected: readonly string[]): string {
  const only = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x)).slice(0, 3);
  return `incremental only: ${only(actual, expected).join(' ')}\nfresh only: ${only(expected, actual).join(' ')}`;
}

export function checkConfig(engine: Engine, text: string): Failure[] {
  try {
    parsePyproject(text, 'pyproject.toml', catalogOf(engine.rules));
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [];
    return [{ kind: 'config-crash', detail: String((error as Error)?.stack ?? error).split('\n').slice(0, 4).join('\n') }];
  }
}
