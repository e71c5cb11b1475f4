// Whether a string's content is a type expression on its own, parsed by tree-sitter (never
// evaluated): what unquoting it would write must be valid code.
import { type Language, Parser, type Node } from 'web-tree-sitter';

const parsers = new WeakMap<Language, Parser>();
const TYPE_NODES = new Set(['module', 'expression_statement', 'assignment', 'type', 'union_type', 'identifier', 'attribute', 'subscript', 'generic_type', 'type_parameter', 'binary_operator', 'none', 'ellipsis', 'list', 'member_type', '|', '.', '[', ']', ',', ':', 'None', '...']);

/** The text is a type expression on its own: names, attributes, subscripts, `|` unions. */
export function parsesAsType(content: string, language: Language): boolean {
  let parser = parsers.get(language);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(language, parser);
  }
  const tree = parser.parse(`_: ${content}\n`);
  if (!tree) return false;
  try {
    const root = tree.rootNode;
    if (root.hasError || root.namedChildCount !== 1) return false;
    const type = root.firstNamedChild?.firstNamedChild?.childForFieldName('type');
    if (!type || type.text !== content) return false;
    const stack: Node[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (!TYPE_NODES.has(node.type) && !(node.parent?.type === 'assignment' && node.type === 'identifier')) return false;
      if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text !== '|') return false;
      for (const child of node.children) if (child) stack.push(child);
    }
    return true;
  } finally {
    tree.delete();
  }
}
