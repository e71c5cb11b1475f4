// Spreads files over worker threads: each worker takes a small batch, and asks for the
// next when done, so a slow file never holds up the others. A watchdog times each file: a
// worker that gives no answer in time is stopped, its file is refused as too complex, and a
// fresh worker takes the rest of its batch.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatSeconds } from '../engine/time-budget';
import type { FileJob, FileResult } from './analyze-file';
import type { WorkerResponse } from './worker';

const BATCH = 8;

export interface PoolOptions {
  workers: number;
  distDir: string;
  /** Longest wait for one file's answer before its worker is stopped (ms; 0: no watchdog). */
  watchdogMs: number;
}

/**
 * Runs the jobs; each result goes to `onResult` as it arrives (in no particular order). A
 * worker gets its next batch once `beforeBatch` resolves (the output has been taken).
 */
export async function runInWorkers(
  jobs: readonly FileJob[],
  options: PoolOptions,
  onResult: (result: FileResult) => void,
  beforeBatch: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  let next = 0;
  /** Jobs a stopped or poisoned worker handed back, served before the rest. */
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
      const worker = new Worker(join(options.distDir, 'worker.js'), { workerData: { distDir: options.distDir } });
      /** The batch's jobs not answered yet, in the order the worker takes them. */
      let inFlight: FileJob[] = [];
      /** Done (no files left when it asked), or handed over to a fresh worker: its exit is expected. */
      let ended = false;
      let watchdog: NodeJS.Timeout | undefined;
      const handOver = (jobsLeft: FileJob[]) => {
        ended = true;
        clearTimeout(watchdog);
        handedBack.unshift(...jobsLeft);
        void worker.terminate().then(() => runOne().then(resolvePromise, reject));
      };
      const watch = () => {
        clearTimeout(watchdog);
        if (!options.watchdogMs || !inFlight.length) return;
        watchdog = setTimeout(() => {
          const [stuck, ...rest] = inFlight;
          inFlight = [];
          onResult(tooComplex(stuck, options.watchdogMs));
          handOver(rest);
        }, options.watchdogMs);
      };
      const send = () => {
        const batch = take(BATCH);
        inFlight = batch;
        if (batch.length) {
          worker.postMessage({ jobs: batch });
          watch();
        } else {
          ended = true;
          void worker.terminate().then(() => resolvePromise());
        }
      };
      worker.on('message', (message: WorkerResponse) => {
        if (ended) return; // stopped by the watchdog: its late answers are not wanted
        if (message.type === 'fatal') {
          ended = true;
          reject(new WorkerStartError(`worker failed to start: ${message.message}`));
          void worker.terminate();
        } else if (message.type === 'ready') send();
        else if (message.type === 'result') {
          inFlight.shift();
          onResult(message.result);
          watch();
        } else if (message.unfinished) {
          // Its engine is poisoned (a WASM trap): a fresh worker takes over its files.
          inFlight = [];
          handOver(message.unfinished);
        } else {
          clearTimeout(watchdog);
          void beforeBatch().then(send);
        }
      });
      worker.on('error', (error) => {
        clearTimeout(watchdog);
        reject(error);
      });
      worker.on('exit', (code) => {
        clearTimeout(watchdog);
        // Even with code 0: its files would be lost, and nothing would settle the promise.
        if (!ended && (remaining() > 0 || inFlight.length > 0)) reject(new Error(`worker exited with code ${code} before finishing its files`));
      });
    });
  await Promise.all(Array.from({ length: options.workers }, runOne));
}

/** The result of a file whose worker gave no answer within the watchdog's time. */
function tooComplex(job: FileJob, waitedMs: number): FileResult {
  const message = `analysis stopped: file too complex (no answer within ${formatSeconds(waitedMs)}; its worker was stopped and the run went on)`;
  return { file: job.display, findings: [], errors: [{ file: job.display, message }], fixed: 0, lines: 0, bytes: 0 };
}

/** A worker could not load the engine (an unbuilt or damaged dist/): a setup error, not a crash. */
export class WorkerStartError extends Error {}
