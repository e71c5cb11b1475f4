// Probe: the engine in process, texts already in memory, one thread. Alternates passes of
// the bare parse and of engine.analyzeText with every rule over the same texts, so the CPU
// ratio compares like with like (same process, same heap, same moment).
import { readSource } from '../../../src/node/read-source';
import { allRules, benchEngine, cpuNow, emit, params } from './common';

interface Params {
  distDir: string;
  paths: string[];
  runs: number;
  /** Profile mode: only the analysis passes (the parent adds --cpu-prof). */
  analyzeOnly?: boolean;
}

interface Pass {
  cpuMs: number;
  wallMs: number;
}

async function main(): Promise<void> {
  const p = params<Params>();
  const engine = await benchEngine(p.distDir);
  const config = allRules(engine);

  const texts = p.paths.map((path) => readSource(path).text);

  const parsePass = (subset: readonly string[]): Pass => {
    const cpu = cpuNow();
    const wall = performance.now();
    for (const text of subset) engine.parser.parse(text).delete();
    return { cpuMs: cpuNow() - cpu, wallMs: performance.now() - wall };
  };
  let findings = 0;
  const analyzePass = (subset: readonly string[]): Pass => {
    findings = 0;
    const cpu = cpuNow();
    const wall = performance.now();
    for (const text of subset) findings += engine.analyzeText(text, config).length;
    return { cpuMs: cpuNow() - cpu, wallMs: performance.now() - wall };
  };

  // Warm-up: JIT, the compiled rule queries, the WASM heap's first growth.
  const warm = texts.slice(0, Math.min(100, texts.length));
  parsePass(warm);
  analyzePass(warm);

  const parse: Pass[] = [];
  const analyze: Pass[] = [];
  for (let run = 0; run < p.runs; run++) {
    if (!p.analyzeOnly) parse.push(parsePass(texts));
    analyze.push(analyzePass(texts));
  }
  const byRule = new Map<string, number>();
  if (!p.analyzeOnly) {
    for (const text of texts) for (const f of engine.analyzeText(text, config)) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  }
  emit({ parse, analyze, findings, byRule: Object.fromEntries(byRule) });
}

void main();
