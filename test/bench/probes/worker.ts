// Probe: one worker's job of a scan (src/cli/worker.ts), alone in a process: analyzeFile on
// every corpus file, each result dropped once counted. The process's peak RSS is what one
// worker needs at most (Node's own baseline included, so it errs on the high side).
import { analyzeFile } from '../../../src/cli/analyze-file';
import { allRules, benchEngine, emit, params, wasmMemoryMb } from './common';

interface Params {
  distDir: string;
  paths: string[];
}

async function main(): Promise<void> {
  const p = params<Params>();
  const engine = await benchEngine(p.distDir);
  const config = allRules(engine);
  let findings = 0;
  for (const path of p.paths) {
    findings += analyzeFile(engine, { path, display: path, config, trendsDir: p.distDir, fixMode: 'none', unsafeFixes: false, timeBudgetMs: 0 }).findings.length;
  }
  emit({ findings, wasmMb: wasmMemoryMb() });
}

void main();
