// Bugs the fuzz harness (npm run fuzz) found, each kept as the minimal reproducer it wrote.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import { getEngine } from '../helpers/engine';

describe('fuzz-found regressions', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const all = (engine: Engine) => engine.rules.map((r) => r.id);

  it('typealias-annotation unquotes only an alias value that parses as a type', () => {
    const broken = 'from typing import TypeAlias\nJson: TypeAlias = "dict[str, Json] | l😀ist[Json] | str | int | None"';
    const [finding] = engine.analyzeText(broken, { select: ['typealias-annotation'], targetVersion: [3, 12] });
    assert.deepEqual(finding.fixes, [], 'the emoji would be a syntax error unquoted');
    const [good] = engine.analyzeText(broken.replace('😀', ''), { select: ['typealias-annotation'], targetVersion: [3, 12] });
    assert.equal(good.fixes[0].title, 'Replace with `type Json = dict[str, Json] | list[Json] | str | int | None`', 'a union of generics parses as a type (union_type)');
  });

  it('future-annotations-required never inserts the import after a comment on the same line, so fix-all ends', () => {
    const text = '\t# pymodern-test: target-version 3.12\n \ufffd\ufffd"""Target."""\ndef parse(value: str | bytes) -> int:\n    return 0\n';
    const fixed = engine.fixAll(text, { select: all(engine), targetVersion: [3, 8] }, { unsafe: true });
    assert.equal(fixed.applied, 0);
    assert.equal(fixed.text, text);
  });

  it('a fix next to a syntax error is offered only when it adds no error', () => {
    const text = '"""Doc."""\nfrom collections.abc import Iterator\ufffd\ufffd\nfrom typing import Optional\n    return ["a", "b"]';
    for (const finding of engine.analyzeText(text, { select: all(engine), targetVersion: [3, 10] })) {
      for (const fix of finding.fixes) assert.ok(engine.fixKeepsSyntax(text, fix), `${finding.rule}: ${fix.title}`);
    }
  });

  it('a name used only inside an f-string statement keeps its import when a fix rewrites its other use', () => {
    const text = 'from typing import List\n\nf"{List}"\nx: List[int] = []\n';
    const [finding] = engine.analyzeText(text, { select: ['typing-generic-alias'], targetVersion: [3, 12] });
    assert.equal(finding.fixes[0].edits.length, 1, 'only the annotation changes: the f-string evaluates List');
    const fixed = engine.fixAll(text, { select: ['typing-generic-alias'], targetVersion: [3, 12] }, { unsafe: false });
    assert.equal(fixed.text, 'from typing import List\n\nf"{List}"\nx: list[int] = []\n');
  });

  it('fix-all on 1,400 nested List[ next to a syntax error rewrites level by level and keeps the import while List is left', () => {
    const depth = 1400;
    const text = `from typing import List\nx: ${'List['.repeat(depth)}int${']'.repeat(depth)}\ndef (\n`;
    const fixed = engine.fixAll(text, { select: ['typing-generic-alias'], targetVersion: [3, 12] }, { unsafe: true });
    assert.ok(fixed.applied > 0);
    assert.match(fixed.text, /^from typing import List\n/, 'List is still used further in');
    assert.ok(fixed.text.startsWith(`from typing import List\nx: ${'list['.repeat(fixed.applied)}List[`), fixed.text.slice(0, 120));
  });

  it('type-comment offers nothing on a def whose body is missing (the fix would shift the parser\'s recovery)', () => {
    const text = '\ufeff\ufeff"""Doc."""\nimport os\ndef lookup(\n    default=None,  # type: Optional[int]  # expect: type-comment\n):';
    for (const finding of engine.analyzeText(text, { select: all(engine) })) {
      for (const fix of finding.fixes) assert.ok(engine.fixKeepsSyntax(text, fix), `${finding.rule}: ${fix.title}`);
    }
  });

  it('a character replaced by a line break above a def moves the findings below it a line down (same length, new line)', () => {
    const text = '"""Doc x."""\n\n\ndef _split(line: str):\n    return line.split()\n';
    const config = { select: ['missing-private-return-annotation'] };
    const document = engine.open(text);
    try {
      const [before] = engine.analyzeEdited(document, config).findings;
      assert.equal(before.range.start.line, 3);
      const at = text.indexOf('x');
      engine.update(document, [{ start: at, end: at + 1, newText: '\n' }]);
      const edited = engine.analyzeEdited(document, config);
      assert.deepEqual(edited.findings.map((f) => [f.start, f.range.start.line, f.range.start.character]), [[before.start, 4, 4]]);
    } finally {
      engine.close(document);
    }
  });

  it('a finding kept outside the edited def loses its import fix while the def mentions a name that import binds', () => {
    const config = { select: ['typing-abc-import'], targetVersion: [3, 12] as const };
    const text = 'from typing import Iterator, Mapping\n\n\ndef a() -> Iterator[int]:\n    yield 1\n\n\ndef b(m: Mapping[str, int]) -> int:\n    return 0\n';
    const document = engine.open(text);
    assert.equal(engine.analyzeEdited(document, { ...config, targetVersion: [3, 12] }).findings[0].fixes.length, 1);
    // `Iterator` typed over inside `a`: the import fix was planned for a use that is gone.
    const at = text.indexOf('Iterator[int]') + 5;
    engine.update(document, [{ start: at, end: at, newText: 'lambda' }]);
    const edited = engine.analyzeEdited(document, { ...config, targetVersion: [3, 12] });
    assert.equal(edited.provisional, true);
    assert.deepEqual(edited.findings.map((f) => [f.start, f.fixes.length]), [[19, 0], [29, 0]]);
    const exact = engine.analyzeEdited(document, { ...config, targetVersion: [3, 12] }, { exact: true });
    assert.ok(exact.findings.some((f) => f.fixes.length > 0), 'the whole-file analysis plans the fix again');
  });
});
