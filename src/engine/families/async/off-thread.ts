// The fixes that move a blocking call off the event loop (a worker thread), and the helpers
// every async fix and hover shares: references that add their import, `await` placement.
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { importedName } from '../../imports-edit';
import { innerText, oneLine } from '../../template';
import type { Fix, TextEdit } from '../../types';
import { argumentsOf, asyncLibraryOf, type CallSite } from './call-sites';
export { oneLine, pythonBlock } from '../../template';

/**
 * The name to write for a qualified target from a node's scope, with the import edit it
 * needs: `to_thread` after `from asyncio import to_thread`, `aio.to_thread` after
 * `import asyncio as aio`, else `asyncio.to_thread` plus `import asyncio`.
 */
export function referenceTo(context: CheckContext, at: Node, target: string): { name: string; edits: TextEdit[] } {
  const facts = context.facts;
  const imported = importedName(facts, at, target);
  if (imported) return { name: imported, edits: [] };
  const parts = target.split('.');
  // anyio only guarantees `anyio.to_thread` after importing that submodule.
  const module = target.startsWith('anyio.to_thread.') ? 'anyio.to_thread' : parts[0];
  const reference = context.moduleReference(module);
  const rest = target.slice(module.length);
  return { name: `${reference.name}${rest}`, edits: reference.edit ? [reference.edit] : [] };
}

/** Collects edits of several references, dropping repeated import edits. */
export class EditSet {
  readonly edits: TextEdit[] = [];
  constructor(private readonly context: CheckContext) {}

  ref(at: Node, target: string): string {
    const { name, edits } = referenceTo(this.context, at, target);
    for (const edit of edits) if (!this.edits.some((e) => e.start === edit.start && e.end === edit.end && e.newText === edit.newText)) this.edits.push(edit);
    return name;
  }

  add(edit: TextEdit): void {
    this.edits.push(edit);
  }
}

/**
 * False where `await` cannot replace an expression without changing its meaning: inside a
 * generator expression (it would become an async generator), or where it is already awaited.
 */
export function canAwaitAt(node: Node): boolean {
  if (node.parent?.type === 'await') return false;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'generator_expression') return false;
    if (current.type === 'function_definition' || current.type === 'lambda' || current.type === 'class_definition') return true;
  }
  return true;
}

/** `await x` binds looser than `.attr`, `[i]` and `(…)`: brackets it there. */
export function awaitExpression(node: Node, text: string): string {
  const parent = node.parent;
  if (!parent) return text;
  const slot =
    parent.type === 'attribute' ? 'object' : parent.type === 'subscript' ? 'value' : parent.type === 'call' ? 'function' : undefined;
  return slot !== undefined && parent.childForFieldName(slot)?.equals(node) === true ? `(${text})` : text;
}

/** `(callee, args)` from a call's own text, keeping its layout: `fn, a, k=v` or, multi-line, `\n    fn,\n    a,\n`. */
export function prependArgument(site: CallSite, first: string): string {
  if (site.args.type === 'generator_expression') return `(${first}, ${site.args.text})`;
  const inner = innerText(site.args);
  if (!inner.trim()) return `(${first})`;
  const lead = /^\s*/.exec(inner)![0];
  if (lead.includes('\n')) return `(${lead}${first},${inner})`;
  // `f(  # comment` keeps the comment where it was, after the new first argument.
  if (inner.startsWith('#', lead.length)) return `(${first},${inner})`;
  return `(${first}, ${inner.slice(lead.length)})`;
}

export interface OfferedFix {
  fix: Fix;
  /** The code the fix writes, shown in the hover. */
  text: string;
}

/**
 * Moves a blocking call to a worker thread, keeping its arguments and keywords exactly:
 * `await asyncio.to_thread(fn, *args, **kwargs)`, `await anyio.to_thread.run_sync(fn, *args)`
 * or `await trio.to_thread.run_sync(fn, *args)` — with `functools.partial` when there are
 * keywords, which `run_sync` does not forward. Before Python 3.9, `asyncio.to_thread` does not
 * exist: `loop.run_in_executor(None, …)` is used instead. Always unsafe: the call now runs
 * on another thread (thread-local state, objects bound to the loop's thread) and cannot be
 * interrupted when the task is cancelled.
 */
export function offThreadFix(context: CheckContext, site: CallSite, library = asyncLibraryOf(context.facts)): OfferedFix | undefined {
  if (!library || !canAwaitAt(site.call) || !context.isSound(site.call)) return undefined;
  const edits = new EditSet(context);
  const callee = site.callee.text;
  const keywords = argumentsOf(site).some((a) => a.type === 'keyword_argument' || a.type === 'dictionary_splat');
  const more = argumentsOf(site).length ? ', …' : '';
  let text: string;
  let shown: string;
  if (library === 'asyncio' && !olderThan(context, [3, 9])) {
    const toThread = edits.ref(site.call, 'asyncio.to_thread');
    text = `await ${toThread}${prependArgument(site, callee)}`;
    shown = `${toThread}(${oneLine(callee, 30)}${more})`;
  } else {
    const runner =
      library === 'asyncio'
        ? `${edits.ref(site.call, 'asyncio.get_running_loop')}().run_in_executor`
        : edits.ref(site.call, `${library}.to_thread.run_sync`);
    const lead = library === 'asyncio' ? 'None, ' : '';
    if (keywords) {
      const partial = edits.ref(site.call, 'functools.partial');
      text = `await ${runner}(${lead}${partial}${prependArgument(site, callee)})`;
      shown = `${runner}(${lead}${partial}(${oneLine(callee, 30)}${more}))`;
    } else {
      text = `await ${runner}${prependArgument(site, `${lead}${callee}`)}`;
      shown = `${runner}(${lead}${oneLine(callee, 30)}${more})`;
    }
  }
  text = awaitExpression(site.call, text);
  edits.add({ start: site.call.startIndex, end: site.call.endIndex, newText: text });
  return {
    fix: { title: `Run in a worker thread: \`await ${shown}\``, safety: 'unsafe', edits: edits.edits },
    text,
  };
}

function olderThan(context: CheckContext, version: readonly [number, number]): boolean {
  const [major, minor] = context.facts.targetVersion;
  return major < version[0] || (major === version[0] && minor < version[1]);
}

/** The indentation of the line a node starts on, when the node is the first thing on it. */
export function statementIndent(text: string, node: Node): string | undefined {
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  const before = text.slice(lineStart, node.startIndex);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The standard data of a blocking-call finding: the callee as written and the coroutine. */
export function callData(site: CallSite, extra: Record<string, string> = {}): Record<string, string> {
  return { callee: oneLine(site.callee.text), $function: site.scope.name, ...extra };
}
