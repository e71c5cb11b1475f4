// The import side of renaming a pydantic name at one spot: the text for the new name (through
// the same module alias when the old one was written `pd.validator`, else the file's import or
// a new `from pydantic import …`), and dropping the old from-import once nothing else uses it.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import type { TextEdit } from '../../types';
import { ImportPlan } from '../../import-plan';
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

/**
 * One ImportPlan for a fix that renames several spots of a file: each pydantic name is
 * imported once, and an old from-import goes when every spot that used it was replaced.
 * (Per-spot fixes would each see the other spots still using the old import, so applied
 * together in one pass they would leave it behind, unused.)
 */
export class FileRenames {
  readonly plan: ImportPlan;
  private readonly names = new Map<string, string | undefined>();
  private readonly replacedSpots = new Map<string, { node: Node; ranges: { start: number; end: number }[] }>();

  constructor(private readonly facts: SemanticFacts, text: string) {
    this.plan = new ImportPlan(facts, text);
  }

  /** `pydantic.<name>` written where `old` stood (see renamedReference), which the caller replaces. */
  rename(old: Node, name: string, fromImport = false): string | undefined {
    const key = old.type === 'attribute' && !fromImport ? `${old.childForFieldName('object')?.text}.${name}` : name;
    if (!this.names.has(key)) this.names.set(key, fromImport ? fromPydantic(this.plan, this.facts, name, old) : renamedReference(this.plan, this.facts, old, name));
    const text = this.names.get(key);
    if (text !== undefined) this.replaced(old);
    return text;
  }

  /** Records that the fix rewrites or removes `old` (an identifier keeps its import alive). */
  replaced(old: Node): void {
    if (old.type !== 'identifier') return;
    const entry = this.replacedSpots.get(old.text) ?? { node: old, ranges: [] };
    entry.ranges.push(rangeOf(old));
    this.replacedSpots.set(old.text, entry);
  }

  /** `pydantic.<name>` from a from-import, at a spot that does not replace anything. */
  name(name: string, at: Node): string | undefined {
    if (!this.names.has(name)) this.names.set(name, fromPydantic(this.plan, this.facts, name, at));
    return this.names.get(name);
  }

  edits(): TextEdit[] | undefined {
    for (const { node, ranges } of this.replacedSpots.values()) dropIfUnused(this.plan, this.facts, node, ranges);
    return this.plan.edits();
  }
}
