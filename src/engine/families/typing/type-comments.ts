// PEP 484 type comments, found and read for the type-comment rule: where each one sits
// (after an assignment, on a def's header line or the line after it, after one parameter of
// a multi-line signature, on a `for` / `with` header) and what it says. `# type: ignore` is a
// suppression, not a type comment, and is never returned.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';

export type TypeCommentPlace =
  | { kind: 'assignment'; statement: Node; assignment: Node }
  | { kind: 'signature'; definition: Node }
  | { kind: 'parameter'; definition: Node; parameter: Node }
  | { kind: 'loop'; statement: Node };

export interface TypeComment {
  comment: Node;
  /** The type text after `# type:`, without a trailing `# noqa`-style comment. */
  type: string;
  /** What follows the type in the same comment (`# noqa: E501`), to keep. */
  rest: string;
  place: TypeCommentPlace;
}

const COMMENT = /#\s*type:\s*([^#]*?)\s*(#.*)?$/;

export function typeComments(facts: SemanticFacts): TypeComment[] {
  const text = facts.text;
  const root = facts.tree.rootNode;
  const found: TypeComment[] = [];
  for (const match of text.matchAll(/#[ \t]*type:/g)) {
    const comment = root.descendantForIndex(match.index!, match.index! + 1);
    if (comment?.type !== 'comment' || comment.startIndex !== match.index) continue;
    const parts = COMMENT.exec(comment.text);
    if (!parts || !parts[1] || /^ignore\b/.test(parts[1])) continue;
    const place = placeOf(comment);
    if (place) found.push({ comment, type: parts[1], rest: parts[2] ?? '', place });
  }
  return found;
}

function placeOf(comment: Node): TypeCommentPlace | undefined {
  const row = comment.startPosition.row;
  const parent = comment.parent;
  if (parent?.type === 'parameters') {
    const definition = parent.parent;
    let previous = comment.previousNamedSibling;
    while (previous?.type === 'comment') previous = previous.previousNamedSibling;
    if (definition?.type === 'function_definition' && previous && previous.endPosition.row === row && previous.startPosition.row === row) {
      return { kind: 'parameter', definition, parameter: previous };
    }
    return undefined;
  }
  // After a statement on its line: tree-sitter makes the comment the statement's next sibling.
  const previous = comment.previousSibling;
  if (previous?.type === 'expression_statement' && previous.endPosition.row === row) {
    const assignment = previous.namedChildren[0];
    if (previous.namedChildCount === 1 && assignment?.type === 'assignment') return { kind: 'assignment', statement: previous, assignment };
    return undefined;
  }
  const owner = headerOwner(comment);
  if (!owner) return undefined;
  if (owner.type === 'function_definition') {
    const parameters = owner.childForFieldName('parameters');
    const headerRow = owner.childForFieldName('body')?.startPosition.row ?? row;
    // On the header line, or alone on the line right after it.
    if (parameters && (row === parametersEndRow(owner) || (row === parametersEndRow(owner) + 1 && row <= headerRow + 1))) return { kind: 'signature', definition: owner };
    return undefined;
  }
  return { kind: 'loop', statement: owner };
}

function parametersEndRow(definition: Node): number {
  const end = definition.childForFieldName('return_type') ?? definition.childForFieldName('parameters');
  return end?.endPosition.row ?? -1;
}

/**
 * The def / for / with whose header the comment ends, or whose body the comment starts
 * (before its first statement).
 */
function headerOwner(comment: Node): Node | undefined {
  let node: Node | null = comment.parent;
  if (node?.type === 'block') {
    const first = node.namedChildren.find((c) => !!c && c.type !== 'comment');
    if (first && first.startIndex < comment.startIndex) return undefined;
    node = node.parent;
  }
  if (!node || !['function_definition', 'for_statement', 'with_statement'].includes(node.type)) return undefined;
  const body = node.childForFieldName('body');
  if (!body || comment.startIndex > (body.namedChildren.find((c) => !!c && c.type !== 'comment')?.startIndex ?? body.endIndex)) return undefined;
  // A `for` / `with` comment counts on the header line only.
  if (node.type !== 'function_definition') {
    const header = node.type === 'for_statement' ? node.childForFieldName('right') : node.namedChildren.find((c) => c?.type === 'with_clause');
    if (!header || header.endPosition.row !== comment.startPosition.row) return undefined;
  }
  return node;
}

/** `(int, *str) -> bool` → the argument types and the return type; undefined when malformed. */
export function parseSignature(type: string): { args: string[] | 'any'; returns: string } | undefined {
  if (!type.startsWith('(')) return undefined;
  let depth = 0;
  let close = -1;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) return undefined;
  const arrow = /^\s*->\s*(.+)$/.exec(type.slice(close + 1));
  if (!arrow) return undefined;
  const inner = type.slice(1, close).trim();
  const returns = arrow[1].trim();
  if (inner === '...') return { args: 'any', returns };
  return { args: inner ? splitTopLevel(inner) : [], returns };
}

/** Splits at commas outside brackets and quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}
