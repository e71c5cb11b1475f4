// Worker thread of `pymodern check`: loads its own engine, then analyses batches of files
// the main thread sends, answering each batch with its results.
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
  | { type: 'results'; results: FileResult[]; unfinished?: FileJob[] }
  | { type: 'fatal'; message: string };

async function main(): Promise<void> {
  const port = parentPort!;
  const engine = await loadEngine((workerData as { distDir: string }).distDir);
  port.on('message', (request: WorkerRequest) => {
    const results: FileResult[] = [];
    for (const [i, job] of request.jobs.entries()) {
      results.push(analyzeFile(engine, job));
      if (engine.poisoned) {
        port.postMessage({ type: 'results', results, unfinished: request.jobs.slice(i + 1) } satisfies WorkerResponse);
        return;
      }
    }
    port.postMessage({ type: 'results', results } satisfies WorkerResponse);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerResponse);
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ type: 'fatal', message: String((error as Error).message ?? error) } satisfies WorkerResponse);
});
