// How each def's own body leaves it (its returns and yields, not those of nested defs), from
// the base query's exit matches: SemanticFacts.functionExits (facts.ts) and typing inference.
import type { Node, QueryMatch } from 'web-tree-sitter';
import type { Scope } from './scopes';

/** How a function's own body (not nested defs) leaves it. */
export interface FunctionExits {
  yields: boolean;
  /** A `return` with a value other than `None`. */
  returnsValue: boolean;
  /** The def's own `return` statements and `yield` expressions, in document order (typing inference). */
  returnNodes: readonly Node[];
  yieldNodes: readonly Node[];
}

export const NO_EXITS: FunctionExits = { yields: false, returnsValue: false, returnNodes: [], yieldNodes: [] };

/** The exits of every def, by the def's start, from the base query's exit matches. */
export function collectFunctionExits(exitMatches: readonly QueryMatch[], scopeAt: (offset: number) => Scope): Map<number, FunctionExits> {
  const exitsByDef = new Map<number, FunctionExits>();
  for (const match of exitMatches) {
    const exit = match.captures.find((c) => c.name !== 'value')!;
    const value = match.captures.find((c) => c.name === 'value');
    const owner = scopeAt(exit.node.startIndex);
    if (owner.kind !== 'function') continue;
    const exits = exitsByDef.get(owner.node.startIndex) ?? { yields: false, returnsValue: false, returnNodes: [], yieldNodes: [] };
    if (exit.name === 'yield') exits.yields = true;
    else if (value && value.node.type !== 'none') exits.returnsValue = true;
    (exit.name === 'yield' ? (exits.yieldNodes as Node[]) : (exits.returnNodes as Node[])).push(exit.node);
    exitsByDef.set(owner.node.startIndex, exits);
  }
  return exitsByDef;
}
