// The randomised differential test of the incremental path, seeded and bounded: random
// editor edits on the fixtures, each analysed incrementally; a result not marked provisional
// must equal a fresh whole-file analysis, and so must a whole-file analysis of the
// incrementally reparsed tree. `npm run fuzz` runs the same check for as long as asked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ContentChange } from '../../src/engine/document';
import type { Engine } from '../../src/engine/engine';
import { getEngine } from '../helpers/engine';
import { discoverFixtures } from '../helpers/fixtures';
import { checkEdits } from '../fuzz/checks';
import { randomEdit } from '../fuzz/mutations';
import { Random } from '../fuzz/random';

const SEQUENCES = 120;
const SEED = 20261207;

describe('incremental analysis: seeded random edits agree with a fresh analysis', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  it(`${SEQUENCES} edit sequences on the fixtures (seed ${SEED}): no mismatch, no crash`, function () {
    this.timeout(120_000);
    const random = new Random(SEED);
    const fixtures = discoverFixtures().map((f) => readFileSync(f.file, 'utf8'));
    const select = engine.rules.map((r) => r.id);
    const failures: string[] = [];
    let edits = 0;
    for (let n = 0; n < SEQUENCES; n++) {
      const text = random.pick(fixtures);
      const sequence: ContentChange[] = [];
      let current = text;
      for (let i = 5 + random.int(15); i > 0; i--) {
        const edit = randomEdit(current, random);
        sequence.push(edit);
        current = current.slice(0, edit.start) + edit.newText + current.slice(edit.end);
      }
      edits += sequence.length;
      const { failure, at } = checkEdits(engine, text, sequence, { select, targetVersion: random.pick([[3, 8], [3, 10], [3, 12]] as const) });
      if (failure) failures.push(`sequence ${n}, edit ${at}: ${failure.kind}: ${failure.detail}`);
    }
    assert.ok(edits > SEQUENCES * 5);
    assert.deepEqual(failures, []);
  });
});

describe('incremental analysis: carried fixes that edit outside their finding', () => {
  it('typing `-> Optional[int]` into one def: another def\'s fix no longer removes the import it now needs', async () => {
    const engine = await getEngine();
    const text = 'from typing import Optional\n\n\ndef a(x: int) -> int:\n    return x\n\n\ndef b(y: Optional[int] = None) -> None:\n    print(y)\n';
    const document = engine.open(text);
    try {
      const config = { select: ['typing-optional'] };
      const [before] = engine.analyzeEdited(document, config).findings;
      assert.equal(before.fixes[0].edits.length, 2, 'before: the rewrite and the removal of the then-unused import');
      const at = text.indexOf('-> int:') + 3;
      engine.update(document, [{ start: at, end: at + 3, newText: 'Optional[int]' }]);
      const after = engine.analyzeEdited(document, config);
      assert.deepEqual(
        after.findings.map((f) => f.fixes.map((x) => x.edits)),
        engine.analyzeText(document.text, config).map((f) => f.fixes.map((x) => x.edits)),
      );
      assert.ok(after.findings.every((f) => f.fixes.every((x) => x.edits.every((e) => e.start >= f.start && e.end <= f.end))), 'no fix removes the import');
    } finally {
      document.dispose();
    }
  });
});
