// [tool.pymodern.typing] through the engine: each option turns exact findings of the
// missing-annotation rules on or off, and the typed coverage counts the same slots, from an
// analysis (free) and from a fresh query alike.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import type { TypedCoverage } from '../../src/engine/families/typing/coverage';
import { typedCoverage } from '../../src/engine/families/typing/coverage';
import type { TypingOptions } from '../../src/engine/types';
import { getEngine } from '../helpers/engine';

const SELECT = [
  'missing-return-annotation',
  'missing-private-return-annotation',
  'missing-special-method-return-annotation',
  'missing-parameter-annotation',
  'missing-private-parameter-annotation',
  'missing-star-args-annotation',
];

interface Outcome {
  /** `rule line:column-endLine:endColumn`, 1-based, end exclusive. */
  findings: string[];
  coverage: TypedCoverage;
}

describe('typing options: what the missing-annotation rules report and the coverage counts', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  function run(text: string, typing?: Partial<TypingOptions>): Outcome {
    const document = engine.open(text);
    try {
      const findings = engine.analyze(document, { select: SELECT, ...(typing ? { typing } : {}) }).map((f) => {
        const { start, end } = f.range;
        return `${f.rule} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
      });
      const coverage = engine.coverage(document);
      assert.deepEqual(typedCoverage(document.tree, typing), coverage, 'a fresh query counts what the analysis counted');
      return { findings, coverage };
    } finally {
      document.dispose();
    }
  }

  it('star-args (default true): *args / **kwargs reported and counted; false: neither', () => {
    const text = 'def f(*args, **kwargs) -> None:\n    pass\n\n\ndef _g(*args) -> None:\n    pass\n';
    const reported = {
      findings: ['missing-star-args-annotation 1:7-1:12', 'missing-star-args-annotation 1:14-1:22', 'missing-private-parameter-annotation 5:8-5:13'],
      coverage: { annotated: 2, total: 5 },
    };
    assert.deepEqual(run(text), reported);
    assert.deepEqual(run(text, { starArgs: true }), reported);
    assert.deepEqual(run(text, { starArgs: false }), { findings: [], coverage: { annotated: 2, total: 2 } });
  });

  it('private-functions (default true): _private methods and nested defs; false: the public API only', () => {
    const text = 'def outer() -> None:\n    def inner(x):\n        return x\n\n\nclass A:\n    def _helper(self, y):\n        pass\n';
    assert.deepEqual(run(text), {
      findings: [
        'missing-private-return-annotation 2:9-2:14',
        'missing-private-parameter-annotation 2:15-2:16',
        'missing-private-return-annotation 7:9-7:16',
        'missing-private-parameter-annotation 7:23-7:24',
      ],
      coverage: { annotated: 1, total: 5 },
    });
    assert.deepEqual(run(text, { privateFunctions: false }), { findings: [], coverage: { annotated: 1, total: 1 } });
  });

  it('dummy-args (default Ruff\'s dummy-variable-rgx): matching names skipped; empty: none skipped', () => {
    const text = 'def f(_, _unused, used, unused_) -> None:\n    pass\n';
    assert.deepEqual(run(text), {
      findings: ['missing-parameter-annotation 1:19-1:23', 'missing-parameter-annotation 1:25-1:32'],
      coverage: { annotated: 1, total: 3 },
    });
    assert.deepEqual(run(text, { dummyArgs: '' }), {
      findings: [
        'missing-parameter-annotation 1:7-1:8',
        'missing-parameter-annotation 1:10-1:17',
        'missing-parameter-annotation 1:19-1:23',
        'missing-parameter-annotation 1:25-1:32',
      ],
      coverage: { annotated: 1, total: 5 },
    });
    assert.deepEqual(run(text, { dummyArgs: '^unused' }), {
      findings: ['missing-parameter-annotation 1:7-1:8', 'missing-parameter-annotation 1:10-1:17', 'missing-parameter-annotation 1:19-1:23'],
      coverage: { annotated: 1, total: 4 },
    });
  });

  it('overload-implementation (default false): the def after @overload stubs is skipped; true: checked', () => {
    const text = 'from typing import overload\n\n\n@overload\ndef parse(x: int) -> int: ...\n@overload\ndef parse(x: str) -> str: ...\ndef parse(x):\n    return x\n';
    assert.deepEqual(run(text), { findings: [], coverage: { annotated: 4, total: 4 } });
    assert.deepEqual(run(text, { overloadImplementation: true }), {
      findings: ['missing-return-annotation 8:5-8:10', 'missing-parameter-annotation 8:11-8:12'],
      coverage: { annotated: 4, total: 6 },
    });
  });

  it('raise-only (default true): raise-only bodies checked; false: skipped, return and parameters', () => {
    const text = 'class Base:\n    def run(self, job):\n        raise NotImplementedError\n\n\ndef fail(message):\n    raise RuntimeError(message)\n';
    assert.deepEqual(run(text), {
      findings: [
        'missing-return-annotation 2:9-2:12',
        'missing-parameter-annotation 2:19-2:22',
        'missing-return-annotation 6:5-6:9',
        'missing-parameter-annotation 6:10-6:17',
      ],
      coverage: { annotated: 0, total: 4 },
    });
    assert.deepEqual(run(text, { raiseOnly: false }), { findings: [], coverage: { annotated: 0, total: 0 } });
    // A body that does more than raise is checked either way.
    assert.deepEqual(run('def fail(message):\n    print(message)\n    raise RuntimeError(message)\n', { raiseOnly: false }).findings, [
      'missing-return-annotation 1:5-1:9',
      'missing-parameter-annotation 1:10-1:17',
    ]);
  });

  it('mypy-init-return (default false): true spares an __init__ with an annotated parameter its -> None', () => {
    const text = 'class A:\n    def __init__(self, x: int):\n        self.x = x\n\n\nclass B:\n    def __init__(self, x):\n        self.x = x\n';
    assert.deepEqual(run(text), {
      findings: ['missing-special-method-return-annotation 2:9-2:17', 'missing-special-method-return-annotation 7:9-7:17', 'missing-parameter-annotation 7:24-7:25'],
      coverage: { annotated: 1, total: 4 },
    });
    assert.deepEqual(run(text, { mypyInitReturn: true }), {
      findings: ['missing-special-method-return-annotation 7:9-7:17', 'missing-parameter-annotation 7:24-7:25'],
      coverage: { annotated: 1, total: 3 },
    });
    // An annotated self is no annotated parameter.
    assert.deepEqual(run('class C:\n    def __init__(self: "C"):\n        pass\n', { mypyInitReturn: true }).findings, ['missing-special-method-return-annotation 2:9-2:17']);
  });

  it('suppress-none-returning (default false): true spares functions that return nothing but None, not __init__', () => {
    const text = [
      'def log(message: str):', //          1: falls off the end
      '    print(message)',
      '',
      '',
      'def check(flag: bool):', //          5: return None / bare return
      '    if flag:',
      '        return None',
      '    return',
      '',
      '',
      'def value(flag: bool):', //          11: returns a value
      '    if flag:',
      '        return 1',
      '',
      '',
      'def numbers(n: int):', //            16: a generator
      '    yield n',
      '',
      '',
      'class A:',
      '    def __init__(self, x: int):', //  21: answers to mypy-init-return only
      '        self.x = x',
      '',
      '    def __exit__(self, *args: object):', // 24
      '        def inner() -> int:',
      '            return 1',
      '',
    ].join('\n');
    assert.deepEqual(run(text), {
      findings: [
        'missing-return-annotation 1:5-1:8',
        'missing-return-annotation 5:5-5:10',
        'missing-return-annotation 11:5-11:10',
        'missing-return-annotation 16:5-16:12',
        'missing-special-method-return-annotation 21:9-21:17',
        'missing-special-method-return-annotation 24:9-24:17',
      ],
      coverage: { annotated: 7, total: 13 },
    });
    assert.deepEqual(run(text, { suppressNoneReturning: true }), {
      findings: ['missing-return-annotation 11:5-11:10', 'missing-return-annotation 16:5-16:12', 'missing-special-method-return-annotation 21:9-21:17'],
      coverage: { annotated: 7, total: 10 },
    });
  });

  it('ignore-fully-untyped (default false): true skips defs without any annotation (a typed self counts)', () => {
    const text = 'def untyped(a, b):\n    return a\n\n\ndef started(a: int, b):\n    return a\n\n\nclass A:\n    def m(self: "A", x):\n        pass\n';
    const started = ['missing-return-annotation 5:5-5:12', 'missing-parameter-annotation 5:21-5:22', 'missing-return-annotation 10:9-10:10', 'missing-parameter-annotation 10:22-10:23'];
    assert.deepEqual(run(text), {
      findings: ['missing-return-annotation 1:5-1:12', 'missing-parameter-annotation 1:13-1:14', 'missing-parameter-annotation 1:16-1:17', ...started],
      coverage: { annotated: 1, total: 8 },
    });
    assert.deepEqual(run(text, { ignoreFullyUntyped: true }), { findings: started, coverage: { annotated: 1, total: 5 } });
  });

  it('coverage follows the config it is asked for, else the last analysis\'s, also after an edit', () => {
    const text = 'def f(*args) -> None:\n    pass\n';
    const document = engine.open(text);
    try {
      engine.analyze(document, { select: SELECT, typing: { starArgs: false } });
      assert.deepEqual(engine.coverage(document), { annotated: 1, total: 1 });
      assert.deepEqual(engine.coverage(document, {}), { annotated: 1, total: 2 });
      assert.deepEqual(engine.coverage(document, { typing: { starArgs: false } }), { annotated: 1, total: 1 });
      document.update([{ start: 0, end: 0, newText: 'def g(*rest): ...\n' }]);
      assert.deepEqual(engine.coverage(document), { annotated: 1, total: 2 }, 'the new tree, counted with the options of the last analysis');
    } finally {
      document.dispose();
    }
  });
});
