// The import side of renaming a pydantic name at one spot: the text for the new name (through
// the same module alias when the old one was written `pd.validator`, else the file's import or
// a new `from pydantic import …`), and dropping the old from-import once nothing else uses it.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import type { ImportPlan } from '../../import-plan';
import { onlyRead } from '../../name-occurrences';

/** How to write `pydantic.<name>` where `old` (an identifier or `module.attr`) stood. */
export function renamedReference(plan: ImportPlan, facts: SemanticFacts, old: Node, name: string): string | undefined {
  if (old.type === 'attribute') {
    const object = old.childForFieldName('object');
    return object ? `${object.text}.${name}` : undefined;
  }
  return fromPydantic(plan, facts, name, old);
}

/**
 * `name` imported from pydantic, the way bump-pydantic writes it: the file's own
 * `from pydantic import name`, else that name added to a from-import (never `pd.name` for a
 * decorator that was written bare).
 */
export function fromPydantic(plan: ImportPlan, facts: SemanticFacts, name: string, at: Node): string | undefined {
  const scope = facts.scopeOf(at);
  const qualified = `pydantic.${name}`;
  for (const binding of facts.imports) {
    if (!binding.isModule && binding.qualified === qualified && facts.lookup(binding.local, scope) === qualified) return binding.local;
  }
  if (!onlyRead(facts, name)) return undefined;
  plan.importFrom('pydantic', name);
  return name;
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
