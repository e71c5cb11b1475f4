// Keeps one analysis unit per open Python file or notebook (src/vscode/analysis-units.ts),
// has it analysed after a pause in typing (or on save), caches the findings per document
// version and publishes them as diagnostics. Code actions and hovers read that cache; they
// never analyse.
//
// Parsing and analysing happen in a worker thread (src/node/analysis-worker.ts, through
// AnalysisClient), language-server style, so the extension host never runs a parse or an
// analysis: a unit sends the worker its text on open and each change as it comes, then the
// analyzer asks for an analysis of a version. The host's work is a postMessage per event
// and, per result, decoding it and placing each finding in its document, a slice at a time.
// A result is published unless a newer analysis was asked for or is scheduled (typing goes
// on): with `pymodern.run` onSave, the analysis of the saved text is shown even if typing
// resumed meanwhile, as the previous diagnostics would be. Closing a document frees its
// tree in the worker and clears its diagnostics.
import * as vscode from 'vscode';
import type { TypedCoverage } from '../engine/coverage-figures';
import { AnalysisCrashError, AnalysisError, AnalysisTooComplexError, type AnalysisClient } from '../node/analysis-client';
import type { AnalyzedFinding } from '../node/analysis-protocol';
import type { RuleMetadata } from '../node/rule-metadata';
import { FINDINGS_PER_SLICE, inSlices } from '../node/slices';
import { NotebookUnit, TextUnit, type AnalysisUnit, type LocatedFinding, type Results } from './analysis-units';
import type { Configs } from './config';
import { findingKey, SOURCE, toDiagnostic } from './diagnostics';
import type { DirectiveProblem } from '../engine/directive-problems';

/** The code of the warnings on suppression comments that silence nothing. */
export const INVALID_SUPPRESSION = 'invalid-suppression';

export type { AnalysisUnit, LocatedFinding, Results } from './analysis-units';

/**
 * Pause in typing before analysing: at least as long as the last analysis took, so typing
 * in a slow file never analyses back to back.
 */
const TYPING_DELAY_MS = 200;
const MAX_TYPING_DELAY_MS = 1500;
/**
 * Pause in typing before a provisional result (only the edited def analysed again) is
 * completed by a whole-file analysis, which updates what other defs learn from the edit.
 */
const SETTLE_DELAY_MS = 750;
/** An analysis longer than this is logged as slow. */
const SLOW_ANALYSIS_MS = 100;

const CELL_SCHEME = 'vscode-notebook-cell';
/** Schemes that hold real sources (plus the schemes of the workspace folders, for virtual workspaces). */
const SOURCE_SCHEMES = new Set(['file', 'untitled']);

export interface AnalysisEvent {
  uri: vscode.Uri;
  /** Parse + analysis time, in the worker. */
  ms: number;
  findings: number;
  /** Only the edited def was analysed again; a whole-file analysis follows once typing pauses. */
  provisional: boolean;
  /** The analysis stopped (file too complex): the findings shown are those of the last one that finished. */
  stopped?: string;
}

function emptyResults(versions: Map<string, number>, findings: AnalyzedFinding[], coverage: TypedCoverage | undefined): Results {
  const byDocument = new Map<string, LocatedFinding[]>([...versions.keys()].map((uri) => [uri, []]));
  return { versions, findings, byDocument, byKey: new Map(), coverage, directiveWarnings: new Map() };
}

/** A suppression comment that silences nothing, as a warning on the comment (it has no finding, so no quick fix). */
function locateDirective(results: Results, unit: AnalysisUnit, problem: DirectiveProblem): void {
  const place = unit.locate(problem.start, problem.end);
  if (!place) return;
  const diagnostic = new vscode.Diagnostic(place.range, problem.message, vscode.DiagnosticSeverity.Warning);
  diagnostic.source = SOURCE;
  diagnostic.code = INVALID_SUPPRESSION;
  const key = place.uri.toString();
  results.directiveWarnings.set(key, [...(results.directiveWarnings.get(key) ?? []), diagnostic]);
}

/** Places one finding in its document and files it under rule + range, with its diagnostic. */
function locateIn(results: Results, unit: AnalysisUnit, finding: AnalyzedFinding): void {
  const place = unit.place(finding);
  if (!place) return;
  const located: LocatedFinding = { finding, ...place, diagnostic: toDiagnostic(finding, place.range) };
  results.byDocument.get(place.uri.toString())?.push(located);
  results.byKey.set(findingKey(finding.rule, place.range), located);
}

function sameVersions(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([uri, version]) => b.get(uri) === version);
}

export class Analyzer implements vscode.Disposable {
  private readonly units = new Map<string, AnalysisUnit>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly analyzed = new vscode.EventEmitter<AnalysisEvent>();
  private readonly requested = new vscode.EventEmitter<{ uri: vscode.Uri }>();
  /** Fires after each analysis is published (tests and timings listen). */
  readonly onDidAnalyze = this.analyzed.event;
  /** Fires when an analysis is asked of the worker (tests listen: the host is free until onDidAnalyze). */
  readonly onWillAnalyze = this.requested.event;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('pymodern');

  constructor(
    readonly client: AnalysisClient,
    readonly metadata: RuleMetadata,
    readonly configs: Configs,
    readonly log: vscode.LogOutputChannel,
  ) {
    const ws = vscode.workspace;
    this.disposables.push(
      this.diagnostics,
      this.analyzed,
      this.requested,
      ws.onDidOpenTextDocument((document) => this.opened(document)),
      ws.onDidChangeTextDocument((event) => this.changed(event)),
      ws.onDidCloseTextDocument((document) => this.closed(document)),
      ws.onDidSaveTextDocument((document) => this.saved(this.unitOf(document))),
      ws.onDidOpenNotebookDocument((notebook) => this.openedNotebook(notebook)),
      ws.onDidChangeNotebookDocument((event) => this.changedNotebook(event)),
      ws.onDidCloseNotebookDocument((notebook) => this.closeUnit(notebook.uri)),
      ws.onDidSaveNotebookDocument((notebook) => this.saved(this.units.get(notebook.uri.toString()))),
      configs.onDidChange(() => this.reconsiderAll()),
    );
    this.reconsiderAll();
  }

  /** The unit a document belongs to (itself, or its notebook). */
  unitOf(document: vscode.TextDocument): AnalysisUnit | undefined {
    if (document.uri.scheme !== CELL_SCHEME) return this.units.get(document.uri.toString());
    for (const unit of this.units.values()) if (unit instanceof NotebookUnit && unit.has(document)) return unit;
    return undefined;
  }

  /** Findings located in this document, when the cache matches its current version. */
  findingsIn(document: vscode.TextDocument): { unit: AnalysisUnit; results: Results; located: LocatedFinding[] } | undefined {
    const unit = this.unitOf(document);
    const results = unit?.resultsFor(document);
    if (!unit || !results) return undefined;
    return { unit, results, located: results.byDocument.get(document.uri.toString()) ?? [] };
  }

  /** Whether live analysis owns this file's diagnostics (the workspace scan leaves it alone). */
  isTracked(uri: vscode.Uri): boolean {
    return this.units.has(uri.toString());
  }

  /** For the client: the current text of an open unit, to reopen it in a restarted worker. */
  currentText(key: string): { text: string; version: number } | undefined {
    return this.units.get(key)?.current();
  }

  /** The worker was restarted and the units reopened: what was in flight is lost, so analyse everything again. */
  restarted(): void {
    for (const unit of this.units.values()) this.schedule(unit, 0);
  }

  private isSource(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'python' || document.uri.scheme === CELL_SCHEME) return false;
    const scheme = document.uri.scheme;
    return SOURCE_SCHEMES.has(scheme) || (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === scheme);
  }

  private opened(document: vscode.TextDocument): void {
    if (document.uri.scheme === CELL_SCHEME) {
      // A cell added to or switched to Python in an open notebook.
      const unit = this.unitOf(document);
      if (unit) this.schedule(unit, 0);
      return;
    }
    if (!this.isSource(document) || this.units.has(document.uri.toString())) return;
    if (!this.configs.isEnabled(document.uri)) return;
    const unit = new TextUnit(this.client, document);
    this.units.set(unit.key, unit);
    this.schedule(unit, 0); // right after the event (or activation), not inside it
  }

  private openedNotebook(notebook: vscode.NotebookDocument): void {
    if (notebook.notebookType !== 'jupyter-notebook' || this.units.has(notebook.uri.toString())) return;
    if (!this.configs.isEnabled(notebook.uri)) return;
    const unit = new NotebookUnit(this.client, notebook);
    this.units.set(unit.key, unit);
    this.schedule(unit, 0);
  }

  private changed(event: vscode.TextDocumentChangeEvent): void {
    if (!event.contentChanges.length) return;
    const unit = this.unitOf(event.document);
    if (!unit) return;
    if (unit instanceof TextUnit) unit.changed(event);
    unit.edited = true;
    if (this.configs.forDocument(unit.uri).run === 'onType') {
      this.schedule(unit, Math.min(MAX_TYPING_DELAY_MS, Math.max(TYPING_DELAY_MS, unit.lastMs)));
    }
  }

  private changedNotebook(event: vscode.NotebookDocumentChangeEvent): void {
    const unit = this.units.get(event.notebook.uri.toString());
    // Cell text changes come through changed(); here: cells added, removed or moved.
    if (unit && event.contentChanges.length) this.schedule(unit, 0);
  }

  private saved(unit: AnalysisUnit | undefined): void {
    if (unit && this.configs.forDocument(unit.uri).run === 'onSave') void this.analyze(unit);
  }

  private closed(document: vscode.TextDocument): void {
    if (document.uri.scheme === CELL_SCHEME) return; // the notebook's close handles its cells
    this.closeUnit(document.uri);
    if (document.languageId === 'python') this.diagnostics.delete(document.uri);
  }

  private closeUnit(uri: vscode.Uri): void {
    const key = uri.toString();
    const unit = this.units.get(key);
    if (!unit) return;
    this.units.delete(key);
    this.configs.forget(uri);
    for (const published of unit.published.values()) this.diagnostics.delete(published);
    unit.dispose();
  }

  /** After a settings or pyproject.toml change: track what is enabled now, re-analyse it all. */
  private reconsiderAll(): void {
    for (const unit of [...this.units.values()]) {
      if (this.configs.isEnabled(unit.uri)) this.schedule(unit, 0);
      else this.closeUnit(unit.uri);
    }
    for (const document of vscode.workspace.textDocuments) this.opened(document);
    for (const notebook of vscode.workspace.notebookDocuments) this.openedNotebook(notebook);
  }

  private schedule(unit: AnalysisUnit, delay: number): void {
    clearTimeout(unit.timer);
    unit.timer = setTimeout(() => void this.analyze(unit), delay);
  }

  private isCurrent(unit: AnalysisUnit, generation: number): boolean {
    return this.units.get(unit.key) === unit && unit.generation === generation;
  }

  private async analyze(unit: AnalysisUnit, resynced = false): Promise<void> {
    clearTimeout(unit.timer);
    unit.timer = undefined;
    if (this.units.get(unit.key) !== unit) return; // closed meanwhile
    const generation = ++unit.generation;
    const config = this.configs.forDocument(unit.uri);
    if (config.skipped) {
      this.publishNone(unit, unit.versions());
      return;
    }
    const version = unit.sync();
    const versions = unit.versions();
    const incremental = unit.edited;
    unit.edited = false;
    this.requested.fire({ uri: unit.uri });
    let outcome;
    try {
      outcome = await this.client.analyze(unit.key, version, config.rules, { incremental });
    } catch (error) {
      if (!this.isCurrent(unit, generation) || error instanceof AnalysisCrashError) return; // restarted() asks again
      if (error instanceof AnalysisError && error.resync && !resynced) {
        // The worker lost the document (a failed update): send the whole text, once.
        unit.reopen();
        return this.analyze(unit, true);
      }
      if (error instanceof AnalysisTooComplexError) {
        // Keep the last findings: a slightly stale picture beats none (their quick fixes wait for a fresh analysis).
        if (unit.stopped !== error.message) this.log.warn(`${unit.uri.toString(true)}: ${error.message}; the findings shown are from its last complete analysis`);
        unit.stopped = error.message;
        this.analyzed.fire({ uri: unit.uri, ms: 0, findings: unit.results?.findings.length ?? 0, provisional: false, stopped: error.message });
        return;
      }
      this.log.error(`analysing ${unit.uri.toString(true)} failed: ${String((error as Error).message ?? error)}`);
      if (sameVersions(versions, unit.versions())) this.publishNone(unit, versions);
      return;
    }
    // Still the latest analysis asked for, and either the document is as analysed or no newer analysis is scheduled.
    const wanted = () => this.isCurrent(unit, generation) && (!unit.timer || sameVersions(versions, unit.versions()));
    if (!wanted()) return;
    if (outcome.status === 'superseded') {
      // The document changed before the worker got to it, and nothing else will ask (onSave): ask for the text as it is now.
      if (!unit.timer) this.schedule(unit, 0);
      return;
    }
    const results = emptyResults(versions, outcome.findings, outcome.coverage);
    // A slice at a time: a huge file's thousands of findings never hold the host in one task.
    const placed = await inSlices(outcome.findings, FINDINGS_PER_SLICE, (finding) => locateIn(results, unit, finding), wanted);
    if (!placed || !wanted()) return;
    for (const problem of outcome.directives) locateDirective(results, unit, problem);
    unit.lastMs = outcome.ms;
    this.publish(unit, results, outcome.ms, outcome.provisional);
    // Once typing pauses (a keystroke reschedules), the whole file: what the edit changes in other defs.
    if (outcome.provisional && !unit.timer) this.schedule(unit, SETTLE_DELAY_MS);
    if (outcome.ms > SLOW_ANALYSIS_MS) {
      const { decode } = outcome;
      this.log.info(
        `${unit.uri.toString(true)}: analysed in ${outcome.ms.toFixed(0)} ms in the worker; on the host, ${outcome.findings.length} findings ` +
          `decoded in ${decode.totalMs.toFixed(0)} ms (longest slice ${decode.longestMs.toFixed(0)} ms) and placed in ${placed.totalMs.toFixed(0)} ms (${placed.longestMs.toFixed(0)} ms)`,
      );
    }
  }

  /** Not analysed (skipped, or the analysis failed): no findings rather than those of a text the editor no longer shows. */
  private publishNone(unit: AnalysisUnit, versions: Map<string, number>): void {
    this.publish(unit, emptyResults(versions, [], undefined), 0, false);
  }

  /** Caches the results and publishes them as diagnostics. */
  private publish(unit: AnalysisUnit, results: Results, ms: number, provisional: boolean): void {
    unit.results = results;
    unit.stopped = undefined;
    const now = new Map<string, vscode.Uri>();
    for (const document of unit.documents()) {
      const key = document.uri.toString();
      now.set(key, document.uri);
      this.diagnostics.set(document.uri, [...(results.byDocument.get(key) ?? []).map((l) => l.diagnostic), ...(results.directiveWarnings.get(key) ?? [])]);
    }
    for (const [key, uri] of unit.published) if (!now.has(key)) this.diagnostics.delete(uri);
    unit.published = now;
    this.analyzed.fire({ uri: unit.uri, ms, findings: results.findings.length, provisional });
  }

  dispose(): void {
    for (const unit of this.units.values()) unit.dispose();
    this.units.clear();
    for (const d of this.disposables) d.dispose();
  }
}
