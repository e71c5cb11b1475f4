// Inferred parameter types from literal defaults (missing-parameter-annotation's fix): the
// default's type is a safe annotation only when nothing in the file says the parameter takes
// something else. None passed at a call site, an `is None` test or a docstring that calls the
// parameter optional widen it to `X | None` (unsafe); another type passed removes the fix.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import type { PythonVersion } from '../../src/engine/types';
import { getEngine } from '../helpers/engine';

let engine: Engine;

/** The fix title and safety offered for parameter `name`, or null when it has none. */
function fixFor(code: string, name: string, targetVersion?: PythonVersion): { title: string; safety: string } | null {
  const findings = engine.analyzeText(code, { select: ['missing-parameter-annotation'], ...(targetVersion ? { targetVersion } : {}) });
  const finding = findings.find((f) => f.message.startsWith(`Parameter \`${name}\``));
  assert.ok(finding, `no finding for ${name} in:\n${code}`);
  const fix = finding.fixes[0];
  return fix ? { title: fix.title, safety: fix.safety } : null;
}

const safe = (title: string) => ({ title, safety: 'safe' });
const unsafe = (title: string) => ({ title, safety: 'unsafe' });

describe('parameter types inferred from defaults', () => {
  before(async () => {
    engine = await getEngine();
  });

  it('keeps the default type, safe, when no call, test or docstring says otherwise', () => {
    const code = 'def fetch(url: str, timeout=10, ratio=0.5):\n    return url\n\nfetch("a", 3)\nfetch("a", timeout=20, ratio=1)\n';
    assert.deepEqual(fixFor(code, 'timeout'), safe('Annotate `timeout: int = 10`'));
    // An int where the default is a float is still a float.
    assert.deepEqual(fixFor(code, 'ratio'), safe('Annotate `ratio: float = 0.5`'));
  });

  it('widens to X | None, unsafe, when a call passes None by keyword or position', () => {
    assert.deepEqual(fixFor('def fetch(url: str, timeout=10):\n    return url\n\nfetch("a", timeout=None)\n', 'timeout'), unsafe('Annotate `timeout: int | None = 10`'));
    assert.deepEqual(fixFor('def fetch(url: str, timeout=10):\n    return url\n\nfetch("a", None)\n', 'timeout'), unsafe('Annotate `timeout: int | None = 10`'));
  });

  it('resolves method calls: self.m(...) in the class, Class.m(...), obj.m(...) of a unique name', () => {
    const method = 'class Client:\n    def get(self, path: str, timeout=5):\n        return path\n\n';
    assert.deepEqual(fixFor(`${method}    def run(self):\n        return self.get("/", None)\n`, 'timeout'), unsafe('Annotate `timeout: int | None = 5`'));
    assert.deepEqual(fixFor(`${method}client = Client()\nclient.get("/", timeout=None)\n`, 'timeout'), unsafe('Annotate `timeout: int | None = 5`'));
    // Class.get(instance, path, timeout): the instance takes the first position.
    assert.deepEqual(fixFor(`${method}Client.get(Client(), "/", None)\n`, 'timeout'), unsafe('Annotate `timeout: int | None = 5`'));
    assert.deepEqual(fixFor(`${method}Client.get(None, "/")\n`, 'timeout'), safe('Annotate `timeout: int = 5`'));
    // Another class's `get` could be the one called: obj.get(None) says nothing.
    const two = `${method}class Cache:\n    def get(self, key, timeout=None):\n        return key\n\ncache.get("k", None)\n`;
    assert.deepEqual(fixFor(two, 'timeout'), safe('Annotate `timeout: int = 5`'));
  });

  it('ignores calls of other functions, keyword-only positions and shadowed names', () => {
    const code = 'def fetch(url: str, *, timeout=10):\n    return url\n\nfetch("a", None)\n\ndef other():\n    fetch = make()\n    fetch("a", timeout=None)\n';
    assert.deepEqual(fixFor(code, 'timeout'), safe('Annotate `timeout: int = 10`'));
    assert.deepEqual(fixFor('def fetch(url: str, timeout=10):\n    return url\n\nrefetch("a", timeout=None)\nobj.fetch("a", None)\n', 'timeout'), safe('Annotate `timeout: int = 10`'));
    // Forwarding the parameter, or a variable of unknown type, says nothing either way.
    assert.deepEqual(fixFor('def fetch(url: str, timeout=10):\n    return fetch(url, timeout=timeout)\n\nfetch("a", limit)\n', 'timeout'), safe('Annotate `timeout: int = 10`'));
  });

  it('gives no fix when a call passes another type', () => {
    assert.equal(fixFor('def fetch(url: str, timeout=10):\n    return url\n\nfetch("a", timeout=2.5)\n', 'timeout'), null);
    assert.equal(fixFor('def fetch(url: str, timeout=10):\n    return url\n\nfetch("a", "30s")\n', 'timeout'), null);
  });

  it('widens when the body tests the parameter against None', () => {
    assert.deepEqual(fixFor('def page(limit=100):\n    if limit is None:\n        return []\n    return [limit]\n', 'limit'), unsafe('Annotate `limit: int | None = 100`'));
    assert.deepEqual(fixFor('def page(limit=100):\n    return [] if limit == None else [limit]\n', 'limit'), unsafe('Annotate `limit: int | None = 100`'));
    assert.deepEqual(fixFor('def page(limit=100, other=None):\n    if other is None:\n        return []\n    return [limit]\n', 'limit'), safe('Annotate `limit: int = 100`'));
  });

  it('widens when the docstring calls the parameter optional or mentions None for it', () => {
    const google = 'def fetch(url: str, timeout=10):\n    """Fetch.\n\n    Args:\n        url: where.\n        timeout (int, optional): seconds.\n    """\n    return url\n';
    assert.deepEqual(fixFor(google, 'timeout'), unsafe('Annotate `timeout: int | None = 10`'));
    const numpy = 'def fetch(url: str, timeout=10):\n    """Fetch.\n\n    Parameters\n    ----------\n    timeout : int\n        Seconds, or None to wait forever.\n    """\n    return url\n';
    assert.deepEqual(fixFor(numpy, 'timeout'), unsafe('Annotate `timeout: int | None = 10`'));
    const sphinx = 'def fetch(url: str, timeout=10):\n    """Fetch.\n\n    :param timeout: seconds\n    :type timeout: int or None\n    """\n    return url\n';
    assert.deepEqual(fixFor(sphinx, 'timeout'), unsafe('Annotate `timeout: int | None = 10`'));
    // None said of another parameter does not count.
    const other = 'def fetch(url=None, timeout=10):\n    """Fetch.\n\n    Args:\n        url: where, or None.\n        timeout (int): seconds.\n    """\n    return url\n';
    assert.deepEqual(fixFor(other, 'timeout'), safe('Annotate `timeout: int = 10`'));
  });

  it('spells the widened type for the target version', () => {
    const code = 'def fetch(url: str, timeout=10):\n    return url\n\nfetch("a", timeout=None)\n';
    assert.deepEqual(fixFor(code, 'timeout', [3, 9]), unsafe('Annotate `timeout: Optional[int] = 10`'));
    assert.deepEqual(fixFor(`from __future__ import annotations\n\n${code}`, 'timeout', [3, 9]), unsafe('Annotate `timeout: int | None = 10`'));
  });
});
