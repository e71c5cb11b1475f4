// The compiled rules in dist/: plain JSON, readable without the WASM engine (the editor's
// host reads rule metadata from it and leaves parsing to its worker thread).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledRuleSet } from '../engine/types';

export const RULES_JSON = 'rules.json';

export function readRuleSet(distDir: string): CompiledRuleSet {
  return JSON.parse(readFileSync(join(distDir, RULES_JSON), 'utf8')) as CompiledRuleSet;
}
