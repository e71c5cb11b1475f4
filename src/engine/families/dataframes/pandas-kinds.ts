// The kinds of pandas objects the family tells apart, and how the kinds of several possible
// values of one expression combine.

/** `data`: a DataFrame or a Series, which one is not known. */
export type PandasKind = 'module' | 'frame' | 'series' | 'data' | 'index' | 'groupby';

/** Kinds used while inferring: accessors and indexers are not values a rule reports on. */
export type Kind = PandasKind | 'loc' | 'iloc' | 'str' | 'dt' | 'cat';
/** Which object an indexer or accessor hangs off. */
export interface Inferred {
  kind: Kind;
  /** For `loc`/`iloc`/accessors: the kind of the object they belong to. */
  of?: PandasKind;
}

/** True for kinds that hold tabular data: a DataFrame, a Series, or one of the two. */
export function isData(kind: PandasKind | undefined): kind is 'frame' | 'series' | 'data' {
  return kind === 'frame' || kind === 'series' || kind === 'data';
}

/**
 * A joined kind: `none` while every value so far is `None`. A name bound to `None` and to
 * frames holds a frame wherever a frame method is called on it (on `None` the call fails),
 * so `None` does not disprove the kind; a name bound only to `None` is no frame.
 */
export type Joined = PandasKind | 'none' | undefined;

export function join(kinds: Joined[]): Joined {
  let result: Joined;
  for (const kind of kinds) {
    if (!kind) return undefined;
    if (kind === 'none') {
      result ??= 'none';
      continue;
    }
    if (!result || result === 'none' || result === kind) result = kind;
    else if (isData(result) && isData(kind)) result = 'data';
    else return undefined;
  }
  return result;
}
