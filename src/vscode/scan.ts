// `pymodern.scanWorkspace`: analyses every Python file of the workspace's folders on disk in
// worker threads (dist/scan-worker.js), behind a cancellable progress notification, and
// publishes what it finds to the Problems panel as results arrive. Files open in an editor
// keep their live diagnostics.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { Analyzer } from './analysis';
import { timeBudgetMs, type Configs } from './config';
import { toDiagnostic, toRange } from './diagnostics';
import type { ScanFileResult, ScanFolder, ScanJob, ScanRequest, ScanResponse } from './scan-worker';

/** Files per message to a worker: small, so a slow file never holds up the others. */
const BATCH = 8;
/** One more thread only pays for its engine's start-up above this many files. */
const FILES_PER_THREAD = 16;

export interface ScanSummary {
  files: number;
  findings: number;
  /** Unreadable files and folders, broken pyproject.toml files. */
  problems: number;
  cancelled: boolean;
  ms: number;
}

/** One worker thread, answering one request at a time. */
class ScanThread {
  private readonly worker: Worker;
  private readonly ready: Promise<unknown>;
  private waiting: { resolve: (r: ScanResponse) => void; reject: (e: Error) => void } | undefined;

  constructor(distDir: string) {
    this.ready = new Promise<ScanResponse>((resolve, reject) => (this.waiting = { resolve, reject }));
    this.worker = new Worker(join(distDir, 'scan-worker.js'), { workerData: { distDir } });
    this.worker.on('message', (message: ScanResponse) => {
      if (message.type === 'fatal') this.fail(new Error(`the scan worker failed to start: ${message.message}`));
      else this.settle()?.resolve(message);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the scan worker stopped (exit code ${code})`)));
  }

  async request<T extends ScanResponse['type']>(request: ScanRequest, expect: T): Promise<Extract<ScanResponse, { type: T }>> {
    await this.ready;
    const response = await new Promise<ScanResponse>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage(request);
    });
    if (response.type !== expect) throw new Error(`the scan worker answered ${response.type}, not ${expect}`);
    return response as Extract<ScanResponse, { type: T }>;
  }

  terminate(): void {
    void this.worker.terminate();
  }

  private settle() {
    const waiting = this.waiting;
    this.waiting = undefined;
    return waiting;
  }

  private fail(error: Error): void {
    this.settle()?.reject(error);
  }
}

export class WorkspaceScan {
  private running: Promise<ScanSummary> | undefined;
  /** Files whose diagnostics the last scan published. */
  private published: vscode.Uri[] = [];

  constructor(
    private readonly distDir: string,
    private readonly analyzer: Analyzer,
    private readonly configs: Configs,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Scans until done or cancelled, from the notification's button or from `cancellation`. */
  run(cancellation?: vscode.CancellationToken): Promise<ScanSummary> {
    if (this.running) {
      void vscode.window.showInformationMessage('pymodern: a workspace scan is already running.');
      return this.running;
    }
    const running = Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'pymodern: scanning workspace', cancellable: true },
        (progress, token) => {
          if (!cancellation) return this.scan(progress, token);
          const either = new vscode.CancellationTokenSource();
          const links = [token, cancellation].map((t) => t.onCancellationRequested(() => either.cancel()));
          if (token.isCancellationRequested || cancellation.isCancellationRequested) either.cancel();
          return this.scan(progress, either.token).finally(() => {
            links.forEach((l) => l.dispose());
            either.dispose();
          });
        },
      ),
    ).finally(() => (this.running = undefined));
    this.running = running;
    return running;
  }

  private async scan(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanSummary> {
    const started = Date.now();
    const summary: ScanSummary = { files: 0, findings: 0, problems: 0, cancelled: false, ms: 0 };
    const all = vscode.workspace.workspaceFolders ?? [];
    const folders: ScanFolder[] = [];
    for (const folder of all) {
      if (folder.uri.scheme !== 'file') continue;
      const settings = this.configs.settingsFor(folder.uri);
      if (settings.enabled) folders.push({ path: folder.uri.fsPath, overrides: settings.overrides });
    }
    if (!folders.length) {
      void vscode.window.showInformationMessage(
        all.length ? 'pymodern: the workspace scan needs folders on disk with pymodern enabled.' : 'pymodern: open a folder to scan it.',
      );
      return summary;
    }

    for (const uri of this.published) if (!this.analyzer.isTracked(uri)) this.analyzer.diagnostics.delete(uri);
    this.published = [];
    const threads = [new ScanThread(this.distDir)];
    const stop = token.onCancellationRequested(() => threads.forEach((t) => t.terminate()));
    try {
      progress.report({ message: 'finding Python files…' });
      const walked = await threads[0].request({ type: 'walk', folders }, 'walked');
      for (const problem of walked.problems) {
        summary.problems++;
        if (problem.config) this.configs.reportProjectError(problem.file, problem.message);
        else this.log.warn(`scan: ${problem.file}: ${problem.message}`);
      }
      // Open files have live diagnostics, from their unsaved text.
      const jobs = walked.jobs.filter((job) => !this.analyzer.isTracked(vscode.Uri.file(job.path)));
      const wanted = Math.min(availableParallelism(), Math.ceil(jobs.length / FILES_PER_THREAD));
      while (threads.length < wanted && !token.isCancellationRequested) threads.push(new ScanThread(this.distDir));

      let next = 0;
      const work = async (thread: ScanThread) => {
        while (next < jobs.length && !token.isCancellationRequested) {
          const batch: ScanJob[] = jobs.slice(next, next + BATCH);
          next += batch.length;
          const { results } = await thread.request({ type: 'analyze', jobs: batch, timeBudgetMs: timeBudgetMs() }, 'results');
          this.publish(results, summary);
          progress.report({ increment: (100 * batch.length) / jobs.length, message: `${summary.files}/${jobs.length} files` });
        }
      };
      await Promise.all(threads.map(work));
    } catch (error) {
      if (!token.isCancellationRequested) {
        this.log.error(`workspace scan failed: ${String((error as Error).message ?? error)}`);
        void vscode.window.showErrorMessage(`pymodern: the workspace scan failed: ${String((error as Error).message ?? error)}`);
      }
    } finally {
      stop.dispose();
      threads.forEach((t) => t.terminate());
    }
    summary.cancelled = token.isCancellationRequested;
    summary.ms = Date.now() - started;
    this.log.info(
      `workspace scan ${summary.cancelled ? 'cancelled after' : 'done:'} ${summary.files} files, ${summary.findings} findings, ` +
        `${summary.problems} problems, ${(summary.ms / 1000).toFixed(1)} s`,
    );
    return summary;
  }

  private publish(results: readonly ScanFileResult[], summary: ScanSummary): void {
    for (const result of results) {
      summary.files++;
      if (result.error) {
        summary.problems++;
        this.log.warn(`scan: ${result.path}: ${result.error}`);
      }
      const uri = vscode.Uri.file(result.path);
      if (this.analyzer.isTracked(uri)) continue; // opened meanwhile
      summary.findings += result.findings.length;
      this.analyzer.diagnostics.set(uri, result.findings.map((f) => toDiagnostic(f, toRange(f.range))));
      this.published.push(uri);
    }
  }
}

export function registerScan(context: vscode.ExtensionContext, scan: WorkspaceScan): void {
  // Callers in the extension host (tests, other extensions) may pass a CancellationToken.
  const isToken = (value: unknown): value is vscode.CancellationToken =>
    typeof (value as vscode.CancellationToken | undefined)?.onCancellationRequested === 'function';
  context.subscriptions.push(
    vscode.commands.registerCommand('pymodern.scanWorkspace', (cancellation?: unknown) => scan.run(isToken(cancellation) ? cancellation : undefined)),
  );
}
