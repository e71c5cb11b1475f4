// Type expressions inside strings: when a string counts as a use of an imported name, and
// which typing names a quoted annotation holds, with offsets into the file.
import assert from 'node:assert/strict';
import { forEachQuotedUse, stringMayUse } from '../../src/engine/families/typing/string-types';
import { useFacts } from '../helpers/facts';

describe('string-types', () => {
  const { parse } = useFacts();

  /** Whether the first string literal of `code` may use `name` at its first occurrence inside it. */
  const mayUse = (code: string, name: string) => {
    const { tree } = parse(code);
    const string = tree.rootNode.descendantsOfType('string')[0]!;
    const offset = code.indexOf(name, string.startIndex);
    return stringMayUse(string, name, offset, tree.language);
  };

  it('counts strings that read as type expressions naming the identifier', () => {
    assert.equal(mayUse('x = "Type"\n', 'Type'), true);
    assert.equal(mayUse('x = cast("Type[Model]", y)\n', 'Type'), true);
    assert.equal(mayUse('x = "Dict[str, \'Node\'] | None"\n', 'Dict'), true);
    assert.equal(mayUse('x = "Annotated[List[int], Field(gt=0)]"\n', 'List'), true);
    assert.equal(mayUse("x = r'List[int]'\n", 'List'), true);
  });

  it('does not count header names, prose, attributes, bytes or f-string text', () => {
    assert.equal(mayUse('h = {"Content-Type": "json"}\n', 'Type'), false);
    assert.equal(mayUse('m = "unsupported Type here"\n', 'Type'), false);
    assert.equal(mayUse('m = "a/Type"\n', 'Type'), false);
    assert.equal(mayUse('m = "module.Type"\n', 'Type'), false);
    assert.equal(mayUse('m = b"Type"\n', 'Type'), false);
    assert.equal(mayUse('m = f"Type {x}"\n', 'Type'), false);
    assert.equal(mayUse('m = "f(Type=1)"\n', 'Type'), false);
  });

  it('keeps a string it cannot map as a possible use (escapes)', () => {
    assert.equal(mayUse('x = "List[\\"Node\\"]"\n', 'List'), true);
  });

  it('finds typing names in quoted annotations with offsets into the file', () => {
    const code = 'import typing\nfrom typing import List, Optional\n\ndef f(x: "List[int]", y: \'typing.Optional[str]\', z: "list[str]") -> "Optional[List[int]]": ...\n';
    const { facts } = parse(code);
    const found: string[] = [];
    forEachQuotedUse(facts, new Set(['List', 'Optional']), (use) => {
      const start = use.node.startIndex + use.shift;
      found.push(`${use.member}@${code.slice(start, use.node.endIndex + use.shift)}`);
    });
    assert.deepEqual(found, ['List@List', 'Optional@typing.Optional', 'Optional@Optional', 'List@List']);
  });

  it('skips prefixed, escaped, concatenated and non-annotation strings', () => {
    const code = 'from typing import List\n\ndef f(a: r"List[int]", b: "List[\\"A\\"]", c: "List" "[int]") -> None:\n    x = "List[int]"\n';
    const { facts } = parse(code);
    let count = 0;
    forEachQuotedUse(facts, new Set(['List']), () => count++);
    assert.equal(count, 0);
  });
});
