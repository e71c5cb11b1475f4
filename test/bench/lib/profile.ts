// Summary of a V8 CPU profile (node --cpu-prof): self time per function and per source
// module. Probes are esbuild bundles, whose `// src/…` comments mark where each module's
// code starts, so a bundle line maps back to its source file without a source map.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: SelfTime[];
  modules: SelfTime[];
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const bundles = new Map<string, (line: number) => string>();
  const moduleOf = (frame: CallFrame): string => {
    const { url } = frame;
    if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
    if (url.startsWith('wasm://')) return 'tree-sitter runtime (WASM)';
    if (url.startsWith('node:')) return url;
    if (!url.startsWith('file://')) return url;
    const path = fileURLToPath(url);
    if (!bundles.has(path)) bundles.set(path, bundleMap(path));
    return bundles.get(path)!(frame.lineNumber);
  };
  const byFunction = new Map<string, SelfTime>();
  const byModule = new Map<string, SelfTime>();
  let totalMs = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    totalMs += ms;
    const module = moduleOf(node.callFrame);
    const name = node.callFrame.functionName || '(anonymous)';
    const where = module.startsWith('(') ? '' : node.callFrame.url.startsWith('wasm://') ? module : `${module}`;
    const fKey = `${name}\u0000${where}`;
    const f = byFunction.get(fKey) ?? { name, where, ms: 0, percent: 0 };
    f.ms += ms;
    byFunction.set(fKey, f);
    const m = byModule.get(module) ?? { name: module, where: '', ms: 0, percent: 0 };
    m.ms += ms;
    byModule.set(module, m);
  }
  const rank = (entries: Iterable<SelfTime>) =>
    [...entries]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((e) => ({ ...e, percent: (100 * e.ms) / totalMs }));
  return { totalMs, functions: rank(byFunction.values()), modules: rank(byModule.values()) };
}

/** Maps a 0-based line of an esbuild bundle to the source module it came from. */
function bundleMap(path: string): (line: number) => string {
  let lines: string[];
  try {
    lines = readFileSync(path, 'utf8').split('\n');
  } catch {
    return () => path;
  }
  const starts: [number, string][] = [];
  lines.forEach((text, i) => {
    // esbuild writes the module's path relative to the working folder; a symlinked
    // node_modules can make it `../elsewhere/node_modules/…`.
    const match = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(text);
    if (match) starts.push([i, match[1].replace(/^(?:\.\.\/)*(?:.*?\/)?(?=node_modules\/)/, '')]);
  });
  return (line) => {
    let module = path.split('/').pop()!;
    for (const [start, name] of starts) {
      if (start > line) break;
      module = name;
    }
    return module;
  };
}
