// Probe, in a fresh process: from loading the engine to the first findings on a file,
// as the extension does on activation (load the engine, open the document, analyse it
// and place each finding).
import { allRules, benchEngine, emit, locate, params, readText, referenceParseMs } from './common';

interface Params {
  distDir: string;
  file: string;
}

async function main(): Promise<void> {
  const p = params<Params>();
  const text = readText(p.file);
  const t0 = performance.now();
  const engine = await benchEngine(p.distDir);
  const t1 = performance.now();
  const document = engine.open(text);
  const t2 = performance.now();
  const findings = engine.analyze(document, allRules(engine));
  locate(findings, document.lines);
  const t3 = performance.now();
  emit({
    /** Node start-up and loading this bundle (the extension host has paid it already). */
    processMs: t0,
    loadMs: t1 - t0,
    openMs: t2 - t1,
    analyzeMs: t3 - t2,
    totalMs: t3 - t0,
    findings: findings.length,
    refParseMs: referenceParseMs(engine, text),
  });
}

void main();
