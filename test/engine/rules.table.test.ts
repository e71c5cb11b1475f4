// Rule tables: valid / invalid snippets per rule with exact 1-based positions, messages and
// fix output (see rule-tester.ts for the conventions).
import assert from 'node:assert/strict';
import { duplicateCases, ruleTester } from './rule-tester';

const SLEEP = 'blocking-sleep-in-async';
const sleepMessage = (callee: string, fn: string) => `\`${callee}()\` blocks the event loop inside coroutine \`${fn}\``;

ruleTester(SLEEP, {
  valid: [
    // A sync def is not a coroutine.
    'import time\n\ndef f():\n    time.sleep(1)\n',
    // A nested sync def, a lambda or a class body stops the async context.
    'import time\n\nasync def f():\n    def g():\n        time.sleep(1)\n',
    'import time\n\nasync def f():\n    cb = lambda: time.sleep(1)\n',
    'import time\n\nasync def f():\n    class C:\n        time.sleep(1)\n',
    'import time\n\nasync def outer():\n    async def inner():\n        pass\n    def sync():\n        time.sleep(1)\n',
    // Passing time.sleep along is not calling it.
    'import asyncio\nimport time\n\nasync def f():\n    await asyncio.to_thread(time.sleep, 1)\n',
    'import time\n\nasync def f():\n    time.time()\n    return time.sleep\n',
    // Shadowing: a parameter, an assignment, a local def.
    'import time\n\nasync def f(time):\n    time.sleep(1)\n',
    'import time\n\nasync def f():\n    time = Clock()\n    time.sleep(1)\n',
    'from time import sleep\n\nasync def f():\n    def sleep(x):\n        return x\n    sleep(1)\n',
    // Two imports bind `sleep` to different things: unknown, so silent.
    'from time import sleep\nfrom asyncio import sleep\n\nasync def f():\n    sleep(1)\n',
    // Not imported at all.
    'async def f():\n    time.sleep(1)\n',
    // Decorators and default values run in the enclosing (module) scope.
    'import time\n\n@retry(time.sleep(0))\nasync def f():\n    pass\n',
    'import time\n\nasync def f(delay=time.sleep(0)):\n    pass\n',
    // Text that only looks like code.
    'import time\n\nasync def f():\n    s = "time.sleep(1)"\n    # time.sleep(1)\n',
    // Suppressed.
    'import time\n\nasync def f():\n    time.sleep(1)  # pymodern: ignore[blocking-sleep-in-async]\n',
    'import time\n\nasync def f():\n    time.sleep(1)  # noqa: ASYNC251\n',
  ],
  invalid: [
    {
      code: 'import time\n\nasync def fetch():\n    time.sleep(1)\n',
      errors: [{ rule: SLEEP, line: 4, column: 5, endLine: 4, endColumn: 18, message: sleepMessage('time.sleep', 'fetch') }],
      output: 'import time\nimport asyncio\n\nasync def fetch():\n    await asyncio.sleep(1)\n',
    },
    {
      code: 'import asyncio\nimport time as t\n\nasync def fetch():\n    t.sleep(0.5)\n',
      errors: [{ rule: SLEEP, line: 5, column: 5, endLine: 5, endColumn: 17, message: sleepMessage('t.sleep', 'fetch') }],
      output: 'import asyncio\nimport time as t\n\nasync def fetch():\n    await asyncio.sleep(0.5)\n',
    },
    {
      code: 'import asyncio as aio\nfrom time import sleep as zz\n\nasync def fetch():\n    zz(2)\n',
      errors: [{ rule: SLEEP, line: 5, column: 5, endLine: 5, endColumn: 10, message: sleepMessage('zz', 'fetch') }],
      output: 'import asyncio as aio\nfrom time import sleep as zz\n\nasync def fetch():\n    await aio.sleep(2)\n',
    },
    {
      // Two findings share one `import asyncio` edit.
      code: 'import time\n\nclass Client:\n    async def run(self):\n        async with self.lock:\n            time.sleep(1)\n        async for item in self.items():\n            time.sleep(2)\n',
      errors: [
        { rule: SLEEP, line: 6, column: 13, endLine: 6, endColumn: 26, message: sleepMessage('time.sleep', 'run') },
        { rule: SLEEP, line: 8, column: 13, endLine: 8, endColumn: 26, message: sleepMessage('time.sleep', 'run') },
      ],
      output:
        'import time\nimport asyncio\n\nclass Client:\n    async def run(self):\n        async with self.lock:\n            await asyncio.sleep(1)\n        async for item in self.items():\n            await asyncio.sleep(2)\n',
    },
    {
      // `await` binds looser than `.attr`: the fix adds brackets.
      code: 'import time\n\nasync def f():\n    return time.sleep(1).real\n',
      errors: [{ rule: SLEEP, line: 4, column: 12, endLine: 4, endColumn: 25, message: sleepMessage('time.sleep', 'f') }],
      output: 'import time\nimport asyncio\n\nasync def f():\n    return (await asyncio.sleep(1)).real\n',
    },
    {
      // trio's loop cannot run asyncio.sleep: the fix uses trio's own.
      code: 'import time\nimport trio\n\nasync def f():\n    time.sleep(1)\n',
      errors: [{ rule: SLEEP, line: 5, column: 5, endLine: 5, endColumn: 18, message: sleepMessage('time.sleep', 'f') }],
      output: 'import time\nimport trio\n\nasync def f():\n    await trio.sleep(1)\n',
    },
    {
      // anyio runs on asyncio and trio alike: anyio.sleep.
      code: 'import time\nfrom anyio import sleep as asleep\n\nasync def f():\n    time.sleep(1)\n    await asleep(1)\n',
      errors: [{ rule: SLEEP, line: 5, column: 5, endLine: 5, endColumn: 18, message: sleepMessage('time.sleep', 'f') }],
      output: 'import time\nfrom anyio import sleep as asleep\nimport anyio\n\nasync def f():\n    await anyio.sleep(1)\n    await asleep(1)\n',
    },
    {
      // A file that mixes trio and asyncio: no way to know which loop runs it, so no fix.
      code: 'import asyncio\nimport time\nimport trio\n\nasync def f():\n    time.sleep(1)\n',
      errors: [{ rule: SLEEP, line: 6, column: 5, endLine: 6, endColumn: 18, message: sleepMessage('time.sleep', 'f') }],
      output: null,
    },
    {
      // In a generator expression `await` would make an async generator: no fix.
      code: 'import time\n\nasync def f(xs):\n    return sum(time.sleep(x) or 1 for x in xs)\n',
      errors: [{ rule: SLEEP, line: 4, column: 16, endLine: 4, endColumn: 29, message: sleepMessage('time.sleep', 'f') }],
      output: null,
    },
    {
      // An async generator; an emoji (two UTF-16 units) earlier on the line.
      code: 'import time\n\nasync def ticks():\n    s = "😀"; time.sleep(1)\n    yield s\n',
      errors: [{ rule: SLEEP, line: 4, column: 15, endLine: 4, endColumn: 28, message: sleepMessage('time.sleep', 'ticks') }],
      output: 'import time\nimport asyncio\n\nasync def ticks():\n    s = "😀"; await asyncio.sleep(1)\n    yield s\n',
    },
    {
      code: 'import time\n\nasync def f():\n    time.sleep(\n        1,\n    )\n',
      errors: [{ rule: SLEEP, line: 4, column: 5, endLine: 6, endColumn: 6, message: sleepMessage('time.sleep', 'f') }],
      output: 'import time\nimport asyncio\n\nasync def f():\n    await asyncio.sleep(\n        1,\n    )\n',
    },
    {
      // An async def nested in a sync def is a coroutine again.
      code: 'from time import sleep\n\ndef make():\n    async def handler():\n        sleep(1)\n    return handler\n',
      errors: [{ rule: SLEEP, line: 5, column: 9, endLine: 5, endColumn: 17, message: sleepMessage('sleep', 'handler') }],
      output: 'from time import sleep\nimport asyncio\n\ndef make():\n    async def handler():\n        await asyncio.sleep(1)\n    return handler\n',
    },
    {
      // A noqa for another code does not silence it.
      code: 'import time\n\nasync def f():\n    time.sleep(1)  # noqa: E501\n',
      errors: [{ rule: SLEEP, line: 4, column: 5, endLine: 4, endColumn: 18, message: sleepMessage('time.sleep', 'f') }],
      output: 'import time\nimport asyncio\n\nasync def f():\n    await asyncio.sleep(1)  # noqa: E501\n',
    },
    {
      // A function-local import; no top-level import to follow, so `import asyncio` goes first.
      code: 'async def f():\n    import time\n    time.sleep(1)\n',
      errors: [{ rule: SLEEP, line: 3, column: 5, endLine: 3, endColumn: 18, message: sleepMessage('time.sleep', 'f') }],
      output: 'import asyncio\nasync def f():\n    import time\n    await asyncio.sleep(1)\n',
    },
    {
      // The decorated coroutine itself, and a method of a class.
      code: 'import time\n\n@app.get("/")\nasync def index():\n    time.sleep(1)\n',
      errors: [{ rule: SLEEP, line: 5, column: 5, endLine: 5, endColumn: 18, message: sleepMessage('time.sleep', 'index') }],
      output: 'import time\nimport asyncio\n\n@app.get("/")\nasync def index():\n    await asyncio.sleep(1)\n',
    },
  ],
});

const CSV = 'pandas-read-csv';
const csvMessage = (callee: string) =>
  `\`${callee}()\` parses the whole CSV eagerly on one core; polars \`scan_csv\` or DuckDB can read it lazily in parallel`;

ruleTester(CSV, {
  valid: [
    'import polars as pl\n\ndf = pl.read_csv("a.csv")\n',
    'from polars import read_csv\n\ndf = read_csv("a.csv")\n',
    // pandas is never imported.
    'df = pd.read_csv("a.csv")\n',
    // Shadowed by a parameter and by a local assignment.
    'import pandas as pd\n\ndef load(pd):\n    return pd.read_csv("a.csv")\n',
    'import pandas as pd\n\ndef load():\n    pd = connect()\n    return pd.read_csv("a.csv")\n',
    // A local object's method.
    'import pandas as pd\n\nclass Loader:\n    def read_csv(self, path):\n        return path\n\nLoader().read_csv("a.csv")\n',
    'import pandas as pd\n\ndf = pd.read_parquet("a.parquet")\n',
    // Referenced, not called.
    'import pandas as pd\n\nreader = pd.read_csv\n',
    // A relative import is the project\'s own module.
    'from . import pandas\n\npandas.read_csv("a.csv")\n',
    'import pandas as pd\n\ndf = pd.read_csv("a.csv")  # pymodern: ignore\n',
  ],
  invalid: [
    {
      code: 'import pandas as pd\n\ndf = pd.read_csv("sales.csv")\n',
      errors: [{ rule: CSV, line: 3, column: 6, endLine: 3, endColumn: 30, message: csvMessage('pd.read_csv') }],
      output: null,
    },
    {
      code: 'import pandas\n\ndf = pandas.read_csv(path, sep=";")\n',
      errors: [{ rule: CSV, line: 3, column: 6, endLine: 3, endColumn: 36, message: csvMessage('pandas.read_csv') }],
      output: null,
    },
    {
      code: 'from pandas import read_csv\n\ndef load(path):\n    return read_csv(path)\n',
      errors: [{ rule: CSV, line: 4, column: 12, endLine: 4, endColumn: 26, message: csvMessage('read_csv') }],
      output: null,
    },
    {
      code: 'from pandas import read_csv as rc\n\nframe = rc("x.csv")\n',
      errors: [{ rule: CSV, line: 3, column: 9, endLine: 3, endColumn: 20, message: csvMessage('rc') }],
      output: null,
    },
    {
      code: 'import pandas as pd\n\nframe = pd.read_csv(\n    "x.csv",\n    sep=";",\n)\n',
      errors: [{ rule: CSV, line: 3, column: 9, endLine: 6, endColumn: 2, message: csvMessage('pd.read_csv') }],
      output: null,
    },
    {
      code: 'def load():\n    import pandas as pd\n    return pd.read_csv("x.csv")\n',
      errors: [{ rule: CSV, line: 3, column: 12, endLine: 3, endColumn: 32, message: csvMessage('pd.read_csv') }],
      output: null,
    },
    {
      code: 'import pandas as pd\n\ntotal = pd.read_csv("x.csv").amount.sum()\n',
      errors: [{ rule: CSV, line: 3, column: 9, endLine: 3, endColumn: 29, message: csvMessage('pd.read_csv') }],
      output: null,
    },
    {
      code: 'import pandas as pd\n\na, b = pd.read_csv("a.csv"), pd.read_csv("b.csv")\n',
      errors: [
        { rule: CSV, line: 3, column: 8, endLine: 3, endColumn: 28, message: csvMessage('pd.read_csv') },
        { rule: CSV, line: 3, column: 30, endLine: 3, endColumn: 50, message: csvMessage('pd.read_csv') },
      ],
      output: null,
    },
  ],
});

const ANN = 'missing-return-annotation';
const annMessage = (kind: 'function' | 'method', name: string) => `Public ${kind} \`${name}\` has no return type annotation`;

ruleTester(ANN, {
  valid: [
    'def f() -> None:\n    pass\n',
    'async def f() -> int:\n    return 1\n',
    "def f() -> 'Thing':\n    ...\n",
    'def _private():\n    pass\n',
    'class A:\n    def __init__(self):\n        pass\n\n    def _hidden(self):\n        return 1\n',
    'def outer() -> None:\n    def inner():\n        pass\n',
    'f = lambda: 1\n',
    'def f():  # pymodern: ignore[missing-return-annotation]\n    pass\n',
    'def f():  # noqa: ANN201\n    pass\n',
  ],
  invalid: [
    {
      code: 'def configure(settings):\n    print(settings)\n',
      errors: [{ rule: ANN, line: 1, column: 5, endLine: 1, endColumn: 14, message: annMessage('function', 'configure') }],
      output: 'def configure(settings) -> None:\n    print(settings)\n',
    },
    {
      // Returns a value: no `-> None`.
      code: 'def get(x):\n    return x\n',
      errors: [{ rule: ANN, line: 1, column: 5, endLine: 1, endColumn: 8, message: annMessage('function', 'get') }],
      output: null,
    },
    {
      code: 'class A:\n    def run(self):\n        return None\n',
      errors: [{ rule: ANN, line: 2, column: 9, endLine: 2, endColumn: 12, message: annMessage('method', 'run') }],
      output: 'class A:\n    def run(self) -> None:\n        return None\n',
    },
    {
      code: 'def gen():\n    yield 1\n',
      errors: [{ rule: ANN, line: 1, column: 5, endLine: 1, endColumn: 8, message: annMessage('function', 'gen') }],
      output: null,
    },
    {
      code: 'def stub(): ...\n',
      errors: [{ rule: ANN, line: 1, column: 5, endLine: 1, endColumn: 9, message: annMessage('function', 'stub') }],
      output: null,
    },
    {
      code: 'import abc\n\nclass A(abc.ABC):\n    @abc.abstractmethod\n    def run(self):\n        pass\n',
      errors: [{ rule: ANN, line: 5, column: 9, endLine: 5, endColumn: 12, message: annMessage('method', 'run') }],
      output: null,
    },
    {
      code: 'from typing import overload\n\n@overload\ndef f(x: int): ...\n',
      errors: [{ rule: ANN, line: 4, column: 5, endLine: 4, endColumn: 6, message: annMessage('function', 'f') }],
      output: null,
    },
    {
      code: 'def fail():\n    raise ValueError("not yet")\n',
      errors: [{ rule: ANN, line: 1, column: 5, endLine: 1, endColumn: 9, message: annMessage('function', 'fail') }],
      output: null,
    },
    {
      code: 'async def main():\n    await run()\n',
      errors: [{ rule: ANN, line: 1, column: 11, endLine: 1, endColumn: 15, message: annMessage('function', 'main') }],
      output: 'async def main() -> None:\n    await run()\n',
    },
    {
      // The nested function's return is its own.
      code: 'def outer():\n    def inner():\n        return 1\n    inner()\n',
      errors: [{ rule: ANN, line: 1, column: 5, endLine: 1, endColumn: 10, message: annMessage('function', 'outer') }],
      output: 'def outer() -> None:\n    def inner():\n        return 1\n    inner()\n',
    },
    {
      code: 'def f(\n    a,\n    b,\n):\n    print(a, b)\n',
      errors: [{ rule: ANN, line: 1, column: 5, endLine: 1, endColumn: 6, message: annMessage('function', 'f') }],
      output: 'def f(\n    a,\n    b,\n) -> None:\n    print(a, b)\n',
    },
    {
      code: 'def a():\n    pass\n\ndef b():\n    return 1\n',
      errors: [
        { rule: ANN, line: 1, column: 5, endLine: 1, endColumn: 6, message: annMessage('function', 'a') },
        { rule: ANN, line: 4, column: 5, endLine: 4, endColumn: 6, message: annMessage('function', 'b') },
      ],
      output: 'def a() -> None:\n    pass\n\ndef b():\n    return 1\n',
    },
    {
      // CJK identifiers are one UTF-16 unit each.
      code: 'def 数据(值):\n    print(值)\n',
      errors: [{ rule: ANN, line: 1, column: 5, endLine: 1, endColumn: 7, message: annMessage('function', '数据') }],
      output: 'def 数据(值) -> None:\n    print(值)\n',
    },
  ],
});

describe('rule tester', () => {
  it('rejects duplicate cases across valid and invalid', () => {
    const invalid = [{ code: 'b\n', errors: [], output: null }, { code: 'a\n', errors: [], output: null }];
    assert.deepEqual(duplicateCases({ valid: ['a\n', 'c\n', 'c\n'], invalid }), ['c\n', 'a\n']);
    assert.deepEqual(duplicateCases({ valid: ['a\n'], invalid: [{ code: 'b\n', errors: [], output: null }] }), []);
  });
});
