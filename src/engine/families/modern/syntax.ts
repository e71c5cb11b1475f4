// Shared by the modern family's syntax rewrites (useless-object-inheritance, super-with-arguments,
// unicode-string-prefix, native-literal-call, redundant-encode-utf8, …): string literal parts and
// prefixes, comments inside a range, and the method a node sits in.
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { hasStarImport, wordOccurrences } from '../../name-occurrences';
import { visibleScopes } from '../../scope-tree';

/** The `string` parts of a literal: itself, or each piece of an implicit concatenation. */
export function stringParts(node: Node): Node[] {
  if (node.type === 'string') return [node];
  if (node.type === 'concatenated_string') return node.namedChildren.filter((c): c is Node => c?.type === 'string');
  return [];
}

/** The prefix letters of one string part (`u`, `rb`, `f`, ``), as written. */
export function stringPrefix(part: Node): string {
  const start = part.firstChild;
  const text = start?.type === 'string_start' ? start.text : part.text;
  return /^[A-Za-z]*/.exec(text)?.[0] ?? '';
}

/** True for an f-string or t-string part (an interpolation may run code). */
export function isTemplatePart(part: Node): boolean {
  return /[ft]/i.test(stringPrefix(part));
}

/** The node without the parentheses around it (`(("a"))` → `"a"`). */
export function unparenthesized(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = current.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (inner.length !== 1) return current;
    current = inner[0];
  }
  return current;
}

/** True when a comment lies within [start, end). */
export function hasCommentIn(context: CheckContext, start: number, end: number): boolean {
  return context.facts.comments.some((c) => c.startIndex >= start && c.startIndex < end);
}

/**
 * Names that, under a star import, still mean the builtin when the file binds them nowhere
 * (Ruff's view). `object` and `super` no module hands out; an `open` a star import could
 * bring (`os.open`, `gzip.open`, a compat module's `io.open`) either reads text by default
 * too or rejects a mode string anyway. Not `str`/`int` (`from past.builtins import *`).
 */
const STAR_PROOF = new Set(['object', 'super', 'open']);

/** True when the name resolves to the builtin of that name (not a local look-alike). */
export function isBuiltin(context: CheckContext, node: Node, name: string): boolean {
  const facts = context.facts;
  if (facts.resolve(node) === `builtins.${name}`) return true;
  if (!STAR_PROOF.has(name) || node.text !== name || !hasStarImport(facts)) return false;
  // resolve() above has collected the bindings the scopes hold.
  return !visibleScopes(facts.scopeOf(node)).some((scope) => scope.bindings.has(name) || scope.imports.has(name));
}

/** Scopes a zero-argument `super()` or a loop rewrite cannot see through. */
const SCOPE_KINDS = new Set(['function_definition', 'lambda', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'class_definition']);

/** The nearest def, lambda, comprehension or class around the node. */
export function enclosingScopeNode(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (SCOPE_KINDS.has(current.type)) return current;
  }
  return null;
}

/** True for `async def` (the `async` keyword is the def's first child). */
export function isAsyncDef(definition: Node): boolean {
  return definition.firstChild?.type === 'async';
}

/** Shortens text for a message: the first line, at most `max` characters. */
export function brief(text: string, max = 40): string {
  const line = text.split(/\r?\n/)[0];
  return line.length > max || line !== text ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Identifiers spelling `name` in code within [start, end) (not in strings or comments, not
 * an attribute after a dot, not a keyword argument's name), outside the `except` nodes.
 */
export function identifiersNamed(context: CheckContext, name: string, start: number, end: number, except: readonly Node[]): Node[] {
  const root = context.tree.rootNode;
  const found: Node[] = [];
  for (const offset of wordOccurrences(context.facts, context.text, name)) {
    if (offset < start || offset >= end || except.some((n) => offset >= n.startIndex && offset < n.endIndex)) continue;
    const node = root.descendantForIndex(offset, offset + name.length);
    if (node?.type !== 'identifier' || node.startIndex !== offset) continue;
    const parent = node.parent;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(node)) continue;
    found.push(node);
  }
  return found;
}
