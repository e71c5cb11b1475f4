// The modern family's old names that need a newer target (up-names slice): each table runs
// at the version the rewrite needs, and a gate test shows the rule silent below it.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import type { PythonVersion, RuleConfig } from '../../../src/engine/types';
import { pythonSyntaxError } from '../../helpers/fixtures';
import { getEngine } from '../../helpers/engine';
import { duplicateCases, errorsOf, type ExpectedError } from '../rule-tester';

interface GatedCase {
  code: string;
  errors: ExpectedError[];
  /** After safe fixes; null: nothing safe to fix. */
  output: string | null;
  /** After unsafe fixes too, when they differ from `output`. */
  unsafeOutput?: string;
}

/** A rule table at `version`; every invalid snippet is also asserted silent at `below`. */
function gatedRuleTester(rule: string, version: PythonVersion, below: PythonVersion, tests: { valid: string[]; invalid: GatedCase[] }): void {
  describe(`${rule} (target ${version.join('.')})`, () => {
    let engine: Engine;
    const config: RuleConfig = { select: [rule], targetVersion: version };
    before(async () => {
      engine = await getEngine();
    });
    it('has no duplicate cases and at least 6 of each kind', () => {
      assert.deepEqual(duplicateCases(tests), []);
      assert.ok(tests.valid.length >= 6 && tests.invalid.length >= 6);
    });
    tests.valid.forEach((code, i) => {
      it(`valid #${i + 1}`, () => assert.deepEqual(errorsOf(engine.analyzeText(code, config)), []));
    });
    tests.invalid.forEach((test, i) => {
      it(`invalid #${i + 1}`, () => {
        assert.deepEqual(errorsOf(engine.analyzeText(test.code, config)), test.errors);
        const rules = new Set([rule]);
        const safe = engine.fixAll(test.code, config, { unsafe: false, rules }).text;
        assert.equal(safe, test.output ?? test.code);
        const unsafe = engine.fixAll(test.code, config, { unsafe: true, rules }).text;
        assert.equal(unsafe, test.unsafeOutput ?? test.output ?? test.code);
        for (const fixed of [safe, unsafe]) assert.equal(pythonSyntaxError(fixed), null, 'the fixed code is not valid Python');
        assert.deepEqual(errorsOf(engine.analyzeText(test.code, { select: [rule], targetVersion: below })), [], `silent at ${below.join('.')}`);
      });
    });
  });
}

const at = (rule: string) => (line: number, column: number, endLine: number, endColumn: number, message: string) => ({ rule, line, column, endLine, endColumn, message });

const utc = at('datetime-utc-alias');
const UTC = (name: string) => `\`${name}\` is \`datetime.UTC\` since Python 3.11`;
gatedRuleTester('datetime-utc-alias', [3, 11], [3, 10], {
  valid: [
    'import datetime\nprint(datetime.timezone(-1))\n',
    'import datetime\nprint(datetime.UTC)\n',
    'from datetime import UTC\nprint(UTC)\n',
    'import pytz\nprint(pytz.utc)\n',
    'class Z:\n    utc = 1\n\nprint(Z.utc)\n',
    'from datetime import timezone\ntimezone = None\nprint(timezone.utc)\n',
  ],
  invalid: [
    {
      code: 'def func():\n    from datetime import timezone\n    print(timezone.utc)\n',
      errors: [utc(3, 11, 3, 23, UTC('timezone.utc'))],
      output: 'from datetime import UTC\ndef func():\n    from datetime import timezone\n    print(UTC)\n',
    },
    {
      code: 'from datetime import timezone as tz\nprint(tz.utc)\n',
      errors: [utc(2, 7, 2, 13, UTC('tz.utc'))],
      output: 'from datetime import timezone as tz, UTC\nprint(UTC)\n',
    },
    { code: 'import datetime\nprint(datetime.timezone.utc)\n', errors: [utc(2, 7, 2, 28, UTC('datetime.timezone.utc'))], output: 'import datetime\nprint(datetime.UTC)\n' },
    { code: 'import datetime as dt\nprint(dt.timezone.utc)\n', errors: [utc(2, 7, 2, 22, UTC('dt.timezone.utc'))], output: 'import datetime as dt\nprint(dt.UTC)\n' },
    {
      code: 'from datetime import UTC, timezone\nx = timezone.utc\n',
      errors: [utc(2, 5, 2, 17, UTC('timezone.utc'))],
      output: 'from datetime import UTC, timezone\nx = UTC\n',
    },
    {
      // Two uses share the one new import.
      code: 'from datetime import datetime, timezone\na = datetime.now(timezone.utc)\nb = timezone.utc\n',
      errors: [utc(2, 18, 2, 30, UTC('timezone.utc')), utc(3, 5, 3, 17, UTC('timezone.utc'))],
      output: 'from datetime import datetime, timezone, UTC\na = datetime.now(UTC)\nb = UTC\n',
    },
    {
      // `UTC` is taken by the file: reported, not rewritten.
      code: 'from datetime import timezone\nUTC = "utc"\nx = timezone.utc\n',
      errors: [utc(3, 5, 3, 17, UTC('timezone.utc'))],
      output: null,
    },
  ],
});

