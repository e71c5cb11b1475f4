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
  directivesOf,
  discoverFixtures,
  lineFindingsOf,
  orphanFixedFiles,
  parseExpectations,
  pythonSyntaxError,
  SkipPython,
  targetVersionOf,
} from '../helpers/fixtures';
import type { PythonVersion } from '../../src/engine/types';

const fixtures = discoverFixtures();

/**
 * CPython's verdict on a text; a fixture with a target version is parsed by that version
 * (3.8 must reject what 3.8 cannot parse), or by a newer python3 if it is not installed.
 * Without any CPython that new, the syntax is beyond this machine's python3: unchecked.
 */
function syntaxError(text: string, version: PythonVersion | undefined): string | null {
  if (!version) return pythonSyntaxError(text);
  try {
    return pythonSyntaxError(text, version);
  } catch (error) {
    if (!(error instanceof SkipPython)) throw error;
    return null;
  }
}

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
      const config = { select: [fixture.ruleId], ...(fixture.targetVersion ? { targetVersion: fixture.targetVersion } : {}) };

      it('names a rule of its family folder and is valid Python', () => {
        const rule = engine.rule(fixture.ruleId);
        assert.ok(rule, `${fixture.name}: no rule "${fixture.ruleId}"`);
        assert.equal(rule.family, fixture.family, `${fixture.name} lives in test/fixtures/${fixture.family}/`);
        assert.equal(syntaxError(fixture.text, fixture.targetVersion), null);
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
          assert.equal(syntaxError(fixed.text, fixture.targetVersion), null);
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

  it('reads target-version directives, alone or with other words, and rejects malformed ones', () => {
    assert.deepEqual(targetVersionOf('# pymodern-test: target-version 3.8\nx = 1\n', 'a.py'), [3, 8]);
    assert.deepEqual(targetVersionOf('# header\n# pymodern-test: unsafe-fixes, target-version 3.12\n', 'a.py'), [3, 12]);
    assert.equal(targetVersionOf('x = 1\n# pymodern-test: target-version 3.8\n', 'a.py'), undefined, 'only leading comments count');
    assert.ok(directivesOf('# pymodern-test: unsafe-fixes, target-version 3.12\n', 'a.py').has('unsafe-fixes'));
    assert.throws(() => targetVersionOf('# pymodern-test: target-version py38\n', 'a.py'), /a\.py: "target-version" needs a version like 3\.8/);
    assert.throws(() => targetVersionOf('# pymodern-test: target-version\n', 'a.py'), /needs a version/);
  });

  it('sees Python syntax errors', () => {
    assert.equal(pythonSyntaxError('x = 1\n'), null);
    assert.match(pythonSyntaxError('def f(:\n    pass\n') ?? '', /SyntaxError/);
  });
});
