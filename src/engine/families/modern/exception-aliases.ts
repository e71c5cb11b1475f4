// Exception classes kept under old names (os-error-alias, timeout-error-alias): each use of
// an alias becomes the builtin; an `except (A, B)` or `isinstance(x, (A, B))` tuple is
// rewritten once, dropping aliases and duplicates, and a tuple left with one class loses its
// parentheses (Ruff's UP024/UP041, which leave `isinstance` alone).
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { aliasUses, classTuple, editedLines, isUnboundName, outsideParentheses, paddedEdit, qualifiedName, safeFix } from './names';

export interface ExceptionAliases {
  /** The builtin the aliases are (`OSError`). */
  modern: string;
  /** The aliases' last names, to find candidates in the text (`IOError`, `error`). */
  words: readonly string[];
  /** The qualified names that are aliases at the target (`builtins.IOError`, `socket.error`). */
  aliases: ReadonlySet<string>;
  peer: string;
}

export function reportExceptionAliases(context: CheckContext, spec: ExceptionAliases): void {
  const uses = aliasUses(context, spec.words, spec.aliases);
  if (!uses.length) return;
  const tuples = new Map<number, { tuple: Node; names: string[] }>();
  for (const use of uses) {
    if (isExistenceProbe(use.node)) continue;
    const tuple = classTuple(context.facts, use.node);
    if (tuple) {
      const entry = tuples.get(tuple.startIndex) ?? { tuple, names: [] };
      if (!entry.names.includes(use.node.text)) entry.names.push(use.node.text);
      tuples.set(tuple.startIndex, entry);
      continue;
    }
    reportOne(context, spec, use.node);
  }
  for (const { tuple, names } of tuples.values()) reportTuple(context, spec, tuple, names);
}

function reportOne(context: CheckContext, spec: ExceptionAliases, node: Node): void {
  const edit = paddedEdit(context.text, node.startIndex, node.endIndex, spec.modern);
  const free = isUnboundName(context.facts, spec.modern, node);
  context.report({
    node,
    data: { detail: `\`${node.text}\` is an alias of \`${spec.modern}\`` },
    fixes: free ? [safeFix(`Replace \`${node.text}\` with \`${spec.modern}\``, [edit])] : [],
    suggestion: editedLines(context.text, edit),
    peer: spec.peer,
  });
}

function reportTuple(context: CheckContext, spec: ExceptionAliases, tuple: Node, names: string[]): void {
  const elements = tuple.namedChildren.filter((child): child is Node => !!child);
  const hasComment = elements.some((element) => element.type === 'comment');
  const kept: string[] = [];
  let hasModern = false;
  for (const element of elements) {
    const inner = innermost(element);
    const name = qualifiedName(context.facts, inner);
    if (name && spec.aliases.has(name)) continue;
    if (name === `builtins.${spec.modern}`) {
      if (hasModern) continue;
      hasModern = true;
    }
    kept.push(element.text);
  }
  if (!hasModern) kept.unshift(spec.modern);
  const replacement = kept.length === 1 ? kept[0] : `(${kept.join(', ')})`;
  const target = outsideParentheses(tuple);
  const edit = paddedEdit(context.text, target.startIndex, target.endIndex, replacement);
  const free = isUnboundName(context.facts, spec.modern, tuple);
  const listed = names.map((name) => `\`${name}\``);
  const detail = listed.length === 1 ? `${listed[0]} is an alias of \`${spec.modern}\`` : `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]} are aliases of \`${spec.modern}\``;
  context.report({
    node: tuple,
    data: { detail },
    fixes: free && !hasComment ? [safeFix(`Replace ${listed.join(', ')} with \`${spec.modern}\``, [edit])] : [],
    suggestion: editedLines(context.text, edit),
    peer: spec.peer,
  });
}

function innermost(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.firstNamedChild) current = current.firstNamedChild;
  return current;
}

/**
 * The name is probed, not used: `try: WindowsError` / `except NameError:` tells whether the
 * platform has it (the rewrite would always find `OSError`). Any use in the body of a `try`
 * that catches NameError or AttributeError is left alone.
 */
function isExistenceProbe(node: Node): boolean {
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'except_clause' || parent.type === 'except_group_clause') return false;
    if (parent.type !== 'try_statement' || !parent.childForFieldName('body')?.equals(child)) continue;
    const handlers = parent.namedChildren.filter((c) => c?.type === 'except_clause' || c?.type === 'except_group_clause');
    if (handlers.some((handler) => /\b(NameError|AttributeError)\b/.test(handler!.childForFieldName('value')?.text ?? ''))) return true;
  }
  return false;
}
