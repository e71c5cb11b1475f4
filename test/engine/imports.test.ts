// The architecture, checked on the import graph (type-only imports included): no cycles;
// the engine is editor- and file-system-free; a family imports only the shared engine;
// only the registry (src/engine/checks/index.ts) reaches into the families.
import assert from 'node:assert/strict';
import { importCycles, importGraph } from '../helpers/import-graph';
import { REPO_ROOT } from '../helpers/engine';

const REGISTRY = 'src/engine/checks/index.ts';
const familyOf = (file: string) => /^src\/engine\/families\/([^/]+)\//.exec(file)?.[1];

describe('import graph of src/', () => {
  const graph = importGraph(REPO_ROOT);

  it('has no import cycle, type-level ones included', () => {
    const cycles = importCycles(graph.edges).map((c) => c.join(' → '));
    assert.deepEqual(cycles, [], `import cycles:\n${cycles.join('\n')}`);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const edges = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ]);
    assert.deepEqual(importCycles(edges), [['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  it('keeps src/engine free of vscode and of Node I/O', () => {
    const bad: string[] = [];
    for (const [file, modules] of graph.external) {
      if (!file.startsWith('src/engine/')) continue;
      for (const module of modules) {
        if (module === 'vscode' || /^(?:node:)?(?:fs|fs\/promises|child_process|worker_threads|net|http|https|os)$/.test(module)) bad.push(`${file} imports ${module}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('has one package per family, and a family imports only itself and the shared engine', () => {
    const families = new Set([...graph.edges.keys()].map(familyOf).filter(Boolean));
    assert.deepEqual([...families].sort(), ['async', 'dataframes', 'fastapi', 'llm', 'modern', 'pydantic', 'security', 'typing']);
    const bad: string[] = [];
    for (const [file, targets] of graph.edges) {
      const family = familyOf(file);
      if (!family) continue;
      for (const target of targets) {
        const other = familyOf(target);
        if (other && other !== family) bad.push(`${file} imports another family: ${target}`);
        if (target === REGISTRY) bad.push(`${file} imports the registry`);
        if (!target.startsWith('src/engine/')) bad.push(`${file} imports outside the engine: ${target}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('lets only the registry reach into src/engine/families/, and only the engine import the registry', () => {
    const bad: string[] = [];
    for (const [file, targets] of graph.edges) {
      for (const target of targets) {
        if (familyOf(target) && !familyOf(file) && file !== REGISTRY) bad.push(`${file} imports ${target}`);
        if (target === REGISTRY && !file.startsWith('src/engine/') && !file.startsWith('src/build/')) bad.push(`${file} imports the registry`);
      }
    }
    assert.deepEqual(bad, []);
  });
});
