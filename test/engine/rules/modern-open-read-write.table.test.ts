// open-read-write: the with-open forms that become one Path call, their fix safety and the
// newline= version gates.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { peerCases, ruleTester } from '../rule-tester';

const RULE = 'open-read-write';
const E = (line: number, column: number, endLine: number, endColumn: number, message: string) => ({ rule: RULE, line, column, endLine, endColumn, message });
const msg = (method: string, modern: string) => `\`open()\` and \`.${method}()\` of the whole file: use \`Path.${modern}()\``;

ruleTester(RULE, {
  valid: [
    'from pathlib import Path\n\ndata = Path("a").read_text()\n',
    'with open("a") as f:\n    head = f.read(10)\n',
    'with open("a") as f:\n    data = f.read()\n    more = f.read()\n',
    'with open("a") as f:\n    data = f.read()\nprint(f.name)\n',
    'with open("a", "a") as f:\n    f.write("x")\n',
    'with open("a", "r+") as f:\n    data = f.read()\n',
    'with open("a", newline="") as f:\n    data = f.read()\n',
    'with open("a", "rb", encoding="utf-8") as f:\n    data = f.read()\n',
    'with open("a") as f, open("b") as g:\n    data = f.read()\n',
    'def f(open):\n    with open("a") as h:\n        return h.read()\n',
    'with open("a") as f:\n    data = [f.read() for _ in range(2)]\n',
    'with open("a", "w") as f:\n    n = f.write("x") + f.write("y")\n',
  ],
  invalid: [
    {
      code: 'with open("setup.cfg") as f:\n    config = f.read()\n',
      errors: [E(1, 6, 1, 23, msg('read', 'read_text'))],
      output: 'from pathlib import Path\nconfig = Path("setup.cfg").read_text()\n',
    },
    {
      code: 'from pathlib import Path\n\nLOGO = Path("logo.png")\nwith open(LOGO, "rb") as f:\n    data = f.read()\n',
      errors: [E(4, 6, 4, 22, msg('read', 'read_bytes'))],
      output: 'from pathlib import Path\n\nLOGO = Path("logo.png")\ndata = LOGO.read_bytes()\n',
    },
    {
      // An unknown file: `Path(name)` may differ (bytes, ""), so the fix is unsafe.
      code: 'import pathlib\n\ndef load(name):\n    with open(name, encoding="utf-8") as f:\n        return f.read()\n',
      errors: [E(4, 10, 4, 38, msg('read', 'read_text'))],
      output: null,
    },
    {
      code: 'import json\nfrom pathlib import Path\n\nwith open("out.json", "w", encoding="utf-8") as out:\n    out.write(text)\n',
      errors: [E(4, 6, 4, 45, msg('write', 'write_text'))],
      output: 'import json\nfrom pathlib import Path\n\nPath("out.json").write_text(text, encoding="utf-8")\n',
    },
    {
      // The data is computed after the file is truncated in the block, before it in write_text().
      code: 'import json\nfrom pathlib import Path\n\nwith open("out.json", "w") as out:\n    out.write(json.dumps(state))\n',
      errors: [E(4, 6, 4, 27, msg('write', 'write_text'))],
      output: null,
    },
    {
      code: 'from pathlib import Path\n\nwith open("a.bin", mode="wb") as f:\n    f.write(payload)\n',
      errors: [E(3, 6, 3, 30, msg('write', 'write_bytes'))],
      output: 'from pathlib import Path\n\nPath("a.bin").write_bytes(payload)\n',
    },
    {
      // A comment of the block would go: unsafe.
      code: 'from pathlib import Path\n\nwith open("a") as f:  # the input\n    data = f.read()\n',
      errors: [E(3, 6, 3, 15, msg('read', 'read_text'))],
      output: null,
    },
    {
      // The next `with … as f` rebinds the name: the first block's f is not read after it.
      code: 'from pathlib import Path\n\nwith open("a") as f:\n    a = f.read()\nwith open("b") as f:\n    b = f.read()\n',
      errors: [E(3, 6, 3, 15, msg('read', 'read_text')), E(5, 6, 5, 15, msg('read', 'read_text'))],
      output: 'from pathlib import Path\n\na = Path("a").read_text()\nb = Path("b").read_text()\n',
    },
    {
      // `Path.open()` on a provable Path, and a `(a / b)` receiver keeps its parentheses.
      code: 'from pathlib import Path\n\nROOT = Path("r")\nwith (ROOT / "a").open(encoding="utf-8") as f:\n    a = f.read()\nwith open(ROOT / "b", "w") as f:\n    f.write(a)\n',
      errors: [E(4, 6, 4, 41, msg('read', 'read_text')), E(6, 6, 6, 27, msg('write', 'write_text'))],
      output: 'from pathlib import Path\n\nROOT = Path("r")\na = (ROOT / "a").read_text(encoding="utf-8")\n(ROOT / "b").write_text(a)\n',
    },
    {
      // The except branch opens its own `f`: the first block's is not read after it.
      code: 'from pathlib import Path\n\ntry:\n    with open("a") as f:\n        a = f.read()\nexcept OSError:\n    with open("b") as f:\n        a = f.read()\n',
      errors: [E(4, 10, 4, 19, msg('read', 'read_text')), E(7, 10, 7, 19, msg('read', 'read_text'))],
      output: 'from pathlib import Path\n\ntry:\n    a = Path("a").read_text()\nexcept OSError:\n    a = Path("b").read_text()\n',
    },
    {
      // The statement moves up one level, its continuation lines with it.
      code: 'from pathlib import Path\n\nif True:\n    with open("a", "rb") as f:\n        data = (1,\n                f.read())\n',
      errors: [E(4, 10, 4, 25, msg('read', 'read_bytes'))],
      output: 'from pathlib import Path\n\nif True:\n    data = (1,\n            Path("a").read_bytes())\n',
    },
    {
      // More statements in the block: reported, no fix.
      code: 'import hashlib\n\nwith open("a", "rb") as f:\n    h = hashlib.sha256()\n    h.update(f.read())\n',
      errors: [E(3, 6, 3, 21, msg("read", "read_bytes"))],
      output: null,
    },
  ],
});

describe('open-read-write: versions, titles and peers', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const select = { select: [RULE] };

  it('carries newline= into write_text from 3.10 and read_text from 3.13 only', () => {
    const write = 'with open("a", "w", newline="") as f:\n    f.write(s)\n';
    const read = 'with open("a", newline="") as f:\n    s = f.read()\n';
    assert.equal(engine.analyzeText(write, { ...select, targetVersion: [3, 9] }).length, 0);
    assert.equal(engine.analyzeText(write, { ...select, targetVersion: [3, 10] }).length, 1);
    assert.equal(engine.analyzeText(read, { ...select, targetVersion: [3, 12] }).length, 0);
    assert.equal(engine.analyzeText(read, { ...select, targetVersion: [3, 13] }).length, 1);
  });

  it('says why a fix is unsafe', () => {
    const [finding] = engine.analyzeText('def f(p):\n    with open(p) as h:\n        return h.read()\n', select);
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safety]), [['Use `Path(p).read_text()` (unsafe: `Path(x)` rejects bytes and file descriptors, and `Path("")` is the current directory)', 'unsafe']]);
    assert.equal(finding.suggestion, '```python\nreturn Path(p).read_text()\n```');
  });

  describe('peers', () => {
    peerCases(() => engine, [
      { rule: RULE, code: 'with open("a") as f:\n    s = f.read()\nwith open("b", "w") as g:\n    g.write(s)\n', peers: ['FURB101', 'FURB103'] },
    ]);
  });
});
