// Writing a fixed file without ever leaving it half-written: the new text goes to a temporary
// file in the same folder, is flushed to disk, then renamed over the original (atomic on one
// file system), keeping the original's mode and, where allowed, its owner. On any error the
// original is untouched, the temporary file removed, and the error names the file.
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file-system calls the write makes: Node's, or a test's that fails on purpose. */
export type WriteFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'chmodSync' | 'chownSync' | 'realpathSync' | 'accessSync'
>;

export class FileWriteError extends Error {}

let counter = 0;

export function writeFileAtomic(path: string, data: Uint8Array, fs: WriteFs = nodeFs): void {
  let target: string;
  let stats: nodeFs.Stats;
  try {
    // Through a symlink, the file it points to is replaced, not the link.
    target = fs.realpathSync(path);
    stats = fs.statSync(target);
    // Renaming over a read-only file would succeed: respect its mode instead.
    fs.accessSync(target, nodeFs.constants.W_OK);
  } catch (error) {
    throw new FileWriteError(`cannot write fixes to ${path}: ${reason(error)}; the file is unchanged`);
  }
  const temporary = join(dirname(target), `.${basename(target)}.pymodern-${process.pid}-${counter++}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temporary, 'wx', stats.mode & 0o7777);
    for (let written = 0; written < data.length; ) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.chmodSync(temporary, stats.mode & 0o7777);
    try {
      if (typeof process.getuid === 'function' && (stats.uid !== process.getuid() || stats.gid !== process.getgid?.())) fs.chownSync(temporary, stats.uid, stats.gid);
    } catch {
      // Only root may give a file away: the new file keeps our owner, as an editor's save would.
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing: the write error is the one to report
      }
    }
    try {
      fs.unlinkSync(temporary);
    } catch {
      // never created, or already gone
    }
    throw new FileWriteError(`cannot write fixes to ${path}: ${reason(error)}; the file is unchanged`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = String((error as Error)?.message ?? error);
  return code ? `${code} (${message.replace(/^\w+: /, '').replace(/, \w+(?: '.*')?$/, '')})` : message;
}
