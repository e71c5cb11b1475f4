// What Engine.analyzeEdited keeps per document between analyses (incremental/units.ts): built
// from a whole-file analysis, then carried through the analyses of single units.
import type { Node, Tree } from 'web-tree-sitter';
import type { ResolvedTypingOptions } from '../config';
import type { SourceDocument } from '../document';
import type { SemanticFacts } from '../facts';
import { unitsOf, type Unit } from './units';
import type { ModuleFacts, ScopeData } from './module-facts';
import type { CommentText } from '../suppression';
import type { EditedFinding, Finding } from '../types';
import { addDefinition } from '../checks';
import type { TypedCoverage } from '../coverage-figures';

/** What a whole-file analysis leaves for the incremental path, in the analysed text's offsets. */
export interface IncrementalState {
  tree: Tree;
  text: string;
  /** The config and rule set the findings are for. */
  key: string;
  findings: EditedFinding[];
  /** False after an incremental analysis: rules that look across defs may be stale. */
  exact: boolean;
  module: ModuleFacts;
  comments: CommentText[];
  /** Ascending by start. */
  units: Unit[];
  /** Typed coverage by unit, for one set of typing options: filled when asked for. */
  coverage?: UnitCoverage;
  /** The defs of the tree, while it is the one a whole-file analysis saw. */
  definitions: (() => Node[]) | undefined;
}

export interface UnitCoverage {
  key: string;
  options: ResolvedTypingOptions;
  /** By unit index; the last entry counts the defs outside every unit. */
  byUnit: TypedCoverage[];
}

export function wholeFileState(document: SourceDocument, key: string, findings: EditedFinding[], facts: SemanticFacts): IncrementalState {
  return {
    tree: document.tree,
    text: document.text,
    key,
    findings,
    exact: true,
    module: facts.captureModule(),
    comments: facts.comments.map((c) => ({ startIndex: c.startIndex, text: c.text })),
    units: unitsOf(document.tree.rootNode, facts.outwardStatements()),
    definitions: () => functionNodes(facts),
  };
}

export function functionNodes(facts: SemanticFacts): Node[] {
  return facts.scopes.filter((s) => s.kind === 'function').map((s) => s.node);
}

/** Typed coverage by unit (index), the last entry for defs outside every unit. */
export function coverageByUnit(units: readonly Unit[], definitions: readonly Node[], options: ResolvedTypingOptions): UnitCoverage {
  const byUnit = Array.from({ length: units.length + 1 }, () => ({ annotated: 0, total: 0 }));
  let k = 0;
  for (const definition of definitions) {
    // Definitions come in document order, like the units.
    while (k < units.length && units[k].end <= definition.startIndex) k++;
    const inside = k < units.length && units[k].start <= definition.startIndex;
    addDefinition(definition, byUnit[inside ? k : units.length], options);
  }
  return { key: options.key, options, byUnit };
}

/** The coverage after the unit at `index` was analysed again by itself. */
export function movedCoverage(coverage: UnitCoverage, index: number, facts: SemanticFacts): UnitCoverage {
  const byUnit = coverage.byUnit.slice();
  const unitCoverage = { annotated: 0, total: 0 };
  for (const definition of functionNodes(facts)) addDefinition(definition, unitCoverage, coverage.options);
  byUnit[index] = unitCoverage;
  return { ...coverage, byUnit };
}

/** Two lists ascending by `start` as one. */
export function mergeByStart<T extends { start: number }>(a: readonly T[], b: readonly T[]): T[] {
  return b.length ? [...a, ...b].sort((x, y) => x.start - y.start) : (a as T[]);
}

/** Two sorted lists of findings as one, in the engine's order. */
export function mergeFindings(a: readonly EditedFinding[], b: readonly EditedFinding[]): EditedFinding[] {
  const order = (x: Finding, y: Finding) => x.start - y.start || x.end - y.end || x.rule.localeCompare(y.rule);
  const merged: EditedFinding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(order(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) merged.push(a[i++]);
  while (j < b.length) merged.push(b[j++]);
  return merged;
}

/** The module facts with the unit's own share (found by its analysis) added back, in document order. */
export function withUnitShare(module: ModuleFacts, share: { module: ScopeData; enclosingClass: ScopeData | undefined }, classStart: number | undefined): ModuleFacts {
  const merge = (data: ScopeData, added: ScopeData): ScopeData => {
    if (!added.imports.length && !added.assignments.length) return data;
    const assignments = new Map(data.assignments.map(([name, values]) => [name, values]));
    for (const [name, values] of added.assignments) assignments.set(name, [...(assignments.get(name) ?? []), ...values].sort((a, b) => a.at - b.at));
    const imports = [...data.imports, ...added.imports].sort((a, b) => a.node.start - b.node.start);
    return { imports, assignments: [...assignments] };
  };
  const classes = share.enclosingClass
    ? module.classes.map(([start, data]): [number, ScopeData] => [start, start === classStart ? merge(data, share.enclosingClass!) : data])
    : module.classes;
  return { ...module, module: merge(module.module, share.module), classes };
}
