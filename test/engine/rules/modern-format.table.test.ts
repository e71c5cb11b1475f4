// Rule tables of the modern family's format-string rules (format-string-indices,
// format-call-to-fstring, percent-format): valid / invalid snippets with exact 1-based
// ranges, messages and fix output at the target version each table names. `output` is the
// text after safe fixes (null: nothing safe to apply); `unsafeOutput`, when given, the text
// after safe and unsafe fixes.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import type { PythonVersion, RuleConfig } from '../../../src/engine/types';
import { getEngine } from '../../helpers/engine';
import { pythonSyntaxError, SkipPython } from '../../helpers/fixtures';
import { duplicateCases, errorsOf, expectedError, type InvalidCase, type PeerCase, peerCases, type RuleTests } from '../rule-tester';

interface FormatCase extends InvalidCase {
  unsafeOutput?: string;
}

interface FormatTests extends RuleTests {
  invalid: FormatCase[];
}

const MIN_CASES = 6;

function syntaxError(text: string, version: PythonVersion | undefined): string | null {
  try {
    return version ? pythonSyntaxError(text, version) : pythonSyntaxError(text);
  } catch (error) {
    if (error instanceof SkipPython) return null;
    throw error;
  }
}

function title(code: string): string {
  const flat = code.replace(/\r?\n/g, '⏎');
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
}

function formatRuleTester(ruleId: string, tests: FormatTests, targetVersion?: PythonVersion): void {
  const config: RuleConfig = { select: [ruleId], ...(targetVersion ? { targetVersion } : {}) };
  describe(targetVersion ? `${ruleId} (target ${targetVersion.join('.')})` : ruleId, () => {
    let engine: Engine;
    before(async () => {
      engine = await getEngine();
      assert.ok(engine.rule(ruleId), `no rule "${ruleId}" in dist/rules.json`);
    });

    it('has no duplicate cases', () => {
      assert.deepEqual(duplicateCases(tests), [], 'duplicate test cases');
    });

    if (!targetVersion) {
      it(`has at least ${MIN_CASES} valid and ${MIN_CASES} invalid cases`, () => {
        assert.ok(tests.valid.length >= MIN_CASES, `${tests.valid.length} valid cases`);
        assert.ok(tests.invalid.length >= MIN_CASES, `${tests.invalid.length} invalid cases`);
      });
    }

    tests.valid.forEach((code, i) => {
      it(`valid #${i + 1}: ${title(code)}`, () => {
        assert.deepEqual(errorsOf(engine.analyzeText(code, config)).map((e) => `Noisy ${e.line}:${e.column} ${e.message}`), []);
      });
    });

    tests.invalid.forEach((test, i) => {
      it(`invalid #${i + 1}: ${title(test.code)}`, () => {
        assert.ok(test.errors.length > 0, 'an invalid case must assert at least one error');
        assert.deepEqual(errorsOf(engine.analyzeText(test.code, config)), test.errors);
        const rules = new Set([ruleId]);
        const fixed = engine.fixAll(test.code, config, { unsafe: false, rules }).text;
        if (test.output === null) assert.equal(fixed, test.code, 'expected no safe fix (output: null)');
        else {
          assert.notEqual(test.output, test.code, 'output equals code: use output: null');
          assert.equal(fixed, test.output);
        }
        assert.equal(syntaxError(fixed, targetVersion), null, 'the fixed code is not valid Python');
        const unsafe = engine.fixAll(test.code, config, { unsafe: true, rules }).text;
        assert.equal(unsafe, test.unsafeOutput ?? fixed, test.unsafeOutput ? 'unsafe output' : 'unexpected unsafe fix: add unsafeOutput');
        assert.equal(syntaxError(unsafe, targetVersion), null, 'the unsafe-fixed code is not valid Python');
        assert.equal(engine.fixAll(unsafe, config, { unsafe: true, rules }).applied, 0, 'fixing twice changes the text again');
      });
    });
  });
}

const INDICES = 'format-string-indices';
const indices = (line: number, column: number, endLine: number, endColumn: number, order: string, example: string) =>
  expectedError(INDICES, line, column, endLine, endColumn, `Format fields numbered ${order} (\`${example}\`…) can be implicit \`{}\` fields`);

formatRuleTester(INDICES, {
  valid: [
    '"{0} {0}".format(a)\n',
    '"{0} {2}".format(a, b, c)\n',
    '"{0} {}".format(a, b)\n',
    '"{0} {name}".format(a, name=b)\n',
    '"{0:>{1}}".format(a, b)\n',
    '"{} {}".format(a, b)\n',
    'x = "{0} {1}".format\n',
    'template.format(a, b)\n',
    'f"{a}".format(b)\n',
    'b"{0}".format(a)\n',
    '"{0} {1".format(a, b)\n',
  ],
  invalid: [
    {
      code: 'print("{0} {1}".format(a, b))\n',
      errors: [indices(1, 7, 1, 29, 'in order', '{0} {1}')],
      output: 'print("{} {}".format(a, b))\n',
    },
    {
      code: 's = "{0.name}: {1[0]!r:>10}".format(obj, items)\n',
      errors: [indices(1, 5, 1, 48, 'in order', '{0} {1}')],
      output: 's = "{.name}: {[0]!r:>10}".format(obj, items)\n',
    },
    {
      code: '"{0} {1}".format(*args)\n',
      errors: [indices(1, 1, 1, 24, 'in order', '{0} {1}')],
      output: '"{} {}".format(*args)\n',
    },
    {
      code: '"{{0}} {0}".format(a)\n',
      errors: [indices(1, 1, 1, 22, 'in order', '{0}')],
      output: '"{{0}} {}".format(a)\n',
    },
    {
      code: 'msg = ("{0} and "\n       "{1}").format(a, b)\n',
      errors: [indices(1, 7, 2, 27, 'in order', '{0} {1}')],
      output: 'msg = ("{} and "\n       "{}").format(a, b)\n',
    },
    {
      // The braces of a named escape are no field.
      code: '"\\N{BULLET} {0}".format(a)\n',
      errors: [indices(1, 1, 1, 27, 'in order', '{0}')],
      output: '"\\N{BULLET} {}".format(a)\n',
    },
    {
      // Out of order: the arguments are swapped too, so they are evaluated in another order.
      code: '"{1} {0}".format(a, b)\n',
      errors: [indices(1, 1, 1, 23, 'out of order', '{1} {0}')],
      output: null,
      unsafeOutput: '"{} {}".format(b, a)\n',
    },
    {
      code: '"{1} {0}".format(a, b, key=c)\n',
      errors: [indices(1, 1, 1, 30, 'out of order', '{1} {0}')],
      output: null,
    },
    {
      code: "r'\\d{0}-{1}'.format(a, b)\n",
      errors: [indices(1, 1, 1, 26, 'in order', '{0} {1}')],
      output: "r'\\d{}-{}'.format(a, b)\n",
    },
  ],
});

const FSTRING = 'format-call-to-fstring';
const fstring = (line: number, column: number, endLine: number, endColumn: number) => expectedError(FSTRING, line, column, endLine, endColumn, 'This `.format()` call can be an f-string');

const FSTRING_TESTS: FormatTests = {
  valid: [
    '"{}".format(a + b)\n',
    '"{}".format(f(x))\n',
    '"{}".format("s")\n',
    '"{}".format(*args)\n',
    '"{a}".format(**kw)\n',
    '"{} {}".format(a)\n',
    '"{:{}}".format(a, b)\n',
    '"{0[key]}".format(a)\n',
    '"{1} {0}".format(f(), g())\n',
    '"{0} {0}".format(f())\n',
    '"{}".format(a, f())\n',
    '"{}".format(\n    a,  # why\n)\n',
    'b"{}".format(a)\n',
    '"{0} {}".format(a, b)\n',
    '"\\\\{}".format(a)\n',
    '"{}".format(d["k"])\n',
    'template.format(a)\n',
    // Repeated fields would make the f-string longer than the call, past 88 columns.
    'message = "{0} failed; retrying {0}; giving up on {0}".format(connection_identifier)\n',
  ],
  invalid: [
    {
      code: 'print("{} {}".format(a, b))\n',
      errors: [fstring(1, 7, 1, 27)],
      output: 'print(f"{a} {b}")\n',
    },
    {
      code: 's = "{0.name!r:>10} {1[0]}".format(obj, items)\n',
      errors: [fstring(1, 5, 1, 47)],
      output: 's = f"{obj.name!r:>10} {items[0]}"\n',
    },
    {
      code: '"{user}@{host}".format(user=u.name, host=get_host())\n',
      errors: [fstring(1, 1, 1, 53)],
      output: 'f"{u.name}@{get_host()}"\n',
    },
    {
      code: '"{1} {0}".format(a, b)\n',
      errors: [fstring(1, 1, 1, 23)],
      output: 'f"{b} {a}"\n',
    },
    {
      code: "x = ('{} and '\n     '{{literal}}').format(-1)\n",
      errors: [fstring(1, 5, 2, 31)],
      output: "x = (f'{-1} and '\n     f'{{literal}}')\n",
    },
    {
      code: 'u"{:.2f}%".format(ratio)\n',
      errors: [fstring(1, 1, 1, 25)],
      output: 'f"{ratio:.2f}%"\n',
    },
    {
      code: 'r"\\d{}".format(n).upper()\n',
      errors: [fstring(1, 1, 1, 18)],
      output: 'rf"\\d{n}".upper()\n',
    },
    {
      code: 'print("\\N{BULLET} {}".format(items[-1]))\n',
      errors: [fstring(1, 7, 1, 40)],
      output: 'print(f"\\N{BULLET} {items[-1]}")\n',
    },
    {
      // Over two lines, the f-string is shorter than the call it replaces.
      code: 'raise TypeError(\n    "{!r} is bad for {}".format(\n        name, self.kind))\n',
      errors: [fstring(2, 5, 3, 25)],
      output: 'raise TypeError(\n    f"{name!r} is bad for {self.kind}")\n',
    },
    {
      code: '"{}".format(a, b)\n',
      errors: [fstring(1, 1, 1, 18)],
      output: 'f"{a}"\n',
    },
  ],
};

formatRuleTester(FSTRING, FSTRING_TESTS);
formatRuleTester(FSTRING, { valid: [], invalid: FSTRING_TESTS.invalid }, [3, 8]);
formatRuleTester(FSTRING, { valid: [], invalid: FSTRING_TESTS.invalid }, [3, 12]);
formatRuleTester(FSTRING, { valid: FSTRING_TESTS.invalid.map((c) => c.code), invalid: [] }, [3, 5]);

const PERCENT = 'percent-format';
const percent = (line: number, column: number, endLine: number, endColumn: number) =>
  expectedError(PERCENT, line, column, endLine, endColumn, '`%` formatting of a string literal; `str.format()` or an f-string is the modern spelling');

formatRuleTester(PERCENT, {
  valid: [
    'logging.info("%s", x)\n',
    'cursor.execute("SELECT %s", (x,))\n',
    'b"%s" % (x,)\n',
    'n % 2\n',
    '"100%%" % ()\n',
    '"%s" % [1, 2]\n',
    '"%(a)s %s" % (x,)\n',
    '"%s" % (a if b else c)\n',
    'template % values\n',
    '"%y" % (x,)\n',
    '"%s" % (n - 1)\n',
    '"%s, %s" % (head + tail)\n',
  ],
  invalid: [
    {
      code: 'print("%s %s" % (a, b))\n',
      errors: [percent(1, 7, 1, 23)],
      output: null,
      unsafeOutput: 'print("{} {}".format(a, b))\n',
    },
    {
      code: '"%r and %a" % (a, b)\n',
      errors: [percent(1, 1, 1, 21)],
      output: null,
      unsafeOutput: '"{!r} and {!a}".format(a, b)\n',
    },
    {
      code: '"%s" % value\n',
      errors: [percent(1, 1, 1, 13)],
      output: null,
      unsafeOutput: '"{}".format(value)\n',
    },
    {
      code: '"%s-%s" % pair\n',
      errors: [percent(1, 1, 1, 15)],
      output: null,
      unsafeOutput: '"{}-{}".format(*pair)\n',
    },
    {
      code: '"%(user)s@%(host)s {x}" % {"user": u, "host": h}\n',
      errors: [percent(1, 1, 1, 49)],
      output: null,
      unsafeOutput: '"{user}@{host} {{x}}".format(user=u, host=h)\n',
    },
    {
      code: '"%(user)s" % row\n',
      errors: [percent(1, 1, 1, 17)],
      output: null,
      unsafeOutput: '"{user}".format(**row)\n',
    },
    {
      code: '"%-8.3f|%+05.1e|%#X|%.f%%" % (a, b, c, d)\n',
      errors: [percent(1, 1, 1, 42)],
      output: null,
      unsafeOutput: '"{:<8.3f}|{:+05.1e}|{:#X}|{:.0f}%".format(a, b, c, d)\n',
    },
    {
      // No `.format()` equivalent: %d truncates floats, %5s breaks on None, * widths, %.3x pads.
      code: '"%d %5s %*d %.3x" % (a, b, c, d, e)\n',
      errors: [percent(1, 1, 1, 36)],
      output: null,
    },
    {
      code: 'x = "%s " "%s" % (a, b)\n',
      errors: [percent(1, 5, 1, 24)],
      output: null,
      unsafeOutput: 'x = ("{} " "{}").format(a, b)\n',
    },
    {
      code: 'label = "%s" % None\n',
      errors: [percent(1, 9, 1, 20)],
      output: null,
      unsafeOutput: 'label = "{}".format(None)\n',
    },
    {
      code: 'print("mode %#o" % (mode,))\n',
      errors: [percent(1, 7, 1, 27)],
      output: null,
      unsafeOutput: 'print("mode {:#o}".format(mode))\n',
    },
    {
      // A parenthesized operation is reported where a directive has no `.format()` spelling, as Ruff.
      code: '"msvcr%d" % (version * 10)\n',
      errors: [percent(1, 1, 1, 27)],
      output: null,
    },
    {
      // A named escape keeps braces the rewrite would have to double: reported, not rewritten.
      code: '"%s \\N{BULLET}" % (a,)\n',
      errors: [percent(1, 1, 1, 23)],
      output: null,
    },
    {
      // A tuple of the wrong length raises at runtime: reported, not rewritten.
      code: '"%s" % (a, b)\n',
      errors: [percent(1, 1, 1, 14)],
      output: null,
    },
  ],
});

describe('modern format rules: peers', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const cases: PeerCase[] = [
    { rule: INDICES, code: '"{0}".format(a)\n', peers: ['UP030'] },
    { rule: FSTRING, code: '"{}".format(a)\n', peers: ['UP032'] },
    { rule: PERCENT, code: '"%s" % (a,)\n', peers: ['UP031'] },
  ];
  peerCases(() => engine, cases);
});
