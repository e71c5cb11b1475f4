// Calls found by their spelling: search the text for `name(` or `x.name(` candidates, then
// look at the tree only at each hit, so a rule about rare functions costs no traversal.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from './facts';

export interface SpelledCall {
  call: Node;
  /** `name` or the `x.name` attribute. */
  callee: Node;
  /** The arguments node (an argument list, or a bare generator expression). */
  args: Node;
}

/** Every call in the file whose function is `name(...)` or `x.name(...)` for one of `names` (identifiers). */
export function callsSpelled(facts: SemanticFacts, text: string, names: readonly string[]): SpelledCall[] {
  const calls: SpelledCall[] = [];
  if (!names.length) return calls;
  const word = new RegExp(`\\b(?:${names.join('|')})\\b`, 'g');
  for (const match of text.matchAll(word)) {
    const identifier = facts.tree.rootNode.descendantForIndex(match.index!, match.index! + match[0].length);
    if (identifier?.type !== 'identifier' || identifier.text !== match[0]) continue;
    const parent = identifier.parent;
    const callee = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(identifier) ? parent : identifier;
    const call = callee.parent;
    const args = call?.childForFieldName('arguments');
    if (call?.type !== 'call' || !args || !call.childForFieldName('function')?.equals(callee)) continue;
    calls.push({ call, callee, args });
  }
  return calls;
}
