// The scope tree SemanticFacts (facts.ts) builds: scopes made from the base query's def,
// lambda and class matches, Python's lookup order through them, and module-level definitions.
import type { Node, QueryMatch, Tree } from 'web-tree-sitter';
import { nodeAt, type FactsFocus, type NodeRef } from './incremental/module-facts';
import type { Scope, ScopeKind } from './scopes';

/** The scope kind each scope-making node type opens. */
export const SCOPE_KINDS: Record<string, ScopeKind | undefined> = { function_definition: 'function', lambda: 'lambda', class_definition: 'class' };

/**
 * Every scope in document order, the module first, from the base query's scope matches (in
 * document order). With a focus on a method, its class comes second: the query under the
 * def cannot see it.
 */
export function buildScopeList(root: Node, scopeMatches: readonly QueryMatch[], around: Node | undefined): Scope[] {
  const moduleScope = newScope('module', root, false, '', 0, root.endIndex, undefined);
  const list: Scope[] = [moduleScope];
  const open: Scope[] = [moduleScope];
  if (around) {
    // The focused def is a method: its class, which the query under the def cannot see.
    const body = around.childForFieldName('body')!;
    const scope = newScope('class', around, false, around.childForFieldName('name')?.text ?? '', body.startIndex, body.endIndex, moduleScope);
    list.push(scope);
    open.push(scope);
  }
  for (const match of scopeMatches) {
    const whole = match.captures.find((c) => !c.name.endsWith('.body'))!;
    const body = match.captures.find((c) => c.name.endsWith('.body'))!;
    const node = whole.node;
    // Matches arrive in document order, so the innermost open scope containing this one
    // is its parent.
    while (open.length > 1 && open[open.length - 1].node.endIndex <= node.startIndex) open.pop();
    const kind = whole.name as ScopeKind;
    const isAsync = kind === 'function' && node.firstChild?.type === 'async';
    const name = kind === 'lambda' ? '' : (node.childForFieldName('name')?.text ?? '');
    const scope = newScope(kind, node, isAsync, name, body.node.startIndex, body.node.endIndex, open[open.length - 1]);
    list.push(scope);
    open.push(scope);
  }
  return list;
}

/** Python's lookup order: the scope, enclosing functions (skipping class bodies), module. */
export function visibleScopes(from: Scope): Scope[] {
  const result: Scope[] = [from];
  for (let scope = from.parent; scope; scope = scope.parent) {
    if (scope.kind !== 'class') result.push(scope);
  }
  return result;
}

export function newScope(
  kind: ScopeKind,
  node: Node,
  isAsync: boolean,
  name: string,
  bodyStart: number,
  bodyEnd: number,
  parent: Scope | undefined,
): Scope {
  return {
    kind, node, isAsync, name, bodyStart, bodyEnd, parent,
    bindings: new Set(), imports: new Map(), assignments: new Map(), parameters: new Map(), opaque: new Set(),
  };
}

/** Where a def or class statement starts: at its decorators, if any. */
export function statementStart(definition: Node): number {
  const parent = definition.parent;
  return parent?.type === 'decorated_definition' ? parent.startIndex : definition.startIndex;
}

/** Module-level defs and classes by name. */
export function definitionsIn(scopes: readonly Scope[]): Map<string, Node[]> {
  const map = new Map<string, Node[]>();
  for (const scope of scopes) {
    if ((scope.kind !== 'function' && scope.kind !== 'class') || scope.parent?.kind !== 'module') continue;
    const list = map.get(scope.name);
    if (list) list.push(scope.node);
    else map.set(scope.name, [scope.node]);
  }
  return map;
}

/**
 * Looks up the module-level defs and classes named `name` (also under a module-level `if` or
 * `try`), in document order: those among `scopes` and, with a focus, the rest of the file's.
 */
export function definitionLookup(tree: Tree, scopes: readonly Scope[], focus: FactsFocus | undefined): (name: string) => readonly Node[] {
  let ownDefinitions: Map<string, Node[]> | undefined;
  let earlierDefinitions: Map<string, NodeRef[]> | undefined;
  const definitionsByName = new Map<string, readonly Node[]>();
  return (name) => {
    let found = definitionsByName.get(name);
    if (found) return found;
    // With a focus, the class around it is one of the rest of the file's.
    const unit = focus?.unit;
    ownDefinitions ??= definitionsIn(unit ? scopes.filter((s) => s.node.startIndex >= unit.startIndex) : scopes);
    const own = ownDefinitions.get(name) ?? [];
    const module = focus?.module;
    if (module) earlierDefinitions ??= new Map(module.definitions);
    // The rest of the file's, when one def is analysed alone: found in this tree on first use.
    const refs = earlierDefinitions?.get(name);
    found = refs ? [...refs.map((ref) => nodeAt(tree, ref)), ...own].sort((x, y) => x.startIndex - y.startIndex) : own;
    definitionsByName.set(name, found);
    return found;
  };
}

/** The index of the last scope, in document order, whose node starts at or before the offset. */
export function lastScopeStartingBy(scopes: readonly Scope[], offset: number): number {
  let low = 0;
  let high = scopes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (scopes[mid].node.startIndex <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
