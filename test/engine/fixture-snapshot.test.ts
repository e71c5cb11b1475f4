// Pins the findings of every rule on test/fixtures byte for byte, fixes and hovers included,
// so that moving engine code around cannot change what users see unnoticed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, getEngine } from '../helpers/engine';
import { SNAPSHOT_FILE, fixtureSnapshot } from '../helpers/fixture-snapshot';

describe('fixture findings snapshot', () => {
  it(`equals ${SNAPSHOT_FILE} (regenerate with npm run snapshot after an intended change)`, async () => {
    const engine = await getEngine();
    const expected = readFileSync(join(REPO_ROOT, SNAPSHOT_FILE), 'utf8');
    const actual = fixtureSnapshot(engine);
    if (actual !== expected) {
      const a = actual.split('\n');
      const e = expected.split('\n');
      const first = a.findIndex((line, i) => line !== e[i]);
      assert.fail(`snapshot differs from line ${first + 1}:\n  expected: ${e[first]}\n  actual:   ${a[first]}`);
    }
  });
});
