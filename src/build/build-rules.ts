// Entry point the build bundles and runs: parser from dist/, then compileRules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PythonParser } from '../engine/parser';
import type { CompiledRuleSet } from '../engine/types';
import { compileRules } from './compile-rules';

export async function buildRuleSet(rulesDir: string, distDir: string): Promise<CompiledRuleSet> {
  const parser = await PythonParser.create({
    runtime: readFileSync(join(distDir, 'tree-sitter.wasm')),
    python: readFileSync(join(distDir, 'tree-sitter-python.wasm')),
  });
  try {
    return compileRules(rulesDir, parser);
  } finally {
    parser.delete();
  }
}
