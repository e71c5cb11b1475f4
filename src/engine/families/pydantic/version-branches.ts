// Code that runs under one pydantic major version only: the branches of an `if` (or a
// conditional expression) whose test reads the pydantic version or probes for the v2 API —
// `if PYDANTIC_V1:`, `if pydantic.VERSION.startswith("1.")`, `if hasattr(m, "model_dump")`.
// Such code keeps the v1 API on purpose (a compatibility shim), so the pydantic rules leave it.
import type { Node } from 'web-tree-sitter';

const VERSION_TEST = /pydantic|version|\bV[12]\b|_V[12]\b|\bmodel_(?:dump|validate|fields|copy|json_schema|rebuild|construct|config)/i;

/** True when `node` sits in a branch chosen by a pydantic-version test. */
export function inVersionBranch(node: Node): boolean {
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'if_statement') {
      const tests = [parent.childForFieldName('condition'), ...parent.childrenForFieldName('alternative').map((a) => a?.childForFieldName('condition'))];
      if (!tests.some((t) => t?.equals(child)) && tests.some((t) => !!t && VERSION_TEST.test(t.text))) return true;
    } else if (parent.type === 'conditional_expression') {
      const test = parent.namedChildren[1];
      if (test && !test.equals(child) && VERSION_TEST.test(test.text)) return true;
    }
  }
  return false;
}
