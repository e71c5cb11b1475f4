// dropped-task-reference: `asyncio.create_task(...)` / `asyncio.ensure_future(...)` /
// `loop.create_task(...)` as a bare statement. The event loop keeps only a weak reference to
// tasks, so a task nobody holds can be garbage-collected mid-flight, and its exception is
// never seen. The same holds for a task stored in a local of a def that is never read
// again (`task = asyncio.create_task(...)` and nothing else): the name goes when the def
// returns, and Ruff's RUF006 reports it too. Any other mention of the name in the def — read,
// returned, passed, captured by a closure, declared `global` / `nonlocal` — keeps it, and so
// does `locals()` / `vars()` / `eval` / `exec` in the def. No automatic fix (where to keep
// the task is a design choice); the hover shows the usual idiom built from the call.
// `TaskGroup.create_task` is fine: the group holds it.
import type { Node } from 'web-tree-sitter';
import { callsNamed } from '../call-sites';
import { LOOP } from '../call-tables';
import { kindOf } from '../kinds';
import { pythonBlock } from '../off-thread';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const SPAWNERS = new Set(['asyncio.create_task', 'asyncio.ensure_future', 'asyncio.tasks.create_task', 'asyncio.tasks.ensure_future']);

export function createDroppedTaskReference(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    finish() {
      // Every spawner lives in asyncio: a file that does not import it has none.
      if (!facts.importsModule('asyncio')) return;
      for (const { call, callee } of callsNamed(facts, context.text, ['create_task', 'ensure_future'])) {
        const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee.text;
        if (method !== 'create_task' && method !== 'ensure_future') continue;
        const unreadName = call.parent?.type === 'expression_statement' ? undefined : unreadLocal(context, call);
        if ((call.parent?.type !== 'expression_statement' && !unreadName) || !context.isSound(call)) continue;
        const qualified = facts.resolve(callee);
        let spawns = qualified !== undefined && SPAWNERS.has(qualified);
        if (!spawns && qualified === undefined && method === 'create_task' && callee.type === 'attribute') {
          const receiver = callee.childForFieldName('object');
          spawns = !!receiver && kindOf(facts, receiver) === LOOP;
        }
        // ensure_future(x) returns x itself when x is already a future or task, held
        // elsewhere: only a coroutine created right there (`ensure_future(f())`) is at risk.
        if (spawns && method === 'ensure_future' && call.childForFieldName('arguments')?.firstNamedChild?.type !== 'call') spawns = false;
        if (!spawns) continue;
        const text = call.text.includes('\n') ? `${callee.text}(...)` : call.text;
        context.report({
          node: call,
          data: { callee: callee.text.replace(/\s*\n\s*/g, ' '), kept: unreadName ? `is stored only in \`${unreadName}\`, which is never read` : 'is not kept' },
          // Ruff's RUF006 covers asyncio's spawners and loop.create_task alike; ASYNC300 only create_task.
          peer: 'RUF006',
          suggestion:
            `${pythonBlock(`background_tasks = set()  # module level\n\n${unreadName ?? 'task'} = ${text}\nbackground_tasks.add(${unreadName ?? 'task'})\n${unreadName ?? 'task'}.add_done_callback(background_tasks.discard)`)}` +
            '\nOr, on Python 3.11+, start it in an `async with asyncio.TaskGroup() as tg:` block with `tg.create_task(...)`, which keeps it and waits for it.',
        });
      }
    },
  };
}

/** Code that reads a def's locals by name, so any local may be used. */
const READS_LOCALS = /\b(?:locals|vars|eval|exec)\s*\(/;

/**
 * The local name of `name = <call>` (or `name: T = <call>`) in a def when the def never
 * mentions the name again other than by assigning it; undefined otherwise.
 */
function unreadLocal(context: CheckContext, call: Node): string | undefined {
  const assignment = call.parent;
  if (assignment?.type !== 'assignment' || assignment.parent?.type !== 'expression_statement') return undefined;
  const target = assignment.childForFieldName('left');
  if (target?.type !== 'identifier' || !assignment.childForFieldName('right')?.equals(call)) return undefined;
  const scope = context.facts.scopeOf(assignment);
  if (scope.kind !== 'function') return undefined;
  const definition = scope.node;
  if (READS_LOCALS.test(context.text.slice(definition.startIndex, definition.endIndex))) return undefined;
  const name = target.text;
  for (const identifier of definition.descendantsOfType('identifier')) {
    if (!identifier || identifier.text !== name) continue;
    const parent = identifier.parent;
    if (parent?.type === 'assignment' && parent.childForFieldName('left')?.equals(identifier)) continue;
    if (parent?.type === 'function_definition' && parent.equals(definition)) continue; // the def's own name
    return undefined;
  }
  return name;
}
