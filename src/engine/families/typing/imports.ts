// The typing family's ImportPlan (src/engine/import-plan.ts): the shared plan with a sharper
// test of whether an imported name is still used, since typing names also live in strings
// that read as type expressions (`"List[int]"`, `cast("Dict[str, int]", x)`).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { ImportPlan as SharedImportPlan, isDocstring } from '../../import-plan';
import { stringMayUse } from './string-types';

export { localName, nameNodes } from '../../import-plan';

export class ImportPlan extends SharedImportPlan {
  constructor(facts: SemanticFacts, text: string) {
    super(facts, text, (offset, name) => occurrenceIsUse(facts, offset, name));
  }
}

/** A string standing alone as a statement: a docstring (or a comment-like string), never a reference. */
const useAt = new WeakMap<SemanticFacts, Map<number, boolean>>();

/**
 * True when the word at `offset` keeps its import alive: code (an identifier, also inside
 * an f-string), a string other than a docstring, a type comment. Cached per analysis:
 * each fix asks about every occurrence, and on deep nesting every ancestor step costs
 * the depth.
 */
function occurrenceIsUse(facts: SemanticFacts, offset: number, name: string): boolean {
  let known = useAt.get(facts);
  if (!known) useAt.set(facts, (known = new Map()));
  let use = known.get(offset);
  if (use === undefined) known.set(offset, (use = classifyOccurrence(facts.tree.rootNode.descendantForIndex(offset, offset + name.length), name, offset, facts)));
  return use;
}

/** Strings and comments hold the word as text; only a few ancestors up is a string's own. */
function classifyOccurrence(node: Node | null, name: string, offset: number, facts: SemanticFacts): boolean {
  if (!node || node.type === 'identifier') return true;
  if (node.type === 'comment') return /#\s*type:/.test(node.text);
  let current: Node | null = node;
  for (let steps = 0; current && steps < 4; steps++, current = current.parent) {
    if (current.type === 'interpolation') return true;
    // A string uses the name only when it reads as a type expression naming it
    // (`"List[int]"`, `__all__ = ["Type"]`), never `"Content-Type"` or a docstring.
    if (current.type === 'string') return !isDocstring(current) && stringMayUse(current, name, offset, facts.tree.language);
    if (current.type.endsWith('statement') || current.type === 'block') break;
  }
  return true;
}

