// Rule tables of the security family's file and deployment rules (tarfile-extract-unfiltered,
// zipfile-extract-untrusted, world-writable-permissions, debug-enabled-in-production, assert-for-authorization): valid /
// invalid snippets with exact 1-based positions and messages (conventions in ../rule-tester.ts),
// then the unsafe fixes, the tarfile fix at target 3.12, and the one peer code of each finding.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { expectedError, errorsOf, ruleTester } from '../rule-tester';

const error = expectedError;

const TAR = 'tarfile-extract-unfiltered';
const CHMOD = 'world-writable-permissions';
const DEBUG = 'debug-enabled-in-production';
const ASSERT = 'assert-for-authorization';

ruleTester(TAR, {
  valid: [
    'import tarfile\n\nwith tarfile.open(p) as tar:\n    tar.extractall(dest, filter="data")\n',
    'import tarfile\n\nwith tarfile.open(p) as tar:\n    tar.extractall(dest, **opts)\n',
    'import zipfile\n\nwith zipfile.ZipFile(p) as z:\n    z.extractall(dest)\n',
    'def f(tar, dest):\n    tar.extractall(dest)\n',
    'import tarfile\n\ndef safe(tar):\n    return [m for m in tar if m.isfile()]\n\nwith tarfile.open(p) as tar:\n    tar.extractall(dest, members=safe(tar))\n',
    'import tarfile\n\ntarfile.TarFile.extraction_filter = staticmethod(tarfile.data_filter)\nwith tarfile.open(p) as tar:\n    tar.extractall(dest)\n',
    'import tarfile\n\nwith tarfile.open(p) as tar:\n    tar.extractall(dest, members=[m for m in tar if not m.issym()])\n',
    'class Pack:\n    def extractall(self, d): ...\n\nPack().extractall("out")\n',
  ],
  invalid: [
    {
      code: 'import tarfile\n\nwith tarfile.open(path) as tar:\n    tar.extractall(dest)\n',
      errors: [error(TAR, 4, 5, 4, 25, '`tar.extractall()` without `filter=`: a crafted archive can write files outside the destination')],
      output: null,
    },
    {
      code: 'import tarfile as tf\n\ndef unpack(path, dest):\n    archive = tf.open(path, "r:gz")\n    archive.extract("data.csv", dest)\n',
      errors: [error(TAR, 5, 5, 5, 38, '`archive.extract()` without `filter=`: a crafted archive can write files outside the destination')],
      output: null,
    },
    {
      code: 'from tarfile import TarFile\n\nTarFile("a.tar").extractall()\n',
      errors: [error(TAR, 3, 1, 3, 30, '`TarFile("a.tar").extractall()` without `filter=`: a crafted archive can write files outside the destination')],
      output: null,
    },
    {
      code: 'from tarfile import open as topen\n\ndef f(p):\n    with topen(p) as t:\n        t.extractall(path="out", numeric_owner=True)\n',
      errors: [error(TAR, 5, 9, 5, 53, '`t.extractall()` without `filter=`: a crafted archive can write files outside the destination')],
      output: null,
    },
    {
      code: 'import tarfile\n\narchive = tarfile.TarFile.open("x.tgz")\n\ndef f():\n    archive.extractall("out")\n',
      errors: [error(TAR, 6, 5, 6, 30, '`archive.extractall()` without `filter=`: a crafted archive can write files outside the destination')],
      output: null,
    },
    {
      code: 'import tarfile\n\nwith tarfile.open(p) as tar:\n    tar.extractall(dest, members=tar.getmembers())\n',
      errors: [error(TAR, 4, 5, 4, 51, '`tar.extractall()` without `filter=`: a crafted archive can write files outside the destination')],
      output: null,
    },
  ],
});

ruleTester(CHMOD, {
  valid: [
    'import os\n\nos.chmod(p, 0o755)\n',
    'import os\n\nos.chmod("/srv/shared", 0o1777)\n',
    'import os\n\nos.chmod(p, mode)\n',
    'import os\n\nos.chmod(p, 0o777 & ~0o022)\n',
    'def f(sftp):\n    sftp.chmod("x", 0o777)\n',
    'import os\n\ndef chmod(p, m): ...\n\nchmod("x", 0o777)\n',
    'import stat, os\n\nos.chmod(p, stat.S_IRWXU | stat.S_IRGRP | stat.S_IROTH)\n',
  ],
  invalid: [
    {
      code: 'import os\n\nos.chmod("run.sh", 0o777)\n',
      errors: [error(CHMOD, 3, 20, 3, 25, '`os.chmod()` with mode `0o777` lets every user on the machine write the file')],
      output: null,
    },
    {
      code: 'import os\n\ndef f(p):\n    os.chmod(p, 0o666)\n',
      errors: [error(CHMOD, 4, 17, 4, 22, '`os.chmod()` with mode `0o666` lets every user on the machine write the file')],
      output: null,
    },
    {
      code: 'import os, stat\n\nos.chmod(p, stat.S_IRWXU | stat.S_IRWXO)\n',
      errors: [error(CHMOD, 3, 13, 3, 40, '`os.chmod()` with mode `stat.S_IRWXU | stat.S_IRWXO` lets every user on the machine write the file')],
      output: null,
    },
    {
      code: 'from os import chmod\nfrom stat import S_IWOTH, S_IRUSR\n\nchmod(p, S_IRUSR | S_IWOTH)\n',
      errors: [error(CHMOD, 4, 10, 4, 27, '`chmod()` with mode `S_IRUSR | S_IWOTH` lets every user on the machine write the file')],
      output: null,
    },
    {
      code: 'from pathlib import Path\n\nPath("cfg.ini").chmod(0o646)\n',
      errors: [error(CHMOD, 3, 23, 3, 28, '`Path("cfg.ini").chmod()` with mode `0o646` lets every user on the machine write the file')],
      output: null,
    },
    {
      code: 'import os\n\nos.fchmod(fd, 511)\n',
      errors: [error(CHMOD, 3, 15, 3, 18, '`os.fchmod()` with mode `511` lets every user on the machine write the file')],
      output: null,
    },
    {
      code: 'import os\n\nos.chmod(p, mode=0o002 | extra)\n',
      errors: [error(CHMOD, 3, 18, 3, 31, '`os.chmod()` with mode `0o002 | extra` lets every user on the machine write the file')],
      output: null,
    },
  ],
});

ruleTester(DEBUG, {
  valid: [
    'from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=False)\n',
    'from flask import Flask\n\napp = Flask(__name__)\napp.run()\n',
    'def main(app):\n    app.run(debug=True)\n',
    'from .base import *\n\nDEBUG = True\n',
    'DEBUG = True\n',
    'import os\n\nDEBUG = os.environ.get("DJANGO_DEBUG") == "1"\nINSTALLED_APPS = []\n',
    'from myapp import create_app\n\napp = create_app()\napp.run(debug=True)\n',
    'INSTALLED_APPS = []\n\ndef configure():\n    DEBUG = True\n    return DEBUG\n',
  ],
  invalid: [
    {
      code: 'from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=True)\n',
      errors: [error(DEBUG, 4, 9, 4, 19, '`app.run(debug=True)` starts Flask\'s debugger, which runs any Python typed into its error page')],
      output: null,
    },
    {
      code: 'import flask\n\napp = flask.Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", debug=True)\n',
      errors: [error(DEBUG, 6, 29, 6, 39, '`app.run(debug=True)` starts Flask\'s debugger, which runs any Python typed into its error page')],
      output: null,
    },
    {
      code: 'from flask import Flask as F\n\nweb = F("web")\n\ndef main():\n    web.run(debug=True, port=5000)\n',
      errors: [error(DEBUG, 6, 13, 6, 23, '`web.run(debug=True)` starts Flask\'s debugger, which runs any Python typed into its error page')],
      output: null,
    },
    {
      code: 'DEBUG = True\nINSTALLED_APPS = ["django.contrib.auth"]\n',
      errors: [error(DEBUG, 1, 1, 1, 13, '`DEBUG = True` in Django settings shows settings, SQL and source code to anyone who triggers an error')],
      output: null,
    },
    {
      code: 'import os\n\nROOT_URLCONF = "site.urls"\nDEBUG = True\n',
      errors: [error(DEBUG, 4, 1, 4, 13, '`DEBUG = True` in Django settings shows settings, SQL and source code to anyone who triggers an error')],
      output: null,
    },
    {
      code: 'import os as o\n\nDEBUG = True\nROOT_URLCONF = "site.urls"\n',
      errors: [error(DEBUG, 3, 1, 3, 13, '`DEBUG = True` in Django settings shows settings, SQL and source code to anyone who triggers an error')],
      output: null,
    },
  ],
});

ruleTester(ASSERT, {
  valid: [
    'def f(user):\n    assert isinstance(user, User)\n',
    'def f(user):\n    assert user is not None\n',
    'def f(tokens):\n    token = tokens.pop()\n    assert token.type == "NAME"\n',
    'def f(message):\n    role = message["role"]\n    assert role in ("user", "assistant")\n',
    'import pytest\n\ndef test_admin(admin):\n    assert admin.is_superuser\n',
    'def test_staff(user):\n    assert user.is_staff\n',
    'def f(rows):\n    assert "admin" in rows\n',
    'def f(perms):\n    assert len(perms) == 2\n',
  ],
  invalid: [
    {
      code: 'def refund(request):\n    assert request.user.is_staff, "staff only"\n    do_refund()\n',
      errors: [error(ASSERT, 2, 5, 2, 47, '`assert` checks `is_staff`: `python -O` removes it, and the check with it')],
      output: null,
    },
    {
      code: 'def export(request):\n    assert request.user.has_perm("app.export")\n',
      errors: [error(ASSERT, 2, 5, 2, 47, '`assert` checks `has_perm`: `python -O` removes it, and the check with it')],
      output: null,
    },
    {
      code: 'def hook(token):\n    token_valid = check(token)\n    assert token_valid\n',
      errors: [error(ASSERT, 3, 5, 3, 23, '`assert` checks `token_valid`: `python -O` removes it, and the check with it')],
      output: null,
    },
    {
      code: 'def view(request):\n    assert is_authenticated(request)\n',
      errors: [error(ASSERT, 2, 5, 2, 37, '`assert` checks `is_authenticated`: `python -O` removes it, and the check with it')],
      output: null,
    },
    {
      code: 'def edit(doc, user):\n    assert doc.owner == user or user.is_superuser\n',
      errors: [error(ASSERT, 2, 5, 2, 50, '`assert` checks `owner`: `python -O` removes it, and the check with it')],
      output: null,
    },
    {
      code: 'def admin_only(user):\n    assert user.role == "admin"\n',
      errors: [error(ASSERT, 2, 5, 2, 32, '`assert` checks `role`: `python -O` removes it, and the check with it')],
      output: null,
    },
    {
      code: 'def f(user):\n    assert not user.is_banned_admin\n',
      errors: [error(ASSERT, 2, 5, 2, 36, '`assert` checks `is_banned_admin`: `python -O` removes it, and the check with it')],
      output: null,
    },
    {
      // A helper named testing_mode does not make this a test module.
      code: 'def testing_mode():\n    return False\n\ndef delete(user):\n    assert user.is_admin\n',
      errors: [error(ASSERT, 5, 5, 5, 25, '`assert` checks `is_admin`: `python -O` removes it, and the check with it')],
      output: null,
    },
  ],
});


const ZIP = 'zipfile-extract-untrusted';

ruleTester(ZIP, {
  valid: [
    'import os, zipfile\n\nwith zipfile.ZipFile(p) as z:\n    z.extractall(d)\n',
    'import os, zipfile\n\nwith zipfile.ZipFile(p) as z:\n    for n in z.namelist():\n        z.extract(n, d)\n',
    'import os, zipfile\n\nwith zipfile.ZipFile(p) as z:\n    for n in z.namelist():\n        t = os.path.abspath(os.path.join(d, n))\n        if not t.startswith(d):\n            continue\n        open(t, "wb").write(z.read(n))\n',
    'import os, zipfile\n\nwith zipfile.ZipFile(p) as z:\n    for n in z.namelist():\n        print(os.path.join(d, n))\n',
    'import os, zipfile\n\ndef f(z):\n    for n in z.namelist():\n        open(os.path.join(d, n), "wb").write(z.read(n))\n',
    'import os, zipfile\n\nwith zipfile.ZipFile(p) as z:\n    for n in z.namelist():\n        open(os.path.join(d, os.path.basename(n)), "wb").write(z.read(n))\n',
    'import os, zipfile\n\nwith zipfile.ZipFile(p) as z:\n    for n in z.namelist():\n        open(os.path.join(n, "x"), "w").write("")\n',
  ],
  invalid: [
    {
      code: 'import os, zipfile\n\nwith zipfile.ZipFile(p) as z:\n    for i in z.infolist():\n        open(os.path.join(d, i.filename), "wb").write(z.read(i))\n',
      errors: [error(ZIP, 5, 14, 5, 41, '`i.filename` from `z` is joined onto the folder unchecked: a crafted zip can write outside it')],
      output: null,
    },
    {
      code: 'import os, zipfile\n\nz = zipfile.ZipFile(p)\nfor n in z.namelist():\n    with open(os.path.join(d, "sub", n), "wb") as f:\n        f.write(z.read(n))\n',
      errors: [error(ZIP, 5, 15, 5, 40, '`n` from `z` is joined onto the folder unchecked: a crafted zip can write outside it')],
      output: null,
    },
    {
      code: 'import zipfile\nfrom pathlib import Path\n\ndef f(p, d):\n    with zipfile.ZipFile(p) as z:\n        for n in z.namelist():\n            (Path(d) / n).write_bytes(z.read(n))\n',
      errors: [error(ZIP, 7, 14, 7, 25, '`n` from `z` is joined onto the folder unchecked: a crafted zip can write outside it')],
      output: null,
    },
    {
      code: 'import shutil, zipfile\nfrom os.path import join\n\nwith zipfile.ZipFile(p) as z:\n    for m in z.infolist():\n        with z.open(m) as s, open(join(d, m.filename), "wb") as o:\n            shutil.copyfileobj(s, o)\n',
      errors: [error(ZIP, 6, 35, 6, 54, '`m.filename` from `z` is joined onto the folder unchecked: a crafted zip can write outside it')],
      output: null,
    },
    {
      code: 'import zipfile as zf\nimport os\n\nwith zf.ZipFile(p) as z:\n    for n in z.namelist():\n        t = os.path.join(d, n)\n        with open(t, "wb") as o:\n            o.write(z.read(n))\n',
      errors: [error(ZIP, 6, 13, 6, 31, '`n` from `z` is joined onto the folder unchecked: a crafted zip can write outside it')],
      output: null,
    },
    {
      code: 'from zipfile import ZipFile\nimport os\n\nwith ZipFile(p) as z:\n    for n in z.namelist():\n        os.replace(z.extract(n, tmp), os.path.join(d, n))\n',
      errors: [error(ZIP, 6, 39, 6, 57, '`n` from `z` is joined onto the folder unchecked: a crafted zip can write outside it')],
      output: null,
    },
  ],
});

describe('security file rules: unsafe fixes and the tarfile fix at 3.12', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const unsafeCases: { rule: string; code: string; output: string }[] = [
    { rule: CHMOD, code: 'import os\n\nos.chmod("run.sh", 0o777)\n', output: 'import os\n\nos.chmod("run.sh", 0o775)\n' },
    { rule: CHMOD, code: 'import os\n\ndef f(p):\n    os.chmod(p, 0o666)\n', output: 'import os\n\ndef f(p):\n    os.chmod(p, 0o664)\n' },
    { rule: CHMOD, code: 'import os, stat\n\nos.chmod(p, stat.S_IRWXU | stat.S_IRWXO)\n', output: 'import os, stat\n\nos.chmod(p, stat.S_IRWXU | stat.S_IROTH | stat.S_IXOTH)\n' },
    { rule: CHMOD, code: 'from os import chmod\nfrom stat import S_IWOTH, S_IRUSR\n\nchmod(p, S_IRUSR | S_IWOTH)\n', output: 'from os import chmod\nfrom stat import S_IWOTH, S_IRUSR\n\nchmod(p, S_IRUSR)\n' },
    { rule: CHMOD, code: 'from pathlib import Path\n\nPath("cfg.ini").chmod(0o646)\n', output: 'from pathlib import Path\n\nPath("cfg.ini").chmod(0o644)\n' },
    { rule: CHMOD, code: 'import os\n\nos.fchmod(fd, 511)\n', output: 'import os\n\nos.fchmod(fd, 0o775)\n' },
    { rule: DEBUG, code: 'from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=True)\n', output: 'from flask import Flask\n\napp = Flask(__name__)\napp.run()\n' },
    { rule: DEBUG, code: 'import flask\n\napp = flask.Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", debug=True)\n', output: 'import flask\n\napp = flask.Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0")\n' },
    { rule: DEBUG, code: 'from flask import Flask as F\n\nweb = F("web")\n\ndef main():\n    web.run(debug=True, port=5000)\n', output: 'from flask import Flask as F\n\nweb = F("web")\n\ndef main():\n    web.run(port=5000)\n' },
    { rule: DEBUG, code: 'DEBUG = True\nINSTALLED_APPS = ["django.contrib.auth"]\n', output: 'import os\nDEBUG = os.environ.get("DJANGO_DEBUG") == "1"\nINSTALLED_APPS = ["django.contrib.auth"]\n' },
    { rule: DEBUG, code: 'import os\n\nROOT_URLCONF = "site.urls"\nDEBUG = True\n', output: 'import os\n\nROOT_URLCONF = "site.urls"\nDEBUG = os.environ.get("DJANGO_DEBUG") == "1"\n' },
    { rule: DEBUG, code: 'import os as o\n\nDEBUG = True\nROOT_URLCONF = "site.urls"\n', output: 'import os as o\n\nDEBUG = o.environ.get("DJANGO_DEBUG") == "1"\nROOT_URLCONF = "site.urls"\n' },
    { rule: ASSERT, code: 'def refund(request):\n    assert request.user.is_staff, "staff only"\n    do_refund()\n', output: 'def refund(request):\n    if not request.user.is_staff:\n        raise PermissionError("staff only")\n    do_refund()\n' },
    { rule: ASSERT, code: 'def export(request):\n    assert request.user.has_perm("app.export")\n', output: 'def export(request):\n    if not request.user.has_perm("app.export"):\n        raise PermissionError\n' },
    { rule: ASSERT, code: 'def hook(token):\n    token_valid = check(token)\n    assert token_valid\n', output: 'def hook(token):\n    token_valid = check(token)\n    if not token_valid:\n        raise PermissionError\n' },
    { rule: ASSERT, code: 'def view(request):\n    assert is_authenticated(request)\n', output: 'def view(request):\n    if not is_authenticated(request):\n        raise PermissionError\n' },
    { rule: ASSERT, code: 'def edit(doc, user):\n    assert doc.owner == user or user.is_superuser\n', output: 'def edit(doc, user):\n    if not (doc.owner == user or user.is_superuser):\n        raise PermissionError\n' },
    { rule: ASSERT, code: 'def admin_only(user):\n    assert user.role == "admin"\n', output: 'def admin_only(user):\n    if not (user.role == "admin"):\n        raise PermissionError\n' },
    { rule: ASSERT, code: 'def f(user):\n    assert not user.is_banned_admin\n', output: 'def f(user):\n    if user.is_banned_admin:\n        raise PermissionError\n' },
  ];
  for (const { rule, code, output } of unsafeCases) {
    it(`${rule}: ${code.split('\n').find((l) => l.startsWith(' ') || /chmod|run|DEBUG/.test(l))?.trim()}`, () => {
      assert.equal(engine.fixAll(code, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text, output);
    });
  }

  it('passes filter="data" as a safe fix at target 3.12, and offers none at 3.11', () => {
    const code = 'import tarfile\n\nwith tarfile.open(path) as tar:\n    tar.extractall(dest)\n    tar.extract("a", dest,)\n    tar.extractall()\n';
    const fixed = engine.fixAll(code, { select: [TAR], targetVersion: [3, 12] }, { unsafe: false, rules: new Set([TAR]) }).text;
    assert.equal(fixed, 'import tarfile\n\nwith tarfile.open(path) as tar:\n    tar.extractall(dest, filter="data")\n    tar.extract("a", dest, filter="data",)\n    tar.extractall(filter="data")\n');
    assert.deepEqual(errorsOf(engine.analyzeText(fixed, { select: [TAR], targetVersion: [3, 12] })), []);
    const old = engine.analyzeText(code, { select: [TAR], targetVersion: [3, 11] });
    assert.equal(old.length, 3);
    assert.ok(old.every((f) => f.fixes.length === 0 && /3\.11\.4/.test(f.suggestion ?? '')));
  });

  it('offers no Flask fix when the call decides load_dotenv (FLASK_DEBUG is read only with it)', () => {
    const code = 'from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=True, load_dotenv=False)\n';
    const [finding] = engine.analyzeText(code, { select: [DEBUG] });
    assert.equal(finding?.fixes.length, 0);
  });

  it('keeps a comment after the last argument where it was', () => {
    const code = 'import tarfile\n\nwith tarfile.open(p) as tar:\n    tar.extractall(\n        dest,  # unpack here\n    )\n';
    const fixed = engine.fixAll(code, { select: [TAR], targetVersion: [3, 13] }, { unsafe: false, rules: new Set([TAR]) }).text;
    assert.equal(fixed, 'import tarfile\n\nwith tarfile.open(p) as tar:\n    tar.extractall(\n        dest, filter="data",  # unpack here\n    )\n');
  });
});

describe('security file rules: one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const cases: { rule: string; code: string; peers: (string | null)[] }[] = [
    { rule: TAR, code: 'import tarfile\n\ntarfile.open(p).extractall()\n', peers: ['S202'] },
    { rule: CHMOD, code: 'import os\n\nos.chmod(p, 0o777)\n', peers: ['S103'] },
    { rule: DEBUG, code: 'from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=True)\n', peers: ['S201'] },
    { rule: DEBUG, code: 'DEBUG = True\nROOT_URLCONF = "a.urls"\n', peers: [null] },
    { rule: ASSERT, code: 'def f(user):\n    assert user.is_admin\n', peers: ['S101'] },
    { rule: ZIP, code: 'import os, zipfile\n\nz = zipfile.ZipFile(p)\nfor n in z.namelist():\n    open(os.path.join(d, n), "wb")\n', peers: [null] },
  ];
  for (const { rule, code, peers } of cases) {
    it(`${rule}: ${peers.join(', ')}`, () => {
      assert.deepEqual(
        engine.analyzeText(code, { select: [rule] }).map((f) => f.peer ?? null),
        peers,
      );
    });
  }
});
