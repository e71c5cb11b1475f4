// moved-import: the table on the default target (3.10), then the version gates and the
// unsafe moves on other targets, asserted through fix-all.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import type { PythonVersion } from '../../../src/engine/types';
import { getEngine } from '../../helpers/engine';
import { ruleTester } from '../rule-tester';

const RULE = 'moved-import';
const E = (line: number, column: number, endLine: number, endColumn: number, message: string) => ({ rule: RULE, line, column, endLine, endColumn, message });
const gone = (old: string, modern: string, version: string) => `\`${old}\` is gone in Python ${version}: use \`${modern}\``;

ruleTester(RULE, {
  valid: [
    'from collections.abc import Mapping\n',
    'from collections import OrderedDict, defaultdict\n\nx = OrderedDict()\n',
    'try:\n    from collections.abc import Mapping\nexcept ImportError:\n    from collections import Mapping\n',
    'import sys\nif sys.version_info >= (3, 3):\n    from collections.abc import Sized\nelse:\n    from collections import Sized\n',
    'import collections\n\nx = collections.Counter()\n',
    'import collections\n\ntry:\n    M = collections.abc.Mapping\nexcept AttributeError:\n    M = collections.Mapping\n',
    'from collections import Mapping  # noqa: UP035\n',
    // A move (not a removal) waits for its version, and an unused import is F401's.
    'from backports.strenum import StrEnum\n\nclass C(StrEnum): ...\n',
    'from typing_extensions import Buffer\n\nx: Buffer\n',
    // Not the stdlib `collections`.
    'from .collections import Mapping\n',
    'collections = {"Mapping": 1}\nx = collections.Mapping\n',
  ],
  invalid: [
    {
      code: 'from collections import Mapping\n',
      errors: [E(1, 25, 1, 32, gone('collections.Mapping', 'collections.abc.Mapping', '3.10'))],
      output: 'from collections.abc import Mapping\n',
    },
    {
      // The names going to one module share one fix: fix-all rewrites the statement once.
      code: 'from collections import Iterable, OrderedDict, Sized as S\n\nx = OrderedDict()\n',
      errors: [
        E(1, 25, 1, 33, gone('collections.Iterable', 'collections.abc.Iterable', '3.10')),
        E(1, 48, 1, 58, gone('collections.Sized', 'collections.abc.Sized', '3.10')),
      ],
      output: 'from collections import OrderedDict\nfrom collections.abc import Iterable, Sized as S\n\nx = OrderedDict()\n',
    },
    {
      code: 'import collections\n\ndef f(x):\n    return isinstance(x, collections.Mapping)\n',
      errors: [E(4, 26, 4, 45, gone('collections.Mapping', 'collections.abc.Mapping', '3.10'))],
      output: 'import collections\nimport collections.abc\n\ndef f(x):\n    return isinstance(x, collections.abc.Mapping)\n',
    },
    {
      code: 'from typing.io import BinaryIO\n',
      errors: [E(1, 23, 1, 31, gone('typing.io.BinaryIO', 'typing.BinaryIO', '3.13'))],
      output: 'from typing import BinaryIO\n',
    },
    {
      // `re.Pattern` is another object than typing's alias: the safe fix goes to `typing`.
      code: 'from typing.re import Pattern\n\nWORD: Pattern[str]\n',
      errors: [E(1, 23, 1, 30, gone('typing.re.Pattern', 're.Pattern', '3.13'))],
      output: 'from typing import Pattern\n\nWORD: Pattern[str]\n',
    },
    {
      // typing's alias has no drop-in contextlib spelling: no fix.
      code: 'from typing import ContextManager\n\ndef f(x: ContextManager[int]) -> None: ...\n',
      errors: [E(1, 20, 1, 34, '`typing.ContextManager` is a deprecated alias of `contextlib.AbstractContextManager` (Python 3.9+)')],
      output: null,
    },
    {
      code: 'def load():\n    from collections import MutableMapping\n    return MutableMapping\n',
      errors: [E(2, 29, 2, 43, gone('collections.MutableMapping', 'collections.abc.MutableMapping', '3.10'))],
      output: 'def load():\n    from collections.abc import MutableMapping\n    return MutableMapping\n',
    },
  ],
});

describe('moved-import: version gates and unsafe moves', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const run = (code: string, targetVersion: PythonVersion, unsafe: boolean) => {
    const config = { select: [RULE], targetVersion };
    return { findings: engine.analyzeText(code, config), text: engine.fixAll(code, config, { unsafe, rules: new Set([RULE]) }).text };
  };

  it('reports a removal on any target, a move only from its version', () => {
    assert.equal(run('from collections import Mapping\n', [3, 7], false).text, 'from collections.abc import Mapping\n');
    const strenum = 'from backports.strenum import StrEnum\n\nclass C(StrEnum): ...\n';
    assert.deepEqual(run(strenum, [3, 10], true).findings, []);
    assert.deepEqual(run('from typing_extensions import CapsuleType\n\nx: CapsuleType\n', [3, 12], true).findings, []);
  });

  it('moves typing_extensions names to their stdlib home, same object: safe', () => {
    const code = 'from typing_extensions import Buffer, get_original_bases\n\ndef f(b: Buffer) -> None:\n    get_original_bases(f)\n';
    const result = run(code, [3, 12], false);
    assert.deepEqual(result.findings.map((f) => f.message), [
      '`typing_extensions.Buffer` is in the standard library as `collections.abc.Buffer` since Python 3.12',
      '`typing_extensions.get_original_bases` is in the standard library as `types.get_original_bases` since Python 3.12',
    ]);
    assert.equal(result.text, 'from types import get_original_bases\nfrom collections.abc import Buffer\n\ndef f(b: Buffer) -> None:\n    get_original_bases(f)\n');
  });

  it('keeps `deprecated` to an unsafe fix on 3.13 (typing_extensions has its own class before 3.13.3), safe on 3.14', () => {
    const code = 'from typing_extensions import deprecated\n\n@deprecated("old")\ndef f() -> None: ...\n';
    const fixed = 'from warnings import deprecated\n\n@deprecated("old")\ndef f() -> None: ...\n';
    assert.equal(run(code, [3, 13], false).text, code);
    assert.equal(run(code, [3, 13], true).text, fixed);
    assert.equal(run(code, [3, 14], false).text, fixed);
  });

  it('offers `re` for typing.re on 3.9+ as the unsafe fix', () => {
    const code = 'from typing.re import Match, Pattern\n\ndef f(m: Match[str], p: Pattern[str]) -> None: ...\n';
    assert.equal(run(code, [3, 12], true).text, 'from re import Match, Pattern\n\ndef f(m: Match[str], p: Pattern[str]) -> None: ...\n');
    assert.equal(run(code, [3, 8], true).text, 'from typing import Match, Pattern\n\ndef f(m: Match[str], p: Pattern[str]) -> None: ...\n');
  });

  it('moves backports.strenum only as an unsafe fix (another class)', () => {
    const code = 'from backports.strenum import StrEnum\n\nclass Color(StrEnum):\n    RED = "red"\n';
    assert.equal(run(code, [3, 11], false).text, code);
    assert.equal(run(code, [3, 11], true).text, 'from enum import StrEnum\n\nclass Color(StrEnum):\n    RED = "red"\n');
  });
});
