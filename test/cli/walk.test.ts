// Which files `pymodern check DIR` analyses: .py files, minus VCS folders, virtualenvs
// (by name or by their pyvenv.cfg), caches, node_modules and `exclude` globs.
import assert from 'node:assert/strict';
import { realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNC_SLEEP, parseJson, project, runCli } from '../helpers/cli';

function files(result: ReturnType<typeof runCli>): string[] {
  return parseJson(result).findings.map((f) => f.file);
}

describe('cli: directory walk', () => {
  let root: string;
  before(() => {
    // Every .py file below has one finding, so the findings list the files analysed.
    root = project({
      'pyproject.toml': '[tool.pymodern]\nexclude = ["generated", "src/legacy/**", "**/*_pb2.py"]\n',
      'app.py': ASYNC_SLEEP,
      'src/pkg/mod.py': ASYNC_SLEEP,
      'src/pkg/api_pb2.py': ASYNC_SLEEP,
      'src/legacy/old.py': ASYNC_SLEEP,
      'src/legacy_kept.py': ASYNC_SLEEP,
      'generated/gen.py': ASYNC_SLEEP,
      // A pattern without a slash matches that name at any depth, as in Ruff.
      'src/pkg/generated/deep.py': ASYNC_SLEEP,
      'src/generated_by_hand.py': ASYNC_SLEEP,
      '.git/hooks/pre_commit.py': ASYNC_SLEEP,
      '.venv/lib/site.py': ASYNC_SLEEP,
      'venv/lib/site.py': ASYNC_SLEEP,
      'node_modules/pkg/bundled.py': ASYNC_SLEEP,
      'src/pkg/__pycache__/cached.py': ASYNC_SLEEP,
      'envs/py311/pyvenv.cfg': 'home = /usr/bin\n',
      'envs/py311/bin/shim.py': ASYNC_SLEEP,
      'envs/tool.py': ASYNC_SLEEP,
      'envs/notes/pyvenv.cfg.txt': '',
      'envs/notes/kept.py': ASYNC_SLEEP,
      'script': ASYNC_SLEEP,
      'notes.txt': ASYNC_SLEEP,
      'stubs.pyi': ASYNC_SLEEP,
      'app.py.bak': ASYNC_SLEEP,
    });
  });

  it('analyses .py files only, skipping .git, virtualenvs, node_modules, __pycache__ and excluded paths', () => {
    const result = runCli(['check', '--format', 'json'], { cwd: root });
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(files(result), [
      'app.py',
      'envs/notes/kept.py',
      'envs/tool.py',
      'src/generated_by_hand.py',
      'src/legacy_kept.py',
      'src/pkg/mod.py',
    ]);
  });

  it('walks a folder given as a path the same way', () => {
    assert.deepEqual(files(runCli(['check', '--format', 'json', 'src'], { cwd: root })), ['src/generated_by_hand.py', 'src/legacy_kept.py', 'src/pkg/mod.py']);
  });

  it('analyses a file named explicitly even when excluded or inside a skipped folder', () => {
    const result = runCli(['check', '--format', 'json', 'generated/gen.py', 'src/pkg/api_pb2.py', '.venv/lib/site.py', 'script'], { cwd: root });
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(files(result), ['.venv/lib/site.py', 'generated/gen.py', 'script', 'src/pkg/api_pb2.py']);
  });

  it('reports a missing path as an error (exit 2) and still analyses the others', () => {
    const result = runCli(['check', 'app.py', 'missing.py', 'missing-folder/'], { cwd: root });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'missing.py: error: no such file or folder\nmissing-folder/: error: no such file or folder\n');
    assert.ok(result.stdout.startsWith('app.py:5:5: warning [blocking-sleep-in-async] '), result.stdout);
    assert.ok(result.stdout.endsWith('\nFound 1 finding in 1 file (1 file checked, 100% typed). [*] 1 fixable with --fix.\n'), result.stdout);
  });
});

describe('cli: symlinks met while walking a folder', () => {
  it('follows a .py symlink that stays inside the folder (once), and says which it skips', () => {
    const outside = project({ 'o.py': ASYNC_SLEEP });
    const root = project({ 'pkg/a.py': ASYNC_SLEEP, 'pkg/b_target.py': ASYNC_SLEEP });
    symlinkSync('b_target.py', join(root, 'pkg/c_link.py'));
    symlinkSync('a.py', join(root, 'pkg/a_twin.py'));
    symlinkSync(join(outside, 'o.py'), join(root, 'pkg/out.py'));
    symlinkSync(outside, join(root, 'linked_dir'));
    const json = runCli(['check', '--format', 'json'], { cwd: root });
    assert.deepEqual([...new Set(files(json))], ['pkg/a.py', 'pkg/b_target.py'], 'a link and its target are one file');
    const text = runCli(['check'], { cwd: root });
    assert.deepEqual(text.stderr.trimEnd().split('\n').sort(), [
      'linked_dir: note: symlink to a folder: not followed',
      `pkg/out.py: note: symlink to ${realpathSync(join(outside, 'o.py'))}, outside the folder: skipped`,
    ]);
    assert.equal(text.status, 1, 'notes do not change the exit code');
  });
});
