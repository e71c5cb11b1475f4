// busy-wait-with-sleep: a `while` loop whose whole body is `await asyncio.sleep(...)` (or
// trio's / anyio's `sleep` / `sleep_until`). It polls: the condition is checked once per
// interval, so the change is noticed late and the task wakes for nothing in between. An
// Event set by whoever makes the change wakes it at once. `while True:` with only a sleep
// waits for cancellation, which `sleep_forever()` (trio, anyio) or an Event says directly.
// Same shape as flake8-async's / Ruff's ASYNC110: one statement, the awaited sleep call.
// No fix: the Event has to be set by the code that changes the condition.
import { isIndefiniteCondition, statementsOf } from '../checkpoints';
import { oneLine } from '../off-thread';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const SLEEPS = new Set(['asyncio.sleep', 'trio.sleep', 'trio.sleep_until', 'anyio.sleep', 'anyio.sleep_until']);

export function createBusyWaitWithSleep(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const loop = captures.loop;
      const statements = statementsOf(loop?.childForFieldName('body'));
      if (!loop || statements.length !== 1 || statements[0].type !== 'expression_statement') return;
      const awaited = statements[0].namedChildren[0];
      const call = awaited?.type === 'await' ? awaited.namedChildren[0] : undefined;
      const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
      const qualified = callee ? facts.resolve(callee) : undefined;
      if (!qualified || !SLEEPS.has(qualified) || !context.isSound(loop)) return;
      const library = qualified.split('.')[0];
      const condition = loop.childForFieldName('condition')!;
      const advice = isIndefiniteCondition(condition)
        ? `to wait until cancelled, await \`${library === 'asyncio' ? 'asyncio.Event().wait()' : `${library}.sleep_forever()`}\` instead`
        : `wait on an \`${library}.Event\` set where the condition changes`;
      context.report({ node: loop.firstChild!, data: { condition: oneLine(condition.text, 40), callee: callee!.text, advice }, peer: 'ASYNC110' });
    },
  };
}
