// os-path-call: the pathlib gate, the PTH codes of each finding, fix safety (safe only for a
// Path or a non-empty literal whose result keeps its type) and the version gates.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { peerCases, ruleTester } from '../rule-tester';

const RULE = 'os-path-call';
const E = (line: number, column: number, endLine: number, endColumn: number, message: string) => ({ rule: RULE, line, column, endLine, endColumn, message });
const form = (old: string, modern: string) => `\`${old}\` has a pathlib form: \`${modern}\``;
const HEAD = 'import os\nfrom pathlib import Path\n\n';

ruleTester(RULE, {
  valid: [
    // No pathlib import: string paths are the module's one style.
    'import os\n\ndef f(p):\n    return os.path.exists(p), os.path.join(p, "x")\n',
    `${HEAD}def f(p: Path):\n    return p.exists(), p / "x", Path()\n`,
    // File descriptors, bytes and keywords pathlib has no form for.
    `${HEAD}fd = os.open("x", os.O_RDONLY)\nos.stat(fd)\nos.listdir(3)\nos.path.exists(b"/tmp")\n`,
    `${HEAD}os.stat("x", follow_symlinks=False)\nos.remove("x", dir_fd=3)\nopen("x", opener=None)\n`,
    // Look-alikes: a parameter named os, a local open, a non-Path with_suffix.
    `${HEAD}def f(os, open):\n    return os.path.exists("x"), open("y")\n`,
    `${HEAD}def f(name):\n    return name.with_suffix("txt")\n`,
    `${HEAD}p = Path("a").with_suffix(".txt")\nq = Path("a").with_suffix("")\n`,
    'import os\n\ndef f(parts):\n    sep = "/"\n    return sep.join(parts), os.path.exists(parts[0])\n',
    'import os\nfrom pathlib import Path\n\nos.path.exists("x")  # noqa: PTH110\n',
  ],
  invalid: [
    {
      code: `${HEAD}def f(p):\n    return os.stat(Path(p)).st_mode\n`,
      errors: [E(5, 12, 5, 19, form('os.stat()', 'Path.stat()'))],
      output: `${HEAD}def f(p):\n    return Path(p).stat().st_mode\n`,
    },
    {
      // `Path.is_dir()` raises where `isdir()` returns False (ENAMETOOLONG, EACCES): unsafe even on a Path.
      code: `${HEAD}ROOT = Path("src")\nif os.path.isdir(ROOT):\n    os.chmod(ROOT, 0o755)\n`,
      errors: [E(5, 4, 5, 17, form('os.path.isdir()', 'Path.is_dir()')), E(6, 5, 6, 13, form('os.chmod()', 'Path.chmod()'))],
      output: `${HEAD}ROOT = Path("src")\nif os.path.isdir(ROOT):\n    ROOT.chmod(0o755)\n`,
    },
    {
      // An unknown argument: `Path(name)` may differ (bytes, "" …), so the fix is unsafe.
      code: 'import os\nimport pathlib\n\ndef f(name):\n    return os.path.isfile(name)\n',
      errors: [E(5, 12, 5, 26, form('os.path.isfile()', 'Path.is_file()'))],
      output: null,
    },
    {
      code: 'import os.path\nimport pathlib\n\ndef f():\n    return os.path.getsize("setup.py")\n',
      errors: [E(5, 12, 5, 27, form('os.path.getsize()', 'Path.stat().st_size'))],
      output: 'import os.path\nimport pathlib\n\ndef f():\n    return pathlib.Path("setup.py").stat().st_size\n',
    },
    {
      code: 'from os.path import join, basename\nfrom pathlib import PurePath\n\ndef f(a):\n    return join(a, "b"), basename(a)\n',
      errors: [E(5, 12, 5, 16, form('os.path.join()', 'Path(a) / b')), E(5, 26, 5, 34, form('os.path.basename()', 'Path.name'))],
      output: null,
    },
    {
      // `os.replace()`'s result is used: `Path.replace()` returns a Path, so that fix is unsafe.
      code: `${HEAD}out = Path("out")\nos.makedirs(out, 0o755, True)\nos.rename(out, "old")\nx = os.replace(out, "new")\n`,
      errors: [
        E(5, 1, 5, 12, form('os.makedirs()', 'Path.mkdir(parents=True)')),
        E(6, 1, 6, 10, form('os.rename()', 'Path.rename()')),
        E(7, 5, 7, 15, form('os.replace()', 'Path.replace()')),
      ],
      output: `${HEAD}out = Path("out")\nout.mkdir(0o755, parents=True, exist_ok=True)\nout.rename("old")\nx = os.replace(out, "new")\n`,
    },
    {
      code: `${HEAD}print(os.getcwd())\n`,
      errors: [E(4, 7, 4, 16, form('os.getcwd()', 'Path.cwd()'))],
      output: null,
    },
    {
      code: 'from pathlib import Path\n\np = Path(".")\nq = Path("a").with_suffix("txt")\n',
      errors: [
        E(3, 10, 3, 13, '`Path(".")` is the current directory: write `Path()`'),
        E(4, 5, 4, 33, '`with_suffix("txt")` raises `ValueError`: the suffix needs its dot, `".txt"`'),
      ],
      output: 'from pathlib import Path\n\np = Path()\nq = Path("a").with_suffix("txt")\n',
    },
    {
      code: `${HEAD}def f(p):\n    return p.split(os.sep), os.listdir(p)\n`,
      errors: [E(5, 14, 5, 19, '`p.split(os.sep)` splits a path by hand: `Path.parts` has its parts'), E(5, 29, 5, 39, form('os.listdir()', 'Path.iterdir()'))],
      output: null,
    },
    {
      // py.path needs no pathlib import to be reported.
      code: 'import py\n\nroot = py.path.local("x")\n',
      errors: [E(3, 8, 3, 21, '`py.path.local()` is the legacy `py.path` API: use `pathlib.Path`')],
      output: null,
    },
    {
      code: `${HEAD}link = Path("latest")\nos.symlink("build", link)\n`,
      errors: [E(5, 1, 5, 11, form('os.symlink()', 'Path.symlink_to()'))],
      output: `${HEAD}link = Path("latest")\nlink.symlink_to("build")\n`,
    },
    {
      code: 'from pathlib import Path\n\nwith open(Path("a.txt"), "rb") as f:\n    pass\n',
      errors: [E(3, 6, 3, 10, form('open()', 'Path.open()'))],
      output: 'from pathlib import Path\n\nwith Path("a.txt").open("rb") as f:\n    pass\n',
    },
    {
      // No pathlib import, but this def splits paths with os.sep by hand: reported, without fixes
      // (the first fix would import pathlib and open the gate for the module). `g` stays silent.
      code: 'import os\n\ndef f(p):\n    return os.path.exists(p), p.split(os.sep)\n\ndef g(p):\n    return os.path.exists(p)\n',
      errors: [E(4, 12, 4, 26, form('os.path.exists()', 'Path.exists()')), E(4, 33, 4, 38, '`p.split(os.sep)` splits a path by hand: `Path.parts` has its parts')],
      output: null,
    },
    {
      code: 'from os import path, sep\n\ndef f(root, name):\n    return root + sep + name if path.isdir(root) else name\n',
      errors: [E(4, 33, 4, 43, form('os.path.isdir()', 'Path.is_dir()'))],
      output: null,
    },
    {
      // A name bound only to a non-empty literal is as good as the literal.
      code: `${HEAD}CONFIG = "/etc/app.json"\n\ndef load():\n    return open(CONFIG, encoding="utf-8")\n`,
      errors: [E(7, 12, 7, 16, form('open()', 'Path.open()'))],
      output: `${HEAD}CONFIG = "/etc/app.json"\n\ndef load():\n    return Path(CONFIG).open(encoding="utf-8")\n`,
    },
    {
      // Nested calls: the inner one first, then the outer sees a Path (unsafe: str → Path).
      code: 'import os\nimport pathlib\n\nhere = os.path.dirname(os.path.abspath(__file__))\n',
      errors: [E(4, 8, 4, 23, form('os.path.dirname()', 'Path.parent')), E(4, 24, 4, 39, form('os.path.abspath()', 'Path.resolve()'))],
      output: null,
    },
  ],
});

describe('os-path-call: versions, unsafe fixes, hover and peers', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const select = { select: [RULE] };

  it('reports os.readlink only from target 3.9 (Path.readlink)', () => {
    const code = `${HEAD}link = Path("l")\nos.readlink(link)\n`;
    assert.equal(engine.analyzeText(code, { ...select, targetVersion: [3, 8] }).length, 0);
    assert.equal(engine.analyzeText(code, { ...select, targetVersion: [3, 9] }).length, 1);
  });

  it('reports with_suffix(".") below 3.14 only, without a fix', () => {
    const code = 'from pathlib import Path\n\nPath("a.b").with_suffix(".")\n';
    const [finding] = engine.analyzeText(code, { ...select, targetVersion: [3, 13] });
    assert.equal(finding.message, '`with_suffix(".")` raises `ValueError` before Python 3.14');
    assert.deepEqual(finding.fixes, []);
    assert.equal(engine.analyzeText(code, { ...select, targetVersion: [3, 14] }).length, 0);
  });

  it('applies the unsafe fixes inner call first, and adds the Path import', () => {
    const code = 'import os\nfrom pathlib import PurePath\n\ndef f(a):\n    here = os.path.dirname(os.path.abspath(__file__))\n    return os.path.basename(a), os.getcwd()\n';
    const fixed = engine.fixAll(code, select, { unsafe: true, rules: new Set([RULE]) }).text;
    assert.equal(fixed, 'import os\nfrom pathlib import PurePath, Path\n\ndef f(a):\n    here = Path(__file__).resolve().parent\n    return Path(a).name, Path.cwd()\n');
  });

  it('offers no fix where a str result is used as a string (a Path would break it)', () => {
    const code = `${HEAD}def f(p):\n    parts = os.path.abspath(p).split(os.sep)\n    here = os.path.dirname(p)\n    return here + "/x", parts, os.getcwd()[1:]\n`;
    const findings = engine.analyzeText(code, select);
    assert.deepEqual(findings.map((f) => [f.peer, f.fixes.length]), [['PTH100', 0], ['PTH206', 0], ['PTH120', 0], ['PTH109', 0]]);
  });

  it('names each fix with its reason when unsafe', () => {
    const [size, exists] = engine.analyzeText('import os\nimport pathlib\n\ndef f(p):\n    return os.path.getsize(p), os.path.exists(pathlib.Path(p))\n', select);
    assert.deepEqual(
      [...size.fixes, ...exists.fixes].map((f) => [f.title, f.safety]),
      [
        ['Use `pathlib.Path(p).stat().st_size` (unsafe: `Path(x)` rejects bytes and file descriptors, and `Path("")` is the current directory)', 'unsafe'],
        ['Use `pathlib.Path(p).exists()` (unsafe: the Path method raises on errors other than a missing file, such as a name too long or a permission denied, where the os.path function returns `False`)', 'unsafe'],
      ],
    );
  });

  it('lists the other calls of the same def in each hover', () => {
    const code = `${HEAD}def build(out):\n    os.makedirs(out)\n    return os.path.join(out, "x")\n\ndef other():\n    return os.getcwd()\n`;
    const findings = engine.analyzeText(code, select);
    assert.equal(findings.length, 3);
    assert.equal(findings[0].suggestion, '```python\nPath(out).mkdir(parents=True)\n```\n\nThe same scope has another call to convert with it:\n- line 6: `os.path.join(out, "x")` → `Path(out) / "x"`');
    assert.ok(findings[1].suggestion?.includes('- line 5: `os.makedirs(out)` → `Path(out).mkdir(parents=True)`'));
    assert.equal(findings[2].suggestion, '```python\nPath.cwd()\n```');
  });

  describe('peers', () => {
    peerCases(() => engine, [
      { rule: RULE, code: `${HEAD}os.chmod("a", 0o644)\nos.mkdir("a")\nos.rmdir("a")\nos.unlink("a")\n`, peers: ['PTH101', 'PTH102', 'PTH106', 'PTH108'] },
      { rule: RULE, code: `${HEAD}os.path.expanduser("~")\nos.path.islink("a")\nos.stat("a")\nos.path.isabs("a")\n`, peers: ['PTH111', 'PTH114', 'PTH116', 'PTH117'] },
      { rule: RULE, code: `${HEAD}os.path.samefile("a", "b")\nos.path.splitext("a")\nos.path.getatime("a")\nos.path.getctime("a")\n`, peers: ['PTH121', 'PTH122', 'PTH203', 'PTH205'] },
      { rule: RULE, code: `import glob\n${HEAD}glob.glob("*")\nglob.iglob("*")\nos.remove("a")\n`, peers: ['PTH207', 'PTH207', 'PTH107'] },
    ]);
  });
});
