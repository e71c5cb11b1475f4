// The editor documents the analysis worker knows: a Python file (TextUnit) or a notebook's
// Python cells joined into one text (NotebookUnit). A unit sends the worker the text on open
// and what changed since; it places the worker's findings (offsets and ranges of the analysed
// text) in its documents, and keeps the results of its last analysis for code actions and hovers.
// - A TextUnit forwards change events with their offsets; the worker applies them to the
//   previous tree (SourceDocument.update), so it reparses only what changed.
// - A NotebookUnit joins the cells (imports from an earlier cell count); a change becomes the
//   smallest replacement of that text, so the notebook also reparses incrementally.
import * as vscode from 'vscode';
import { LineIndex } from '../engine/positions';
import type { TextEdit } from '../engine/types';
import type { TypedCoverage } from '../engine/coverage-figures';
import type { AnalysisClient } from '../node/analysis-client';
import type { AnalyzedFinding } from '../node/analysis-protocol';
import { toRange } from './diagnostics';
import { joinCells, type JoinedCells } from './notebook-text';
import { minimalEdit } from './text-diff';

export interface LocatedFinding {
  finding: AnalyzedFinding;
  uri: vscode.Uri;
  range: vscode.Range;
  diagnostic: vscode.Diagnostic;
}

export interface Results {
  /** Version of each document when analysed: the results hold while these match. */
  versions: Map<string, number>;
  findings: AnalyzedFinding[];
  byDocument: Map<string, LocatedFinding[]>;
  byKey: Map<string, LocatedFinding>;
  /** Typed coverage of the unit (the status bar's); undefined when it was not analysed. */
  coverage: TypedCoverage | undefined;
  /** Per document, the warnings on suppression comments that silence nothing (no finding behind them). */
  directiveWarnings: Map<string, vscode.Diagnostic[]>;
}

export type Place = { uri: vscode.Uri; range: vscode.Range };

/** One editor document (a file, or a notebook's joined cells) as the worker knows it. */
export abstract class AnalysisUnit {
  results: Results | undefined;
  timer: NodeJS.Timeout | undefined;
  lastMs = 0;
  /** Analyses asked for so far: a result is published only if no newer analysis was asked for since. */
  generation = 0;
  /** Typed in since the last analysis was asked for: the next may re-analyse only the edited def. */
  edited = false;
  /** Documents whose diagnostics this unit published. */
  published = new Map<string, vscode.Uri>();
  /** Why the last analysis stopped (file too complex): the diagnostics shown are older than the text. */
  stopped: string | undefined;

  constructor(protected readonly client: AnalysisClient) {}

  /** The file or notebook: the key of the unit and the scope of its settings. */
  abstract get uri(): vscode.Uri;
  abstract documents(): readonly vscode.TextDocument[];
  /** The whole text and its version, to open the document in the worker (again). */
  abstract current(): { text: string; version: number };
  /** Sends the worker what it lacks to analyse the document as it is now; returns that version. */
  abstract sync(): number;
  /** A finding's place in the editor; undefined if it spans cells. */
  abstract place(finding: AnalyzedFinding): Place | undefined;
  /** Offsets of the analysed text as a document range (valid while the results are); undefined if it spans cells. */
  abstract locate(start: number, end: number): Place | undefined;

  get key(): string {
    return this.uri.toString();
  }

  reopen(): void {
    const { text, version } = this.current();
    this.client.openDocument(this.key, text, version);
  }

  /** Version of each document of the unit, now. */
  versions(): Map<string, number> {
    return new Map(this.documents().map((d) => [d.uri.toString(), d.version]));
  }

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
    this.client.closeDocument(this.key);
  }
}

export class TextUnit extends AnalysisUnit {
  /** Version the forwarded changes lead to: if it is not the document's, an event was missed. */
  private sentVersion: number;

  constructor(
    client: AnalysisClient,
    readonly document: vscode.TextDocument,
  ) {
    super(client);
    this.sentVersion = document.version;
    this.reopen();
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  documents(): readonly vscode.TextDocument[] {
    return [this.document];
  }

  current(): { text: string; version: number } {
    return { text: this.document.getText(), version: this.document.version };
  }

  override reopen(): void {
    this.sentVersion = this.document.version;
    super.reopen();
  }

  /** Forwards an edit at once: a few bytes, and the worker applies a pause's worth of them in one reparse. */
  changed(event: vscode.TextDocumentChangeEvent): void {
    // Changes arrive in order, each relative to the text the previous one left, as SourceDocument.update applies them.
    const changes = event.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text }));
    this.client.changeDocument(this.key, changes, event.document.version);
    this.sentVersion = event.document.version;
  }

  sync(): number {
    // Should an event ever be missed, start over from the text.
    if (this.sentVersion !== this.document.version) this.reopen();
    return this.document.version;
  }

  place(finding: AnalyzedFinding): Place {
    // The engine's range is in the analysed text, which is this version of the document.
    return { uri: this.document.uri, range: toRange(finding.range) };
  }

  locate(start: number, end: number): Place {
    return { uri: this.document.uri, range: new vscode.Range(this.document.positionAt(start), this.document.positionAt(end)) };
  }
}

interface CellSpan {
  document: vscode.TextDocument;
  start: number;
  end: number;
  /** Line of the joined text on which the cell starts. */
  line: number;
}

export class NotebookUnit extends AnalysisUnit {
  private cells: CellSpan[] = [];
  /** The joined text the worker has, its version (a local counter) and line index. */
  private text: string;
  private version = 0;
  private lines!: LineIndex;

  constructor(
    client: AnalysisClient,
    readonly notebook: vscode.NotebookDocument,
  ) {
    super(client);
    const documents = pythonCells(notebook);
    const joined = joinCells(documents.map((d) => d.getText()));
    this.text = joined.text;
    this.reopen();
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

  current(): { text: string; version: number } {
    return { text: this.text, version: this.version };
  }

  sync(): number {
    const documents = pythonCells(this.notebook);
    const joined = joinCells(documents.map((d) => d.getText()));
    const change = minimalEdit(this.text, joined.text);
    if (change) {
      this.text = joined.text;
      this.client.changeDocument(this.key, [change], ++this.version);
    }
    this.layout(documents, joined);
    return this.version;
  }

  private layout(documents: vscode.TextDocument[], joined: JoinedCells): void {
    // Notebooks are small: indexing their joined text on the host costs little.
    this.lines = new LineIndex(joined.text);
    this.cells = documents.map((document, i) => {
      const start = joined.starts[i];
      return { document, start, end: start + document.getText().length, line: this.lines.positionAt(start).line };
    });
  }

  place(finding: AnalyzedFinding): Place | undefined {
    return this.locate(finding.start, finding.end);
  }

  locate(start: number, end: number): Place | undefined {
    const cell = this.cells.find((c) => c.start <= start && end <= c.end);
    if (!cell) return undefined;
    const from = this.lines.positionAt(start);
    const to = this.lines.positionAt(end);
    return {
      uri: cell.document.uri,
      range: new vscode.Range(from.line - cell.line, from.character, to.line - cell.line, to.character),
    };
  }
}

export function pythonCells(notebook: vscode.NotebookDocument): vscode.TextDocument[] {
  return notebook
    .getCells()
    .filter((cell) => cell.kind === vscode.NotebookCellKind.Code && cell.document.languageId === 'python')
    .map((cell) => cell.document);
}
