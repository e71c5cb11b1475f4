// The modern family's old names that need a newer target (up-names slice): each table runs
// at the version the rewrite needs, and a gate test shows the rule silent below it.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import type { PythonVersion, RuleConfig } from '../../../src/engine/types';
import { pythonSyntaxError } from '../../helpers/fixtures';
import { getEngine } from '../../helpers/engine';
import { duplicateCases, errorsOf, type ExpectedError } from '../rule-tester';

interface GatedCase {
  code: string;
  errors: ExpectedError[];
  /** After safe fixes; null: nothing safe to fix. */
  output: string | null;
  /** After unsafe fixes too, when they differ from `output`. */
  unsafeOutput?: string;
}

/** A rule table at `version`; every invalid snippet is also asserted silent at `below`. */
function gatedRuleTester(rule: string, version: PythonVersion, below: PythonVersion, tests: { valid: string[]; invalid: GatedCase[] }): void {
  describe(`${rule} (target ${version.join('.')})`, () => {
    let engine: Engine;
    const config: RuleConfig = { select: [rule], targetVersion: version };
    before(async () => {
      engine = await getEngine();
    });
    it('has no duplicate cases and at least 6 of each kind', () => {
      assert.deepEqual(duplicateCases(tests), []);
      assert.ok(tests.valid.length >= 6 && tests.invalid.length >= 6);
    });
    tests.valid.forEach((code, i) => {
      it(`valid #${i + 1}`, () => assert.deepEqual(errorsOf(engine.analyzeText(code, config)), []));
    });
    tests.invalid.forEach((test, i) => {
      it(`invalid #${i + 1}`, () => {
        assert.deepEqual(errorsOf(engine.analyzeText(test.code, config)), test.errors);
        const rules = new Set([rule]);
        const safe = engine.fixAll(test.code, config, { unsafe: false, rules }).text;
        assert.equal(safe, test.output ?? test.code);
        const unsafe = engine.fixAll(test.code, config, { unsafe: true, rules }).text;
        assert.equal(unsafe, test.unsafeOutput ?? test.output ?? test.code);
        for (const fixed of [safe, unsafe]) assert.equal(pythonSyntaxError(fixed), null, 'the fixed code is not valid Python');
        assert.deepEqual(errorsOf(engine.analyzeText(test.code, { select: [rule], targetVersion: below })), [], `silent at ${below.join('.')}`);
      });
    });
  });
}

const at = (rule: string) => (line: number, column: number, endLine: number, endColumn: number, message: string) => ({ rule, line, column, endLine, endColumn, message });

const utc = at('datetime-utc-alias');
const UTC = (name: string) => `\`${name}\` is \`datetime.UTC\` since Python 3.11`;
gatedRuleTester('datetime-utc-alias', [3, 11], [3, 10], {
  valid: [
    'import datetime\nprint(datetime.timezone(-1))\n',
    'import datetime\nprint(datetime.UTC)\n',
    'from datetime import UTC\nprint(UTC)\n',
    'import pytz\nprint(pytz.utc)\n',
    'class Z:\n    utc = 1\n\nprint(Z.utc)\n',
    'from datetime import timezone\ntimezone = None\nprint(timezone.utc)\n',
  ],
  invalid: [
    {
      code: 'def func():\n    from datetime import timezone\n    print(timezone.utc)\n',
      errors: [utc(3, 11, 3, 23, UTC('timezone.utc'))],
      output: 'from datetime import UTC\ndef func():\n    from datetime import timezone\n    print(UTC)\n',
    },
    {
      code: 'from datetime import timezone as tz\nprint(tz.utc)\n',
      errors: [utc(2, 7, 2, 13, UTC('tz.utc'))],
      output: 'from datetime import timezone as tz, UTC\nprint(UTC)\n',
    },
    { code: 'import datetime\nprint(datetime.timezone.utc)\n', errors: [utc(2, 7, 2, 28, UTC('datetime.timezone.utc'))], output: 'import datetime\nprint(datetime.UTC)\n' },
    { code: 'import datetime as dt\nprint(dt.timezone.utc)\n', errors: [utc(2, 7, 2, 22, UTC('dt.timezone.utc'))], output: 'import datetime as dt\nprint(dt.UTC)\n' },
    {
      code: 'from datetime import UTC, timezone\nx = timezone.utc\n',
      errors: [utc(2, 5, 2, 17, UTC('timezone.utc'))],
      output: 'from datetime import UTC, timezone\nx = UTC\n',
    },
    {
      // Two uses share the one new import.
      code: 'from datetime import datetime, timezone\na = datetime.now(timezone.utc)\nb = timezone.utc\n',
      errors: [utc(2, 18, 2, 30, UTC('timezone.utc')), utc(3, 5, 3, 17, UTC('timezone.utc'))],
      output: 'from datetime import datetime, timezone, UTC\na = datetime.now(UTC)\nb = UTC\n',
    },
    {
      // `UTC` is taken by the file: reported, not rewritten.
      code: 'from datetime import timezone\nUTC = "utc"\nx = timezone.utc\n',
      errors: [utc(3, 5, 3, 17, UTC('timezone.utc'))],
      output: null,
    },
  ],
});


const maxsize = at('lru-cache-without-maxsize');
const MAXSIZE = (callee: string) => `\`@${callee}(maxsize=None)\` is \`@functools.cache\` since Python 3.9`;
gatedRuleTester('lru-cache-without-maxsize', [3, 9], [3, 8], {
  valid: [
    'import functools\n\n@functools.lru_cache()\ndef ok():\n    pass\n',
    'import functools\n\n@functools.lru_cache(maxsize=64)\ndef ok():\n    pass\n',
    'import functools\n\ndef user_func():\n    pass\n\n@functools.lru_cache(user_func)\ndef ok():\n    pass\n',
    '@lru_cache(maxsize=None)\ndef ok():\n    pass\n',
    'import functools\n\n@functools.lru_cache(maxsize=None, typed=True)\ndef ok():\n    pass\n',
    'import functools\n\n@functools.cache\ndef ok():\n    pass\n',
  ],
  invalid: [
    {
      code: 'import functools\n\n@functools.lru_cache(maxsize=None)\ndef fixme():\n    pass\n',
      errors: [maxsize(3, 21, 3, 35, MAXSIZE('functools.lru_cache'))],
      output: 'import functools\n\n@functools.cache\ndef fixme():\n    pass\n',
    },
    {
      code: 'import functools\n\n@other_decorator\n@functools.lru_cache(maxsize=None)\ndef fixme():\n    pass\n',
      errors: [maxsize(4, 21, 4, 35, MAXSIZE('functools.lru_cache'))],
      output: 'import functools\n\n@other_decorator\n@functools.cache\ndef fixme():\n    pass\n',
    },
    {
      code: 'import functools\n\n@functools.lru_cache(maxsize=None)\n@other_decorator\ndef fixme():\n    pass\n',
      errors: [maxsize(3, 21, 3, 35, MAXSIZE('functools.lru_cache'))],
      output: 'import functools\n\n@functools.cache\n@other_decorator\ndef fixme():\n    pass\n',
    },
    {
      code: 'from functools import lru_cache\n\n@lru_cache(maxsize=None)\ndef fixme():\n    pass\n',
      errors: [maxsize(3, 11, 3, 25, MAXSIZE('lru_cache'))],
      output: 'from functools import lru_cache, cache\n\n@cache\ndef fixme():\n    pass\n',
    },
    {
      code: 'from functools import lru_cache as memo\n\n@memo(maxsize = None)\ndef fixme():\n    pass\n',
      errors: [maxsize(3, 6, 3, 22, MAXSIZE('memo'))],
      output: 'from functools import lru_cache as memo, cache\n\n@cache\ndef fixme():\n    pass\n',
    },
    {
      code: 'import functools\n\n@functools.lru_cache(\n    maxsize=None,  # unbounded\n)\ndef fixme():\n    pass\n',
      errors: [maxsize(3, 21, 5, 2, MAXSIZE('functools.lru_cache'))],
      output: null,
    },
  ],
});

const parens = at('lru-cache-parentheses');
gatedRuleTester('lru-cache-parentheses', [3, 8], [3, 7], {
  valid: [
    'import functools\n\n@functools.lru_cache\ndef ok():\n    pass\n',
    'import functools\n\n@functools.lru_cache(maxsize=None)\ndef ok():\n    pass\n',
    'import functools\n\n@functools.lru_cache(32)\ndef ok():\n    pass\n',
    'import functools\ncached = functools.lru_cache()(len)\n',
    '@lru_cache()\ndef ok():\n    pass\n',
    'def lru_cache():\n    return lambda f: f\n\n@lru_cache()\ndef ok():\n    pass\n',
  ],
  invalid: [
    {
      code: 'import functools\n\n@functools.lru_cache()\ndef fixme():\n    pass\n',
      errors: [parens(3, 21, 3, 23, '`@functools.lru_cache()` needs no parentheses since Python 3.8')],
      output: 'import functools\n\n@functools.lru_cache\ndef fixme():\n    pass\n',
    },
    {
      code: 'from functools import lru_cache\n\n@lru_cache()\ndef fixme():\n    pass\n',
      errors: [parens(3, 11, 3, 13, '`@lru_cache()` needs no parentheses since Python 3.8')],
      output: 'from functools import lru_cache\n\n@lru_cache\ndef fixme():\n    pass\n',
    },
    {
      code: 'from functools import lru_cache\n\n@other_decorator\n@lru_cache()\ndef fixme():\n    pass\n',
      errors: [parens(4, 11, 4, 13, '`@lru_cache()` needs no parentheses since Python 3.8')],
      output: 'from functools import lru_cache\n\n@other_decorator\n@lru_cache\ndef fixme():\n    pass\n',
    },
    {
      code: 'from functools import lru_cache\n\n@lru_cache()\n@other_decorator\ndef fixme():\n    pass\n',
      errors: [parens(3, 11, 3, 13, '`@lru_cache()` needs no parentheses since Python 3.8')],
      output: 'from functools import lru_cache\n\n@lru_cache\n@other_decorator\ndef fixme():\n    pass\n',
    },
    {
      code: 'import functools as ft\n\nclass A:\n    @ft.lru_cache( )\n    def m(self):\n        pass\n',
      errors: [parens(4, 18, 4, 21, '`@ft.lru_cache()` needs no parentheses since Python 3.8')],
      output: 'import functools as ft\n\nclass A:\n    @ft.lru_cache\n    def m(self):\n        pass\n',
    },
    {
      code: 'import functools\n\n@functools.lru_cache(  # default size\n)\ndef fixme():\n    pass\n',
      errors: [parens(3, 21, 4, 2, '`@functools.lru_cache()` needs no parentheses since Python 3.8')],
      output: null,
    },
  ],
});

const newlines = at('subprocess-universal-newlines');
const NEWLINES = '`universal_newlines` is spelled `text` since Python 3.7';
gatedRuleTester('subprocess-universal-newlines', [3, 7], [3, 6], {
  valid: [
    'import subprocess\nsubprocess.run(["foo"], check=True)\n',
    'import subprocess\nsubprocess.run(["foo"], text=True)\n',
    'def run(*a, **k):\n    pass\n\nrun(["foo"], universal_newlines=True)\n',
    'import subprocess\nsubprocess.getoutput("ls")\n',
    'import subprocess\nopts = {"universal_newlines": True}\nsubprocess.run(["foo"], **opts)\n',
    'import io\nio.TextIOWrapper(b, universal_newlines=True)\n',
  ],
  invalid: [
    {
      code: 'import subprocess\nsubprocess.run(["foo"], universal_newlines=True, check=True)\n',
      errors: [newlines(2, 25, 2, 43, NEWLINES)],
      output: 'import subprocess\nsubprocess.run(["foo"], text=True, check=True)\n',
    },
    {
      code: 'import subprocess\nsubprocess.run(["foo"], universal_newlines=True, text=True)\n',
      errors: [newlines(2, 25, 2, 43, NEWLINES)],
      output: 'import subprocess\nsubprocess.run(["foo"], text=True)\n',
    },
    {
      code: 'from subprocess import run\nrun(["foo"], universal_newlines=True, check=False)\n',
      errors: [newlines(2, 14, 2, 32, NEWLINES)],
      output: 'from subprocess import run\nrun(["foo"], text=True, check=False)\n',
    },
    {
      code: 'import subprocess as sp\np = sp.Popen(["foo"], stdout=sp.PIPE, universal_newlines=True)\n',
      errors: [newlines(2, 39, 2, 57, NEWLINES)],
      output: 'import subprocess as sp\np = sp.Popen(["foo"], stdout=sp.PIPE, text=True)\n',
    },
    {
      code: 'import subprocess\nout = subprocess.check_output(["foo"], universal_newlines=flag)\n',
      errors: [newlines(2, 40, 2, 58, NEWLINES)],
      output: 'import subprocess\nout = subprocess.check_output(["foo"], text=flag)\n',
    },
    {
      code: 'import subprocess\nsubprocess.check_call(\n    ["foo"],\n    text=True,\n    universal_newlines=True,\n)\n',
      errors: [newlines(5, 5, 5, 23, NEWLINES)],
      output: 'import subprocess\nsubprocess.check_call(\n    ["foo"],\n    text=True,\n)\n',
    },
  ],
});

const capture = at('subprocess-capture-output');
const CAPTURE = '`stdout` and `stderr` both go to `PIPE`: `capture_output=True` says it once';
gatedRuleTester('subprocess-capture-output', [3, 7], [3, 6], {
  valid: [
    'from foo import PIPE\nimport subprocess\nsubprocess.run(["foo"], stdout=PIPE, stderr=PIPE)\n',
    'from subprocess import run, PIPE\nrun(["foo"], stdout=None, stderr=PIPE)\n',
    'import subprocess\nsubprocess.run(["foo"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)\n',
    'import subprocess\nsubprocess.Popen(["foo"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n',
    'import subprocess\nsubprocess.run(["foo"], capture_output=True)\n',
    'import subprocess\nsubprocess.run(["foo"], stdout=subprocess.PIPE)\n',
  ],
  invalid: [
    {
      code: 'from subprocess import run\nimport subprocess\noutput = run(["foo"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n',
      errors: [capture(3, 10, 3, 70, CAPTURE)],
      output: null,
      unsafeOutput: 'from subprocess import run\nimport subprocess\noutput = run(["foo"], capture_output=True)\n',
    },
    {
      code: 'import subprocess\noutput = subprocess.run(stdout=subprocess.PIPE, args=["foo"], stderr=subprocess.PIPE)\n',
      errors: [capture(2, 10, 2, 86, CAPTURE)],
      output: null,
      unsafeOutput: 'import subprocess\noutput = subprocess.run(capture_output=True, args=["foo"])\n',
    },
    {
      code: 'import subprocess\noutput = subprocess.run(["foo"], stderr=subprocess.PIPE, check=True, stdout=subprocess.PIPE)\n',
      errors: [capture(2, 10, 2, 93, CAPTURE)],
      output: null,
      unsafeOutput: 'import subprocess\noutput = subprocess.run(["foo"], capture_output=True, check=True)\n',
    },
    {
      code: 'import subprocess\noutput = subprocess.run(\n    ["foo"],\n    stdout=subprocess.PIPE,\n    check=True,\n    stderr=subprocess.PIPE,\n    text=True,\n)\n',
      errors: [capture(2, 10, 8, 2, CAPTURE)],
      output: null,
      unsafeOutput: 'import subprocess\noutput = subprocess.run(\n    ["foo"],\n    capture_output=True,\n    check=True,\n    text=True,\n)\n',
    },
    {
      // `capture_output=` already given: reported, not rewritten.
      code: 'import subprocess\noutput = subprocess.run(\n    ["foo"], stdout=subprocess.PIPE, capture_output=False, stderr=subprocess.PIPE\n)\n',
      errors: [capture(2, 10, 4, 2, CAPTURE)],
      output: null,
    },
    {
      code: 'from subprocess import PIPE, run as execute\nexecute(["foo"], stdout=PIPE, stderr=PIPE, **options)\n',
      errors: [capture(2, 1, 2, 54, CAPTURE)],
      output: null,
      unsafeOutput: 'from subprocess import PIPE, run as execute\nexecute(["foo"], capture_output=True, **options)\n',
    },
  ],
});

const strEnum = at('str-enum-mixin');
const STR_ENUM = (name: string) => `\`${name}\` mixes \`str\` into \`Enum\`: \`enum.StrEnum\` is that class since Python 3.11`;
gatedRuleTester('str-enum-mixin', [3, 11], [3, 10], {
  valid: [
    'from enum import StrEnum\n\nclass A(StrEnum): ...\n',
    'from enum import Enum\n\nclass A(int, Enum): ...\n',
    'from enum import Enum\n\nclass A(Enum): ...\n',
    'class Enum: ...\n\nclass A(str, Enum): ...\n',
    'from enum import IntEnum\n\nclass A(str, IntEnum): ...\n',
    'from enum import Enum\nstr = bytes\n\nclass A(str, Enum): ...\n',
  ],
  invalid: [
    {
      code: 'from enum import Enum\n\nclass A(str, Enum): ...\n',
      errors: [strEnum(3, 7, 3, 8, STR_ENUM('A'))],
      output: null,
      unsafeOutput: 'from enum import Enum, StrEnum\n\nclass A(StrEnum): ...\n',
    },
    {
      code: 'from enum import Enum\n\nclass B(Enum, str): ...\n',
      errors: [strEnum(3, 7, 3, 8, STR_ENUM('B'))],
      output: null,
      unsafeOutput: 'from enum import Enum, StrEnum\n\nclass B(StrEnum): ...\n',
    },
    { code: 'from enum import Enum\n\nclass D(int, str, Enum): ...\n', errors: [strEnum(3, 7, 3, 8, STR_ENUM('D'))], output: null },
    { code: 'from enum import Enum\n\nclass E(str, int, Enum): ...\n', errors: [strEnum(3, 7, 3, 8, STR_ENUM('E'))], output: null },
    {
      code: 'import enum\n\nclass Color(str, enum.Enum):\n    RED = "red"\n',
      errors: [strEnum(3, 7, 3, 12, STR_ENUM('Color'))],
      output: null,
      unsafeOutput: 'import enum\n\nclass Color(enum.StrEnum):\n    RED = "red"\n',
    },
    {
      // A keyword argument makes three: reported, not rewritten.
      code: 'from enum import Enum\n\nclass F(str, Enum, metaclass=Meta): ...\n',
      errors: [strEnum(3, 7, 3, 8, STR_ENUM('F'))],
      output: null,
    },
  ],
});
