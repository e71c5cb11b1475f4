// The benchmark's corpus: the Python files under a path (by default the standard library
// of the machine's python3), walked exactly as `pymodern check` walks folders.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { catalogOf } from '../../../src/engine/config';
import type { RuleMeta } from '../../../src/engine/types';
import { ProjectConfigs } from '../../../src/node/project-config';
import { readSource } from '../../../src/node/read-source';
import { collectPythonFiles } from '../../../src/cli/walk';

export interface CorpusFile {
  path: string;
  /** Size on disk. */
  bytes: number;
  lines: number;
}

export interface Corpus {
  root: string;
  files: CorpusFile[];
  bytes: number;
  lines: number;
  /** Files the CLI would report as errors (binary, undecodable): left out of every measure. */
  unreadable: { path: string; message: string }[];
}

/** The standard library folder of `python3`, found through sysconfig. */
export function pythonStdlib(): string {
  try {
    return execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
  } catch (error) {
    throw new Error(`no corpus given and python3 could not be asked for its standard library: ${(error as Error).message}`);
  }
}

export function countLines(text: string): number {
  if (!text.length) return 0;
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines : lines + 1;
}

export function collectCorpus(root: string, rules: readonly RuleMeta[]): Corpus {
  const walked = collectPythonFiles([root], new ProjectConfigs(catalogOf(rules)));
  if (walked.errors.length && !walked.files.length) throw new Error(`corpus ${root}: ${walked.errors[0].message}`);
  const files: CorpusFile[] = [];
  const unreadable: Corpus['unreadable'] = [];
  for (const path of walked.files) {
    try {
      const { text } = readSource(path);
      files.push({ path, bytes: statSync(path).size, lines: countLines(text) });
    } catch (error) {
      unreadable.push({ path, message: (error as Error).message });
    }
  }
  if (!files.length) throw new Error(`corpus ${root}: no readable Python files`);
  return {
    root,
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    lines: files.reduce((sum, f) => sum + f.lines, 0),
    unreadable,
  };
}
