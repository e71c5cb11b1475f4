// Probe: Ruff compiled to WebAssembly checking every corpus file's text with the
// selection run.ts computed, one thread (the WASM build has no threads).
import { readSource } from '../../../src/node/read-source';
import { emit, params } from './common';

interface Params {
  paths: string[];
  settings: object;
}

interface RuffModule {
  Workspace: new (settings: object, encoding: number) => { check(text: string): { code: string | null }[]; free(): void };
  PositionEncoding: { Utf16: number };
}

function main(): void {
  const p = params<Params>();
  const started = performance.now();
  // Loading the package compiles its WASM: part of the whole run, as for our engine.
  const ruff = require('@astral-sh/ruff-wasm-nodejs') as RuffModule;
  const workspace = new ruff.Workspace(p.settings, ruff.PositionEncoding.Utf16);
  const loaded = performance.now();
  const codes = new Map<string, number>();
  let diagnostics = 0;
  for (const path of p.paths) {
    for (const d of workspace.check(readSource(path).text)) {
      diagnostics++;
      const code = d.code ?? 'syntax-error';
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  }
  const workMs = performance.now() - loaded;
  workspace.free();
  emit({ loadMs: loaded - started, workMs, diagnostics, codes: Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])) });
}

main();
