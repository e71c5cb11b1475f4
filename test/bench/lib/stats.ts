// Small statistics and formatting helpers of the benchmark.

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Quantile with linear interpolation between the closest ranks (q in [0, 1]). */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function max(values: readonly number[]): number {
  return values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
}

export interface Distribution {
  p50: number;
  p90: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution {
  return { p50: quantile(values, 0.5), p90: quantile(values, 0.9), max: max(values) };
}

/** The median of each field over several runs' distributions. */
export function medianDistribution(runs: readonly Distribution[]): Distribution {
  return { p50: median(runs.map((r) => r.p50)), p90: median(runs.map((r) => r.p90)), max: median(runs.map((r) => r.max)) };
}

/** A fixed number of decimals; integers above 1000 with thousands separators. */
export function fmt(value: number | undefined, decimals = 1): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(decimals);
}

export function fmtInt(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return Math.round(value).toLocaleString('en-US');
}

export const MB = 1e6;
