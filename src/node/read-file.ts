// Reading a file the user pointed at, safely: only regular files (a FIFO named
// pyproject.toml would block the run forever; a device or socket is no source), and only up
// to a size, checked before reading.
import { readFileSync, statSync } from 'node:fs';

export class FileKindError extends Error {}

function kindOf(stats: ReturnType<typeof statSync>): string {
  if (!stats) return 'missing';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** The file's bytes; FileKindError when it is no regular file or is over `maxBytes`. */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const stats = statSync(path);
  if (!stats.isFile()) throw new FileKindError(`not read: ${kindOf(stats)}, not a regular file`);
  if (stats.size > maxBytes) throw new FileKindError(`not read: ${(stats.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit`);
  return readFileSync(path);
}
