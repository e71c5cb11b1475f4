// Node-side loading of the engine: reads the WASM files and compiled rules that the build
// put in dist/. Shared by the CLI, its workers, the editor's analysis worker and workspace scan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../engine/engine';
import { readRuleSet } from './rule-set';

export const RUNTIME_WASM = 'tree-sitter.wasm';
export const PYTHON_WASM = 'tree-sitter-python.wasm';
export { readRuleSet, RULES_JSON } from './rule-set';

export async function loadEngine(distDir: string): Promise<Engine> {
  let grammar;
  try {
    grammar = { runtime: readFileSync(join(distDir, RUNTIME_WASM)), python: readFileSync(join(distDir, PYTHON_WASM)) };
  } catch (error) {
    throw new Error(`pymodern is not built: ${String((error as Error).message)} (run \`npm run build\`)`);
  }
  const engine = await Engine.create({ grammar, ruleSet: readRuleSet(distDir) });
  // A failpoint for the tests of recovery from a WASM trap (test/cli/engine-faults.test.ts).
  const marker = process.env.PYMODERN_TEST_TRAP_MARKER;
  if (marker) engine.trapOnText(marker);
  // And of the watchdogs that stop a worker stuck in one file (test/cli/time-budget.test.ts).
  const hang = process.env.PYMODERN_TEST_HANG_MARKER;
  if (hang) engine.hangOnText(hang);
  return engine;
}
