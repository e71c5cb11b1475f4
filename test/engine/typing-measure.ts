// Measures the typing family on a folder of real code (not a test; run by hand):
//
//   npx tsx test/engine/typing-measure.ts [FOLDER] [--target 3.12] [--json out.json]
//
// Prints the typed coverage, the findings per rule (with a safe fix / an unsafe fix / none),
// and the fixes' success rate: for each file and rule with a fix, every fix of that rule is
// applied (unsafe ones too, until stable), then the result must (1) still parse with CPython
// — the target's interpreter when installed, else python3 — and (2) no longer produce a
// finding of that rule that has a fix. Files CPython cannot parse to begin with are skipped.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Finding, PythonVersion, RuleConfig } from '../../src/engine/types';
import { sumCoverage, type TypedCoverage } from '../../src/engine/families/typing/coverage';
import { readSource } from '../../src/node/read-source';
import { getEngine } from '../helpers/engine';
import { pythonFor } from '../helpers/fixtures';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const target = (option('--target') ?? '3.12').split('.').map(Number) as unknown as PythonVersion;
const jsonOut = option('--json');
const root = args[0] ?? '/root/.pyenv/versions/3.11.7/lib/python3.11';

function walk(folder: string, files: string[] = []): string[] {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (name === '__pycache__' || name === 'site-packages') continue;
    const stats = statSync(path);
    if (stats.isDirectory()) walk(path, files);
    else if (name.endsWith('.py')) files.push(path);
  }
  return files;
}

/** Paths CPython fails to parse, checked in one interpreter run. */
function unparsable(python: string, paths: string[]): Set<string> {
  const script = 'import ast, sys\nfor path in sys.stdin.read().split("\\n"):\n    if not path: continue\n    try:\n        ast.parse(open(path, "rb").read())\n    except (SyntaxError, ValueError):\n        print(path)\n';
  const run = spawnSync(python, ['-c', script], { input: paths.join('\n'), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${python}: ${run.stderr}`);
  return new Set(run.stdout.split('\n').filter(Boolean));
}

interface RuleStats {
  findings: number;
  safe: number;
  unsafe: number;
  none: number;
  /** File-and-rule pairs whose fixes were tried. */
  attempts: number;
  applied: number;
  parses: number;
  gone: number;
  succeeded: number;
  failures: string[];
}

(async () => {
  const engine = await getEngine();
  const rules = engine.rules.filter((r) => r.family === 'typing').map((r) => r.id);
  const config: RuleConfig = { select: rules, targetVersion: target };
  const python = (target[1] >= 12 ? pythonFor(target) : undefined) ?? 'python3';
  const files = walk(root);
  const started = performance.now();
  const sources = new Map<string, string>();
  for (const file of files) {
    try {
      sources.set(file, readSource(file).text);
    } catch {
      // unreadable (binary, bad encoding): skipped, as the CLI reports them
    }
  }
  const broken = unparsable('python3', [...sources.keys()]);
  const stats = new Map<string, RuleStats>(rules.map((r) => [r, { findings: 0, safe: 0, unsafe: 0, none: 0, attempts: 0, applied: 0, parses: 0, gone: 0, succeeded: 0, failures: [] }]));
  const coverages: TypedCoverage[] = [];
  const work = mkdtempSync(join(tmpdir(), 'pymodern-measure-'));
  const fixedFiles: { path: string; file: string; rule: string; findingsLeft: number }[] = [];
  let analyzed = 0;
  for (const [file, text] of sources) {
    if (broken.has(file)) continue;
    analyzed++;
    const document = engine.open(text);
    let findings: Finding[];
    try {
      findings = engine.analyze(document, config);
      coverages.push(engine.coverage(document));
    } finally {
      document.dispose();
    }
    const fixable = new Set<string>();
    for (const finding of findings) {
      const s = stats.get(finding.rule)!;
      s.findings++;
      const fix = finding.fixes.find((f) => f.safety === 'safe') ?? finding.fixes[0];
      if (!fix) s.none++;
      else {
        s[fix.safety]++;
        fixable.add(finding.rule);
      }
    }
    for (const rule of fixable) {
      const only: RuleConfig = { select: [rule], targetVersion: target };
      const result = engine.fixAll(text, only, { unsafe: true, rules: new Set([rule]) });
      const s = stats.get(rule)!;
      s.attempts++;
      s.applied += result.applied;
      const path = join(work, `${fixedFiles.length}.py`);
      writeFileSync(path, result.text);
      fixedFiles.push({ path, file, rule, findingsLeft: result.findings.filter((f) => f.fixes.length > 0).length });
    }
  }
  const failedParse = unparsable(python, fixedFiles.map((f) => f.path));
  for (const fixed of fixedFiles) {
    const s = stats.get(fixed.rule)!;
    const parses = !failedParse.has(fixed.path);
    const gone = fixed.findingsLeft === 0;
    if (parses) s.parses++;
    if (gone) s.gone++;
    if (parses && gone) s.succeeded++;
    else s.failures.push(`${relative(root, fixed.file)}${parses ? '' : ' (does not parse)'}${gone ? '' : ` (${fixed.findingsLeft} fixable left)`}`);
  }
  rmSync(work, { recursive: true, force: true });

  const coverage = sumCoverage(coverages);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`${root}: ${analyzed} files analysed (${broken.size} not parsable by CPython, skipped), target ${target.join('.')}, ${seconds} s`);
  console.log(`typed coverage: ${coverage.annotated} of ${coverage.total} parameters and returns (${((coverage.annotated * 100) / coverage.total).toFixed(1)}%)`);
  console.log(`fixed files parsed with ${python}\n`);
  console.log('| rule | findings | safe fix | unsafe fix | no fix | files fixed | fixes applied | parses | rule gone | success |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [rule, s] of stats) {
    const rate = s.attempts ? `${((s.succeeded * 100) / s.attempts).toFixed(1)}%` : '—';
    console.log(`| \`${rule}\` | ${s.findings} | ${s.safe} | ${s.unsafe} | ${s.none} | ${s.attempts} | ${s.applied} | ${s.parses} | ${s.gone} | ${rate} |`);
  }
  for (const [rule, s] of stats) if (s.failures.length) console.log(`\n${rule} failures:\n  ${s.failures.slice(0, 20).join('\n  ')}`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ root, target, analyzed, coverage, stats: Object.fromEntries(stats) }, null, 2));
})();
