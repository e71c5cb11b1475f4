// Probe: writes the synthetic files of the keystroke, start and host benchmarks
// (<outDir>/<lines>.py), built from the corpus (files with `async def` first).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../../../src/node/read-source';
import { buildFile, type SynthSource } from '../lib/synth';
import { allRules, benchEngine, emit, params } from './common';

interface Params {
  distDir: string;
  paths: string[];
  outDir: string;
  sizes: number[];
}

async function main(): Promise<void> {
  const p = params<Params>();
  const engine = await benchEngine(p.distDir);
  // Fails here, clearly, when the bundled engine and the compiled rules disagree.
  engine.analyzeText('import time\nasync def f():\n    time.sleep(1)\n', allRules(engine));
  const sources: SynthSource[] = [];
  for (const path of p.paths) {
    try {
      sources.push({ path, text: readSource(path).text });
    } catch {
      // unreadable: not in the corpus either
    }
  }
  const ordered = [...sources.filter((s) => s.text.includes('async def')), ...sources.filter((s) => !s.text.includes('async def'))];
  const files: Record<string, { path: string; bytes: number; sources: number; hasError: boolean }> = {};
  for (const size of p.sizes) {
    const { text, from } = buildFile(ordered, size, (t) => engine.parser.parse(t));
    const path = join(p.outDir, `${size}.py`);
    writeFileSync(path, text);
    const tree = engine.parser.parse(text);
    files[size] = { path, bytes: Buffer.byteLength(text), sources: from.length, hasError: tree.rootNode.hasError };
    tree.delete();
  }
  emit({ files });
}

void main();
