// Typed coverage: annotated parameters (self / cls aside) and returns over all of them, per
// file, as the CLI summary and the VS Code status bar show it.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import { formatCoverage, sumCoverage, typedCoverage } from '../../src/engine/families/typing/coverage';
import { getEngine } from '../helpers/engine';

describe('typing: typed coverage', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const coverageOf = (text: string) => {
    const document = engine.open(text);
    try {
      return engine.coverage(document);
    } finally {
      document.dispose();
    }
  };

  it('counts each parameter and each return of every def', () => {
    assert.deepEqual(coverageOf('def f(a: int, b, c: str = "") -> None:\n    pass\n'), { annotated: 3, total: 4 });
    assert.deepEqual(coverageOf('def f():\n    pass\n'), { annotated: 0, total: 1 });
    assert.deepEqual(coverageOf('def f(*args: int, **kwargs) -> int:\n    return 1\n'), { annotated: 2, total: 3 });
    assert.deepEqual(coverageOf('def f(a, /, b, *, c):\n    pass\n'), { annotated: 0, total: 4 }, 'the / and * markers are no parameters');
  });

  it('leaves out self and cls, but not the first parameter of a staticmethod', () => {
    const text = [
      'class A:',
      '    def m(self, x: int) -> None: ...',
      '    @classmethod',
      '    def c(cls) -> "A": ...',
      '    @staticmethod',
      '    def s(x: int) -> int: ...',
      '    def star(*args): ...',
      '',
    ].join('\n');
    // m: x + return; c: return; s: x + return; star: *args + return.
    assert.deepEqual(coverageOf(text), { annotated: 5, total: 7 });
  });

  it('counts nested defs, not lambdas, and nothing in a file without defs', () => {
    assert.deepEqual(coverageOf('def outer() -> None:\n    def inner(x):\n        return x\n    f = lambda y: y\n'), { annotated: 1, total: 3 });
    assert.deepEqual(coverageOf('x = lambda y: y\nLIMIT = 3\n'), { annotated: 0, total: 0 });
    assert.deepEqual(coverageOf(''), { annotated: 0, total: 0 });
  });

  it('skips a def with a syntax error inside', () => {
    assert.deepEqual(coverageOf('def ok(x: int) -> int:\n    return x\n\ndef broken(y):\n    z = = 1\n'), { annotated: 2, total: 2 });
  });

  it('gives the same figure from an analysis (free) as from a fresh query', () => {
    const text = 'class A:\n    def m(self, x: int):\n        return x\n\ndef f(a, b: str) -> str:\n    return b\n';
    const document = engine.open(text);
    try {
      engine.analyze(document, { select: ['typing'] });
      assert.deepEqual(engine.coverage(document), typedCoverage(document.tree));
      assert.deepEqual(engine.coverage(document), { annotated: 3, total: 5 });
      // After an edit the remembered defs belong to an old tree: the figure follows the text.
      document.update([{ start: 0, end: 0, newText: 'def g(q: int) -> None:\n    pass\n\n' }]);
      assert.deepEqual(engine.coverage(document), { annotated: 5, total: 7 });
    } finally {
      document.dispose();
    }
  });

  it('formats as a floored percentage, and sums files', () => {
    assert.equal(formatCoverage({ annotated: 2, total: 3 }), '66%');
    assert.equal(formatCoverage({ annotated: 199, total: 200 }), '99%', 'never rounds up to 100%');
    assert.equal(formatCoverage({ annotated: 4, total: 4 }), '100%');
    assert.equal(formatCoverage({ annotated: 0, total: 0 }), undefined);
    assert.deepEqual(sumCoverage([{ annotated: 1, total: 2 }, undefined, { annotated: 3, total: 5 }]), { annotated: 4, total: 7 });
  });
});
