// The modern family's version rules: outdated-version-block (UP036), import-fallback and
// try-except-in-loop (PERF203), each on the default target (3.10) and at the targets that
// gate them, with exact ranges, messages, peers and the text after fix-all.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import type { PythonVersion } from '../../../src/engine/types';
import { getEngine } from '../../helpers/engine';
import { pythonSyntaxError } from '../../helpers/fixtures';
import { ruleTester } from '../rule-tester';

const BLOCK = 'outdated-version-block';
const E = (rule: string, line: number, column: number, endLine: number, endColumn: number, message: string) => ({ rule, line, column, endLine, endColumn, message });
const dead = (test: string, version = '3.10') => `\`${test}\` is always false at target Python ${version}: this branch is dead`;
const live = (test: string, followed: boolean, version = '3.10') =>
  `\`${test}\` is always true at target Python ${version}: ${followed ? 'the branches after it are dead' : 'the test is outdated'}`;

let engine: Engine;
before(async () => {
  engine = await getEngine();
});

function run(rule: string, code: string, targetVersion?: PythonVersion) {
  const config = { select: [rule], ...(targetVersion ? { targetVersion } : {}) };
  const findings = engine.analyzeText(code, config);
  const text = engine.fixAll(code, config, { unsafe: true, rules: new Set([rule]) }).text;
  return { findings, text };
}

function assertUnsafeFix(rule: string, code: string, expected: string, targetVersion?: PythonVersion) {
  const { text } = run(rule, code, targetVersion);
  assert.equal(text, expected);
  assert.equal(pythonSyntaxError(text), null);
  assert.equal(run(rule, text, targetVersion).text, text, 'a second fix-all changed the text');
}

// The UP036 fixes are unsafe (they delete code): nothing changes under safe fix-all.
ruleTester(BLOCK, {
  valid: [
    'import sys\nif sys.version_info >= (3, 11):\n    import tomllib\n',
    'import sys\nif sys.version_info <= (3, 10):\n    pass\n',
    'import sys\nif sys.version_info > (3, 10):\n    pass\n',
    'import sys\nif sys.version_info < (3, 10, 2):\n    pass\n',
    'import sys\nPY2 = sys.version_info[0] == 2\n',
    'import sys\nx = 1 if sys.version_info < (3,) else 2\n',
    'import sys\nif sys.version_info[1] == 3:\n    pass\n',
    'import sys\nif sys.version_info >= (3, "6"):\n    pass\n',
    'import sys\nif sys.version_info[0] == 4:\n    pass\n',
    'class sys:\n    version_info = (2, 7)\n\nif sys.version_info < (3,):\n    pass\n',
    'import six\nif six.PY2:\n    pass\n',
  ],
  invalid: [
    {
      code: 'import sys\nif sys.version_info < (3, 0):\n    a = 2\nelse:\n    a = 3\n',
      errors: [E(BLOCK, 2, 4, 2, 29, dead('sys.version_info < (3, 0)'))],
      output: null,
    },
    {
      code: 'import sys\nif sys.version_info >= (3, 6):\n    a = 3\nelse:\n    a = 2\n',
      errors: [E(BLOCK, 2, 4, 2, 30, live('sys.version_info >= (3, 6)', true))],
      output: null,
    },
    {
      code: 'from sys import version_info\nif version_info[:2] <= (3, 9):\n    pass\n',
      errors: [E(BLOCK, 2, 4, 2, 30, dead('version_info[:2] <= (3, 9)'))],
      output: null,
    },
    {
      code: 'import sys\nif sys.version_info.major >= 3:\n    pass\n',
      errors: [E(BLOCK, 2, 4, 2, 31, live('sys.version_info.major >= 3', false))],
      output: null,
    },
    {
      code: 'import sys as _sys\nif _sys.version_info[0] != 3:\n    pass\n',
      errors: [E(BLOCK, 2, 4, 2, 29, dead('_sys.version_info[0] != 3'))],
      output: null,
    },
    {
      code: 'import sys\nif sys.version_info < (3, 10, 0):\n    pass\nelif sys.version_info < (3, 13, 100000):\n    pass\n',
      errors: [
        E(BLOCK, 2, 4, 2, 33, dead('sys.version_info < (3, 10, 0)')),
        E(BLOCK, 4, 25, 4, 40, '`(3, 13, 100000)` is not a valid Python version'),
      ],
      output: null,
    },
    {
      code: 'import sys\nif x:\n    pass\nelif sys.version_info > (3,):\n    pass\nelse:\n    pass\n',
      errors: [E(BLOCK, 4, 6, 4, 29, live('sys.version_info > (3,)', true))],
      output: null,
    },
  ],
});

describe('outdated-version-block: the fixes (unsafe) and the target gate', () => {
  it('keeps the live branch dedented, deleting the test', () => {
    assertUnsafeFix(BLOCK, 'import sys\nif True:\n    if sys.version_info < (3, 0):\n        a = 2\n    else:\n        a = 3\n        b = a\n', 'import sys\nif True:\n    a = 3\n    b = a\n');
    assertUnsafeFix(BLOCK, 'import sys\nif sys.version_info > (3, 0): a = 3\nelse: a = 2\n', 'import sys\na = 3\n');
  });

  it('turns the next `elif` into the `if`, and an always-true `elif` into the `else`', () => {
    assertUnsafeFix(BLOCK, 'import sys\nif sys.version_info < (3, 8):\n    a = 1\nelif x:\n    a = 2\n', 'import sys\nif x:\n    a = 2\n');
    assertUnsafeFix(BLOCK, 'import sys\nif x:\n    a = 1\nelif sys.version_info >= (3, 6):\n    a = 2\nelse:\n    a = 3\n', 'import sys\nif x:\n    a = 1\nelse:\n    a = 2\n');
    assertUnsafeFix(BLOCK, 'import sys\nif x:\n    a = 1\nelif sys.version_info < (3, 6):\n    a = 2\ny = 3\n', 'import sys\nif x:\n    a = 1\ny = 3\n');
  });

  it('deletes a lone dead `if`, leaving `pass` where the block would be empty', () => {
    assertUnsafeFix(BLOCK, 'import sys\nif sys.version_info < (3, 0):\n    reload(sys)\nx = 1\n', 'import sys\nx = 1\n');
    assertUnsafeFix(BLOCK, 'import sys\ndef f():\n    if sys.version_info < (3, 0):\n        return 2\n', 'import sys\ndef f():\n    pass\n');
  });

  it('leaves the lines of a multi-line string as they are', () => {
    const code = 'import sys\nif sys.version_info >= (3, 0):\n    def f():\n        """Doc.\n\n    kept\n        """\n';
    assertUnsafeFix(BLOCK, code, 'import sys\ndef f():\n    """Doc.\n\n    kept\n        """\n');
  });

  it('is decided by the target: `< (3, 8)` is dead at 3.8, `>= (3, 9)` is not; `< (3, 11)` is at 3.11', () => {
    const code = 'import sys\nif sys.version_info < (3, 8):\n    pass\nif sys.version_info >= (3, 9):\n    pass\nif sys.version_info < (3, 11):\n    pass\n';
    const lines = (target: PythonVersion) => run(BLOCK, code, target).findings.map((f) => f.range.start.line + 1);
    assert.deepEqual(lines([3, 8]), [2]);
    assert.deepEqual(lines([3, 10]), [2, 4]);
    assert.deepEqual(lines([3, 11]), [2, 4, 6]);
    assert.deepEqual(run(BLOCK, code, [3, 8]).findings.map((f) => f.message), [dead('sys.version_info < (3, 8)', '3.8')]);
  });

  it('reads `sys.version_info == 3` as Ruff reports it, but keeps the branch that runs (a tuple never equals an int)', () => {
    const code = 'import sys\nif sys.version_info == 3:\n    a = 3\nelse:\n    a = 2\n';
    assert.deepEqual(run(BLOCK, code).findings.map((f) => f.message), [
      '`sys.version_info == 3` is always false: a version tuple never equals an int (compare `sys.version_info[0]`)',
    ]);
    assertUnsafeFix(BLOCK, code, 'import sys\na = 2\n');
    assertUnsafeFix(BLOCK, 'import sys\nif sys.version_info != 2:\n    a = 3\n', 'import sys\na = 3\n');
  });

  it('names UP036 as the peer of every finding', () => {
    const findings = run(BLOCK, 'import sys\nif sys.version_info[0] == 2:\n    pass\nif sys.version_info < (3, 300):\n    pass\n').findings;
    assert.deepEqual(findings.map((f) => f.peer), ['UP036', 'UP036']);
  });
});

const LOOP = 'try-except-in-loop';
const perLoop = (loop: string, version = '3.10') => `\`try\`/\`except\` inside a \`${loop}\` loop sets up the handler on every iteration at target Python ${version}`;

ruleTester(LOOP, {
  valid: [
    'try:\n    for x in xs:\n        f(x)\nexcept ValueError:\n    pass\n',
    'for x in xs:\n    try:\n        f(x)\n        break\n    except ValueError:\n        pass\n',
    'for x in xs:\n    try:\n        if x:\n            continue\n    except ValueError:\n        pass\n',
    'for x in xs:\n    try:\n        f(x)\n    except ValueError:\n        pass\n    g(x)\n',
    'for x in xs:\n    try:\n        f(x)\n    finally:\n        g(x)\n',
    'async def main():\n    async for x in xs:\n        try:\n            f(x)\n        except ValueError:\n            pass\n',
    'for x in xs:\n    if x:\n        try:\n            f(x)\n        except ValueError:\n            pass\n',
  ],
  invalid: [
    {
      code: 'for x in xs:\n    try:\n        f(x)\n    except ValueError:\n        pass\n',
      errors: [E(LOOP, 4, 5, 5, 13, perLoop('for'))],
      output: null,
    },
    {
      code: 'while True:\n    try:\n        f()\n    except (KeyError, IndexError) as e:\n        log(e)\n    except Exception:\n        raise\n',
      errors: [E(LOOP, 4, 5, 5, 15, perLoop('while'))],
      output: null,
    },
    {
      code: 'for x in xs:\n    # each item\n    try:\n        f(x)\n    except ValueError:\n        pass\n    else:\n        g(x)\n',
      errors: [E(LOOP, 5, 5, 6, 13, perLoop('for'))],
      output: null,
    },
    {
      code: 'for x in xs:\n    try: f(x)\n    except ValueError: pass  # ignore\n',
      errors: [E(LOOP, 3, 5, 3, 28, perLoop('for'))],
      output: null,
    },
    {
      // A `break` in a nested def is not the loop's.
      code: 'for x in xs:\n    try:\n        def g():\n            return x\n    except NameError:\n        pass\n',
      errors: [E(LOOP, 5, 5, 6, 13, perLoop('for'))],
      output: null,
    },
    {
      code: 'def f(xs):\n    for x in xs:\n        try:\n            yield int(x)\n        except ValueError:\n            continue\n',
      errors: [E(LOOP, 5, 9, 6, 21, perLoop('for'))],
      output: null,
    },
  ],
});

describe('try-except-in-loop: the 3.11 gate and the peer', () => {
  const code = 'for x in xs:\n    try:\n        f(x)\n    except ValueError:\n        pass\n';
  it('reports below 3.11 only (zero-cost exceptions from 3.11)', () => {
    assert.deepEqual(run(LOOP, code, [3, 8]).findings.map((f) => f.message), [perLoop('for', '3.8')]);
    assert.equal(run(LOOP, code, [3, 10]).findings.length, 1);
    assert.deepEqual(run(LOOP, code, [3, 11]).findings, []);
    assert.deepEqual(run(LOOP, code, [3, 12]).findings, []);
  });

  it('names PERF203, offers no fix, and teaches the upgrade in the suggestion', () => {
    const [finding] = run(LOOP, code, [3, 9]).findings;
    assert.equal(finding.peer, 'PERF203');
    assert.deepEqual(finding.fixes, []);
    assert.match(finding.suggestion ?? '', /Python 3\.11\+/);
    assert.match(engine.rule(LOOP)!.note, /zero-cost/);
  });
});

const FALLBACK = 'import-fallback';
const always = (stdlib: string, since: string, fallback: string, version = '3.10') =>
  `\`${stdlib}\` is always importable at target Python ${version} (${since}): the \`${fallback}\` fallback never runs`;

ruleTester(FALLBACK, {
  valid: [
    'try:\n    import tomllib\nexcept ImportError:\n    import tomli as tomllib\n',
    'try:\n    from contextlib import nullcontext\nexcept ImportError:\n    nullcontext = None\n',
    'try:\n    import importlib.metadata as md\nexcept (ImportError, AttributeError):\n    import importlib_metadata as md\n',
    'try:\n    import importlib.metadata as md\nexcept:\n    import importlib_metadata as md\n',
    'try:\n    import importlib.metadata\nexcept ImportError:\n    import importlib_metadata\n',
    'try:\n    import zoneinfo\nexcept ImportError:\n    from backports import zoneinfo\nfinally:\n    pass\n',
    'try:\n    import simplejson as json\nexcept ImportError:\n    import json\n',
    'try:\n    from functools import singledispatchmethod\nexcept ImportError:\n    from singledispatchmethod import singledispatchmethod\n',
    'ImportError = KeyError\ntry:\n    import pickle\nexcept ImportError:\n    import cPickle as pickle\n',
    // A name newer than the module (3.12), a private name, a typing fallback (the typing family's).
    'try:\n    from collections.abc import Buffer\nexcept ImportError:\n    from collections_abc_backport import Buffer\n',
    'try:\n    from _thread import _local as local\nexcept ImportError:\n    from _threading_local import local\n',
    'try:\n    from typing import Protocol\nexcept ImportError:\n    from typing_extensions import Protocol\n',
  ],
  invalid: [
    {
      code: 'try:\n    import importlib.metadata as importlib_metadata\nexcept ImportError:\n    import importlib_metadata\n',
      errors: [E(FALLBACK, 4, 5, 4, 30, always('importlib.metadata', 'since 3.8', 'importlib_metadata'))],
      output: 'import importlib.metadata as importlib_metadata\n',
    },
    {
      code: 'try:\n    import cPickle as pickle\nexcept ImportError:\n    import pickle\n',
      errors: [E(FALLBACK, 2, 5, 2, 29, '`cPickle` is Python 2 only: the import always fails, and `pickle` is what runs')],
      output: 'import pickle\n',
    },
    {
      code: 'def f():\n    try:\n        from urllib.parse import quote\n    except ImportError:  # Python 2\n        from urllib import quote\n    return quote\n',
      errors: [E(FALLBACK, 5, 9, 5, 33, always('urllib.parse', 'a Python 3 module', 'urllib'))],
      output: 'def f():\n    from urllib.parse import quote\n    return quote\n',
    },
    {
      code: 'try:\n    from zoneinfo import ZoneInfo\nexcept (ImportError, ModuleNotFoundError) as error:\n    from backports.zoneinfo import ZoneInfo\n',
      errors: [E(FALLBACK, 4, 5, 4, 44, always('zoneinfo', 'since 3.9', 'backports.zoneinfo'))],
      output: 'from zoneinfo import ZoneInfo\n',
    },
    {
      // The backport runs wherever it is installed: switching to the stdlib is unsafe.
      code: 'try:\n    import importlib_metadata as md\nexcept ImportError:\n    import importlib.metadata as md\n',
      errors: [E(FALLBACK, 2, 5, 2, 36, '`importlib_metadata` backports `importlib.metadata`, in the standard library since Python 3.8 (target 3.10)')],
      output: null,
    },
    {
      code: 'try:\n    from StringIO import StringIO\n    import ConfigParser as configparser\nexcept ImportError:\n    from io import StringIO\n    import configparser\n',
      errors: [E(FALLBACK, 2, 5, 2, 34, '`StringIO` is Python 2 only: the import always fails, and `io` is what runs')],
      output: 'from io import StringIO\nimport configparser\n',
    },
    {
      code: 'try:\n    from collections.abc import Mapping\nexcept ImportError:\n    from collections import Mapping\n',
      errors: [E(FALLBACK, 4, 5, 4, 36, always('collections.abc', 'since 3.3', 'collections'))],
      output: 'from collections.abc import Mapping\n',
    },
  ],
});

describe('import-fallback: the version gates, the unsafe backport-first fix and the peer', () => {
  const tomli = 'try:\n    import tomllib\nexcept ModuleNotFoundError:\n    import tomli as tomllib\n';
  const timeout = 'try:\n    from asyncio import timeout\nexcept ImportError:\n    from async_timeout import timeout\n';
  const files = 'try:\n    from importlib.resources import files\nexcept ImportError:\n    from importlib_resources import files\n';
  it('waits for the version each module arrived in', () => {
    assert.deepEqual(run(FALLBACK, tomli, [3, 10]).findings, []);
    assert.deepEqual(run(FALLBACK, tomli, [3, 11]).findings.map((f) => f.message), [always('tomllib', 'since 3.11', 'tomli', '3.11')]);
    assert.deepEqual(run(FALLBACK, timeout, [3, 10]).findings, []);
    assert.deepEqual(run(FALLBACK, timeout, [3, 12]).findings.map((f) => f.message), [always('asyncio.timeout', 'since 3.11', 'async_timeout', '3.12')]);
    assert.deepEqual(run(FALLBACK, files, [3, 8]).findings, []);
    assert.equal(run(FALLBACK, files, [3, 9]).findings.length, 1);
    assert.deepEqual(run(FALLBACK, 'try:\n    import importlib.metadata as md\nexcept ImportError:\n    import importlib_metadata as md\n', [3, 7]).findings, []);
  });

  it('keeps the stdlib import with the same name; the backport-first fix is unsafe', () => {
    assertUnsafeFix(FALLBACK, 'try:\n    import tomli as tomllib\nexcept ImportError:\n    import tomllib\n', 'import tomllib\n', [3, 11]);
    const [finding] = run(FALLBACK, 'try:\n    import tomli as tomllib\nexcept ImportError:\n    import tomllib\n', [3, 11]).findings;
    assert.deepEqual(finding.fixes.map((f) => f.safety), ['unsafe']);
    assert.match(finding.fixes[0].title, /unsafe: the backport/);
    assert.equal(run(FALLBACK, tomli, [3, 12]).findings[0].fixes[0].safety, 'safe');
  });

  it('has no peer code (no tool reports these)', () => {
    assert.deepEqual(run(FALLBACK, tomli, [3, 11]).findings.map((f) => f.peer ?? null), [null]);
  });
});
