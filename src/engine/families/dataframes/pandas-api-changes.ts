// The pandas APIs that pandas-removed-api and pandas-deprecated-api know: when each was
// deprecated and removed, and what replaces it. Checked against the sources of pandas 2.3.3
// and 3.0.6 (their FutureWarning / DeprecationWarning texts, and which names are gone) and
// the release notes. Where 2.3's docstrings say `deprecated:: 2.2.0` for
// is_categorical_dtype, is_period_dtype and is_interval_dtype, the 2.1.0 release notes list
// the deprecation and 2.1 already warns: 2.1 it is.
//
// Not here, on purpose:
// - `DataFrame.append` / `Series.append`: pandas-dataframe-append has them.
// - `groupby(...).mean()` and the other reductions without `numeric_only`: pandas 2.0 made
//   `numeric_only=False` the default, so a frame with text columns now raises instead of
//   dropping them. Whether a frame has such columns is not in the source, and a reduction
//   on numeric columns (the usual case) is fine: a finding on each would be noise, and the
//   change is loud (a TypeError) where it bites.
// - `DataFrame.first(offset)` / `last(offset)` (deprecated 2.1): `first`/`last` are also
//   GroupBy and Resampler methods that were not deprecated, and a resampler is not told
//   apart from a frame reliably enough.
// - `Styler.applymap` (deprecated 2.1 → `Styler.map`): `df.style` is not inferred.
import type { PandasKind } from './pandas';
import type { PandasVersion } from '../../types';

export interface PandasApiChange {
  /** What the message names: `.iteritems()`, `pandas.api.types.is_sparse()`. */
  api: string;
  deprecated: PandasVersion;
  /** Undefined: still present in the newest pandas checked (3.0). */
  removed?: PandasVersion;
  /** Markdown for the message: what to write instead. */
  replacement: string;
  /** A method or attribute renamed as is (same arguments, same result), and the pandas that has the new name. */
  rename?: { to: string; since: PandasVersion };
}

export interface PandasMethodChange extends PandasApiChange {
  /** The receivers it is reported on (pandas.ts's kinds). */
  on: readonly PandasKind[];
}

const DATA: readonly PandasKind[] = ['frame', 'series', 'data'];

/** Methods (called) of DataFrame / Series, by name. */
export const PANDAS_METHOD_CHANGES: Readonly<Record<string, PandasMethodChange>> = Object.freeze({
  iteritems: { api: '.iteritems()', on: DATA, deprecated: [1, 5], removed: [2, 0], replacement: '`.items()`', rename: { to: 'items', since: [0, 0] } },
  lookup: { api: 'DataFrame.lookup()', on: ['frame'], deprecated: [1, 2], removed: [2, 0], replacement: '`.melt()` or `.to_numpy()` with positions from `.get_indexer()`' },
  pad: { api: '.pad()', on: DATA, deprecated: [2, 0], removed: [3, 0], replacement: '`.ffill()`', rename: { to: 'ffill', since: [0, 0] } },
  backfill: { api: '.backfill()', on: DATA, deprecated: [2, 0], removed: [3, 0], replacement: '`.bfill()`', rename: { to: 'bfill', since: [0, 0] } },
  swapaxes: { api: '.swapaxes()', on: DATA, deprecated: [2, 1], removed: [3, 0], replacement: '`.transpose()`' },
  applymap: { api: 'DataFrame.applymap()', on: ['frame', 'data'], deprecated: [2, 1], removed: [3, 0], replacement: '`.map()` (pandas 2.1+)', rename: { to: 'map', since: [2, 1] } },
  bool: { api: '.bool()', on: DATA, deprecated: [2, 1], removed: [3, 0], replacement: '`bool(obj.item())`' },
});

/** `fillna(method=...)`: the method names pandas took, and the call that replaces each. */
export const FILLNA_METHODS: Readonly<Record<string, 'ffill' | 'bfill'>> = Object.freeze({ ffill: 'ffill', pad: 'ffill', bfill: 'bfill', backfill: 'bfill' });

export const FILLNA_METHOD_CHANGE: Readonly<PandasApiChange> = { api: '.fillna(method=...)', deprecated: [2, 1], removed: [3, 0], replacement: '`.ffill()` or `.bfill()`' };

/** Attributes (read, not called), by name. */
export const PANDAS_ATTRIBUTE_CHANGES: Readonly<Record<string, PandasMethodChange>> = Object.freeze({
  is_monotonic: {
    api: '.is_monotonic',
    on: [...DATA, 'index'],
    deprecated: [1, 5],
    removed: [2, 0],
    replacement: '`.is_monotonic_increasing`',
    rename: { to: 'is_monotonic_increasing', since: [0, 0] },
  },
});

/** Module-level functions and names, by qualified name (what SemanticFacts.resolve gives). */
export const PANDAS_NAME_CHANGES: Readonly<Record<string, PandasApiChange>> = Object.freeze({
  ...dtypeChecks({
    is_categorical_dtype: '`isinstance(dtype, pd.CategoricalDtype)`',
    is_datetime64tz_dtype: '`isinstance(dtype, pd.DatetimeTZDtype)`',
    is_period_dtype: '`isinstance(dtype, pd.PeriodDtype)`',
    is_interval_dtype: '`isinstance(dtype, pd.IntervalDtype)`',
    is_sparse: '`isinstance(dtype, pd.SparseDtype)`',
    is_int64_dtype: '`dtype == np.int64`',
  }),
  'pandas.value_counts': { api: 'pandas.value_counts()', deprecated: [2, 1], removed: [3, 0], replacement: '`pd.Series(values).value_counts()`' },
  'pandas.np': { api: 'pandas.np', deprecated: [1, 0], removed: [2, 0], replacement: '`import numpy as np`' },
  'pandas.datetime': { api: 'pandas.datetime', deprecated: [1, 0], removed: [2, 0], replacement: '`from datetime import datetime`' },
  'pandas.Int64Index': { api: 'pandas.Int64Index', deprecated: [1, 4], removed: [2, 0], replacement: '`pd.Index(values, dtype="int64")`' },
  'pandas.UInt64Index': { api: 'pandas.UInt64Index', deprecated: [1, 4], removed: [2, 0], replacement: '`pd.Index(values, dtype="uint64")`' },
  'pandas.Float64Index': { api: 'pandas.Float64Index', deprecated: [1, 4], removed: [2, 0], replacement: '`pd.Index(values, dtype="float64")`' },
});

/** The dtype checks of `pandas.api.types`, deprecated in 2.1, under the paths they are imported from. */
function dtypeChecks(replacements: Record<string, string>): Record<string, PandasApiChange> {
  const changes: Record<string, PandasApiChange> = {};
  for (const [name, replacement] of Object.entries(replacements)) {
    const change: PandasApiChange = { api: `pandas.api.types.${name}()`, deprecated: [2, 1], replacement };
    for (const module of ['pandas.api.types', 'pandas.core.dtypes.common', 'pandas.core.dtypes.api']) changes[`${module}.${name}`] = change;
  }
  return changes;
}
