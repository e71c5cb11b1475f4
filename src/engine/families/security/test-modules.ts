// Whether a module is test code, as far as its text tells. Checks do not see the file path
// (the adapters also lower or turn off some rules under tests/ and in conftest.py, see
// src/engine/path-severity.ts); a test module is one that imports pytest or unittest, or
// defines `test_*` functions or `Test*` classes at the top level.
import type { SemanticFacts } from '../../facts';

export function looksLikeTestModule(facts: SemanticFacts): boolean {
  if (facts.importsModule('pytest') || facts.importsModule('unittest')) return true;
  return facts.tree.rootNode.namedChildren.some((child) => {
    const definition = child?.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    const name = definition?.childForFieldName('name')?.text ?? '';
    // `test_login`, `TestRefunds`; not `testing_mode()` or `Testimonial`.
    return (definition?.type === 'function_definition' && /^test(_|$)/.test(name)) || (definition?.type === 'class_definition' && /^Test([A-Z_]|$)/.test(name));
  });
}
