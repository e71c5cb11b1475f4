// Spreads files over worker threads: each worker takes a small batch, and asks for the
// next when done, so a slow file never holds up the others.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileJob, FileResult } from './analyze-file';
import type { WorkerResponse } from './worker';

const BATCH = 8;

/**
 * Runs the jobs; each result goes to `onResult` as it arrives (in no particular order). A
 * worker gets its next batch once `beforeBatch` resolves (the output has been taken).
 */
export async function runInWorkers(
  jobs: readonly FileJob[],
  workers: number,
  distDir: string,
  onResult: (result: FileResult) => void,
  beforeBatch: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  let next = 0;
  const runOne = () =>
    new Promise<void>((resolvePromise, reject) => {
      const worker = new Worker(join(distDir, 'worker.js'), { workerData: { distDir } });
      let pending = 0;
      const send = () => {
        const batch = jobs.slice(next, next + BATCH);
        next += batch.length;
        pending = batch.length;
        if (batch.length) worker.postMessage({ jobs: batch });
        else void worker.terminate().then(() => resolvePromise());
      };
      worker.on('message', (message: WorkerResponse) => {
        if (message.type === 'fatal') {
          reject(new WorkerStartError(`worker failed to start: ${message.message}`));
          void worker.terminate();
        } else if (message.type === 'ready') send();
        else {
          for (const result of message.results) onResult(result);
          void beforeBatch().then(send);
        }
      });
      worker.on('error', (error) => reject(error));
      worker.on('exit', (code) => {
        // Even with code 0: its files would be lost, and nothing would settle the promise.
        if (next < jobs.length || pending > 0) reject(new Error(`worker exited with code ${code} before finishing its files`));
      });
    });
  await Promise.all(Array.from({ length: workers }, runOne));
}

/** A worker could not load the engine (an unbuilt or damaged dist/): a setup error, not a crash. */
export class WorkerStartError extends Error {}
