// Worker thread of `pymodern check`: loads its own engine, then analyses batches of files
// the main thread sends, answering each file as it is done (the pool's watchdog times each
// one) and each batch once it is through.
import { parentPort, workerData } from 'node:worker_threads';
import { loadEngine } from '../node/load-engine';
import { analyzeFile, type FileJob, type FileResult } from './analyze-file';

export interface WorkerRequest {
  jobs: FileJob[];
}

/**
 * `unfinished`: the batch's jobs this worker did not analyse because its engine was poisoned
 * by the one before (a WASM trap); the pool gives them to a fresh worker.
 */
export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'result'; result: FileResult }
  | { type: 'batch-done'; unfinished?: FileJob[] }
  | { type: 'fatal'; message: string };

async function main(): Promise<void> {
  const port = parentPort!;
  const engine = await loadEngine((workerData as { distDir: string }).distDir);
  port.on('message', (request: WorkerRequest) => {
    for (const [i, job] of request.jobs.entries()) {
      port.postMessage({ type: 'result', result: analyzeFile(engine, job) } satisfies WorkerResponse);
      if (engine.poisoned) {
        port.postMessage({ type: 'batch-done', unfinished: request.jobs.slice(i + 1) } satisfies WorkerResponse);
        return;
      }
    }
    port.postMessage({ type: 'batch-done' } satisfies WorkerResponse);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerResponse);
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ type: 'fatal', message: String((error as Error).message ?? error) } satisfies WorkerResponse);
});
