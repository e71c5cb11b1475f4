// Call-site helpers the process and SQL rules share: the arguments of a call by position
// and keyword, the edit that drops one keyword, a module reference that reuses the file's
// import (adding one when missing), and hover formatting.
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { importedName } from '../../imports-edit';
import type { TextEdit } from '../../types';
export { oneLine, pythonBlock } from '../../template';

export interface CallArguments {
  list: Node | null;
  positional: Node[];
  /** `keyword_argument` nodes by keyword name. */
  keywords: Map<string, Node>;
  /** `*args` / `**kwargs`: the call may pass anything. */
  splat: boolean;
  /** A comment among the arguments: rewrites would have to keep it. */
  comment: boolean;
}

export function callArguments(call: Node): CallArguments {
  const list = call.childForFieldName('arguments');
  const result: CallArguments = { list, positional: [], keywords: new Map(), splat: false, comment: false };
  if (!list || list.type !== 'argument_list') return { ...result, splat: true };
  for (const argument of list.namedChildren) {
    if (!argument) continue;
    if (argument.type === 'comment') result.comment = true;
    else if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') result.splat = true;
    else if (argument.type === 'keyword_argument') result.keywords.set(argument.childForFieldName('name')?.text ?? '', argument);
    else result.positional.push(argument);
  }
  return result;
}

export function keywordValue(args: CallArguments, name: string): Node | null | undefined {
  return args.keywords.get(name)?.childForFieldName('value');
}

/**
 * The name to write for `module.attr` at a node, with the import edit it needs: `run`
 * after `from subprocess import run`, `sp.run` after `import subprocess as sp`, else
 * `subprocess.run` plus `import subprocess`.
 */
export function referenceTo(context: CheckContext, at: Node, target: string): { name: string; edits: TextEdit[] } {
  const facts = context.facts;
  const imported = importedName(facts, at, target);
  if (imported) return { name: imported, edits: [] };
  const parts = target.split('.');
  const reference = context.moduleReference(parts[0]);
  return { name: [reference.name, ...parts.slice(1)].join('.'), edits: reference.edit ? [reference.edit] : [] };
}

