// Semantic facts: imports and aliases, resolution of names through them, shadowing, scopes
// (enclosing function, async context) and the target version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { CHECKS } from '../../src/engine/checks';
import { Engine } from '../../src/engine/engine';
import type { SemanticFacts } from '../../src/engine/facts';
import { DEFAULT_TARGET_VERSION, type PythonVersion, type RuleMeta } from '../../src/engine/types';
import { readRuleSet } from '../../src/node/load-engine';
import { DIST_DIR } from '../helpers/engine';
import { nodeSpanning, useFacts } from '../helpers/facts';

interface Analysed {
  facts: SemanticFacts;
  /** The innermost node spanning exactly the `occurrence`-th (0-based) `needle`. */
  node(needle: string, occurrence?: number): Node;
  /** facts.resolve() of that node, or of its callee when it is a call. */
  resolve(needle: string, occurrence?: number): string | undefined;
}

describe('semantic facts', () => {
  const snippets = useFacts();
  let engine: Engine;
  before(() => {
    engine = snippets.engine();
  });

  function analyse(text: string, version: PythonVersion = DEFAULT_TARGET_VERSION): Analysed {
    const { tree, facts } = snippets.parse(text, version);
    const node = (needle: string, occurrence = 0): Node => {
      let offset = -1;
      for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        assert.notEqual(offset, -1, `"${needle}" #${occurrence} not in the text`);
      }
      return nodeSpanning(tree, offset, needle.length, needle);
    };
    /** Resolves the callee of the call spelled `call` (e.g. `zz(1)`), or an expression. */
    const resolve = (needle: string, occurrence?: number): string | undefined => {
      const found = node(needle, occurrence);
      return facts.resolve(found.type === 'call' ? found.childForFieldName('function')! : found);
    };
    return { facts, node, resolve };
  }

  describe('imports and aliases', () => {
    it('records module imports, from-imports and aliases with their qualified names', () => {
      const { facts } = analyse(
        [
          'import time as t',
          'from time import sleep as zz',
          'import pandas as pd',
          'from pandas import read_csv',
          'import os.path',
          'import os.path as osp',
          'from a.b import (c, d as e)',
          'import json, sys as system',
        ].join('\n'),
      );
      assert.deepEqual(
        facts.imports.map((b) => [b.local, b.qualified, b.isModule]),
        [
          ['t', 'time', true],
          ['zz', 'time.sleep', false],
          ['pd', 'pandas', true],
          ['read_csv', 'pandas.read_csv', false],
          ['os', 'os', true],
          ['osp', 'os.path', true],
          ['c', 'a.b.c', false],
          ['e', 'a.b.d', false],
          ['json', 'json', true],
          ['system', 'sys', true],
        ],
      );
    });

    it('ignores relative imports: they are the project\'s own modules', () => {
      const { facts, resolve } = analyse('from . import pandas\nfrom .time import sleep\nfrom ..pkg import read_csv\npandas.read_csv(1)\nsleep(1)\n');
      assert.deepEqual(facts.imports, []);
      assert.equal(resolve('pandas.read_csv'), undefined);
      assert.equal(resolve('sleep', 1), undefined);
    });

    it('tells whether the file imports a module or anything under it', () => {
      const { facts } = analyse('from pandas import read_csv\nimport trio.lowlevel\n');
      assert.equal(facts.importsModule('pandas'), true);
      assert.equal(facts.importsModule('trio'), true);
      assert.equal(facts.importsModule('trio.lowlevel'), true, 'the submodule an import names');
      assert.equal(facts.importsModule('trio.testing'), false);
      assert.equal(facts.importsModule('pand'), false, 'a prefix of a name is not the module');
      assert.equal(facts.importsModule('anyio'), false);
    });

    it('handles a file that repeats the same import thousands of times', () => {
      const text = Array.from({ length: 3000 }, (_, i) => `import time\nasync def f${i}() -> None:\n    time.sleep(1)\n`).join('');
      const findings = engine.analyzeText(text, { select: ['blocking-sleep-in-async'] });
      assert.equal(findings.length, 3000);
      assert.equal(findings[2999].fixes[0].title, 'Replace with `await asyncio.sleep(1)`');
    });

    it('records future imports', () => {
      const { facts } = analyse('"""Doc."""\nfrom __future__ import annotations, division\nimport time\n');
      assert.equal(facts.hasFutureImport('annotations'), true);
      assert.equal(facts.hasFutureImport('division'), true);
      assert.equal(facts.hasFutureImport('generators'), false);
      assert.deepEqual(facts.imports.map((b) => b.qualified), ['time'], 'a future import binds no name');
      assert.equal(analyse('import annotations\n').facts.hasFutureImport('annotations'), false);
    });

    it('gives the module-level alias of a module, only when it is unshadowed', () => {
      assert.equal(analyse('import asyncio as aio\n').facts.moduleAlias('asyncio'), 'aio');
      assert.equal(analyse('import asyncio\n').facts.moduleAlias('asyncio'), 'asyncio');
      assert.equal(analyse('from asyncio import sleep\n').facts.moduleAlias('asyncio'), undefined);
      assert.equal(analyse('def f():\n    import asyncio\n').facts.moduleAlias('asyncio'), undefined);
      assert.equal(analyse('import asyncio\nasyncio = None\n').facts.moduleAlias('asyncio'), undefined);
      assert.equal(analyse('import asyncio.subprocess\n').facts.moduleAlias('asyncio.subprocess'), undefined, '`import a.b` binds a, not a.b');
    });

    it('scopes function-local imports to their function', () => {
      const { facts, resolve } = analyse('def f():\n    import json\n    json.dumps(1)\n\ndef g():\n    json.dumps(2)\n');
      assert.equal(facts.imports[0].scope.name, 'f');
      assert.equal(resolve('json.dumps'), 'json.dumps');
      assert.equal(resolve('json.dumps', 1), undefined);
    });

    it('handles try/except ImportError fallbacks', () => {
      // Two candidate modules for one name: unknown.
      const json = analyse('try:\n    import ujson as json\nexcept ImportError:\n    import json\n\njson.dumps(1)\n');
      assert.equal(json.resolve('json.dumps'), undefined);
      // The fallback assigns a placeholder: the name may not be the module.
      const optional = analyse('try:\n    import pandas as pd\nexcept ImportError:\n    pd = None\n\npd.read_csv("x")\n');
      assert.equal(optional.resolve('pd.read_csv'), undefined);
      // The fallback gives up: the name is the module wherever code runs.
      const required = analyse('try:\n    import pandas as pd\nexcept ImportError:\n    raise SystemExit("pip install pandas")\n\npd.read_csv("x")\n');
      assert.equal(required.resolve('pd.read_csv'), 'pandas.read_csv');
      // The same module on both branches.
      const same = analyse('try:\n    from time import sleep\nexcept ImportError:\n    from time import sleep\n\nsleep(1)\n');
      assert.equal(same.resolve('sleep', 2), 'time.sleep');
    });

    it('skips an import statement with a syntax error in it', () => {
      const { facts } = analyse('import time as\nimport pandas as pd\n');
      assert.deepEqual(facts.imports.map((b) => b.local), ['pd']);
    });
  });

  describe('resolve()', () => {
    const header = 'import time as t\nfrom time import sleep as zz\nimport pandas as pd\nimport os.path\nimport os.path as osp\nfrom pandas import read_csv\n';

    it('follows attribute chains through imports and aliases', () => {
      const { resolve } = analyse(`${header}t.sleep(1)\nzz(1)\npd.read_csv("x")\nos.path.join("a")\nosp.join("a")\nread_csv("y")\npd.io.parsers.read_csv("x")\nt.monotonic\n`);
      assert.equal(resolve('t.sleep(1)'), 'time.sleep');
      assert.equal(resolve('zz(1)'), 'time.sleep');
      assert.equal(resolve('pd.read_csv("x")'), 'pandas.read_csv');
      assert.equal(resolve('os.path.join("a")'), 'os.path.join');
      assert.equal(resolve('osp.join("a")'), 'os.path.join');
      assert.equal(resolve('read_csv("y")'), 'pandas.read_csv');
      assert.equal(resolve('pd.io.parsers.read_csv("x")'), 'pandas.io.parsers.read_csv');
      assert.equal(resolve('t.monotonic'), 'time.monotonic');
    });

    it('leaves unknown names and non-name bases unresolved', () => {
      const { resolve } = analyse(`${header}np.linalg.norm(1)\nself.sleep(1)\nget().sleep(1)\n"s".join(1)\nt[0].sleep(1)\n(t).sleep(1)\n`);
      assert.equal(resolve('np.linalg.norm(1)'), undefined);
      assert.equal(resolve('self.sleep(1)'), undefined);
      assert.equal(resolve('get().sleep(1)'), undefined);
      assert.equal(resolve('"s".join(1)'), undefined);
      assert.equal(resolve('t[0].sleep(1)'), undefined);
      assert.equal(resolve('(t).sleep(1)'), undefined);
    });

    it('a parameter shadows an import inside its function only', () => {
      const { resolve } = analyse(
        `${header}def f(t, *zz, pd=1, **osp):\n    t.sleep(1)\n    zz(1)\n    pd.read_csv(1)\n    osp.join(1)\n\ndef g(x: int = 0, *, y: str):\n    t.sleep(2)\n\nh = lambda t: t.sleep(3)\n`,
      );
      assert.equal(resolve('t.sleep(1)'), undefined);
      assert.equal(resolve('zz(1)'), undefined);
      assert.equal(resolve('pd.read_csv(1)'), undefined);
      assert.equal(resolve('osp.join(1)'), undefined);
      assert.equal(resolve('t.sleep(2)'), 'time.sleep');
      assert.equal(resolve('t.sleep(3)'), undefined, 'a lambda parameter');
    });

    it('an assignment, a loop variable or a local def shadows an import in its scope', () => {
      const { resolve } = analyse(
        `${header}def f():\n    t = Clock()\n    t.sleep(1)\n\ndef g():\n    def zz(x):\n        return x\n    zz(2)\n\ndef h():\n    for pd in frames:\n        pd.read_csv(3)\n\ndef k():\n    with open("x") as osp:\n        osp.join(4)\n\ndef m():\n    t.sleep(5)\n    zz(5)\n`,
      );
      assert.equal(resolve('t.sleep(1)'), undefined);
      assert.equal(resolve('zz(2)'), undefined);
      assert.equal(resolve('pd.read_csv(3)'), undefined);
      assert.equal(resolve('osp.join(4)'), undefined);
      assert.equal(resolve('t.sleep(5)'), 'time.sleep');
      assert.equal(resolve('zz(5)'), 'time.sleep');
    });

    it('a module-level rebinding makes the name unknown everywhere', () => {
      const { resolve } = analyse('import time\n\ndef f():\n    time.sleep(1)\n\ntime = FakeClock()\n');
      assert.equal(resolve('time.sleep(1)'), undefined);
    });

    it('a class attribute does not shadow the import inside methods (class scopes are skipped)', () => {
      const { resolve } = analyse('import time\n\nclass C:\n    time = 5\n    x = time.sleep(0)\n\n    def m(self):\n        time.sleep(1)\n');
      assert.equal(resolve('time.sleep(0)'), undefined, 'in the class body the attribute wins');
      assert.equal(resolve('time.sleep(1)'), 'time.sleep');
    });

    it('a nested function sees the enclosing function\'s import, unless it shadows it', () => {
      const { resolve } = analyse('def outer():\n    import time\n    def inner():\n        time.sleep(1)\n    def other(time):\n        time.sleep(2)\n');
      assert.equal(resolve('time.sleep(1)'), 'time.sleep');
      assert.equal(resolve('time.sleep(2)'), undefined);
    });
  });

  describe('scopes and async context', () => {
    const code = [
      'import time', //                                          0
      '', //                                                     1
      '@deco(time.sleep(0))', //                                 2  decorator: module scope
      'async def handler(request, delay=time.sleep(0)) -> X:', // 3  default and annotation: module scope
      '    time.sleep(1)', //                                    4  async
      '    def sync_helper():', //                               5
      '        time.sleep(2)', //                                6  sync def stops it
      '    cb = lambda: time.sleep(3)', //                       7  lambda stops it
      '    class Local:', //                                     8
      '        time.sleep(4)', //                                9  class body stops it
      '        async def method(self):', //                      10
      '            time.sleep(5)', //                            11 async method: async again
      '    @deco(time.sleep(6))', //                             12 decorator of a nested def: handler
      '    def decorated(x=time.sleep(7)):', //                  13 default of a nested def: handler
      '        pass', //                                         14
      '    async with lock:', //                                 15
      '        time.sleep(8)', //                                16
      '    return [time.sleep(9) async for _ in stream()]', //   17 comprehension: same function here
      '', //                                                     18
      'def sync():', //                                          19
      '    async def inner():', //                               20
      '        time.sleep(10)', //                               21
      '    time.sleep(11)', //                                   22
      '',
    ].join('\n');

    const cases: [number, boolean, string | undefined][] = [
      [0, false, undefined],
      [0, false, undefined],
      [1, true, 'handler'],
      [2, false, 'sync_helper'],
      [3, false, ''],
      [4, false, undefined],
      [5, true, 'method'],
      [6, true, 'handler'],
      [7, true, 'handler'],
      [8, true, 'handler'],
      [9, true, 'handler'],
      [10, true, 'inner'],
      [11, false, 'sync'],
    ];

    it('knows the enclosing function and whether code runs in a coroutine', () => {
      const { facts, node } = analyse(code);
      const seen = cases.map((_, i) => {
        const call = node(`time.sleep(${cases[i][0]})`, i === 1 ? 1 : 0);
        return [cases[i][0], facts.isInAsyncContext(call), facts.enclosingFunction(call)?.name] as const;
      });
      assert.deepEqual(seen, cases);
    });

    it('lists the scopes in document order with their kind, name and parent', () => {
      const { facts } = analyse(code);
      assert.deepEqual(
        facts.scopes.map((s) => [s.kind, s.name, s.isAsync, s.parent?.name ?? null]),
        [
          ['module', '', false, null],
          ['function', 'handler', true, ''],
          ['function', 'sync_helper', false, 'handler'],
          ['lambda', '', false, 'handler'],
          ['class', 'Local', false, 'handler'],
          ['function', 'method', true, 'Local'],
          ['function', 'decorated', false, 'handler'],
          ['function', 'sync', false, ''],
          ['function', 'inner', true, 'sync'],
        ],
      );
    });

    it('puts a def\'s name, parameters\' defaults and decorators in the outer scope, its body inside', () => {
      const { facts, node } = analyse('@register(1)\ndef handler(a=2) -> int:\n    return a\n');
      assert.equal(facts.scopeOf(node('1')).kind, 'module');
      assert.equal(facts.scopeOf(node('handler')).kind, 'module');
      assert.equal(facts.scopeOf(node('2')).kind, 'module');
      assert.equal(facts.scopeOf(node('int')).kind, 'module');
      assert.equal(facts.scopeOf(node('return a')).name, 'handler');
      assert.equal(facts.enclosingFunction(node('1')), undefined);
    });
  });

  describe('target version', () => {
    const PROBE = 'test-probe-target-version';
    let probeEngine: Engine;
    let seen: (readonly [number, number])[] = [];

    before(async () => {
      const ruleSet = readRuleSet(DIST_DIR);
      const base = ruleSet.rules.find((r) => r.id === 'missing-return-annotation')!;
      const csv = ruleSet.rules.find((r) => r.id === 'pandas-read-csv')!;
      // A test-only check that records the version it sees, and a data rule gated on 3.11.
      CHECKS[PROBE] = (context) => ({ finish: () => void seen.push(context.facts.targetVersion) });
      const probe: RuleMeta = { ...base, id: PROBE, check: PROBE, status: 'preview', source: `rules/typing/${PROBE}.yml` };
      const gated: RuleMeta = { ...csv, id: 'gated-read-csv', minVersion: [3, 11], status: 'preview', source: 'rules/dataframes/gated-read-csv.yml' };
      probeEngine = await Engine.create({
        grammar: { runtime: readFileSync(join(DIST_DIR, 'tree-sitter.wasm')), python: readFileSync(join(DIST_DIR, 'tree-sitter-python.wasm')) },
        ruleSet: { ...ruleSet, rules: [...ruleSet.rules, probe, gated] },
      });
    });
    after(() => {
      delete CHECKS[PROBE];
      probeEngine?.dispose();
    });
    beforeEach(() => {
      seen = [];
    });

    it('is 3.10 by default and the config\'s otherwise', () => {
      assert.deepEqual(DEFAULT_TARGET_VERSION, [3, 10]);
      probeEngine.analyzeText('def f(): pass\n', { select: [PROBE] });
      probeEngine.analyzeText('def f(): pass\n', { select: [PROBE], targetVersion: [3, 12] });
      probeEngine.analyzeText('def f(): pass\n', { select: [PROBE], targetVersion: [3, 8] });
      assert.deepEqual(seen, [[3, 10], [3, 12], [3, 8]]);
    });

    it('gates a rule with a minimum version', () => {
      const text = 'import pandas as pd\ndf = pd.read_csv("x")\n';
      const run = (targetVersion?: PythonVersion) =>
        probeEngine.analyzeText(text, { select: ['gated-read-csv'], targetVersion }).map((f) => f.rule);
      assert.deepEqual(run(), [], 'default 3.10 < 3.11');
      assert.deepEqual(run([3, 10]), []);
      assert.deepEqual(run([3, 11]), ['gated-read-csv']);
      assert.deepEqual(run([3, 13]), ['gated-read-csv']);
    });
  });

  describe('localBinding()', () => {
    const text = [
      'import pandas as pd',
      'frame = pd.read_csv("a.csv")',
      'async def handler(path, session: "Session"):',
      '    f = open(path)',
      '    f = open(path, "rb")',
      '    data = f.read()',
      '    with open(path) as g:',
      '        g.read()',
      '    for row in data:',
      '        row.strip()',
      '    count = 0',
      '    count += 1',
      '    session.get(path)',
      '    frame.head()',
      '',
    ].join('\n');

    it('gives the values assigned before the use, in order', () => {
      const { facts, node } = analyse(text);
      const binding = facts.localBinding(node('f.read()').childForFieldName('function')!.childForFieldName('object')!);
      assert.deepEqual(binding?.values.map((v) => v.text), ['open(path)', 'open(path, "rb")']);
      assert.equal(binding?.opaque, false);
      assert.equal(binding?.parameter, undefined);
    });

    it('counts `with value as name` as an assignment', () => {
      const { facts, node } = analyse(text);
      const use = node('g.read()').childForFieldName('function')!.childForFieldName('object')!;
      assert.deepEqual(facts.localBinding(use)?.values.map((v) => v.text), ['open(path)']);
      assert.equal(facts.localBinding(use)?.opaque, false);
    });

    it('flags loop targets and augmented assignments as opaque', () => {
      const { facts, node } = analyse(text);
      assert.equal(facts.localBinding(node('row.strip()').childForFieldName('function')!.childForFieldName('object')!)?.opaque, true);
      assert.equal(facts.localBinding(node('count += 1').childForFieldName('left')!)?.opaque, true);
    });

    it('gives a parameter (with its annotation reachable from the parent)', () => {
      const { facts, node } = analyse(text);
      const parameter = facts.localBinding(node('session.get(path)').childForFieldName('function')!.childForFieldName('object')!)?.parameter;
      assert.equal(parameter?.startIndex, node('session').startIndex);
      assert.equal(parameter?.parent?.childForFieldName('type')?.text, '"Session"');
    });

    it('is undefined for a name bound only in an outer scope', () => {
      const { facts, node } = analyse(text);
      assert.equal(facts.localBinding(node('frame.head()').childForFieldName('function')!.childForFieldName('object')!), undefined);
      assert.deepEqual(facts.localBinding(node('frame'))?.values.map((v) => v.text), [], 'the binding itself precedes no use');
    });
  });
});

// async: builtins resolution (open, input…), used by the async family's rules.
describe('semantic facts: builtins', () => {
  const snippets = useFacts();

  /** facts.resolve() of the callee of every call spelled `needle(`, in order. */
  function resolveAll(text: string, needle: string): (string | undefined)[] {
    const { tree, facts } = snippets.parse(text);
    const results: (string | undefined)[] = [];
    for (let offset = text.indexOf(`${needle}(`); offset !== -1; offset = text.indexOf(`${needle}(`, offset + 1)) {
      const node = tree.rootNode.descendantForIndex(offset);
      if (node?.type === 'identifier' && node.parent?.type === 'call') results.push(facts.resolve(node));
    }
    return results;
  }

  it('resolves a name no scope binds and no import names to builtins.<name>', () => {
    assert.deepEqual(resolveAll('def f(p):\n    return open(p)\n\nasync def g():\n    return input()\n', 'open'), ['builtins.open']);
    assert.deepEqual(resolveAll('async def g():\n    return input("? ")\n', 'input'), ['builtins.input']);
  });

  it('leaves the name unresolved when anything may bind it', () => {
    // A parameter, a local def, a module-level assignment, an import, a `global` set elsewhere.
    assert.deepEqual(resolveAll('def f(open):\n    return open("x")\n', 'open'), [undefined]);
    assert.deepEqual(resolveAll('def f():\n    def open(x):\n        return x\n    return open("x")\n', 'open'), [undefined]);
    assert.deepEqual(resolveAll('open = print\n\ndef f():\n    return open("x")\n', 'open'), [undefined]);
    assert.deepEqual(resolveAll('from io import open\n\ndef f():\n    return open("x")\n', 'open'), ['io.open']);
    assert.deepEqual(resolveAll('def setup():\n    global open\n    open = print\n\ndef f():\n    return open("x")\n', 'open'), [undefined]);
    // `from x import *` may bind any name.
    assert.deepEqual(resolveAll('from os import *\n\ndef f():\n    return open("x", 0)\n', 'open'), [undefined]);
  });

  it('is scoped like Python: a class attribute or another function\'s parameter does not shadow it', () => {
    assert.deepEqual(resolveAll('class C:\n    open = None\n\n    def m(self):\n        return open("x")\n\ndef other(open):\n    pass\n\ndef f():\n    return open("y")\n', 'open'), ['builtins.open', 'builtins.open']);
  });

  it('lets the resolves-to prefilter keep rules that look for builtins', () => {
    const { facts } = snippets.parse('x = 1\n');
    assert.equal(facts.mayResolveTo(['builtins.open']), true);
    assert.equal(facts.mayResolveTo(['time.sleep']), false);
  });
});
