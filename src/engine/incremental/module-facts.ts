// The facts of a whole-file analysis kept as plain data, for analysing one def (or top-level
// statement) of the next version of the file alone (incremental/units.ts): what each part of the
// file tells the others, with the nodes it names found again in the new tree by their
// place. SemanticFacts takes them as its focus.
import type { Node, Tree } from 'web-tree-sitter';
import type { ImportBinding, Scope } from '../scopes';

/** A node of an earlier analysis, found again in the current tree by its place and type. */
export interface NodeRef {
  start: number;
  end: number;
  type: string;
}

/**
 * The file-wide facts of a whole-file analysis, as plain data: what the rest of the file
 * contributes when one def is analysed again alone (incremental/units.ts). Offsets are the
 * current text's; nodes are found again in the current tree on first use.
 */
export interface ModuleFacts {
  module: ScopeData;
  /** The names bound in the module and in top-level classes, each binding with its offset. */
  bindings: BindingItem[];
  /** The scopes of top-level classes, by the start of their statement (decorators included). */
  classes: [number, ScopeData][];
  globalNames: string[];
  wildcardImport: boolean;
  futureFeatures: string[];
  importedModules: string[];
  importedTargets: string[];
  /** Module-level defs and classes (also under a module-level `if` or `try`), by name, in document order. */
  definitions: [string, NodeRef[]][];
}

/** A scope's imports and assignments, as data. */
export interface ScopeData {
  imports: { local: string; qualified: string; isModule: boolean; node: NodeRef }[];
  assignments: [string, { value: NodeRef; at: number }[]][];
}

/** A name bound in the module (`scope` -1) or in a top-level class (`scope`: where its statement starts). */
export interface BindingItem {
  start: number;
  scope: number;
  name: string;
  /** Bound in a way whose value is unknown (a loop, a def, `+=`…), not by `name = value`. */
  opaque: boolean;
}

/** One def analysed alone: the def, the class whose body holds it (a method), and the rest of the file as data. */
export interface FactsFocus {
  unit: Node;
  enclosingClass?: Node;
  module: ModuleFacts;
}

export function refOf(node: Node): NodeRef {
  return { start: node.startIndex, end: node.endIndex, type: node.type };
}

/** The node of the current tree a reference points at (the outermost of that type and range). */
export function nodeAt(tree: Tree, ref: NodeRef): Node {
  let node: Node | null = tree.rootNode.descendantForIndex(ref.start, ref.end);
  while (node && node.startIndex === ref.start && node.endIndex === ref.end && node.type !== ref.type) node = node.parent;
  if (!node || node.type !== ref.type || node.startIndex !== ref.start || node.endIndex !== ref.end) {
    throw new Error(`no ${ref.type} at ${ref.start}-${ref.end} in the current tree`);
  }
  return node;
}

export function lazyImport(tree: Tree, data: ScopeData['imports'][number], scope: Scope): ImportBinding {
  let node: Node | undefined;
  return {
    local: data.local,
    qualified: data.qualified,
    isModule: data.isModule,
    scope,
    get node() {
      return (node ??= nodeAt(tree, data.node));
    },
  };
}

export function lazyAssignment(tree: Tree, ref: NodeRef, at: number): { value: Node; at: number } {
  let value: Node | undefined;
  return {
    at,
    get value() {
      return (value ??= nodeAt(tree, ref));
    },
  };
}

/** A scope's imports and assignments as data, those at offsets `keep` accepts. */
export function scopeDataOf(scope: Scope, imports: readonly ImportBinding[], keep: (offset: number) => boolean = () => true): ScopeData {
  const assignments: ScopeData['assignments'] = [];
  for (const [name, values] of scope.assignments) {
    const kept = values.filter((v) => keep(v.at)).map((v) => ({ value: refOf(v.value), at: v.at }));
    if (kept.length) assignments.push([name, kept]);
  }
  const kept = imports.filter((b) => b.scope === scope && keep(b.node.startIndex));
  return { imports: kept.map((b) => ({ local: b.local, qualified: b.qualified, isModule: b.isModule, node: refOf(b.node) })), assignments };
}
