// The import side of renaming a pydantic name at one spot: the text for the new name (through
// the same module alias when the old one was written `pd.validator`, else the file's import or
// a new `from pydantic import …`), and dropping the old from-import once nothing else uses it.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import type { ImportPlan } from '../../import-plan';

/** How to write `pydantic.<name>` where `old` (an identifier or `module.attr`) stood. */
export function renamedReference(plan: ImportPlan, old: Node, name: string): string | undefined {
  if (old.type === 'attribute') {
    const object = old.childForFieldName('object');
    return object ? `${object.text}.${name}` : undefined;
  }
  return plan.reference('pydantic', name, old);
}

/** Removes the from-import that `old` names when `replaced` (the ranges the fix rewrites) were its only uses. */
export function dropIfUnused(plan: ImportPlan, facts: SemanticFacts, old: Node, replaced: readonly { start: number; end: number }[]): void {
  if (old.type !== 'identifier') return;
  const qualified = facts.resolve(old);
  for (const binding of facts.imports) {
    if (binding.isModule || binding.local !== old.text || binding.qualified !== qualified) continue;
    if (plan.isUnusedExcept(binding, replaced)) plan.remove(binding);
  }
}

export function rangeOf(node: Node): { start: number; end: number } {
  return { start: node.startIndex, end: node.endIndex };
}
