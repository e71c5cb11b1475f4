// The typed-coverage figure and its arithmetic, free of the parser so the editor's host
// (status bar) and the CLI's report can use them without loading web-tree-sitter.

export interface TypedCoverage {
  /** Annotated parameters and returns. */
  annotated: number;
  /** All parameters (without self / cls) and returns of the file's defs that need an annotation. */
  total: number;
}

/** `63%` — rounded down, so 100% means every slot is annotated; undefined when there is no def. */
export function formatCoverage(coverage: TypedCoverage): string | undefined {
  if (!coverage.total) return undefined;
  return `${Math.floor((coverage.annotated * 100) / coverage.total)}%`;
}

/** The sum of several files' coverage. */
export function sumCoverage(list: readonly (TypedCoverage | undefined)[]): TypedCoverage {
  const sum: TypedCoverage = { annotated: 0, total: 0 };
  for (const item of list) {
    if (!item) continue;
    sum.annotated += item.annotated;
    sum.total += item.total;
  }
  return sum;
}
