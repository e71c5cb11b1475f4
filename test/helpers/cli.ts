// Runs the built CLI (dist/cli.js) as a subprocess in throw-away project folders.
//
// The tests run a private snapshot of dist/, taken once per process: `node esbuild.mjs`
// starts by deleting dist/, so a build started elsewhere while the suite runs must not
// pull the files out from under a running test. The snapshot is a complete build (every
// output present, nothing changed while it was copied) and not older than the CLI sources.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OutputFinding } from '../../src/cli/analyze-file';

export const REPO_ROOT = join(__dirname, '..', '..');
const BUILD_DIR = join(REPO_ROOT, 'dist');
const BUILD_OUTPUTS = ['cli.js', 'worker.js', 'rules.json', 'tree-sitter.wasm', 'tree-sitter-python.wasm', 'trends'];

const temporary: string[] = [];
process.on('exit', () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

function newestSource(dir: string): { file: string; mtime: number } {
  let newest = { file: '', mtime: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const mtime = statSync(file).mtimeMs;
    if (mtime > newest.mtime) newest = { file, mtime };
  }
  return newest;
}

function signature(dir: string): string {
  return BUILD_OUTPUTS.map((name) => {
    const stats = statSync(join(dir, name));
    return `${name}:${stats.size}:${stats.mtimeMs}`;
  }).join('|');
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

let snapshot: string | undefined;

/** A private copy of a complete dist/ build. */
export function distDir(): string {
  if (snapshot) return snapshot;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const copy = copyOfBuild();
    if (copy) {
      for (const folder of ['src/cli', 'src/node']) {
        const source = newestSource(join(REPO_ROOT, folder));
        if (source.mtime > copy.built) throw new Error(`dist/cli.js is older than ${source.file}: run \`node esbuild.mjs\``);
      }
      snapshot = copy.dir;
      return snapshot;
    }
    if (Date.now() > deadline) throw new Error('dist/ is missing or incomplete: run `node esbuild.mjs` first');
    sleep(200);
  }
}

/** Copies dist/ when it holds a complete build that does not change while it is copied. */
function copyOfBuild(): { dir: string; built: number } | undefined {
  if (!BUILD_OUTPUTS.every((name) => existsSync(join(BUILD_DIR, name)))) return undefined;
  try {
    const before = signature(BUILD_DIR);
    const built = statSync(join(BUILD_DIR, 'cli.js')).mtimeMs;
    const dir = tempDir('pymodern-dist-');
    cpSync(BUILD_DIR, dir, { recursive: true });
    if (signature(BUILD_DIR) !== before) return undefined;
    JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8'));
    return { dir, built };
  } catch {
    return undefined; // a build replaced dist/ while it was copied: try again
  }
}

/** A copy of the build snapshot that a test may change (rules.json, worker.js…). */
export function distVariant(change: (dir: string) => void): string {
  const dir = tempDir('pymodern-dist-variant-');
  cpSync(distDir(), dir, { recursive: true });
  change(dir);
  return dir;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working folder of the CLI (a project made by `project()`). */
  cwd: string;
  /** Another build to run, from `distVariant()`. */
  dist?: string;
  env?: Record<string, string>;
}

/** Runs `node dist/cli.js ...args` and waits for it. */
export function runCli(args: readonly string[], options: RunOptions): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.NODE_OPTIONS; // the test runner's loaders are not the CLI's business
  const result = spawnSync(process.execPath, [join(options.dist ?? distDir(), 'cli.js'), ...args], {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export type Tree = Record<string, string | Buffer>;

/** A fresh folder under the OS temp folder holding the given files (paths use `/`). */
export function project(files: Tree = {}): string {
  const root = tempDir('pymodern-cli-');
  write(root, files);
  return root;
}

function write(root: string, files: Tree): void {
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, ...path.split('/')), 'utf8');
}

export function readBytes(root: string, path: string): Buffer {
  return readFileSync(join(root, ...path.split('/')));
}

/** Parses the stdout of `--format json`, failing with the raw output when it is not JSON. */
export function parseJson<T = JsonReport>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.status}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** The CLI's JSON finding: the same type the CLI writes, so the two cannot drift. */
export type JsonFinding = OutputFinding;

export interface JsonReport {
  findings: JsonFinding[];
  errors: { file: string; message: string }[];
}

// ---- Python sources used across the suites, with their findings ----

/** A coroutine calling time.sleep: blocking-sleep-in-async at 5:5, nothing else. */
export const ASYNC_SLEEP = 'import time\n\n\nasync def main() -> None:\n    time.sleep(1)\n';
/** pandas.read_csv at module level: pandas-read-csv at 3:9 (no fix). */
export const READ_CSV = 'import pandas as pd\n\nframe = pd.read_csv("data.csv")\n';
/** A public function without `-> T`: missing-return-annotation at 1:5 (fix `-> None`). */
export const NO_ANNOTATION = 'def greet(name: str):\n    print(name)\n';
export const CLEAN = 'def add(a: int, b: int) -> int:\n    return a + b\n';

export const SLEEP_MESSAGE = '`time.sleep()` blocks the event loop inside coroutine `main`';
export const READ_CSV_MESSAGE =
  '`pd.read_csv()` parses the whole CSV eagerly on one core; polars `scan_csv` or DuckDB can read it lazily in parallel';
export const GREET_MESSAGE = 'Public function `greet` has no return type annotation';
