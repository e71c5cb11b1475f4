// Probe: one-character edits spread through a file; for each, the time from the edit to
// updated findings as the editor's worker gets them (SourceDocument.update +
// engine.analyzeEdited: only the edited def when it can), and — on the same text, every
// fourth edit — a full parse and a full parse + whole-file analysis, whose findings must be the same.
import { allRules, benchEngine, emit, params, readText } from './common';
import { editOffsets } from '../lib/synth';

const FULL_EVERY = 4;

interface Params {
  distDir: string;
  file: string;
  edits: number;
  warmup: number;
  /** Profile mode: skip the full reparses, so the profile shows the incremental path only. */
  incrementalOnly?: boolean;
}

async function main(): Promise<void> {
  const p = params<Params>();
  const engine = await benchEngine(p.distDir);
  const config = allRules(engine);
  const text = readText(p.file);

  // Warm-up on a copy: the engine has analysed files before the user types in this one.
  const warm = engine.open(text);
  engine.analyzeEdited(warm, config);
  for (const [k, offset] of editOffsets(text, warm.tree, p.warmup).entries()) {
    warm.update([{ start: offset + k, end: offset + k, newText: 'y' }]);
    engine.analyzeEdited(warm, config);
  }
  warm.dispose();

  const document = engine.open(text);
  engine.analyzeEdited(document, config);
  const offsets = editOffsets(text, document.tree, p.edits);
  const update: number[] = [];
  const incremental: number[] = [];
  const fullParse: number[] = [];
  const full: number[] = [];
  let mismatches = 0;
  let compared = 0;
  let findings = 0;
  /** Edits analysed by re-analysing the edited def alone (a provisional result). */
  let alone = 0;
  for (const [k, offset] of offsets.entries()) {
    // Offsets ascend, so each earlier edit moved this one by one character.
    const at = offset + k;
    const t0 = performance.now();
    document.update([{ start: at, end: at, newText: 'x' }]);
    const t1 = performance.now();
    const result = engine.analyzeEdited(document, config);
    const t2 = performance.now();
    update.push(t1 - t0);
    incremental.push(t2 - t0);
    findings = result.findings.length;
    if (result.provisional) alone++;
    // The full path on every fourth edit: enough samples, a quarter of the time.
    if (p.incrementalOnly || k % FULL_EVERY !== 0) continue;

    const f0 = performance.now();
    const fresh = engine.open(document.text);
    const f1 = performance.now();
    const expected = engine.analyze(fresh, config);
    const f2 = performance.now();
    fresh.dispose();
    fullParse.push(f1 - f0);
    full.push(f2 - f0);
    compared++;
    if (!sameFindings(result.findings, expected)) mismatches++;
  }
  document.dispose();
  emit({ edits: offsets.length, update, incremental, fullParse, full, mismatches, compared, findings, alone, lines: document.text.split('\n').length - 1 });
}

type Shown = { rule: string; start: number; end: number; message: string; fixes: unknown };

function sameFindings(a: readonly Shown[], b: readonly Shown[]): boolean {
  const same = (x: Shown, y: Shown) => x.rule === y.rule && x.start === y.start && x.end === y.end && x.message === y.message;
  return a.length === b.length && a.every((f, i) => same(f, b[i]) && JSON.stringify(f.fixes) === JSON.stringify(b[i].fixes));
}

void main();
