// Probe, in a fresh process: from creating the analysis client to the first findings on a
// file, as the extension does on activation (src/vscode/extension.ts starts the worker and
// returns; the document's text goes to the worker at once, its analysis is answered once the
// worker has loaded its engine), then decodes and places the findings as the host does (in
// slices). Also the worker's own engine load, and the longest synchronous task the host ran.
import { AnalysisClient } from '../../../src/node/analysis-client';
import { readRuleSet } from '../../../src/node/load-engine';
import { allRules, benchEngine, emit, params, placeFindings, readText, referenceParseMs, time } from './common';

interface Params {
  distDir: string;
  file: string;
}

async function main(): Promise<void> {
  const p = params<Params>();
  const text = readText(p.file);
  const t0 = performance.now();
  // The host reads the rules' metadata (settings, hovers): part of activation.
  const [config, rulesMs] = time(() => allRules(readRuleSet(p.distDir)));
  const [client, createMs] = time(() => new AnalysisClient({ distDir: p.distDir, reopen: () => undefined }));
  let readyAt = Number.NaN;
  const engineLoad = client.ready.then((ms) => {
    readyAt = performance.now();
    return ms;
  });
  const [, openMs] = time(() => client.openDocument('file:///start.py', text, 1));
  const outcome = await client.analyze('file:///start.py', 1, config);
  if (outcome.status !== 'done') throw new Error('the first analysis was superseded');
  const placed = await placeFindings(outcome.findings);
  const t1 = performance.now();
  const loadMs = await engineLoad;
  client.dispose();
  const engine = await benchEngine(p.distDir);
  emit({
    /** Node start-up and loading this bundle (the extension host has paid it already). */
    processMs: t0,
    /** From creating the client to the worker's ready message: thread start, bundle load, engine load. */
    readyMs: readyAt - t0,
    /** The worker's own engine load (WASM + rule queries), as it measured it. */
    loadMs,
    /** Parse + analysis in the worker. */
    analyzeMs: outcome.ms,
    totalMs: t1 - t0,
    /** Longest synchronous step on the host: reading the rules, starting the worker, sending the text, a slice of decoding or placing the result. */
    hostMaxMs: Math.max(rulesMs, createMs, openMs, outcome.decode.longestMs, placed.longestMs),
    findings: outcome.findings.length,
    refParseMs: referenceParseMs(engine, text),
  });
}

void main();
