// asyncio-run-in-coroutine: starting an event loop from inside a coroutine —
// `asyncio.run(...)`, `loop.run_until_complete(...)` / `loop.run_forever()`, `trio.run(...)`,
// `anyio.run(...)`. A loop is already running there, so the call raises RuntimeError
// ("cannot be called from a running event loop"). The fix awaits the coroutine instead.
import type { Node } from 'web-tree-sitter';
import { asyncCallSites, asyncLibraryOf } from '../call-sites';
import { LOOP } from '../call-tables';
import { kindOf } from '../kinds';
import { awaitExpression, canAwaitAt, oneLine, pythonBlock } from '../off-thread';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createAsyncioRunInCoroutine(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    finish() {
      for (const { call, callee, args, scope } of asyncCallSites(facts)) {
        const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee.text;
        if (method !== 'run' && method !== 'run_until_complete' && method !== 'run_forever') continue;
        if (args.type !== 'argument_list' || !context.isSound(call)) continue;
        const qualified = facts.resolve(callee);
        let runner: 'coroutine' | 'function' | 'forever' | undefined;
        if (qualified === 'asyncio.run') runner = 'coroutine';
        else if (qualified === 'anyio.run' || (qualified === 'trio.run' && asyncLibraryOf(facts) === 'trio')) runner = 'function';
        else if (qualified === undefined && method !== 'run') {
          const receiver = callee.childForFieldName('object');
          if (receiver && kindOf(facts, receiver) === LOOP) runner = method === 'run_forever' ? 'forever' : 'coroutine';
        }
        if (!runner) continue;
        const text = runner === 'forever' ? undefined : awaitedForm(args, runner);
        const fixes =
          text && canAwaitAt(call)
            ? [{ title: `Await it instead: \`${oneLine(text)}\``, safety: 'unsafe' as const, edits: [{ start: call.startIndex, end: call.endIndex, newText: awaitExpression(call, text) }] }]
            : [];
        context.report({
          node: call,
          data: { callee: oneLine(callee.text), $function: scope.name },
          fixes,
          suggestion: text ? pythonBlock(text) : undefined,
        });
      }
    },
  };
}

/** `asyncio.run(main())` → `await main()`; `trio.run(main, a)` → `await main(a)`. No keywords. */
function awaitedForm(args: Node, runner: 'coroutine' | 'function'): string | undefined {
  const list = args.namedChildren.filter((c): c is Node => !!c);
  if (!list.length || list.some((a) => a.type === 'comment' || a.type === 'keyword_argument' || a.type === 'dictionary_splat')) return undefined;
  if (runner === 'coroutine') {
    if (list.length !== 1 || list[0].type === 'list_splat') return undefined;
    const primary = ['call', 'identifier', 'attribute', 'subscript', 'parenthesized_expression'].includes(list[0].type);
    return primary ? `await ${list[0].text}` : `await (${list[0].text})`;
  }
  const [fn, ...rest] = list;
  if (fn.type === 'list_splat' || (fn.type !== 'identifier' && fn.type !== 'attribute')) return undefined;
  return `await ${fn.text}(${rest.map((a) => a.text).join(', ')})`;
}
