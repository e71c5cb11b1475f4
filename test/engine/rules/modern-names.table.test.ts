// The modern family's old names (up-names slice): exception aliases, deprecated modules and
// their rewrites, each on the default target (3.10) and at the version gates.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import type { PythonVersion } from '../../../src/engine/types';
import { getEngine } from '../../helpers/engine';
import { peerCases, ruleTester } from '../rule-tester';

const at = (rule: string) => (line: number, column: number, endLine: number, endColumn: number, message: string) => ({ rule, line, column, endLine, endColumn, message });
const TRY = 'try:\n    pass\n';

const osError = at('os-error-alias');
const alias = (name: string, modern = 'OSError') => `\`${name}\` is an alias of \`${modern}\``;
ruleTester('os-error-alias', {
  valid: [
    // Read, not caught, raised or called: Ruff leaves it, and so does pymodern.
    'import os\n\ndef check(exc):\n    return isinstance(exc, os.error)\n',
    `${TRY}except OSError:\n    pass\n`,
    `${TRY}except (OSError, KeyError):\n    pass\n`,
    // Another module's `error`, a relative `mmap`, a parenthesized module object.
    `from foo import error\n${TRY}except (OSError, error):\n    pass\n`,
    `from .mmap import error\n${TRY}except error:\n    pass\n`,
    `import mmap\n${TRY}except (mmap).error:\n    pass\n`,
    // The file's own IOError.
    'class IOError(Exception):\n    pass\n\nraise IOError\n',
    'def f(IOError):\n    raise IOError\n',
    `${TRY}except:\n    pass\n`,
    // `select.error` without `import select` is not the stdlib module's.
    'raise select.error\n',
    'IOError = None\n',
    // Existence probes: `OSError` always exists, the alias may not.
    'try:\n    WindowsError\nexcept NameError:\n    WindowsError = None\n',
    'import socket\ntry:\n    E = socket.error\nexcept AttributeError:\n    E = None\n',
  ],
  invalid: [
    { code: `${TRY}except IOError:\n    pass\n`, errors: [osError(3, 8, 3, 15, alias('IOError'))], output: `${TRY}except OSError:\n    pass\n` },
    {
      code: `import socket\n${TRY}except socket.error as exc:\n    pass\n`,
      errors: [osError(4, 8, 4, 20, alias('socket.error'))],
      output: `import socket\n${TRY}except OSError as exc:\n    pass\n`,
    },
    {
      // The aliases and duplicates leave the tuple; one class left loses the parentheses.
      code: `import select\n${TRY}except (EnvironmentError, IOError, OSError, select.error):\n    pass\n`,
      errors: [osError(4, 8, 4, 58, '`EnvironmentError`, `IOError` and `select.error` are aliases of `OSError`')],
      output: `import select\n${TRY}except OSError:\n    pass\n`,
    },
    {
      code: `${TRY}except (IOError, KeyError, OSError):\n    pass\n`,
      errors: [osError(3, 8, 3, 36, alias('IOError'))],
      output: `${TRY}except (KeyError, OSError):\n    pass\n`,
    },
    {
      // `OSError` goes first when the tuple lacks it (Ruff's order).
      code: `import socket\nfrom kombu import exceptions\n${TRY}except (socket.error, exceptions.OperationalError):\n    pass\n`,
      errors: [osError(5, 8, 5, 51, alias('socket.error'))],
      output: `import socket\nfrom kombu import exceptions\n${TRY}except (OSError, exceptions.OperationalError):\n    pass\n`,
    },
    {
      code: `import mmap, select\n${TRY}except (\n    OSError,\n    select.error,\n    IOError,\n):\n    pass\n`,
      errors: [osError(4, 8, 8, 2, '`select.error` and `IOError` are aliases of `OSError`')],
      output: `import mmap, select\n${TRY}except OSError:\n    pass\n`,
    },
    {
      code: `from mmap import error\n${TRY}except(error, KeyError)as e:\n    pass\n`,
      errors: [osError(4, 7, 4, 24, alias('error'))],
      output: `from mmap import error\n${TRY}except (OSError, KeyError) as e:\n    pass\n`,
    },
    {
      code: 'raise EnvironmentError\nraise WindowsError(1, 2)\n',
      errors: [osError(1, 7, 1, 23, alias('EnvironmentError')), osError(2, 7, 2, 19, alias('WindowsError'))],
      output: 'raise OSError\nraise OSError(1, 2)\n',
    },
    {
      // A comment inside the tuple would be lost: reported without a fix.
      code: `${TRY}except (  # network\n    IOError,\n    ValueError,\n):\n    pass\n`,
      errors: [osError(3, 8, 6, 2, alias('IOError'))],
      output: null,
    },
    {
      // `OSError` rebound in the file: reported, not rewritten.
      code: 'OSError = RuntimeError\nraise IOError\n',
      errors: [osError(2, 7, 2, 14, alias('IOError'))],
      output: null,
    },
  ],
});

const timeout = at('timeout-error-alias');
ruleTester('timeout-error-alias', {
  valid: [
    // Read, not caught, raised or called: Ruff leaves it, and so does pymodern.
    'from socket import timeout as SocketTimeout\n\ndef slow(e):\n    return isinstance(e, (SocketTimeout, TimeoutError))\n',
    `${TRY}except TimeoutError:\n    pass\n`,
    // At the default target (3.10) `asyncio.TimeoutError` is still its own class.
    `import asyncio\n${TRY}except asyncio.TimeoutError:\n    pass\n`,
    `import concurrent.futures\n${TRY}except concurrent.futures.TimeoutError:\n    pass\n`,
    `from .mmap import timeout\n${TRY}except timeout:\n    pass\n`,
    'import socket\nsocket.setdefaulttimeout(3)\n',
    'def connect(timeout=3):\n    return timeout\n',
  ],
  invalid: [
    {
      code: `import socket\n${TRY}except socket.timeout:\n    pass\n`,
      errors: [timeout(4, 8, 4, 22, alias('socket.timeout', 'TimeoutError'))],
      output: `import socket\n${TRY}except TimeoutError:\n    pass\n`,
    },
    {
      code: 'import socket\n\ndef wait(sock):\n    if not sock.ready():\n        raise socket.timeout("no data")\n',
      errors: [timeout(5, 15, 5, 29, alias('socket.timeout', 'TimeoutError'))],
      output: 'import socket\n\ndef wait(sock):\n    if not sock.ready():\n        raise TimeoutError("no data")\n',
    },
    {
      code: `import socket\n${TRY}except (socket.timeout,):\n    pass\n`,
      errors: [timeout(4, 8, 4, 25, alias('socket.timeout', 'TimeoutError'))],
      output: `import socket\n${TRY}except TimeoutError:\n    pass\n`,
    },
    {
      code: `import socket\n${TRY}except (socket.timeout, KeyError, TimeoutError):\n    pass\n`,
      errors: [timeout(4, 8, 4, 48, alias('socket.timeout', 'TimeoutError'))],
      output: `import socket\n${TRY}except (KeyError, TimeoutError):\n    pass\n`,
    },
    {
      code: 'import socket\nraise socket.timeout("slow")\n',
      errors: [timeout(2, 7, 2, 21, alias('socket.timeout', 'TimeoutError'))],
      output: 'import socket\nraise TimeoutError("slow")\n',
    },
    {
      // The builtin is shadowed by an import: reported, not rewritten.
      code: `from socket import timeout\nfrom mylib import TimeoutError\n${TRY}except timeout:\n    pass\n`,
      errors: [timeout(5, 8, 5, 15, alias('timeout', 'TimeoutError'))],
      output: null,
    },
  ],
});

const celement = at('deprecated-celementtree');
const CELEMENT = '`cElementTree` is deprecated since Python 3.3 and gone in 3.9: import `ElementTree`';
ruleTester('deprecated-celementtree', {
  valid: [
    'import xml.etree.ElementTree as ET\n',
    'import xml.etree.cElementTree\n',
    'from xml.etree import cElementTree\n',
    'from .xml.etree.cElementTree import XML\n',
    'from xml.etree import ElementTree as ET\n',
    'import cElementTree as ET\n',
  ],
  invalid: [
    {
      code: 'from xml.etree.cElementTree import XML, Element, SubElement\n',
      errors: [celement(1, 1, 1, 60, CELEMENT)],
      output: 'from xml.etree.ElementTree import XML, Element, SubElement\n',
    },
    { code: 'import xml.etree.cElementTree as ET\n', errors: [celement(1, 8, 1, 36, CELEMENT)], output: 'import xml.etree.ElementTree as ET\n' },
    { code: 'import    xml.etree.cElementTree     as      ET\n', errors: [celement(1, 11, 1, 48, CELEMENT)], output: 'import    xml.etree.ElementTree     as      ET\n' },
    {
      code: 'from xml.etree.cElementTree import (\n    XML,\n    Element,\n)\n',
      errors: [celement(1, 1, 4, 2, CELEMENT)],
      output: 'from xml.etree.ElementTree import (\n    XML,\n    Element,\n)\n',
    },
    { code: 'if True:\n    from xml.etree import cElementTree as CET\n', errors: [celement(2, 27, 2, 46, CELEMENT)], output: 'if True:\n    from xml.etree import ElementTree as CET\n' },
    { code: 'import contextlib, xml.etree.cElementTree as ET\n', errors: [celement(1, 20, 1, 48, CELEMENT)], output: 'import contextlib, xml.etree.ElementTree as ET\n' },
    {
      // Only the aliased one: the plain import's references spell the old module.
      code: 'import xml.etree.cElementTree, xml.etree.cElementTree as ET\n',
      errors: [celement(1, 32, 1, 60, CELEMENT)],
      output: 'import xml.etree.cElementTree, xml.etree.ElementTree as ET\n',
    },
  ],
});

const mockImport = at('deprecated-mock-import');
const MOCK = '`mock` is the backport of `unittest.mock`: import it from the standard library';
ruleTester('deprecated-mock-import', {
  valid: [
    'from unittest import mock\n',
    'import unittest.mock as mock\n',
    'from .mock import patch\n',
    'from . import mock\n',
    'import os, io\n',
    'from unittest import mock\nx = mock.Mock()\n',
    'import mockito\n',
  ],
  invalid: [
    { code: 'if True:\n    import mock\n', errors: [mockImport(2, 12, 2, 16, MOCK)], output: 'if True:\n    from unittest import mock\n' },
    {
      code: 'if True:\n    import mock, sys\n',
      errors: [mockImport(2, 12, 2, 16, MOCK)],
      output: 'if True:\n    import sys\n    from unittest import mock\n',
    },
    { code: 'from mock import *\n', errors: [mockImport(1, 1, 1, 19, MOCK)], output: 'from unittest.mock import *\n' },
    { code: 'import mock.mock\n', errors: [mockImport(1, 8, 1, 17, MOCK)], output: 'from unittest import mock\n' },
    {
      code: 'import contextlib, mock, sys\n',
      errors: [mockImport(1, 20, 1, 24, MOCK)],
      output: 'import contextlib, sys\nfrom unittest import mock\n',
    },
    {
      // The trailing comma stays as written.
      code: 'from mock import (\n    mock,\n    a,\n    b,\n)\n',
      errors: [mockImport(1, 1, 5, 2, MOCK)],
      output: 'from unittest.mock import (\n    a,\n    b,\n)\nfrom unittest import mock\n',
    },
    {
      code: 'from mock import (\n    a,\n    b,\n    mock\n)\n',
      errors: [mockImport(1, 1, 5, 2, MOCK)],
      output: 'from unittest.mock import (\n    a,\n    b\n)\nfrom unittest import mock\n',
    },
    { code: 'from mock import mock, a, b\n', errors: [mockImport(1, 1, 1, 28, MOCK)], output: 'from unittest.mock import a, b\nfrom unittest import mock\n' },
    { code: 'import mock as foo\n', errors: [mockImport(1, 8, 1, 19, MOCK)], output: 'import unittest.mock as foo\n' },
    { code: 'from mock import mock as foo\n', errors: [mockImport(1, 1, 1, 29, MOCK)], output: 'import unittest.mock as foo\n' },
    {
      code: 'import mock as foo, mock as bar, mock\n',
      errors: [mockImport(1, 8, 1, 19, MOCK), mockImport(1, 21, 1, 32, MOCK), mockImport(1, 34, 1, 38, MOCK)],
      output: 'import unittest.mock as foo\nimport unittest.mock as bar\nfrom unittest import mock\n',
    },
    {
      code: 'from unittest import mock\nx = mock.mock.Mock()\n',
      errors: [mockImport(2, 5, 2, 14, '`mock.mock` is the `mock` module itself')],
      output: 'from unittest import mock\nx = mock.Mock()\n',
    },
    {
      // Another statement on the line: no room for the new lines.
      code: 'import os; import mock\n',
      errors: [mockImport(1, 19, 1, 23, MOCK)],
      output: null,
    },
  ],
});

const ioOpen = at('io-open-alias');
ruleTester('io-open-alias', {
  valid: [
    'with open("f.txt") as f:\n    pass\n',
    'import io\nbuffer = io.StringIO()\n',
    'import os\nfd = os.open("f", os.O_RDONLY)\n',
    'import io\nopener = io.open\n',
    'import codecs\nf = codecs.open("f.txt")\n',
    'class A:\n    def open(self):\n        return self\n\nA().open()\n',
  ],
  invalid: [
    {
      code: 'import io\nwith io.open("f.txt", mode="r", buffering=-1, **kwargs) as f:\n    print(f.read())\n',
      errors: [ioOpen(2, 6, 2, 56, '`io.open()` is the builtin `open()`')],
      output: 'import io\nwith open("f.txt", mode="r", buffering=-1, **kwargs) as f:\n    print(f.read())\n',
    },
    { code: 'import io as _io\ndata = _io.open("f").read()\n', errors: [ioOpen(2, 8, 2, 21, '`_io.open()` is the builtin `open()`')], output: 'import io as _io\ndata = open("f").read()\n' },
    {
      code: 'import io\n\ndef f(p):\n    return io.open(\n        p,\n    )\n',
      errors: [ioOpen(4, 12, 6, 6, '`io.open()` is the builtin `open()`')],
      output: 'import io\n\ndef f(p):\n    return open(\n        p,\n    )\n',
    },
    {
      // `open` is the import here, not the builtin: reported without a fix.
      code: 'from io import open\nwith open("f.txt") as f:\n    pass\n',
      errors: [ioOpen(2, 6, 2, 19, '`open()` is the builtin `open()`')],
      output: null,
    },
    {
      // Module-level code above `from io import open` still sees the builtin (Ruff's UP020 fixture).
      code: 'import io\nwith io.open("f.txt") as f:\n    pass\n\nfrom io import open\nwith open("f.txt") as f:\n    pass\n',
      errors: [ioOpen(2, 6, 2, 22, '`io.open()` is the builtin `open()`'), ioOpen(6, 6, 6, 19, '`open()` is the builtin `open()`')],
      output: 'import io\nwith open("f.txt") as f:\n    pass\n\nfrom io import open\nwith open("f.txt") as f:\n    pass\n',
    },
    {
      code: 'import io\n\ndef open(p):\n    return p\n\nio.open("x")\n',
      errors: [ioOpen(6, 1, 6, 13, '`io.open()` is the builtin `open()`')],
      output: null,
    },
    { code: 'import io\nf = io.open("a", "rb")\ng = io.open("b")\n', errors: [ioOpen(2, 5, 2, 23, '`io.open()` is the builtin `open()`'), ioOpen(3, 5, 3, 17, '`io.open()` is the builtin `open()`')], output: 'import io\nf = open("a", "rb")\ng = open("b")\n' },
  ],
});

/** The messages of one rule's findings on `code` at a target version. */
function messagesAt(engine: () => Engine, rule: string, code: string, version: PythonVersion): string[] {
  return engine().analyzeText(code, { select: [rule], targetVersion: version }).map((f) => `${f.range.start.line + 1}: ${f.message}`);
}

describe('modern names: version gates', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const both = `import asyncio, socket\n${TRY}except asyncio.TimeoutError:\n    pass\nexcept socket.timeout:\n    pass\n`;
  it('timeout-error-alias: silent at 3.9, socket.timeout at 3.10, both at 3.11', () => {
    assert.deepEqual(messagesAt(() => engine, 'timeout-error-alias', both, [3, 9]), []);
    assert.deepEqual(messagesAt(() => engine, 'timeout-error-alias', both, [3, 10]), [`6: ${alias('socket.timeout', 'TimeoutError')}`]);
    assert.deepEqual(messagesAt(() => engine, 'timeout-error-alias', both, [3, 11]), [`4: ${alias('asyncio.TimeoutError', 'TimeoutError')}`, `6: ${alias('socket.timeout', 'TimeoutError')}`]);
  });
  it('timeout-error-alias at 3.11: one tuple with both aliases becomes `TimeoutError`', () => {
    const code = `import asyncio, socket\n${TRY}except (asyncio.TimeoutError, socket.timeout,):\n    pass\n`;
    const fixed = engine.fixAll(code, { select: ['timeout-error-alias'], targetVersion: [3, 11] }, { unsafe: false, rules: new Set(['timeout-error-alias']) }).text;
    assert.equal(fixed, `import asyncio, socket\n${TRY}except TimeoutError:\n    pass\n`);
  });
  it('os-error-alias runs at every target', () => {
    assert.deepEqual(messagesAt(() => engine, 'os-error-alias', 'raise IOError\n', [3, 8]), [`1: ${alias('IOError')}`]);
  });
});

describe('modern names: peers', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  peerCases(() => engine, [
    { rule: 'deprecated-celementtree', code: 'import xml.etree.cElementTree as ET\n', peers: ['UP023'] },
    { rule: 'deprecated-mock-import', code: 'import mock\nx = mock.mock.Mock()\n', peers: ['UP026', 'UP026'] },
    { rule: 'io-open-alias', code: 'import io\nio.open("f")\n', peers: ['UP020'] },
    { rule: 'datetime-utc-alias', code: 'import datetime\nx = datetime.timezone.utc\n', peers: ['UP017'], config: { targetVersion: [3, 11] } },
    { rule: 'lru-cache-without-maxsize', code: 'import functools\n\n@functools.lru_cache(maxsize=None)\ndef f(): ...\n', peers: ['UP033'] },
    { rule: 'lru-cache-parentheses', code: 'import functools\n\n@functools.lru_cache()\ndef f(): ...\n', peers: ['UP011'] },
    { rule: 'str-enum-mixin', code: 'from enum import Enum\n\nclass E(str, Enum): ...\n', peers: ['UP042'], config: { targetVersion: [3, 11] } },
    { rule: 'subprocess-universal-newlines', code: 'import subprocess\nsubprocess.run([], universal_newlines=True)\n', peers: ['UP021'] },
    { rule: 'subprocess-capture-output', code: 'import subprocess as s\ns.run([], stdout=s.PIPE, stderr=s.PIPE)\n', peers: ['UP022'] },
    { rule: 'timeout-error-alias', code: 'import socket\nraise socket.timeout\n', peers: ['UP041'] },
    { rule: 'os-error-alias', code: `import socket\n${TRY}except (socket.error, IOError):\n    raise EnvironmentError\n`, peers: ['UP024', 'UP024'] },
  ]);
});
