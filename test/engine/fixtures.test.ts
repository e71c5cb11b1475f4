// The one generic fixture test: every test/fixtures/<family>/<rule-id>[.<variant>].py is
// analysed with only its rule enabled, and its `# expect:` markers must match the findings
// exactly. Naming: `<rule-id>.py` is the main fixture, `<rule-id>.<variant>.py` more
// (`.clean.py` for files that start with `# pymodern-test: clean`), `<name>.fixed.py` the
// text after fixes. Conventions in test/helpers/fixtures.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Engine } from '../../src/engine/engine';
import { getEngine } from '../helpers/engine';
import {
  compareLineFindings,
  discoverFixtures,
  lineFindingsOf,
  orphanFixedFiles,
  parseExpectations,
  pythonSyntaxError,
} from '../helpers/fixtures';

const fixtures = discoverFixtures();

describe('fixtures', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  it('finds the fixtures', () => {
    assert.ok(fixtures.length >= 9, `only ${fixtures.length} fixtures found`);
    assert.deepEqual(orphanFixedFiles(), []);
  });

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      const config = { select: [fixture.ruleId] };

      it('names a rule of its family folder and is valid Python', () => {
        const rule = engine.rule(fixture.ruleId);
        assert.ok(rule, `${fixture.name}: no rule "${fixture.ruleId}"`);
        assert.equal(rule.family, fixture.family, `${fixture.name} lives in test/fixtures/${fixture.family}/`);
        assert.equal(pythonSyntaxError(fixture.text), null);
      });

      it(fixture.clean ? 'produces no finding (clean)' : 'produces exactly the expected findings', () => {
        const expected = parseExpectations(fixture.text);
        if (fixture.clean) assert.deepEqual(expected, [], `${fixture.name} says it is clean but has # expect: markers`);
        else assert.ok(expected.length > 0, `${fixture.name} has no # expect: marker; a file without findings must start with # pymodern-test: clean`);
        for (const marker of expected) {
          assert.equal(marker.rule, fixture.ruleId, `${fixture.name}:${marker.line} expects ${marker.rule}, but only ${fixture.ruleId} is enabled here`);
        }
        const actual = lineFindingsOf(engine.analyzeText(fixture.text, config));
        const { noisy, missing } = compareLineFindings(expected, actual);
        assert.deepEqual([...noisy, ...missing], [], `${fixture.name}:\n  ${[...noisy, ...missing].join('\n  ')}`);
      });

      if (fixture.fixedFile) {
        const fixedFile = fixture.fixedFile;
        it('fixes to the .fixed.py text, which is valid Python, idempotently', () => {
          const options = { unsafe: fixture.unsafeFixes, rules: new Set([fixture.ruleId]) };
          const expected = readFileSync(fixedFile, 'utf8');
          const fixed = engine.fixAll(fixture.text, config, options);
          assert.equal(fixed.text, expected);
          assert.equal(pythonSyntaxError(fixed.text), null);
          const again = engine.fixAll(fixed.text, config, options);
          assert.equal(again.text, fixed.text, 'a second fix-all changed the text');
          assert.equal(again.applied, 0);
        });
      }
    });
  }
});

describe('fixture helpers (so the fixture test can fail)', () => {
  it('parses single and multiple markers and ignores other comments', () => {
    const text = 'a  # expect: rule-a\nb  # expect: rule-b, rule-a\nc  # expected: nothing\n# expect: rule-c\n';
    assert.deepEqual(parseExpectations(text), [
      { line: 1, rule: 'rule-a' },
      { line: 2, rule: 'rule-a' },
      { line: 2, rule: 'rule-b' },
      { line: 4, rule: 'rule-c' },
    ]);
  });

  it('reports Noisy and Missing, counting duplicates', () => {
    const expected = [{ line: 2, rule: 'x' }, { line: 5, rule: 'x' }, { line: 5, rule: 'x' }];
    const actual = [{ line: 2, rule: 'x' }, { line: 3, rule: 'x' }, { line: 5, rule: 'x' }];
    assert.deepEqual(compareLineFindings(expected, actual), { noisy: ['Noisy line 3: x'], missing: ['Missing line 5: x'] });
  });

  it('sees Python syntax errors', () => {
    assert.equal(pythonSyntaxError('x = 1\n'), null);
    assert.match(pythonSyntaxError('def f(:\n    pass\n') ?? '', /SyntaxError/);
  });
});
