// The benchmark's own helpers (`npm run bench` measures; this only checks that what it
// measures is what it says): statistics, the synthetic files, where keystrokes land, the
// Ruff selection, the profile summary, the tables. No timing is asserted here.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/engine/engine';
import type { RuleMeta } from '../../src/engine/types';
import { getEngine } from '../helpers/engine';
import { countLines } from './lib/corpus';
import { summarizeProfile } from './lib/profile';
import { ruffSelection } from './lib/ruff';
import { distribution, median, quantile } from './lib/stats';
import { buildFile, editOffsets } from './lib/synth';
import { table } from './lib/table';

const SOURCE_A = `"""Module docstring
with an unindented line."""
import time


class Client:
    def get(self, url):
        return url


async def fetch(url):
    time.sleep(1)
    return url
`;

const SOURCE_B = `import os

# a comment
def helper(path):
    return os.path.join(path, "x")

VALUE = helper("a")
`;

describe('benchmark helpers', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  it('computes medians and interpolated quantiles', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9.1);
    assert.deepEqual(distribution([5]), { p50: 5, p90: 5, max: 5 });
    assert.ok(Number.isNaN(median([])));
  });

  it('counts lines with or without a final line break', () => {
    assert.equal(countLines(''), 0);
    assert.equal(countLines('a\nb\n'), 2);
    assert.equal(countLines('a\nb'), 2);
  });

  for (const target of [7, 40, 333]) {
    it(`builds a ${target}-line file of whole statements that parses cleanly`, () => {
      const sources = [
        { path: 'a.py', text: SOURCE_A },
        { path: 'broken.py', text: 'def (:\n' },
        { path: 'b.py', text: SOURCE_B },
      ];
      const { text, from } = buildFile(sources, target, (t) => engine.parser.parse(t));
      assert.equal(countLines(text), target);
      assert.ok(!from.includes('broken.py'), 'a source with syntax errors is skipped');
      const tree = engine.parser.parse(text);
      try {
        assert.equal(tree.rootNode.hasError, false);
      } finally {
        tree.delete();
      }
    });
  }

  it('places keystrokes inside identifiers, spread out and ascending', () => {
    const { text } = buildFile([{ path: 'a.py', text: SOURCE_A }, { path: 'b.py', text: SOURCE_B }], 200, (t) => engine.parser.parse(t));
    const tree = engine.parser.parse(text);
    try {
      const offsets = editOffsets(text, tree, 20);
      assert.ok(offsets.length >= 18, `${offsets.length} offsets`);
      assert.deepEqual([...offsets].sort((a, b) => a - b), offsets);
      assert.equal(new Set(offsets).size, offsets.length);
      for (const offset of offsets) assert.equal(tree.rootNode.descendantForIndex(offset)?.type, 'identifier', `offset ${offset}`);
      assert.ok(offsets[0] < text.length / 4 && offsets.at(-1)! > (text.length * 3) / 4, 'spread through the file');
      // Typing there keeps the tree sound.
      const document = engine.open(text);
      try {
        offsets.forEach((offset, k) => document.update([{ start: offset + k, end: offset + k, newText: 'x' }]));
        assert.equal(document.tree.rootNode.hasError, false);
      } finally {
        document.dispose();
      }
    } finally {
      tree.delete();
    }
  });

  it('selects the Ruff codes this Ruff knows, and drops the others', () => {
    const rule = { peers: ['ASYNC251', 'RUF100', 'XYZ123'] } as unknown as RuleMeta;
    const selection = ruffSelection([rule], false);
    assert.ok(selection.select.includes('ASYNC'));
    assert.ok(selection.select.includes('RUF100'), 'a peer outside the families is added');
    assert.ok(!selection.select.includes('ASYNC251'), 'a peer inside a selected family is not repeated');
    assert.deepEqual(selection.unknown, ['XYZ123']);
    assert.match(selection.version, /^\d+\.\d+\.\d+$/);
  });

  it('summarises a CPU profile by function and by bundled source module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pymodern-bench-'));
    try {
      const bundle = join(dir, 'probe.cjs');
      writeFileSync(
        bundle,
        ['// header', '// src/engine/engine.ts', 'function analyze() {}', '// src/engine/facts.ts', 'function facts() {}', '// ../elsewhere/node_modules/web-tree-sitter/tree-sitter.cjs', 'function marshalNode() {}'].join('\n'),
      );
      const url = `file://${bundle}`;
      const profile = {
        nodes: [
          { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
          { id: 2, callFrame: { functionName: 'analyze', url, lineNumber: 2 } },
          { id: 3, callFrame: { functionName: 'facts', url, lineNumber: 4 } },
          { id: 4, callFrame: { functionName: 'ts_parser_parse', url: 'wasm://wasm/abc', lineNumber: 0 } },
          { id: 5, callFrame: { functionName: 'marshalNode', url, lineNumber: 6 } },
        ],
        samples: [2, 3, 3, 4, 4, 4, 5],
        timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000],
      };
      const file = join(dir, 'x.cpuprofile');
      writeFileSync(file, JSON.stringify(profile));
      const summary = summarizeProfile(file);
      assert.equal(summary.totalMs, 7);
      assert.deepEqual(
        summary.modules.map((m) => [m.name, m.ms]),
        [
          ['tree-sitter runtime (WASM)', 3],
          ['src/engine/facts.ts', 2],
          ['src/engine/engine.ts', 1],
          ['node_modules/web-tree-sitter/tree-sitter.cjs', 1],
        ],
      );
      assert.deepEqual(summary.functions[0], { name: 'ts_parser_parse', where: 'tree-sitter runtime (WASM)', ms: 3, percent: (100 * 3) / 7 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('right-aligns the columns of numbers in its Markdown tables', () => {
    assert.equal(table(['run', 'ms', 'note'], [['a', '1,234', 'x'], ['b', '**5.5**', 'y']]), '| run | ms | note |\n| --- | ---: | --- |\n| a | 1,234 | x |\n| b | **5.5** | y |');
  });
});
