// `end-of-life-python` in `pymodern check`: reads the project files the walk found
// (pyproject.toml, setup.cfg, setup.py, .python-version, Dockerfile), has the engine report
// an end-of-life lower bound on them, and, for the hover and message, counts what the
// project's Python files would report at the oldest supported target instead.
//
// Cost: the project files themselves are a few lines of text. The count is one extra
// analysis of the project's Python files (at the supported target), run only when a
// project file has a finding and only without --fix/--diff; the findings at the current
// target are the main pass's, tallied per rule as they are written. A pyproject.toml named
// alone (`pymodern check pyproject.toml`) has its folder's Python files analysed at both
// targets instead: two passes.
import { basename, dirname, sep } from 'node:path';
import { analyzeProjectFile, END_OF_LIFE_RULE, projectFileKind, type RuleCounts, type UpgradeCounts } from '../engine/project-files';
import { oldestSupported, compareVersions } from '../engine/python-releases';
import { DEFAULT_TARGET_VERSION, type PythonVersion, type RuleConfig, type RuleMeta } from '../engine/types';
import { readSource, SourceReadError } from '../node/read-source';
import { LineIndex } from '../engine/positions';
import { isRuleEnabled, type ProjectConfig } from '../engine/config';
import type { ProjectConfigs } from '../node/project-config';
import { toOutput, type FileJob, type FileResult } from './analyze-file';
import type { WalkResult } from './walk';

export interface ProjectFileJob {
  path: string;
  display: string;
  config: RuleConfig;
  trendsDir: string;
  /** The file is also analysed as Python (setup.py): its result must not count as another file. */
  alsoPython: boolean;
}

/** The run's "today": the clock, or PYMODERN_TODAY (an ISO date) so tests and reproducible reports can pin it. */
export function runDate(env: NodeJS.ProcessEnv = process.env): Date {
  const pinned = env.PYMODERN_TODAY;
  if (pinned) {
    const date = new Date(`${pinned.slice(0, 10)}T12:00:00Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date();
}

/** The project files the walk found, as jobs with their config; those under a broken pyproject.toml go to `broken`. */
export function projectFileJobs(
  walked: WalkResult,
  configs: ProjectConfigs,
  how: { display: (path: string) => string; merge: (config: ProjectConfig) => RuleConfig; trendsDir: string; broken: (file: string, message: string) => void },
): ProjectFileJob[] {
  const pythonFiles = new Set(walked.files);
  const jobs: ProjectFileJob[] = [];
  for (const path of walked.projectFiles) {
    const loaded = configs.forFile(path);
    if (loaded.error) {
      how.broken(loaded.file!, loaded.error.message.replace(`${loaded.error.file}: `, ''));
      continue;
    }
    jobs.push({ path, display: how.display(path), config: loaded.configFor(path, how.merge), trendsDir: how.trendsDir, alsoPython: pythonFiles.has(path) });
  }
  return jobs;
}

/** One project file's findings (counts: what a supported target would change in its project). */
export function analyzeProjectFileJob(rule: RuleMeta | undefined, job: ProjectFileJob, today: Date, counts?: UpgradeCounts): FileResult {
  const result: FileResult = { file: job.display, findings: [], errors: [], fixed: 0, lines: 0, bytes: 0, ...(job.alsoPython ? { alsoPython: true } : {}) };
  const kind = projectFileKind(basename(job.path));
  if (!kind || !rule) return result;
  try {
    const text = readSource(job.path).text;
    const lines = new LineIndex(text);
    if (!job.alsoPython) {
      result.bytes = text.length;
      result.lines = lines.lineCount;
    }
    const findings = analyzeProjectFile(kind, text, rule, { today, config: job.config, counts });
    result.findings = findings.map((finding) => toOutput(finding, lines, job));
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    result.errors.push({ file: job.display, message: error.message });
  }
  return result;
}

/** The folder a project file speaks for: its own. */
export function projectFolder(job: ProjectFileJob): string {
  return dirname(job.path);
}

/** The Python jobs of a project folder (the files under it). */
export function jobsUnder(folder: string, jobs: readonly FileJob[]): FileJob[] {
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  return jobs.filter((job) => job.path.startsWith(prefix));
}

/** The target a file was analysed at. */
export function targetOf(config: RuleConfig): PythonVersion {
  return config.targetVersion ?? DEFAULT_TARGET_VERSION;
}

/** The jobs worth a second look: files whose target is below the oldest supported line, re-targeted to it. */
export function upgradedJobs(jobs: readonly FileJob[], today: Date): FileJob[] {
  const supported = oldestSupported(today).version;
  return jobs
    .filter((job) => compareVersions(targetOf(job.config), supported) < 0)
    .map((job) => ({ ...job, config: { ...job.config, targetVersion: supported }, fixMode: 'none' as const }));
}

/** Adds a file's findings to per-rule tallies. */
export function tally(counts: RuleCounts, result: FileResult): void {
  for (const finding of result.findings) {
    if (finding.rule === END_OF_LIFE_RULE) continue;
    const entry = (counts[finding.rule] ??= { findings: 0, fixable: 0 });
    entry.findings++;
    if (finding.fix) entry.fixable++;
  }
}

/**
 * The upgrade path of one run: the project files' findings, and the counts behind them.
 * `observe` sees every Python result of the main pass; `extraJobs` are the files to analyse
 * again at the supported target (none when no project file has a finding), whose results go
 * to `observeNext`; `results` are the project files' results, counts included.
 */
export class UpgradePath {
  private readonly supported: PythonVersion;
  /** Python jobs of the projects that have a finding, by display. */
  private readonly watched = new Map<string, FileJob>();
  private readonly current = new Map<string, RuleCounts>();
  private readonly next = new Map<string, RuleCounts>();
  private readonly flagged: ProjectFileJob[];

  constructor(
    private readonly rule: RuleMeta | undefined,
    private readonly projectJobs: readonly ProjectFileJob[],
    pythonJobs: readonly FileJob[],
    private readonly today: Date,
    private readonly counting: boolean,
    private readonly catalog: readonly RuleMeta[],
  ) {
    this.supported = oldestSupported(today).version;
    this.flagged = projectJobs.filter((job) => analyzeProjectFileJob(rule, job, today).findings.length);
    if (!counting) return;
    for (const job of this.flagged) {
      for (const python of upgradedJobs(jobsUnder(projectFolder(job), pythonJobs), today)) if (this.countable(python)) this.watched.set(python.display, python);
    }
  }

  /** A file where no other rule runs (`--select end-of-life-python`) has nothing to count. */
  private countable(job: FileJob): boolean {
    return this.catalog.some((r) => r.id !== END_OF_LIFE_RULE && isRuleEnabled(r, job.config));
  }

  observe(result: FileResult): void {
    if (this.watched.has(result.file) && !result.errors.length) tally((this.current.get(result.file) ?? this.current.set(result.file, {}).get(result.file)!), result);
  }

  /** Python files of flagged projects that the run did not walk (a pyproject.toml named alone), at their own target. */
  private unwalked: FileJob[] = [];

  /** For flagged projects with no Python file in the run, `collect` gives the jobs of their folder. */
  addProjectsNotWalked(jobs: readonly FileJob[], collect: (folder: string) => FileJob[]): void {
    if (!this.counting) return;
    for (const project of this.flagged) {
      const folder = projectFolder(project);
      if (jobsUnder(folder, jobs).length || jobsUnder(folder, this.unwalked).length) continue;
      const found = collect(folder).filter((job) => compareVersions(targetOf(job.config), this.supported) < 0 && this.countable(job));
      this.unwalked.push(...found);
      for (const job of upgradedJobs(found, this.today)) this.watched.set(job.display, job);
    }
  }

  /** The jobs to run (before `extraJobs`) whose results go to `observe`. */
  unwalkedJobs(): FileJob[] {
    return this.unwalked;
  }

  extraJobs(): FileJob[] {
    return [...this.watched.values()].filter((job) => this.current.has(job.display));
  }

  observeNext(result: FileResult): void {
    if (this.watched.has(result.file) && !result.errors.length) tally((this.next.get(result.file) ?? this.next.set(result.file, {}).get(result.file)!), result);
  }

  results(): FileResult[] {
    return this.projectJobs.map((job) => analyzeProjectFileJob(this.rule, job, this.today, this.flagged.includes(job) ? this.countsFor(job) : undefined));
  }

  private countsFor(job: ProjectFileJob): UpgradeCounts | undefined {
    const counted = jobsUnder(projectFolder(job), [...this.watched.values()]).filter((python) => this.current.has(python.display) && this.next.has(python.display));
    if (!counted.length) return undefined;
    const sum = (from: Map<string, RuleCounts>) => {
      const total: RuleCounts = {};
      for (const python of counted) {
        for (const [rule, { findings, fixable }] of Object.entries(from.get(python.display)!)) {
          const entry = (total[rule] ??= { findings: 0, fixable: 0 });
          entry.findings += findings;
          entry.fixable += fixable;
        }
      }
      return total;
    };
    return { target: this.supported, current: sum(this.current), next: sum(this.next) };
  }
}
