// Reading a call's argument list: its arguments, a keyword argument by name, whether a
// splat may hide more. Shared by the families' checks and fixes.
import type { Node } from 'web-tree-sitter';

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
