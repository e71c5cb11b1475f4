// Probe: the bare web-tree-sitter parse of every corpus file (read, decode, parse, free),
// one thread: the limit of a tree-sitter based linter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { readSource } from '../../../src/node/read-source';
import { emit, params } from './common';

interface Params {
  distDir: string;
  paths: string[];
}

async function main(): Promise<void> {
  const p = params<Params>();
  const started = performance.now();
  await Parser.init({ wasmBinary: readFileSync(join(p.distDir, 'tree-sitter.wasm')) });
  const language = await Language.load(readFileSync(join(p.distDir, 'tree-sitter-python.wasm')));
  const parser = new Parser();
  parser.setLanguage(language);
  const loaded = performance.now();
  let errors = 0;
  for (const path of p.paths) {
    const tree = parser.parse(readSource(path).text);
    if (tree?.rootNode.hasError) errors++;
    tree?.delete();
  }
  emit({ loadMs: loaded - started, workMs: performance.now() - loaded, filesWithSyntaxErrors: errors });
}

void main();
