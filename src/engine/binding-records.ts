// Bindings recorded into scopes for SemanticFacts (facts.ts): what the bindings query finds
// under a node, and, with a focus, what the rest of the file binds in the module and in the
// class around the focused def.
import type { Node, QueryCapture, QueryMatch, Tree } from 'web-tree-sitter';
import { lazyAssignment, type BindingItem, type ModuleFacts, type ScopeData } from './incremental/module-facts';
import type { Scope, ScopeBindings } from './scopes';
import { statementStart } from './scope-tree';

/** What a whole-file (or focused) collection notes beyond the scopes: the module's and top-level classes' shares, `global` names. */
export interface BindingShares {
  items: BindingItem[];
  globalNames: Set<string>;
  globalDeclarations: { start: number; text: string }[];
}

/**
 * Records each binding the bindings query matched where `target` says (skipped when it says
 * nothing), in the scope `scopeOf` gives the bound name's capture; notes `shares` if given.
 */
export function recordBindingMatches(
  matches: readonly QueryMatch[],
  scopeOf: (capture: QueryCapture) => Scope,
  target: (scope: Scope) => ScopeBindings | undefined,
  shares: BindingShares | undefined,
): void {
  const assigned = new Set<number>();
  for (const match of matches) {
    const capture = match.captures.find((c) => c.name !== 'value')!;
    const node = capture.node;
    const scope = scopeOf(capture);
    const into = target(scope);
    if (!into) continue;
    const name = node.text;
    into.bindings.add(name);
    // Bindings of the module and of top-level classes are what one def, analysed alone, is told about the rest.
    const shared = !!shares && (scope.kind === 'module' || (scope.kind === 'class' && scope.parent?.kind === 'module'));
    const opaque = capture.name !== 'assign' && capture.name !== 'param' && !assigned.has(node.startIndex);
    if (shared) shares.items.push({ start: node.startIndex, scope: scope.kind === 'module' ? -1 : statementStart(scope.node), name, opaque });
    if (capture.name === 'assign') {
      const value = match.captures.find((c) => c.name === 'value')!.node;
      const list = into.assignments.get(name);
      if (list) list.push({ value, at: node.startIndex });
      else into.assignments.set(name, [{ value, at: node.startIndex }]);
      assigned.add(node.startIndex);
    } else if (capture.name === 'param') {
      into.parameters.set(name, node);
    } else if (opaque) {
      // `with x as name` is also caught by the generic as-pattern: it is an assignment.
      into.opaque.add(name);
      if (shares && node.parent?.type === 'global_statement') {
        shares.globalNames.add(name);
        shares.globalDeclarations.push({ start: node.startIndex, text: `global ${name}` });
      }
    }
  }
}

/**
 * With a focus: the rest of the file's bindings and assignments in the module (`outer[0]`)
 * and in the class around the focused def (`outer[1]`, whose data is `classData`).
 */
export function seedOuterScopes(tree: Tree, module: ModuleFacts, outer: readonly Scope[], enclosingClass: Node | undefined, classData: () => ScopeData | undefined): void {
  const classStart = enclosingClass ? statementStart(enclosingClass) : undefined;
  for (const item of module.bindings) {
    const scope = item.scope === -1 ? outer[0] : item.scope === classStart ? outer[1] : undefined;
    if (!scope) continue;
    scope.bindings.add(item.name);
    if (item.opaque) scope.opaque.add(item.name);
  }
  for (const scope of outer) {
    const data = scope.kind === 'module' ? module.module : classData();
    for (const [name, values] of data?.assignments ?? []) {
      scope.assignments.set(name, values.map(({ value, at }) => lazyAssignment(tree, value, at)));
    }
  }
}
