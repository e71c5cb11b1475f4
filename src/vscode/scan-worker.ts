// Worker thread of the workspace scan (`pymodern.scanWorkspace`), so the extension host's
// thread stays free. It walks folders exactly as `pymodern check` does (same skipped
// folders, nearest pyproject.toml, `exclude`, `per-file-ignores`), then analyses the
// batches of files the extension sends, each with its own engine.
import { parentPort, workerData } from 'node:worker_threads';
import { collectPythonFiles } from '../cli/walk';
import { catalogOf } from '../engine/config';
import type { Engine } from '../engine/engine';
import type { Finding, RuleConfig } from '../engine/types';
import { AnalysisLimitError } from '../engine/faults';
import { loadEngine } from '../node/load-engine';
import { ProjectConfigs } from '../node/project-config';
import { readSource, SourceReadError } from '../node/read-source';
import { mergeRuleConfig, type SettingsOverrides } from './rule-config';

export interface ScanFolder {
  path: string;
  overrides: SettingsOverrides;
}

export interface ScanJob {
  path: string;
  config: RuleConfig;
}

export type ScanFinding = Pick<Finding, 'rule' | 'trend' | 'severity' | 'message' | 'range' | 'tags'>;

export interface ScanFileResult {
  path: string;
  findings: ScanFinding[];
  error?: string;
}

export interface ScanProblem {
  file: string;
  message: string;
  /** The file is a pyproject.toml that cannot be used. */
  config?: boolean;
}

/** `timeBudgetMs`: per file (0: none); a file past it is reported as too complex and the scan goes on. */
export type ScanRequest = { type: 'walk'; folders: ScanFolder[] } | { type: 'analyze'; jobs: ScanJob[]; timeBudgetMs: number };

export type ScanResponse =
  | { type: 'ready' }
  | { type: 'walked'; jobs: ScanJob[]; problems: ScanProblem[] }
  | { type: 'results'; results: ScanFileResult[] }
  | { type: 'fatal'; message: string };

function walk(engine: Engine, folders: readonly ScanFolder[]): { jobs: ScanJob[]; problems: ScanProblem[] } {
  const configs = new ProjectConfigs(catalogOf(engine.rules));
  const jobs: ScanJob[] = [];
  const problems: ScanProblem[] = [];
  const seen = new Set<string>();
  for (const folder of folders) {
    const walked = collectPythonFiles([folder.path], configs);
    problems.push(...walked.errors);
    for (const path of walked.files) {
      if (seen.has(path)) continue; // nested workspace folders
      seen.add(path);
      const loaded = configs.forFile(path);
      if (loaded.error) continue;
      jobs.push({ path, config: loaded.configFor(path, (project) => mergeRuleConfig(project, folder.overrides)) });
    }
  }
  for (const loaded of configs.loaded()) {
    if (loaded.error) problems.push({ file: loaded.file!, message: loaded.error.message, config: true });
  }
  return { jobs, problems };
}

function analyze(engine: Engine, job: ScanJob, timeBudgetMs: number): ScanFileResult {
  try {
    const text = readSource(job.path).text;
    const findings = engine.withinBudget(timeBudgetMs, () => engine.analyzeText(text, job.config));
    return { path: job.path, findings: findings.map(({ rule, trend, severity, message, range, tags }) => ({ rule, trend, severity, message, range, tags })) };
  } catch (error) {
    const message = error instanceof SourceReadError || error instanceof AnalysisLimitError ? error.message : `internal error: ${String((error as Error).stack ?? error)}`;
    return { path: job.path, findings: [], error: message };
  }
}

async function main(): Promise<void> {
  const port = parentPort!;
  const engine = await loadEngine((workerData as { distDir: string }).distDir);
  port.on('message', (request: ScanRequest) => {
    if (request.type === 'walk') port.postMessage({ type: 'walked', ...walk(engine, request.folders) } satisfies ScanResponse);
    else port.postMessage({ type: 'results', results: request.jobs.map((job) => analyze(engine, job, request.timeBudgetMs)) } satisfies ScanResponse);
  });
  port.postMessage({ type: 'ready' } satisfies ScanResponse);
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ type: 'fatal', message: String((error as Error).message ?? error) } satisfies ScanResponse);
});
