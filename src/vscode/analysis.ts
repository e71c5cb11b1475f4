// Keeps one parsed document per open Python file or notebook, analyses it after a pause in
// typing (or on save), caches the findings per document version and publishes them as
// diagnostics. Code actions and hovers read that cache; they never analyse.
//
// - A Python file is a TextUnit: change events are queued with their offsets and applied
//   to the previous tree at the next analysis (SourceDocument.update), so tree-sitter
//   reparses only what changed.
// - A notebook is a NotebookUnit: its Python cells joined into one text (imports from an
//   earlier cell count); a change becomes the smallest replacement of that text, so the
//   notebook also reparses incrementally.
// Trees are freed when their document closes, and its diagnostics cleared.
import * as vscode from 'vscode';
import type { ContentChange, SourceDocument } from '../engine/document';
import type { Engine } from '../engine/engine';
import type { Finding, TextEdit } from '../engine/types';
import type { Configs } from './config';
import { findingKey, toDiagnostic, toRange } from './diagnostics';
import { joinCells, type JoinedCells } from './notebook-text';
import { minimalEdit } from './text-diff';

/**
 * Pause in typing before analysing: at least as long as the last analysis took, so typing
 * in a slow file never analyses back to back.
 */
const TYPING_DELAY_MS = 200;
const MAX_TYPING_DELAY_MS = 1500;
/** An analysis longer than this is logged as slow. */
const SLOW_ANALYSIS_MS = 100;

const CELL_SCHEME = 'vscode-notebook-cell';
/** Schemes that hold real sources (plus the schemes of the workspace folders, for virtual workspaces). */
const SOURCE_SCHEMES = new Set(['file', 'untitled']);

export interface LocatedFinding {
  finding: Finding;
  uri: vscode.Uri;
  range: vscode.Range;
}

export interface Results {
  /** Version of each document when analysed: the results hold while these match. */
  versions: Map<string, number>;
  findings: Finding[];
  byDocument: Map<string, LocatedFinding[]>;
  byKey: Map<string, LocatedFinding>;
}

export interface AnalysisEvent {
  uri: vscode.Uri;
  /** Parse + analysis time. */
  ms: number;
  findings: number;
}

/** The engine's view of one editor document (a file, or a notebook's joined cells). */
export abstract class AnalysisUnit {
  results: Results | undefined;
  timer: NodeJS.Timeout | undefined;
  lastMs = 0;
  /** Documents whose diagnostics this unit published. */
  published = new Map<string, vscode.Uri>();

  constructor(readonly source: SourceDocument) {}

  /** The file or notebook: the key of the unit and the scope of its settings. */
  abstract get uri(): vscode.Uri;
  abstract documents(): readonly vscode.TextDocument[];
  /** Brings the parsed source up to date with the editor. */
  abstract sync(): void;
  /** Maps a range of the analysed text to a document range; undefined if it spans cells. */
  abstract locate(start: number, end: number): { uri: vscode.Uri; range: vscode.Range } | undefined;

  /** Whether the cached results describe this document as it is now. */
  resultsFor(document: vscode.TextDocument): Results | undefined {
    return this.results?.versions.get(document.uri.toString()) === document.version ? this.results : undefined;
  }

  /** Engine edits (offsets into the analysed text) as a workspace edit; undefined if one cannot be placed. */
  workspaceEdit(edits: readonly TextEdit[]): vscode.WorkspaceEdit | undefined {
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) {
      const place = this.locate(e.start, e.end);
      if (!place) return undefined;
      edit.replace(place.uri, place.range, e.newText);
    }
    return edit;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.source.dispose();
  }
}

class TextUnit extends AnalysisUnit {
  private pending: ContentChange[] = [];
  /** Version the document reaches once `pending` is applied. */
  private pendingVersion: number;
  /** Set while syncing: if a replay throws, the next sync starts over from the text. */
  private broken = false;

  constructor(
    engine: Engine,
    readonly document: vscode.TextDocument,
  ) {
    super(engine.open(document.getText(), document.version));
    this.pendingVersion = document.version;
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  documents(): readonly vscode.TextDocument[] {
    return [this.document];
  }

  queue(event: vscode.TextDocumentChangeEvent): void {
    for (const change of event.contentChanges) {
      this.pending.push({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, newText: change.text });
    }
    this.pendingVersion = event.document.version;
  }

  sync(): void {
    const version = this.document.version;
    if (this.source.version === version && !this.pending.length) return;
    // Changes arrive in order, each relative to the text the previous one left: replay them
    // on the old tree. Should an event ever be missed (or a replay fail), start over from the text.
    const replay = !this.broken && this.pendingVersion === version;
    const changes = this.pending;
    this.pending = [];
    this.broken = true;
    if (replay) this.source.update(changes, version);
    else this.source.reset(this.document.getText(), version);
    this.broken = false;
    this.pendingVersion = version;
  }

  locate(start: number, end: number): { uri: vscode.Uri; range: vscode.Range } {
    const lines = this.source.lines;
    return { uri: this.document.uri, range: toRange({ start: lines.positionAt(start), end: lines.positionAt(end) }) };
  }
}

interface CellSpan {
  document: vscode.TextDocument;
  start: number;
  end: number;
  /** Line of the joined text on which the cell starts. */
  line: number;
}

class NotebookUnit extends AnalysisUnit {
  private cells: CellSpan[] = [];

  constructor(
    engine: Engine,
    readonly notebook: vscode.NotebookDocument,
  ) {
    const documents = pythonCells(notebook);
    const joined = joinCells(documents.map((d) => d.getText()));
    super(engine.open(joined.text));
    this.layout(documents, joined);
  }

  get uri(): vscode.Uri {
    return this.notebook.uri;
  }

  documents(): readonly vscode.TextDocument[] {
    return this.cells.map((c) => c.document);
  }

  has(document: vscode.TextDocument): boolean {
    return this.notebook.getCells().some((cell) => cell.document === document);
  }

  sync(): void {
    const documents = pythonCells(this.notebook);
    const joined = joinCells(documents.map((d) => d.getText()));
    const change = minimalEdit(this.source.text, joined.text);
    if (change) this.source.update([change]);
    this.layout(documents, joined);
  }

  private layout(documents: vscode.TextDocument[], joined: JoinedCells): void {
    const lines = this.source.lines;
    this.cells = documents.map((document, i) => {
      const start = joined.starts[i];
      return { document, start, end: start + document.getText().length, line: lines.positionAt(start).line };
    });
  }

  locate(start: number, end: number): { uri: vscode.Uri; range: vscode.Range } | undefined {
    const cell = this.cells.find((c) => c.start <= start && end <= c.end);
    if (!cell) return undefined;
    const lines = this.source.lines;
    const from = lines.positionAt(start);
    const to = lines.positionAt(end);
    return {
      uri: cell.document.uri,
      range: new vscode.Range(from.line - cell.line, from.character, to.line - cell.line, to.character),
    };
  }
}

function pythonCells(notebook: vscode.NotebookDocument): vscode.TextDocument[] {
  return notebook
    .getCells()
    .filter((cell) => cell.kind === vscode.NotebookCellKind.Code && cell.document.languageId === 'python')
    .map((cell) => cell.document);
}

export class Analyzer implements vscode.Disposable {
  private readonly units = new Map<string, AnalysisUnit>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly analyzed = new vscode.EventEmitter<AnalysisEvent>();
  /** Fires after each analysis (tests and timings listen). */
  readonly onDidAnalyze = this.analyzed.event;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('pymodern');

  constructor(
    readonly engine: Engine,
    readonly configs: Configs,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const ws = vscode.workspace;
    this.disposables.push(
      this.diagnostics,
      this.analyzed,
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
    const unit = new TextUnit(this.engine, document);
    this.units.set(document.uri.toString(), unit);
    this.schedule(unit, 0); // right after the event (or activation), not inside it
  }

  private openedNotebook(notebook: vscode.NotebookDocument): void {
    if (notebook.notebookType !== 'jupyter-notebook' || this.units.has(notebook.uri.toString())) return;
    if (!this.configs.isEnabled(notebook.uri)) return;
    const unit = new NotebookUnit(this.engine, notebook);
    this.units.set(notebook.uri.toString(), unit);
    this.schedule(unit, 0);
  }

  private changed(event: vscode.TextDocumentChangeEvent): void {
    if (!event.contentChanges.length) return;
    const unit = this.unitOf(event.document);
    if (!unit) return;
    if (unit instanceof TextUnit) unit.queue(event);
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
    if (unit && this.configs.forDocument(unit.uri).run === 'onSave') this.analyze(unit);
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
    unit.timer = setTimeout(() => this.analyze(unit), delay);
  }

  private analyze(unit: AnalysisUnit): void {
    clearTimeout(unit.timer);
    unit.timer = undefined;
    if (this.units.get(unit.uri.toString()) !== unit) return; // closed meanwhile
    unit.results = undefined;
    const config = this.configs.forDocument(unit.uri);
    const started = performance.now();
    let findings: Finding[] = [];
    try {
      unit.sync();
      if (!config.skipped) findings = this.engine.analyze(unit.source, config.rules);
    } catch (error) {
      // No findings, so nothing below uses the (possibly stale) tree's offsets.
      findings = [];
      this.log.error(`analysing ${unit.uri.toString(true)} failed: ${String((error as Error).stack ?? error)}`);
    }
    const ms = performance.now() - started;
    unit.lastMs = ms;
    if (ms > SLOW_ANALYSIS_MS) this.log.info(`${unit.uri.toString(true)}: ${unit.source.lines.lineCount} lines analysed in ${ms.toFixed(0)} ms`);

    const results: Results = { versions: new Map(), findings, byDocument: new Map(), byKey: new Map() };
    for (const document of unit.documents()) {
      results.versions.set(document.uri.toString(), document.version);
      results.byDocument.set(document.uri.toString(), []);
    }
    for (const finding of findings) {
      const place = unit.locate(finding.start, finding.end);
      if (!place) continue;
      const located: LocatedFinding = { finding, ...place };
      results.byDocument.get(place.uri.toString())?.push(located);
      results.byKey.set(findingKey(finding.rule, place.range), located);
    }
    unit.results = results;
    this.publish(unit, results);
    this.analyzed.fire({ uri: unit.uri, ms, findings: findings.length });
  }

  private publish(unit: AnalysisUnit, results: Results): void {
    const now = new Map<string, vscode.Uri>();
    for (const document of unit.documents()) {
      const key = document.uri.toString();
      now.set(key, document.uri);
      this.diagnostics.set(document.uri, (results.byDocument.get(key) ?? []).map((l) => toDiagnostic(l.finding, l.range)));
    }
    for (const [key, uri] of unit.published) if (!now.has(key)) this.diagnostics.delete(uri);
    unit.published = now;
  }

  dispose(): void {
    for (const unit of this.units.values()) unit.dispose();
    this.units.clear();
    for (const d of this.disposables) d.dispose();
  }
}
