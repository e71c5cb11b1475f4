// Long work on the extension host, split into slices with a turn of the event loop between
// them, so that no single task holds the host for long: a huge file's thousands of findings
// are decoded and placed a few hundred at a time while other requests get answered.

/** Findings per slice (a few ms of decoding or placing): the worker's JSON chunks, the host's placing. */
export const FINDINGS_PER_SLICE = 500;

/** Resolves after the event loop has run what was waiting (I/O, messages, timers). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface SliceTimes {
  /** All slices together, ms. */
  totalMs: number;
  /** The longest slice, ms: the longest the host was held. */
  longestMs: number;
}

/**
 * Calls `each` on every item, `size` items per slice. Between slices, `wanted()` decides
 * whether to go on; undefined when it said no (the work was abandoned).
 */
export async function inSlices<T>(items: readonly T[], size: number, each: (item: T) => void, wanted: () => boolean = () => true): Promise<SliceTimes | undefined> {
  const times: SliceTimes = { totalMs: 0, longestMs: 0 };
  for (let from = 0; from < items.length; from += size) {
    if (from > 0) {
      await nextTurn();
      if (!wanted()) return undefined;
    }
    const started = performance.now();
    for (let i = from; i < Math.min(from + size, items.length); i++) each(items[i]);
    const ms = performance.now() - started;
    times.totalMs += ms;
    times.longestMs = Math.max(times.longestMs, ms);
  }
  return times;
}
