// Reading a Python file from disk into text the engine can analyse, with a clear error for
// what cannot be: NUL bytes (binary), invalid UTF-8, unknown encodings, oversized files.
// Remembers the BOM and encoding so fixes are written back byte-compatible.
import { TextDecoder } from 'node:util';
import { writeFileAtomic, type WriteFs } from './atomic-write';
import { FileKindError, readRegularFile } from './read-file';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface SourceFile {
  text: string;
  /** WHATWG encoding label the file was decoded with. */
  encoding: string;
  bom: boolean;
}

export class SourceReadError extends Error {}

// PEP 263: a coding declaration in a comment on line 1 or 2.
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

export function readSource(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): SourceFile {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, Number.MAX_SAFE_INTEGER);
  } catch (error) {
    if (error instanceof FileKindError) throw new SourceReadError(error.message);
    throw new SourceReadError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (bytes.length > maxBytes) {
    throw new SourceReadError(`file is ${megabytes(bytes.length)}, over the ${megabytes(maxBytes)} limit; skipped`);
  }
  return decodeSource(bytes);
}

export function decodeSource(bytes: Uint8Array): SourceFile {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new SourceReadError(`contains a NUL byte at offset ${nul}: not Python source (binary file?)`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = bom ? undefined : declaredEncoding(body);
  const encoding = declared && !/^utf[-_]?8(?:[-_].*)?$/i.test(declared) ? declared : 'utf-8';
  if (encoding === 'utf-8') {
    const bad = firstInvalidUtf8(body);
    if (bad !== -1) throw new SourceReadError(`is not valid UTF-8 (bad byte 0x${body[bad].toString(16).padStart(2, '0')} at offset ${bad + (bom ? 3 : 0)}); declare its encoding with a "# -*- coding: … -*-" line`);
  }
  const decoder = decoderFor(encoding);
  if (!decoder) throw new SourceReadError(`declares an unknown encoding "${encoding}"`);
  try {
    return { text: decoder.decode(body), encoding: decoder.encoding, bom };
  } catch {
    throw new SourceReadError(`cannot be decoded as ${encoding}`);
  }
}

/** Writes fixed text back with the file's BOM; only UTF-8 and Latin-1 can be re-encoded. */
/** Writes fixed text back in the file's encoding, atomically (atomic-write.ts); throws FileWriteError. */
export function writeSource(path: string, source: SourceFile, text: string, fs?: WriteFs): void {
  let body: Buffer;
  if (source.encoding === 'utf-8') body = Buffer.from(text, 'utf8');
  else if (source.encoding === 'windows-1252' && /^[\x00-\xff]*$/.test(text)) body = Buffer.from(text, 'latin1');
  else throw new SourceReadError(`cannot write fixes in encoding ${source.encoding}`);
  writeFileAtomic(path, source.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body, fs);
}

// Python codec names (after `_` → `-`) that are not WHATWG labels; PEP 263's own example is `latin-1`.
const PYTHON_ENCODING_ALIASES: Record<string, string> = { 'latin-1': 'latin1', latin: 'latin1', '8859': 'latin1' };

function decoderFor(encoding: string): TextDecoder | undefined {
  const dashed = encoding.replace(/_/g, '-');
  for (const label of [encoding, dashed, PYTHON_ENCODING_ALIASES[dashed]]) {
    if (!label) continue;
    try {
      return new TextDecoder(label, { fatal: true });
    } catch {
      // not a label this runtime knows: try the next spelling
    }
  }
  return undefined;
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').split(/\r\n|\r|\n/).slice(0, 2);
  for (const line of head) {
    const match = CODING.exec(line);
    if (match) return match[1].toLowerCase();
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break; // the cookie may follow only a comment line
  }
  return undefined;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
