// Suppression comments: `# pymodern: ignore[...]`, bare `# pymodern: ignore`,
// `# pymodern: ignore-file[...]` in the leading comments, `# noqa: PEER` (the finding's own
// peer code only) and a bare `# noqa` (every finding on the line, as in Ruff).
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import { getEngine } from '../helpers/engine';

const SLEEP = 'blocking-sleep-in-async';
const ANN = 'missing-return-annotation';

describe('suppression comments', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  /** [1-based line, rule] of every finding, all stable rules enabled. */
  const found = (text: string) => engine.analyzeText(text).map((f) => [f.range.start.line + 1, f.rule]);

  // Line 3 has two findings: the def's name (missing-return-annotation) and the call.
  const twoOnOneLine = (comment: string) => `import time\n\nasync def poll(): time.sleep(1)${comment}\n`;

  it('reports both findings without a comment', () => {
    assert.deepEqual(found(twoOnOneLine('')), [[3, ANN], [3, SLEEP]]);
  });

  it('`# pymodern: ignore[rule]` silences that rule on its line only', () => {
    assert.deepEqual(found(twoOnOneLine(`  # pymodern: ignore[${SLEEP}]`)), [[3, ANN]]);
    assert.deepEqual(found(twoOnOneLine(`  # pymodern: ignore[${ANN}]`)), [[3, SLEEP]]);
    assert.deepEqual(found(twoOnOneLine('  # pymodern: ignore[pandas-read-csv]')), [[3, ANN], [3, SLEEP]]);
  });

  it('takes a list, with or without spaces, and tolerates spacing around the colon', () => {
    assert.deepEqual(found(twoOnOneLine(`  # pymodern: ignore[${SLEEP}, ${ANN}]`)), []);
    assert.deepEqual(found(twoOnOneLine(`  #pymodern:ignore[${ANN},${SLEEP}]`)), []);
    assert.deepEqual(found(twoOnOneLine(`  # type: ignore  # pymodern: ignore[${SLEEP}]`)), [[3, ANN]]);
  });

  it('bare `# pymodern: ignore` silences every rule on the line', () => {
    assert.deepEqual(found(twoOnOneLine('  # pymodern: ignore')), []);
    assert.deepEqual(found(twoOnOneLine('  # pymodern: ignore[]')), []);
  });

  it('does not reach other lines', () => {
    const text = 'import time\n\nasync def poll() -> None:  # pymodern: ignore\n    time.sleep(1)\n    # pymodern: ignore\n    time.sleep(2)\n';
    assert.deepEqual(found(text), [[4, SLEEP], [6, SLEEP]]);
  });

  it('on the first or last line of a multi-line finding', () => {
    const text = (first: string, middle: string, last: string) =>
      `import time\n\nasync def poll() -> None:\n    time.sleep(${first}\n        1,${middle}\n    )${last}\n`;
    assert.deepEqual(found(text('', '', '')), [[4, SLEEP]]);
    assert.deepEqual(found(text('  # pymodern: ignore', '', '')), []);
    assert.deepEqual(found(text('', '', '  # pymodern: ignore')), []);
    assert.deepEqual(found(text('', '  # pymodern: ignore', '')), [[4, SLEEP]]);
  });

  it('a `#` inside a string is not a comment', () => {
    assert.deepEqual(found('import time\n\nasync def poll() -> None:\n    s = "# pymodern: ignore"; time.sleep(1)\n'), [[4, SLEEP]]);
    assert.deepEqual(found('import time\n\nasync def poll() -> None:\n    s = "# noqa: ASYNC251"; time.sleep(1)\n'), [[4, SLEEP]]);
    assert.deepEqual(found('import time\n\nasync def poll() -> None:\n    time.sleep(f"{1}# pymodern: ignore")\n'), [[4, SLEEP]]);
  });

  describe('# pymodern: ignore-file', () => {
    const body = 'import time\n\nasync def poll():\n    time.sleep(1)\n';

    it('in the leading comments silences the listed rules in the whole file', () => {
      assert.deepEqual(found(`#!/usr/bin/env python\n# pymodern: ignore-file[${SLEEP}]\n${body}`), [[5, ANN]]);
      assert.deepEqual(found(`# pymodern: ignore-file[${SLEEP}, ${ANN}]\n${body}`), []);
      assert.deepEqual(found(`# Copyright 2025\n\n# pymodern: ignore-file\n${body}`), []);
    });

    it('after the first statement does nothing (not even for its own line)', () => {
      assert.deepEqual(found(`import time  # pymodern: ignore-file\n\nasync def poll():\n    time.sleep(1)\n`), [[3, ANN], [4, SLEEP]]);
      assert.deepEqual(found(`"""Module doc."""\n# pymodern: ignore-file\n${body}`), [[5, ANN], [6, SLEEP]]);
      assert.deepEqual(found(`${body}# pymodern: ignore-file\n`), [[3, ANN], [4, SLEEP]]);
    });
  });

  it('a malformed directive silences nothing: it is never widened to a bare ignore', () => {
    for (const comment of ['  # pymodern: ignore[typo', '  # pymodern: ignore(blocking-sleep-in-async)', '  # pymodern: ignored', '  # pymodern: ignore-lines']) {
      assert.deepEqual(found(twoOnOneLine(comment)), [[3, ANN], [3, SLEEP]], comment);
    }
    const body = 'import time\n\nasync def poll(): time.sleep(1)\n';
    for (const header of ['# pymodern: ignore-file[typing\n', '# pymodern: ignore-files-later\n', '# pymodern: ignore-filed\n']) {
      assert.deepEqual(found(header + body), [[4, ANN], [4, SLEEP]], header);
    }
    // Still understood: followed by an explanation, another comment, or nothing.
    assert.deepEqual(found(twoOnOneLine('  # pymodern: ignore -- legacy poller')), []);
    assert.deepEqual(found(twoOnOneLine('  # pymodern: ignore# and more')), []);
  });

  it('a family name in the list silences that family', () => {
    assert.deepEqual(found(twoOnOneLine('  # pymodern: ignore[async]')), [[3, ANN]]);
    assert.deepEqual(found(`# pymodern: ignore-file[typing]\n${twoOnOneLine('')}`), [[4, SLEEP]]);
  });

  describe('# noqa', () => {
    const line = (comment: string) => `import time\n\nasync def poll() -> None:\n    time.sleep(1)${comment}\n`;

    it("with the finding's own peer code silences it", () => {
      assert.deepEqual(found(line('  # noqa: ASYNC251')), []);
      assert.deepEqual(found(line('  # noqa: E501, ASYNC251')), []);
      assert.deepEqual(found(line('  # noqa:E501,ASYNC251')), []);
      assert.deepEqual(found(line('  # noqa : ASYNC251')), []);
      assert.deepEqual(found(line('  # NOQA: async251')), []);
      assert.deepEqual(found(line('  # noqa: ASYNC251 -- legacy poller')), []);
      assert.deepEqual(found('def public():  # noqa: ANN201\n    pass\n'), []);
    });

    it('with other codes, or another peer of the same rule, does not', () => {
      assert.deepEqual(found(line('  # noqa: E501')), [[4, SLEEP]]);
      assert.deepEqual(found(line('  # noqa: ASYNC250')), [[4, SLEEP]]);
      assert.deepEqual(found(line('  # noqa: ANN201')), [[4, SLEEP]], 'a peer of another rule');
      // missing-return-annotation's peers are ANN201, ANN205 and ANN206: only the finding's own counts.
      const methods = 'class A:\n    @staticmethod\n    def s():{s}\n        pass\n\n    @classmethod\n    def c(cls):{c}\n        pass\n\n    def m(self):{m}\n        pass\n';
      const fill = (s: string, c: string, m: string) => methods.replace('{s}', s).replace('{c}', c).replace('{m}', m);
      assert.deepEqual(found(fill('  # noqa: ANN201', '  # noqa: ANN205', '  # noqa: ANN206')), [[3, ANN], [7, ANN], [10, ANN]]);
      assert.deepEqual(found(fill('  # noqa: ANN205', '  # noqa: ANN206', '  # noqa: ANN201')), []);
    });

    it('bare, silences every pymodern finding on its line, as in Ruff', () => {
      assert.deepEqual(found(line('  # noqa')), []);
      assert.deepEqual(found(line('  # NOQA')), []);
      assert.deepEqual(found(line('  # noqa because the poller is sync')), []);
      assert.deepEqual(found(twoOnOneLine('  # noqa')), []);
      assert.deepEqual(found(`${twoOnOneLine('  # noqa')}\nasync def more(): time.sleep(2)\n`), [[5, ANN], [5, SLEEP]], 'the next line keeps its findings');
    });

    it('malformed or lookalike, silences nothing', () => {
      assert.deepEqual(found(line('  # noqa:')), [[4, SLEEP]], 'a colon and no code: Ruff ignores it too');
      assert.deepEqual(found(line('  # noqa: not-a-code')), [[4, SLEEP]]);
      assert.deepEqual(found(line('  # noqaASYNC251')), [[4, SLEEP]]);
      assert.deepEqual(found(line('  # mynoqa stuff')), [[4, SLEEP]]);
      assert.deepEqual(found('import time\n\nasync def poll() -> None:\n    s = "# noqa"; time.sleep(1)\n'), [[4, SLEEP]], 'in a string');
    });
  });
});
