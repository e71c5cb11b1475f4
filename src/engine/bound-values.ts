// What a name is bound to where it is read, as far as one file shows: the values of its
// assignments, or nothing known. Shared by checks that follow a value to its origin (a
// `chmod` mode, a path that is provably a `Path`).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from './facts';

/**
 * The values a name holds where it is used: its own scope's assignments before the use, or
 * — for a module global read in a def (`app.run()` in `main()`) — every module-level
 * assignment. Undefined when anything else may bind it (a parameter, an import, a `global`
 * rebinding, an enclosing def's name).
 */
export function boundValues(facts: SemanticFacts, identifier: Node): Node[] | undefined {
  const binding = facts.localBinding(identifier);
  if (binding) return binding.opaque || binding.parameter ? undefined : binding.values;
  const name = identifier.text;
  let scope = facts.scopeOf(identifier).parent;
  for (; scope && scope.kind !== 'module'; scope = scope.parent) if (scope.kind !== 'class' && scope.bindings.has(name)) return undefined;
  const module = facts.moduleScope;
  if (!module.bindings.has(name) || module.opaque.has(name) || module.imports.has(name)) return undefined;
  if (new RegExp(`\\bglobal\\b[^\\n]*\\b${name}\\b`).test(facts.text)) return undefined;
  return (module.assignments.get(name) ?? []).map((a) => a.value);
}
