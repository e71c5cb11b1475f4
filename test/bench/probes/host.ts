// Probe: the extension host's side of one file, with the real analysis client and worker
// (src/node/analysis-client.ts, dist/analysis-worker.js), as src/vscode/analysis.ts drives
// them: the host never parses or analyses, so its synchronous tasks are
// - open: sending the text to the worker;
// - keystroke: sending the change and asking for an analysis;
// - result: decoding the worker's answer (JSON.parse) and placing each finding
//   (placeFindings), both in slices with a turn of the event loop between them: the
//   longest slice is the host's task, the total is given for context;
// - close: telling the worker.
// A monitor of the host's event loop also records its longest stall over the whole file's
// run, which catches what the steps cannot time (receiving a message, garbage collection).
// The worker's engine is warm, as when another file was analysed before; the start probe
// measures the cold case.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AnalysisClient, type AnalyzeOutcome } from '../../../src/node/analysis-client';
import { editOffsets } from '../lib/synth';
import { allRules, benchEngine, emit, params, placeFindings, readText, referenceParseMs, time } from './common';

interface Params {
  distDir: string;
  file: string;
  edits: number;
  /** The 5k-line file: its full parse time scales the time goals. */
  refFile: string;
}

interface Answered {
  /** Longest slice of decoding or placing. */
  longestMs: number;
  totalMs: number;
  workerMs: number;
  findings: number;
}

async function answered(pending: Promise<AnalyzeOutcome>): Promise<Answered> {
  const outcome = await pending;
  if (outcome.status !== 'done') throw new Error(`analysis of version ${outcome.version} superseded`);
  const placed = await placeFindings(outcome.findings);
  return {
    longestMs: Math.max(outcome.decode.longestMs, placed.longestMs),
    totalMs: outcome.decode.totalMs + placed.totalMs,
    workerMs: outcome.ms,
    findings: outcome.findings.length,
  };
}

async function main(): Promise<void> {
  const p = params<Params>();
  const text = readText(p.file);
  const refText = readText(p.refFile);
  // An engine on this thread only to pick the edit offsets and time a reference parse: not
  // part of the host's work, done before the measure starts.
  const engine = await benchEngine(p.distDir);
  const config = allRules(engine);
  const probeDocument = engine.open(text);
  const offsets = editOffsets(text, probeDocument.tree, p.edits);
  probeDocument.dispose();
  const refParseMs = referenceParseMs(engine, refText);
  engine.dispose();

  const client = new AnalysisClient({ distDir: p.distDir, reopen: () => undefined });
  await client.ready;
  const warmup = refText.split('\n').slice(0, 300).join('\n');
  client.openDocument('warmup', warmup, 1);
  for (let v = 1; v <= 10; v++) {
    if (v > 1) client.changeDocument('warmup', [{ start: 0, end: 0, newText: '#' }], v);
    await answered(client.analyze('warmup', v, config));
  }
  client.closeDocument('warmup');

  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  const key = 'file:///bench.py';
  let version = 1;
  const [, openMs] = time(() => client.openDocument(key, text, version));
  const first = await answered(client.analyze(key, version, config));
  const keystroke: number[] = [];
  const keystrokeResult: number[] = [];
  const keystrokeWorker: number[] = [];
  for (const [k, offset] of offsets.entries()) {
    const at = offset + k;
    version++;
    const [pending, sendMs] = time(() => {
      client.changeDocument(key, [{ start: at, end: at, newText: 'x' }], version);
      return client.analyze(key, version, config, { incremental: true }); // typing, as the editor asks
    });
    keystroke.push(sendMs);
    const result = await answered(pending);
    keystrokeResult.push(result.longestMs);
    keystrokeWorker.push(result.workerMs);
  }
  const [, closeMs] = time(() => client.closeDocument(key));
  stalls.disable();
  client.dispose();
  emit({
    openMs,
    resultMs: first.longestMs,
    resultTotalMs: first.totalMs,
    keystroke,
    keystrokeResult,
    closeMs,
    stallMaxMs: stalls.max / 1e6,
    workerFirstMs: first.workerMs,
    keystrokeWorker,
    findings: first.findings,
    refParseMs,
  });
}

void main();
