// Fixtures with inline expectations: test/fixtures/<family>/<rule-id>[.<variant>].py.
//
//   x = pd.read_csv(path)  # expect: pandas-read-csv
//       a finding of that rule must START on this line; several: `# expect: a, b`.
//   # pymodern-test: clean
//       as the first line: the file must produce no finding at all.
//   # pymodern-test: unsafe-fixes
//       in the leading comments: the .fixed.py was made with unsafe fixes applied too.
//   # pymodern-test: target-version 3.8
//       in the leading comments: analyse (and fix) for that target Python version instead of
//       the default (3.10), for version-gated rules: `min-version` rules stay silent below
//       their gate, and fixes write the spellings the version allows. May share a line with
//       the other words (`# pymodern-test: unsafe-fixes, target-version 3.12`).
//
// The rule id is the file name up to the first dot, so one rule can have several fixtures
// (`blocking-sleep-in-async.trio.py`). `<name>.fixed.py` next to `<name>.py` holds the
// exact text after `fixAll` with only that rule enabled; a .fixed.py equal to its source
// asserts that the findings have no (acceptable) fix.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { Finding, PythonVersion } from '../../src/engine/types';
import { REPO_ROOT } from './engine';

export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures');

export interface Fixture {
  /** Path relative to the repository, for messages. */
  name: string;
  file: string;
  family: string;
  ruleId: string;
  text: string;
  clean: boolean;
  unsafeFixes: boolean;
  /** From `# pymodern-test: target-version 3.X`; undefined means the default target. */
  targetVersion?: PythonVersion;
  /** The matching .fixed.py, when there is one. */
  fixedFile?: string;
}

/** One expected or actual finding, as a fixture sees it: 1-based start line and rule. */
export interface LineFinding {
  line: number;
  rule: string;
}

const EXPECT = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;
const DIRECTIVE = /^#\s*pymodern-test:\s*(.*)$/;
const DIRECTIVES = new Set(['clean', 'unsafe-fixes']);

/** Every source fixture (not the .fixed.py files), sorted. */
export function discoverFixtures(root = FIXTURES_DIR): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const family of readdirSync(root).sort()) {
    const folder = join(root, family);
    if (!statSync(folder).isDirectory()) continue;
    const names = readdirSync(folder).sort();
    for (const name of names) {
      if (!name.endsWith('.py') || name.endsWith('.fixed.py')) continue;
      const file = join(folder, name);
      const text = readFileSync(file, 'utf8');
      const directives = directivesOf(text, relative(REPO_ROOT, file));
      const fixedName = `${basename(name, '.py')}.fixed.py`;
      fixtures.push({
        name: relative(REPO_ROOT, file),
        file,
        family,
        ruleId: name.split('.')[0],
        text,
        clean: text.startsWith('# pymodern-test: clean\n') || text.startsWith('# pymodern-test: clean\r\n'),
        unsafeFixes: directives.has('unsafe-fixes'),
        targetVersion: targetVersionOf(text, relative(REPO_ROOT, file)),
        fixedFile: names.includes(fixedName) ? join(folder, fixedName) : undefined,
      });
    }
  }
  return fixtures;
}

/** The `.fixed.py` files that have no source fixture (a typo in a name). */
export function orphanFixedFiles(root = FIXTURES_DIR): string[] {
  const orphans: string[] = [];
  for (const family of readdirSync(root).sort()) {
    const folder = join(root, family);
    if (!statSync(folder).isDirectory()) continue;
    const names = readdirSync(folder);
    for (const name of names) {
      if (name.endsWith('.fixed.py') && !names.includes(name.replace(/\.fixed\.py$/, '.py'))) orphans.push(join(family, name));
    }
  }
  return orphans;
}

/** `# pymodern-test:` words in the file's leading comment lines; unknown words throw. */
export function directivesOf(text: string, name: string): Set<string> {
  const found = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    const match = DIRECTIVE.exec(line);
    if (!match) continue;
    const words = match[1].split(/[\s,]+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (word === 'target-version') {
        if (!/^3\.\d+$/.test(words[i + 1] ?? '')) throw new Error(`${name}: "target-version" needs a version like 3.8, got ${JSON.stringify(words[i + 1] ?? '')}`);
        found.add(`target-version ${words[++i]}`);
        continue;
      }
      if (!DIRECTIVES.has(word)) throw new Error(`${name}: unknown "# pymodern-test:" directive "${word}" (known: ${[...DIRECTIVES, 'target-version 3.X'].join(', ')})`);
      found.add(word);
    }
  }
  return found;
}

/** The `# pymodern-test: target-version 3.X` of a fixture, if it has one. */
export function targetVersionOf(text: string, name: string): PythonVersion | undefined {
  const versions = [...directivesOf(text, name)].filter((d) => d.startsWith('target-version ')).map((d) => d.slice('target-version '.length));
  if (versions.length > 1) throw new Error(`${name}: more than one "target-version" directive`);
  return versions.length ? (versions[0].split('.').map(Number) as unknown as PythonVersion) : undefined;
}

/** The `# expect:` markers of a fixture, sorted by line then rule. */
export function parseExpectations(text: string): LineFinding[] {
  const expected: LineFinding[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const match = EXPECT.exec(line);
    if (!match) return;
    for (const rule of match[1].split(',')) expected.push({ line: i + 1, rule: rule.trim() });
  });
  return sortLineFindings(expected);
}

export function lineFindingsOf(findings: readonly Finding[]): LineFinding[] {
  return sortLineFindings(findings.map((f) => ({ line: f.range.start.line + 1, rule: f.rule })));
}

/**
 * ast-grep style comparison: `Noisy` for findings nobody expected, `Missing` for markers
 * without a finding. Both empty means the fixture passes. Duplicates count: two findings
 * of one rule on one line need two markers (`# expect: a, a`).
 */
export function compareLineFindings(expected: readonly LineFinding[], actual: readonly LineFinding[]): { noisy: string[]; missing: string[] } {
  const key = (f: LineFinding) => `line ${f.line}: ${f.rule}`;
  const left = actual.map(key);
  const missing: string[] = [];
  for (const want of expected.map(key)) {
    const at = left.indexOf(want);
    if (at === -1) missing.push(`Missing ${want}`);
    else left.splice(at, 1);
  }
  return { noisy: left.map((k) => `Noisy ${k}`), missing };
}

/**
 * Null when CPython parses the text, else its SyntaxError line. With a version, the text is
 * parsed by that CPython when one is installed (`python3.X` on PATH, or under pyenv's
 * versions folder), else by `python3` if it is at least that new; throws SkipPython when
 * no suitable interpreter exists (callers skip the check).
 */
export function pythonSyntaxError(text: string, version?: PythonVersion): string | null {
  const python = version ? pythonFor(version) : 'python3';
  if (!python) throw new SkipPython(`no CPython ${version!.join('.')} or newer found to parse with`);
  const result = spawnSync(python, ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: text, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status === 0) return null;
  const lines = result.stderr.trim().split('\n');
  return lines[lines.length - 1] || `${python} exited with ${result.status}`;
}

export class SkipPython extends Error {}

const interpreters = new Map<string, string | undefined>();

/** A command running CPython `version` exactly when installed, else `python3` when newer. */
export function pythonFor(version: PythonVersion): string | undefined {
  const key = version.join('.');
  if (interpreters.has(key)) return interpreters.get(key);
  const works = (command: string) => {
    const result = spawnSync(command, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const pyenvRoot = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const candidates = [`python${key}`];
  try {
    for (const name of readdirSync(join(pyenvRoot, 'versions')).sort()) {
      if (name === key || name.startsWith(`${key}.`)) candidates.push(join(pyenvRoot, 'versions', name, 'bin', `python${key}`));
    }
  } catch {
    // no pyenv
  }
  let found = candidates.find((c) => works(c) === key);
  if (!found) {
    const current = works('python3')?.split('.').map(Number);
    if (current && (current[0] > version[0] || (current[0] === version[0] && current[1] >= version[1]))) found = 'python3';
  }
  interpreters.set(key, found);
  return found;
}

function sortLineFindings(list: LineFinding[]): LineFinding[] {
  return list.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}
