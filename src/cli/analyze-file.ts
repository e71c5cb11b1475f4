// The per-file work of `pymodern check`, run in a worker thread or in the main thread:
// read, analyse (or fix), and turn findings into the CLI's serialisable shape.
import { createTwoFilesPatch } from 'diff';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../engine/engine';
import { AnalysisLimitError, EngineFaultError, EnginePoisonedError } from '../engine/faults';
import { FileWriteError } from '../node/atomic-write';
import { LineIndex } from '../engine/positions';
import type { Finding, RuleConfig } from '../engine/types';
import type { TypedCoverage } from '../engine/coverage-figures';
import type { DirectiveProblem } from '../engine/directive-problems';
import { readSource, SourceReadError, writeSource } from '../node/read-source';

export type FixMode = 'none' | 'fix' | 'diff';

export interface FileJob {
  path: string;
  /** The path as shown to the user (relative to the working folder). */
  display: string;
  config: RuleConfig;
  /** Folder of the packaged trend pages, for each finding's link. */
  trendsDir: string;
  fixMode: FixMode;
  unsafeFixes: boolean;
  /** Time for the file's analysis and fixes (ms; 0: none), past which it is refused as too complex. */
  timeBudgetMs: number;
}

/** The JSON shape of a finding (design.md: CLI contract). Lines and columns are 1-based code points. */
export interface OutputFinding {
  file: string;
  rule: string;
  family: string;
  trend: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The trend page that explains the finding (a file: URL into the installed package). */
  url: string;
  peers: string[];
  /** The one code of `peers` this finding is (ANN205 for a staticmethod); absent when none applies. */
  peer?: string;
  fix: { title: string; safety: string } | null;
}

/** A `# pymodern:` comment that silences nothing (Engine.directiveProblems); 1-based code points. */
export interface OutputWarning {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface FileResult {
  file: string;
  findings: OutputFinding[];
  errors: { file: string; message: string }[];
  warnings?: OutputWarning[];
  /** Fixes applied (fix mode) or that would be applied (diff mode). */
  fixed: number;
  diff?: string;
  lines: number;
  bytes: number;
  /** A second result for a file already reported as Python (setup.py's project-file findings): not another file. */
  alsoPython?: boolean;
  /** Typed coverage of the file (after fixes in fix mode); undefined when it could not be read. */
  coverage?: TypedCoverage;
}

export function analyzeFile(engine: Engine, job: FileJob): FileResult {
  const result: FileResult = { file: job.display, findings: [], errors: [], fixed: 0, lines: 0, bytes: 0 };
  try {
    const source = readSource(job.path);
    let text = source.text;
    result.bytes = text.length;
    let findings: Finding[];
    let problems: DirectiveProblem[] = [];
    if (job.fixMode === 'none') {
      const document = engine.open(text);
      try {
        findings = engine.withinBudget(job.timeBudgetMs, () => engine.analyze(document, job.config));
        result.coverage = engine.coverage(document, job.config);
        problems = engine.directiveProblems(document);
      } finally {
        engine.close(document);
      }
    } else {
      // The budget covers finding and fixing; once a fix is written, the rest always runs.
      const fixed = engine.withinBudget(job.timeBudgetMs, () => engine.fixAll(text, job.config, { unsafe: job.unsafeFixes }));
      findings = fixed.findings;
      result.fixed = fixed.applied;
      if (fixed.text !== text) {
        if (job.fixMode === 'diff') result.diff = createTwoFilesPatch(job.display, job.display, text, fixed.text);
        else {
          try {
            writeSource(job.path, source, fixed.text);
            text = fixed.text;
          } catch (error) {
            if (!(error instanceof FileWriteError)) throw error;
            // Nothing was written: no fix counts as applied, and the findings are the file's own.
            result.errors.push({ file: job.display, message: error.message });
            result.fixed = 0;
            findings = engine.analyzeText(text, job.config);
          }
        }
      }
      const document = engine.open(text);
      try {
        result.coverage = engine.coverage(document, job.config);
        problems = engine.directiveProblems(document);
      } finally {
        engine.close(document);
      }
    }
    const lines = new LineIndex(text);
    result.lines = lines.lineCount;
    result.findings = findings.map((finding) => toOutput(finding, lines, job));
    if (problems.length) result.warnings = problems.map(({ range: { start, end }, message }) => ({ file: job.display, line: start.line + 1, column: lines.codePointColumn(start) + 1, endLine: end.line + 1, endColumn: lines.codePointColumn(end) + 1, message }));
  } catch (error) {
    const expected = error instanceof SourceReadError || error instanceof EngineFaultError || error instanceof EnginePoisonedError || error instanceof AnalysisLimitError;
    const message = expected ? error.message : `internal error: ${String((error as Error).stack ?? error)}`;
    result.errors.push({ file: job.display, message });
  }
  return result;
}

export function toOutput(finding: Finding, lines: LineIndex, job: Pick<FileJob, 'display' | 'trendsDir'>): OutputFinding {
  const { start, end } = finding.range;
  const fix = finding.fixes.find((f) => f.safety === 'safe') ?? finding.fixes[0];
  return {
    file: job.display,
    rule: finding.rule,
    family: finding.family,
    trend: finding.trend,
    severity: finding.severity,
    line: start.line + 1,
    column: lines.codePointColumn(start) + 1,
    endLine: end.line + 1,
    endColumn: lines.codePointColumn(end) + 1,
    message: finding.message,
    url: pathToFileURL(join(job.trendsDir, `${finding.trend}.md`)).href,
    peers: finding.peers,
    ...(finding.peer ? { peer: finding.peer } : {}),
    fix: fix ? { title: fix.title, safety: fix.safety } : null,
  };
}
