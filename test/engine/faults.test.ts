// Inputs that used to hang the engine, overflow its stack or trap its WASM runtime (and so
// poison it for every later file), and what the engine does when the runtime traps anyway.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import { AnalysisLimitError, EngineFaultError, EnginePoisonedError, isStackOverflow, isWasmTrap } from '../../src/engine/faults';
import { loadEngine } from '../../src/node/load-engine';
import { DIST_DIR, getEngine } from '../helpers/engine';

const SLEEP = 'import time\n\n\nasync def poll() -> None:\n    time.sleep(1)\n';
const rulesOf = (engine: Engine, text: string, config = {}) => engine.analyzeText(text, { select: engine.rules.map((r) => r.id), ...config }).map((f) => f.rule);

describe('engine: pathological input', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  it('analyses 8,000 chained .merge(df) calls (a WASM trap in the query cursor before) and the next file', () => {
    const chain = `import pandas as pd\n\ndf = pd.read_csv("a.csv")\nx = df${'.merge(df)'.repeat(8000)}\n`;
    assert.deepEqual(rulesOf(engine, SLEEP), ['blocking-sleep-in-async']);
    assert.deepEqual(rulesOf(engine, chain), ['pandas-read-csv']);
    assert.equal(engine.poisoned, false);
    assert.deepEqual(rulesOf(engine, SLEEP), ['blocking-sleep-in-async'], 'the file after it keeps its findings');
  });

  it('analyses List[...] and Optional[...] nested 800 deep (over a minute before: parent walks were cubic)', () => {
    const list = `from typing import List\n\nx: ${'List['.repeat(800)}int${']'.repeat(800)} = []\n`;
    const optional = `from typing import Optional\n\nx: ${'Optional['.repeat(800)}int${']'.repeat(800)} = None\n`;
    assert.equal(rulesOf(engine, list, { targetVersion: [3, 9] }).filter((r) => r === 'typing-generic-alias').length, 800, 'each use');
    assert.equal(rulesOf(engine, optional).filter((r) => r === 'typing-optional').length, 800);
  });

  it('walks 5,000 nested parentheses in an annotation without overflowing the stack', () => {
    const deep = `from typing import List\n\n\ndef f(x: ${'('.repeat(5000)}List[int]${')'.repeat(5000)}) -> None:\n    pass\n`;
    // The one finding is the outermost redundant pair (extraneous-parentheses), found without recursion.
    assert.deepEqual(rulesOf(engine, deep, { targetVersion: [3, 8] }), ['extraneous-parentheses']);
  });

  it('names WASM traps and stack overflows', () => {
    assert.equal(isWasmTrap(Object.assign(new Error('unreachable'), { name: 'RuntimeError' })), true);
    assert.equal(isWasmTrap(new TypeError('x')), false);
    let overflow: unknown;
    const recurse = (n: number): number => recurse(n + 1) + 1;
    try {
      recurse(0);
    } catch (error) {
      overflow = error;
    }
    assert.equal(isStackOverflow(overflow), true);
    assert.equal(isStackOverflow(new RangeError('Invalid array length')), false);
  });
});

describe('engine: a WASM trap poisons this engine only, loudly', () => {
  let engine: Engine;
  before(async () => {
    engine = await loadEngine(DIST_DIR);
    engine.trapOnText('TRAP-HERE');
  });

  it('reports the faulting file, refuses every later call, and frees nothing into the dead runtime', () => {
    assert.deepEqual(rulesOf(engine, SLEEP), ['blocking-sleep-in-async']);
    assert.throws(() => engine.analyzeText(`${SLEEP}# TRAP-HERE\n`), (e: unknown) => e instanceof EngineFaultError && /parser runtime faulted on this file/.test(e.message));
    assert.equal(engine.poisoned, true);
    assert.throws(() => engine.analyzeText(SLEEP), (e: unknown) => e instanceof EnginePoisonedError && /faulted on an earlier file/.test(e.message));
    assert.throws(() => engine.fixAll(SLEEP, {}, { unsafe: false }), EnginePoisonedError);
    assert.doesNotThrow(() => engine.dispose());
  });

  it('turns a stack overflow into a clear error for that call alone, without poisoning', async () => {
    const other = await loadEngine(DIST_DIR);
    const shielded = (other as unknown as { shielded<T>(call: () => T): T }).shielded.bind(other);
    const recurse = (n: number): number => recurse(n + 1) + 1;
    assert.throws(() => shielded(() => recurse(0)), (e: unknown) => e instanceof AnalysisLimitError && e.message === 'analysis stopped: file too complex (nested too deeply to walk)');
    assert.equal(other.poisoned, false);
    assert.deepEqual(rulesOf(other, SLEEP), ['blocking-sleep-in-async']);
    other.dispose();
  });
});
