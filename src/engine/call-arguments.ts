// Reading a call's argument list: its arguments, a keyword argument by name, whether a
// splat may hide more; and the edit that removes one argument with its comma. Shared by the families' checks and fixes.
import type { Node } from 'web-tree-sitter';
import type { TextEdit } from './types';

/** The arguments written in an argument list (comments left out). */
export function argumentNodes(args: Node): Node[] {
  return args.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
}

/** The whole `name=value` argument, if given. */
export function keywordArgument(args: Node, name: string): Node | undefined {
  return argumentNodes(args).find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
}

/** The value of `name=` in an argument list. */
export function keywordValue(args: Node, name: string): Node | undefined {
  return keywordArgument(args, name)?.childForFieldName('value') ?? undefined;
}

/** `*args` or `**kwargs` in the call: any argument may be in it. */
export function hasSplat(args: Node): boolean {
  return argumentNodes(args).some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat');
}

/** The edit that deletes one argument of a call, with the comma that goes with it. */
export function removeArgument(args: Node, argument: Node): TextEdit {
  const items = args.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  const index = items.findIndex((c) => c.equals(argument));
  if (index > 0) return { start: items[index - 1].endIndex, end: argument.endIndex, newText: '' };
  if (index === 0 && items.length > 1) return { start: argument.startIndex, end: items[1].startIndex, newText: '' };
  // The only argument: take a trailing comma along.
  let end = argument.endIndex;
  const next = argument.nextSibling;
  if (next && next.type === ',') end = next.endIndex;
  return { start: argument.startIndex, end, newText: '' };
}

/** A call's positional and keyword arguments, or undefined with a `*args` / `**kwargs` (their count is unknown). */
export function splitArguments(args: Node): { positional: Node[]; keywords: Map<string, Node> } | undefined {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  for (const child of args.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'list_splat' || child.type === 'dictionary_splat') return undefined;
    if (child.type === 'keyword_argument') keywords.set(child.childForFieldName('name')!.text, child.childForFieldName('value')!);
    else positional.push(child);
  }
  return { positional, keywords };
}
