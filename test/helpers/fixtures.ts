// Fixtures with inline expectations: test/fixtures/<family>/<rule-id>[.<variant>].py.
//
//   x = pd.read_csv(path)  # expect: pandas-read-csv
//       a finding of that rule must START on this line; several: `# expect: a, b`.
//   # pymodern-test: clean
//       as the first line: the file must produce no finding at all.
//   # pymodern-test: unsafe-fixes
//       in the leading comments: the .fixed.py was made with unsafe fixes applied too.
//
// The rule id is the file name up to the first dot, so one rule can have several fixtures
// (`blocking-sleep-in-async.trio.py`). `<name>.fixed.py` next to `<name>.py` holds the
// exact text after `fixAll` with only that rule enabled; a .fixed.py equal to its source
// asserts that the findings have no (acceptable) fix.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Finding } from '../../src/engine/types';
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
    for (const word of match[1].split(/[\s,]+/).filter(Boolean)) {
      if (!DIRECTIVES.has(word)) throw new Error(`${name}: unknown "# pymodern-test:" directive "${word}" (known: ${[...DIRECTIVES].join(', ')})`);
      found.add(word);
    }
  }
  return found;
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

/** Null when CPython parses the text, else its SyntaxError line. */
export function pythonSyntaxError(text: string): string | null {
  const result = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: text, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status === 0) return null;
  const lines = result.stderr.trim().split('\n');
  return lines[lines.length - 1] || `python3 exited with ${result.status}`;
}

function sortLineFindings(list: LineFinding[]): LineFinding[] {
  return list.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}
