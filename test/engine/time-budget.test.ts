// Engine.withinBudget with a test clock: the analysis stops at the first poll past the
// deadline, with the "file too complex" error, and the engine analyses the next file as before.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import { AnalysisLimitError } from '../../src/engine/faults';
import { getEngine } from '../helpers/engine';

const SLEEP = 'import time\n\n\nasync def poll() -> None:\n    time.sleep(1)\n';

/** A clock that moves one second each time it is read. */
function steppingClock(): () => number {
  let now = 0;
  return () => (now += 1000);
}

describe('engine: the per-file time budget', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  it('stops an analysis that polls past its deadline, with the "file too complex" error', () => {
    assert.throws(
      () => engine.withinBudget(2500, () => engine.analyzeText(SLEEP), steppingClock()),
      (error: unknown) => error instanceof AnalysisLimitError && error.message === 'analysis stopped: file too complex (it took over the time budget of 2.5 s)',
    );
    // Not poisoned, and no budget left behind: the next file is analysed in full.
    assert.equal(engine.poisoned, false);
    assert.deepEqual(engine.analyzeText(SLEEP).map((f) => f.rule), ['blocking-sleep-in-async']);
  });

  it('lets an analysis that stays within the budget finish, and 0 means no budget', () => {
    assert.deepEqual(engine.withinBudget(1000_000, () => engine.analyzeText(SLEEP), steppingClock()).map((f) => f.rule), ['blocking-sleep-in-async']);
    assert.deepEqual(engine.withinBudget(0, () => engine.analyzeText(SLEEP), steppingClock()).map((f) => f.rule), ['blocking-sleep-in-async']);
  });

  it('stops fix-all between its passes, and an inner budget never extends an outer one', () => {
    const text = 'from typing import List\n\n\ndef f(x: List[int]) -> List[int]:\n    return x\n';
    assert.throws(() => engine.withinBudget(1500, () => engine.fixAll(text, {}, { unsafe: false }), steppingClock()), AnalysisLimitError);
    const clock = steppingClock();
    assert.throws(() => engine.withinBudget(1500, () => engine.withinBudget(1000_000, () => engine.analyzeText(SLEEP), clock), clock), AnalysisLimitError);
  });

  it('refuses an edited document whose incremental analysis outlasts the budget', () => {
    const document = engine.open(SLEEP);
    try {
      assert.throws(() => engine.withinBudget(2500, () => engine.analyzeEdited(document, {}), steppingClock()), AnalysisLimitError);
      assert.deepEqual(engine.analyzeEdited(document, {}).findings.map((f) => f.rule), ['blocking-sleep-in-async']);
    } finally {
      engine.close(document);
    }
  });
});
