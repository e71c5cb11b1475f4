// Shared by the legacy-typing rules (typing-generic-alias, typing-optional, typing-union,
// typing-text, …): the typing names a file uses, the findings on imports those rewrites leave
// unused, and the edit that drops an import with its last use.
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { isFunctionAtRuntime } from '../../runtime-annotations';
import type { ImportBinding, Scope, SemanticFacts } from '../../facts';
import type { Fix, TextEdit } from '../../types';
import { ensureBindings, genericWithHead, syntaxAt, typingUses, type GenericView, type SyntaxAt, type TypingUse } from './annotations';
import { ImportPlan, localName, nameNodes } from './imports';
import { forEachQuotedUse } from './string-types';

/** A type in quoted content whose head is typing's NamedTuple / TypedDict / NewType or a def of the file: a function at runtime. */
function namesFunctionInQuotes(node: Node, facts: SemanticFacts, scope: Scope): boolean {
  const head = node.type === 'subscript' ? node.childForFieldName('value') : node;
  if (head?.type !== 'identifier') return head?.type === 'attribute' && /NamedTuple|TypedDict|NewType/.test(head.text);
  const qualified = facts.lookup(head.text, scope);
  if (qualified) return /^typing(?:_extensions)?\.(?:NamedTuple|TypedDict|NewType)$/.test(qualified);
  const definitions = facts.moduleDefinitions(head.text);
  return definitions.some((d) => d.type === 'function_definition');
}

/** Uses of the given typing members, in document order. */
export function usesOf(context: CheckContext, members: ReadonlySet<string>): TypingUse[] {
  return typingUses(context.facts, context.text).filter((use) => members.has(use.member));
}

/**
 * The fix for one use: the replacement, plus removing the use's from-import when this was
 * its last use (the name left in code, strings or comments keeps it).
 */
export function useFix(context: CheckContext, title: string, safe: boolean, edit: TextEdit, use: Pick<TypingUse, 'binding'>, plan = new ImportPlan(context.facts, context.text)): Fix | undefined {
  if (use.binding && plan.isUnusedExcept(use.binding, [edit])) plan.remove(use.binding);
  const imports = plan.edits();
  if (!imports) return undefined;
  return { title, safety: safe ? 'safe' : 'unsafe', edits: [edit, ...imports] };
}

/** From-imports of these typing members that nothing in the file uses any more. */
export function unusedImports(context: CheckContext, members: ReadonlySet<string>): { binding: ImportBinding; node: Node; member: string }[] {
  const result: { binding: ImportBinding; node: Node; member: string }[] = [];
  const plan = new ImportPlan(context.facts, context.text);
  for (const binding of context.facts.imports) {
    const match = /^(?:typing|typing_extensions)\.(\w+)$/.exec(binding.qualified);
    if (binding.isModule || !match || !members.has(match[1])) continue;
    if (binding.scope.kind !== 'module' || !plan.isUnusedExcept(binding, [])) continue;
    const node = nameNodes(binding.node).find((n) => localName(n) === binding.local);
    if (node && context.isSound(node)) result.push({ binding, node, member: match[1] });
  }
  return result;
}

/**
 * True when nothing in the file uses the import and its line does not mark it as a
 * re-export (`# noqa: F401`, `# noqa`): such an import is Ruff's F401, not a deprecation to
 * report (typing-abc-import and typing-extensions-import stay silent on it).
 */
export function isUnusedImport(context: CheckContext, binding: ImportBinding): boolean {
  const statement = binding.node;
  const marked = context.facts.comments.some((c) => c.startIndex >= statement.startIndex && c.startPosition.row <= statement.endPosition.row && /#\s*noqa\b/i.test(c.text) && c.startPosition.row >= statement.startPosition.row);
  return !marked && new ImportPlan(context.facts, context.text).isUnusedExcept(binding, []);
}

/** How the unused-import findings read (the `{{verdict}}` of the legacy-typing rules' messages). */
export const UNUSED_VERDICT = 'is imported but never used';

/**
 * Reports the from-imports of these members that nothing uses (typically left over once
 * their uses were rewritten, which fix-all relies on to clean up): once per name, as unused,
 * with the peer F401 (Ruff's unused import; its `# noqa: F401` silences it) and the removal.
 */
export function reportUnusedImports(context: CheckContext, members: ReadonlySet<string>, data: (binding: ImportBinding) => Record<string, string>): void {
  for (const unused of unusedImports(context, members)) {
    report(context, { node: unused.node, data: { ...data(unused.binding), verdict: UNUSED_VERDICT }, fixes: removalFix(context, unused.binding), peer: 'F401' });
  }
}

/** The fix that removes an unused import. */
export function removalFix(context: CheckContext, binding: ImportBinding): Fix[] {
  const plan = new ImportPlan(context.facts, context.text);
  plan.remove(binding);
  const edits = plan.edits();
  return edits?.length ? [{ title: `Remove the unused import of \`${binding.local}\``, safety: 'safe', edits }] : [];
}

/** A plain string literal's content, when unquoting it is a pure textual change. */
export function plainStringContent(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const children = node.children.filter((c): c is Node => !!c);
  if (children.length !== 3 || children[1].type !== 'string_content') return undefined;
  const start = children[0].text;
  if (start !== '"' && start !== "'") return undefined; // prefixes, triple quotes
  const content = children[1].text;
  if (/["'\\\n\r]/.test(content) || !content.trim() || content.trim() !== content) return undefined;
  return content;
}

/** Node types that stay one operand when written between `|` (no parentheses needed). */
const OPERAND_TYPES = new Set(['identifier', 'attribute', 'subscript', 'generic_type', 'none', 'member_type', 'string']);

/** An operand of `A | B`: `|` unions are fine too (the operator is associative for types). */
function isOperand(node: Node): boolean {
  if (OPERAND_TYPES.has(node.type)) return true;
  return node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '|';
}

/** An operand naming a module-level alias whose value is a string (`Alias: TypeAlias = "A | B"`). */
export function hasStringAlias(node: Node, facts: SemanticFacts): boolean {
  if (node.type === 'binary_operator') return hasStringAlias(node.childForFieldName('left')!, facts) || hasStringAlias(node.childForFieldName('right')!, facts);
  return node.type === 'identifier' && isStringAlias(node.text, facts);
}

/** A module-level name assigned a string: a forward-reference alias, which `|` cannot take. */
export function isStringAlias(name: string, facts: SemanticFacts): boolean {
  ensureBindings(facts);
  const values = facts.moduleScope.assignments.get(name) ?? [];
  return values.some((v) => v.value.type === 'string' || v.value.type === 'concatenated_string');
}

/** True when a string is among the operands of a `|` chain (a forward reference). */
function hasStringOperand(node: Node): boolean {
  if (node.type === 'string' || node.type === 'concatenated_string') return true;
  if (node.type === 'binary_operator') return hasStringOperand(node.childForFieldName('left')!) || hasStringOperand(node.childForFieldName('right')!);
  return false;
}

/**
 * `A | B | …` for the members of a Union / Optional. With a forward reference (`"Foo"`)
 * among them, `"Foo" | None` would fail at runtime, so the union becomes one forward
 * reference (`"Foo | None"`) where a string means a type: in annotations and in the
 * arguments of a subscript. Elsewhere (`Alias = Optional["Foo"]`) undefined. Where nothing
 * evaluates the annotation (`unquote`), simple forward references lose their quotes:
 * `Foo | None`.
 */
export function joinUnion(members: readonly Node[], mayQuote: boolean, facts?: SemanticFacts, unquote = false): string | undefined {
  if (!members.length || !members.every(isOperand)) return undefined;
  // `Alias | None` where `Alias = "Foo | Bar"` raises at runtime, even quoted for get_type_hints.
  if (facts && members.some((m) => hasStringAlias(m, facts))) return undefined;
  if (!members.some(hasStringOperand)) return members.map((m) => m.text).join(' | ');
  if (!mayQuote) return undefined;
  const parts: string[] = [];
  for (const member of members) {
    if (member.type === 'string') {
      const content = plainStringContent(member);
      if (content === undefined) return undefined;
      parts.push(content);
    } else if (hasStringOperand(member) || /["'\n\\]/.test(member.text)) {
      return undefined;
    } else parts.push(member.text);
  }
  // Only names, dotted names and subscripts: other text could bind differently next to `|`.
  const simple = members.every((m) => m.type !== 'string' || /^[\w.[\],|]+$/.test(plainStringContent(m)!.replace(/\s*([[\],|])\s*/g, '$1')));
  return unquote && simple ? parts.join(' | ') : `"${parts.join(' | ')}"`;
}

/** Code for a one-line message: whitespace runs folded, long text cut. */
export function short(text: string, max = 60): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The node is an argument of a subscript (`List[Optional["Foo"]]`), where a string is a forward reference. */
export function isTypeArgument(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'subscript') return !parent.childForFieldName('value')?.equals(node);
  return parent.type === 'type' && parent.parent?.type === 'type_parameter';
}

/**
 * Reports a finding with the modern form for hovers: the code of its first fix (`Add
 * \`-> None\`` → `-> None`), none for removals of unused imports.
 */
export function report(context: CheckContext, finding: Parameters<CheckContext['report']>[0]): void {
  const title = finding.fixes?.[0]?.title;
  const code = title && !title.startsWith('Remove the unused') ? /`([^`]+)`/.exec(title)?.[1] : undefined;
  context.report(code && !finding.suggestion ? { ...finding, suggestion: `\`${code}\`` } : finding);
}

/**
 * The PEP 604 rewrites (typing-optional, typing-union): each `Member[...]` that `spell`
 * gives a `|` form is reported with its fix — safe in annotations the target evaluates
 * natively, unsafe in code that runs and on the future-import path — then, where the file
 * may write `|` at all, the members' imports left unused. `spell` gets whether a string may
 * stand for a type there (annotations, subscript arguments); undefined means no modern form.
 */
export function reportUnionRewrites(
  context: CheckContext,
  members: ReadonlySet<string>,
  /** The peer code of a rewritten use (UP007, UP045); an import left unused has none. */
  usePeer: string,
  spell: (view: GenericView, mayQuote: boolean, syntax: SyntaxAt) => string | undefined,
): void {
  const facts = context.facts;
  for (const use of usesOf(context, members)) {
    const view = genericWithHead(use.node);
    if (!view || !context.isSound(view.node)) continue;
    const syntax = syntaxAt(view.node, facts);
    if (!syntax.pep604) continue;
    // `NamedTuple | None` raises TypeError where it is evaluated: typing's NamedTuple is a function.
    if (view.args.some((arg) => isFunctionAtRuntime(arg, facts))) continue;
    const text = spell(view, !!syntax.annotation || isTypeArgument(view.node), syntax);
    // No modern spelling (a forward reference in code that runs): nothing to report.
    if (!text) continue;
    const safe = !!syntax.annotation && !syntax.deferred604;
    const fix = useFix(context, `Replace with \`${short(text)}\``, safe, { start: view.node.startIndex, end: view.node.endIndex, newText: text }, use);
    report(context, { node: view.node, data: { old: short(view.node.text), verdict: `can be written \`${short(text)}\`` }, fixes: fix ? [fix] : [], peer: usePeer });
  }
  forEachQuotedUse(facts, members, (use) => {
    const view = genericWithHead(use.node);
    const syntax = syntaxAt(use.string, facts);
    if (!view || !syntax.pep604 || !context.isSound(use.string)) return;
    // Inside quotes a forward reference cannot be re-quoted, nor `NamedTuple | None` evaluated by get_type_hints.
    const scope = facts.scopeOf(use.string);
    if (view.args.some((arg) => namesFunctionInQuotes(arg, facts, scope))) return;
    const text = spell(view, false, syntax);
    if (!text) return;
    const start = view.node.startIndex + use.shift;
    const edit = { start, end: view.node.endIndex + use.shift, newText: text };
    const fix = useFix(context, `Replace with \`${short(text)}\``, !!syntax.annotation && !syntax.deferred604, edit, use);
    report(context, { node: use.string, range: { start, end: edit.end }, data: { old: short(view.node.text), verdict: `can be written \`${short(text)}\`` }, fixes: fix ? [fix] : [], peer: usePeer });
  });
  if (!facts.hasFutureImport('annotations') && !syntaxAt(facts.tree.rootNode, facts).pep604) return;
  reportUnusedImports(context, members, (binding) => ({ old: binding.local }));
}
