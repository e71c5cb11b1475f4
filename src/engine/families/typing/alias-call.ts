// `X = TypeAliasType("X", value, type_params=(T,))` (typing 3.12 / typing_extensions) →
// `type X[T] = value`, for typealias-annotation. Both make a TypeAliasType named X, so uses
// of X stay valid; the differences are when and where things are evaluated, which is why the
// fix is unsafe:
// - the call evaluates `value` at once; the statement evaluates it on first access of
//   `X.__value__`, so a name rebound in between (or undefined at import time) gives another
//   value, or an error later instead of now;
// - `type_params` holds the module's TypeVar objects; the statement makes new ones, scoped
//   to the alias, with inferred variance: `X.__type_params__[0] is T` no longer holds.
// The value is kept as written (a quoted value stays quoted, so `__value__` is unchanged).
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { plainStringContent } from './legacy';
import { publicNames, typeParameter, typeVarTable } from './typevars';

export interface AliasCall {
  name: Node;
  /** The whole `X = TypeAliasType(...)` assignment. */
  assignment: Node;
  /** The `type` statement, when the call translates. */
  statement: string | undefined;
}

/** The `X = TypeAliasType("X", …)` around a use of TypeAliasType; undefined when it is another shape or the names differ. */
export function aliasCall(use: Node, context: CheckContext): AliasCall | undefined {
  const call = use.parent;
  const assignment = call?.parent;
  if (call?.type !== 'call' || !call.childForFieldName('function')?.equals(use) || assignment?.type !== 'assignment') return undefined;
  const name = assignment.childForFieldName('left');
  if (name?.type !== 'identifier' || assignment.childForFieldName('type') || !assignment.childForFieldName('right')?.equals(call)) return undefined;
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return undefined;
  const items = args.namedChildren.filter((c): c is Node => !!c);
  const positional = items.filter((i) => i.type !== 'keyword_argument' && i.type !== 'comment');
  const keywords = new Map(items.filter((i) => i.type === 'keyword_argument').map((k) => [k.childForFieldName('name')?.text ?? '', k.childForFieldName('value')!]));
  const nameArgument = positional[0] ?? keywords.get('name');
  // A different name string is what the statement cannot say (`_Json = TypeAliasType("Json", …)`).
  if (!nameArgument || plainStringContent(nameArgument) !== name.text) return undefined;
  const value = positional[1] ?? keywords.get('value');
  if (!value) return undefined;
  const statement = assignment.parent;
  const alone = statement?.type === 'expression_statement' && statement.namedChildCount === 1;
  const known = [...keywords.keys()].every((k) => k === 'name' || k === 'value' || k === 'type_params');
  // A comment right after `TypeAliasType(` moves to the end of the statement; others would be lost.
  const comments = items.filter((i) => i.type === 'comment');
  const carried = comments.length === 1 && comments[0].startPosition.row === assignment.startPosition.row ? comments[0] : undefined;
  const hasComments = (comments.length > 0 && !carried) || value.descendantsOfType('comment').length > 0;
  const splat = positional.some((p) => p.type === 'list_splat' || p.type === 'dictionary_splat');
  const ok = alone && known && !hasComments && !splat && positional.length <= 2 && context.isSound(assignment);
  const text = ok ? typeStatement(name, value, keywords.get('type_params'), assignment, context) : undefined;
  return { name, assignment, statement: text && carried ? `${text}  ${carried.text}` : text };
}

function typeStatement(name: Node, value: Node, typeParams: Node | undefined, assignment: Node, context: CheckContext): string | undefined {
  const facts = context.facts;
  const names: string[] = [];
  if (typeParams) {
    if (typeParams.type !== 'tuple' && typeParams.type !== 'parenthesized_expression') return undefined;
    for (const item of typeParams.namedChildren) {
      if (!item || item.type === 'comment') continue;
      const inner = item.type === 'list_splat' ? item.firstNamedChild : item;
      if (inner?.type !== 'identifier') return undefined;
      names.push(inner.text);
    }
  }
  const table = typeVarTable(facts, context.text);
  if (new Set(names).size !== names.length || names.some((n) => !table.has(n))) return undefined;
  // Module-level TypeVars: a type parameter list only where they are the module's.
  if (names.length && facts.scopeOf(assignment).kind !== 'module') return undefined;
  const renames = publicNames(names, value, [], table, facts, context.text);
  if (!renames) return undefined;
  const parameters = names.map((n) => typeParameter(table.get(n)!, renames.renamed.get(n)));
  if (parameters.some((p) => !p)) return undefined;
  let body = value.text;
  for (const edit of [...renames.edits].sort((a, b) => b.start - a.start)) {
    body = body.slice(0, edit.start - value.startIndex) + edit.newText + body.slice(edit.end - value.startIndex);
  }
  // A value over several lines was held together by the call's parentheses.
  if (/\n/.test(body)) body = `(${body})`;
  return `type ${name.text}${parameters.length ? `[${parameters.join(', ')}]` : ''} = ${body}`;
}
