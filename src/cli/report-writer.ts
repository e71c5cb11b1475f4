// Writes the report of `pymodern check` file by file, in file order, as results arrive: a
// large repository's findings are never all held in memory (the standard library's 95k
// findings took 440–500 MB when the report was built whole). Text and JSON are streamed;
// JSON comes out byte for byte as `JSON.stringify(report, null, 2)` would print it. SARIF,
// one nested document, is still built at the end. Nothing is written before the first file
// is reported, so a setup failure (a worker that cannot start) leaves stdout empty. The
// caller must honour backpressure (a pipe takes writes asynchronously: unread output would
// pile up in memory), see `StdoutSink`.
import type { RuleMeta } from '../engine/types';
import type { TypedCoverage } from '../engine/coverage-figures';
import type { FileResult, OutputFinding, OutputWarning } from './analyze-file';
import { coverageReport, formatSarif, formatTextSummary, textLine, type ReportError } from './report';

export type OutputMode = 'text' | 'json' | 'sarif' | 'diff';

export interface SarifContext {
  rules: readonly RuleMeta[];
  version: string;
  trendsDir: string;
  cwd: string;
}

/** Output is handed on in pieces of about this size: one write per finding would cost more. */
const CHUNK = 64 * 1024;

export class ReportWriter {
  findings = 0;
  files = 0;
  fixed = 0;
  /** Files a diff was shown for (diff mode). */
  changedFiles = 0;
  readonly errors: ReportError[];
  /** Suppression comments that silence nothing: stderr in text mode, `warnings` in JSON. */
  readonly warnings: OutputWarning[] = [];
  private safe = 0;
  private unsafe = 0;
  private filesWithFindings = 0;
  private started = false;
  private pending = '';
  private readonly coverage: ({ file: string } & TypedCoverage)[] = [];
  /** SARIF only: its findings, kept for the document written at the end. */
  private readonly sarifFindings: OutputFinding[] = [];

  constructor(
    private readonly mode: OutputMode,
    private readonly output: (text: string) => void,
    /** Errors found before any file ran (unreadable paths, broken configs): they come first. */
    leadingErrors: readonly ReportError[],
    private readonly sarif?: SarifContext,
  ) {
    this.errors = [...leadingErrors];
  }

  /** One file's result; files must come in report order. */
  add(result: FileResult): void {
    this.start();
    if (!result.alsoPython) this.files++;
    this.fixed += result.fixed;
    this.errors.push(...result.errors);
    if (result.warnings) this.warnings.push(...result.warnings);
    if (result.coverage?.total) this.coverage.push({ file: result.file, annotated: result.coverage.annotated, total: result.coverage.total });
    if (result.diff) {
      this.changedFiles++;
      if (this.mode === 'diff') this.write(result.diff);
    }
    if (result.findings.length) this.filesWithFindings++;
    for (const finding of result.findings) {
      this.findings++;
      if (finding.fix?.safety === 'safe') this.safe++;
      else if (finding.fix?.safety === 'unsafe') this.unsafe++;
      if (this.mode === 'text') this.write(`${textLine(finding)}\n`);
      else if (this.mode === 'json') this.write(`${this.findings === 1 ? '\n' : ',\n'}${indent(JSON.stringify(finding, null, 2), '    ', true)}`);
      else if (this.mode === 'sarif') this.sarifFindings.push(finding);
    }
  }

  /** Writes what follows the last file: the JSON tail, the SARIF document or the text summary. */
  end(options: { fixMode: 'none' | 'fix' | 'diff'; unsafeFixes: boolean }): void {
    this.start();
    const coverage = coverageReport(this.coverage);
    if (this.mode === 'json') {
      const tail = `${this.findings ? '\n  ' : ''}],\n  "errors": ${indent(JSON.stringify(this.errors, null, 2), '  ', false)}`;
      const warnings = `,\n  "warnings": ${indent(JSON.stringify(this.warnings, null, 2), '  ', false)}`;
      this.write(`${tail}${warnings},\n  "coverage": ${indent(JSON.stringify(coverage, null, 2), '  ', false)}\n}\n`);
    } else if (this.mode === 'sarif') {
      const report = { findings: this.sarifFindings, errors: this.errors, warnings: this.warnings, files: this.files, fixed: this.fixed, coverage };
      this.write(`${formatSarif(report, this.sarif!.rules, this.sarif!.version, this.sarif!.trendsDir, this.sarif!.cwd)}\n`);
    } else if (this.mode === 'text') {
      const stats = { findings: this.findings, safe: this.safe, unsafe: this.unsafe, filesWithFindings: this.filesWithFindings, files: this.files, fixed: this.fixed, errors: this.errors.length, coverage };
      this.write(`${this.findings ? '\n' : ''}${formatTextSummary(stats, options)}\n`);
    }
    this.flush();
  }

  private write(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK) this.flush();
  }

  private flush(): void {
    if (!this.pending) return;
    this.output(this.pending);
    this.pending = '';
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    if (this.mode === 'json') this.write('{\n  "findings": [');
  }
}

/** Prefixes the lines of a JSON text, the first one too or not. */
function indent(text: string, prefix: string, first: boolean): string {
  return (first ? prefix : '') + text.replace(/\n/g, `\n${prefix}`);
}

/**
 * process.stdout with backpressure: to a pipe, Node writes asynchronously and queues what
 * the reader has not taken yet, so the producer waits for `drain` before making more.
 */
export class StdoutSink {
  /** Set while stdout holds more than it wants: every waiter shares the one `drain`. */
  private draining: Promise<void> | undefined;

  readonly write = (text: string): void => {
    if (process.stdout.write(text) || this.draining) return;
    this.draining = new Promise((resolve) =>
      process.stdout.once('drain', () => {
        this.draining = undefined;
        resolve();
      }),
    );
  };

  /** Resolves once stdout has taken what it was given (at once when it has). */
  drained(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }
}
