// Shared by the probes: each probe is a separate Node process (bundled by run.ts into
// .bench/probes/), reads its parameters from the JSON file named by argv[2] and prints
// one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { Parser } from 'web-tree-sitter';
import type { Engine } from '../../../src/engine/engine';
import type { Finding, RuleConfig, RuleMeta } from '../../../src/engine/types';
import { loadEngine } from '../../../src/node/load-engine';
import { FINDINGS_PER_SLICE, inSlices, type SliceTimes } from '../../../src/node/slices';

export interface ProbeUsage {
  /** User + system CPU time of the whole process (every thread), ms. */
  cpuMs: number;
  /** Peak resident set size of the process, MB. */
  maxRssMb: number;
}

export function params<T>(): T {
  return JSON.parse(readFileSync(process.argv[2], 'utf8')) as T;
}

export function emit(result: object): void {
  process.stdout.write(`${JSON.stringify({ ...result, usage: usage() })}\n`);
}

export function usage(): ProbeUsage {
  const u = process.resourceUsage();
  return { cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: peakRssMb() };
}

/**
 * Peak resident set size of this process, MB. On Linux from VmHWM: getrusage's maxRSS
 * survives exec, so a child would report its parent's peak if that was higher.
 */
export function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return (Number(match[1]) * 1024) / 1e6;
  } catch {
    // not Linux
  }
  return (process.resourceUsage().maxRSS * 1024) / 1e6;
}

/** CPU time of the process so far, ms. */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

// The web-tree-sitter runtime keeps its Emscripten module private; Parser.init's options
// object becomes that module, so keeping a reference to it shows the WASM memory.
let runtimeModule: { HEAP8?: Int8Array } | undefined;
const originalInit = Parser.init.bind(Parser);
(Parser as unknown as { init: (options?: object) => Promise<void> }).init = (options: object = {}) => {
  runtimeModule = options as { HEAP8?: Int8Array };
  return originalInit(options as Parameters<typeof Parser.init>[0]);
};

/** Size of the tree-sitter runtime's linear memory, MB (it grows, never shrinks). */
export function wasmMemoryMb(): number {
  return (runtimeModule?.HEAP8?.buffer.byteLength ?? Number.NaN) / 1e6;
}

export function benchEngine(distDir: string): Promise<Engine> {
  return loadEngine(distDir);
}

/** Every rule of the catalog, preview ones included (from an engine, or the rules' metadata). */
export function allRules(catalog: { rules: readonly RuleMeta[] }): RuleConfig {
  return { select: catalog.rules.map((rule) => rule.id) };
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * What the extension host does with each finding of a file's result before publishing it
 * (src/vscode/analysis.ts: locateIn, in slices of FINDINGS_PER_SLICE): a range from the
 * engine's, a diagnostic, the finding cached under rule + range, with plain objects where
 * the extension makes vscode.Range and vscode.Diagnostic.
 */
export function placeFindings(findings: readonly Finding[]): Promise<SliceTimes> {
  const byKey = new Map<string, unknown>();
  const place = (finding: Finding) => {
    const { start, end } = finding.range;
    const range = { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
    const target = `command:pymodern.showTrend?${encodeURIComponent(JSON.stringify([finding.trend]))}`;
    const diagnostic = { range, message: finding.message, severity: finding.severity, source: 'pymodern', code: { value: finding.rule, target } };
    byKey.set(`${finding.rule}@${start.line}:${start.character}-${end.line}:${end.character}`, { finding, range, diagnostic });
  };
  return inSlices(findings, FINDINGS_PER_SLICE, place) as Promise<SliceTimes>;
}

/** Runs a synchronous task and times it. */
export function time<T>(task: () => T): [T, number] {
  const t0 = performance.now();
  const value = task();
  return [value, performance.now() - t0];
}

/** Median time of a few full parses of a text: the machine's speed at this moment. */
export function referenceParseMs(engine: Engine, text: string, times = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    engine.parser.parse(text).delete();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}
