// The extension host's side of the analysis worker (dist/analysis-worker.js): documents are
// opened, changed and closed by notification, analyses and fix-alls are Promise-based
// requests. Free of `vscode`, so unit tests and the benchmark use it as the extension does.
//
// Everything the host does per request is a postMessage, or decoding an answer's JSON a
// chunk at a time (src/node/slices.ts): parsing and analysing happen on the worker's thread. Messages keep their order, so a document's
// analyses settle in the order they were asked for; one made stale by a newer version or a
// newer analysis of its document is answered as superseded. Should the worker die, it is started again and every
// open document reopened from its owner's current text (`reopen`); requests in flight then
// fail with AnalysisCrashError and the owner is told (`onRestart`) to ask again.
//
// Each request runs within a time budget (the engine polls it: past it, AnalysisTooComplexError).
// A watchdog covers what polling cannot: a request unanswered for twice its budget is failed
// as too complex, the worker is stopped and restarted (not counted as a crash), and that
// document version is not sent to a worker again.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ContentChange } from '../engine/document';
import type { FixAllResult } from '../engine/engine';
import type { RuleConfig } from '../engine/types';
import { ANALYSIS_WORKER, type AnalysisRequest, type AnalysisResponse, type AnalysisResult, type AnalyzedFinding } from './analysis-protocol';
import { inSlices, type SliceTimes } from './slices';
import { formatSeconds } from '../engine/time-budget';

/** Crashes tolerated within RESTART_WINDOW_MS before the client gives up on the worker. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** The editor's default per-file budget (`pymodern.timeBudget`): an analysis should never take this long. */
export const DEFAULT_EDITOR_TIME_BUDGET_MS = 10_000;
const WATCHDOG_GRACE_MS = 1000;

export interface AnalysisClientOptions {
  distDir: string;
  /** The current text and version of an open document, to reopen it in a restarted worker. */
  reopen: (key: string) => { text: string; version: number } | undefined;
  /** After a restart: the documents are reopened; analyses in flight failed and need asking again. */
  onRestart?: () => void;
  log?: (message: string) => void;
  /** Per request (ms; 0: none). Default DEFAULT_EDITOR_TIME_BUDGET_MS; setTimeBudget changes it. */
  timeBudgetMs?: number;
}

export type AnalyzeOutcome =
  | ({ status: 'done'; /** Host time spent decoding the findings (JSON.parse), in all and in its longest slice. */ decode: SliceTimes } & AnalysisResult)
  | { status: 'superseded'; version: number };

/** A request the worker answered with an error; `resync`: open the document again with its full text. */
export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly resync = false,
  ) {
    super(message);
  }
}

/** The worker stopped while the request was in flight (it is restarted, the request is not). */
export class AnalysisCrashError extends Error {}

/** The analysis stopped at its time budget, or its worker was stopped for giving no answer: "file too complex". */
export class AnalysisTooComplexError extends Error {}

interface Waiting {
  resolve: (response: AnalysisResponse) => void;
  reject: (error: Error) => void;
  /** For an analysis: the document and version asked for (the watchdog remembers a stuck one). */
  document?: { key: string; version: number };
  budgetMs: number;
}

export class AnalysisClient {
  private worker!: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private readonly openKeys = new Set<string>();
  /** Per document, the last analysis not settled yet: the next one settles after it. */
  private readonly lastAnalysis = new Map<string, Promise<unknown>>();
  private nextId = 1;
  private crashes: number[] = [];
  /** Set when the worker cannot run (its engine failed to load, or it crashed too often). */
  private failure: Error | undefined;
  private disposed = false;
  private settleReady!: { resolve: (loadMs: number) => void; reject: (error: Error) => void };
  /** Resolves with the worker's engine load time (WASM + rule queries, ms) once it can answer; rejects if it cannot start. */
  readonly ready: Promise<number>;
  /** Worker starts after the first, i.e. restarts after a crash. */
  restarts = 0;
  private timeBudgetMs: number;
  private workerReady = false;
  /** The request the watchdog is timing (the oldest unanswered: the worker handles them in order). */
  private watched: { id: number; timer: NodeJS.Timeout } | undefined;
  /** Per document, the version a stuck worker was stopped on: not sent again until the text changes. */
  private readonly stuckVersions = new Map<string, { version: number; message: string }>();

  constructor(private readonly options: AnalysisClientOptions) {
    this.timeBudgetMs = options.timeBudgetMs ?? DEFAULT_EDITOR_TIME_BUDGET_MS;
    this.ready = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.ready.catch(() => undefined); // requests report the failure too; awaiting `ready` is optional
    this.start();
  }

  openDocument(key: string, text: string, version: number): void {
    this.openKeys.add(key);
    this.post({ type: 'open', key, text, version });
  }

  changeDocument(key: string, changes: ContentChange[], version: number): void {
    this.post({ type: 'change', key, changes, version });
  }

  closeDocument(key: string): void {
    this.stuckVersions.delete(key);
    if (this.openKeys.delete(key)) this.post({ type: 'close', key });
  }

  /** `incremental`: the document is being typed in, a provisional result is welcome (see AnalysisRequest). */
  analyze(key: string, version: number, config: RuleConfig, options: { incremental?: boolean } = {}): Promise<AnalyzeOutcome> {
    const timeBudgetMs = this.timeBudgetMs;
    const stuck = this.stuckVersions.get(key);
    const answer =
      stuck?.version === version
        ? Promise.reject(new AnalysisTooComplexError(stuck.message))
        : this.request((id) => ({ type: 'analyze', id, key, version, config, incremental: options.incremental, timeBudgetMs }), { key, version });
    answer.catch(() => undefined); // awaited below, maybe after the previous analysis: not unhandled meanwhile
    // Answers arrive in order, but decoding one takes several turns: keep a document's answers in order.
    const previous = this.lastAnalysis.get(key);
    const outcome = (async () => {
      await previous?.catch(() => undefined);
      return this.decode(await answer);
    })();
    this.lastAnalysis.set(key, outcome);
    const forget = () => {
      if (this.lastAnalysis.get(key) === outcome) this.lastAnalysis.delete(key);
    };
    outcome.then(forget, forget);
    return outcome;
  }

  private async decode(response: AnalysisResponse): Promise<AnalyzeOutcome> {
    if (response.type === 'superseded') return { status: 'superseded', version: response.version };
    if (response.type !== 'analyzed') throw new Error(`the analysis worker answered ${response.type} to analyze`);
    const findings: AnalyzedFinding[] = [];
    const decode = (await inSlices(response.findings, 1, (chunk) => findings.push(...(JSON.parse(chunk) as AnalyzedFinding[]))))!;
    return { status: 'done', ...response.result, findings, decode };
  }

  /** Engine.fixAll in the worker: every acceptable fix, re-analysing until stable. */
  async fixAll(text: string, config: RuleConfig, options: { unsafe?: boolean } = {}): Promise<FixAllResult> {
    const timeBudgetMs = this.timeBudgetMs;
    const response = await this.request((id) => ({ type: 'fixAll', id, text, config, unsafe: options.unsafe ?? false, timeBudgetMs }));
    if (response.type !== 'fixed') throw new Error(`the analysis worker answered ${response.type} to fixAll`);
    return response.result;
  }

  /** The per-request budget from now on (ms; 0: none), e.g. after `pymodern.timeBudget` changed. */
  setTimeBudget(ms: number): void {
    this.timeBudgetMs = ms;
  }

  /** Stops the worker as a crash would (for tests: the client restarts it). */
  simulateCrash(): Promise<number> {
    return this.worker.terminate();
  }

  dispose(): void {
    this.disposed = true;
    this.unwatch();
    this.rejectAll(new Error('the analysis client was disposed'));
    void this.worker.terminate();
  }

  private request(build: (id: number) => AnalysisRequest, document?: Waiting['document']): Promise<AnalysisResponse> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.disposed) return Promise.reject(new Error('the analysis client was disposed'));
    const id = this.nextId++;
    const budgetMs = this.timeBudgetMs;
    return new Promise<AnalysisResponse>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, document, budgetMs });
      this.post(build(id));
      this.watch();
    }).then((response) => {
      if (response.type === 'error') {
        if (response.tooComplex) throw new AnalysisTooComplexError(response.message);
        throw new AnalysisError(response.message, response.resync);
      }
      return response;
    });
  }

  /** Times the oldest unanswered request, once the worker can answer. */
  private watch(): void {
    const oldest = this.waiting.entries().next().value;
    if (this.watched && this.watched.id === oldest?.[0]) return;
    this.unwatch();
    if (!oldest || !this.workerReady || !oldest[1].budgetMs) return;
    const [id, waiting] = oldest;
    const waitMs = 2 * waiting.budgetMs + WATCHDOG_GRACE_MS;
    this.watched = { id, timer: setTimeout(() => this.stuck(id, waitMs), waitMs) };
  }

  private unwatch(): void {
    if (this.watched) clearTimeout(this.watched.timer);
    this.watched = undefined;
  }

  /** The worker gave no answer to a request in time: fail it, stop the worker, start a fresh one. */
  private stuck(id: number, waitedMs: number): void {
    this.watched = undefined;
    const waiting = this.waiting.get(id);
    if (!waiting || this.disposed || this.failure) return;
    this.waiting.delete(id);
    const message = stuckMessage(waitedMs);
    if (waiting.document) this.stuckVersions.set(waiting.document.key, { version: waiting.document.version, message });
    this.options.log?.(`${waiting.document?.key ?? 'fix all'}: ${message}`);
    waiting.reject(new AnalysisTooComplexError(message));
    const worker = this.worker;
    this.rejectAll(new AnalysisCrashError('the analysis worker was restarted after a file too complex to analyse'));
    void worker.terminate();
    this.restarts++;
    this.start();
    this.options.onRestart?.();
  }

  private post(message: AnalysisRequest): void {
    // Before the worker is ready, messages wait in its port: it handles them in order once loaded.
    if (!this.disposed && !this.failure) this.worker.postMessage(message);
  }

  private start(): void {
    this.workerReady = false;
    const worker = new Worker(join(this.options.distDir, ANALYSIS_WORKER), { workerData: { distDir: this.options.distDir } });
    this.worker = worker;
    worker.on('message', (response: AnalysisResponse) => this.received(response));
    worker.on('error', (error) => this.options.log?.(`analysis worker error: ${String(error.stack ?? error)}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.exited(code);
    });
    // Documents the previous worker had, from their owner's current text.
    for (const key of [...this.openKeys]) {
      const current = this.options.reopen(key);
      if (current) this.post({ type: 'open', key, text: current.text, version: current.version });
      else this.openKeys.delete(key);
    }
  }

  private received(response: AnalysisResponse): void {
    if (response.type === 'ready') {
      this.settleReady.resolve(response.loadMs);
      this.workerReady = true;
      this.watch();
      return;
    }
    if (response.type === 'fatal') {
      this.failure = new Error(`the analysis worker could not start: ${response.message}`);
      this.options.log?.(this.failure.message);
      this.settleReady.reject(this.failure);
      this.rejectAll(this.failure);
      void this.worker.terminate();
      return;
    }
    const waiting = this.waiting.get(response.id);
    this.waiting.delete(response.id);
    this.watch();
    waiting?.resolve(response);
  }

  private exited(code: number): void {
    if (this.disposed || this.failure) return;
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      this.failure = new Error(`the analysis worker stopped ${this.crashes.length} times within a minute (last exit code ${code}); pymodern stops analysing`);
      this.options.log?.(this.failure.message);
      this.settleReady.reject(this.failure);
      this.rejectAll(this.failure);
      return;
    }
    this.options.log?.(`the analysis worker stopped (exit code ${code}); restarting it`);
    this.rejectAll(new AnalysisCrashError(`the analysis worker stopped (exit code ${code})`));
    this.restarts++;
    this.start();
    this.options.onRestart?.();
  }

  private rejectAll(error: Error): void {
    this.unwatch();
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(error);
  }
}

function stuckMessage(waitedMs: number): string {
  return `analysis stopped: file too complex (no answer within ${formatSeconds(waitedMs)}; the analysis worker was restarted)`;
}
