// Rule tables of the typing family: valid / invalid snippets per rule with exact 1-based
// positions, messages and fix output (conventions of rule-tester.ts), at the target version
// each table names. `output` is the text after safe fixes (null: nothing safe to apply);
// `unsafeOutput`, when given, the text after safe and unsafe fixes.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import type { PythonVersion, RuleConfig } from '../../../src/engine/types';
import { getEngine } from '../../helpers/engine';
import { pythonSyntaxError, SkipPython } from '../../helpers/fixtures';
import { duplicateCases, errorsOf, type InvalidCase, type RuleTests } from '../rule-tester';

interface TypingCase extends InvalidCase {
  /** The text after safe and unsafe fixes, when it differs from `output`. */
  unsafeOutput?: string;
}

interface TypingTests extends RuleTests {
  invalid: TypingCase[];
}

const MIN_CASES = 6;

/** An error of the rule under test, positions 1-based and end-exclusive. */
let currentRule = '';
const E = (line: number, column: number, endLine: number, endColumn: number, message: string) => ({ rule: currentRule, line, column, endLine, endColumn, message });

/** CPython's verdict, by the target's interpreter when installed; null when none is new enough. */
function syntaxError(text: string, version: PythonVersion | undefined): string | null {
  try {
    return version ? pythonSyntaxError(text, version) : pythonSyntaxError(text);
  } catch (error) {
    if (error instanceof SkipPython) return null;
    throw error;
  }
}

/** rule-tester.ts's ruleTester, with a target version and unsafe outputs. */
function typingRuleTester(ruleId: string, tests: TypingTests, options: { targetVersion?: PythonVersion } = {}): void {
  const config: RuleConfig = { select: [ruleId], ...(options.targetVersion ? { targetVersion: options.targetVersion } : {}) };
  const label = options.targetVersion ? `${ruleId} (target ${options.targetVersion.join('.')})` : ruleId;
  describe(label, () => {
    let engine: Engine;
    before(async () => {
      engine = await getEngine();
      assert.ok(engine.rule(ruleId), `no rule "${ruleId}" in dist/rules.json`);
    });

    it('has no duplicate cases', () => {
      assert.deepEqual(duplicateCases(tests), [], 'duplicate test cases');
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
        assert.ok(test.errors.length > 0, 'an invalid case must assert at least one error');
        for (const error of test.errors) assert.equal(error.rule, ruleId, 'an error of another rule cannot occur here');
        assert.deepEqual(errorsOf(engine.analyzeText(test.code, config)), test.errors);
        const rules = new Set([ruleId]);
        const fixed = engine.fixAll(test.code, config, { unsafe: false, rules }).text;
        if (test.output === null) assert.equal(fixed, test.code, 'expected no safe fix (output: null)');
        else {
          assert.notEqual(test.output, test.code, 'output equals code: use output: null');
          assert.equal(fixed, test.output);
          assert.equal(syntaxError(fixed, options.targetVersion), null, 'the fixed code is not valid Python');
        }
        const unsafe = engine.fixAll(test.code, config, { unsafe: true, rules }).text;
        assert.equal(unsafe, test.unsafeOutput ?? fixed, test.unsafeOutput ? 'unsafe output' : 'unexpected unsafe fix: add unsafeOutput');
        assert.equal(syntaxError(unsafe, options.targetVersion), null, 'the unsafe-fixed code is not valid Python');
        assert.equal(engine.fixAll(unsafe, config, { unsafe: true, rules }).applied, 0, 'fixing twice changes the text again');
      });
    });
  });
}

function title(code: string): string {
  const flat = code.replace(/\r?\n/g, '⏎');
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
}

currentRule = 'missing-return-annotation';
typingRuleTester('missing-return-annotation', {
  valid: [
    "def f() -> None:\n    pass\n",
    "from typing import overload\n\n@overload\ndef f(x: int) -> int: ...\n@overload\ndef f(x: str) -> str: ...\ndef f(x):\n    return x\n",
    "class A:\n    def __len__(self):\n        return 0\n",
    "def _helper():\n    return 1\n",
    "def outer() -> None:\n    def inner():\n        return 1\n",
    // Not public API, as Ruff and pydocstyle see it: a private class's method, a name `__all__` leaves out.
    "class _Impl:\n    def run(self):\n        pass\n",
    "__all__ = [\"api\"]\n\ndef helper():\n    pass\n\ndef api() -> None:\n    pass\n",
    "__all__ = \"api\", \"Api\"\n\nclass Helper:\n    def run(self):\n        pass\n",
    // The literal part of a concatenation counts, as in Ruff; a property's setter is not API.
    "import base\n__all__ = [\"api\"] + base.__all__\n\ndef helper():\n    pass\n",
    "class A:\n    @property\n    def x(self) -> int:\n        return 1\n\n    @x.setter\n    def x(self, value: int):\n        pass\n",
    "square = lambda x: x * x\n",
  ],
  invalid: [
    {
      // An `__all__` the text does not spell out privatises nothing.
      code: "import base\n__all__ = base.__all__\n\ndef helper():\n    print(1)\n",
      errors: [E(4, 5, 4, 11, "Public function `helper` has no return type annotation")],
      output: "import base\n__all__ = base.__all__\n\ndef helper() -> None:\n    print(1)\n",
    },
    {
      code: "def version():\n    return \"1.0\"\n",
      errors: [E(1, 5, 1, 12, "Public function `version` has no return type annotation")],
      output: null,
      unsafeOutput: "def version() -> str:\n    return \"1.0\"\n",
    },
    {
      code: "def find(items: list[str], key: str):\n    if key in items:\n        return key\n    return None\n",
      errors: [E(1, 5, 1, 9, "Public function `find` has no return type annotation")],
      output: null,
      unsafeOutput: "def find(items: list[str], key: str) -> str | None:\n    if key in items:\n        return key\n    return None\n",
    },
    {
      code: "def names():\n    return [\"a\", \"b\"]\n",
      errors: [E(1, 5, 1, 10, "Public function `names` has no return type annotation")],
      output: null,
      unsafeOutput: "def names() -> list[str]:\n    return [\"a\", \"b\"]\n",
    },
    {
      code: "def numbers():\n    yield 1\n    yield 2\n",
      errors: [E(1, 5, 1, 12, "Public function `numbers` has no return type annotation")],
      output: null,
      unsafeOutput: "from collections.abc import Iterator\ndef numbers() -> Iterator[int]:\n    yield 1\n    yield 2\n",
    },
    {
      code: "def fail(message: str):\n    raise SystemExit(message)\n",
      errors: [E(1, 5, 1, 9, "Public function `fail` has no return type annotation")],
      output: null,
      unsafeOutput: "from typing import NoReturn\ndef fail(message: str) -> NoReturn:\n    raise SystemExit(message)\n",
    },
    {
      code: "def make():\n    return Later()\n\nclass Later:\n    pass\n",
      errors: [E(1, 5, 1, 9, "Public function `make` has no return type annotation")],
      output: null,
      unsafeOutput: "def make() -> \"Later\":\n    return Later()\n\nclass Later:\n    pass\n",
    },
    {
      code: "def pick(flag: bool):\n    if flag:\n        return 1\n    return \"one\"\n",
      errors: [E(1, 5, 1, 9, "Public function `pick` has no return type annotation")],
      output: null,
    },
    {
      // `Addr | None` with a string alias would raise when the def runs: no fix.
      code: "Addr = \"A | B\"\n\ndef pick(x: Addr):\n    if x:\n        return x\n    return None\n",
      errors: [E(3, 5, 3, 9, "Public function `pick` has no return type annotation")],
      output: null,
    },
    {
      code: "def echo(value: dict[str, int]):\n    return value\n",
      errors: [E(1, 5, 1, 9, "Public function `echo` has no return type annotation")],
      output: null,
      unsafeOutput: "def echo(value: dict[str, int]) -> dict[str, int]:\n    return value\n",
    },
  ],
});

currentRule = 'missing-return-annotation';
typingRuleTester('missing-return-annotation', {
  valid: [
    "from typing import List\n\ndef names() -> List[str]:\n    return [\"a\"]\n",
  ],
  invalid: [
    {
      code: "def names():\n    return [\"a\", \"b\"]\n",
      errors: [E(1, 5, 1, 10, "Public function `names` has no return type annotation")],
      output: null,
      unsafeOutput: "from typing import List\ndef names() -> List[str]:\n    return [\"a\", \"b\"]\n",
    },
    {
      code: "def maybe(flag: bool):\n    if flag:\n        return 1\n",
      errors: [E(1, 5, 1, 10, "Public function `maybe` has no return type annotation")],
      output: null,
      unsafeOutput: "from typing import Optional\ndef maybe(flag: bool) -> Optional[int]:\n    if flag:\n        return 1\n",
    },
  ],
}, { targetVersion: [3, 8] });

currentRule = 'missing-private-return-annotation';
typingRuleTester('missing-private-return-annotation', {
  valid: [
    "def _f() -> int:\n    return 1\n",
    "def public():\n    return 1\n",
    "class A:\n    def __init__(self):\n        pass\n",
    "def outer() -> None:\n    def inner() -> None:\n        pass\n",
    "f = lambda: 1\n",
    "def _f():  # pymodern: ignore[missing-private-return-annotation]\n    pass\n",
    "def _f():  # noqa: ANN202\n    pass\n",
  ],
  invalid: [
    {
      code: "def _log(message: str):\n    print(message)\n",
      errors: [E(1, 5, 1, 9, "Private function `_log` has no return type annotation")],
      output: "def _log(message: str) -> None:\n    print(message)\n",
    },
    {
      code: "def _count(items: list[int]):\n    return len(items)\n",
      errors: [E(1, 5, 1, 11, "Private function `_count` has no return type annotation")],
      output: null,
      unsafeOutput: "def _count(items: list[int]) -> int:\n    return len(items)\n",
    },
    {
      code: "class A:\n    def _reset(self):\n        self.items = []\n",
      errors: [E(2, 9, 2, 15, "Private method `_reset` has no return type annotation")],
      output: "class A:\n    def _reset(self) -> None:\n        self.items = []\n",
    },
    {
      code: "class _Impl:\n    def run(self):\n        print(1)\n",
      errors: [E(2, 9, 2, 12, "Non-public method `run` has no return type annotation")],
      output: "class _Impl:\n    def run(self) -> None:\n        print(1)\n",
    },
    {
      // `__all__` built from literals, also under a module-level `if`: what it leaves out is not public.
      code: "import sys\n__all__ = [\"Api\"]\nif sys.platform == \"win32\":\n    __all__ += (\"win\",)\n\nclass Helper:\n    def step(self):\n        print(1)\n\ndef win():\n    print(2)\n",
      errors: [E(7, 9, 7, 13, "Non-public method `step` has no return type annotation")],
      output: "import sys\n__all__ = [\"Api\"]\nif sys.platform == \"win32\":\n    __all__ += (\"win\",)\n\nclass Helper:\n    def step(self) -> None:\n        print(1)\n\ndef win():\n    print(2)\n",
    },
    {
      code: "def outer() -> None:\n    def inner():\n        print(1)\n    inner()\n",
      errors: [E(2, 9, 2, 14, "Nested function `inner` has no return type annotation")],
      output: "def outer() -> None:\n    def inner() -> None:\n        print(1)\n    inner()\n",
    },
    {
      code: "def outer() -> None:\n    def __inner__():\n        return 1\n",
      errors: [E(2, 9, 2, 18, "Nested function `__inner__` has no return type annotation")],
      output: null,
      unsafeOutput: "def outer() -> None:\n    def __inner__() -> int:\n        return 1\n",
    },
    {
      code: "def _stub():\n    raise NotImplementedError\n",
      errors: [E(1, 5, 1, 10, "Private function `_stub` has no return type annotation")],
      output: null,
    },
  ],
});

currentRule = 'missing-special-method-return-annotation';
typingRuleTester('missing-special-method-return-annotation', {
  valid: [
    "class A:\n    def __init__(self) -> None:\n        pass\n",
    "class A:\n    def _private(self):\n        pass\n",
    "class A:\n    def public(self):\n        pass\n",
    "def __getattr__(name: str) -> object:\n    raise AttributeError(name)\n",
    "class A:\n    def __str__(self):  # noqa: ANN204\n        return \"a\"\n",
    "def outer() -> None:\n    def __inner__():\n        return 1\n",
  ],
  invalid: [
    {
      // A module-level function named like a special method: the interpreter enforces nothing.
      code: "def __init__():\n    return 1\n",
      errors: [E(1, 5, 1, 13, "Special method `__init__` has no return type annotation")],
      output: null,
      unsafeOutput: "def __init__() -> int:\n    return 1\n",
    },
    {
      code: "class A:\n    def __init__(self, x: int):\n        self.x = x\n",
      errors: [E(2, 9, 2, 17, "Special method `__init__` has no return type annotation")],
      output: "class A:\n    def __init__(self, x: int) -> None:\n        self.x = x\n",
    },
    {
      code: "class A:\n    def __str__(self):\n        return self.name\n",
      errors: [E(2, 9, 2, 16, "Special method `__str__` has no return type annotation")],
      output: "class A:\n    def __str__(self) -> str:\n        return self.name\n",
    },
    {
      code: "class A:\n    def __len__(self):\n        return self.size\n",
      errors: [E(2, 9, 2, 16, "Special method `__len__` has no return type annotation")],
      output: "class A:\n    def __len__(self) -> int:\n        return self.size\n",
    },
    {
      code: "class A:\n    def __bool__(self):\n        return bool(self.items)\n",
      errors: [E(2, 9, 2, 17, "Special method `__bool__` has no return type annotation")],
      output: "class A:\n    def __bool__(self) -> bool:\n        return bool(self.items)\n",
    },
    {
      code: "class A:\n    def __exit__(self, *exc):\n        self.close()\n",
      errors: [E(2, 9, 2, 17, "Special method `__exit__` has no return type annotation")],
      output: "class A:\n    def __exit__(self, *exc) -> None:\n        self.close()\n",
    },
    {
      code: "class A:\n    def __eq__(self, other):\n        return self is other\n",
      errors: [E(2, 9, 2, 15, "Special method `__eq__` has no return type annotation")],
      output: null,
      unsafeOutput: "class A:\n    def __eq__(self, other) -> bool:\n        return self is other\n",
    },
    {
      code: "class A:\n    def __iter__(self):\n        yield 1\n",
      errors: [E(2, 9, 2, 17, "Special method `__iter__` has no return type annotation")],
      output: null,
      unsafeOutput: "from collections.abc import Iterator\nclass A:\n    def __iter__(self) -> Iterator[int]:\n        yield 1\n",
    },
  ],
});

currentRule = 'missing-parameter-annotation';
typingRuleTester('missing-parameter-annotation', {
  valid: [
    "def f(x: int, y: str = \"\") -> None:\n    pass\n",
    "class A:\n    def m(self, x: int) -> None:\n        pass\n\n    @classmethod\n    def c(cls) -> None:\n        pass\n",
    "def f(*args, **kwargs) -> None:\n    pass\n",
    "def _private(x):\n    return x\n",
    "def f(_, _unused=None) -> None:\n    pass\n",
    "f = lambda x: x\n",
    "def f(x):  # noqa: ANN001\n    pass\n",
  ],
  invalid: [
    {
      code: "def connect(host, port=5432):\n    pass\n",
      errors: [E(1, 13, 1, 17, "Parameter `host` of `connect` has no type annotation"), E(1, 19, 1, 23, "Parameter `port` of `connect` has no type annotation")],
      output: "def connect(host, port: int = 5432):\n    pass\n",
    },
    {
      code: "def greet(name=None):\n    if name is None:\n        name = \"world\"\n    print(name)\n",
      errors: [E(1, 11, 1, 15, "Parameter `name` of `greet` has no type annotation")],
      output: "def greet(name: str | None = None):\n    if name is None:\n        name = \"world\"\n    print(name)\n",
    },
    {
      code: "def greet(name=None):\n    print(name)\n    name = \"x\"\n",
      errors: [E(1, 11, 1, 15, "Parameter `name` of `greet` has no type annotation")],
      output: null,
      unsafeOutput: "def greet(name: str | None = None):\n    print(name)\n    name = \"x\"\n",
    },
    {
      code: "def scale(factor=1.5, *, flag=False):\n    pass\n",
      errors: [E(1, 11, 1, 17, "Parameter `factor` of `scale` has no type annotation"), E(1, 26, 1, 30, "Parameter `flag` of `scale` has no type annotation")],
      output: "def scale(factor: float = 1.5, *, flag: bool = False):\n    pass\n",
    },
    {
      code: "class A:\n    def __init__(self, url, retries=-1):\n        pass\n",
      errors: [E(2, 24, 2, 27, "Parameter `url` of `__init__` has no type annotation"), E(2, 29, 2, 36, "Parameter `retries` of `__init__` has no type annotation")],
      output: "class A:\n    def __init__(self, url, retries: int = -1):\n        pass\n",
    },
    {
      code: "class A:\n    @staticmethod\n    def ping(address):\n        pass\n",
      errors: [E(3, 14, 3, 21, "Parameter `address` of `ping` has no type annotation")],
      output: null,
    },
  ],
});

currentRule = 'missing-parameter-annotation';
typingRuleTester('missing-parameter-annotation', {
  valid: [
  ],
  invalid: [
    {
      code: "def greet(name=None):\n    name = name or \"world\"\n    print(name)\n",
      errors: [E(1, 11, 1, 15, "Parameter `name` of `greet` has no type annotation")],
      output: "from typing import Optional\ndef greet(name: Optional[str] = None):\n    name = name or \"world\"\n    print(name)\n",
    },
  ],
}, { targetVersion: [3, 9] });

currentRule = 'missing-star-args-annotation';
typingRuleTester('missing-star-args-annotation', {
  valid: [
    "def f(*args: int, **kwargs: str) -> None:\n    pass\n",
    "def f(x, y=1) -> None:\n    pass\n",
    "def _f(*args, **kwargs):\n    pass\n",
    "def f(*, key: int) -> None:\n    pass\n",
    "def f(*_, **__) -> None:\n    pass\n",
    "class A:\n    def _m(self, *args):\n        pass\n",
  ],
  invalid: [
    {
      code: "def log(message: str, *args):\n    pass\n",
      errors: [E(1, 23, 1, 28, "`*args` of `log` has no type annotation")],
      output: null,
    },
    {
      code: "def log(**options):\n    pass\n",
      errors: [E(1, 9, 1, 18, "`**options` of `log` has no type annotation")],
      output: null,
    },
    {
      code: "class A:\n    def run(self, *args, **kwargs):\n        pass\n",
      errors: [E(2, 19, 2, 24, "`*args` of `run` has no type annotation"), E(2, 26, 2, 34, "`**kwargs` of `run` has no type annotation")],
      output: null,
    },
    {
      code: "def f(a: int, *rest, b: int = 0, **extra) -> None:\n    pass\n",
      errors: [E(1, 15, 1, 20, "`*rest` of `f` has no type annotation"), E(1, 34, 1, 41, "`**extra` of `f` has no type annotation")],
      output: null,
    },
    {
      code: "def f(*args: int, **kwargs):\n    pass\n",
      errors: [E(1, 19, 1, 27, "`**kwargs` of `f` has no type annotation")],
      output: null,
    },
    {
      code: "def f(*values):  # a comment\n    pass\n",
      errors: [E(1, 7, 1, 14, "`*values` of `f` has no type annotation")],
      output: null,
    },
  ],
});

currentRule = 'missing-private-parameter-annotation';
typingRuleTester('missing-private-parameter-annotation', {
  valid: [
    "def _f(x: int) -> None:\n    pass\n",
    "def public(x):\n    pass\n",
    "class A:\n    def _m(self, x: int) -> None:\n        pass\n",
    "def outer() -> None:\n    def inner(x: int) -> None:\n        pass\n",
    "def _f(_, _unused=1) -> None:\n    pass\n",
    "lam = lambda x: x\n",
  ],
  invalid: [
    {
      code: "def _load(path, encoding=\"utf-8\"):\n    pass\n",
      errors: [E(1, 11, 1, 15, "Parameter `path` of private function `_load` has no type annotation"), E(1, 17, 1, 25, "Parameter `encoding` of private function `_load` has no type annotation")],
      output: "def _load(path, encoding: str = \"utf-8\"):\n    pass\n",
    },
    {
      code: "def _f(*args, **kwargs):\n    pass\n",
      errors: [E(1, 8, 1, 13, "Parameter `*args` of private function `_f` has no type annotation"), E(1, 15, 1, 23, "Parameter `**kwargs` of private function `_f` has no type annotation")],
      output: null,
    },
    {
      code: "class A:\n    def _evict(self, key, force=False):\n        pass\n",
      errors: [E(2, 22, 2, 25, "Parameter `key` of private method `_evict` has no type annotation"), E(2, 27, 2, 32, "Parameter `force` of private method `_evict` has no type annotation")],
      output: "class A:\n    def _evict(self, key, force: bool = False):\n        pass\n",
    },
    {
      code: "def outer() -> None:\n    def inner(item, limit=10):\n        pass\n",
      errors: [E(2, 15, 2, 19, "Parameter `item` of nested function `inner` has no type annotation"), E(2, 21, 2, 26, "Parameter `limit` of nested function `inner` has no type annotation")],
      output: "def outer() -> None:\n    def inner(item, limit: int = 10):\n        pass\n",
    },
    {
      code: "def _greet(name=None):\n    name = name or \"x\"\n",
      errors: [E(1, 12, 1, 16, "Parameter `name` of private function `_greet` has no type annotation")],
      output: "def _greet(name: str | None = None):\n    name = name or \"x\"\n",
    },
    {
      code: "class A:\n    @staticmethod\n    def _s(value):\n        pass\n",
      errors: [E(3, 12, 3, 17, "Parameter `value` of private method `_s` has no type annotation")],
      output: null,
    },
  ],
});

currentRule = 'typing-generic-alias';
typingRuleTester('typing-generic-alias', {
  valid: [
    "def f(x: list[int]) -> dict[str, int]:\n    return {}\n",
    "from typing import Any\n\ndef f(x: Any) -> None:\n    pass\n",
    "class List:\n    pass\n\ndef f(x: List) -> None:\n    pass\n",
    "from typing import List\n\ndef f(List):\n    return List\n",
    "import typing\n\nx = typing.Any\n",
    // A bare alias passed around as a value is a runtime object, not a type expression.
    "import typing\n\ndef f(x: object) -> bool:\n    return isinstance(x, typing.List)\n",
    "from typing import List  # pymodern: ignore\n\ndef f(x: List[int]) -> None:  # noqa: UP006\n    pass\n",
  ],
  invalid: [
    {
      code: "from typing import List\n\ndef f(x: List[int]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 14, "`List` is a deprecated alias of `list`")],
      output: "def f(x: list[int]) -> None:\n    pass\n",
    },
    {
      code: "from typing import Dict, List\n\ndef f(x: Dict[str, List[int]]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 14, "`Dict` is a deprecated alias of `dict`"), E(3, 20, 3, 24, "`List` is a deprecated alias of `list`")],
      output: "def f(x: dict[str, list[int]]) -> None:\n    pass\n",
    },
    {
      code: "import typing\n\ndef f(x: typing.Tuple[int, ...]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 22, "`typing.Tuple` is a deprecated alias of `tuple`")],
      output: "import typing\n\ndef f(x: tuple[int, ...]) -> None:\n    pass\n",
    },
    {
      code: "from typing import Deque\n\ndef f(x: Deque[int]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 15, "`Deque` is a deprecated alias of `collections.deque`")],
      output: "from collections import deque\n\ndef f(x: deque[int]) -> None:\n    pass\n",
    },
    {
      code: "from typing import List\n\nAlias = List[int]\n",
      errors: [E(3, 9, 3, 13, "`List` is a deprecated alias of `list`")],
      output: null,
      unsafeOutput: "Alias = list[int]\n",
    },
    {
      // Inside the quotes too: the range maps into the string; fix-all then drops the import.
      code: "from typing import List\n\ndef f(x: List[int], y: \"List[str]\") -> None:\n    pass\n",
      errors: [E(3, 10, 3, 14, "`List` is a deprecated alias of `list`"), E(3, 25, 3, 29, "`List` is a deprecated alias of `list`")],
      output: "def f(x: list[int], y: \"list[str]\") -> None:\n    pass\n",
    },
    {
      // A header name is no use of `Type`: the import goes with the last real use.
      code: "from typing import Type\n\ndef f(kind: Type[int]) -> dict[str, str]:\n    return {\"Content-Type\": \"text/plain\"}\n",
      errors: [E(3, 13, 3, 17, "`Type` is a deprecated alias of `type`")],
      output: "def f(kind: type[int]) -> dict[str, str]:\n    return {\"Content-Type\": \"text/plain\"}\n",
    },
    {
      // Nor is the literal text of an f-string; a name in its braces would be.
      code: "from typing import Type\n\ndef f(kind: Type[int]) -> str:\n    return f\"Type {kind} is not supported\"\n",
      errors: [E(3, 13, 3, 17, "`Type` is a deprecated alias of `type`")],
      output: "def f(kind: type[int]) -> str:\n    return f\"Type {kind} is not supported\"\n",
    },
    {
      // A string that reads as a type naming the alias (a forward-reference alias) keeps the import.
      code: "from typing import List\n\nNames = \"List[str]\"\n\ndef f(x: List[int]) -> None: ...\n",
      errors: [E(5, 10, 5, 14, "`List` is a deprecated alias of `list`")],
      output: "from typing import List\n\nNames = \"List[str]\"\n\ndef f(x: list[int]) -> None: ...\n",
    },
    {
      code: "from typing import Set\n",
      errors: [E(1, 20, 1, 23, "`Set` is imported but never used")],
      output: "",
    },
    {
      code: "from typing import OrderedDict\n\ndef f() -> OrderedDict[str, int]:\n    return OrderedDict()\n",
      // Same name in collections: the import moves, the call keeps working (only types are reported).
      errors: [E(3, 12, 3, 23, "`OrderedDict` is a deprecated alias of `collections.OrderedDict`")],
      output: "from collections import OrderedDict\n\ndef f() -> OrderedDict[str, int]:\n    return OrderedDict()\n",
    },
  ],
});

currentRule = 'typing-generic-alias';
typingRuleTester('typing-generic-alias', {
  valid: [
    "from typing import List\n\ndef f(x: List[int]) -> None:\n    pass\n",
  ],
  invalid: [
  ],
}, { targetVersion: [3, 8] });

currentRule = 'typing-optional';
typingRuleTester('typing-optional', {
  valid: [
    "def f(x: int | None) -> None:\n    pass\n",
    "class Optional:\n    pass\n\nx: Optional = None\n",
    "Alias = \"Optional[int]\"\n",
    "from typing import Optional\n\nForward = Optional[\"Node\"]\n",
    // A string alias: `Address | None` would raise where it is evaluated.
    "from typing import Optional\n\nAddress = \"IPv4 | IPv6\"\n\ndef f(x: Optional[Address]) -> None:\n    pass\n",
    "from typing import Optional\n\ndef f(x: Optional[int]) -> None:  # noqa: UP045\n    pass\n",
    "from typing import Union\n\ndef f(x: Union[int, None]) -> None:\n    pass\n",
  ],
  invalid: [
    {
      code: "from typing import Optional\n\ndef f(x: Optional[int]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 23, "`Optional[int]` can be written `int | None`")],
      output: "def f(x: int | None) -> None:\n    pass\n",
    },
    {
      code: "from typing import Optional\n\ndef f(x: Optional[\"Node\"]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 26, "`Optional[\"Node\"]` can be written `\"Node | None\"`")],
      output: "def f(x: \"Node | None\") -> None:\n    pass\n",
    },
    {
      code: "import typing\n\ndef f(x: list[typing.Optional[\"Node\"]]) -> None:\n    pass\n",
      errors: [E(3, 15, 3, 38, "`typing.Optional[\"Node\"]` can be written `\"Node | None\"`")],
      output: "import typing\n\ndef f(x: list[\"Node | None\"]) -> None:\n    pass\n",
    },
    {
      // Nothing evaluates the annotation of a local variable: the forward reference loses its quotes.
      code: "from typing import Optional\n\ndef f() -> None:\n    x: Optional[\"Node\"] = None\n",
      errors: [E(4, 8, 4, 24, "`Optional[\"Node\"]` can be written `Node | None`")],
      output: "def f() -> None:\n    x: Node | None = None\n",
    },
    {
      // ... but text that could bind differently next to `|` keeps them.
      code: "from typing import Optional\n\ndef f() -> None:\n    x: Optional[\"A if B else C\"] = None\n",
      errors: [E(4, 8, 4, 33, "`Optional[\"A if B else C\"]` can be written `\"A if B else C | None\"`")],
      output: "def f() -> None:\n    x: \"A if B else C | None\" = None\n",
    },
    {
      code: "from typing import Optional\n\nAlias = Optional[int]\n",
      errors: [E(3, 9, 3, 22, "`Optional[int]` can be written `int | None`")],
      output: null,
      unsafeOutput: "Alias = int | None\n",
    },
    {
      code: "from typing import Optional, Dict\n\ndef f(x: Optional[Dict[str, int]]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 34, "`Optional[Dict[str, int]]` can be written `Dict[str, int] | None`")],
      output: "from typing import Dict\n\ndef f(x: Dict[str, int] | None) -> None:\n    pass\n",
    },
    {
      code: "from typing import Optional\n\ndef f(x: Optional[int], y: Optional[str]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 23, "`Optional[int]` can be written `int | None`"), E(3, 28, 3, 41, "`Optional[str]` can be written `str | None`")],
      output: "def f(x: int | None, y: str | None) -> None:\n    pass\n",
    },
    {
      code: "from typing import Optional\n",
      errors: [E(1, 20, 1, 28, "`Optional` is imported but never used")],
      output: "",
    },
  ],
});

currentRule = 'typing-union';
typingRuleTester('typing-union', {
  valid: [
    "def f(x: int | str) -> None:\n    pass\n",
    "from typing import Union\n\nForward = Union[\"Node\", int]\n",
    "x = \"Union[int, str]\"\n",
    "from typing import Union\n\ndef f(x: Union[int, str]) -> None:  # pymodern: ignore[typing-union]\n    pass\n",
    "from typing import Optional\n\ndef f(x: Optional[int]) -> None:\n    pass\n",
    "Union = dict\n\ny: Union[str, int] = {}\n",
  ],
  invalid: [
    {
      code: "from typing import Union\n\ndef f(x: Union[int, str]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 25, "`Union[int, str]` can be written `int | str`")],
      output: "def f(x: int | str) -> None:\n    pass\n",
    },
    {
      code: "from typing import Union\n\ndef f(x: Union[int, \"Node\", None]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 34, "`Union[int, \"Node\", None]` can be written `\"int | Node | None\"`")],
      output: "def f(x: \"int | Node | None\") -> None:\n    pass\n",
    },
    {
      code: "from typing import Union\n\ndef f(x: Union[int]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 20, "`Union[int]` can be written `int`")],
      output: "def f(x: int) -> None:\n    pass\n",
    },
    {
      code: "from typing import Union\n\nNumber = Union[int, float]\n",
      errors: [E(3, 10, 3, 27, "`Union[int, float]` can be written `int | float`")],
      output: null,
      unsafeOutput: "Number = int | float\n",
    },
    {
      code: "import typing as t\n\ndef f(x: t.Union[\n    int,\n    str,\n]) -> None:\n    pass\n",
      errors: [E(3, 10, 6, 2, "`t.Union[ int, str, ]` can be written `int | str`")],
      output: "import typing as t\n\ndef f(x: int | str) -> None:\n    pass\n",
    },
    {
      code: "from typing import Union\n\ndef f(x: Union[int, str], y: Union[bytes, str]) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 25, "`Union[int, str]` can be written `int | str`"), E(3, 30, 3, 47, "`Union[bytes, str]` can be written `bytes | str`")],
      output: "def f(x: int | str, y: bytes | str) -> None:\n    pass\n",
    },
  ],
});

currentRule = 'implicit-optional';
typingRuleTester('implicit-optional', {
  valid: [
    "def f(x: int | None = None) -> None:\n    pass\n",
    "from typing import Optional\n\ndef f(x: Optional[int] = None) -> None:\n    pass\n",
    "from typing import Any\n\ndef f(x: Any = None, y: object = None) -> None:\n    pass\n",
    "from typing import TypeVar\n\nT = TypeVar(\"T\")\n\ndef f(x: T = None) -> None:\n    pass\n",
    "Alias = int\n\ndef f(x: Alias = None) -> None:\n    pass\n",
    "def f(x: int = 0) -> None:\n    pass\n",
    "def f(x: int = None) -> None:  # noqa: RUF013\n    pass\n",
  ],
  invalid: [
    {
      code: "def f(x: int = None) -> None:\n    pass\n",
      errors: [E(1, 10, 1, 13, "`x` defaults to `None`, which its annotation `int` does not allow")],
      output: "def f(x: int | None = None) -> None:\n    pass\n",
    },
    {
      code: "def f(x: list[str] = None) -> None:\n    pass\n",
      errors: [E(1, 10, 1, 19, "`x` defaults to `None`, which its annotation `list[str]` does not allow")],
      output: "def f(x: list[str] | None = None) -> None:\n    pass\n",
    },
    {
      code: "from typing import Union\n\ndef f(x: Union[int, str] = None) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 25, "`x` defaults to `None`, which its annotation `Union[int, str]` does not allow")],
      output: "from typing import Union\n\ndef f(x: Union[int, str] | None = None) -> None:\n    pass\n",
    },
    {
      code: "from typing import Literal\n\ndef f(mode: Literal[\"r\", \"w\"] = None) -> None:\n    pass\n",
      errors: [E(3, 13, 3, 30, "`mode` defaults to `None`, which its annotation `Literal[\"r\", \"w\"]` does not allow")],
      output: "from typing import Literal\n\ndef f(mode: Literal[\"r\", \"w\"] | None = None) -> None:\n    pass\n",
    },
    {
      code: "class Config:\n    pass\n\ndef f(config: \"Config\" = None) -> None:\n    pass\n",
      errors: [E(4, 15, 4, 23, "`config` defaults to `None`, which its annotation `\"Config\"` does not allow")],
      output: "class Config:\n    pass\n\ndef f(config: \"Config | None\" = None) -> None:\n    pass\n",
    },
    {
      code: "@app.get(\"/\")\ndef f(limit: int = None) -> None:\n    pass\n",
      errors: [E(2, 14, 2, 17, "`limit` defaults to `None`, which its annotation `int` does not allow")],
      output: null,
      unsafeOutput: "@app.get(\"/\")\ndef f(limit: int | None = None) -> None:\n    pass\n",
    },
  ],
});

currentRule = 'implicit-optional';
typingRuleTester('implicit-optional', {
  valid: [
  ],
  invalid: [
    {
      code: "def f(x: int = None) -> None:\n    pass\n",
      errors: [E(1, 10, 1, 13, "`x` defaults to `None`, which its annotation `int` does not allow")],
      output: "from typing import Optional\ndef f(x: Optional[int] = None) -> None:\n    pass\n",
    },
  ],
}, { targetVersion: [3, 8] });

currentRule = 'typing-text';
typingRuleTester('typing-text', {
  valid: [
    "def f(x: str) -> str:\n    return x\n",
    "class Text:\n    pass\n\ndef f(x: Text) -> None:\n    pass\n",
    "from typing import Text\n\ndef f(Text) -> None:\n    pass\n",
    "x = \"Text\"\n",
    "from typing import Text  # noqa: UP019\n\ndef f(x: Text) -> None:  # noqa: UP019\n    pass\n",
    "import typing\n\ny = typing.TYPE_CHECKING\n",
  ],
  invalid: [
    {
      code: "from typing import Text\n\ndef f(x: Text) -> Text:\n    return x\n",
      errors: [E(3, 10, 3, 14, "`Text` is an alias of `str`"), E(3, 19, 3, 23, "`Text` is an alias of `str`")],
      output: "def f(x: str) -> str:\n    return x\n",
    },
    {
      code: "import typing\n\ndef f(x: typing.Text) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 21, "`typing.Text` is an alias of `str`")],
      output: "import typing\n\ndef f(x: str) -> None:\n    pass\n",
    },
    {
      code: "from typing import Text\n",
      errors: [E(1, 20, 1, 24, "`Text` is imported but never used")],
      output: "",
    },
    {
      code: "from typing import Text, Optional\n\ndef f(x: Optional[Text]) -> None:\n    pass\n",
      errors: [E(3, 19, 3, 23, "`Text` is an alias of `str`")],
      output: "from typing import Optional\n\ndef f(x: Optional[str]) -> None:\n    pass\n",
    },
    {
      code: "from typing import Text as T\n\ndef f(x: T) -> None:\n    pass\n",
      errors: [E(3, 10, 3, 11, "`T` is an alias of `str`")],
      output: "def f(x: str) -> None:\n    pass\n",
    },
    {
      code: "from typing import Text\n\ndef f(str, x: Text) -> None:\n    pass\n",
      errors: [E(3, 15, 3, 19, "`Text` is an alias of `str`")],
      output: "def f(str, x: str) -> None:\n    pass\n",
    },
  ],
});

currentRule = 'typing-extensions-import';
typingRuleTester('typing-extensions-import', {
  valid: [
    "from typing import Literal\n",
    "from typing_extensions import Self\n",
    "try:\n    from typing import Literal\nexcept ImportError:\n    from typing_extensions import Literal\n",
    "import sys\nif sys.version_info >= (3, 8):\n    from typing import Final\nelse:\n    from typing_extensions import Final\n",
    "from typing_extensions import TypeIs\n",
    "from typing_extensions import Final  # noqa: UP035\n",
    // An import nothing uses is Ruff's F401, not a deprecation: silent.
    "from typing_extensions import Final\n",
    "from typing_extensions import Final, Self\n\nx: Self\n",
  ],
  invalid: [
    {
      code: "from typing_extensions import Final\n\nX: Final = 1\n",
      errors: [E(1, 31, 1, 36, "`Final` is in `typing` since Python 3.8: import it from there")],
      output: "from typing import Final\n\nX: Final = 1\n",
    },
    {
      code: "from typing_extensions import Final, Self\n\nX: Final = 1\n",
      errors: [E(1, 31, 1, 36, "`Final` is in `typing` since Python 3.8: import it from there")],
      output: "from typing_extensions import Self\nfrom typing import Final\n\nX: Final = 1\n",
    },
    {
      code: "from typing_extensions import Annotated as A\n\nx: A[int, 1] = 1\n",
      errors: [E(1, 31, 1, 45, "`Annotated` is in `typing` since Python 3.9: import it from there")],
      output: "from typing import Annotated as A\n\nx: A[int, 1] = 1\n",
    },
    {
      code: "import typing_extensions\n\nx: typing_extensions.Final = 1\n",
      errors: [E(3, 4, 3, 27, "`Final` is in `typing` since Python 3.8: import it from there")],
      output: "import typing_extensions\nfrom typing import Final\n\nx: Final = 1\n",
    },
    {
      code: "from typing import Any\nfrom typing_extensions import TypeAlias\n\nX: TypeAlias = Any\n",
      errors: [E(2, 31, 2, 40, "`TypeAlias` is in `typing` since Python 3.10: import it from there")],
      output: "from typing import Any\nfrom typing import TypeAlias\n\nX: TypeAlias = Any\n",
    },
    {
      code: "def f() -> None:\n    from typing_extensions import Final\n    x: Final = 1\n",
      errors: [E(2, 35, 2, 40, "`Final` is in `typing` since Python 3.8: import it from there")],
      output: "def f() -> None:\n    from typing import Final\n    x: Final = 1\n",
    },
  ],
});

currentRule = 'quoted-annotation';
typingRuleTester('quoted-annotation', {
  valid: [
    "def f(x: \"Node\") -> \"Node\":\n    return x\n",
    "from __future__ import annotations\nfrom typing import Literal\n\ndef f(x: Literal[\"a\"]) -> None:\n    pass\n",
    "from __future__ import annotations\nfrom typing import Annotated\n\ndef f(x: Annotated[int, \"meta\"]) -> None:\n    pass\n",
    "from __future__ import annotations\n\ndef f(x: \"a if b else c\") -> None:\n    pass\n",
    "from __future__ import annotations\n\nx = cast(\"Node\", y)\n",
    "class A:\n    x: \"Node\"\n",
    "from __future__ import annotations\n\ndef f(x: \"Node\") -> None:  # noqa: UP037\n    pass\n",
  ],
  invalid: [
    {
      code: "from __future__ import annotations\n\ndef f(x: \"Node\") -> None:\n    pass\n",
      errors: [E(3, 10, 3, 16, "The quotes around `Node` are not needed here")],
      output: "from __future__ import annotations\n\ndef f(x: Node) -> None:\n    pass\n",
    },
    {
      code: "from __future__ import annotations\n\ndef f(x: list[\"Node\"]) -> \"Node | None\":\n    pass\n",
      errors: [E(3, 15, 3, 21, "The quotes around `Node` are not needed here"), E(3, 27, 3, 40, "The quotes around `Node | None` are not needed here")],
      output: "from __future__ import annotations\n\ndef f(x: list[Node]) -> Node | None:\n    pass\n",
    },
    {
      code: "def f() -> None:\n    x: \"Node\" = make()\n",
      errors: [E(2, 8, 2, 14, "The quotes around `Node` are not needed here")],
      output: "def f() -> None:\n    x: Node = make()\n",
    },
    {
      code: "from __future__ import annotations\n\nclass A:\n    parent: 'A'\n",
      errors: [E(4, 13, 4, 16, "The quotes around `A` are not needed here")],
      output: "from __future__ import annotations\n\nclass A:\n    parent: A\n",
    },
    {
      code: "from __future__ import annotations\nfrom typing import Annotated\n\ndef f(x: Annotated[\"Node\", \"meta\"]) -> None:\n    pass\n",
      errors: [E(4, 20, 4, 26, "The quotes around `Node` are not needed here")],
      output: "from __future__ import annotations\nfrom typing import Annotated\n\ndef f(x: Annotated[Node, \"meta\"]) -> None:\n    pass\n",
    },
    {
      code: "from __future__ import annotations\n\ndef f(x: \"dict[str, Node]\") -> None:\n    pass\n",
      errors: [E(3, 10, 3, 27, "The quotes around `dict[str, Node]` are not needed here")],
      output: "from __future__ import annotations\n\ndef f(x: dict[str, Node]) -> None:\n    pass\n",
    },
  ],
});

currentRule = 'typealias-annotation';
typingRuleTester('typealias-annotation', {
  valid: [
    "type X = int\n",
    "X = int\n",
    "from typing import TypeAlias\n\ndef f(x: TypeAlias) -> None:\n    pass\n",
    "from typing import TypeAlias\n\nX: TypeAlias = int  # noqa: UP040\n",
    // TypeAliasType's name string differs from the variable: the statement cannot say that.
    "from typing import TypeAliasType\n\n_X = TypeAliasType(\"X\", int)\n",
    "x: int = 1\n",
  ],
  invalid: [
    {
      code: "from typing import TypeAlias\n\nX: TypeAlias = int\n",
      errors: [E(3, 1, 3, 2, "`X: TypeAlias` can be a `type` statement")],
      output: null,
      unsafeOutput: "type X = int\n",
    },
    {
      code: "from typing import TypeAlias\n\nX: TypeAlias = \"list[X] | int\"\n",
      errors: [E(3, 1, 3, 2, "`X: TypeAlias` can be a `type` statement")],
      output: null,
      unsafeOutput: "type X = list[X] | int\n",
    },
    {
      code: "from typing import TypeAlias, TypeVar\n\nT = TypeVar(\"T\")\nPair: TypeAlias = tuple[T, T]\n",
      errors: [E(4, 1, 4, 5, "`Pair: TypeAlias` can be a `type` statement")],
      output: null,
      unsafeOutput: "from typing import TypeVar\n\nT = TypeVar(\"T\")\ntype Pair[T] = tuple[T, T]\n",
    },
    {
      code: "from typing import TypeAlias\n\nNumber: TypeAlias = int | float\nisinstance(1, Number)\n",
      errors: [E(3, 1, 3, 7, "`Number: TypeAlias` can be a `type` statement")],
      output: null,
    },
    {
      code: "import typing\n\nX: typing.TypeAlias = int\n",
      errors: [E(3, 1, 3, 2, "`X: typing.TypeAlias` can be a `type` statement")],
      output: null,
      unsafeOutput: "import typing\n\ntype X = int\n",
    },
    {
      // A class attribute alias used through an attribute somewhere: it may be called at runtime.
      code: "from typing import TypeAlias\n\nclass A:\n    Id: TypeAlias = int\n\n    def make(self) -> int:\n        return self.Id(1)\n",
      errors: [E(4, 5, 4, 7, "`Id: TypeAlias` can be a `type` statement")],
      output: null,
    },
    {
      code: "from typing import TypeAlias\n\nclass A:\n    X: TypeAlias = int\n",
      errors: [E(4, 5, 4, 6, "`X: TypeAlias` can be a `type` statement")],
      output: null,
      unsafeOutput: "class A:\n    type X = int\n",
    },
    {
      code: "from typing import TypeAliasType, TypeVar\n\n_T = TypeVar(\"_T\")\nPair = TypeAliasType(\"Pair\", tuple[_T, _T], type_params=(_T,))\n",
      errors: [E(4, 1, 4, 5, "`Pair = TypeAliasType(…)` can be a `type` statement")],
      output: null,
      unsafeOutput: "from typing import TypeVar\n\n_T = TypeVar(\"_T\")\ntype Pair[T] = tuple[T, T]\n",
    },
  ],
}, { targetVersion: [3, 12] });

currentRule = 'typealias-annotation';
typingRuleTester('typealias-annotation', {
  valid: [
    "from typing import TypeAlias\n\nX: TypeAlias = int\n",
  ],
  invalid: [
  ],
}, { targetVersion: [3, 11] });

currentRule = 'typevar-generic-class';
typingRuleTester('typevar-generic-class', {
  valid: [
    "class Box[T]:\n    pass\n",
    "from typing import Protocol\n\nclass P(Protocol):\n    pass\n",
    "from typing import Generic\n\nclass Box(Generic):\n    pass\n",
    "class Generic:\n    def __class_getitem__(cls, item):\n        return cls\n\nclass Box(Generic[int]):\n    pass\n",
    "from typing import Generic, TypeVar\n\nT = TypeVar(\"T\")\n\nclass Box(Generic[T]):  # noqa: UP046\n    pass\n",
    // Module-level classes only (as Ruff): in a def or a class, TypeVars are often local.
    "from typing import Generic, TypeVar\n\ndef make():\n    T = TypeVar(\"T\")\n\n    class Box(Generic[T]):\n        pass\n    return Box\n",
    "from typing import Generic, TypeVar\n\nT = TypeVar(\"T\")\n\nclass Outer:\n    class Box(Generic[T]):\n        pass\n",
    "from typing import Generic\n\nx = Generic\n",
  ],
  invalid: [
    {
      code: "from typing import Generic, TypeVar\n\nT = TypeVar(\"T\")\n\nclass Box(Generic[T]):\n    pass\n",
      errors: [E(5, 11, 5, 21, "`Generic[T]` declares type parameters that PEP 695 writes in the class header")],
      output: null,
      unsafeOutput: "from typing import TypeVar\n\nT = TypeVar(\"T\")\n\nclass Box[T]:\n    pass\n",
    },
    {
      code: "from typing import Generic, TypeVar\n\nT = TypeVar(\"T\", bound=int)\n\nclass Box(object, Generic[T]):\n    pass\n",
      errors: [E(5, 19, 5, 29, "`Generic[T]` declares type parameters that PEP 695 writes in the class header")],
      output: null,
      unsafeOutput: "from typing import TypeVar\n\nT = TypeVar(\"T\", bound=int)\n\nclass Box[T: int](object):\n    pass\n",
    },
    {
      code: "from typing import Protocol, TypeVar\n\nT = TypeVar(\"T\", covariant=True)\n\nclass P(Protocol[T]):\n    pass\n",
      errors: [E(5, 9, 5, 20, "`Protocol[T]` declares type parameters that PEP 695 writes in the class header")],
      output: null,
      unsafeOutput: "from typing import Protocol, TypeVar\n\nT = TypeVar(\"T\", covariant=True)\n\nclass P[T](Protocol):\n    pass\n",
    },
    {
      code: "from typing import Generic\nfrom other import T\n\nclass Box(Generic[T]):\n    pass\n",
      errors: [E(4, 11, 4, 21, "`Generic[T]` declares type parameters that PEP 695 writes in the class header")],
      output: null,
    },
    {
      code: "import typing\n\nT = typing.TypeVar(\"T\")\n\nclass Box(typing.Generic[T], metaclass=Meta):\n    pass\n",
      errors: [E(5, 11, 5, 28, "`typing.Generic[T]` declares type parameters that PEP 695 writes in the class header")],
      output: null,
      unsafeOutput: "import typing\n\nT = typing.TypeVar(\"T\")\n\nclass Box[T](metaclass=Meta):\n    pass\n",
    },
    {
      code: "from typing import Generic, TypeVar\n\nT = TypeVar(\"T\")\nT = TypeVar(\"T\")\n\nclass Box(Generic[T]):\n    pass\n",
      errors: [E(6, 11, 6, 21, "`Generic[T]` declares type parameters that PEP 695 writes in the class header")],
      output: null,
    },
  ],
}, { targetVersion: [3, 12] });

currentRule = 'typevar-generic-function';
typingRuleTester('typevar-generic-function', {
  valid: [
    "def first[T](items: list[T]) -> T:\n    return items[0]\n",
    "from typing import TypeVar\n\nT = TypeVar(\"T\")\n\ndef f(x: int) -> int:\n    return x\n",
    "from typing import Generic, TypeVar\n\nT = TypeVar(\"T\")\n\nclass Box(Generic[T]):\n    def get(self) -> T:\n        pass\n",
    "from typing import TypeVar\n\nT = TypeVar(\"T\")\n\ndef outer(x: int) -> None:\n    def inner(y: T) -> T:\n        return y\n",
    "from other import T\n\ndef f(x: T) -> T:\n    return x\n",
    "from typing import TypeVar\n\nT = TypeVar(\"T\")\n\ndef f(x: T) -> T:  # noqa: UP047\n    return x\n",
  ],
  invalid: [
    {
      code: "from typing import TypeVar\n\nT = TypeVar(\"T\")\n\ndef first(items: list[T]) -> T:\n    return items[0]\n",
      errors: [E(5, 5, 5, 10, "`first` is generic over module-level `T`: declare its type parameters in the header")],
      output: null,
      unsafeOutput: "from typing import TypeVar\n\nT = TypeVar(\"T\")\n\ndef first[T](items: list[T]) -> T:\n    return items[0]\n",
    },
    {
      code: "from typing import TypeVar\n\nK = TypeVar(\"K\", str, bytes)\n\ndef f(x: K) -> K:\n    return x\n",
      errors: [E(5, 5, 5, 6, "`f` is generic over module-level `K`: declare its type parameters in the header")],
      output: null,
      unsafeOutput: "from typing import TypeVar\n\nK = TypeVar(\"K\", str, bytes)\n\ndef f[K: (str, bytes)](x: K) -> K:\n    return x\n",
    },
    {
      code: "from typing import Generic, TypeVar\n\nT = TypeVar(\"T\")\nU = TypeVar(\"U\")\n\nclass Box(Generic[T]):\n    def map(self, f: \"Callable[[T], U]\") -> U:\n        pass\n",
      errors: [E(7, 9, 7, 12, "`map` is generic over module-level `U`: declare its type parameters in the header")],
      output: null,
    },
    {
      code: "from typing import ParamSpec, TypeVar\nfrom collections.abc import Callable\n\nP = ParamSpec(\"P\")\nR = TypeVar(\"R\")\n\ndef deco(f: Callable[P, R]) -> Callable[P, R]:\n    return f\n",
      errors: [E(7, 5, 7, 9, "`deco` is generic over module-level `P, R`: declare its type parameters in the header")],
      output: null,
      unsafeOutput: "from typing import ParamSpec, TypeVar\nfrom collections.abc import Callable\n\nP = ParamSpec(\"P\")\nR = TypeVar(\"R\")\n\ndef deco[**P, R](f: Callable[P, R]) -> Callable[P, R]:\n    return f\n",
    },
    {
      code: "import typing\n\nT = typing.TypeVar(\"T\")\n\nclass A:\n    def same(self: T) -> T:\n        return self\n",
      errors: [E(6, 9, 6, 13, "`same` is generic over module-level `T`: declare its type parameters in the header")],
      output: null,
      unsafeOutput: "import typing\n\nT = typing.TypeVar(\"T\")\n\nclass A:\n    def same[T](self: T) -> T:\n        return self\n",
    },
    {
      code: "from typing import TypeVar\n\nT = TypeVar(\"T\", default=int)\n\ndef f(x: T) -> T:\n    return x\n",
      errors: [E(5, 5, 5, 6, "`f` is generic over module-level `T`: declare its type parameters in the header")],
      output: null,
    },
  ],
}, { targetVersion: [3, 12] });


currentRule = 'typing-abc-import';
typingRuleTester('typing-abc-import', {
  valid: [
    "from collections.abc import Iterable\n",
    "from typing import AbstractSet, ByteString\n",
    "from typing import Iterable  # noqa: UP035\n",
    "from typing import Iterable  # pymodern: ignore[typing-abc-import]\n",
    "from typing_extensions import Iterable\n",
    "import typing\n\nx: typing.AbstractSet[int] = frozenset()\n",
    "from typing import Any, Optional\n",
    // An import nothing uses is Ruff's F401, not a deprecation; a string that reads as no type is no use.
    "from typing import Iterable\n",
    "from typing import Iterable\n\nHEADERS = {\"Accept\": \"Iterable-Rows\"}\n",
  ],
  invalid: [
    {
      code: "from typing import Iterable\n\nItems = Iterable[int]\n",
      errors: [E(1, 20, 1, 28, "`typing.Iterable` is a deprecated alias of `collections.abc.Iterable`")],
      output: "from collections.abc import Iterable\n\nItems = Iterable[int]\n",
    },
    {
      // One fix per statement, shared by its findings: both names move together.
      code: "from typing import Any, Iterable, Sequence\n\ndef f(x: Iterable[Any]) -> Sequence[int]: ...\n",
      errors: [
        E(1, 25, 1, 33, "`typing.Iterable` is a deprecated alias of `collections.abc.Iterable`"),
        E(1, 35, 1, 43, "`typing.Sequence` is a deprecated alias of `collections.abc.Sequence`"),
      ],
      output: "from typing import Any\nfrom collections.abc import Iterable, Sequence\n\ndef f(x: Iterable[Any]) -> Sequence[int]: ...\n",
    },
    {
      // A re-export marked for Ruff (`# noqa: F401`) is a use: the deprecation applies.
      code: "from collections.abc import Sized\nfrom typing import Callable as Fn  # noqa: F401\n",
      errors: [E(2, 20, 2, 34, "`typing.Callable` is a deprecated alias of `collections.abc.Callable`")],
      output: "from collections.abc import Sized, Callable as Fn\n",
    },
    {
      code: "import typing\n\ndef f(x: typing.Iterable[int]) -> None: ...\n",
      errors: [E(3, 10, 3, 25, "`typing.Iterable` is a deprecated alias of `collections.abc.Iterable`")],
      output: "import typing\nimport collections.abc\n\ndef f(x: collections.abc.Iterable[int]) -> None: ...\n",
    },
    {
      code: "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from typing import Any, Mapping\n\n    Table = Mapping[str, Any]\n",
      errors: [E(4, 29, 4, 36, "`typing.Mapping` is a deprecated alias of `collections.abc.Mapping`")],
      output: "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from typing import Any\n    from collections.abc import Mapping\n\n    Table = Mapping[str, Any]\n",
    },
    {
      code: "from typing import (\n    Any,\n    Iterator,\n    Optional,\n)\n\nRows = Iterator[Any]\n",
      errors: [E(3, 5, 3, 13, "`typing.Iterator` is a deprecated alias of `collections.abc.Iterator`")],
      output: "from typing import (\n    Any,\n    Optional,\n)\nfrom collections.abc import Iterator\n\nRows = Iterator[Any]\n",
    },
    {
      // A subscripted base: only typing's alias makes the class generic at runtime.
      code: "from typing import Mapping, TypeVar\n\nK = TypeVar(\"K\")\n\nclass Registry(Mapping[K, int]): ...\n",
      errors: [E(1, 20, 1, 27, "`typing.Mapping` is a deprecated alias of `collections.abc.Mapping`")],
      output: null,
      unsafeOutput: "from typing import TypeVar\nfrom collections.abc import Mapping\n\nK = TypeVar(\"K\")\n\nclass Registry(Mapping[K, int]): ...\n",
    },
  ],
});

currentRule = 'typing-abc-import';
typingRuleTester('typing-abc-import', {
  valid: ["from typing import Callable\n", "import typing\n\nf: typing.Callable[[], None]\n"],
  invalid: [
    {
      code: "from typing import Callable, Iterable\n\nItems = Iterable[Callable[[], int]]\n",
      errors: [E(1, 30, 1, 38, "`typing.Iterable` is a deprecated alias of `collections.abc.Iterable`")],
      output: "from typing import Callable\nfrom collections.abc import Iterable\n\nItems = Iterable[Callable[[], int]]\n",
    },
  ],
}, { targetVersion: [3, 9] });

currentRule = 'typing-abc-import';
typingRuleTester('typing-abc-import', {
  valid: ["from typing import Iterable, Mapping\n"],
  invalid: [],
}, { targetVersion: [3, 8] });

currentRule = 'future-annotations-required';
typingRuleTester('future-annotations-required', {
  valid: [
    "from __future__ import annotations\n\ndef f(x: list[int]) -> int | None: ...\n",
    "def f() -> None:\n    x: list[int] = []\n",
    "x: \"list[int]\" = []\n",
    "from typing import List, Optional\n\ndef f(x: List[int]) -> Optional[int]: ...\n",
    "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    def f(x: list[int]) -> None: ...\n",
    "from typing import Literal\n\nx: Literal[1, 2] = 1\n",
    "def f(x: list[int]) -> None: ...  # noqa: FA102\n",
  ],
  invalid: [
    {
      code: "def f(x: list[int]) -> None: ...\n",
      errors: [E(1, 10, 1, 19, "`list[int]` is evaluated at runtime and needs Python 3.9 (PEP 585 generic), but the target is Python 3.8")],
      output: null,
      unsafeOutput: "from __future__ import annotations\ndef f(x: list[int]) -> None: ...\n",
    },
    {
      code: "\"\"\"Doc.\"\"\"\nimport os\n\nx: int | None = None\n",
      errors: [E(4, 4, 4, 14, "`int | None` is evaluated at runtime and needs Python 3.10 (PEP 604 union), but the target is Python 3.8")],
      output: null,
      unsafeOutput: "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nimport os\n\nx: int | None = None\n",
    },
    {
      code: "from __future__ import division\n\nclass A:\n    items: dict[str, int] = {}\n",
      errors: [E(4, 12, 4, 26, "`dict[str, int]` is evaluated at runtime and needs Python 3.9 (PEP 585 generic), but the target is Python 3.8")],
      output: null,
      unsafeOutput: "from __future__ import division\nfrom __future__ import annotations\n\nclass A:\n    items: dict[str, int] = {}\n",
    },
    {
      // Two offending parts side by side: the finding covers the whole annotation.
      code: "from typing import Tuple\n\ndef f(x: Tuple[list[int], int | None]) -> None: ...\n",
      errors: [E(3, 10, 3, 38, "`Tuple[list[int], int | None]` is evaluated at runtime and needs Python 3.10 (PEP 604 union), but the target is Python 3.8")],
      output: null,
      unsafeOutput: "from __future__ import annotations\nfrom typing import Tuple\n\ndef f(x: Tuple[list[int], int | None]) -> None: ...\n",
    },
    {
      code: "import collections\n\ndef f() -> collections.deque[int] | None: ...\n",
      errors: [E(3, 12, 3, 41, "`collections.deque[int] | None` is evaluated at runtime and needs Python 3.10 (PEP 604 union), but the target is Python 3.8")],
      output: null,
      unsafeOutput: "from __future__ import annotations\nimport collections\n\ndef f() -> collections.deque[int] | None: ...\n",
    },
    {
      code: "x: list[int] = []\r\n",
      errors: [E(1, 4, 1, 13, "`list[int]` is evaluated at runtime and needs Python 3.9 (PEP 585 generic), but the target is Python 3.8")],
      output: null,
      unsafeOutput: "from __future__ import annotations\r\nx: list[int] = []\r\n",
    },
  ],
}, { targetVersion: [3, 8] });

currentRule = 'future-annotations-required';
typingRuleTester('future-annotations-required', {
  valid: ["def f(x: list[int]) -> dict[str, int]: ...\n"],
  invalid: [
    {
      code: "def f(x: list[int | None]) -> None: ...\n",
      errors: [E(1, 15, 1, 25, "`int | None` is evaluated at runtime and needs Python 3.10 (PEP 604 union), but the target is Python 3.9")],
      output: null,
      unsafeOutput: "from __future__ import annotations\ndef f(x: list[int | None]) -> None: ...\n",
    },
  ],
}, { targetVersion: [3, 9] });

currentRule = 'future-annotations-required';
typingRuleTester('future-annotations-required', {
  valid: [],
  invalid: [
    {
      // Python 3.6 has no `from __future__ import annotations`: a finding without a fix.
      code: "def f(x: list[int]) -> None: ...\n",
      errors: [E(1, 10, 1, 19, "`list[int]` is evaluated at runtime and needs Python 3.9 (PEP 585 generic), but the target is Python 3.6")],
      output: null,
    },
  ],
}, { targetVersion: [3, 6] });

currentRule = 'future-annotations-required';
typingRuleTester('future-annotations-required', {
  valid: ["def f(x: int | None = None) -> list[int]: ...\n", "class A:\n    items: dict[str, int | None] = {}\n"],
  invalid: [],
}, { targetVersion: [3, 12] });

// ---- typing-syntax: type comments and functional class forms ----

currentRule = 'type-comment';
typingRuleTester('type-comment', {
  valid: [
    "x = []  # type: ignore\n",
    "x = []  # type: ignore[assignment]\n",
    "mode = \"fast\"  # type: the kind of run, fast or slow\n",
    "a, b = 1, 2  # type: int, int\n",
    "# type: List[int]\nitems = []\n",
    "note = \"# type: int\"\n",
    "def f(a: int) -> int:\n    # type: of the result depends on a\n    return a\n",
  ],
  invalid: [
    {
      code: "x = []  # type: list[int]\n",
      errors: [E(1, 9, 1, 26, "Type comment `# type: list[int]` can be an annotation")],
      output: "x: list[int] = []\n",
    },
    {
      code: "def f(a, b=1):  # type: (str, int) -> bool\n    return True\n",
      errors: [E(1, 17, 1, 43, "Type comment `# type: (str, int) -> bool` can be an annotation")],
      output: "def f(a: str, b: int = 1) -> bool:\n    return True\n",
    },
    {
      code: "def f(\n    a,  # type: str\n):\n    # type: (...) -> None\n    pass\n",
      errors: [E(2, 9, 2, 20, "Type comment `# type: str` can be an annotation"), E(4, 5, 4, 26, "Type comment `# type: (...) -> None` can be an annotation")],
      output: "def f(\n    a: str,\n) -> None:\n    pass\n",
    },
    {
      code: "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from m import User\n\ndef f(u):  # type: (User) -> None\n    pass\n",
      errors: [E(6, 12, 6, 34, "Type comment `# type: (User) -> None` can be an annotation")],
      output: null,
      unsafeOutput: "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from m import User\n\ndef f(u: \"User\") -> None:\n    pass\n",
    },
    {
      code: "def f():\n    x = {}  # type: dict[str, int]\n    return x\n",
      errors: [E(2, 13, 2, 35, "Type comment `# type: dict[str, int]` can be an annotation")],
      output: "def f():\n    x: dict[str, int] = {}\n    return x\n",
    },
    {
      code: "for x in range(3):  # type: int\n    pass\n",
      errors: [E(1, 21, 1, 32, "Type comment `# type: int` can be an annotation")],
      output: null,
    },
    {
      code: "class A:\n    def m(self, n):  # type: (int) -> int\n        return n\n",
      errors: [E(2, 22, 2, 42, "Type comment `# type: (int) -> int` can be an annotation")],
      output: "class A:\n    def m(self, n: int) -> int:\n        return n\n",
    },
    {
      code: "y = 1  # type: int  # noqa: E501\n",
      errors: [E(1, 8, 1, 33, "Type comment `# type: int` can be an annotation")],
      output: "y: int = 1  # noqa: E501\n",
    },
  ],
});

currentRule = 'functional-typeddict';
typingRuleTester('functional-typeddict', {
  valid: [
    "from typing import TypedDict\n\nH = TypedDict(\"H\", {\"Content-Type\": str})\n",
    "from typing import TypedDict\n\nR = TypedDict(\"R\", {\"class\": str})\n",
    "from typing import TypedDict\n\nM = TypedDict(\"M\", {\"__secret\": str})\n",
    "from typing import TypedDict\n\n_P = TypedDict(\"P\", {\"name\": str})\n",
    "from typing import TypedDict\n\nfields = {\"a\": int}\nD = TypedDict(\"D\", fields)\n",
    "from typing import TypedDict\n\nfields = {\"a\": int}\nD = TypedDict(\"D\", {\"b\": str, **fields})\n",
    "from mypy_extensions import TypedDict\n\nL = TypedDict(\"L\", {\"name\": str})\n",
  ],
  invalid: [
    {
      code: "from typing import TypedDict\n\nMovie = TypedDict(\"Movie\", {\"title\": str, \"year\": int})\n",
      errors: [E(3, 1, 3, 6, "`Movie` is declared with the functional `TypedDict` form; a class declares the same keys")],
      output: "from typing import TypedDict\n\nclass Movie(TypedDict):\n    title: str\n    year: int\n",
    },
    {
      code: "from typing import TypedDict\n\nOpts = TypedDict(\"Opts\", {\"a\": int}, total=False)\n",
      errors: [E(3, 1, 3, 5, "`Opts` is declared with the functional `TypedDict` form; a class declares the same keys")],
      output: "from typing import TypedDict\n\nclass Opts(TypedDict, total=False):\n    a: int\n",
    },
    {
      code: "import typing\n\nE = typing.TypedDict(\"E\", {})\n",
      errors: [E(3, 1, 3, 2, "`E` is declared with the functional `typing.TypedDict` form; a class declares the same keys")],
      output: "import typing\n\nclass E(typing.TypedDict):\n    pass\n",
    },
    {
      code: "from typing_extensions import TypedDict\n\nP = TypedDict(\"P\", x=int, y=int)\n",
      errors: [E(3, 1, 3, 2, "`P` is declared with the functional `TypedDict` form; a class declares the same keys")],
      output: "from typing_extensions import TypedDict\n\nclass P(TypedDict):\n    x: int\n    y: int\n",
    },
    {
      code: "from typing import TypedDict\n\ndef f():\n    R = TypedDict(\"R\", {\"id\": int})\n    return R\n",
      errors: [E(4, 5, 4, 6, "`R` is declared with the functional `TypedDict` form; a class declares the same keys")],
      output: null,
      unsafeOutput: "from typing import TypedDict\n\ndef f():\n    class R(TypedDict):\n        id: int\n    return R\n",
    },
    {
      code: "from __future__ import annotations\nfrom typing import TypedDict\n\nM = TypedDict(\"M\", {\"t\": str})\n",
      errors: [E(4, 1, 4, 2, "`M` is declared with the functional `TypedDict` form; a class declares the same keys")],
      output: null,
      unsafeOutput: "from __future__ import annotations\nfrom typing import TypedDict\n\nclass M(TypedDict):\n    t: str\n",
    },
    {
      code: "from typing import TypedDict\n\nM = TypedDict(\"M\", {\n    \"t\": str,  # title\n})\n",
      errors: [E(3, 1, 3, 2, "`M` is declared with the functional `TypedDict` form; a class declares the same keys")],
      output: null,
    },
  ],
});

currentRule = 'functional-namedtuple';
typingRuleTester('functional-namedtuple', {
  valid: [
    "from typing import NamedTuple\n\nP = NamedTuple(\"P\", [(\"_cache\", dict)])\n",
    "from typing import NamedTuple\n\nR = NamedTuple(\"R\", [(\"from\", str)])\n",
    "from typing import NamedTuple\n\n_A = NamedTuple(\"A\", [(\"name\", str)])\n",
    "from typing import NamedTuple\n\nfields = [(\"a\", int)]\nD = NamedTuple(\"D\", fields)\n",
    "from typing import NamedTuple\n\nW = NamedTuple(\"W\", [(\"name\", str)], defaults=[\"x\"])\n",
    "from collections import namedtuple\n\nU = namedtuple(\"U\", [\"x\", \"y\"])\n",
  ],
  invalid: [
    {
      code: "from typing import NamedTuple\n\nPoint = NamedTuple(\"Point\", [(\"x\", float), (\"y\", float)])\n",
      errors: [E(3, 1, 3, 6, "`Point` is declared with the functional `NamedTuple` form; a class declares the same fields")],
      output: "from typing import NamedTuple\n\nclass Point(NamedTuple):\n    x: float\n    y: float\n",
    },
    {
      code: "import typing\n\nS = typing.NamedTuple(\"S\", ((\"w\", int),))\n",
      errors: [E(3, 1, 3, 2, "`S` is declared with the functional `typing.NamedTuple` form; a class declares the same fields")],
      output: "import typing\n\nclass S(typing.NamedTuple):\n    w: int\n",
    },
    {
      code: "from typing import NamedTuple\n\nC = NamedTuple(\"C\", r=int, g=int)\n",
      errors: [E(3, 1, 3, 2, "`C` is declared with the functional `NamedTuple` form; a class declares the same fields")],
      output: "from typing import NamedTuple\n\nclass C(NamedTuple):\n    r: int\n    g: int\n",
    },
    {
      code: "from typing import NamedTuple\n\nN = NamedTuple(\"N\", [])\n",
      errors: [E(3, 1, 3, 2, "`N` is declared with the functional `NamedTuple` form; a class declares the same fields")],
      output: "from typing import NamedTuple\n\nclass N(NamedTuple):\n    pass\n",
    },
    {
      code: "from typing import NamedTuple\n\ndef f():\n    R = NamedTuple(\"R\", [(\"id\", int)])\n    return R\n",
      errors: [E(4, 5, 4, 6, "`R` is declared with the functional `NamedTuple` form; a class declares the same fields")],
      output: null,
      unsafeOutput: "from typing import NamedTuple\n\ndef f():\n    class R(NamedTuple):\n        id: int\n    return R\n",
    },
    {
      code: "from typing import NamedTuple\n\nclass A:\n    R = NamedTuple(\"R\", [(\"id\", int)])\n",
      errors: [E(4, 5, 4, 6, "`R` is declared with the functional `NamedTuple` form; a class declares the same fields")],
      output: null,
    },
  ],
});
