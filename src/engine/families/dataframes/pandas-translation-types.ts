// The shapes of a translation (pandas-translate.ts): the target dialect, what the caller's
// own references become, the context a translation runs in, and what it yields.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';

export type Dialect = 'pandas' | 'polars' | 'sql';

/** What the caller's own references (a column of the row, the element itself) become. */
export interface Ref {
  pandas: string;
  polars: string;
  /** A column name for SQL; undefined when SQL cannot say it. */
  sql?: string;
}

export interface TranslateContext {
  facts: SemanticFacts;
  /** The Ref for nodes that stand for a column (`row["a"]`, `row.a`, the lambda's `x`). */
  ref(node: Node): Ref | undefined;
  /** Names the expression may not use otherwise (the lambda's parameters). */
  reserved: ReadonlySet<string>;
  /** The local name of polars and numpy in the output (`pl`, `np`). */
  polars: string;
  numpy: string;
  /**
   * Refs are Series (a boolean mask over columns), so Series methods apply to them
   * (`.isin()`, `.str.contains()`, `.dt.year`); otherwise refs are single values (a lambda's
   * element or row field) and Python's own methods apply (`.lower()`).
   */
  series?: boolean;
}

export interface Translation {
  text: string;
  /** Needs no parentheses before `.method()` or `[...]`. */
  atomic: boolean;
  /** A boolean (mask) expression. */
  boolean: boolean;
  /** Uses numpy (`np.where`, `np.sqrt`). */
  numpy: boolean;
  /** The pandas form is a NumPy array, not a Series (`np.where`): not a drop-in replacement. */
  array: boolean;
  /** Uses names from outside the expression (variables, constants). */
  external: boolean;
  /** Assumes the values are strings where the source does not prove it (`"a" in x`). */
  assumesText: boolean;
}
