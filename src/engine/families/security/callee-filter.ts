// A cheap first test of a call's callee against the functions a check reports, before the
// name resolution (which looks the name up through the file's scopes, once per call of the
// file): an attribute call must end in one of their last names; a plain name must be one
// the file imports for one of them (or the builtin's own name).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';

export function calleeFilter(facts: SemanticFacts, qualifiedNames: Iterable<string>): (callee: Node) => boolean {
  const targets = new Set(qualifiedNames);
  const lastNames = new Set([...targets].map((name) => name.slice(name.lastIndexOf('.') + 1)));
  const plainNames = new Set(facts.imports.filter((binding) => targets.has(binding.qualified)).map((binding) => binding.local));
  for (const name of targets) if (name.startsWith('builtins.')) plainNames.add(name.slice('builtins.'.length));
  return (callee) => {
    if (callee.type === 'attribute') return lastNames.has(callee.childForFieldName('attribute')?.text ?? '');
    return callee.type === 'identifier' && plainNames.has(callee.text);
  };
}
