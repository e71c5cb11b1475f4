// Rule tables of the security family's process and SQL rules (subprocess-shell-injection,
// sql-string-formatting): valid / invalid snippets with exact 1-based positions and messages
// (conventions in ../rule-tester.ts), then the one peer code of each finding.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { expectedError, ruleTester } from '../rule-tester';

const error = expectedError;

const SHELL = 'subprocess-shell-injection';
const shell = (callee: string, how: string) => `\`${callee}()\` runs a shell command ${how}: a value in it can add shell syntax`;
const FN = (body: string, imports = 'import subprocess\n') => `${imports}\ndef f(ref, name):\n    ${body}\n`;

ruleTester(SHELL, {
  valid: [
    FN('subprocess.run(["ls"], shell=False)'),
    FN('subprocess.run(["git", "log", ref])'),
    FN('subprocess.run("ls -l | wc -l", shell=True)'),
    FN('subprocess.run(f"git log {ref}")'),
    FN('subprocess.run(f"git log {ref}", shell=False)'),
    FN('os.system("clear")', 'import os\n'),
    FN('os.system("kill -9 %d" % ref)', 'import os\n'),
    FN('cmd = "make all"\n    subprocess.run(cmd, shell=True)'),
    // A user's own `system` / `run`: not the os or subprocess function.
    'def system(cmd):\n    print(cmd)\n\ndef f(name):\n    system(f"rm {name}")\n',
    'class Shell:\n    def run(self, cmd, shell=False):\n        pass\n\ndef f(sh, name):\n    sh.run(f"rm {name}", shell=True)\n',
    FN('subprocess.run(f"rm {name}", shell=True)  # noqa: S602'),
  ],
  invalid: [
    {
      code: FN('subprocess.run(f"git log {ref}", shell=True)'),
      errors: [error(SHELL, 4, 20, 4, 36, shell('subprocess.run', 'built with an f-string'))],
      output: null,
    },
    {
      code: FN('sp.check_output("tar -xf %s" % name, shell=True)', 'import subprocess as sp\n'),
      errors: [error(SHELL, 4, 21, 4, 40, shell('sp.check_output', 'built with `%` formatting'))],
      output: null,
    },
    {
      code: FN('Popen("cat {}".format(name), shell=True)', 'from subprocess import Popen\n'),
      errors: [error(SHELL, 4, 11, 4, 32, shell('Popen', 'built with `.format()`'))],
      output: null,
    },
    {
      code: FN('os.system("rm -rf " + name)', 'import os\n'),
      errors: [error(SHELL, 4, 15, 4, 31, shell('os.system', 'built by `+` concatenation'))],
      output: null,
    },
    {
      code: FN('subprocess.call(ref, shell=True)'),
      errors: [error(SHELL, 4, 21, 4, 24, shell('subprocess.call', '`ref` that is not a literal'))],
      output: null,
    },
    {
      code: FN('cmd = f"du -sh {name}"\n    os.system(cmd)', 'import os\n'),
      errors: [error(SHELL, 5, 15, 5, 18, shell('os.system', 'built with an f-string (as `cmd`)'))],
      output: null,
    },
    {
      code: FN('os.popen(f"ls {name}").read()', 'import os\n'),
      errors: [error(SHELL, 4, 14, 4, 26, shell('os.popen', 'built with an f-string'))],
      output: null,
    },
    {
      code: FN('await trio.run_process(f"ls {name}", shell=True)', 'import trio\n'),
      errors: [error(SHELL, 4, 28, 4, 40, shell('trio.run_process', 'built with an f-string'))],
      output: null,
    },
  ],
});

const SQL = 'sql-string-formatting';
const sql = (callee: string, how: string) => `SQL ${how} is run by \`${callee}()\`: a value in it can rewrite the query`;
const DB = (body: string, imports = 'import sqlite3\n') => `${imports}\ndef f(conn, user_id, name):\n    ${body}\n`;

ruleTester(SQL, {
  valid: [
    DB('conn.execute("SELECT * FROM users WHERE id = ?", (user_id,))'),
    DB('conn.execute("SELECT * FROM users WHERE id = %s", (user_id,))'),
    DB('conn.execute("SELECT count(*) FROM users")'),
    DB('conn.execute(f"UPDATE users SET seen = 1 WHERE id = ?", (user_id,))'),
    DB('conn.execute(f"deploy {name}")'),
    DB('log.info(f"SELECT * FROM users WHERE id = {user_id}")'),
    DB('conn.execute(text("SELECT * FROM users WHERE id = :id"), {"id": user_id})', 'from sqlalchemy import text\n'),
    DB('marks = ",".join("?" * len(user_id))\n    conn.execute(f"SELECT * FROM t WHERE id IN ({marks})", user_id)'),
    DB('conn.execute(f"SELECT * FROM t WHERE id = {user_id}")  # noqa: S608'),
    'class Store:\n    def get(self, cur, sid):\n        cur.execute(f"SELECT * FROM {self.table} WHERE sid = ?", (sid,))\n',
    'class Store:\n    def count(self, cur):\n        cur.execute(f"SELECT count(*) FROM {self.table}")\n',
    DB('conn.execute("SELECT a " + "FROM t " + "WHERE id = :id", id=user_id)'),
    // Numbers only: a `%d` field, a counter over range().
    DB('conn.execute("SELECT * FROM t WHERE id = %d" % user_id)'),
    DB('for i in range(3):\n        conn.execute(f"SELECT {i}")'),
  ],
  invalid: [
    {
      code: DB('conn.execute(f"SELECT * FROM users WHERE id = {user_id}")'),
      errors: [error(SQL, 4, 18, 4, 61, sql('conn.execute', 'built with an f-string'))],
      output: null,
    },
    {
      code: DB('conn.execute("SELECT * FROM users WHERE name = \'%s\'" % name)'),
      errors: [error(SQL, 4, 18, 4, 64, sql('conn.execute', 'built with `%` formatting'))],
      output: null,
    },
    {
      code: DB('conn.executemany("INSERT INTO {} VALUES (?)".format(name), [(1,)])'),
      errors: [error(SQL, 4, 22, 4, 62, sql('conn.executemany', 'built with `.format()`'))],
      output: null,
    },
    {
      code: DB('conn.cursor().execute("DELETE FROM users WHERE id = " + user_id)'),
      errors: [error(SQL, 4, 27, 4, 68, sql('conn.cursor().execute', 'built by `+` concatenation'))],
      output: null,
    },
    {
      code: DB('q = f"WITH x AS (SELECT 1) SELECT * FROM x WHERE id = {user_id}"\n    conn.execute(q)'),
      errors: [error(SQL, 4, 9, 4, 69, sql('conn.execute', 'built with an f-string (as `q`)'))],
      output: null,
    },
    {
      code: 'class Store:\n    def get(self, cur):\n        cur.execute(f"SELECT * FROM t WHERE sid = {self.sid}")\n',
      errors: [error(SQL, 3, 21, 3, 62, sql('cur.execute', 'built with an f-string'))],
      output: null,
    },
    {
      code: DB('conn.exec_driver_sql("DELETE FROM t WHERE id = %s" % user_id)'),
      errors: [error(SQL, 4, 26, 4, 65, sql('conn.exec_driver_sql', 'built with `%` formatting'))],
      output: null,
    },
    {
      code: DB('pd.read_sql(f"select * from t where id = {user_id}", conn)', 'import pandas as pd\n'),
      errors: [error(SQL, 4, 17, 4, 56, sql('pd.read_sql', 'built with an f-string'))],
      output: null,
    },
    {
      code: DB('return text(f"SELECT * FROM users WHERE id = {user_id}")', 'from sqlalchemy import text\n'),
      errors: [error(SQL, 4, 17, 4, 60, sql('text', 'built with an f-string'))],
      output: null,
    },
  ],
});

describe('process and SQL rules: unsafe fixes and one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const fixed = (rule: string, code: string) => engine.fixAll(code, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text;

  it('turns a word-only f-string command into an argument list without a shell', () => {
    assert.equal(fixed(SHELL, FN('subprocess.run(f"git log {ref}", shell=True)')), FN('subprocess.run(["git", "log", ref])'));
    assert.equal(
      fixed(SHELL, FN('subprocess.run(f"tar -C {ref} -xf {name}.tar", shell=True, check=True)')),
      FN('subprocess.run(["tar", "-C", ref, "-xf", f"{name}.tar"], check=True)'),
    );
  });

  it('splits %, .format() and + commands the same way', () => {
    assert.equal(fixed(SHELL, FN('subprocess.call("tar -xf %s -C %s" % (name, ref), shell=True)')), FN('subprocess.call(["tar", "-xf", name, "-C", ref])'));
    assert.equal(fixed(SHELL, FN("subprocess.call('cat {}.log'.format(name), shell=True)")), FN("subprocess.call(['cat', f'{name}.log'])"));
    assert.equal(fixed(SHELL, FN('subprocess.call("git show " + ref + " --stat", shell=True)')), FN('subprocess.call(["git", "show", ref, "--stat"])'));
  });

  it('runs an os.system() statement with subprocess.run, adding the import', () => {
    assert.equal(fixed(SHELL, FN('os.system(f"rm -rf {name}")', 'import os\n')), FN('subprocess.run(["rm", "-rf", name], check=False)', 'import os\nimport subprocess\n'));
  });

  it('reuses the file\'s subprocess import and alias', () => {
    assert.equal(fixed(SHELL, FN('os.system(f"rm {name}")', 'import os\nimport subprocess as sp\n')), FN('sp.run(["rm", name], check=False)', 'import os\nimport subprocess as sp\n'));
    assert.equal(fixed(SHELL, FN('os.system(f"rm {name}")', 'import os\nfrom subprocess import run\n')), FN('run(["rm", name], check=False)', 'import os\nfrom subprocess import run\n'));
  });

  it('offers no fix where the shell does more than split words', () => {
    for (const body of [
      'subprocess.run(f"git log {ref} | head", shell=True)',
      'subprocess.run(f"echo {ref!r}", shell=True)',
      'subprocess.run(f"{ref} --version", shell=True)',
      'subprocess.run(f"ls \'{name}\'", shell=True)',
      'subprocess.Popen(f"ls {name}", shell=True, executable="/bin/bash")',
      'rc = os.system(f"rm {name}")',
      'subprocess.run("ls %s %%" % name, shell=True)',
      'subprocess.run("ls {0}".format(name), shell=True)',
      'subprocess.run([f"ls {name}", "x"], shell=True)',
    ]) {
      const code = FN(body, 'import os\nimport subprocess\n');
      assert.equal(engine.analyzeText(code, { select: [SHELL] }).length, 1, body);
      assert.equal(fixed(SHELL, code), code, body);
    }
  });

  it('binds simple f-string values with the placeholder style of the driver', () => {
    const sqlite = 'import sqlite3\n\ndef f(user_id, name):\n    conn = sqlite3.connect("a.db")\n    conn.execute(BODY)\n';
    const body = (q: string) => sqlite.replace('BODY', q);
    assert.equal(fixed(SQL, body(`f"SELECT * FROM u WHERE id = {user_id} AND name = '{name}'"`)), body(`"SELECT * FROM u WHERE id = ? AND name = ?", (user_id, name)`));
    const pg = 'import psycopg2\n\ndef f(user):\n    cur = psycopg2.connect("").cursor()\n    cur.execute(BODY)\n';
    assert.equal(fixed(SQL, pg.replace('BODY', 'f"INSERT INTO u (id, name) VALUES ({user.id}, {user.name})"')), pg.replace('BODY', '"INSERT INTO u (id, name) VALUES (%s, %s)", (user.id, user.name)'));
    const sa = 'from sqlalchemy import text\n\ndef f(conn, user_id):\n    BODY\n';
    assert.equal(fixed(SQL, sa.replace('BODY', 'conn.execute(text(f"SELECT * FROM u WHERE id = {user_id}"))')), sa.replace('BODY', 'conn.execute(text("SELECT * FROM u WHERE id = :user_id"), {"user_id": user_id})'));
    assert.equal(fixed(SQL, sa.replace('BODY', 'q = text(f"SELECT * FROM u WHERE id = {user_id}")')), sa.replace('BODY', 'q = text("SELECT * FROM u WHERE id = :user_id").bindparams(user_id=user_id)'));
  });

  it('offers no SQL fix for identifiers, wildcards, existing params or an unknown driver', () => {
    const sqlite = 'import sqlite3\n\ndef f(table, name, ids):\n    conn = sqlite3.connect("a.db")\n    BODY\n';
    for (const body of [
      'conn.execute(f"SELECT * FROM {table} WHERE name = {name}")',
      `conn.execute(f"SELECT * FROM u WHERE name LIKE '%{name}%'")`,
      'conn.execute(f"SELECT * FROM u WHERE id IN ({ids}) AND n = ?", (name,))',
      'conn.execute(f"SELECT * FROM u WHERE name = {name!r}")',
      'conn.execute(f"SELECT * FROM u WHERE name = {name.upper()}")',
      'conn.executemany(f"UPDATE u SET n = 1 WHERE name = {name}", ids)',
    ]) {
      const code = sqlite.replace('BODY', body);
      assert.equal(engine.analyzeText(code, { select: [SQL] }).length, 1, body);
      assert.equal(fixed(SQL, code), code, body);
    }
    const unknown = 'def f(cursor, name):\n    cursor.execute(f"SELECT * FROM u WHERE name = {name}")\n';
    assert.equal(engine.analyzeText(unknown, { select: [SQL] }).length, 1);
    assert.equal(fixed(SQL, unknown), unknown);
  });

  it('shows the parameterised query built from the code when the driver is unknown', () => {
    const code = 'def f(cursor, name):\n    cursor.execute(f"SELECT * FROM u WHERE name = \'{name}\'")\n';
    const [finding] = engine.analyzeText(code, { select: [SQL] });
    assert.match(finding.suggestion ?? '', /cursor\.execute\("SELECT \* FROM u WHERE name = \?", \(name,\)\)/);
    const shell = engine.analyzeText(FN('subprocess.run(f"git log {ref}", shell=True)'), { select: [SHELL] })[0];
    assert.match(shell.suggestion ?? '', /subprocess\.run\(\["git", "log", ref\]\)/);
    const popen = engine.analyzeText(FN('return os.popen(f"du -sh {name}").read()', 'import os\n'), { select: [SHELL] })[0];
    assert.match(popen.suggestion ?? '', /subprocess\.run\(\["du", "-sh", name\], capture_output=True, text=True\)\.stdout/);
  });

  const cases: { rule: string; code: string; peers: (string | null)[] }[] = [
    { rule: SHELL, code: FN('subprocess.run(f"ls {name}", shell=True)'), peers: ['S602'] },
    { rule: SHELL, code: FN('trio.run_process(f"ls {name}", shell=True)', 'import trio\n'), peers: ['S604'] },
    { rule: SHELL, code: FN('os.system(f"ls {name}")', 'import os\n'), peers: ['S605'] },
    { rule: SHELL, code: FN('subprocess.getoutput(f"ls {name}")'), peers: ['S605'] },
    { rule: SQL, code: DB('conn.execute(f"SELECT * FROM t WHERE id = {user_id}")'), peers: ['S608'] },
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
