// --fix writes through a temporary file, flushed and renamed over the original: a failing
// disk, a read-only file or a failed rename leaves the original byte for byte.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileWriteError, writeFileAtomic, type WriteFs } from '../../src/node/atomic-write';
import { readSource, writeSource } from '../../src/node/read-source';

const ORIGINAL = `def f():\n${'    x = 1\n'.repeat(900)}    return 237\n`;

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pymodern-write-'));
}

/** Node's fs with one call replaced. */
function failing(overrides: Partial<WriteFs>): WriteFs {
  return { ...(fs as unknown as WriteFs), ...overrides };
}

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('atomic write of fixes', () => {
  it('replaces the content, keeps the mode, and leaves no temporary file', () => {
    const dir = scratch();
    const file = join(dir, 'app.py');
    writeFileSync(file, ORIGINAL, { mode: 0o640 });
    fs.chmodSync(file, 0o640);
    writeFileAtomic(file, Buffer.from('x = 2\n'));
    assert.equal(readFileSync(file, 'utf8'), 'x = 2\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['app.py']);
  });

  it('through a symlink, rewrites the file it points to and keeps the link', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'real.py'), ORIGINAL);
    symlinkSync('real.py', join(dir, 'link.py'));
    writeFileAtomic(join(dir, 'link.py'), Buffer.from('x = 3\n'));
    assert.equal(fs.lstatSync(join(dir, 'link.py')).isSymbolicLink(), true);
    assert.equal(readFileSync(join(dir, 'real.py'), 'utf8'), 'x = 3\n');
  });

  it('a disk that fills mid-write leaves the original whole, removes the temporary file and names the file', () => {
    const dir = scratch();
    const file = join(dir, 'app.py');
    writeFileSync(file, ORIGINAL);
    let calls = 0;
    // The first 8,192 bytes go out, then the disk is full.
    const full = failing({
      writeSync: ((fd: number, data: Uint8Array, offset: number, length: number) => {
        if (calls++ === 0) return fs.writeSync(fd, data, offset, Math.min(length, 8192));
        throw enospc();
      }) as WriteFs['writeSync'],
    });
    assert.throws(
      () => writeFileAtomic(file, Buffer.from(ORIGINAL.replace('237', '238')), full),
      (e: unknown) => e instanceof FileWriteError && e.message === `cannot write fixes to ${file}: ENOSPC (no space left on device); the file is unchanged`,
    );
    assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
    assert.deepEqual(readdirSync(dir), ['app.py']);
  });

  it('a failed flush or rename leaves the original too', () => {
    for (const overrides of [
      { fsyncSync: () => { throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }); } },
      { renameSync: () => { throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' }); } },
    ] as Partial<WriteFs>[]) {
      const dir = scratch();
      const file = join(dir, 'app.py');
      writeFileSync(file, ORIGINAL);
      assert.throws(() => writeFileAtomic(file, Buffer.from('x = 1\n'), failing(overrides)), FileWriteError);
      assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
      assert.deepEqual(readdirSync(dir), ['app.py']);
    }
  });

  it('refuses a read-only file rather than renaming over it', () => {
    const dir = scratch();
    const file = join(dir, 'app.py');
    writeFileSync(file, ORIGINAL);
    const readOnly = failing({ accessSync: () => { throw Object.assign(new Error(`EACCES: permission denied, access '${file}'`), { code: 'EACCES' }); } });
    assert.throws(
      () => writeFileAtomic(file, Buffer.from('x = 1\n'), readOnly),
      (e: unknown) => e instanceof FileWriteError && e.message === `cannot write fixes to ${file}: EACCES (permission denied); the file is unchanged`,
    );
    assert.equal(readFileSync(file, 'utf8'), ORIGINAL);
  });

  it('writeSource keeps the encoding and BOM, through the same atomic write', () => {
    const dir = scratch();
    const file = join(dir, 'app.py');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = 1\n')]));
    const source = readSource(file);
    assert.throws(() => writeSource(file, source, 'x = 2\n', failing({ writeSync: (() => { throw enospc(); }) as WriteFs['writeSync'] })), FileWriteError);
    assert.deepEqual([...readFileSync(file).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    writeSource(file, source, 'x = 2\n');
    assert.deepEqual(readFileSync(file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = 2\n')]));
  });
});
