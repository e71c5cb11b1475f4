// CPython release lines: when each came out, when it reached (or reaches) end of life, and
// what it brought for speed. The one table `end-of-life-python` and its hover read.
// Sources: the Python developer's guide "Status of Python versions" and the release PEPs
// (494, 537, 569, 596, 619, 664, 693, 719, 745, 790) for the dates; "What's New in
// Python 3.X" for the speed figures. A planned date (a line still supported) is the last
// day of the month its PEP names.
import type { PythonVersion } from './types';

export interface PythonRelease {
  version: PythonVersion;
  /** Date of the X.Y.0 final release, ISO. */
  released: string;
  /** End of life (last security release), ISO; planned for lines still supported. */
  endOfLife: string;
  /** What this line brought for speed, one short phrase; absent when nothing to note. */
  speed?: string;
}

/** Where the speed figures come from, shown under them in the hover. */
export const SPEED_SOURCE = "Figures from the CPython team's \"What's New\" pages (pyperformance geometric means; your code's gain depends on what it does).";

export const PYTHON_RELEASES: readonly PythonRelease[] = [
  { version: [3, 6], released: '2016-12-23', endOfLife: '2021-12-23' },
  { version: [3, 7], released: '2018-06-27', endOfLife: '2023-06-27' },
  { version: [3, 8], released: '2019-10-14', endOfLife: '2024-10-07' },
  { version: [3, 9], released: '2020-10-05', endOfLife: '2025-10-31' },
  { version: [3, 10], released: '2021-10-04', endOfLife: '2026-10-31' },
  {
    version: [3, 11],
    released: '2022-10-24',
    endOfLife: '2027-10-31',
    speed: 'about 1.25× faster than 3.10 on pyperformance (10–60 % depending on the workload): the specialising adaptive interpreter (PEP 659), cheaper frames and calls, zero-cost `try`',
  },
  {
    version: [3, 12],
    released: '2023-10-02',
    endOfLife: '2028-10-31',
    speed: 'a few percent more; comprehensions inlined (PEP 709, up to 2× on comprehension-heavy code)',
  },
  {
    version: [3, 13],
    released: '2024-10-07',
    endOfLife: '2029-10-31',
    speed: 'about the same speed by default; an experimental JIT (PEP 744) and a free-threaded build without the GIL (PEP 703)',
  },
  {
    version: [3, 14],
    released: '2025-10-07',
    endOfLife: '2030-10-31',
    speed: '3–5 % on pyperformance with the new tail-calling interpreter (clang 19 builds); free-threading officially supported (PEP 779)',
  },
  { version: [3, 15], released: '2026-10-01', endOfLife: '2031-10-31' },
];

/** Python 2.7, the last Python 2 line, reached its end of life on 2020-01-01 (PEP 373). */
export const PYTHON2_END_OF_LIFE = '2020-01-01';

/** `3.9`. */
export function versionText(version: PythonVersion): string {
  return `${version[0]}.${version[1]}`;
}

export function compareVersions(a: PythonVersion, b: PythonVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

function isoDay(today: Date): string {
  return today.toISOString().slice(0, 10);
}

/** The release line of a version, if the table knows it. */
export function releaseOf(version: PythonVersion): PythonRelease | undefined {
  return PYTHON_RELEASES.find((r) => compareVersions(r.version, version) === 0);
}

/**
 * The end-of-life date of a version that is past it on `today`; undefined while supported.
 * Python 3 lines older than the table (3.0–3.5) and Python 2 are long past theirs.
 */
export function endOfLifeOn(version: PythonVersion, today: Date): string | undefined {
  if (version[0] === 2) return PYTHON2_END_OF_LIFE;
  if (version[0] !== 3) return undefined;
  const release = releaseOf(version);
  if (!release) return compareVersions(version, PYTHON_RELEASES[0].version) < 0 ? 'before 2021' : undefined;
  return release.endOfLife < isoDay(today) ? release.endOfLife : undefined;
}

/** The oldest line released and still supported on `today`: the lowest bound worth moving to. */
export function oldestSupported(today: Date): PythonRelease {
  const day = isoDay(today);
  return PYTHON_RELEASES.find((r) => r.released <= day && r.endOfLife >= day) ?? PYTHON_RELEASES[PYTHON_RELEASES.length - 1];
}

/** The speed notes of the lines after `from` up to `to` (both as released lines), in order. */
export function speedupsBetween(from: PythonVersion, to: PythonVersion, today: Date): { version: string; speed: string }[] {
  const day = isoDay(today);
  return PYTHON_RELEASES.filter((r) => r.speed && r.released <= day && compareVersions(r.version, from) > 0 && compareVersions(r.version, to) <= 0).map((r) => ({
    version: versionText(r.version),
    speed: r.speed!,
  }));
}
