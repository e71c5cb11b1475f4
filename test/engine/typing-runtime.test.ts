// The typing fixes write what the target version can run: a module written for Python 3.8
// is fixed (unsafe fixes included) for each target version, then executed by that CPython
// and every annotation resolved with typing.get_type_hints. `list[str]` on 3.8 or
// `int | None` on 3.9 would fail here at import time. Skipped for versions not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Engine } from '../../src/engine/engine';
import type { PythonVersion, RuleConfig } from '../../src/engine/types';
import { getEngine } from '../helpers/engine';
import { pythonFor } from '../helpers/fixtures';

/** Valid, runnable Python 3.8 with something for every typing rule to fix. */
const LEGACY_MODULE = `"""A module written for Python 3.8."""
from typing import Dict, Generic, List, Optional, Text, TypeVar, Union

T = TypeVar("T")


class Node:
    pass


def names():
    return ["a", "b"]


def maybe(flag: bool):
    if flag:
        return 1


def weights():
    return {"a": 1.5}


def stream():
    yield "x"


def make_node():
    return Node()


def later():
    return Later()


class Later:
    pass


def greet(name=None, punctuation="!"):
    if name is None:
        name = "world"
    return "hello " + name + punctuation


def legacy(a: List[int], b: Optional[Dict[str, int]] = None, c: Union[int, str] = 0, d: Text = "") -> Optional[int]:
    return None


def implicit(x: int = None, y: List[str] = None):
    pass


def first(items: List[T]) -> T:
    return items[0]


class Stack(Generic[T]):
    def __init__(self, item: T):
        self.items = [item]

    def __repr__(self):
        return "Stack()"

    def __len__(self):
        return len(self.items)

    def push(self, item: T):
        self.items.append(item)
`;

/** Executes the module and resolves every annotation of its functions, classes and methods. */
const CHECK = `
import inspect, sys, types, typing
module = types.ModuleType("fixed")
sys.modules["fixed"] = module
exec(compile(sys.stdin.read(), "fixed.py", "exec"), module.__dict__)
checked = 0
for name, value in list(vars(module).items()):
    targets = [value] if inspect.isfunction(value) else [v for v in vars(value).values() if inspect.isfunction(v)] if inspect.isclass(value) and value.__module__ == "fixed" else []
    for target in targets:
        typing.get_type_hints(target)
        checked += 1
print(checked)
`;

const SELECT = ['typing', 'missing-parameter-annotation', 'missing-private-parameter-annotation'];

describe('typing: fixes run on their target version', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const cases: [PythonVersion, RegExp[]][] = [
    [[3, 8], [/def names\(\) -> List\[str\]/, /-> Optional\[int\]/, /name: Optional\[str\] = None/, /x: Optional\[int\] = None/, /def stream\(\) -> Iterator\[str\]/, /def later\(\) -> "Later"/]],
    [[3, 9], [/def names\(\) -> list\[str\]/, /a: list\[int\]/, /-> Optional\[int\]/, /def stream\(\) -> Iterator\[str\]/]],
    [[3, 10], [/def maybe\(flag: bool\) -> int \| None/, /b: dict\[str, int\] \| None = None/, /c: int \| str = 0/, /d: str = ""/]],
    [[3, 12], [/class Stack\[T\]:/, /def first\[T\]\(items: list\[T\]\) -> T:/, /def __len__\(self\) -> int:/]],
  ];

  for (const [version, expected] of cases) {
    it(`target ${version.join('.')}: the fixed module imports and its annotations resolve`, function () {
      const python = pythonFor(version);
      if (!python) this.skip();
      const config: RuleConfig = { select: SELECT, targetVersion: version };
      const fixed = engine.fixAll(LEGACY_MODULE, config, { unsafe: true });
      assert.ok(fixed.applied > 5, `only ${fixed.applied} fixes applied`);
      for (const pattern of expected) assert.match(fixed.text, pattern);
      assert.equal(engine.fixAll(fixed.text, config, { unsafe: true }).applied, 0, 'a second fix-all changed the text');
      const run = spawnSync(python!, ['-c', CHECK], { input: fixed.text, encoding: 'utf8' });
      assert.equal(run.status, 0, `${python} failed on the fixed module:\n${run.stderr}\n---\n${fixed.text}`);
      assert.ok(Number(run.stdout.trim()) >= 12, `only ${run.stdout.trim()} functions checked`);
    });
  }

  it('the unfixed module runs on 3.8 (the premise)', function () {
    const python = pythonFor([3, 8]);
    if (!python) this.skip();
    const run = spawnSync(python!, ['-c', CHECK], { input: LEGACY_MODULE, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
