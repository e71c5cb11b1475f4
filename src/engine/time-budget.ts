// A per-file time budget. Every check is linear or bounded, so the budget is a backstop: a
// file the analysis cannot finish in time is refused ("analysis stopped: file too complex")
// and the adapter moves on. The engine polls it between its phases and every few hundred
// matches; a check stuck inside one step is caught by the adapters' watchdogs instead
// (src/cli/pool.ts, src/node/analysis-client.ts), which stop the worker thread.
import { AnalysisLimitError } from './faults';

export type Clock = () => number;

export class TimeBudget {
  private deadline = Infinity;
  private limitMs = 0;
  private clock: Clock = Date.now;

  /** Runs `work` with at most `ms` milliseconds for it (0: no budget); nested budgets keep the earlier deadline. */
  within<T>(ms: number, work: () => T, clock: Clock = Date.now): T {
    const outer = { deadline: this.deadline, limitMs: this.limitMs, clock: this.clock };
    if (ms > 0 && (this.deadline === Infinity || clock() + ms < this.deadline)) {
      this.clock = clock;
      this.deadline = clock() + ms;
      this.limitMs = ms;
    }
    try {
      return work();
    } finally {
      ({ deadline: this.deadline, limitMs: this.limitMs, clock: this.clock } = outer);
    }
  }

  /** Throws AnalysisLimitError once the deadline has passed. */
  check(): void {
    if (this.deadline !== Infinity && this.clock() > this.deadline) throw new BudgetExceededError(this.limitMs);
  }
}

export class BudgetExceededError extends AnalysisLimitError {
  constructor(readonly limitMs: number) {
    super(`it took over the time budget of ${formatSeconds(limitMs)}`);
  }
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
