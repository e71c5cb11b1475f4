// Rule tables of the security family's process and SQL rules (subprocess-shell-injection,
// sql-string-formatting): valid / invalid snippets with exact 1-based positions and messages
// (conventions in ../rule-tester.ts), then the one peer code of each finding.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { ruleTester, type ExpectedError } from '../rule-tester';

const error = (rule: string, line: number, column: number, endLine: number, endColumn: number, message: string): ExpectedError => ({
  rule,
  line,
  column,
  endLine,
  endColumn,
  message,
});

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

  it('runs an os.system() statement with subprocess.run, adding the import', () => {
    assert.equal(fixed(SHELL, FN('os.system(f"rm -rf {name}")', 'import os\n')), FN('subprocess.run(["rm", "-rf", name], check=False)', 'import os\nimport subprocess\n'));
  });

  it('offers no fix where the shell does more than split words', () => {
    for (const body of [
      'subprocess.run(f"git log {ref} | head", shell=True)',
      'subprocess.run(f"echo {ref!r}", shell=True)',
      'subprocess.run(f"{ref} --version", shell=True)',
      'subprocess.run(f"ls \'{name}\'", shell=True)',
      'subprocess.Popen(f"ls {name}", shell=True, executable="/bin/bash")',
      'rc = os.system(f"rm {name}")',
    ]) {
      const code = FN(body, 'import os\nimport subprocess\n');
      assert.equal(engine.analyzeText(code, { select: [SHELL] }).length, 1, body);
      assert.equal(fixed(SHELL, code), code, body);
    }
  });

  const cases: { rule: string; code: string; peers: (string | null)[] }[] = [
    { rule: SHELL, code: FN('subprocess.run(f"ls {name}", shell=True)'), peers: ['S602'] },
    { rule: SHELL, code: FN('trio.run_process(f"ls {name}", shell=True)', 'import trio\n'), peers: ['S604'] },
    { rule: SHELL, code: FN('os.system(f"ls {name}")', 'import os\n'), peers: ['S605'] },
    { rule: SHELL, code: FN('subprocess.getoutput(f"ls {name}")'), peers: ['S605'] },
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
