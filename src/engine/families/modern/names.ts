// Old names of standard-library objects: exception aliases that are one class with a modern
// builtin (`IOError is OSError`, `socket.timeout is TimeoutError`), found wherever code names
// them and resolved through imports, so a file's own `IOError` or `error` stays silent.
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import type { Scope, SemanticFacts } from '../../facts';
import { escapeRegExp, hasStarImport } from '../../name-occurrences';
import { visibleScopes } from '../../scope-tree';
import type { Fix, TextEdit } from '../../types';

/** What an expression names: `socket.error` through imports, `IOError` as the builtin when nothing binds it. */
export function qualifiedName(facts: SemanticFacts, node: Node): string | undefined {
  if (node.type === 'attribute') return facts.resolve(node);
  if (node.type !== 'identifier') return undefined;
  const scope = facts.scopeOf(node);
  const known = facts.lookup(node.text, scope); // also collects the scopes' bindings
  if (importedLater(scope, node.text, node) && !hasStarImport(facts)) return `builtins.${node.text}`;
  if (known !== undefined) return known;
  return facts.resolve(node) ?? (isUnboundName(facts, node.text, node) ? `builtins.${node.text}` : undefined);
}

/** True when no scope `at` sees binds or imports `name` (then it means the builtin there). */
export function isUnboundName(facts: SemanticFacts, name: string, at: Node): boolean {
  const scope = facts.scopeOf(at);
  const known = facts.lookup(name, scope);
  if (hasStarImport(facts) || new RegExp(`^\\s*(global|nonlocal)\\b[^\\n]*\\b${escapeRegExp(name)}\\b`, 'm').test(facts.text)) return false;
  if (importedLater(scope, name, at)) return true;
  if (known !== undefined) return known === `builtins.${name}`;
  return visibleScopes(scope).every((visible) => !visible.bindings.has(name) && !visible.imports.has(name));
}

/**
 * Module-level code above the file's only imports of `name` still sees the builtin
 * (`io.open(…)` before a later `from io import open`), as Ruff's binding-at-this-point does.
 */
function importedLater(scope: Scope, name: string, at: Node): boolean {
  const imports = scope.imports.get(name);
  return scope.kind === 'module' && !scope.bindings.has(name) && !!imports?.length && imports.every((binding) => binding.node.startIndex > at.endIndex);
}

/** Parents under which a name or attribute is written, deleted or declared rather than read. */
const STORE_PARENTS = new Set([
  'pattern_list', 'tuple_pattern', 'list_pattern', 'global_statement', 'nonlocal_statement', 'delete_statement',
  'as_pattern_target', 'dotted_name', 'aliased_import', 'import_statement', 'import_from_statement', 'parameters',
  'function_definition', 'class_definition', 'class_pattern', 'case_pattern', 'keyword_pattern',
]);

function isRead(expression: Node): boolean {
  const parent = expression.parent;
  if (!parent || STORE_PARENTS.has(parent.type)) return false;
  if (parent.type === 'assignment' || parent.type === 'augmented_assignment') return !parent.childForFieldName('left')?.equals(expression);
  if (parent.type === 'keyword_argument') return !parent.childForFieldName('name')?.equals(expression);
  if (parent.type === 'for_statement' || parent.type === 'for_in_clause') return !parent.childForFieldName('left')?.equals(expression);
  if (parent.type === 'named_expression') return !parent.childForFieldName('name')?.equals(expression);
  return true;
}

/** The expression an identifier ends: `socket.error` for its `error`, else the identifier. */
function expressionEnding(identifier: Node): Node {
  const parent = identifier.parent;
  return parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(identifier) ? parent : identifier;
}

/** The read expressions whose last name is one of `words` and that name one of `aliases`. */
export function aliasUses(context: CheckContext, words: readonly string[], aliases: ReadonlySet<string>): { node: Node; name: string }[] {
  const uses: { node: Node; name: string }[] = [];
  const root = context.tree.rootNode;
  // Also the local names of imports that bind an alias (`from socket import timeout as Slow`).
  const locals = context.facts.imports.filter((binding) => aliases.has(binding.qualified)).map((binding) => binding.local);
  const pattern = new RegExp(`\\b(?:${[...new Set([...words, ...locals])].map(escapeRegExp).join('|')})\\b`, 'g');
  for (const match of context.text.matchAll(pattern)) {
    const identifier = root.descendantForIndex(match.index!, match.index! + match[0].length);
    if (identifier?.type !== 'identifier' || identifier.startIndex !== match.index) continue;
    const node = expressionEnding(identifier);
    if (!isRead(node) || !context.isSound(node)) continue;
    const name = qualifiedName(context.facts, node);
    if (name && aliases.has(name)) uses.push({ node, name });
  }
  return uses;
}

/** Climbs out of parentheses: `((x))` → the outermost parenthesized expression. */
export function outsideParentheses(node: Node): Node {
  let current = node;
  while (current.parent?.type === 'parenthesized_expression') current = current.parent;
  return current;
}

/**
 * The tuple of classes the expression is an element of, where a tuple means "any of these":
 * `except (A, B):` and the second argument of `isinstance` / `issubclass`.
 */
export function classTuple(facts: SemanticFacts, expression: Node): Node | undefined {
  const element = outsideParentheses(expression);
  const tuple = element.parent;
  if (tuple?.type !== 'tuple') return undefined;
  const whole = outsideParentheses(tuple);
  return isHandlerType(whole) || isClassCheckArgument(facts, whole) ? tuple : undefined;
}

function isClassCheckArgument(facts: SemanticFacts, node: Node): boolean {
  const args = node.parent;
  const call = args?.parent;
  if (args?.type !== 'argument_list' || call?.type !== 'call') return false;
  const callee = call.childForFieldName('function');
  const name = callee && facts.resolve(callee);
  return (name === 'builtins.isinstance' || name === 'builtins.issubclass') && args.namedChildren[1]?.equals(node) === true;
}

/** The expression is what an `except` clause catches (also before `as name`). */
export function isHandlerType(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === 'as_pattern') return parent.firstNamedChild?.equals(node) === true && isHandlerClause(parent.parent);
  return isHandlerClause(parent) && parent!.childForFieldName('value')?.equals(node) === true;
}

function isHandlerClause(node: Node | null): boolean {
  return node?.type === 'except_clause' || node?.type === 'except_group_clause';
}

/** An edit replacing a range with `newText`, with a space where the text would touch a word. */
export function paddedEdit(text: string, start: number, end: number, newText: string): TextEdit {
  const before = start > 0 && /\w/.test(text[start - 1]) ? ' ' : '';
  const after = end < text.length && /\w/.test(text[end]) ? ' ' : '';
  return { start, end, newText: `${before}${newText}${after}` };
}

/** The lines an edit touches, with the edit applied: the hover's "after" snippet. */
export function editedLines(text: string, edit: TextEdit): string {
  const lineStart = text.lastIndexOf('\n', edit.start - 1) + 1;
  const next = text.indexOf('\n', edit.end);
  const lineEnd = next < 0 ? text.length : next;
  const line = text.slice(lineStart, edit.start) + edit.newText + text.slice(edit.end, lineEnd);
  return `\`\`\`python\n${line.trim()}\n\`\`\`\n`;
}

export function safeFix(title: string, edits: TextEdit[]): Fix {
  return { title, safety: 'safe', edits };
}

/** A node's text with edits inside it applied (the edits do not overlap). */
export function textWithEdits(text: string, node: Node, edits: TextEdit[]): string {
  let result = '';
  let at = node.startIndex;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at, node.endIndex);
}
