// Worker thread that owns the editor's parsed documents and analyses them, so the extension
// host never runs a parse or an analysis (bundled as dist/analysis-worker.js; the client is
// src/node/analysis-client.ts, the messages src/node/analysis-protocol.ts).
//
// Messages are queued as they arrive and handled one expensive request per event-loop turn,
// so everything the host sent meanwhile has arrived before the next request is handled:
// an analysis whose document already has a newer version (or a newer analysis) queued is
// answered as superseded instead of being run. Parsing is lazy too: an opened text is parsed,
// and changes are applied all at once (one incremental reparse per pause in typing, not one
// per keystroke), by the next analysis of their document. Each request's error is answered,
// never thrown: the worker stays up.
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentChange, SourceDocument } from '../engine/document';
import type { Engine } from '../engine/engine';
import { AnalysisLimitError } from '../engine/faults';
import type { AnalysisRequest, AnalysisResponse, AnalyzedFinding } from './analysis-protocol';
import { loadEngine } from './load-engine';
import { FINDINGS_PER_SLICE } from './slices';

interface WorkerDocument {
  /** Text received by `open` (plus the changes since), parsed by the next analysis. */
  text?: string;
  source?: SourceDocument;
  /** Changes received for `source` but not applied yet. */
  pending: ContentChange[];
  /** The version the document has once everything received is applied. */
  version: number;
  /** Why neither text nor source is left (opening or updating failed): the host must open it again. */
  problem?: string;
}

type Reply = (response: AnalysisResponse) => void;

export class AnalysisWorker {
  private readonly documents = new Map<string, WorkerDocument>();
  private readonly queue: AnalysisRequest[] = [];
  private scheduled = false;

  constructor(
    private readonly engine: Engine,
    private readonly reply: Reply,
    /** Called once the engine is poisoned (a WASM trap): the thread should end. */
    private readonly onPoisoned: () => void = () => undefined,
  ) {}

  receive(request: AnalysisRequest): void {
    this.queue.push(request);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || !this.queue.length) return;
    this.scheduled = true;
    // setImmediate, not a microtask: messages that arrived during the last task are delivered first.
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  /** Handles notifications until one request (analyze, fixAll) has been handled, then yields. */
  private drain(): void {
    while (this.queue.length) {
      const request = this.queue.shift()!;
      if (this.handle(request)) break;
      // A trap of the WASM runtime leaves its memory unusable: end this worker, so that the
      // client starts a fresh one (a fresh runtime) and reopens the documents in it.
      if (this.engine.poisoned) {
        this.onPoisoned();
        return;
      }
    }
    this.schedule();
  }

  /** Returns true when the request was expensive (an analysis or a fix-all ran). */
  private handle(request: AnalysisRequest): boolean {
    switch (request.type) {
      case 'open':
        this.open(request.key, request.text, request.version);
        return false;
      case 'change':
        this.change(request.key, request.changes, request.version);
        return false;
      case 'close':
        this.closeSource(this.documents.get(request.key)?.source);
        this.documents.delete(request.key);
        return false;
      case 'analyze':
        return this.analyze(request);
      case 'fixAll':
        try {
          const result = this.engine.withinBudget(request.timeBudgetMs, () => this.engine.fixAll(request.text, request.config, { unsafe: request.unsafe }));
          this.reply({ type: 'fixed', id: request.id, result });
        } catch (error) {
          if (error instanceof AnalysisLimitError) this.reply({ type: 'error', id: request.id, message: error.message, tooComplex: true });
          else this.reply({ type: 'error', id: request.id, message: describe(error) });
        }
        return true;
    }
  }

  private open(key: string, text: string, version: number): void {
    this.closeSource(this.documents.get(key)?.source);
    this.documents.set(key, { text, pending: [], version });
  }

  private change(key: string, changes: ContentChange[], version: number): void {
    const document = this.documents.get(key);
    if (!document) return; // reported by the next analysis, which asks the host to open it again
    document.version = version;
    if (document.text === undefined) {
      document.pending.push(...changes);
      return;
    }
    try {
      // Not parsed yet: edit the text (as SourceDocument.update does, in order).
      document.text = changes.reduce((text, c) => text.slice(0, c.start) + c.newText + text.slice(c.end), document.text);
    } catch (error) {
      document.text = undefined;
      document.problem = `applying changes failed: ${describe(error)}`;
    }
  }

  private analyze(request: Extract<AnalysisRequest, { type: 'analyze' }>): boolean {
    const { id, key, version } = request;
    const document = this.documents.get(key);
    if (!document) {
      this.reply({ type: 'error', id, message: `${key} is not open in the analysis worker`, resync: true });
      return false;
    }
    if (document.version > version || this.newerQueued(key)) {
      this.reply({ type: 'superseded', id, version });
      return false;
    }
    if (document.version < version) {
      this.reply({ type: 'error', id, message: `${key}: version ${version} asked, ${document.version} known (a change was missed)`, resync: true });
      return false;
    }
    const started = performance.now();
    try {
      const source = this.sync(document);
      const analysis = this.engine.withinBudget(request.timeBudgetMs, () => this.engine.analyzeEdited(source, request.config, { exact: !request.incremental }));
      const findings: AnalyzedFinding[] = analysis.findings;
      const coverage = this.engine.coverage(source, request.config);
      const chunks: string[] = [];
      for (let i = 0; i < findings.length; i += FINDINGS_PER_SLICE) chunks.push(JSON.stringify(findings.slice(i, i + FINDINGS_PER_SLICE)));
      const directives = this.engine.directiveProblems(source);
      const result = { version, coverage, ms: performance.now() - started, provisional: analysis.provisional, directives };
      this.reply({ type: 'analyzed', id, result, findings: chunks });
    } catch (error) {
      if (error instanceof AnalysisLimitError) {
        this.reply({ type: 'error', id, message: error.message, tooComplex: true });
        return true;
      }
      const resync = document.problem !== undefined;
      this.reply({ type: 'error', id, message: resync ? document.problem! : `analysis failed: ${describe(error)}`, resync });
    }
    return true;
  }

  /** Parses an opened text, or applies the queued changes (one incremental reparse); on failure the document is dropped until reopened. */
  private sync(document: WorkerDocument): SourceDocument {
    if (document.text !== undefined) {
      const text = document.text;
      document.text = undefined;
      try {
        document.source = this.engine.open(text, document.version);
      } catch (error) {
        document.problem = `parsing failed: ${describe(error)}`;
        throw error;
      }
    }
    if (!document.source) throw new Error(document.problem ?? 'document unavailable');
    if (!document.pending.length) return document.source;
    const changes = document.pending;
    document.pending = [];
    try {
      this.engine.update(document.source, changes, document.version);
    } catch (error) {
      this.closeSource(document.source);
      document.source = undefined;
      document.problem = `applying changes failed: ${describe(error)}`;
      throw error;
    }
    return document.source;
  }

  private closeSource(source: SourceDocument | undefined): void {
    if (source) this.engine.close(source);
  }

  /** Whether the host already sent something that makes an analysis of this document stale. */
  private newerQueued(key: string): boolean {
    return this.queue.some((r) => r.type !== 'fixAll' && r.key === key);
  }
}

function describe(error: unknown): string {
  return String((error as Error)?.stack ?? error);
}

async function main(): Promise<void> {
  const port = parentPort!;
  const started = performance.now();
  // Listen at once: what arrives while the engine loads is queued, in order.
  const early: AnalysisRequest[] = [];
  let worker: AnalysisWorker | undefined;
  port.on('message', (request: AnalysisRequest) => (worker ? worker.receive(request) : early.push(request)));
  const engine = await loadEngine((workerData as { distDir: string }).distDir);
  // After a WASM trap the runtime is unusable: exit, and the client restarts a fresh worker.
  worker = new AnalysisWorker(engine, (response) => port.postMessage(response), () => setImmediate(() => process.exit(3)));
  port.postMessage({ type: 'ready', loadMs: performance.now() - started } satisfies AnalysisResponse);
  for (const request of early) worker.receive(request);
}

if (parentPort) {
  main().catch((error: unknown) => {
    parentPort!.postMessage({ type: 'fatal', message: String((error as Error)?.message ?? error) } satisfies AnalysisResponse);
  });
}
