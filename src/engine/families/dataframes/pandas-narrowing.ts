// Flow facts about one use of a name. `isinstance` narrowing: inside `if isinstance(data, pd.DataFrame):` the name is a frame,
// whatever it was bound to before (`data = data.values` is the usual body). Only the body of
// the `if` (or `elif`) narrows, only in the scope of the test, and only while nothing in that
// body rebinds the name (other than the assignment the use itself feeds).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { identifierUses, unparenthesize } from './pandas-syntax';

/** Targets of an unpacking assignment or loop wrap the name in these. */
const TARGET_WRAPPERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern']);

/** The class argument of the `isinstance(name, ...)` test that narrows this use, if any. */
export function isinstanceNarrowing(use: Node, facts: SemanticFacts): Node | undefined {
  if (use.type !== 'identifier') return undefined;
  const scope = facts.scopeOf(use);
  for (let child = use, parent = use.parent; parent && !parent.equals(scope.node); child = parent, parent = parent.parent) {
    if (parent.type === 'function_definition' || parent.type === 'lambda' || parent.type === 'class_definition') return undefined;
    if (child.type !== 'block' || (parent.type !== 'if_statement' && parent.type !== 'elif_clause')) continue;
    if (!parent.childForFieldName('consequence')?.equals(child)) continue;
    const condition = parent.childForFieldName('condition');
    const classes = condition && isinstanceTest(condition, use.text, facts);
    if (classes && !rebound(child, use, facts)) return classes;
  }
  return undefined;
}

/** `isinstance(name, T)`, alone or as one operand of `and`: T. */
function isinstanceTest(condition: Node, name: string, facts: SemanticFacts): Node | undefined {
  const inner = unparenthesize(condition);
  if (inner.type === 'boolean_operator' && inner.childForFieldName('operator')?.text === 'and') {
    return isinstanceTest(inner.childForFieldName('left')!, name, facts) ?? isinstanceTest(inner.childForFieldName('right')!, name, facts);
  }
  if (inner.type !== 'call') return undefined;
  const fn = inner.childForFieldName('function');
  if (fn?.type !== 'identifier' || facts.resolve(fn) !== 'builtins.isinstance') return undefined;
  const args = inner.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
  if (args.length !== 2 || args[0].type !== 'identifier' || args[0].text !== name) return undefined;
  return args[1];
}

/** Some binding of the use's name inside the block, other than the assignment the use feeds. */
function rebound(block: Node, use: Node, facts: SemanticFacts): boolean {
  const scope = facts.scopeOf(use);
  for (const other of identifierUses(scope.node, facts).get(use.text) ?? []) {
    if (other.startIndex < block.startIndex || other.endIndex > block.endIndex || other.equals(use)) continue;
    const target = bindingStatement(other);
    if (!target) continue;
    // `data = data.values`: the use is read before the name is rebound.
    if (target.type === 'assignment' && target.childForFieldName('left')?.equals(other) && target.childForFieldName('right')!.startIndex <= use.startIndex && use.endIndex <= target.endIndex) continue;
    return true;
  }
  return false;
}

/** The statement that binds this identifier, when it is a binding (not a read). */
function bindingStatement(identifier: Node): Node | undefined {
  let child = identifier;
  let parent = identifier.parent;
  if (parent?.type === 'named_expression' && parent.childForFieldName('name')?.equals(child)) return parent;
  while (parent && TARGET_WRAPPERS.has(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return undefined;
  switch (parent.type) {
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
    case 'for_in_clause':
      return parent.childForFieldName('left')?.equals(child) ? parent : undefined;
    case 'as_pattern_target':
    case 'global_statement':
    case 'nonlocal_statement':
    case 'delete_statement':
      return parent;
    default:
      return undefined;
  }
}

/**
 * `name = value` runs on every path from itself to the use: its statement sits in a block
 * (or the module) that also holds the use, before it. (Loops are handled before this.)
 */
export function dominates(value: Node, use: Node): boolean {
  const assignment = value.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.type !== 'identifier' || !assignment.childForFieldName('right')?.equals(value)) return false;
  const statement = assignment.parent;
  const block = statement?.parent;
  if (statement?.type !== 'expression_statement' || !block || (block.type !== 'block' && block.type !== 'module')) return false;
  return statement.endIndex <= use.startIndex && use.endIndex <= block.endIndex;
}

/**
 * The value a local name holds at a use in straight-line code when it was rebound before
 * (`t = t.merge(...)` after `t = df[mask]`): the last assignment before the use, provided it
 * runs on every path to the use and no loop of the scope surrounds the use.
 */
export function reachingAssignment(use: Node, facts: SemanticFacts): Node | undefined {
  if (use.type !== 'identifier' || facts.resolve(use) !== undefined) return undefined; // also collects the bindings
  const scope = facts.scopeOf(use);
  const name = use.text;
  if (!scope.bindings.has(name) || scope.opaque.has(name) || scope.imports.has(name)) return undefined;
  for (let parent = use.parent; parent && !parent.equals(scope.node); parent = parent.parent) {
    if (parent.type === 'for_statement' || parent.type === 'while_statement') return undefined;
  }
  // The assignments are in document order: the last one before the use, by bisection (a
  // notebook may rebind one name thousands of times), minus the one the use sits in.
  const all = scope.assignments.get(name) ?? [];
  let low = 0;
  let high = all.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (all[mid].at < use.startIndex) low = mid + 1;
    else high = mid;
  }
  let index = low - 1;
  if (index >= 0 && all[index].value.startIndex <= use.startIndex && use.endIndex <= all[index].value.endIndex) index--;
  const last = index >= 0 ? all[index].value : undefined;
  return last && dominates(last, use) ? last : undefined;
}
