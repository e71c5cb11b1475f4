// Probe (run with --expose-gc): memory retained with files open in the editor — each
// parsed, analysed and its findings cached, as the extension keeps them — then after
// closing them all, and after more open/close cycles (trees of closed files must be freed:
// the WASM memory, which never shrinks, must stop growing).
import { readSource } from '../../../src/node/read-source';
import { allRules, benchEngine, emit, params, wasmMemoryMb } from './common';
import type { SourceDocument } from '../../../src/engine/document';
import type { Finding } from '../../../src/engine/types';

interface Params {
  distDir: string;
  paths: string[];
  cycles: number;
}

interface Snapshot {
  heapUsedMb: number;
  /** Outside the JS heap: buffers and the WASM memories. */
  externalMb: number;
  wasmMb: number;
  rssMb: number;
}

function snapshot(): Snapshot {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapUsedMb: m.heapUsed / 1e6, externalMb: m.external / 1e6, wasmMb: wasmMemoryMb(), rssMb: m.rss / 1e6 };
}

async function main(): Promise<void> {
  const p = params<Params>();
  const engine = await benchEngine(p.distDir);
  const config = allRules(engine);
  const texts = p.paths.map((path) => readSource(path).text);
  // The editor holds the texts anyway; what pymodern adds is trees, line indexes, findings.
  engine.analyzeText('import time\nasync def f():\n    time.sleep(1)\n', config);
  const baseline = snapshot();

  let open: { document: SourceDocument; findings: Finding[] }[] = [];
  const openAll = () => {
    open = texts.map((text) => {
      const document = engine.open(text);
      return { document, findings: engine.analyze(document, config) };
    });
  };
  const closeAll = () => {
    for (const unit of open) unit.document.dispose();
    open = [];
  };
  openAll();
  const opened = snapshot();
  closeAll();
  const closed = snapshot();
  const afterCycles: Snapshot[] = [];
  for (let cycle = 0; cycle < p.cycles; cycle++) {
    openAll();
    closeAll();
    afterCycles.push(snapshot());
  }
  emit({ files: texts.length, baseline, opened, closed, afterCycles });
}

void main();
