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
  /** Jobs a poisoned worker handed back, served before the rest. */
  const handedBack: FileJob[] = [];
  const remaining = () => handedBack.length + (jobs.length - next);
  const take = (count: number) => {
    const batch = handedBack.splice(0, count);
    const more = jobs.slice(next, next + count - batch.length);
    next += more.length;
    return [...batch, ...more];
  };
  const runOne = (): Promise<void> =>
    new Promise<void>((resolvePromise, reject) => {
      const worker = new Worker(join(distDir, 'worker.js'), { workerData: { distDir } });
      let pending = 0;
      /** Done (no files left when it asked), or handed over to a fresh worker: its exit is expected. */
      let ended = false;
      const send = () => {
        const batch = take(BATCH);
        pending = batch.length;
        if (batch.length) worker.postMessage({ jobs: batch });
        else {
          ended = true;
          void worker.terminate().then(() => resolvePromise());
        }
      };
      worker.on('message', (message: WorkerResponse) => {
        if (message.type === 'fatal') {
          reject(new WorkerStartError(`worker failed to start: ${message.message}`));
          void worker.terminate();
        } else if (message.type === 'ready') send();
        else {
          for (const result of message.results) onResult(result);
          pending = 0;
          if (message.unfinished) {
            // Its engine is poisoned (a WASM trap): a fresh worker takes over its files.
            ended = true;
            handedBack.unshift(...message.unfinished);
            void worker.terminate().then(() => runOne().then(resolvePromise, reject));
            return;
          }
          void beforeBatch().then(send);
        }
      });
      worker.on('error', (error) => reject(error));
      worker.on('exit', (code) => {
        // Even with code 0: its files would be lost, and nothing would settle the promise.
        if (!ended && (remaining() > 0 || pending > 0)) reject(new Error(`worker exited with code ${code} before finishing its files`));
      });
    });
  await Promise.all(Array.from({ length: workers }, runOne));
}

/** A worker could not load the engine (an unbuilt or damaged dist/): a setup error, not a crash. */
export class WorkerStartError extends Error {}
