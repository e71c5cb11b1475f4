// blocking-helper-call-in-async: one step further than the peers. A coroutine calls a plain
// `def` of the same file (`load_config()`, `self._fetch()`) that itself blocks — directly, or
// through up to MAX_DEPTH further same-file helpers. The finding sits on the call in the
// coroutine and names the blocking call it reaches. Helpers passed to `asyncio.to_thread` /
// `run_in_executor` are not called on the loop and are not reported; nor are generators
// (calling one runs nothing) and helpers behind decorators that may change what a call does.
// The fix runs the helper in a worker thread.
import type { Node } from 'web-tree-sitter';
import { blockingHit, calledDefinition } from '../blocking';
import { asyncCallSites, ownCallSites, type CallSite } from '../call-sites';
import { callData, offThreadFix, oneLine, pythonBlock } from '../off-thread';
import type { Scope, SemanticFacts } from '../../../facts';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

/** How many helpers deep the search goes: coroutine → helper → helper → helper → blocking call. */
const MAX_DEPTH = 3;

/** Decorators that keep `f(...)` running f's body now. */
const TRANSPARENT_DECORATORS = new Set(['builtins.staticmethod', 'builtins.classmethod', 'functools.cache', 'functools.lru_cache', 'functools.wraps']);

interface Reach {
  /** The blocking call, as written in the helper. */
  blocking: CallSite;
  /** The helpers between the called one and the blocking call. */
  via: Scope[];
}

export function createBlockingHelperCallInAsync(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const memo = new Map<string, Reach | null>();

  /** The first blocking call a sync helper's body makes, directly or through other helpers. */
  const reach = (helper: Scope, depth: number, visiting: Set<Scope>): Reach | undefined => {
    const key = `${helper.node.id}:${depth}`;
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    if (visiting.has(helper)) return undefined;
    visiting.add(helper);
    const sites = ownCallSites(facts, helper);
    let found: Reach | undefined;
    const direct = sites.find((site) => blockingHit(facts, site));
    if (direct) found = { blocking: direct, via: [] };
    else if (depth < MAX_DEPTH) {
      for (const site of sites) {
        const next = helperOf(facts, site);
        const deeper = next && next !== helper ? reach(next, depth + 1, visiting) : undefined;
        if (deeper) {
          found = { blocking: deeper.blocking, via: [next!, ...deeper.via] };
          break;
        }
      }
    }
    visiting.delete(helper);
    // A miss caused by a cycle is not final: the helper may still reach something when
    // entered from elsewhere. Hits, and misses with nothing in progress, are.
    if (found || visiting.size === 0) memo.set(key, found ?? null);
    return found;
  };

  return {
    finish() {
      for (const site of asyncCallSites(facts)) {
        if (blockingHit(facts, site) || !context.isSound(site.call)) continue;
        const helper = helperOf(facts, site);
        if (!helper) continue;
        const found = reach(helper, 1, new Set());
        if (!found) continue;
        const off = offThreadFix(context, site);
        const blockingName = oneLine(found.blocking.callee.text);
        const via = found.via.length ? ` via ${found.via.map((s) => `\`${s.name}()\``).join(' → ')}` : '';
        context.report({
          node: site.call,
          data: callData(site, {
            blocking: blockingName,
            line: String(found.blocking.call.startPosition.row + 1),
            via,
          }),
          fixes: off ? [off.fix] : [],
          suggestion: off
            ? `${pythonBlock(off.text)}\nOr make \`${helper.name}\` a coroutine that awaits an async version of \`${blockingName}()\`.`
            : undefined,
        });
      }
    },
  };
}

/** The same-file sync function a call runs now, if it is one the search may enter. */
function helperOf(facts: SemanticFacts, site: CallSite): Scope | undefined {
  const target = calledDefinition(facts, site);
  if (!target || target.isAsync) return undefined;
  if (facts.functionExits(target.node).yields) return undefined;
  const decorated = target.node.parent?.type === 'decorated_definition' ? target.node.parent : undefined;
  for (const decorator of decorated?.namedChildren ?? []) {
    if (decorator?.type !== 'decorator') continue;
    if (!isTransparent(facts, decorator)) return undefined;
  }
  return target;
}

function isTransparent(facts: SemanticFacts, decorator: Node): boolean {
  let expression = decorator.firstNamedChild;
  if (expression?.type === 'call') expression = expression.childForFieldName('function');
  const qualified = expression ? facts.resolve(expression) : undefined;
  return qualified !== undefined && TRANSPARENT_DECORATORS.has(qualified);
}
