// Shared pieces of the code-execution rules (eval/exec, unpickling, YAML loaders, Jinja2
// autoescape, Markup): reading a call's arguments, and naming a module in a fix the way
// the file already imports it.
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import type { Scope } from '../../facts';
import { importedName } from '../../imports-edit';
import { oneLine as flattened } from '../../template';
import type { TextEdit } from '../../types';
export { keywordArgument } from '../../call-arguments';

export interface CallArguments {
  list: Node;
  positional: Node[];
  keywords: Map<string, Node>;
  /** `*args` or `**kwargs`: an argument the analysis cannot see may be there. */
  hasSplat: boolean;
}

export function callArguments(args: Node): CallArguments {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let hasSplat = false;
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) keywords.set(name, value);
    } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      hasSplat = true;
    } else {
      positional.push(arg);
    }
  }
  return { list: args, positional, keywords, hasSplat };
}

/**
 * How a fix writes `target` (`ast.literal_eval`, `jinja2.select_autoescape`) at `at`: through
 * a name the file already imports for it or its module, else through a new `import module`.
 */
export function referenceTo(context: CheckContext, at: Node, target: string): { name: string; edits: TextEdit[] } {
  const facts = context.facts;
  const imported = importedName(facts, at, target);
  if (imported) return { name: imported, edits: [] };
  const parts = target.split('.');
  const module = parts[0];
  const scope = facts.scopeOf(at);
  // A local variable of that name would capture the new import's name: no fix.
  if (facts.lookup(module, scope) === undefined && scopeBinds(context, at, module)) return { name: '', edits: [] };
  const reference = context.moduleReference(module);
  return { name: `${reference.name}${target.slice(module.length)}`, edits: reference.edit ? [reference.edit] : [] };
}

function scopeBinds(context: CheckContext, at: Node, name: string): boolean {
  for (let scope: Scope | undefined = context.facts.scopeOf(at); scope; scope = scope.parent) if (scope.bindings.has(name)) return true;
  return false;
}

/** Text on one line, shortened to 40 characters for this group's messages and fix titles. */
export function oneLine(text: string, max = 40): string {
  return flattened(text, max);
}

/** Markdown of a Python block, for hover suggestions. */
export function pythonBlock(code: string): string {
  return '```python\n' + code + '\n```';
}
