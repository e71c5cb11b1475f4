// `pymodern check`: the engine over files and folders, for people (text) and tools
// (json, sarif). Exit codes: 0 no findings, 1 findings, 2 usage, config or I/O error.
import { availableParallelism } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogOf, parseTargetVersion, unknownSelectors } from '../engine/config';
import { parsePandasVersion } from '../engine/pandas-version';
import type { Engine } from '../engine/engine';
import type { RuleConfig, RuleMeta } from '../engine/types';
import { loadEngine, readRuleSet } from '../node/load-engine';
import { ProjectConfigs, type LoadedConfig } from '../node/project-config';
import { analyzeFile, type FileJob, type FileResult, type FixMode } from './analyze-file';
import { runInWorkers, WorkerStartError } from './pool';
import { ReportWriter, StdoutSink, type OutputMode } from './report-writer';
import { formatRulesJson, formatRulesText, ruleListings } from './rules-command';
import { projectFileJobs, runDate, UpgradePath } from './project-files';
import { collectPythonFiles } from './walk';
import { END_OF_LIFE_RULE } from '../engine/project-files';

const VERSION = '0.1.0';
const USAGE = `Usage: pymodern check [PATH...] [options]
       pymodern rules [--format text|json] [--select IDS] [--ignore IDS] [--preview]

Finds legacy Python patterns (blocking calls in async code, pandas where polars or
DuckDB fits, missing type hints...) and explains the trend behind each one.
\`rules\` lists every rule with its family, status, severity, fix safety and peer
codes; * marks those the selection (pyproject.toml here, then the options) runs.

Options:
  --format text|json|sarif   output format (default: text)
  --select IDS               comma-separated rule ids, family names or ALL
  --ignore IDS               comma-separated rule ids or family names to skip
  --preview                  preview rules join ALL, family names and the default
                             selection (--no-preview: not, whatever pyproject.toml says)
  --target-version 3.X       Python version the code must run on (default: from
                             pyproject.toml, else 3.10)
  --pandas-version X.Y       oldest pandas the code must run on (default: from
                             pyproject.toml's pandas requirement, else 2.0)
  --pydantic-version X.Y     oldest pydantic the code must run on; below 2 the
                             pydantic (v1 -> v2) rules stay silent (default: from
                             pyproject.toml's pydantic requirement, else 2.0)
  --fix                      apply safe fixes to the files
  --unsafe-fixes             with --fix or --diff, apply unsafe fixes too
  --diff                     print the fixes as a unified diff; change nothing
  --jobs N                   worker threads (default: all cores)
  --time-budget SECONDS      time for one file's analysis (and fixes), past which it
                             is refused as too complex (default: 120; 0: no limit)
  -h, --help                 show this help
  --version                  show the version

Exit codes: 0 no findings, 1 findings, 2 usage, configuration or I/O error.`;

/** Per file, in seconds (--time-budget): generous, since every check is linear; a backstop for the pathological. */
const DEFAULT_TIME_BUDGET_S = 120;
const WATCHDOG_GRACE_MS = 1000;

/** Worker threads only pay off above this many files. */
const MIN_FILES_FOR_WORKERS = 16;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        select: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
        'target-version': { type: 'string' },
        'pandas-version': { type: 'string' },
        'pydantic-version': { type: 'string' },
        preview: { type: 'boolean' },
        'no-preview': { type: 'boolean' },
        fix: { type: 'boolean', default: false },
        'unsafe-fixes': { type: 'boolean', default: false },
        diff: { type: 'boolean', default: false },
        jobs: { type: 'string' },
        'time-budget': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usage(String((error as Error).message));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`pymodern ${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'check' && command !== 'rules') return usage(command ? `unknown command "${command}"` : 'missing command');
  const format = values.format!;
  if (command === 'rules') {
    if (!['text', 'json'].includes(format)) return usage(`rules: --format must be text or json, not "${format}"`);
    if (paths.length) return usage(`rules takes no path, got "${paths[0]}"`);
  } else if (!['text', 'json', 'sarif'].includes(format)) return usage(`--format must be text, json or sarif, not "${format}"`);

  const distDir = __dirname;
  // The rules' metadata is enough here: with several workers, each loads its own engine,
  // and the main thread never compiles the WASM it would not use.
  let rules: readonly RuleMeta[];
  try {
    rules = readRuleSet(distDir).rules;
  } catch (error) {
    process.stderr.write(`pymodern is not built: ${(error as Error).message} (run \`npm run build\`)\n`);
    return 2;
  }
  try {
    const cli = cliOverrides(values, rules);
    if (command === 'rules') return listRules(rules, cli, format);
    const fixMode: FixMode = values.diff ? 'diff' : values.fix ? 'fix' : 'none';
    const jobsOption = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
    if (!Number.isInteger(jobsOption) || jobsOption < 1) throw new UsageError(`--jobs must be a positive whole number, not "${values.jobs}"`);
    const budget = values['time-budget'] === undefined ? DEFAULT_TIME_BUDGET_S : Number(values['time-budget']);
    if (values['time-budget']?.trim() === '' || !Number.isFinite(budget) || budget < 0) throw new UsageError(`--time-budget must be a number of seconds (0: no limit), not "${values['time-budget']}"`);
    const timeBudgetMs = Math.round(budget * 1000);
    return await check(rules, paths.length ? paths : ['.'], { format, fixMode, unsafeFixes: values['unsafe-fixes']!, cli, jobs: jobsOption, distDir, timeBudgetMs });
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof WorkerStartError) {
      process.stderr.write(`pymodern: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

interface CheckOptions {
  format: string;
  fixMode: FixMode;
  unsafeFixes: boolean;
  cli: RuleConfig;
  jobs: number;
  distDir: string;
  timeBudgetMs: number;
}

async function check(rules: readonly RuleMeta[], paths: string[], options: CheckOptions): Promise<number> {
  const cwd = process.cwd();
  const configs = new ProjectConfigs(catalogOf(rules));
  const walked = collectPythonFiles(paths, configs);
  const errors = [...walked.errors];
  const jobs: FileJob[] = [];
  const reported = new Set<string>();
  const jobOf = (path: string, loaded: LoadedConfig, fixMode: FixMode): FileJob => ({
    path,
    display: display(path, cwd),
    // --select / --ignore replace the config's lists; per-file ignores still apply.
    config: loaded.configFor(path, (project) => ({ ...project, ...options.cli })),
    trendsDir: join(options.distDir, 'trends'),
    fixMode,
    unsafeFixes: options.unsafeFixes,
    timeBudgetMs: options.timeBudgetMs,
  });
  for (const path of walked.files) {
    const loaded = configs.forFile(path);
    if (loaded.error) {
      // A broken config skips the files it governs, loudly; the others still run.
      // The error names the file in its `file` field; its message would repeat the absolute path.
      const message = loaded.error.message.replace(`${loaded.error.file}: `, '');
      if (!reported.has(loaded.file!)) errors.push({ file: display(loaded.file!, cwd), message });
      reported.add(loaded.file!);
      continue;
    }
    jobs.push(jobOf(path, loaded, options.fixMode));
  }

  // Code unit order, not localeCompare: the output must not depend on the user's locale.
  jobs.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  const projectJobs = projectFileJobs(walked, configs, {
    display: (path) => display(path, cwd),
    merge: (project) => ({ ...project, ...options.cli }),
    trendsDir: join(options.distDir, 'trends'),
    // Under a broken pyproject.toml, its error is reported once, as for Python files.
    broken: (file, message) => {
      if (!reported.has(file)) errors.push({ file: display(file, cwd), message });
      reported.add(file);
    },
  });
  const today = runDate();
  const upgrade = new UpgradePath(rules.find((r) => r.id === END_OF_LIFE_RULE), projectJobs, jobs, today, options.fixMode === 'none', rules);
  // A pyproject.toml named alone: its project's Python files are counted in passes of their own.
  upgrade.addProjectsNotWalked(jobs, (folder) =>
    collectPythonFiles([folder], configs).files.flatMap((path) => (configs.forFile(path).error ? [] : [jobOf(path, configs.forFile(path), 'none')])),
  );
  const mode: OutputMode = options.fixMode === 'diff' ? 'diff' : (options.format as OutputMode);
  const stdout = new StdoutSink();
  const writer = new ReportWriter(mode, stdout.write, errors, {
    rules,
    version: VERSION,
    trendsDir: join(options.distDir, 'trends'),
    cwd,
  });
  const progress = new Progress(jobs.length);
  const workers = Math.min(options.jobs, Math.ceil(jobs.length / MIN_FILES_FOR_WORKERS));
  /** Analyses jobs[from..] in worker threads; results are written in job order as they come. */
  const inWorkers = async (from: number, count: number) => {
    // Results arrive in any order; each is written once those before it are.
    const order = new Map<string, number[]>();
    jobs.forEach((job, i) => {
      if (i >= from) order.set(job.display, [...(order.get(job.display) ?? []), i]);
    });
    const waiting = new Map<number, FileResult>();
    let written = from;
    // The engine polls the budget; the watchdog catches a file stuck between two polls.
    const watchdogMs = options.timeBudgetMs ? 2 * options.timeBudgetMs + WATCHDOG_GRACE_MS : 0;
    await runInWorkers(jobs.slice(from), { workers: count, distDir: options.distDir, watchdogMs }, (result) => {
      waiting.set(order.get(result.file)!.shift()!, result);
      for (let ready = waiting.get(written); ready; ready = waiting.get(written)) {
        waiting.delete(written++);
        upgrade.observe(ready);
        writer.add(ready);
      }
      progress.update(written + waiting.size);
    }, () => stdout.drained());
  };
  if (workers > 1) {
    await inWorkers(0, workers);
  } else {
    let engine: Engine;
    try {
      engine = await loadEngine(options.distDir);
    } catch (error) {
      process.stderr.write(`pymodern: ${(error as Error).message}\n`);
      return 2;
    }
    let poisonedAt = -1;
    try {
      for (const [i, job] of jobs.entries()) {
        const result = analyzeFile(engine, job);
        upgrade.observe(result);
        writer.add(result);
        progress.update(i + 1);
        await stdout.drained();
        if (engine.poisoned) {
          poisonedAt = i;
          break;
        }
      }
    } finally {
      engine.dispose();
    }
    // A WASM trap left this engine unusable: a fresh one, in a worker thread, takes the rest.
    if (poisonedAt >= 0 && poisonedAt + 1 < jobs.length) await inWorkers(poisonedAt + 1, 1);
  }
  progress.done();
  await countPass(upgrade.unwalkedJobs(), (result) => upgrade.observe(result), options);
  await countPass(upgrade.extraJobs(), (result) => upgrade.observeNext(result), options);
  // A project file joins the report (and the files checked) when it has something to say.
  for (const result of upgrade.results()) if (result.findings.length || result.errors.length) writer.add(result);
  writer.end(options);

  if (options.format === 'text' || options.fixMode === 'diff') {
    for (const error of writer.errors) process.stderr.write(`${error.file}: error: ${error.message}\n`);
    for (const w of writer.warnings) process.stderr.write(`${w.file}:${w.line}:${w.column}: warning: ${w.message}\n`);
    for (const note of walked.notes) process.stderr.write(`${display(note.file, cwd)}: note: ${note.message}\n`);
  }
  if (options.fixMode === 'diff') {
    const changed = writer.changedFiles;
    process.stderr.write(`${changed ? `Would fix ${writer.fixed} finding(s) in ${changed} file(s).` : 'No fixes to apply.'}\n`);
    if (writer.errors.length) return 2;
    return changed ? 1 : 0;
  }
  if (writer.errors.length) return 2;
  return writer.findings ? 1 : 0;
}

/**
 * The extra pass behind end-of-life-python's counts: the projects' Python files again, at
 * the oldest supported target. Only when a project file has a finding (see project-files.ts).
 */
async function countPass(jobs: readonly FileJob[], onResult: (result: FileResult) => void, options: CheckOptions): Promise<void> {
  if (!jobs.length) return;
  const workers = Math.min(options.jobs, Math.ceil(jobs.length / MIN_FILES_FOR_WORKERS));
  if (workers > 1) {
    const watchdogMs = options.timeBudgetMs ? 2 * options.timeBudgetMs + WATCHDOG_GRACE_MS : 0;
    await runInWorkers(jobs, { workers, distDir: options.distDir, watchdogMs }, onResult);
    return;
  }
  let engine: Engine;
  try {
    engine = await loadEngine(options.distDir);
  } catch {
    return; // the main pass loaded one, so this is unlikely; without it, no counts
  }
  try {
    for (const job of jobs) {
      onResult(analyzeFile(engine, job));
      // A WASM trap: the files left are not counted (their project's count covers the others).
      if (engine.poisoned) break;
    }
  } finally {
    engine.dispose();
  }
}

/** `pymodern rules`: the catalog, with what the selection here (pyproject.toml, then the options) runs. */
function listRules(rules: readonly RuleMeta[], cli: RuleConfig, format: string): number {
  const here = new ProjectConfigs(catalogOf(rules)).forFolder(process.cwd());
  if (here.error) {
    process.stderr.write(`${here.error.message}\n`);
    return 2;
  }
  const listings = ruleListings(rules, { ...here.config, ...cli });
  process.stdout.write(format === 'json' ? formatRulesJson(listings) : formatRulesText(listings));
  return 0;
}

function cliOverrides(
  values: { select?: string[]; ignore?: string[]; 'target-version'?: string; 'pandas-version'?: string; 'pydantic-version'?: string; preview?: boolean; 'no-preview'?: boolean },
  rules: readonly RuleMeta[],
): RuleConfig {
  const catalog = catalogOf(rules);
  const list = (flag: string, raw: string[] | undefined) => {
    if (!raw) return undefined;
    const ids = raw.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
    if (!ids.length) throw new UsageError(`${flag}: expected rule ids, family names or ALL, got nothing`);
    const unknown = unknownSelectors(ids, catalog);
    if (unknown.length) throw new UsageError(`${flag}: unknown rule id or family: ${unknown.join(', ')}`);
    return ids;
  };
  const config: RuleConfig = {};
  const select = list('--select', values.select);
  const ignore = list('--ignore', values.ignore);
  if (select) config.select = select;
  if (ignore) config.ignore = ignore;
  if (values.preview && values['no-preview']) throw new UsageError('--preview and --no-preview contradict each other');
  if (values.preview) config.preview = true;
  if (values['no-preview']) config.preview = false;
  if (values['target-version'] !== undefined) {
    const version = parseTargetVersion(values['target-version']);
    if (!version) throw new UsageError(`--target-version: expected a version like 3.11, got "${values['target-version']}"`);
    config.targetVersion = version;
  }
  if (values['pandas-version'] !== undefined) {
    const version = parsePandasVersion(values['pandas-version']);
    if (!version) throw new UsageError(`--pandas-version: expected a version like 2.2, got "${values['pandas-version']}"`);
    config.pandasVersion = version;
  }
  if (values['pydantic-version'] !== undefined) {
    const version = parsePandasVersion(values['pydantic-version']);
    if (!version) throw new UsageError(`--pydantic-version: expected a version like 2.7, got "${values['pydantic-version']}"`);
    config.pydanticVersion = version;
  }
  return config;
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(path));
  // `..odd.py` is inside the folder; `../x.py` (or another drive) is not.
  const outside = !rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? path : rel;
}

function usage(message: string): number {
  process.stderr.write(`pymodern: ${message}\n\n${USAGE}\n`);
  return 2;
}

/** A progress line on stderr, only for a terminal and only once the run takes a while. */
class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly total: number) {}

  update(done: number): void {
    if (!process.stderr.isTTY) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawn = true;
    process.stderr.write(`\rpymodern: ${done}/${this.total} files…`);
  }

  done(): void {
    if (this.drawn) process.stderr.write('\r\x1b[K');
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`pymodern: internal error: ${String((error as Error).stack ?? error)}\n`);
      process.exitCode = 2;
    },
  );
}
