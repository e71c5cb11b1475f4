// What the dataframes family knows about pandas code: is an expression provably a pandas
// DataFrame, Series, Index or GroupBy? "Provably" means pandas is imported (any alias) and
// the expression is the module, a pandas constructor or reader, a column or row selection
// of a known frame, a pandas method whose result type is fixed (pandas-methods.ts), a name
// annotated or `isinstance`-narrowed to a pandas class, or a name, `self.<attribute>`,
// private-function parameter or def result whose every possible source is such a value
// (pandas-bindings.ts finds the sources; `None` among them does not count against a kind).
// Anything else — polars, Dask, Modin, geopandas, xarray, NumPy, dicts, a public function's
// unannotated parameter, a global some other scope rebinds — is unknown, and the pandas
// rules stay silent on it. (A module-level frame read inside a function counts when no other
// scope of the file binds that name: the usual shape of scripts and exported notebooks.)
import type { Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../facts';
import { annotationKind } from './pandas-annotations';
import { isData, join, type Inferred, type Joined, type Kind, type PandasKind } from './pandas-kinds';
import { dominates, isinstanceNarrowing } from './pandas-narrowing';
import {
  DT_NOT_PANDAS, GROUPBY_RESULTS, isFrameColumnName, methodResult, MODULE_FRAME, MODULE_INDEX, MODULE_LIKE_INPUT, PANDAS_MEMBERS,
  READERS_FRAME, readerReturnsFrame,
} from './pandas-methods';
import { callSiteArguments, instanceAttributeSources, methodClass, methodDefinition, returnedValues } from './pandas-bindings';
import { callParts, definitionOf, isMaskLike, stringValue, subscriptKeys, unparenthesize, type CallParts } from './pandas-syntax';



export { isData, type PandasKind } from './pandas-kinds';

const MAX_DEPTH = 60;


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
    const narrowed = isinstanceNarrowing(node, this.facts);
    if (narrowed) {
      // Inside `if isinstance(x, T):` x is a T: pandas only when every class of T is.
      const classes = narrowed.type === 'tuple' ? narrowed.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [narrowed];
      const kind = join(classes.map((c) => annotationKind(this.facts, c)));
      return kind && kind !== 'none' ? { kind } : undefined;
    }
    // resolve() has collected the bindings; read them straight from the scope (what
    // facts.localBinding() returns, without copying the value list at every use).
    const scope = this.facts.scopeOf(node);
    const name = node.text;
    if (!scope.bindings.has(name)) return this.outerName(node, scope, depth);
    if (scope.opaque.has(name) || scope.imports.has(name)) return undefined;
    const all = scope.assignments.get(name) ?? [];
    const parameter = scope.parameters.get(name);
    let joined: Joined | null;
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
      // When the earlier values (or a parameter's) disagree, the last assignment still decides
      // if every path to the use runs through it (`df = []` … `df = pd.concat(df)` … `df.x`).
      const reaching = count ? all[count - 1].value : undefined;
      if ((parameter || joined === undefined || joined === 'none') && reaching && dominates(reaching, node)) {
        const kind = this.assignedKind(reaching, depth);
        return kind && kind !== 'none' ? { kind } : undefined;
      }
    }
    if (parameter) {
      const passed = this.parameterKind(parameter, scope, depth);
      joined = joined === null ? passed : join([passed, joined]);
    }
    return joined && joined !== 'none' ? { kind: joined } : undefined;
  }

  private static readonly prefixes = new WeakMap<SemanticFacts, Map<string, Joined[]>>();

  /** The joined kind of the first `count` values assigned to a name in a scope. */
  private prefixKind(scope: Scope, name: string, all: readonly { value: Node }[], count: number, depth: number): Joined {
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
    return joined && joined !== 'none' ? { kind: joined } : undefined;
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

  /** The kind of an assigned (or returned, or passed) value; `none` for `None`, which the joins skip. */
  private assignedKind(value: Node, depth: number): Joined {
    if (value.type === 'none' || value.type === 'return_statement') return 'none';
    const assignment = value.parent;
    const annotation = assignment?.type === 'assignment' ? assignment.childForFieldName('type') : null;
    if (annotation) return annotationKind(this.facts, annotation);
    return this.kindOf(value, depth);
  }

  /**
   * A parameter's kind: its annotation, else its default and what every call of a private
   * function passes for it (`None` skipped, as for assignments).
   */
  private parameterKind(parameter: Node, scope: Scope, depth: number): Joined {
    const annotation = parameter.parent?.childForFieldName('type');
    if (annotation) return annotationKind(this.facts, annotation);
    const passed = callSiteArguments(parameter, scope, this.facts);
    if (passed) return join(passed.map((value) => this.assignedKind(value, depth)));
    const fallback = parameter.parent?.type === 'default_parameter' ? parameter.parent.childForFieldName('value') : null;
    return fallback && fallback.type !== 'none' ? this.assignedKind(fallback, depth) : undefined;
  }

  /** `self.<attr>` in a method: the joined kind of everything the class assigns to it. */
  private instanceAttribute(object: Node, name: string, depth: number): Inferred | undefined {
    const classNode = methodClass(object, this.facts);
    if (!classNode) return undefined;
    const sources = instanceAttributeSources(classNode, name, this.facts);
    if (!sources) return undefined;
    const joined = join([...sources.values.map((value) => this.assignedKind(value, depth)), ...sources.annotations.map((a) => annotationKind(this.facts, a))]);
    return joined && joined !== 'none' ? { kind: joined } : undefined;
  }

  /** A def's result: its return annotation, else the joined kind of all its return values. */
  private returnKind(definition: Node, depth: number): Inferred | undefined {
    const annotation = definition.childForFieldName('return_type');
    const returned = annotation ? undefined : returnedValues(definition);
    const kind = annotation ? annotationKind(this.facts, annotation) : returned && join(returned.map((value) => this.assignedKind(value, depth)));
    return kind && kind !== 'none' && isData(kind) ? { kind } : undefined;
  }

  private attribute(node: Node, depth: number): Inferred | undefined {
    const qualified = this.facts.resolve(node);
    if (qualified === 'pandas') return { kind: 'module' };
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('attribute')?.text;
    if (!object || !name) return undefined;
    const base = this.of(object, depth);
    if (!base) return object.type === 'identifier' ? this.instanceAttribute(object, name, depth) : undefined;
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
    const keys = subscriptKeys(node);
    if (!base) return keys.length === 1 && keys[0].type === 'integer' && this.isFrameList(value) ? { kind: 'frame' } : undefined;
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

  /** `pd.read_html(...)`: a list of frames. */
  private isFrameList(node: Node): boolean {
    const inner = unparenthesize(node);
    return inner.type === 'call' && this.facts.resolve(inner.childForFieldName('function')!) === 'pandas.read_html';
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
    if (!parts.receiver) return this.localFunction(fn, depth);
    const receiver = this.of(parts.receiver, depth);
    if (!receiver) return parts.name === 'toPandas' && !parts.positional.length && this.facts.importsModule('pyspark') ? { kind: 'frame' } : this.ownMethod(parts, depth);
    return methodResult(receiver, parts);
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

  /** A call of a def in this file that is annotated to return, or always returns, a pandas type. */
  private localFunction(fn: Node, depth: number): Inferred | undefined {
    if (fn.type !== 'identifier') return undefined;
    const definition = definitionOf(fn, this.facts);
    return definition ? this.returnKind(definition, depth) : undefined;
  }

  /** `self.load()`: a method of the instance's own class that returns a pandas type. */
  private ownMethod(parts: CallParts, depth: number): Inferred | undefined {
    const receiver = parts.receiver && unparenthesize(parts.receiver);
    if (receiver?.type !== 'identifier') return undefined;
    const classNode = methodClass(receiver, this.facts);
    const definition = classNode && methodDefinition(classNode, parts.name);
    return definition ? this.returnKind(definition, depth) : undefined;
  }
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


