// `npm run bench [-- PATH] [options]`: pymodern's performance, measured side by side with
// the limit of its approach (a bare web-tree-sitter parse) and with Ruff compiled to WASM,
// in one run on one machine (issue 7). Prints Markdown tables and writes .bench/results.json.
//
// Every measure runs in a child process: `pymodern check` as users run it (dist/cli.js,
// with a preloaded hook that reads CPU time and memory), and probes (test/bench/probes/,
// bundled here with esbuild) for the bare parse, Ruff, the engine in process, keystrokes,
// start-up with the analysis worker, the extension host's synchronous tasks and memory. Goals are checked on ratios
// and printed as met or missed; nothing here is a test.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CompiledRuleSet } from '../../src/engine/types';
import { readRuleSet } from '../../src/node/load-engine';
import { FINDINGS_PER_SLICE } from '../../src/node/slices';
import { collectCorpus, pythonStdlib, type Corpus } from './lib/corpus';
import { currentLoad, describeMachine, type Machine } from './lib/machine';
import { runProbe, runProcess } from './lib/process';
import { summarizeProfile, type ProfileSummary } from './lib/profile';
import { ruffSelection, type RuffSelection } from './lib/ruff';
import { distribution, fmt, fmtInt, max, median, medianDistribution, MB, type Distribution } from './lib/stats';
import { table } from './lib/table';

const ROOT = resolve(__dirname, '..', '..');
const BUILT = join(ROOT, 'dist');
const OUT = join(ROOT, '.bench');
const PROBES = join(OUT, 'probes');
/**
 * A copy of dist/ taken when the run starts: the CLI and the probes use it, so a rebuild of
 * dist/ during the run (npm test builds too) cannot change what is measured halfway.
 */
const DIST = join(OUT, 'dist');

/** Issue 7's machine (2 cores), where the goals were set: a full parse of a 5k-line file took ≈ 18 ms. */
const REFERENCE_FULL_PARSE_5K_MS = 18;

const GOALS = {
  batchCpuRatio: 1.5,
  batchWallRatio: 0.5,
  keystrokeP50Ms: 2,
  keystrokeP90Ms: 5,
  hostTaskMs: 50,
  firstFindingsMs: 150,
  peakPerWorkerMb: 150,
};

const SECTIONS = ['batch', 'engine', 'keystroke', 'start', 'host', 'memory'] as const;
type Section = (typeof SECTIONS)[number];

const USAGE = `Usage: npm run bench -- [PATH] [options]

PATH defaults to the standard library of python3 (sysconfig), site-packages skipped.

Options:
  --runs N            runs of each batch measure, median reported (default 3)
  --keystroke-runs N  processes of 200 edits each (default 3)
  --edits N           edits per keystroke run (default 200)
  --start-runs N      fresh processes for the start-up measure: analysis client
                      created → first findings on the 5k-line file (default 5)
  --host-runs N       fresh processes per file size for the extension host's tasks
                      with the analysis worker (default 3)
  --jobs N            workers of the "all cores" run (default: availableParallelism)
  --only LIST         comma-separated sections: ${SECTIONS.join(', ')}
  --profile           also profile (node --cpu-prof) the batch analysis and the
                      keystrokes, and print where the time goes
  --ruff-preview      run Ruff with preview rules (e.g. RUF029) too
  --out FILE          results JSON (default .bench/results.json)`;

interface Options {
  corpus: string;
  runs: number;
  keystrokeRuns: number;
  edits: number;
  startRuns: number;
  hostRuns: number;
  jobs: number;
  sections: Set<Section>;
  profile: boolean;
  ruffPreview: boolean;
  out: string;
}

function options(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '3' },
      'keystroke-runs': { type: 'string', default: '3' },
      edits: { type: 'string', default: '200' },
      'start-runs': { type: 'string', default: '5' },
      'host-runs': { type: 'string', default: '3' },
      jobs: { type: 'string', default: String(availableParallelism()) },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      'ruff-preview': { type: 'boolean', default: false },
      out: { type: 'string', default: join(OUT, 'results.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, not "${value}"`);
    return n;
  };
  const sections = new Set<Section>(values.only ? (values.only.split(',').map((s) => s.trim()) as Section[]) : SECTIONS);
  for (const s of sections) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section "${s}" (known: ${SECTIONS.join(', ')})`);
  if (positionals.length > 1) throw new Error('one corpus path at most');
  return {
    corpus: positionals[0] ? resolve(positionals[0]) : pythonStdlib(),
    runs: count('runs', values.runs!),
    keystrokeRuns: count('keystroke-runs', values['keystroke-runs']!),
    edits: count('edits', values.edits!),
    startRuns: count('start-runs', values['start-runs']!),
    hostRuns: count('host-runs', values['host-runs']!),
    jobs: count('jobs', values.jobs!),
    sections,
    profile: values.profile!,
    ruffPreview: values['ruff-preview']!,
    out: resolve(values.out!),
  };
}

/** The commit measured, and whether the working tree differed from it. */
function gitRevision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // What decides the measured code; the benchmark's own files do not count.
    const dirty = git('status', '--porcelain', '--', 'src', 'rules', 'grammars', 'esbuild.mjs');
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return '(not a git checkout)';
  }
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function buildProbes(): Promise<void> {
  rmSync(PROBES, { recursive: true, force: true });
  mkdirSync(PROBES, { recursive: true });
  const dir = join(__dirname, 'probes');
  const entries = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'common.ts');
  await build({
    entryPoints: entries.map((f) => join(dir, f)),
    outdir: PROBES,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As esbuild.mjs: the ESM build of web-tree-sitter reads import.meta.url.
    alias: { 'web-tree-sitter': join(ROOT, 'node_modules', 'web-tree-sitter', 'tree-sitter.cjs') },
    external: ['@astral-sh/ruff-wasm-nodejs'],
    logLevel: 'warning',
  });
}

// ---- Measures ----

interface BatchRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  findings?: number;
  errors?: number;
  threads?: { threadId: number; main: boolean; heapUsedMb: number; externalMb: number; totalMb: number }[];
  loadMs?: number;
  workMs?: number;
}

interface ProbeUsage {
  usage: { cpuMs: number; maxRssMb: number };
}

async function runCli(corpus: string, ruleIds: readonly string[], jobs: number, tag: string): Promise<BatchRun> {
  const usageFile = join(OUT, 'usage', `${tag}.json`);
  mkdirSync(join(OUT, 'usage'), { recursive: true });
  rmSync(usageFile, { force: true });
  const result = await runProcess(
    process.execPath,
    ['-r', join(__dirname, 'hook.cjs'), join(DIST, 'cli.js'), 'check', corpus, '--format', 'json', '--jobs', String(jobs), '--select', ruleIds.join(',')],
    { PYMODERN_BENCH_USAGE: usageFile },
  );
  let output: { findings: unknown[]; errors: unknown[] };
  try {
    output = JSON.parse(result.stdout) as typeof output;
  } catch {
    throw new Error(`pymodern check (--jobs ${jobs}) exited ${result.code} without JSON output:\n${result.stderr.slice(-4000)}`);
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssMb: number; threads: BatchRun['threads'] };
  return { wallMs: result.wallMs, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssMb, findings: output.findings.length, errors: output.errors.length, threads: usage.threads };
}

interface BatchResults {
  parse: BatchRun[];
  cli1: BatchRun[];
  cliN: BatchRun[];
  /** One worker's job alone in a process (its peak RSS). */
  worker: (BatchRun & { wasmMb: number })[];
  ruff: (BatchRun & { diagnostics: number; codes: Record<string, number> })[];
}

async function measureBatch(o: Options, corpus: Corpus, ruleIds: readonly string[], ruff: RuffSelection): Promise<BatchResults> {
  const paths = corpus.files.map((f) => f.path);
  const results: BatchResults = { parse: [], cli1: [], cliN: [], worker: [], ruff: [] };
  for (let run = 0; run < o.runs; run++) {
    progress(`batch run ${run + 1}/${o.runs}: bare parse`);
    const parse = await runProbe<ProbeUsage & { loadMs: number; workMs: number }>(PROBES, 'parse', { distDir: DIST, paths });
    results.parse.push({ wallMs: parse.wallMs, cpuMs: parse.usage.cpuMs, maxRssMb: parse.usage.maxRssMb, loadMs: parse.loadMs, workMs: parse.workMs });
    progress(`batch run ${run + 1}/${o.runs}: pymodern check --jobs 1`);
    results.cli1.push(await runCli(corpus.root, ruleIds, 1, `cli-j1-r${run}`));
    progress(`batch run ${run + 1}/${o.runs}: pymodern check --jobs ${o.jobs}`);
    results.cliN.push(await runCli(corpus.root, ruleIds, o.jobs, `cli-j${o.jobs}-r${run}`));
    progress(`batch run ${run + 1}/${o.runs}: one worker's job, alone in a process`);
    const w = await runProbe<ProbeUsage & { wasmMb: number }>(PROBES, 'worker', { distDir: DIST, paths });
    results.worker.push({ wallMs: w.wallMs, cpuMs: w.usage.cpuMs, maxRssMb: w.usage.maxRssMb, wasmMb: w.wasmMb });
    progress(`batch run ${run + 1}/${o.runs}: Ruff-WASM ${ruff.version}`);
    const r = await runProbe<ProbeUsage & { loadMs: number; workMs: number; diagnostics: number; codes: Record<string, number> }>(PROBES, 'ruff', {
      paths,
      settings: ruff.settings,
    });
    results.ruff.push({ wallMs: r.wallMs, cpuMs: r.usage.cpuMs, maxRssMb: r.usage.maxRssMb, loadMs: r.loadMs, workMs: r.workMs, diagnostics: r.diagnostics, codes: r.codes });
  }
  return results;
}

interface Pass {
  cpuMs: number;
  wallMs: number;
}

interface EngineResults {
  parse: Pass[];
  analyze: Pass[];
  findings: number;
  byRule: Record<string, number>;
}

async function measureEngine(o: Options, corpus: Corpus): Promise<EngineResults> {
  progress(`engine in process: ${o.runs} × (bare parse, analyze) over the corpus`);
  return runProbe<EngineResults>(PROBES, 'engine', { distDir: DIST, paths: corpus.files.map((f) => f.path), runs: o.runs });
}

interface KeystrokeRun {
  edits: number;
  update: number[];
  incremental: number[];
  fullParse: number[];
  full: number[];
  mismatches: number;
  compared: number;
  findings: number;
  /** Edits whose def was analysed alone (the others took the whole-file path). */
  alone: number;
}

async function measureKeystrokes(o: Options, file: string): Promise<KeystrokeRun[]> {
  const runs: KeystrokeRun[] = [];
  for (let run = 0; run < o.keystrokeRuns; run++) {
    progress(`keystrokes run ${run + 1}/${o.keystrokeRuns}: ${o.edits} edits`);
    runs.push(await runProbe<KeystrokeRun>(PROBES, 'keystroke', { distDir: DIST, file, edits: o.edits, warmup: 20 }));
  }
  return runs;
}

interface StartRun {
  processMs: number;
  /** Client created → the worker's ready message. */
  readyMs: number;
  /** The worker's engine load, as it measured it. */
  loadMs: number;
  /** Open (parse) + first analysis, in the worker. */
  analyzeMs: number;
  /** Client created → first findings placed on the host. */
  totalMs: number;
  /** Longest synchronous step on the host. */
  hostMaxMs: number;
  refParseMs: number;
  findings: number;
}

async function measureStart(o: Options, file: string): Promise<StartRun[]> {
  const runs: StartRun[] = [];
  progress(`start: ${o.startRuns} fresh processes`);
  for (let run = 0; run < o.startRuns; run++) runs.push(await runProbe<StartRun>(PROBES, 'start', { distDir: DIST, file }));
  return runs;
}

interface HostRun {
  /** Sending the text to the worker. */
  openMs: number;
  /** Decoding the first result and placing its findings: the longest slice, and all of them. */
  resultMs: number;
  resultTotalMs: number;
  /** Per keystroke: sending the change and the analysis request. */
  keystroke: number[];
  /** Per keystroke: the longest slice of decoding the result and placing its findings. */
  keystrokeResult: number[];
  closeMs: number;
  /** The host event loop's longest stall over the run (monitorEventLoopDelay). */
  stallMaxMs: number;
  /** In the worker, for context: first analysis (parse included) and per keystroke. */
  workerFirstMs: number;
  keystrokeWorker: number[];
  findings: number;
  refParseMs: number;
}

async function measureHost(o: Options, files: Record<number, string>, refFile: string): Promise<Record<number, HostRun[]>> {
  const results: Record<number, HostRun[]> = {};
  for (const [lines, file] of Object.entries(files)) {
    progress(`host tasks: ${lines}-line file, ${o.hostRuns} fresh processes`);
    results[Number(lines)] = [];
    for (let run = 0; run < o.hostRuns; run++) {
      results[Number(lines)].push(await runProbe<HostRun>(PROBES, 'host', { distDir: DIST, file, edits: 10, refFile }));
    }
  }
  return results;
}

function runsEdits(host: Record<number, HostRun[]>): number {
  return Object.values(host)[0]?.[0]?.keystroke.length ?? 0;
}

interface MemorySnapshot {
  heapUsedMb: number;
  externalMb: number;
  wasmMb: number;
  rssMb: number;
}

interface MemoryResults {
  files: number;
  bytes: number;
  lines: number;
  baseline: MemorySnapshot;
  opened: MemorySnapshot;
  closed: MemorySnapshot;
  afterCycles: MemorySnapshot[];
}

async function measureMemory(corpus: Corpus): Promise<MemoryResults> {
  progress('memory: the 50 largest files open, closed, reopened');
  // The largest: their trees outgrow the WASM memory's initial 32 MiB, so a tree that is
  // not freed on close would show as growth when they are all opened again.
  const sample = [...corpus.files].sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).slice(0, 50);
  const result = await runProbe<Omit<MemoryResults, 'bytes' | 'lines'>>(PROBES, 'memory', { distDir: DIST, paths: sample.map((f) => f.path), cycles: 3 }, ['--expose-gc']);
  return { ...result, bytes: sample.reduce((s, f) => s + f.bytes, 0), lines: sample.reduce((s, f) => s + f.lines, 0) };
}

async function profile(corpus: Corpus, keystrokeFile: string, edits: number): Promise<{ batch: ProfileSummary; keystroke: ProfileSummary }> {
  const dir = join(OUT, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  const run = async (name: string, probe: string, parameters: object) => {
    progress(`profile: ${name}`);
    const target = join(dir, name);
    await runProbe(PROBES, probe, parameters, ['--cpu-prof', '--cpu-prof-dir', target]);
    const file = readdirSync(target).find((f) => f.endsWith('.cpuprofile'))!;
    return summarizeProfile(join(target, file), 20);
  };
  const batch = await run('batch', 'engine', { distDir: DIST, paths: corpus.files.map((f) => f.path), runs: 1, analyzeOnly: true });
  const keystroke = await run('keystroke', 'keystroke', { distDir: DIST, file: keystrokeFile, edits, warmup: 20, incrementalOnly: true });
  return { batch, keystroke };
}

// ---- Report ----

interface Goal {
  goal: string;
  target: string;
  measured: string;
  met: boolean;
}

function goalRow(goal: string, target: string, measured: string, met: boolean): Goal {
  return { goal, target, measured, met };
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  if (!existsSync(join(BUILT, 'cli.js'))) throw new Error('dist/ is not built: run `npm run build` (npm run bench builds first)');
  mkdirSync(OUT, { recursive: true });
  const machine: Machine = describeMachine();
  const revision = gitRevision();
  const started = performance.now();
  progress(`copying dist/ to ${relative(ROOT, DIST)}/ and bundling probes into ${relative(ROOT, PROBES)}/`);
  rmSync(DIST, { recursive: true, force: true });
  cpSync(BUILT, DIST, { recursive: true });
  await buildProbes();

  const ruleSet: CompiledRuleSet = readRuleSet(DIST);
  const ruleIds = ruleSet.rules.map((r) => r.id);
  progress(`corpus: walking ${o.corpus}`);
  const corpus = collectCorpus(o.corpus, ruleSet.rules);
  const ruff = ruffSelection(ruleSet.rules, o.ruffPreview);

  const filesDir = join(OUT, 'files');
  mkdirSync(filesDir, { recursive: true });
  progress('building the 1k, 5k, 10k and 50k-line files from the corpus');
  const synth = await runProbe<{ files: Record<string, { path: string; bytes: number; sources: number; hasError: boolean }> }>(PROBES, 'synth', {
    distDir: DIST,
    paths: corpus.files.map((f) => f.path),
    outDir: filesDir,
    sizes: [1000, 5000, 10000, 50000],
  });
  const file5k = synth.files['5000'].path;
  for (const [lines, file] of Object.entries(synth.files)) {
    if (file.hasError) progress(`warning: the ${lines}-line file has syntax errors (${file.path}); its findings may be fewer`);
  }

  const batch = o.sections.has('batch') ? await measureBatch(o, corpus, ruleIds, ruff) : undefined;
  const engine = o.sections.has('engine') ? await measureEngine(o, corpus) : undefined;
  const keystroke = o.sections.has('keystroke') ? await measureKeystrokes(o, file5k) : undefined;
  const start = o.sections.has('start') ? await measureStart(o, file5k) : undefined;
  const host = o.sections.has('host')
    ? await measureHost(o, { 1000: synth.files['1000'].path, 10000: synth.files['10000'].path, 50000: synth.files['50000'].path }, file5k)
    : undefined;
  const memory = o.sections.has('memory') ? await measureMemory(corpus) : undefined;
  const profiles = o.profile ? await profile(corpus, file5k, o.edits) : undefined;
  const loadEnd = currentLoad();
  const totalSeconds = (performance.now() - started) / 1000;

  // ---- Tables ----
  const out: string[] = [];
  const mbps = (ms: number) => corpus.bytes / MB / (ms / 1000);
  const lps = (ms: number) => corpus.lines / (ms / 1000);
  out.push(`## pymodern benchmark — ${machine.date.slice(0, 10)}`);
  out.push('');
  out.push(`- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}`);
  out.push(`- Load average (1/5/15 min): ${machine.loadStart.join(' / ')} at start, ${loadEnd.join(' / ')} at end; ${fmt(totalSeconds, 0)} s in all`);
  out.push(
    `- Corpus: ${corpus.root} — ${fmtInt(corpus.files.length)} files, ${fmt(corpus.bytes / MB)} MB, ${fmtInt(corpus.lines)} lines` +
      (corpus.unreadable.length ? ` (left out: ${corpus.unreadable.length} files the CLI cannot read, e.g. undecodable)` : ''),
  );
  const families = [...new Set(ruleSet.rules.map((r) => r.family))].sort();
  out.push(`- pymodern ${revision}: all ${ruleIds.length} rules, preview ones included (families: ${families.join(', ')}), target 3.10`);
  out.push(
    `- Ruff-WASM ${ruff.version}: --select ${ruff.select.join(',')}, target py310, preview ${ruff.preview ? 'on' : 'off'}` +
      (ruff.unknown.length ? `; unknown to this version: ${ruff.unknown.join(', ')}` : '') +
      (ruff.preview ? '' : ' (preview-only rules such as RUF029 do not run; --ruff-preview)'),
  );
  out.push(`- Medians of ${o.runs} runs (batch, engine), ${o.keystrokeRuns} × ${o.edits} edits, ${o.startRuns} starts, ${o.hostRuns} processes per host file size. MB = 10^6 bytes on disk.`);
  out.push('');

  const goals: Goal[] = [];
  const json: Record<string, unknown> = { machine: { ...machine, loadEnd }, options: { ...o, sections: [...o.sections] }, corpus: { ...corpus, files: corpus.files.length }, rules: ruleIds, ruff, synth: synth.files };

  if (batch) {
    const row = (label: string, runs: readonly BatchRun[], extra: string) => {
      const wall = median(runs.map((r) => r.wallMs));
      return [label, fmt(wall / 1000, 2), fmt(median(runs.map((r) => r.cpuMs)) / 1000, 2), fmt(mbps(wall), 2), fmtInt(lps(wall)), fmt(median(runs.map((r) => r.maxRssMb)), 0), extra];
    };
    const perWorker = (runs: readonly BatchRun[]) => {
      const workers = runs.flatMap((r) => (r.threads ?? []).filter((t) => !t.main));
      return workers.length ? ` (worker threads, sampled between batches: heap+external ≤ ${fmt(max(workers.map((t) => t.totalMb)), 0)} MB)` : '';
    };
    const cliFindings = median(batch.cli1.map((r) => r.findings ?? 0));
    out.push('### Batch: the whole corpus, as a fresh process (wall includes Node start-up)');
    out.push('');
    out.push(
      table(
        ['run', 'wall s', 'CPU s', 'MB/s', 'lines/s', 'peak RSS MB', 'notes'],
        [
          row('bare web-tree-sitter parse, 1 thread', batch.parse, `${fmt(median(batch.parse.map((r) => r.loadMs!)), 0)} ms to load`),
          row('`pymodern check --jobs 1`', batch.cli1, `${fmtInt(cliFindings)} findings, ${fmtInt(median(batch.cli1.map((r) => r.errors ?? 0)))} file errors`),
          row(`\`pymodern check --jobs ${o.jobs}\``, batch.cliN, `${fmtInt(median(batch.cliN.map((r) => r.findings ?? 0)))} findings${perWorker(batch.cliN)}`),
          row(`Ruff-WASM ${ruff.version}, 1 thread`, batch.ruff, `${fmtInt(median(batch.ruff.map((r) => r.diagnostics)))} diagnostics; ${fmt(median(batch.ruff.map((r) => r.loadMs!)), 0)} ms to load, ${fmt(median(batch.ruff.map((r) => r.workMs!)) / 1000, 2)} s to check`),
        ],
      ),
    );
    out.push('');
    const wallRatios = batch.cliN.map((r, i) => r.wallMs / batch.ruff[i].wallMs);
    const cpuE2e = batch.cli1.map((r, i) => r.cpuMs / batch.parse[i].cpuMs);
    const wallRatio = median(wallRatios);
    out.push(`Ratios (median of the runs' ratios): pymodern all-cores wall / Ruff-WASM wall = **${fmt(wallRatio, 2)}**; pymodern --jobs 1 CPU / bare parse CPU, whole processes = ${fmt(median(cpuE2e), 2)}.`);
    out.push('');
    const worker = median(batch.worker.map((r) => r.maxRssMb));
    out.push(`One worker's job alone in a process (\`analyzeFile\` on every file, results dropped): peak RSS ${fmt(worker, 0)} MB, Node's baseline included; WASM memory ${fmt(median(batch.worker.map((r) => r.wasmMb)), 0)} MB.`);
    out.push('');
    goals.push(goalRow(`batch wall, all cores (${o.jobs}) / Ruff-WASM wall`, `≤ ${GOALS.batchWallRatio}`, fmt(wallRatio, 2), wallRatio <= GOALS.batchWallRatio));
    goals.push(goalRow('peak memory per worker, scanning the corpus', `≤ ${GOALS.peakPerWorkerMb} MB`, `${fmt(worker, 0)} MB RSS (one worker's job alone in a process)`, worker <= GOALS.peakPerWorkerMb));
    json.batch = { ...batch, ratios: { wallAllCoresOverRuff: wallRatios, cliCpuOverParseCpu: cpuE2e } };
  }

  if (engine) {
    const parseCpu = median(engine.parse.map((p) => p.cpuMs));
    const analyzeCpu = median(engine.analyze.map((p) => p.cpuMs));
    const ratios = engine.parse.map((p, i) => engine.analyze[i].cpuMs / p.cpuMs);
    const ratio = median(ratios);
    out.push('### Engine in process: texts in memory, 1 thread');
    out.push('');
    out.push(
      table(
        ['pass over the corpus', 'CPU s', 'wall s', 'MB/s (CPU)', 'lines/s (CPU)'],
        [
          ['bare parse (`parser.parse` + `tree.delete`)', fmt(parseCpu / 1000, 2), fmt(median(engine.parse.map((p) => p.wallMs)) / 1000, 2), fmt(mbps(parseCpu), 2), fmtInt(lps(parseCpu))],
          [`\`engine.analyzeText\`, all rules (${fmtInt(engine.findings)} findings)`, fmt(analyzeCpu / 1000, 2), fmt(median(engine.analyze.map((p) => p.wallMs)) / 1000, 2), fmt(mbps(analyzeCpu), 2), fmtInt(lps(analyzeCpu))],
        ],
      ),
    );
    out.push('');
    out.push(`Findings by rule: ${Object.entries(engine.byRule).map(([rule, n]) => `${rule} ${fmtInt(n)}`).join(', ') || 'none'}.`);
    out.push('');
    goals.push(goalRow('batch CPU, all rules / bare parse (engine in process)', `≤ ${GOALS.batchCpuRatio}`, fmt(ratio, 2), ratio <= GOALS.batchCpuRatio));
    json.engine = { ...engine, cpuRatio: ratios };
  }

  // Time goals are checked on the ratio to a full parse of the 5k-line file measured in the
  // same process: the goal in ms, scaled by how fast this machine parses right now.
  const scaled = (ms: number, refParseMs: number) => (ms * REFERENCE_FULL_PARSE_5K_MS) / refParseMs;
  const scaleNote = (ms: number, refParseMs: number) => `${fmt(ms, 1)} ms (${fmt(scaled(ms, refParseMs), 1)} ms at the issue's parse speed)`;

  if (keystroke) {
    const d = (pick: (r: KeystrokeRun) => number[]) => medianDistribution(keystroke.map((r) => distribution(pick(r))));
    const incremental = d((r) => r.incremental);
    const update = d((r) => r.update);
    const fullParse = d((r) => r.fullParse);
    const full = d((r) => r.full);
    const cells = (x: Distribution) => [fmt(x.p50, 2), fmt(x.p90, 2), fmt(x.max, 2)];
    out.push(`### Keystroke: ${o.edits} one-character edits spread through a 5,000-line file (${fmt(synth.files['5000'].bytes / 1000, 0)} kB of stdlib code)`);
    out.push('');
    out.push(
      table(
        ['edit → updated findings', 'p50 ms', 'p90 ms', 'max ms'],
        [
          ['**incremental: `update` + `analyze`**', ...cells(incremental)],
          ['of which `update` (incremental reparse)', ...cells(update)],
          ['full: `open` (parse) + `analyze`', ...cells(full)],
          ['of which full parse', ...cells(fullParse)],
        ],
      ),
    );
    const mismatches = keystroke.reduce((s, r) => s + r.mismatches, 0);
    const compared = keystroke.reduce((s, r) => s + r.compared, 0);
    out.push('');
    const alone = keystroke.reduce((s, r) => s + r.alone, 0);
    const edits = keystroke.reduce((s, r) => s + r.edits, 0);
    out.push(
      `${fmtInt(alone)} of ${fmtInt(edits)} edits were analysed by re-analysing the edited def alone; the others (an edit in an import, between defs, in a class header…) took the whole-file path. ` +
        `The full path is timed on every fourth edit. Incremental findings ${mismatches ? `differed from a full analysis after **${mismatches}** of ${compared} edits` : `equal those of a full analysis after all ${compared} edits compared`}; ${fmtInt(keystroke[0].findings)} findings in the file.`,
    );
    out.push('');
    goals.push(goalRow('keystroke → findings, 5k lines, p50', `≤ ${GOALS.keystrokeP50Ms} ms`, scaleNote(incremental.p50, fullParse.p50), scaled(incremental.p50, fullParse.p50) <= GOALS.keystrokeP50Ms));
    goals.push(goalRow('keystroke → findings, 5k lines, p90', `≤ ${GOALS.keystrokeP90Ms} ms`, scaleNote(incremental.p90, fullParse.p50), scaled(incremental.p90, fullParse.p50) <= GOALS.keystrokeP90Ms));
    json.keystroke = { runs: keystroke, incremental, update, fullParse, full };
  }

  if (start) {
    const m = (pick: (r: StartRun) => number) => median(start.map(pick));
    out.push('### Start: a fresh process, from creating the analysis client (as activation does) to the first findings on the 5,000-line file (everything cold)');
    out.push('');
    out.push(
      table(
        ['Node + bundle load ms', 'client → worker ready ms', 'of which engine load (worker) ms', 'open + first analysis (worker) ms', '**client → first findings ms**', 'longest host task ms'],
        [
          [
            fmt(m((r) => r.processMs), 0),
            fmt(m((r) => r.readyMs), 1),
            fmt(m((r) => r.loadMs), 1),
            fmt(m((r) => r.analyzeMs), 1),
            `**${fmt(m((r) => r.totalMs), 1)}**`,
            fmt(m((r) => r.hostMaxMs), 1),
          ],
        ],
      ),
    );
    out.push('');
    out.push(
      'The extension host reads the rules (JSON), starts the worker and sends the text; the worker loads the engine, parses and analyses. ' +
        'Longest host task: the longest of reading the rules, starting the worker, sending the text, decoding and placing the result.',
    );
    out.push('');
    const total = m((r) => r.totalMs);
    const ref = m((r) => r.refParseMs);
    goals.push(goalRow('first findings after activation (client created → findings), 5k lines', `≤ ${GOALS.firstFindingsMs} ms`, scaleNote(total, ref), scaled(total, ref) <= GOALS.firstFindingsMs));
    json.start = start;
  }

  if (host) {
    out.push('### Extension host: its synchronous tasks per file, with the analysis in the worker thread (worker warm)');
    out.push('');
    const rows: string[][] = [];
    for (const [lines, runs] of Object.entries(host)) {
      const m = (pick: (r: HostRun) => number) => median(runs.map(pick));
      const longest = m((r) => Math.max(r.openMs, r.resultMs, r.closeMs, r.stallMaxMs, ...r.keystroke, ...r.keystrokeResult));
      const ref = m((r) => r.refParseMs);
      rows.push([
        fmtInt(Number(lines)),
        fmt(m((r) => r.openMs), 2),
        `${fmt(m((r) => r.resultMs), 2)} (${fmt(m((r) => r.resultTotalMs), 1)})`,
        fmt(m((r) => max(r.keystroke)), 2),
        fmt(m((r) => max(r.keystrokeResult)), 2),
        fmt(m((r) => r.closeMs), 2),
        fmt(m((r) => r.stallMaxMs), 1),
        `**${fmt(longest, 1)}**`,
        fmtInt(m((r) => r.findings)),
        `${fmt(m((r) => r.workerFirstMs), 0)} / ${fmt(m((r) => median(r.keystrokeWorker)), 0)}`,
      ]);
      goals.push(goalRow(`longest host task, ${fmtInt(Number(lines))} lines`, `≤ ${GOALS.hostTaskMs} ms`, scaleNote(longest, ref), scaled(longest, ref) <= GOALS.hostTaskMs));
    }
    out.push(
      table(
        [
          'lines',
          'open: send text ms',
          'result: decode, place: longest slice (all) ms',
          'keystroke: send max ms',
          'keystroke result: longest slice max ms',
          'close ms',
          'event-loop stall max ms',
          'longest ms',
          'findings',
          'worker: first / keystroke p50 ms',
        ],
        rows,
      ),
    );
    out.push('');
    out.push(
      `The host only posts messages and turns results into diagnostics; parsing and analysis run in the worker (last column, for context). ` +
        `Results are decoded and placed ${FINDINGS_PER_SLICE} findings at a time, with a turn of the event loop between slices: the longest slice is the host's task (all slices together in parentheses). ` +
        `Keystrokes: ${runsEdits(host)} one-character edits per file, each answered before the next. The stall is the longest delay of the host's event loop over the whole run (\`monitorEventLoopDelay\`, 1 ms resolution), which also counts receiving messages and garbage collection; the longest is the largest of all columns before it.`,
    );
    out.push('');
    json.host = host;
  }

  if (memory) {
    const { baseline, opened, closed, afterCycles } = memory;
    const last = afterCycles.at(-1) ?? closed;
    const wasmGrowth = last.wasmMb - closed.wasmMb;
    const openCost = opened.wasmMb - baseline.wasmMb;
    const heapLeft = closed.heapUsedMb - baseline.heapUsedMb;
    const heapCost = opened.heapUsedMb - baseline.heapUsedMb;
    out.push(`### Memory: the ${memory.files} largest corpus files open (${fmt(memory.bytes / MB)} MB, ${fmtInt(memory.lines)} lines), parsed, analysed, findings kept`);
    out.push('');
    const snap = (label: string, s: MemorySnapshot) => [label, fmt(s.heapUsedMb, 1), fmt(s.wasmMb, 1), fmt(s.externalMb, 1), fmt(s.rssMb, 0)];
    out.push(
      table(
        ['after', 'JS heap MB', 'WASM memory MB', 'external MB', 'RSS MB'],
        [snap('engine loaded', baseline), snap(`${memory.files} files open`, opened), snap('all closed (dispose)', closed), snap(`${afterCycles.length} more open/close cycles`, last)],
      ),
    );
    out.push('');
    out.push('WASM memory grows and never shrinks: trees of closed files are freed when reopening them all again does not grow it.');
    out.push('');
    const freed = wasmGrowth <= Math.max(1, 0.1 * openCost) && heapLeft <= Math.max(1, 0.1 * heapCost);
    goals.push(
      goalRow(
        'trees of closed files freed',
        'no growth over open/close cycles',
        `WASM +${fmt(wasmGrowth, 1)} MB over ${afterCycles.length} cycles; heap ${heapLeft >= 0 ? '+' : ''}${fmt(heapLeft, 1)} MB vs. before opening`,
        freed,
      ),
    );
    json.memory = memory;
  }

  if (goals.length) {
    out.push('### Goals (issue 7)');
    out.push('');
    out.push(table(['goal', 'target', 'measured', 'verdict'], goals.map((g) => [g.goal, g.target, g.measured, g.met ? 'met' : '**missed**'])));
    out.push('');
    const parse5k = keystroke ? medianDistribution(keystroke.map((r) => distribution(r.fullParse))).p50 : undefined;
    out.push(
      `Time goals are checked on the ratio to a full parse of the 5k-line file in the same process (${REFERENCE_FULL_PARSE_5K_MS} ms on the issue's machine), so a loaded or slower machine does not fail them by itself` +
        (parse5k ? `; in this run that parse took ${fmt(parse5k, 1)} ms (keystroke section), so milliseconds count × ${fmt(REFERENCE_FULL_PARSE_5K_MS / parse5k, 2)}.` : '.'),
    );
    out.push('');
    json.goals = goals;
  }

  if (profiles) {
    for (const [name, summary] of Object.entries(profiles)) {
      out.push(`### Profile: ${name === 'batch' ? 'engine.analyzeText over the corpus' : 'keystrokes (update + analyze)'} — ${fmt(summary.totalMs / 1000, 2)} s sampled`);
      out.push('');
      out.push(table(['self time by module', 'ms', '%'], summary.modules.slice(0, 10).map((m) => [m.name, fmt(m.ms, 0), fmt(m.percent, 1)])));
      out.push('');
      out.push(table(['self time by function', 'module', 'ms', '%'], summary.functions.map((f) => [`\`${f.name}\``, f.where, fmt(f.ms, 0), fmt(f.percent, 1)])));
      out.push('');
    }
    json.profiles = profiles;
  } else if (goals.some((g) => !g.met)) {
    out.push('Some goals are missed: `npm run bench -- --profile` shows where the time goes.');
    out.push('');
  }

  const text = out.join('\n');
  process.stdout.write(`\n${text}\n`);
  mkdirSync(resolve(o.out, '..'), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify({ ...json, table: text }, null, 2)}\n`);
  progress(`results written to ${relative(process.cwd(), o.out) || o.out}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${String((error as Error).stack ?? error)}\n`);
  process.exitCode = 1;
});
