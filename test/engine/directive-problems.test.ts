// Engine.directiveProblems: `# pymodern:` comments that silence nothing are reported with
// the directive's range; well-formed directives naming known rules or families are not, nor
// is text in strings, nor Ruff's `# noqa`.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import { getEngine } from '../helpers/engine';

describe('engine: suppression comments that silence nothing', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  function problems(text: string): string[] {
    const document = engine.open(text);
    try {
      return engine.directiveProblems(document).map((p) => `${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character} ${p.message}`);
    } finally {
      engine.close(document);
    }
  }

  const EXPECTED = 'expected `# pymodern: ignore`, `# pymodern: ignore[rule-id, …]` or `# pymodern: ignore-file[…]`';

  it('reports malformed directives, which silence nothing', () => {
    assert.deepEqual(problems('x = 1  # pymodern: ignore[typo\ny = 2  # pymodern: ignored\nz = 3  # pymodern: ignore(rule)  # noqa\n'), [
      `0:7-0:30 malformed pymodern directive \`# pymodern: ignore[typo\`: it silences nothing (${EXPECTED})`,
      `1:7-1:26 malformed pymodern directive \`# pymodern: ignored\`: it silences nothing (${EXPECTED})`,
      `2:7-2:31 malformed pymodern directive \`# pymodern: ignore(rule)\`: it silences nothing (${EXPECTED})`,
    ]);
    assert.deepEqual(problems('# pymodern: ignore-files-later\nimport time\n'), [
      `0:0-0:30 malformed pymodern directive \`# pymodern: ignore-files-later\`: it silences nothing (${EXPECTED})`,
    ]);
  });

  it('reports names that are no rule id or family, and only those', () => {
    assert.deepEqual(problems('import time  # pymodern: ignore[blocking-slep-in-async, typing, pandas-read-csv]\n'), [
      '0:13-0:80 unknown rule or family `blocking-slep-in-async` in a pymodern directive: it silences nothing (see `pymodern rules`)',
    ]);
    assert.deepEqual(problems('x = 1  # pymodern: ignore[ALL, Typing]\n'), [
      '0:7-0:38 unknown rules or families `ALL`, `Typing` in a pymodern directive: they silence nothing (see `pymodern rules`)',
    ]);
  });

  it('reports an ignore-file after the first statement', () => {
    assert.deepEqual(problems('"""Module."""\n# pymodern: ignore-file[typing]\n'), [
      '1:0-1:31 `ignore-file` silences nothing here: it must come before the first statement of the file',
    ]);
  });

  it('accepts well-formed directives, and ignores strings, noqa and UTF-16 columns correctly', () => {
    assert.deepEqual(problems('# pymodern: ignore-file[async]\nimport time  # pymodern: ignore\nx = 1  # pymodern: ignore[typing-optional, dataframes]\ny = "# pymodern: ignore[nope"\nz = 1  # noqa: XYZ123\nw = 1  # noqa:\n'), []);
    // An emoji is two UTF-16 code units: the range is in the editor's columns.
    assert.deepEqual(problems('s = "😀"  # pymodern: ignore[nope]\n'), ['0:10-0:34 unknown rule or family `nope` in a pymodern directive: it silences nothing (see `pymodern rules`)']);
  });

  // The real-VS-Code suite found it: a regex state left by one call made the next file's
  // well-formed directive silence nothing.
  it('leaves the suppressions of the next analysis intact', () => {
    const sleep = (comment: string) => `import time\n\n\nasync def poll() -> None:\n    time.sleep(2)  # noqa: E501  ${comment}\n`;
    problems(sleep('# pymodern: ignore[blocking-slep-in-async]'));
    assert.deepEqual(engine.analyzeText(sleep('# pymodern: ignore[blocking-sleep-in-async]')).map((f) => f.rule), []);
  });
});
