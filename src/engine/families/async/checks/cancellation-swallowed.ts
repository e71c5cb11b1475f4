// cancellation-swallowed: a coroutine catches the cancellation exception — `except
// asyncio.CancelledError`, `trio.Cancelled`, `anyio.get_cancelled_exc_class()`, a bare
// `except:` or `except BaseException` — and some path does not re-raise it. Only where a
// cancellation can arrive: in an `async def`, around a `try` body that awaits. Three shapes:
//   - the handler can finish without raising (ASYNC103, reported on the caught type);
//   - a `return` / `break` / `continue` leaves the handler (ASYNC104, on the statement);
//   - a `return` / `break` / `continue` in the `finally` of such a `try` discards whatever
//     it was raising, a cancellation included (no flake8-async code; Ruff's B012 is wider).
// A later handler of the same `try` is not checked once an earlier one caught the
// cancellation, and the idiom that waits for a task it just cancelled (`task.cancel()`, then
// `try: await task` / `except CancelledError: pass`) is left alone: what it swallows is the
// child's cancellation. No fix: whether to re-raise or to end the task is the author's call.
import type { Node } from 'web-tree-sitter';
import { caughtCancellation, finallyJumps, handsOn, walkHandler } from '../cancellation';
import { hasCheckpoint, statementsOf } from '../checkpoints';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createCancellationSwallowed(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const statement = captures.try;
      if (!statement || !facts.isInAsyncContext(statement) || !context.isSound(statement)) return;
      const body = statement.childForFieldName('body');
      if (!body || !hasCheckpoint(body)) return;
      const scope = facts.scopeOf(statement);
      const data = (what: string) => ({ what, function: scope.name });
      for (const part of statement.namedChildren) {
        if (part?.type !== 'finally_clause') continue;
        const block = part.namedChildren.find((c) => c?.type === 'block');
        for (const jump of block ? finallyJumps(block) : []) {
          context.report({ node: jump, data: data(`\`${jump.firstChild!.text}\` in \`finally:\` discards the exception being raised`), peer: null });
        }
      }
      if (awaitsCancelledTask(context.text, scope.node, body) || awaitsOtherTask(body) || SHIELDED.test(body.text)) return;
      for (const part of statement.namedChildren) {
        if (part?.type !== 'except_clause') continue;
        const caught = caughtCancellation(facts, part);
        if (!caught) continue;
        if (handsOn(caught)) break;
        const walk = walkHandler(facts, caught);
        for (const escape of walk.escapes) {
          context.report({ node: escape, data: data(`\`${escape.firstChild!.text}\` in \`${caught.label}:\` does not re-raise`), peer: 'ASYNC104' });
        }
        if (walk.fallsThrough) context.report({ node: caught.at, data: data(`\`${caught.label}:\` does not re-raise on every path`), peer: 'ASYNC103' });
        // Once one handler caught the cancellation, the later ones never see it.
        break;
      }
    },
  };
}

/** A body shielded from outside cancellation (trio / anyio `CancelScope(shield=True)`). */
const SHIELDED = /\bshield\s*=\s*True\b|\bcancel_shielded_checkpoint\b/;

/** What a task-waiting statement awaits: `await task`, `x = await self._task`, under `async with timeout(...)`. */
function awaitedExpressions(body: Node): (Node | null)[] | undefined {
  const awaited: (Node | null)[] = [];
  for (const statement of statementsOf(body)) {
    if (statement.type === 'with_statement') {
      const inner = awaitedExpressions(statement.childForFieldName('body')!);
      if (!inner) return undefined;
      awaited.push(...inner);
      continue;
    }
    if (statement.type !== 'expression_statement') return undefined;
    let expression = statement.namedChildren[0];
    if (expression?.type === 'assignment') expression = expression.childForFieldName('right');
    if (expression?.type !== 'await') return undefined;
    awaited.push(expression.namedChildren[0]);
  }
  return awaited;
}

const TASK_WAITERS = /^(?:asyncio\.)?(?:wait_for|shield|wait)$/;

/**
 * A body that only awaits task or future objects (`await self._reader_task`,
 * `await asyncio.wait_for(done, 5)`), not a call: a `CancelledError` there is most often the
 * awaited task's own, cancelled elsewhere, and the handler is about that task.
 */
function awaitsOtherTask(body: Node): boolean {
  const awaited = awaitedExpressions(body);
  if (!awaited?.length) return false;
  return awaited.every((expression) => {
    if (expression?.type === 'call' && TASK_WAITERS.test(expression.childForFieldName('function')?.text ?? '')) {
      expression = expression.childForFieldName('arguments')?.namedChildren[0] ?? null;
    }
    return expression?.type === 'identifier' || expression?.type === 'attribute' || expression?.type === 'subscript' || expression?.type === 'list';
  });
}

/**
 * `task.cancel()` earlier in the def (or in the `try` body), and a body of nothing but
 * awaits and `.cancel()` calls, with at most a flag set after an await (`await task`, then
 * `cancelled = False`): the handler absorbs the child task's cancellation, which is how
 * asyncio's documentation waits for a cancelled task to finish.
 */
function awaitsCancelledTask(text: string, definition: Node, body: Node): boolean {
  if (!/\.cancel\(\s*(?:msg\s*=[^)]*)?\)/.test(text.slice(definition.startIndex, body.endIndex))) return false;
  let awaited = false;
  return statementsOf(body).every((s) => {
    if (s.type !== 'expression_statement') return false;
    let expression = s.namedChildren[0];
    if (expression?.type === 'assignment') {
      const value = expression.childForFieldName('right');
      if (awaited && value && FLAG_VALUES.has(value.type) && expression.childForFieldName('left')?.type === 'identifier') return true;
      expression = value;
    }
    if (expression?.type === 'await') return (awaited = true);
    return expression?.type === 'call' && /\.cancel$/.test(expression.childForFieldName('function')?.text ?? '');
  });
}

const FLAG_VALUES = new Set(['true', 'false', 'none', 'integer']);
