// Where a name occurs in a file's text, and whether code only reads it: the cheap, text-first
// answers fixes need before they add or remove an import (is `Optional` free to bind here, is
// an imported name still used). Cached per analysis (one facts object per parse).
import type { Node } from 'web-tree-sitter';
import { parentOf } from './ancestors';
import type { SemanticFacts } from './facts';

const occurrences = new WeakMap<SemanticFacts, Map<string, number[]>>();

/** Offsets of `name` as a whole word, not after a dot, anywhere (code, strings, comments). */
export function wordOccurrences(facts: SemanticFacts, text: string, name: string): number[] {
  let known = occurrences.get(facts);
  if (!known) occurrences.set(facts, (known = new Map()));
  let offsets = known.get(name);
  if (!offsets) {
    offsets = [];
    const pattern = new RegExp(`(?<![\\w.\\u0080-\\uffff])${escapeRegExp(name)}(?![\\w\\u0080-\\uffff])`, 'g');
    for (const match of text.matchAll(pattern)) offsets.push(match.index!);
    known.set(name, offsets);
  }
  return offsets;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the offset lies inside the node. */
export function within(offset: number, node: Node): boolean {
  return offset >= node.startIndex && offset < node.endIndex;
}

const starImports = new WeakMap<SemanticFacts, boolean>();

export function hasStarImport(facts: SemanticFacts): boolean {
  let star = starImports.get(facts);
  if (star === undefined) starImports.set(facts, (star = /^\s*from\s+[\w.]+\s+import\s+\*/m.test(facts.text)));
  return star;
}

/** Parents under which an identifier only reads the name it spells. */
const READ_PARENTS = new Set([
  'call', 'argument_list', 'attribute', 'subscript', 'binary_operator', 'boolean_operator', 'comparison_operator',
  'not_operator', 'unary_operator', 'return_statement', 'expression_statement', 'parenthesized_expression', 'list', 'tuple',
  'set', 'dictionary', 'pair', 'conditional_expression', 'type', 'generic_type', 'type_parameter', 'union_type',
  'decorator', 'assert_statement', 'raise_statement', 'if_statement', 'elif_clause', 'while_statement', 'await',
  'yield', 'lambda', 'list_splat', 'dictionary_splat', 'slice', 'interpolation', 'format_expression', 'expression_list',
]);

const onlyReadCache = new WeakMap<SemanticFacts, Map<string, boolean>>();

/**
 * True when every occurrence of the name in code is a plain read (never assigned, imported,
 * defined, a parameter, a loop or `as` target…), and the file has no star import: then it is
 * free everywhere, without the file-wide binding analysis. False means "ask the scopes".
 */
export function onlyRead(facts: SemanticFacts, name: string, except?: Node | null): boolean {
  let known = onlyReadCache.get(facts);
  if (!known) onlyReadCache.set(facts, (known = new Map()));
  const key = except ? `${name}@${except.startIndex}` : name;
  let result = known.get(key);
  if (result === undefined) {
    result = !hasStarImport(facts) && bindingOccurrences(facts, name).every((o) => !!except && o.startIndex === except.startIndex);
    known.set(key, result);
  }
  return result;
}

const bindingCache = new WeakMap<SemanticFacts, Map<string, Node[]>>();

/**
 * The occurrences of a name in code that are not plain reads: assignments, parameters,
 * definitions, imports, loop and `as` targets, `global`, `del`… (anything not known to read).
 */
export function bindingOccurrences(facts: SemanticFacts, name: string): Node[] {
  let known = bindingCache.get(facts);
  if (!known) bindingCache.set(facts, (known = new Map()));
  let result = known.get(name);
  if (result) return result;
  result = [];
  const root = facts.tree.rootNode;
  for (const offset of wordOccurrences(facts, facts.text, name)) {
    const node = root.descendantForIndex(offset, offset + name.length);
    if (!node || node.type !== 'identifier' || node.startIndex !== offset) continue; // strings, comments
    if (!isPlainRead(node)) result.push(node);
  }
  known.set(name, result);
  return result;
}

/** The identifier reads its name (a conservative list: anything unknown counts as a binding). */
export function isPlainRead(node: Node): boolean {
  const parent = parentOf(node);
  if (!parent) return false;
  if (READ_PARENTS.has(parent.type)) return true;
  if (parent.type === 'assignment' || parent.type === 'augmented_assignment') return !parent.childForFieldName('left')?.equals(node);
  if (parent.type === 'keyword_argument') return !parent.childForFieldName('name')?.equals(node);
  if (parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') return !parent.childForFieldName('name')?.equals(node);
  if (parent.type === 'for_statement' || parent.type === 'for_in_clause') return !parent.childForFieldName('left')?.equals(node);
  return false;
}
