// Type expressions written inside strings (`x: "List[str]"`, `cast("Type[Foo]", y)`,
// `__all__ = ["Type"]`): whether a string's content reads as a type expression, and where
// the typing names inside a quoted annotation are, so the legacy-typing rules can rewrite
// them in place. The content is parsed by tree-sitter on its own (never evaluated); offsets
// map back into the file only for plain strings, where the content is the source text as is.
import { type Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { parentOf } from '../../ancestors';
import type { ImportBinding, SemanticFacts } from '../../facts';
import { annotationOf, type TypingModule } from './annotations';

const parsers = new WeakMap<Language, Parser>();

/** Named node types a type expression may contain (nested forward references and `Literal[…]` values too). */
const TYPE_LIKE = new Set([
  'module', 'expression_statement', 'parenthesized_expression', 'identifier', 'attribute', 'subscript', 'binary_operator',
  'none', 'ellipsis', 'list', 'tuple', 'string', 'string_start', 'string_content', 'string_end', 'concatenated_string',
  'integer', 'float', 'true', 'false', 'unary_operator', 'call', 'argument_list', 'keyword_argument', 'escape_sequence',
]);

/** The prefix of the parse: content offsets are tree offsets minus its length. */
const PREFIX = '(';

/** Parses `content` as one parenthesized expression; the caller deletes the tree. */
function parseExpression(content: string, language: Language): Tree | undefined {
  let parser = parsers.get(language);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(language, parser);
  }
  return parser.parse(`${PREFIX}${content}\n)\n`) ?? undefined;
}

/** The expression inside the wrapping parentheses, when the content is one whole expression that reads as a type. */
function typeExpression(tree: Tree, contentLength: number): Node | undefined {
  const root = tree.rootNode;
  if (root.hasError || root.namedChildCount !== 1) return undefined;
  const wrapper = root.firstNamedChild?.firstNamedChild;
  if (wrapper?.type !== 'parenthesized_expression') return undefined;
  const inner = wrapper.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  if (inner.length !== 1 || inner[0].startIndex < PREFIX.length || inner[0].endIndex > PREFIX.length + contentLength) return undefined;
  const stack: Node[] = [inner[0]];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.isNamed && !TYPE_LIKE.has(node.type)) return undefined;
    // `Content-Type`, `a/b`, `x and y` parse as expressions but are no types.
    if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text !== '|') return undefined;
    if (node.type === 'unary_operator' && node.childForFieldName('operator')?.text !== '-') return undefined;
    for (const child of node.children) if (child) stack.push(child);
  }
  return inner[0];
}

/** A name's offsets, relative to the content, where it is an identifier that reads it (not `x.Name`). */
function identifierOffsets(expression: Node, name: string): number[] {
  const found: number[] = [];
  const stack: Node[] = [expression];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'identifier' && node.text === name) {
      const parent = node.parent;
      const isAttributeName = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(node);
      const isKeyword = parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(node);
      if (!isAttributeName && !isKeyword) found.push(node.startIndex - PREFIX.length);
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return found;
}

const STRING_PREFIX = /^([A-Za-z]*)("""|'''|"|')/;

/**
 * True when the string (a `string` node) may refer to `name` at `offset` as code: its
 * content reads as a type expression in which `name` is an identifier there. Byte strings
 * the literal text of f-strings and text that is no type expression (`"Content-Type"`,
 * `"a Type of thing"`) do not; content with escapes counts (kept as a possible use).
 */
export function stringMayUse(string: Node, name: string, offset: number, language: Language): boolean {
  const match = STRING_PREFIX.exec(string.text);
  if (!match) return true;
  const prefix = match[1].toLowerCase();
  if (prefix.includes('b')) return false;
  const start = string.startIndex + match[0].length;
  const end = string.endIndex - match[2].length;
  const content = string.text.slice(match[0].length, string.text.length - match[2].length);
  if (offset < start || offset >= end) return true;
  // The literal text of an f-string (its interpolations are code, seen before the string).
  if (prefix.includes('f') || prefix.includes('t')) return false;
  if (content.includes('\\')) return true;
  const tree = parseExpression(content, language);
  if (!tree) return true;
  try {
    const expression = typeExpression(tree, content.length);
    return !!expression && identifierOffsets(expression, name).includes(offset - start);
  } finally {
    tree.delete();
  }
}

/** A typing name inside a quoted annotation: the node is in the string's own tree. */
export interface QuotedTypingUse {
  /** The identifier or `typing.X` attribute in the parsed content. */
  node: Node;
  /** Add to the node's offsets for offsets in the file. */
  shift: number;
  /** The string literal (in the file's tree) that holds it. */
  string: Node;
  module: TypingModule;
  member: string;
  binding?: ImportBinding;
}

const quotedCache = new WeakMap<SemanticFacts, Node[]>();

/**
 * The plain string literals of annotations (`x: "List[str]"`, `-> "Optional[Node]"`,
 * `Dict[str, "Union[A, B]"]`) that may hold a type expression. Only plain one-line strings
 * without prefix or escapes: there the content is the source text, so ranges map one to
 * one. Implicit concatenations are skipped.
 */
function quotedAnnotations(facts: SemanticFacts): Node[] {
  const cached = quotedCache.get(facts);
  if (cached) return cached;
  const found: Node[] = [];
  if (/["']/.test(facts.text)) {
    for (const string of facts.tree.rootNode.descendantsOfType('string')) {
      if (!string || string.hasError) continue;
      const match = STRING_PREFIX.exec(string.text);
      if (!match || match[1] || match[2].length !== 1) continue;
      const content = string.text.slice(1, -1);
      if (!content.trim() || /[\\\n\r]/.test(content) || content.includes(match[2])) continue;
      if (parentOf(string)?.type === 'concatenated_string' || !annotationOf(string)) continue;
      found.push(string);
    }
  }
  quotedCache.set(facts, found);
  return found;
}

/**
 * Calls `visit` with each use of a typing / typing_extensions member inside a quoted
 * annotation, resolved from the annotation's scope, in document order. The parsed content
 * lives only during the call: take text and offsets, keep no node.
 */
export function forEachQuotedUse(facts: SemanticFacts, members: ReadonlySet<string>, visit: (use: QuotedTypingUse) => void): void {
  if (!facts.importsModule('typing') && !facts.importsModule('typing_extensions')) return;
  for (const string of quotedAnnotations(facts)) {
    const content = string.text.slice(1, -1);
    if (![...members].some((m) => content.includes(m))) continue;
    const tree = parseExpression(content, facts.tree.language);
    if (!tree) continue;
    try {
      const expression = typeExpression(tree, content.length);
      if (!expression) continue;
      const scope = facts.scopeOf(string);
      const uses: QuotedTypingUse[] = [];
      const stack: Node[] = [expression];
      while (stack.length) {
        const node = stack.pop()!;
        const qualified = qualifiedName(node, facts, scope);
        const match = qualified && /^(typing|typing_extensions)\.(\w+)$/.exec(qualified);
        if (match) {
          if (!members.has(match[2])) continue;
          const binding = node.type === 'identifier' ? facts.imports.find((b) => b.local === node.text && b.qualified === qualified) : undefined;
          uses.push({ node, shift: string.startIndex + 1 - PREFIX.length, string, module: match[1] as TypingModule, member: match[2], binding });
          continue;
        }
        for (const child of node.namedChildren) if (child) stack.push(child);
      }
      uses.sort((a, b) => a.node.startIndex - b.node.startIndex);
      for (const use of uses) visit(use);
    } finally {
      tree.delete();
    }
  }
}

/** `List` or `typing.List` in parsed content, looked up in the file's scope of the annotation. */
function qualifiedName(node: Node, facts: SemanticFacts, scope: ReturnType<SemanticFacts['scopeOf']>): string | undefined {
  if (node.type === 'identifier') {
    const parent = node.parent;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(node)) return undefined;
    return facts.lookup(node.text, scope);
  }
  if (node.type !== 'attribute') return undefined;
  const object = node.childForFieldName('object');
  const attribute = node.childForFieldName('attribute');
  if (object?.type !== 'identifier' || !attribute) return undefined;
  const base = facts.lookup(object.text, scope);
  return base ? `${base}.${attribute.text}` : undefined;
}
