// Probe: the synchronous tasks the extension runs on the extension host for one file
// (src/vscode/analysis.ts): the open event parses it (TextUnit), the first analysis, each
// analysis after a keystroke (update + analyze), closing it (dispose). The engine is warm,
// as when another file was analysed before; the start probe measures the cold case.
import { editOffsets } from '../lib/synth';
import { allRules, benchEngine, emit, locate, params, readText, referenceParseMs } from './common';

interface Params {
  distDir: string;
  file: string;
  edits: number;
  /** The 5k-line file: its full parse time scales the time goals. */
  refFile: string;
}

async function main(): Promise<void> {
  const p = params<Params>();
  const engine = await benchEngine(p.distDir);
  const config = allRules(engine);
  const text = readText(p.file);
  const refText = readText(p.refFile);
  const warmup = refText.split('\n').slice(0, 300).join('\n');
  for (let i = 0; i < 10; i++) engine.analyzeText(warmup, config);
  const time = <T>(task: () => T): [T, number] => {
    const t0 = performance.now();
    const value = task();
    return [value, performance.now() - t0];
  };
  const [document, openMs] = time(() => engine.open(text));
  const [, analyzeMs] = time(() => locate(engine.analyze(document, config), document.lines));
  const offsets = editOffsets(text, document.tree, p.edits);
  const keystroke: number[] = [];
  for (const [k, offset] of offsets.entries()) {
    const at = offset + k;
    keystroke.push(
      time(() => {
        document.update([{ start: at, end: at, newText: 'x' }]);
        locate(engine.analyze(document, config), document.lines);
      })[1],
    );
  }
  const [, closeMs] = time(() => document.dispose());
  emit({ openMs, analyzeMs, keystroke, closeMs, refParseMs: referenceParseMs(engine, refText) });
}

void main();
