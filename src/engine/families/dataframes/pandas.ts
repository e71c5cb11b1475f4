// The dataframes family's shared pandas knowledge, in one import for the checks: receiver
// typing (pandas-receivers.ts), syntax helpers (pandas-syntax.ts), the method tables
// (pandas-methods.ts), and here the helpers that fixes need (loops, uses, who else can see
// a frame before an in-place call is rebound).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { pandasFunction } from './pandas-receivers';
import { callParts, identifierUses, stringList, stringValue, subscriptKeys, unparenthesize } from './pandas-syntax';
export { removeArgument } from '../../call-arguments';

export { isData, pandasFunction, pandasKind, type PandasKind } from './pandas-receivers';
export { reachingAssignment } from './pandas-narrowing';
export { callParts, definitionOf, identifierUses, isMaskLike, stringList, stringOrList, stringValue, subscriptKeys, unparenthesize, type CallParts } from './pandas-syntax';
export { isFrameColumnName, isSeriesLabelName, PANDAS_MEMBERS } from './pandas-methods';

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
