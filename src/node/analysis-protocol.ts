// Messages between the analysis client (extension host, src/node/analysis-client.ts) and its
// worker thread (src/node/analysis-worker.ts). Documents are keyed by a string (the editor's
// URI); their versions only grow. open / change / close are notifications, applied in order;
// analyze and fixAll are requests answered by id, one answer each.
import type { ContentChange } from '../engine/document';
import type { FixAllResult } from '../engine/engine';
import type { EditedFinding, RuleConfig } from '../engine/types';
import type { TypedCoverage } from '../engine/coverage-figures';
import type { DirectiveProblem } from '../engine/directive-problems';

export type AnalysisRequest =
  | { type: 'open'; key: string; text: string; version: number }
  | { type: 'change'; key: string; changes: ContentChange[]; version: number }
  | { type: 'close'; key: string }
  /**
   * `incremental`: the document is being typed in; after an edit inside one def (or top-level
   * statement), only that one may be analysed again (Engine.analyzeEdited), giving a `provisional` result. Without
   * it, the whole file is analysed (unless its last analysis already was, for this text).
   */
  | { type: 'analyze'; id: number; key: string; version: number; config: RuleConfig; incremental?: boolean; timeBudgetMs: number }
  | { type: 'fixAll'; id: number; text: string; config: RuleConfig; unsafe: boolean; timeBudgetMs: number };

/** A finding as the editor needs it: plus the edit behind "Disable <rule> for this line", which needs the tree. */
export type AnalyzedFinding = EditedFinding;

export interface AnalysisResult {
  /** The version analysed (the one asked for). */
  version: number;
  findings: AnalyzedFinding[];
  /** Typed coverage of the document under the same config (the status bar's). */
  coverage: TypedCoverage;
  /** In the worker: applying queued changes (incremental reparse) + analysis. */
  ms: number;
  /** Only the edited def was analysed again: findings that depend on other defs may be stale until a whole-file analysis. */
  provisional: boolean;
  /** `# pymodern:` comments that silence nothing (Engine.directiveProblems), of the text as it is. */
  directives: DirectiveProblem[];
}

export type AnalysisResponse =
  | { type: 'ready'; loadMs: number }
  | { type: 'fatal'; message: string }
  /**
   * The findings as JSON texts of FINDINGS_PER_SLICE findings each: a string crosses threads
   * as one copy, and the host decodes one per turn of its event loop rather than all in one task.
   */
  | { type: 'analyzed'; id: number; result: Omit<AnalysisResult, 'findings'>; findings: string[] }
  /** A newer version of the document (a change, a reopening) or a newer analysis of it was already queued: this one was skipped. */
  | { type: 'superseded'; id: number; version: number }
  | { type: 'fixed'; id: number; result: FixAllResult }
  /**
   * `resync`: the worker's copy of the document is missing or broken; open it again with its full text.
   * `tooComplex`: the analysis stopped at its time budget (AnalysisLimitError): nothing is wrong with the worker.
   */
  | { type: 'error'; id: number; message: string; resync?: boolean; tooComplex?: boolean };

export const ANALYSIS_WORKER = 'analysis-worker.js';
