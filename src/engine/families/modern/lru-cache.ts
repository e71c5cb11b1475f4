// `@functools.lru_cache(…)` decorators (lru-cache-without-maxsize, lru-cache-parentheses):
// found by spelling, resolved through imports, only where the call is the decorator itself.
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { callsSpelled } from '../../call-search';

export interface LruCacheDecorator {
  decorator: Node;
  call: Node;
  callee: Node;
  args: Node;
}

export function lruCacheDecorators(context: CheckContext): LruCacheDecorator[] {
  if (!context.facts.importsModule('functools')) return [];
  const found: LruCacheDecorator[] = [];
  // Also the local names of `from functools import lru_cache as memo`.
  const locals = context.facts.imports.filter((b) => b.qualified === 'functools.lru_cache').map((b) => b.local);
  for (const { call, callee, args } of callsSpelled(context.facts, context.text, [...new Set(['lru_cache', ...locals])])) {
    const decorator = call.parent;
    if (decorator?.type !== 'decorator' || args.type !== 'argument_list' || !context.isSound(decorator)) continue;
    if (context.facts.resolve(callee) !== 'functools.lru_cache') continue;
    found.push({ decorator, call, callee, args });
  }
  return found;
}

/** The argument list's contents, without comments. */
export function argumentsOf(args: Node): Node[] {
  return args.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
}

export function hasComment(node: Node): boolean {
  return node.descendantsOfType('comment').length > 0;
}
