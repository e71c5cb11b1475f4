// What the dataframes family knows about pandas code: is an expression provably a pandas
// DataFrame, Series, Index or GroupBy? "Provably" means pandas is imported (any alias) and
// the expression is the module, a pandas constructor or reader, a column or row selection
// of a known frame, a pandas method whose result type is fixed, a parameter or assignment
// annotated `pd.DataFrame`, or a name bound in its own scope only to such values.
// Anything else — polars, xarray, NumPy, dicts, `self.frame`, a global read from a
// function whose name another scope rebinds — is unknown, and the pandas rules stay silent
// on it. (A module-level frame read inside a function counts when no other scope of the
// file binds that name: the usual shape of scripts and exported notebooks.)
import type { Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../facts';

/** `data`: a DataFrame or a Series, which one is not known. */
export type PandasKind = 'module' | 'frame' | 'series' | 'data' | 'index' | 'groupby';

/** Kinds used while inferring: accessors and indexers are not values a rule reports on. */
type Kind = PandasKind | 'loc' | 'iloc' | 'str' | 'dt' | 'cat';
/** Which object an indexer or accessor hangs off. */
interface Inferred {
  kind: Kind;
  /** For `loc`/`iloc`/accessors: the kind of the object they belong to. */
  of?: PandasKind;
}

const MAX_DEPTH = 60;

/** True for kinds that hold tabular data: a DataFrame, a Series, or one of the two. */
export function isData(kind: PandasKind | undefined): kind is 'frame' | 'series' | 'data' {
  return kind === 'frame' || kind === 'series' || kind === 'data';
}

/** The pandas kind of an expression, or undefined when it is not provably pandas. */
export function pandasKind(node: Node, facts: SemanticFacts): PandasKind | undefined {
  if (!facts.importsModule('pandas')) return undefined;
  const inferred = new Inference(facts).of(node, 0);
  return inferred && isPublic(inferred.kind) ? inferred.kind : undefined;
}

/** The qualified pandas name a call's function resolves to (`pandas.read_csv`), if any. */
export function pandasFunction(call: Node, facts: SemanticFacts): string | undefined {
  const fn = call.childForFieldName('function');
  if (!fn || (fn.type !== 'identifier' && fn.type !== 'attribute')) return undefined;
  const qualified = facts.resolve(fn);
  return qualified?.startsWith('pandas.') ? qualified : undefined;
}

function isPublic(kind: Kind): kind is PandasKind {
  return kind === 'module' || kind === 'frame' || kind === 'series' || kind === 'data' || kind === 'index' || kind === 'groupby';
}

// ---- call helpers shared by the checks ----

export interface CallParts {
  call: Node;
  /** `df` in `df.merge(...)`; undefined for a plain function call. */
  receiver?: Node;
  /** `merge` in `df.merge(...)`, the name in `merge(...)`. */
  name: string;
  /** The identifier of the method or function name. */
  nameNode: Node;
  args: Node;
  positional: Node[];
  keywords: Map<string, Node>;
  /** The keyword_argument nodes, by name. */
  keywordNodes: Map<string, Node>;
  /** `*args` or `**kwargs` among the arguments: the call cannot be read completely. */
  hasSplat: boolean;
}

export function callParts(call: Node): CallParts | undefined {
  if (call.type !== 'call') return undefined;
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!fn || !args || args.type !== 'argument_list') return undefined;
  let receiver: Node | undefined;
  let nameNode: Node | null;
  if (fn.type === 'attribute') {
    receiver = fn.childForFieldName('object') ?? undefined;
    nameNode = fn.childForFieldName('attribute');
  } else if (fn.type === 'identifier') {
    nameNode = fn;
  } else {
    return undefined;
  }
  if (!nameNode) return undefined;
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  const keywordNodes = new Map<string, Node>();
  let hasSplat = false;
  for (const child of args.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'keyword_argument') {
      const key = child.childForFieldName('name')?.text;
      const value = child.childForFieldName('value');
      if (key && value) {
        keywords.set(key, value);
        keywordNodes.set(key, child);
      }
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      hasSplat = true;
    } else {
      positional.push(child);
    }
  }
  return { call, receiver, name: nameNode.text, nameNode, args, positional, keywords, keywordNodes, hasSplat };
}

/** The content of a plain string literal (no f-string fields, escapes or bytes), else undefined. */
export function stringValue(node: Node | undefined | null): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  const start = node.firstChild;
  if (!start || start.type !== 'string_start' || /[bB]/.test(start.text)) return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_start' || child.type === 'string_end') continue;
    if (child.type !== 'string_content') return undefined;
    if (child.namedChildCount > 0) return undefined; // escape sequences
    value += child.text;
  }
  return value;
}

/** A list or tuple literal of plain strings, else undefined. */
export function stringList(node: Node | undefined | null): string[] | undefined {
  if (!node || (node.type !== 'list' && node.type !== 'tuple')) return undefined;
  const values: string[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    const value = stringValue(child);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/** A string or a list of strings, as a list. */
export function stringOrList(node: Node | undefined | null): string[] | undefined {
  const single = stringValue(node);
  return single !== undefined ? [single] : stringList(node);
}

export function unparenthesize(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1 && current.firstNamedChild) current = current.firstNamedChild;
  return current;
}

/** The keys of a subscript: `df.loc[a, b]` has two. */
export function subscriptKeys(node: Node): Node[] {
  return node.childrenForFieldName('subscript').filter((n): n is Node => !!n && n.type !== 'comment');
}

const MASK_METHODS = new Set(['isin', 'isna', 'isnull', 'notna', 'notnull', 'between', 'duplicated']);
const MASK_STR_METHODS = new Set(['contains', 'startswith', 'endswith', 'match', 'fullmatch', 'isdigit', 'isalpha', 'isnumeric', 'isspace', 'islower', 'isupper']);

/** A boolean row mask by its shape: a comparison, `&`/`|`/`~` of masks, `.isin()`, `.str.contains()`… */
export function isMaskLike(node: Node): boolean {
  const inner = unparenthesize(node);
  switch (inner.type) {
    case 'comparison_operator':
      return true;
    case 'binary_operator': {
      const op = inner.childForFieldName('operator')?.text;
      return (op === '&' || op === '|' || op === '^') && isMaskLike(inner.childForFieldName('left')!) && isMaskLike(inner.childForFieldName('right')!);
    }
    case 'unary_operator':
      // `~x` as a row key is a negated boolean column or mask.
      return inner.childForFieldName('operator')?.text === '~';
    case 'call': {
      const parts = callParts(inner);
      if (!parts?.receiver) return false;
      if (MASK_METHODS.has(parts.name)) return true;
      const receiver = unparenthesize(parts.receiver);
      return MASK_STR_METHODS.has(parts.name) && receiver.type === 'attribute' && receiver.childForFieldName('attribute')?.text === 'str';
    }
    default:
      return false;
  }
}

// ---- what pandas methods return ----

// Methods whose result has the receiver's kind (a DataFrame method returns a DataFrame,
// the Series method of the same name a Series).
const SAME_KIND = new Set([
  'abs', 'add', 'add_prefix', 'add_suffix', 'append', 'asfreq', 'astype', 'at_time', 'between_time', 'bfill', 'clip',
  'combine_first', 'convert_dtypes', 'copy', 'cummax', 'cummin', 'cumprod', 'cumsum', 'describe', 'diff', 'div', 'divide',
  'drop', 'drop_duplicates', 'droplevel', 'dropna', 'eq', 'explode', 'ffill', 'fillna', 'filter', 'floordiv', 'ge', 'gt',
  'head', 'infer_objects', 'interpolate', 'isin', 'isna', 'isnull', 'le', 'lt', 'mask', 'mod', 'mul', 'multiply', 'ne',
  'nlargest', 'notna', 'notnull', 'nsmallest', 'pct_change', 'pow', 'radd', 'rank', 'rdiv', 'reindex', 'reindex_like',
  'rename', 'rename_axis', 'reorder_levels', 'replace', 'rfloordiv', 'rmod', 'rmul', 'round', 'rpow', 'rsub', 'rtruediv',
  'sample', 'set_axis', 'shift', 'sort_index', 'sort_values', 'sub', 'subtract', 'swaplevel', 'tail', 'take', 'truediv',
  'truncate', 'tz_convert', 'tz_localize', 'where', 'to_period', 'to_timestamp', 'set_flags',
]);
// DataFrame → DataFrame only.
const FRAME_TO_FRAME = new Set([
  'assign', 'corr', 'cov', 'join', 'melt', 'merge', 'pivot', 'pivot_table', 'query', 'select_dtypes', 'set_index',
  'transpose', 'mode', 'reset_index', 'applymap',
]);
// DataFrame → Series (reductions along the rows, per column).
const FRAME_TO_SERIES = new Set([
  'all', 'any', 'corrwith', 'count', 'duplicated', 'idxmax', 'idxmin', 'kurt', 'kurtosis', 'max', 'mean', 'median',
  'memory_usage', 'min', 'nunique', 'prod', 'product', 'sem', 'skew', 'std', 'sum', 'value_counts', 'var',
]);
// Series → Series.
const SERIES_TO_SERIES = new Set(['between', 'duplicated', 'map', 'mode', 'value_counts', 'case_when', 'repeat']);
// GroupBy / window results: a DataFrame or a Series.
const GROUPBY_RESULTS = new Set([
  'agg', 'aggregate', 'all', 'any', 'apply', 'bfill', 'count', 'cumcount', 'cummax', 'cummin', 'cumprod', 'cumsum',
  'describe', 'diff', 'ffill', 'fillna', 'filter', 'first', 'get_group', 'head', 'idxmax', 'idxmin', 'last', 'max',
  'mean', 'median', 'min', 'ngroup', 'nth', 'nunique', 'ohlc', 'pct_change', 'prod', 'quantile', 'rank', 'sem', 'shift',
  'size', 'skew', 'std', 'sum', 'tail', 'transform', 'value_counts', 'var', 'corr', 'cov', 'interpolate', 'asfreq',
]);
const WINDOWS = new Set(['rolling', 'expanding', 'ewm', 'resample']);
const DT_NOT_PANDAS = new Set(['to_pydatetime', 'to_pytimedelta']);

/**
 * Every attribute and method of DataFrame and Series: `df.name_here` is a column only when
 * `name_here` is none of these.
 */
export const PANDAS_MEMBERS = new Set([
  ...SAME_KIND, ...FRAME_TO_FRAME, ...FRAME_TO_SERIES, ...SERIES_TO_SERIES, ...WINDOWS,
  'T', 'agg', 'aggregate', 'align', 'append', 'apply', 'applymap', 'array', 'argmax', 'argmin', 'argsort', 'asof', 'at', 'attrs',
  'autocorr', 'axes', 'backfill', 'bool', 'boxplot', 'cat', 'columns', 'combine', 'compare', 'dot', 'dt', 'dtype', 'dtypes',
  'empty', 'equals', 'eval', 'factorize', 'first', 'first_valid_index', 'flags', 'from_dict', 'from_records', 'get', 'groupby',
  'hasnans', 'hist', 'iat', 'iloc', 'index', 'info', 'insert', 'is_monotonic_decreasing', 'is_monotonic_increasing',
  'is_unique', 'item', 'items', 'iteritems', 'iterrows', 'itertuples', 'ix', 'keys', 'last', 'last_valid_index', 'list', 'loc',
  'lookup', 'mad', 'name', 'nbytes', 'ndim', 'pad', 'pipe', 'plot', 'pop', 'quantile', 'ravel', 'searchsorted', 'shape', 'size',
  'sparse', 'squeeze', 'stack', 'str', 'struct', 'style', 'swapaxes', 'to_clipboard', 'to_csv', 'to_dict', 'to_excel',
  'to_feather', 'to_frame', 'to_gbq', 'to_hdf', 'to_html', 'to_json', 'to_latex', 'to_list', 'to_markdown', 'to_numpy',
  'to_orc', 'to_parquet', 'to_pickle', 'to_records', 'to_sql', 'to_stata', 'to_string', 'to_xarray', 'to_xml', 'tolist',
  'transform', 'unique', 'unstack', 'update', 'values', 'view', 'xs', 'tshift', 'slice_shift', 'isetitem', 'map',
]);

/** Members of Series (and Index) only: on a DataFrame, `df.name` is a column. */
const SERIES_ONLY = new Set([
  'name', 'str', 'dt', 'cat', 'array', 'dtype', 'hasnans', 'is_unique', 'item', 'tolist', 'to_list', 'unique', 'between',
  'searchsorted', 'argmax', 'argmin', 'argsort', 'autocorr', 'factorize', 'ravel', 'view', 'to_frame', 'repeat', 'list',
  'struct', 'nbytes', 'is_monotonic_increasing', 'is_monotonic_decreasing', 'case_when',
]);

/** `df.<name>` on a DataFrame reads a column (it is no DataFrame attribute or method). */
export function isFrameColumnName(name: string): boolean {
  return !name.startsWith('_') && (!PANDAS_MEMBERS.has(name) || SERIES_ONLY.has(name));
}

/** `row.<name>` on a Series reads an element by label (it is no Series attribute or method). */
export function isSeriesLabelName(name: string): boolean {
  return !name.startsWith('_') && !PANDAS_MEMBERS.has(name);
}

const READERS_FRAME = new Set([
  'read_csv', 'read_table', 'read_fwf', 'read_parquet', 'read_feather', 'read_orc', 'read_excel', 'read_json', 'read_sql',
  'read_sql_query', 'read_sql_table', 'read_xml', 'read_spss', 'read_sas', 'read_stata', 'read_clipboard', 'read_gbq',
]);
const MODULE_FRAME = new Set([
  'DataFrame', 'DataFrame.from_dict', 'DataFrame.from_records', 'merge', 'merge_asof', 'merge_ordered', 'pivot',
  'pivot_table', 'crosstab', 'melt', 'get_dummies', 'json_normalize', 'wide_to_long',
]);
const MODULE_INDEX = new Set([
  'Index', 'DatetimeIndex', 'RangeIndex', 'CategoricalIndex', 'MultiIndex.from_arrays', 'MultiIndex.from_tuples',
  'MultiIndex.from_product', 'MultiIndex.from_frame', 'date_range', 'bdate_range', 'period_range', 'timedelta_range', 'interval_range',
]);
const MODULE_LIKE_INPUT = new Set(['to_datetime', 'to_numeric', 'to_timedelta', 'cut', 'qcut']);

const NO_VALUE = /^(?:None|False|0)$/;

/** One inference over a file's facts, memoised per node (chains like `df = df.x()` stay linear). */
class Inference {
  private static readonly memo = new WeakMap<SemanticFacts, Map<number, Inferred | null>>();
  private readonly cache: Map<number, Inferred | null>;
  private readonly active = new Set<number>();

  constructor(private readonly facts: SemanticFacts) {
    let cache = Inference.memo.get(facts);
    if (!cache) Inference.memo.set(facts, (cache = new Map()));
    this.cache = cache;
  }

  /** Set when an answer was cut short (depth limit, cycle): such answers are not memoised. */
  private cutShort = false;

  of(node: Node, depth: number): Inferred | undefined {
    if (depth > MAX_DEPTH) {
      this.cutShort = true;
      return undefined;
    }
    const key = node.id;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.active.has(key)) {
      this.cutShort = true; // a cycle: not provable from here
      return undefined;
    }
    this.active.add(key);
    const outer = this.cutShort;
    this.cutShort = false;
    let result: Inferred | undefined;
    try {
      result = this.compute(node, depth + 1);
    } finally {
      this.active.delete(key);
    }
    if (!this.cutShort) this.cache.set(key, result ?? null);
    this.cutShort ||= outer;
    return result;
  }

  private kindOf(node: Node | null | undefined, depth: number): PandasKind | undefined {
    if (!node) return undefined;
    const inferred = this.of(node, depth);
    return inferred && isPublic(inferred.kind) ? inferred.kind : undefined;
  }

  private compute(node: Node, depth: number): Inferred | undefined {
    switch (node.type) {
      case 'parenthesized_expression':
        return node.namedChildCount === 1 && node.firstNamedChild ? this.of(node.firstNamedChild, depth) : undefined;
      case 'identifier':
        return this.identifier(node, depth);
      case 'attribute':
        return this.attribute(node, depth);
      case 'subscript':
        return this.subscript(node, depth);
      case 'call':
        return this.call(node, depth);
      default:
        return undefined;
    }
  }

  private identifier(node: Node, depth: number): Inferred | undefined {
    const qualified = this.facts.resolve(node);
    if (qualified !== undefined) return qualified === 'pandas' ? { kind: 'module' } : undefined;
    // resolve() has collected the bindings; read them straight from the scope (what
    // facts.localBinding() returns, without copying the value list at every use).
    const scope = this.facts.scopeOf(node);
    const name = node.text;
    if (!scope.bindings.has(name)) return this.outerName(node, scope, depth);
    if (scope.opaque.has(name) || scope.imports.has(name)) return undefined;
    const all = scope.assignments.get(name) ?? [];
    const parameter = scope.parameters.get(name);
    let joined: PandasKind | undefined | null;
    if (this.inLoop(node, scope)) {
      const before = all.slice(0, countBefore(all, node.startIndex)).map((a) => a.value);
      const values = this.valuesAt(node, all, before);
      joined = values.length ? join(values.map((value) => this.assignedKind(value, depth))) : null;
    } else {
      // Straight-line code: the values before the use are a prefix of the assignments, minus
      // the assignment the use sits in (`df = df.dropna()`). Their joined kind is computed
      // once per prefix, so a notebook rebinding `df` a thousand times stays linear.
      let count = countBefore(all, node.startIndex);
      const last = count ? all[count - 1].value : undefined;
      if (last && last.startIndex <= node.startIndex && node.endIndex <= last.endIndex) count--;
      joined = count ? this.prefixKind(scope, node.text, all, count, depth) : null;
    }
    if (parameter) {
      const annotated = this.annotationKind(parameter.parent?.childForFieldName('type'));
      joined = joined === null ? annotated : join([annotated, joined]);
    }
    return joined ? { kind: joined } : undefined;
  }

  private static readonly prefixes = new WeakMap<SemanticFacts, Map<string, (PandasKind | undefined)[]>>();

  /** The joined kind of the first `count` values assigned to a name in a scope. */
  private prefixKind(scope: Scope, name: string, all: readonly { value: Node }[], count: number, depth: number): PandasKind | undefined {
    let byName = Inference.prefixes.get(this.facts);
    if (!byName) Inference.prefixes.set(this.facts, (byName = new Map()));
    const key = `${scope.node.startIndex}:${name}`;
    let joins = byName.get(key);
    if (!joins) byName.set(key, (joins = []));
    while (joins.length < count) {
      const i = joins.length;
      const outer = this.cutShort;
      this.cutShort = false;
      const kind = this.assignedKind(all[i].value, depth);
      const cut = this.cutShort;
      this.cutShort ||= outer;
      if (cut) return undefined; // not provable from here; do not memoise
      if (joins.length !== i) continue; // filled in by a nested lookup meanwhile
      joins.push(i === 0 ? kind : join([joins[i - 1], kind]));
    }
    return joins[count - 1];
  }

  /** The use sits in a `for`/`while` of its own scope. */
  private inLoop(node: Node, scope: Scope): boolean {
    for (let parent = node.parent; parent && !parent.equals(scope.node); parent = parent.parent) {
      if (parent.type === 'for_statement' || parent.type === 'while_statement') return true;
    }
    return false;
  }

  /**
   * A name read in a function but bound in an enclosing scope (a module-level frame used in
   * a function of a script or notebook). Provable only when that scope binds it by plain
   * assignments, all pandas, and no other scope of the file binds the name at all (so no
   * `global` statement elsewhere can rebind it).
   */
  private outerName(node: Node, scope: Scope, depth: number): Inferred | undefined {
    const name = node.text;
    let owner: Scope | undefined;
    for (let outer = scope.parent; outer; outer = outer.parent) {
      if (outer.kind === 'class') continue;
      if (outer.bindings.has(name) || outer.imports.has(name)) {
        owner = outer;
        break;
      }
    }
    if (!owner || owner.imports.has(name) || owner.opaque.has(name) || owner.parameters.has(name)) return undefined;
    const values = owner.assignments.get(name);
    if (!values?.length) return undefined;
    if (this.facts.scopes.some((other) => other !== owner && other.bindings.has(name))) return undefined;
    const joined = join(values.map(({ value }) => this.assignedKind(value, depth)));
    return joined ? { kind: joined } : undefined;
  }

  /**
   * The values a name may hold at a use: those assigned before it, minus the assignment the
   * use sits in (`df = df.dropna()`), plus those assigned later in a loop around the use
   * (they reach it on the next iteration).
   */
  private valuesAt(use: Node, all: readonly { value: Node; at: number }[], before: readonly Node[]): Node[] {
    const loops: Node[] = [];
    const scopeNode = this.facts.scopeOf(use).node;
    for (let parent = use.parent; parent && !parent.equals(scopeNode); parent = parent.parent) {
      if (parent.type === 'for_statement' || parent.type === 'while_statement') loops.push(parent);
    }
    const within = (value: Node) => value.startIndex <= use.startIndex && use.endIndex <= value.endIndex;
    const values = before.filter((value) => !within(value));
    if (!loops.length) return values;
    const known = new Set(values.map((value) => value.startIndex));
    for (const { value } of all) {
      if (known.has(value.startIndex) || within(value) || value.startIndex < use.startIndex) continue;
      if (loops.some((loop) => loop.startIndex <= value.startIndex && value.endIndex <= loop.endIndex)) values.push(value);
    }
    return values;
  }

  private assignedKind(value: Node, depth: number): PandasKind | undefined {
    const assignment = value.parent;
    const annotation = assignment?.type === 'assignment' ? assignment.childForFieldName('type') : null;
    if (annotation) return this.annotationKind(annotation);
    return this.kindOf(value, depth);
  }

  /** `pd.DataFrame`, `"pd.DataFrame"`, `Optional[pd.Series]`, `pd.DataFrame | None`. */
  annotationKind(annotation: Node | null | undefined): PandasKind | undefined {
    if (!annotation) return undefined;
    let node = annotation.type === 'type' ? annotation.firstNamedChild : annotation;
    if (!node) return undefined;
    node = unparenthesize(node);
    if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '|') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (right?.type === 'none') return this.annotationKind(left);
      if (left?.type === 'none') return this.annotationKind(right);
      return undefined;
    }
    if (node.type === 'generic_type' || node.type === 'subscript') {
      const base = node.type === 'subscript' ? node.childForFieldName('value') : node.firstNamedChild;
      const name = base ? (this.facts.resolve(base) ?? base.text) : '';
      if (name === 'typing.Optional' || name === 'Optional') {
        const inner = node.type === 'subscript' ? subscriptKeys(node)[0] : node.namedChildren.find((c) => c?.type === 'type_parameter')?.firstNamedChild;
        return this.annotationKind(inner);
      }
      return undefined;
    }
    let qualified: string | undefined;
    if (node.type === 'string') {
      const text = stringValue(node)?.trim();
      if (!text || !/^[A-Za-z_][\w.]*$/.test(text)) return undefined;
      const [first, ...rest] = text.split('.');
      const base = this.facts.lookup(first, this.facts.scopeOf(node));
      qualified = base === undefined ? undefined : [base, ...rest].join('.');
    } else if (node.type === 'identifier' || node.type === 'attribute') {
      qualified = this.facts.resolve(node);
    }
    switch (qualified) {
      case 'pandas.DataFrame':
      case 'pandas.core.frame.DataFrame':
        return 'frame';
      case 'pandas.Series':
      case 'pandas.core.series.Series':
        return 'series';
      case 'pandas.Index':
        return 'index';
      default:
        return undefined;
    }
  }

  private attribute(node: Node, depth: number): Inferred | undefined {
    const qualified = this.facts.resolve(node);
    if (qualified === 'pandas') return { kind: 'module' };
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('attribute')?.text;
    if (!object || !name) return undefined;
    const base = this.of(object, depth);
    if (!base) return undefined;
    switch (base.kind) {
      case 'frame':
        if (name === 'T') return { kind: 'frame' };
        if (name === 'index' || name === 'columns') return { kind: 'index' };
        if (name === 'dtypes') return { kind: 'series' };
        if (name === 'loc' || name === 'iloc') return { kind: name, of: 'frame' };
        if (name === 'ix') return { kind: 'loc', of: 'frame' }; // removed, but still a selection
        return isFrameColumnName(name) ? { kind: 'series' } : undefined;
      case 'series':
        if (name === 'index') return { kind: 'index' };
        if (name === 'T') return { kind: 'series' };
        if (name === 'loc' || name === 'iloc') return { kind: name, of: 'series' };
        if (name === 'str' || name === 'dt' || name === 'cat') return { kind: name, of: 'series' };
        return undefined;
      case 'data':
        if (name === 'index') return { kind: 'index' };
        if (name === 'T') return { kind: 'data' };
        if (name === 'loc' || name === 'iloc') return { kind: name, of: 'data' };
        return undefined;
      case 'groupby':
        return PANDAS_MEMBERS.has(name) || GROUPBY_RESULTS.has(name) || name.startsWith('_') ? undefined : { kind: 'groupby' };
      case 'dt':
        return DT_NOT_PANDAS.has(name) ? undefined : { kind: 'series' };
      case 'cat':
        if (name === 'codes') return { kind: 'series' };
        if (name === 'categories') return { kind: 'index' };
        return undefined;
      default:
        return undefined;
    }
  }

  private subscript(node: Node, depth: number): Inferred | undefined {
    const value = node.childForFieldName('value');
    if (!value) return undefined;
    const base = this.of(value, depth);
    if (!base) return undefined;
    const keys = subscriptKeys(node);
    if (!keys.length) return undefined;
    const [first] = keys;
    const rows = (key: Node) => key.type === 'slice' || key.type === 'list' || isMaskLike(key);
    switch (base.kind) {
      case 'frame':
        if (keys.length !== 1) return { kind: 'data' };
        if (stringValue(first) !== undefined) return { kind: 'series' };
        if (rows(first)) return { kind: 'frame' };
        return { kind: 'data' };
      case 'series':
        return keys.length === 1 && rows(first) ? { kind: 'series' } : undefined;
      case 'data':
        return keys.length === 1 && rows(first) ? { kind: 'data' } : undefined;
      case 'groupby':
        return { kind: 'groupby' };
      case 'loc':
      case 'iloc':
        return this.indexer(base, keys);
      default:
        return undefined;
    }
  }

  /** `df.loc[rows]`, `df.loc[rows, cols]`, `df.iloc[...]`. */
  private indexer(base: Inferred, keys: Node[]): Inferred | undefined {
    const positional = base.kind === 'iloc';
    const many = (key: Node) => key.type === 'slice' || key.type === 'list' || (!positional && isMaskLike(key));
    const one = (key: Node) => (positional ? key.type === 'integer' : stringValue(key) !== undefined);
    if (base.of === 'series' || base.of === 'data') {
      return keys.length === 1 && many(keys[0]) ? { kind: base.of } : undefined;
    }
    if (keys.length === 1) return many(keys[0]) ? { kind: 'frame' } : { kind: 'data' };
    if (keys.length !== 2) return undefined;
    const [rows, columns] = keys;
    if (many(rows)) {
      if (many(columns)) return { kind: 'frame' };
      if (one(columns)) return { kind: 'series' };
      return { kind: 'data' };
    }
    return many(columns) ? { kind: 'data' } : undefined;
  }

  private call(node: Node, depth: number): Inferred | undefined {
    const parts = callParts(node);
    if (!parts) return undefined;
    const fn = node.childForFieldName('function')!;
    const qualified = this.facts.resolve(fn);
    if (qualified !== undefined) {
      return qualified.startsWith('pandas.') ? this.moduleFunction(qualified.slice(7), parts, depth) : undefined;
    }
    if (!parts.receiver) return this.localFunction(fn);
    const receiver = this.of(parts.receiver, depth);
    if (!receiver) return undefined;
    return this.method(receiver, parts);
  }

  private moduleFunction(name: string, parts: CallParts, depth: number): Inferred | undefined {
    if (name === 'Series') return { kind: 'series' };
    if (MODULE_FRAME.has(name)) return { kind: 'frame' };
    if (MODULE_INDEX.has(name)) return { kind: 'index' };
    if (name === 'concat') {
      // All frames stay a frame; all Series along the rows stay a Series.
      const pieces = parts.positional[0] ?? parts.keywords.get('objs');
      const items = pieces && (pieces.type === 'list' || pieces.type === 'tuple') ? pieces.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [];
      const kinds = items.map((item) => this.kindOf(item, depth));
      if (items.length && kinds.every((k) => k === 'frame')) return { kind: 'frame' };
      if (items.length && kinds.every((k) => k === 'series') && !parts.keywords.has('axis')) return { kind: 'series' };
      return { kind: 'data' };
    }
    if (READERS_FRAME.has(name)) return readerReturnsFrame(name, parts) ? { kind: name === 'read_json' ? 'data' : 'frame' } : undefined;
    if (MODULE_LIKE_INPUT.has(name)) {
      const input = this.kindOf(parts.positional[0], depth);
      return input === 'series' ? { kind: 'series' } : undefined;
    }
    return undefined;
  }

  /** A call of a def in this file whose return annotation is a pandas type. */
  private localFunction(fn: Node): Inferred | undefined {
    if (fn.type !== 'identifier') return undefined;
    const definition = definitionOf(fn, this.facts);
    if (!definition) return undefined;
    const kind = this.annotationKind(definition.childForFieldName('return_type'));
    return kind && isData(kind) ? { kind } : undefined;
  }

  private method(receiver: Inferred, parts: CallParts): Inferred | undefined {
    const name = parts.name;
    const axisNone = parts.keywords.get('axis')?.type === 'none';
    switch (receiver.kind) {
      case 'frame':
        if (name === 'groupby' || WINDOWS.has(name)) return { kind: 'groupby' };
        if (SAME_KIND.has(name) || FRAME_TO_FRAME.has(name)) {
          if (name === 'eval' || name === 'query') return parts.keywords.has('inplace') ? undefined : { kind: 'frame' };
          return notInPlace(parts) ? { kind: 'frame' } : undefined;
        }
        if (FRAME_TO_SERIES.has(name)) return axisNone ? undefined : { kind: 'series' };
        if (name === 'stack' || name === 'unstack') return { kind: 'data' };
        return undefined;
      case 'series':
        if (name === 'groupby' || WINDOWS.has(name)) return { kind: 'groupby' };
        if (name === 'reset_index') {
          const drop = parts.keywords.get('drop');
          if (!notInPlace(parts)) return undefined;
          return drop?.type === 'true' ? { kind: 'series' } : drop === undefined || drop.type === 'false' ? { kind: 'frame' } : { kind: 'data' };
        }
        if (name === 'to_frame') return { kind: 'frame' };
        if (name === 'unstack') return { kind: 'data' };
        if (name === 'apply') return { kind: 'data' };
        if (SAME_KIND.has(name) || SERIES_TO_SERIES.has(name)) return notInPlace(parts) ? { kind: 'series' } : undefined;
        return undefined;
      case 'data':
        if (name === 'groupby' || WINDOWS.has(name)) return { kind: 'groupby' };
        return SAME_KIND.has(name) && notInPlace(parts) ? { kind: 'data' } : undefined;
      case 'index':
        if (name === 'to_series') return { kind: 'series' };
        if (name === 'to_frame') return { kind: 'frame' };
        return undefined;
      case 'groupby':
        if (WINDOWS.has(name)) return { kind: 'groupby' };
        return GROUPBY_RESULTS.has(name) ? { kind: 'data' } : undefined;
      case 'str':
        return name === 'cat' ? undefined : { kind: 'data' };
      case 'dt':
        return DT_NOT_PANDAS.has(name) ? undefined : { kind: 'data' };
      case 'cat':
        return { kind: 'series' };
      default:
        return undefined;
    }
  }
}

/** `inplace=True` (or any value but False) makes a method return None. */
function notInPlace(parts: CallParts): boolean {
  const inplace = parts.keywords.get('inplace');
  return !inplace || inplace.type === 'false';
}

/** Readers that return one frame with these arguments (not a chunk iterator, dict or list). */
function readerReturnsFrame(name: string, parts: CallParts): boolean {
  if (parts.hasSplat) return false;
  for (const key of ['chunksize', 'iterator']) {
    const value = parts.keywords.get(key);
    if (value && !NO_VALUE.test(value.text)) return false;
  }
  if (name === 'read_excel') {
    const sheet = parts.keywords.get('sheet_name') ?? parts.positional[1];
    if (sheet && stringValue(sheet) === undefined && sheet.type !== 'integer') return false;
  }
  if (name === 'read_json') {
    const typ = parts.keywords.get('typ');
    if (typ && stringValue(typ) !== 'frame') return false;
  }
  return true;
}

/** How many of a scope's assignments (in document order) precede an offset. */
function countBefore(all: readonly { at: number }[], offset: number): number {
  let low = 0;
  let high = all.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (all[mid].at < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function join(kinds: (PandasKind | undefined)[]): PandasKind | undefined {
  let result: PandasKind | undefined;
  for (const kind of kinds) {
    if (!kind) return undefined;
    if (!result || result === kind) result = kind;
    else if (isData(result) && isData(kind)) result = 'data';
    else return undefined;
  }
  return result;
}

// ---- defs of this file, by name (for return annotations) ----

const definitions = new WeakMap<SemanticFacts, Map<string, Node | null>>();

/** The only def a name refers to, when the name is bound once, by that def, where it is visible. */
export function definitionOf(name: Node, facts: SemanticFacts): Node | undefined {
  let known = definitions.get(facts);
  if (!known) definitions.set(facts, (known = new Map()));
  const from = facts.scopeOf(name);
  let owner = from;
  for (let scope: typeof from | undefined = from; scope; scope = scope.parent) {
    if (scope !== from && scope.kind === 'class') continue;
    owner = scope;
    if (scope.bindings.has(name.text) || scope.imports.has(name.text)) break;
  }
  const key = `${owner.node.startIndex}:${name.text}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let found: Node | undefined;
  if (owner.bindings.has(name.text) && !owner.imports.has(name.text) && !owner.assignments.has(name.text)) {
    const candidates = facts.scopes.filter((s) => s.parent === owner && s.name === name.text && (s.kind === 'function' || s.kind === 'class'));
    if (candidates.length === 1 && candidates[0].kind === 'function') found = candidates[0].node;
  }
  known.set(key, found ?? null);
  return found;
}

// ---- statements, loops and uses (for fixes) ----

/** The nearest `for`/`while` whose body holds the node, in the node's own scope. */
export function enclosingLoop(node: Node, facts: SemanticFacts): Node | undefined {
  const scopeNode = facts.scopeOf(node).node;
  let child = node;
  for (let parent = node.parent; parent && !parent.equals(scopeNode); child = parent, parent = parent.parent) {
    if (parent.type === 'function_definition' || parent.type === 'class_definition' || parent.type === 'lambda') return undefined;
    if ((parent.type === 'for_statement' || parent.type === 'while_statement') && parent.childForFieldName('body')?.equals(child)) return parent;
  }
  return undefined;
}

const usesByScope = new WeakMap<SemanticFacts, Map<number, Map<string, Node[]>>>();

/**
 * Every identifier node in a scope's node, by name (one walk per scope, on demand, for the
 * few fixes that must know how a name is used; nested scopes included).
 */
export function identifierUses(scopeNode: Node, facts: SemanticFacts): Map<string, Node[]> {
  let byScope = usesByScope.get(facts);
  if (!byScope) usesByScope.set(facts, (byScope = new Map()));
  const cached = byScope.get(scopeNode.id);
  if (cached) return cached;
  const uses = new Map<string, Node[]>();
  const cursor = scopeNode.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.type === 'identifier') {
        const list = uses.get(node.text);
        if (list) list.push(node);
        else uses.set(node.text, [node]);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) break;
      }
      if (cursor.currentNode.equals(scopeNode)) break;
    }
  } finally {
    cursor.delete();
  }
  byScope.set(scopeNode.id, uses);
  return uses;
}

/** The edit that deletes one argument of a call, with the comma that goes with it. */
export function removeArgument(args: Node, argument: Node): { start: number; end: number; newText: string } {
  const items = args.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  const index = items.findIndex((c) => c.equals(argument));
  if (index > 0) return { start: items[index - 1].endIndex, end: argument.endIndex, newText: '' };
  if (index === 0 && items.length > 1) return { start: argument.startIndex, end: items[1].startIndex, newText: '' };
  // The only argument: take a trailing comma along.
  let end = argument.endIndex;
  const next = argument.nextSibling;
  if (next && next.type === ',') end = next.endIndex;
  return { start: argument.startIndex, end, newText: '' };
}

/** An expression that is safe to evaluate twice: names, attributes, literal subscripts. */
export function isPure(node: Node): boolean {
  const inner = unparenthesize(node);
  switch (inner.type) {
    case 'identifier':
      return true;
    case 'attribute':
      return isPure(inner.childForFieldName('object')!);
    case 'subscript': {
      const keys = subscriptKeys(inner);
      return isPure(inner.childForFieldName('value')!) && keys.every((k) => stringValue(k) !== undefined || stringList(k) !== undefined || k.type === 'integer');
    }
    default:
      return false;
  }
}

/**
 * The one value a name was assigned in its own scope, when that is its only binding there
 * and it precedes the use (`paid = merged[...]` followed by `paid.groupby(...)`).
 */
export function singleAssignment(name: Node, facts: SemanticFacts): Node | undefined {
  if (name.type !== 'identifier' || facts.resolve(name) !== undefined) return undefined; // also collects the bindings
  const scope = facts.scopeOf(name);
  const all = scope.assignments.get(name.text);
  if (!scope.bindings.has(name.text) || scope.opaque.has(name.text) || scope.imports.has(name.text) || scope.parameters.has(name.text)) return undefined;
  return all?.length === 1 && all[0].at < name.startIndex ? all[0].value : undefined;
}

// ---- who else can see a frame (for rebinding fixes) ----

/** Calls that only read their argument: they cannot keep a reference to it. */
const READERS = new Set(['len', 'print', 'repr', 'str', 'isinstance', 'type', 'id', 'display', 'bool']);
/** Methods whose result owns its data (a copy or a scalar), never a view of the receiver. */
const OWNING_RESULTS = new Set([
  'copy', 'dropna', 'fillna', 'merge', 'join', 'reset_index', 'sort_values', 'sort_index', 'drop', 'drop_duplicates',
  'rename', 'assign', 'query', 'astype', 'apply', 'agg', 'aggregate', 'pivot_table', 'pivot', 'melt', 'set_index', 'replace',
  'round', 'abs', 'clip', 'where', 'mask', 'isna', 'isnull', 'notna', 'notnull', 'isin', 'describe', 'value_counts',
  'sum', 'mean', 'median', 'min', 'max', 'std', 'var', 'count', 'nunique', 'any', 'all', 'prod', 'quantile', 'unique',
  'tolist', 'to_list', 'to_dict', 'to_json', 'to_csv', 'to_string', 'to_markdown', 'info', 'duplicated', 'idxmax', 'idxmin',
]);
/** Attributes whose value is no view of the data. */
const OWNING_ATTRIBUTES = new Set(['shape', 'columns', 'index', 'dtypes', 'size', 'ndim', 'empty', 'name', 'dtype']);

/**
 * Rebinding `name = name.method(...)` instead of `name.method(..., inplace=True)` at `call`
 * changes nothing anyone can observe: the name is a local (not a parameter, global or loop
 * variable), bound only to fresh pandas objects, and no use before the call (or anywhere in
 * a loop around it) hands the object to something that could keep it. With `mutates`
 * (methods that write into the existing arrays) views count too: before the call, the
 * object may only be written to, measured or printed.
 */
export function soleReference(name: Node, call: Node, facts: SemanticFacts, mutates: boolean): boolean {
  if (name.type !== 'identifier' || facts.resolve(name) !== undefined) return false;
  const scope = facts.scopeOf(name);
  const text = name.text;
  if (!scope.bindings.has(text) || scope.opaque.has(text) || scope.imports.has(text) || scope.parameters.has(text)) return false;
  const values = (scope.assignments.get(text) ?? []).filter((a) => a.at < name.startIndex).map((a) => a.value);
  if (!values.length || !values.every((value) => (mutates ? ownsData(value, facts) : isNewObject(value)))) return false;
  const loop = enclosingLoop(call, facts);
  for (const use of identifierUses(scope.node, facts).get(text) ?? []) {
    if (use.equals(name)) continue;
    if (facts.scopeOf(use) !== scope) {
      // A nested def or lambda reads the current binding when it runs, unless it binds its own.
      const own = facts.scopeOf(use);
      if (own.bindings.has(text) || own.imports.has(text)) continue;
      if (!keepsNoReference(use, mutates)) return false;
      continue;
    }
    const before = use.startIndex < call.startIndex || (loop !== undefined && loop.startIndex <= use.startIndex && use.endIndex <= loop.endIndex);
    if (before && !keepsNoReference(use, mutates)) return false;
  }
  return true;
}

/** A new object: a call, an operator or a selection — not another name or attribute (an alias). */
function isNewObject(value: Node): boolean {
  const inner = unparenthesize(value);
  return inner.type === 'call' || inner.type === 'subscript' || inner.type === 'binary_operator';
}

/** An object with data of its own: a pandas constructor or reader, or a copying method. */
function ownsData(value: Node, facts: SemanticFacts): boolean {
  const inner = unparenthesize(value);
  if (inner.type !== 'call') return false;
  if (pandasFunction(inner, facts)) return true;
  const parts = callParts(inner);
  return !!parts?.receiver && OWNING_RESULTS.has(parts.name);
}

/** A use of the name that cannot leave another reference to its object (or, with `strict`, to its data). */
function keepsNoReference(use: Node, strict: boolean): boolean {
  // Walk up the chain `name.attr[...].method(...)` to the expression that uses its result.
  let top = use;
  let last: 'name' | 'attribute' | 'subscript' | 'call' = 'name';
  let lastName = '';
  for (let parent = use.parent; parent; top = parent, parent = parent.parent) {
    if (parent.type === 'attribute' && parent.childForFieldName('object')?.equals(top)) {
      last = 'attribute';
      lastName = parent.childForFieldName('attribute')?.text ?? '';
      if (['pipe', 'style', 'plot'].includes(lastName)) return false; // hands the frame itself to other code
    } else if (parent.type === 'subscript' && parent.childForFieldName('value')?.equals(top)) {
      last = 'subscript';
    } else if (parent.type === 'call' && parent.childForFieldName('function')?.equals(top)) {
      last = 'call';
    } else if (parent.type !== 'parenthesized_expression') {
      break;
    }
  }
  const parent = top.parent;
  if (!parent) return false;
  if (!strict && last !== 'name') return true; // a selection or method result is a new object
  switch (parent.type) {
    case 'assignment':
    case 'augmented_assignment':
      if (parent.childForFieldName('left')?.equals(top)) return true; // rebinding it, or writing into it
      // Stored: fine only when the stored value owns its data.
      return last === 'call' ? OWNING_RESULTS.has(lastName) : last === 'attribute' && OWNING_ATTRIBUTES.has(lastName);
    case 'expression_statement':
    case 'delete_statement':
    case 'interpolation':
    case 'comparison_operator':
    case 'boolean_operator':
    case 'not_operator':
    case 'binary_operator':
    case 'unary_operator':
      return true; // discarded, printed, compared or computed into a new object
    case 'subscript':
      // Used as a key (`other[df["a"] > 0]`): indexing reads it and keeps nothing.
      return !parent.childForFieldName('value')?.equals(top);
    case 'argument_list': {
      const fn = parent.parent?.childForFieldName('function');
      return fn?.type === 'identifier' && READERS.has(fn.text);
    }
    default:
      return false;
  }
}
