// Exception classes kept under old names (os-error-alias, timeout-error-alias): where the
// alias is caught, raised or called (Ruff's UP024/UP041 scope: `except IOError`, `raise
// socket.error(...)`, `IOError(msg)`), it becomes the builtin; an `except (A, B)` tuple is
// rewritten once, dropping aliases and duplicates, and a tuple left with one class loses its
// parentheses. Other reads (`isinstance(e, IOError)`, a base class) are left alone, as Ruff does.
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
    if (isExistenceProbe(use.node) || !isCaughtRaisedOrCalled(use.node)) continue;
    const tuple = classTuple(context.facts, use.node);
    if (tuple && !isExceptType(tuple)) continue;
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

/** The alias is an `except` clause's class (alone or in its tuple), raised, or called. */
function isCaughtRaisedOrCalled(node: Node): boolean {
  let current = node;
  while (current.parent && (current.parent.type === 'parenthesized_expression' || current.parent.type === 'tuple')) current = current.parent;
  const parent = current.parent;
  if (!parent) return false;
  if (isExceptType(current)) return true;
  if (parent.type === 'raise_statement') return !parent.childForFieldName('cause')?.equals(current);
  if (parent.type === 'call' && parent.childForFieldName('function')?.equals(current)) {
    const grand = parent.parent;
    return current === node || grand?.type === 'raise_statement';
  }
  return false;
}

/** The node is the class part of an `except` clause (`except X:`, `except (X, Y) as e:`). */
function isExceptType(node: Node): boolean {
  let current = node;
  while (current.parent?.type === 'parenthesized_expression') current = current.parent;
  const parent = current.parent;
  if (parent?.type === 'as_pattern') return isExceptType(parent);
  if (parent?.type !== 'except_clause' && parent?.type !== 'except_group_clause') return false;
  return current.type !== 'block' && !parent.childForFieldName('alias')?.equals(current);
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
