// Rule tables of the modern family's syntax rewrites (pyupgrade / Ruff UP004, UP008, UP010,
// UP012, UP015, UP018, UP025, UP028, UP034, UP039): valid / invalid snippets with exact 1-based
// positions, messages, the peer of each finding, and fix output (`output`: after safe fixes,
// null when nothing safe applies; `unsafeOutput`: after safe and unsafe fixes), on the default
// target (3.10) and where a version gate matters.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import type { PythonVersion, RuleConfig } from '../../../src/engine/types';
import { getEngine } from '../../helpers/engine';
import { pythonSyntaxError } from '../../helpers/fixtures';
import { duplicateCases, errorsOf, type ExpectedError } from '../rule-tester';

interface SyntaxCase {
  code: string;
  errors: ExpectedError[];
  /** The peer code of each finding, in order. */
  peers: string[];
  output: string | null;
  unsafeOutput?: string;
}

interface SyntaxTests {
  valid: string[];
  invalid: SyntaxCase[];
}

const MIN_CASES = 6;

function modernRuleTester(ruleId: string, tests: SyntaxTests, options: { targetVersion?: PythonVersion } = {}): void {
  const config: RuleConfig = { select: [ruleId], ...(options.targetVersion ? { targetVersion: options.targetVersion } : {}) };
  const label = options.targetVersion ? `${ruleId} (target ${options.targetVersion.join('.')})` : ruleId;
  describe(label, () => {
    let engine: Engine;
    before(async () => {
      engine = await getEngine();
      assert.ok(engine.rule(ruleId), `no rule "${ruleId}" in dist/rules.json`);
    });

    it('has no duplicate cases', () => {
      assert.deepEqual(duplicateCases({ valid: tests.valid, invalid: tests.invalid.map((c) => ({ ...c })) }), []);
    });

    if (!options.targetVersion) {
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
        const findings = engine.analyzeText(test.code, config);
        assert.deepEqual(errorsOf(findings), test.errors);
        assert.deepEqual(findings.map((f) => f.peer ?? null), test.peers, 'peers');
        const rules = new Set([ruleId]);
        const fixed = engine.fixAll(test.code, config, { unsafe: false, rules }).text;
        if (test.output === null) assert.equal(fixed, test.code, 'expected no safe fix (output: null)');
        else {
          assert.equal(fixed, test.output);
          assert.equal(pythonSyntaxError(fixed), null, 'the fixed code is not valid Python');
        }
        const unsafe = engine.fixAll(test.code, config, { unsafe: true, rules }).text;
        assert.equal(unsafe, test.unsafeOutput ?? fixed, test.unsafeOutput ? 'unsafe output' : 'unexpected unsafe fix: add unsafeOutput');
        assert.equal(pythonSyntaxError(unsafe), null, 'the unsafe-fixed code is not valid Python');
        assert.equal(engine.fixAll(unsafe, config, { unsafe: true, rules }).applied, 0, 'fixing twice changes the text again');
      });
    });
  });
}

function title(code: string): string {
  const flat = code.replace(/\r?\n/g, '⏎');
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
}

/** An error of `rule`, positions 1-based and end-exclusive. */
const at = (rule: string) => (line: number, column: number, endLine: number, endColumn: number, message: string): ExpectedError => ({ rule, line, column, endLine, endColumn, message });


{
  const E = at('useless-object-inheritance');
  modernRuleTester('useless-object-inheritance', {
    valid: [
      "class A:\n    pass\n",
      "class A(B):\n    pass\n",
      "class A(metaclass=M):\n    pass\n",
      // A local `object` (or a class named so) is not the builtin.
      "def f():\n    object = dict\n    class A(object):\n        pass\n",
      "class object:\n    pass\n\nclass A(object):\n    pass\n",
      "class A(type(object)):\n    pass\n",
    ],
    invalid: [
      {
        // `builtins.object` is the builtin too.
        code: "import builtins\nclass A(builtins.object):\n    pass\n",
        errors: [E(2, 9, 2, 24, "Class `A` lists `object` as a base, which every Python 3 class has")],
        peers: ["UP004"],
        output: "import builtins\nclass A:\n    pass\n",
      },
      {
        code: "class A(object):\n    pass\n",
        errors: [E(1, 9, 1, 15, "Class `A` lists `object` as a base, which every Python 3 class has")],
        peers: ["UP004"],
        output: "class A:\n    pass\n",
      },
      {
        code: "class A(B, object):\n    pass\n",
        errors: [E(1, 12, 1, 18, "Class `A` lists `object` as a base, which every Python 3 class has")],
        peers: ["UP004"],
        output: "class A(B):\n    pass\n",
      },
      {
        code: "class A(object, B):\n    pass\n",
        errors: [E(1, 9, 1, 15, "Class `A` lists `object` as a base, which every Python 3 class has")],
        peers: ["UP004"],
        output: "class A(B):\n    pass\n",
      },
      {
        code: "class A(object, metaclass=M):\n    pass\n",
        errors: [E(1, 9, 1, 15, "Class `A` lists `object` as a base, which every Python 3 class has")],
        peers: ["UP004"],
        output: "class A(metaclass=M):\n    pass\n",
      },
      {
        code: "class A(\n    object,\n):\n    pass\n",
        errors: [E(2, 5, 2, 11, "Class `A` lists `object` as a base, which every Python 3 class has")],
        peers: ["UP004"],
        output: "class A:\n    pass\n",
      },
      // A comment in the parentheses makes the fix unsafe.
      {
        code: "class A(\n    # py2\n    object,\n):\n    pass\n",
        errors: [E(3, 5, 3, 11, "Class `A` lists `object` as a base, which every Python 3 class has")],
        peers: ["UP004"],
        output: null,
        unsafeOutput: "class A:\n    pass\n",
      },
      // A star import does not hide `object`.
      {
        code: "from helpers import *\n\nclass A(object):\n    pass\n",
        errors: [E(3, 9, 3, 15, "Class `A` lists `object` as a base, which every Python 3 class has")],
        peers: ["UP004"],
        output: "from helpers import *\n\nclass A:\n    pass\n",
      },
      {
        code: "class A(object): pass\nclass B(A, object): pass\n",
        errors: [E(1, 9, 1, 15, "Class `A` lists `object` as a base, which every Python 3 class has"), E(2, 12, 2, 18, "Class `B` lists `object` as a base, which every Python 3 class has")],
        peers: ["UP004", "UP004"],
        output: "class A: pass\nclass B(A): pass\n",
      },
    ],
  });
}

{
  const E = at('empty-class-parentheses');
  modernRuleTester('empty-class-parentheses', {
    valid: [
      "class A:\n    pass\n",
      "class A(B):\n    pass\n",
      "class A(metaclass=M):\n    pass\n",
      "f()\n",
      "class A[T]:\n    pass\n",
      "x = A()\n",
    ],
    invalid: [
      {
        code: "class A():\n    pass\n",
        errors: [E(1, 8, 1, 10, "Class `A` has empty parentheses after its name")],
        peers: ["UP039"],
        output: "class A:\n    pass\n",
      },
      {
        code: "class A( ):\n    pass\n",
        errors: [E(1, 8, 1, 11, "Class `A` has empty parentheses after its name")],
        peers: ["UP039"],
        output: "class A:\n    pass\n",
      },
      {
        code: "class A():  # empty\n    pass\n",
        errors: [E(1, 8, 1, 10, "Class `A` has empty parentheses after its name")],
        peers: ["UP039"],
        output: "class A:  # empty\n    pass\n",
      },
      // A comment inside the parentheses would be deleted: unsafe.
      {
        code: "class A(  # empty\n):\n    pass\n",
        errors: [E(1, 8, 2, 2, "Class `A` has empty parentheses after its name")],
        peers: ["UP039"],
        output: null,
        unsafeOutput: "class A:\n    pass\n",
      },
      {
        code: "class A(): ...\n",
        errors: [E(1, 8, 1, 10, "Class `A` has empty parentheses after its name")],
        peers: ["UP039"],
        output: "class A: ...\n",
      },
      {
        code: "class Outer():\n    class Inner():\n        pass\n",
        errors: [E(1, 12, 1, 14, "Class `Outer` has empty parentheses after its name"), E(2, 16, 2, 18, "Class `Inner` has empty parentheses after its name")],
        peers: ["UP039", "UP039"],
        output: "class Outer:\n    class Inner:\n        pass\n",
      },
    ],
  });
}

{
  const E = at('super-with-arguments');
  modernRuleTester('super-with-arguments', {
    valid: [
      // A slotted dataclass is rebuilt by its decorator: the __class__ cell is the old class.
      "from dataclasses import dataclass\n\n@dataclass(slots=True)\nclass A(B):\n    def f(self):\n        super(A, self).f()\n",
      "import attrs\n\n@attrs.define\nclass A(B):\n    def f(self):\n        super(A, self).f()\n",
      "class A(B):\n    def f(self):\n        super().f()\n",
      // Another class, another instance: not what super() means.
      "class A(B):\n    def f(self):\n        super(B, self).f()\n",
      "class A(B):\n    def f(self, other):\n        super(A, other).f()\n",
      // Nested scopes have no `__class__` cell: a bare super() would fail there.
      "class A(B):\n    def f(self):\n        def g():\n            super(A, self).f()\n",
      "class A(B):\n    def f(self):\n        return lambda: super(A, self).f()\n",
      "class A(B):\n    def f(self):\n        return [super(A, self).f() for _ in range(2)]\n",
      // A local `super`; a method touching `__class__`.
      "class A(B):\n    def f(self):\n        super = print\n        super(A, self)\n",
      "class A(B):\n    def f(self):\n        __class__ = B\n        super(A, self).f()\n",
      // `D` alone is not the nested class from inside its method.
      "class C:\n    class D(B):\n        def f(self):\n            super(D, self).f()\n",
      "class A(B):\n    def f(self):\n        super(A).f()\n",
      // A class defined in a method is left alone, as Ruff.
      "class Outer:\n    def f(self):\n        class In(B):\n            def g(self):\n                super(In, self).g()\n",
      "def f(self):\n    super(A, self).f()\n",
    ],
    invalid: [
      {
        code: "class A(B):\n    def f(self):\n        super(__class__, self).f()\n",
        errors: [E(3, 14, 3, 31, "`super(__class__, self)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: "class A(B):\n    def f(self):\n        super().f()\n",
      },
      {
        // Extra keywords: reported, not rewritten (as Ruff).
        code: "class A(int):\n    def f(self):\n        return super(A, self, key=1).bit_length()\n",
        errors: [E(3, 21, 3, 37, "`super(A, self)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: null,
      },
      {
        // A plain dataclass is not rebuilt; reading `__class__` binds nothing.
        code: "from dataclasses import dataclass\n\n@dataclass\nclass A(B):\n    def f(self):\n        print(__class__)\n        super(A, self).f()\n",
        errors: [E(7, 14, 7, 23, "`super(A, self)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: "from dataclasses import dataclass\n\n@dataclass\nclass A(B):\n    def f(self):\n        print(__class__)\n        super().f()\n",
      },
      {
        code: "class A(B):\n    def f(self):\n        super(A, self).f()\n",
        errors: [E(3, 14, 3, 23, "`super(A, self)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: "class A(B):\n    def f(self):\n        super().f()\n",
      },
      {
        code: "class A(B):\n    @classmethod\n    def make(cls):\n        return super(A, cls).make()\n",
        errors: [E(4, 21, 4, 29, "`super(A, cls)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: "class A(B):\n    @classmethod\n    def make(cls):\n        return super().make()\n",
      },
      {
        code: "class A(B):\n    def f(this):\n        super(A, this).f()\n",
        errors: [E(3, 14, 3, 23, "`super(A, this)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: "class A(B):\n    def f(this):\n        super().f()\n",
      },
      {
        code: "class C:\n    class D(B):\n        def f(self):\n            super(C.D, self).f()\n",
        errors: [E(4, 18, 4, 29, "`super(C.D, self)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: "class C:\n    class D(B):\n        def f(self):\n            super().f()\n",
      },
      // A comment in the arguments: unsafe.
      {
        code: "class A(B):\n    def f(self):\n        super(A,  # why\n              self).f()\n",
        errors: [E(3, 14, 4, 20, "`super(A, self)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: null,
        unsafeOutput: "class A(B):\n    def f(self):\n        super().f()\n",
      },
      {
        code: "class A(B):\n    if True:\n        def f(self):\n            super(A, self).f()\n",
        errors: [E(4, 18, 4, 27, "`super(A, self)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: "class A(B):\n    if True:\n        def f(self):\n            super().f()\n",
      },
      {
        code: "def make():\n    class A(B):\n        def f(self):\n            super(A, self).f()\n    return A\n",
        errors: [E(4, 18, 4, 27, "`super(A, self)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: "def make():\n    class A(B):\n        def f(self):\n            super().f()\n    return A\n",
      },
      // Positional-only `self`: Ruff skips it, the rewrite is the same.
      {
        code: "class A(B):\n    def __init__(self, x, /):\n        super(A, self).__init__()\n",
        errors: [E(3, 14, 3, 23, "`super(A, self)` repeats what a bare `super()` knows")],
        peers: ["UP008"],
        output: "class A(B):\n    def __init__(self, x, /):\n        super().__init__()\n",
      },
    ],
  });
}

{
  const E = at('useless-future-import');
  modernRuleTester('useless-future-import', {
    valid: [
      "from __future__ import annotations\n",
      // Not mandatory, aliased, or used by name (`del division`, `print(division)`).
      "from __future__ import barry_as_FLUFL\n",
      "from __future__ import division as d\n",
      "from __future__ import division\n\nprint(division)\n",
      "import __future__\n",
      "from future import division\n",
    ],
    invalid: [
      {
        code: "from __future__ import print_function\n",
        errors: [E(1, 1, 1, 38, "`__future__` import of `print_function`, which is always on at the target version")],
        peers: ["UP010"],
        output: "",
      },
      {
        code: "from __future__ import division, absolute_import\nx = 1\n",
        errors: [E(1, 1, 1, 49, "`__future__` import of `division`, `absolute_import`, which are always on at the target version")],
        peers: ["UP010"],
        output: "x = 1\n",
      },
      // Only the useless names go when others remain.
      {
        code: "from __future__ import annotations, print_function\n",
        errors: [E(1, 1, 1, 51, "`__future__` import of `print_function`, which is always on at the target version")],
        peers: ["UP010"],
        output: "from __future__ import annotations\n",
      },
      {
        code: "from __future__ import (\n    annotations,\n    unicode_literals,\n)\n",
        errors: [E(1, 1, 4, 2, "`__future__` import of `unicode_literals`, which is always on at the target version")],
        peers: ["UP010"],
        output: "from __future__ import (\n    annotations,\n)\n",
      },
      {
        code: "\"\"\"Doc.\"\"\"\nfrom __future__ import with_statement  # py2.5\nimport os\n",
        errors: [E(2, 1, 2, 38, "`__future__` import of `with_statement`, which is always on at the target version")],
        peers: ["UP010"],
        output: "\"\"\"Doc.\"\"\"\nimport os\n",
      },
      {
        code: "from __future__ import generator_stop\n",
        errors: [E(1, 1, 1, 38, "`__future__` import of `generator_stop`, which is always on at the target version")],
        peers: ["UP010"],
        output: "",
      },
      // A statement joined by `;` keeps its neighbour.
      {
        code: "from __future__ import nested_scopes; import os\n",
        errors: [E(1, 1, 1, 37, "`__future__` import of `nested_scopes`, which is always on at the target version")],
        peers: ["UP010"],
        output: "import os\n",
      },
    ],
  });
}

{
  const E = at('unicode-string-prefix');
  modernRuleTester('unicode-string-prefix', {
    valid: [
      "x = \"a\"\n",
      "x = b\"a\"\n",
      "x = r\"a\"\n",
      "x = f\"{a}\"\n",
      "x = rb\"a\"\n",
      "u = 1\nx = u\n",
      "x = \"u\"\n",
    ],
    invalid: [
      {
        code: "x = u\"a\"\n",
        errors: [E(1, 5, 1, 9, "String literal has a redundant `u` prefix")],
        peers: ["UP025"],
        output: "x = \"a\"\n",
      },
      {
        code: "x = U'a'\n",
        errors: [E(1, 5, 1, 9, "String literal has a redundant `U` prefix")],
        peers: ["UP025"],
        output: "x = 'a'\n",
      },
      {
        code: "x = u\"\"\"a\nb\"\"\"\n",
        errors: [E(1, 5, 2, 5, "String literal has a redundant `u` prefix")],
        peers: ["UP025"],
        output: "x = \"\"\"a\nb\"\"\"\n",
      },
      {
        code: "x = (u\"a\"\n     u\"b\")\n",
        errors: [E(1, 6, 1, 10, "String literal has a redundant `u` prefix"), E(2, 6, 2, 10, "String literal has a redundant `u` prefix")],
        peers: ["UP025", "UP025"],
        output: "x = (\"a\"\n     \"b\")\n",
      },
      // Right after another literal the `u` becomes a space: `""""` would open a triple quote.
      {
        code: "x = \"\"u\"\"\n",
        errors: [E(1, 7, 1, 10, "String literal has a redundant `u` prefix")],
        peers: ["UP025"],
        output: "x = \"\" \"\"\n",
      },
      {
        code: "print(u\"a\", \"b\")\n",
        errors: [E(1, 7, 1, 11, "String literal has a redundant `u` prefix")],
        peers: ["UP025"],
        output: "print(\"a\", \"b\")\n",
      },
      {
        code: "x = f\"a\" u\"b\"\n",
        errors: [E(1, 10, 1, 14, "String literal has a redundant `u` prefix")],
        peers: ["UP025"],
        output: "x = f\"a\" \"b\"\n",
      },
    ],
  });
}

{
  const E = at('extraneous-parentheses');
  modernRuleTester('extraneous-parentheses', {
    valid: [
      // Tuples, `()`, a generator with another argument and `(yield)` need their parentheses.
      "print(\"foo\")\n",
      "print((1, 2))\n",
      "print(())\n",
      "print((1,))\n",
      "sum((i for i in range(3)), [])\n",
      "def f():\n    x = int((yield 1))\n",
      "print((a) + 1)\n",
      // A comma at the top (a tuple target, lambda parameters) keeps them, as in Ruff.
      "print((x for a, b in y))\n",
      "f((a), b)\n",
      "print((lambda a, b: a))\n",
    ],
    invalid: [
      {
        code: "print((\"foo\"))\n",
        errors: [E(1, 7, 1, 14, "Extra parentheses around an expression that is already in parentheses")],
        peers: ["UP034"],
        output: "print(\"foo\")\n",
      },
      {
        code: "print((x for x in range(3)))\n",
        errors: [E(1, 7, 1, 28, "Extra parentheses around an expression that is already in parentheses")],
        peers: ["UP034"],
        output: "print(x for x in range(3))\n",
      },
      {
        code: "x = ((1))\n",
        errors: [E(1, 6, 1, 9, "Extra parentheses around an expression that is already in parentheses")],
        peers: ["UP034"],
        output: "x = (1)\n",
      },
      // The outermost redundant pair of a nest; fix-all repeats for the rest.
      {
        code: "print((((1))))\n",
        errors: [E(1, 7, 1, 14, "Extra parentheses around an expression that is already in parentheses")],
        peers: ["UP034"],
        output: "print(1)\n",
      },
      {
        code: "print(\n    (\"foo\")\n    # comment\n)\n",
        errors: [E(2, 5, 2, 12, "Extra parentheses around an expression that is already in parentheses")],
        peers: ["UP034"],
        output: "print(\n    \"foo\"\n    # comment\n)\n",
      },
      {
        code: "def f():\n    x = int(((yield 1)))\n",
        errors: [E(2, 13, 2, 24, "Extra parentheses around an expression that is already in parentheses")],
        peers: ["UP034"],
        output: "def f():\n    x = int((yield 1))\n",
      },
      {
        code: "y = [((a))]\n",
        errors: [E(1, 7, 1, 10, "Extra parentheses around an expression that is already in parentheses")],
        peers: ["UP034"],
        output: "y = [(a)]\n",
      },
      {
        code: "if ((a)):\n    pass\n",
        errors: [E(1, 5, 1, 8, "Extra parentheses around an expression that is already in parentheses")],
        peers: ["UP034"],
        output: "if (a):\n    pass\n",
      },
    ],
  });
}

{
  const E = at('native-literal-call');
  modernRuleTester('native-literal-call', {
    valid: [
      // Conversions that convert, and calls that are not the builtins.
      "int(\"1\")\n",
      "float(1)\n",
      "bool(0)\n",
      "str(1)\n",
      "str(f\"{x}\")\n",
      "str(x)\n",
      "bytes(\"x\", \"ascii\")\n",
      "int(1, 2)\n",
      "def str(x=\"\"):\n    return x\n\nstr(\"a\")\n",
      "int(1j)\n",
    ],
    invalid: [
      {
        code: "x = str()\n",
        errors: [E(1, 5, 1, 10, "`str` call on a literal: write `\"\"`")],
        peers: ["UP018"],
        output: "x = \"\"\n",
      },
      {
        code: "x = str(\"foo\")\n",
        errors: [E(1, 5, 1, 15, "`str` call on a literal: write `\"foo\"`")],
        peers: ["UP018"],
        output: "x = \"foo\"\n",
      },
      {
        code: "x = bytes(b\"x\")\n",
        errors: [E(1, 5, 1, 16, "`bytes` call on a literal: write `b\"x\"`")],
        peers: ["UP018"],
        output: "x = b\"x\"\n",
      },
      {
        code: "x = int(1)\n",
        errors: [E(1, 5, 1, 11, "`int` call on a literal: write `1`")],
        peers: ["UP018"],
        output: "x = 1\n",
      },
      {
        code: "x = float(1.5)\n",
        errors: [E(1, 5, 1, 15, "`float` call on a literal: write `1.5`")],
        peers: ["UP018"],
        output: "x = 1.5\n",
      },
      {
        code: "x = bool(True)\n",
        errors: [E(1, 5, 1, 15, "`bool` call on a literal: write `True`")],
        peers: ["UP018"],
        output: "x = True\n",
      },
      // A signed number inside an expression, an int before `.attr`, and a concatenation over lines get parentheses, as Ruff.
      {
        code: "x = int(-1)\n",
        errors: [E(1, 5, 1, 12, "`int` call on a literal: write `-1`")],
        peers: ["UP018"],
        output: "x = -1\n",
      },
      {
        code: "f(int(-1))\n",
        errors: [E(1, 3, 1, 10, "`int` call on a literal: write `-1`")],
        peers: ["UP018"],
        output: "f((-1))\n",
      },
      {
        code: "x = int(1).bit_length()\n",
        errors: [E(1, 5, 1, 11, "`int` call on a literal: write `1`")],
        peers: ["UP018"],
        output: "x = (1).bit_length()\n",
      },
      {
        code: "x = str(\"a\"\n        \"b\")\n",
        errors: [E(1, 5, 2, 13, "`str` call on a literal: write `\"a\"…`")],
        peers: ["UP018"],
        output: "x = (\"a\"\n        \"b\")\n",
      },
      // The empty string takes the file's quote style.
      {
        code: "x = 'a'\ny = str()\n",
        errors: [E(2, 5, 2, 10, "`str` call on a literal: write `''`")],
        peers: ["UP018"],
        output: "x = 'a'\ny = ''\n",
      },
      {
        code: "x = bytes()\n",
        errors: [E(1, 5, 1, 12, "`bytes` call on a literal: write `b\"\"`")],
        peers: ["UP018"],
        output: "x = b\"\"\n",
      },
      {
        code: "x = float()\n",
        errors: [E(1, 5, 1, 12, "`float` call on a literal: write `0.0`")],
        peers: ["UP018"],
        output: "x = 0.0\n",
      },
      // A comment outside the literal goes with the call: unsafe.
      {
        code: "x = str(\n    \"a\"  # why\n)\n",
        errors: [E(1, 5, 3, 2, "`str` call on a literal: write `\"a\"`")],
        peers: ["UP018"],
        output: null,
        unsafeOutput: "x = \"a\"\n",
      },
    ],
  });
}

{
  const E = at('redundant-encode-utf8');
  modernRuleTester('redundant-encode-utf8', {
    valid: [
      // A variable, another codec, more arguments, `\u` escapes, non-ASCII text with no argument.
      "x.encode(\"utf-8\")\n",
      "\"a\".encode(\"ascii\")\n",
      "\"a\".encode(\"utf-8\", errors=\"replace\")\n",
      "\"a\".encode(encoding)\n",
      "\"\\u00e9\".encode(\"utf-8\")\n",
      "\"é\".encode()\n",
      "b\"a\".decode(\"utf-8\")\n",
      "f\"{x}\".encode()\n",
      "\"a\".encode(*args)\n",
    ],
    invalid: [
      {
        code: "x = \"foo\".encode(\"utf-8\")\n",
        errors: [E(1, 5, 1, 26, "`encode` on this literal is the bytes literal of the same ASCII text")],
        peers: ["UP012"],
        output: "x = b\"foo\"\n",
      },
      {
        code: "x = \"foo\".encode()\n",
        errors: [E(1, 5, 1, 19, "`encode` on this literal is the bytes literal of the same ASCII text")],
        peers: ["UP012"],
        output: "x = b\"foo\"\n",
      },
      {
        code: "x = \"foo\".encode(encoding=\"UTF8\")\n",
        errors: [E(1, 5, 1, 34, "`encode` on this literal is the bytes literal of the same ASCII text")],
        peers: ["UP012"],
        output: "x = b\"foo\"\n",
      },
      {
        code: "x = u\"foo\".encode(\"u8\")\n",
        errors: [E(1, 5, 1, 24, "`encode` on this literal is the bytes literal of the same ASCII text")],
        peers: ["UP012"],
        output: "x = b\"foo\"\n",
      },
      {
        code: "x = r\"a\\d\".encode(\"utf-8\")\n",
        errors: [E(1, 5, 1, 27, "`encode` on this literal is the bytes literal of the same ASCII text")],
        peers: ["UP012"],
        output: "x = br\"a\\d\"\n",
      },
      // Non-ASCII text and f-strings keep `.encode()` without the argument.
      {
        code: "x = \"café\".encode(\"utf-8\")\n",
        errors: [E(1, 5, 1, 27, "`encode` on this literal passes UTF-8, which `encode` uses by default")],
        peers: ["UP012"],
        output: "x = \"café\".encode()\n",
      },
      {
        code: "x = f\"a{b}\".encode(\"utf-8\")\n",
        errors: [E(1, 5, 1, 28, "`encode` on this literal passes UTF-8, which `encode` uses by default")],
        peers: ["UP012"],
        output: "x = f\"a{b}\".encode()\n",
      },
      {
        code: "x = (\"a\"\n     \"b\").encode()\n",
        errors: [E(1, 5, 2, 19, "`encode` on this literal is the bytes literal of the same ASCII text")],
        peers: ["UP012"],
        output: "x = (b\"a\"\n     b\"b\")\n",
      },
      // An escape past ASCII is not the same bytes: keeps `.encode()`.
      {
        code: "x = \"\\xe9\".encode(\"utf-8\")\n",
        errors: [E(1, 5, 1, 27, "`encode` on this literal passes UTF-8, which `encode` uses by default")],
        peers: ["UP012"],
        output: "x = \"\\xe9\".encode()\n",
      },
      // A space keeps `and`/`or` apart from the new literal.
      {
        code: "x = y and\"a\".encode()or None\n",
        errors: [E(1, 10, 1, 22, "`encode` on this literal is the bytes literal of the same ASCII text")],
        peers: ["UP012"],
        output: "x = y and b\"a\" or None\n",
      },
    ],
  });
}

{
  const E = at('redundant-open-mode');
  modernRuleTester('redundant-open-mode', {
    valid: [
      "open(\"f\")\n",
      "open(\"f\", \"rb\")\n",
      "open(\"f\", \"w\")\n",
      "open(\"f\", \"r+\")\n",
      "open(\"f\", mode)\n",
      // Dropping this positional mode would shift `-1` into its place (Ruff does, wrongly); io.open is io-open-alias.
      "open(\"f\", \"r\", -1)\n",
      "import io\nio.open(\"f\", \"r\")\n",
      "def open(f, m):\n    pass\n\nopen(\"f\", \"r\")\n",
      "open(\"f\", \"tb\")\n",
      "open(\"f\", *args)\n",
    ],
    invalid: [
      {
        code: "open(\"f\", \"r\")\n",
        errors: [E(1, 11, 1, 14, "Mode `\"r\"` is what `open` does by default")],
        peers: ["UP015"],
        output: "open(\"f\")\n",
      },
      {
        code: "open(\"f\", \"rt\")\n",
        errors: [E(1, 11, 1, 15, "Mode `\"rt\"` is what `open` does by default")],
        peers: ["UP015"],
        output: "open(\"f\")\n",
      },
      {
        code: "open(\"f\", mode=\"r\")\n",
        errors: [E(1, 16, 1, 19, "Mode `\"r\"` is what `open` does by default")],
        peers: ["UP015"],
        output: "open(\"f\")\n",
      },
      {
        code: "open(\"f\", \"U\")\n",
        errors: [E(1, 11, 1, 14, "Mode `\"U\"` is what `open` does by default")],
        peers: ["UP015"],
        output: "open(\"f\")\n",
      },
      // `U` and `t` dropped, with the `r` they implied.
      {
        code: "open(\"f\", \"Ub\")\n",
        errors: [E(1, 11, 1, 15, "Mode `\"Ub\"` means `\"rb\"`")],
        peers: ["UP015"],
        output: "open(\"f\", \"rb\")\n",
      },
      {
        code: "open(\"f\", \"wt\")\n",
        errors: [E(1, 11, 1, 15, "Mode `\"wt\"` means `\"w\"`")],
        peers: ["UP015"],
        output: "open(\"f\", \"w\")\n",
      },
      {
        code: "open(\"f\", \"r\", encoding=\"utf-8\")\n",
        errors: [E(1, 11, 1, 14, "Mode `\"r\"` is what `open` does by default")],
        peers: ["UP015"],
        output: "open(\"f\", encoding=\"utf-8\")\n",
      },
      {
        code: "import builtins\nbuiltins.open(\"f\", \"r\")\n",
        errors: [E(2, 20, 2, 23, "Mode `\"r\"` is what `open` does by default")],
        peers: ["UP015"],
        output: "import builtins\nbuiltins.open(\"f\")\n",
      },
      {
        code: "open(file=\"f\", mode=\"rt\", buffering=1)\n",
        errors: [E(1, 21, 1, 25, "Mode `\"rt\"` is what `open` does by default")],
        peers: ["UP015"],
        output: "open(file=\"f\", buffering=1)\n",
      },
    ],
  });
}

{
  const E = at('yield-for-loop');
  modernRuleTester('yield-for-loop', {
    valid: [
      "def f(y):\n    for x in y:\n        yield x\n    del x\n",
      "def f(y):\n    yield from y\n",
      "def f(y):\n    for x in y:\n        yield x * 2\n",
      // Target used after the loop, an else clause, an async generator, reordered or list targets, more statements.
      "def f(y):\n    for x in y:\n        yield x\n    return x\n",
      "def f(y):\n    for x in y:\n        yield x\n    else:\n        pass\n",
      "async def f(y):\n    for x in y:\n        yield x\n",
      "def f(y):\n    for a, b in y:\n        yield b, a\n",
      "def f(y):\n    for [a, b] in y:\n        yield a, b\n",
      "def f(y):\n    for x in y:\n        print(x)\n        yield x\n",
      "def f(o, y):\n    for o.x in y:\n        yield o.x\n",
    ],
    invalid: [
      {
        // A later plain assignment stores a fresh value: not a use of the loop's last item.
        code: "def f(y):\n    for x in y:\n        yield x\n    x = None\n",
        errors: [E(2, 5, 3, 16, "Loop only yields `x`: use `yield from`")],
        peers: ["UP028"],
        output: null,
        unsafeOutput: "def f(y):\n    yield from y\n    x = None\n",
      },
      // Unsafe: `yield from` forwards send()/throw().
      {
        code: "def f(y):\n    for x in y:\n        yield x\n",
        errors: [E(2, 5, 3, 16, "Loop only yields `x`: use `yield from`")],
        peers: ["UP028"],
        output: null,
        unsafeOutput: "def f(y):\n    yield from y\n",
      },
      {
        code: "def f(y):\n    for a, b in y:\n        yield a, b\n",
        errors: [E(2, 5, 3, 19, "Loop only yields `a, b`: use `yield from`")],
        peers: ["UP028"],
        output: null,
        unsafeOutput: "def f(y):\n    yield from y\n",
      },
      {
        code: "def f(y):\n    for (a, b) in y:\n        yield (a, b)\n",
        errors: [E(2, 5, 3, 21, "Loop only yields `(a, b)`: use `yield from`")],
        peers: ["UP028"],
        output: null,
        unsafeOutput: "def f(y):\n    yield from y\n",
      },
      {
        code: "def f(y):\n    for x in y:\n        yield (x)\n",
        errors: [E(2, 5, 3, 18, "Loop only yields `x`: use `yield from`")],
        peers: ["UP028"],
        output: null,
        unsafeOutput: "def f(y):\n    yield from y\n",
      },
      // A bare tuple iterable gets parentheses.
      {
        code: "def f(a, b):\n    for x in a, b:\n        yield x\n",
        errors: [E(2, 5, 3, 16, "Loop only yields `x`: use `yield from`")],
        peers: ["UP028"],
        output: null,
        unsafeOutput: "def f(a, b):\n    yield from (a, b)\n",
      },
      {
        code: "def f(y):\n    for x in y: yield x\n",
        errors: [E(2, 5, 2, 24, "Loop only yields `x`: use `yield from`")],
        peers: ["UP028"],
        output: null,
        unsafeOutput: "def f(y):\n    yield from y\n",
      },
      {
        code: "def f(y):\n    for x in y:\n        yield x  # each\n",
        errors: [E(2, 5, 3, 16, "Loop only yields `x`: use `yield from`")],
        peers: ["UP028"],
        output: null,
        unsafeOutput: "def f(y):\n    yield from y  # each\n",
      },
      {
        code: "def f(y):\n    \"\"\"Yields x from y.\"\"\"\n    for x in y:\n        yield x\n",
        errors: [E(3, 5, 4, 16, "Loop only yields `x`: use `yield from`")],
        peers: ["UP028"],
        output: null,
        unsafeOutput: "def f(y):\n    \"\"\"Yields x from y.\"\"\"\n    yield from y\n",
      },
    ],
  });
}

{
  // generator_stop (PEP 479) is mandatory from 3.7 only: below, the import still does something.
  const E = at('useless-future-import');
  modernRuleTester('useless-future-import', {
    valid: ['from __future__ import generator_stop\n'],
    invalid: [
      {
        code: 'from __future__ import generator_stop, division\n',
        errors: [E(1, 1, 1, 48, '`__future__` import of `division`, which is always on at the target version')],
        peers: ['UP010'],
        output: 'from __future__ import generator_stop\n',
      },
    ],
  }, { targetVersion: [3, 6] });
}
