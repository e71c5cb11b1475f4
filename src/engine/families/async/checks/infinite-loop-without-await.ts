// infinite-loop-without-await: `while True:` (or `while 1:`) in a coroutine whose body never
// awaits — no `await`, `async for` or `async with` — and that nothing but an exception can
// leave. Each turn runs without giving the event loop back, so no other task runs, and no
// other task can ever change what the loop waits for. flake8-async's ASYNC913 reports loops
// without a *guaranteed* checkpoint; this rule keeps to the provable case and stays silent
// when the loop can end by itself: a `break` of its own, a `return`, a `raise`, a `yield`
// (an async generator hands control to its consumer), a process exit, or a `try` around it
// in the same def whose handler ends it (`while True: q.get_nowait()` until `QueueEmpty`).
// No fix: where the loop should await depends on what it waits for.
import type { Node } from 'web-tree-sitter';
import { hasCheckpoint, isIndefiniteCondition, someOwn } from '../checkpoints';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const LEAVES = new Set(['return_statement', 'raise_statement', 'yield']);
const PROCESS_EXIT = /^(?:sys\.exit|os\._exit|os\.abort|exit|quit)$/;

export function createInfiniteLoopWithoutAwait(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const loop = captures.loop;
      if (!loop || !isIndefiniteCondition(loop.childForFieldName('condition')) || !facts.isInAsyncContext(loop)) return;
      const body = loop.childForFieldName('body');
      if (!body || hasCheckpoint(body) || !context.isSound(loop)) return;
      if (someOwn(body, (node) => LEAVES.has(node.type) || isProcessExit(node)) || breaksOut(body) || insideHandledTry(loop)) return;
      const header = loop.firstChild!;
      context.report({ node: header, data: { condition: loop.childForFieldName('condition')!.text, function: facts.scopeOf(loop).name }, peer: 'ASYNC913' });
    },
  };
}

function isProcessExit(node: Node): boolean {
  return node.type === 'call' && PROCESS_EXIT.test(node.childForFieldName('function')?.text ?? '');
}

/** A `break` that ends this loop (not one of a loop nested in it). */
function breaksOut(body: Node): boolean {
  const stack: Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    for (const child of node.namedChildren) {
      if (!child || child.type === 'for_statement' || child.type === 'while_statement') {
        // A nested loop's own `break` ends it; its `else:` belongs to our body again.
        const orElse = child?.namedChildren.find((c) => c?.type === 'else_clause');
        if (orElse) stack.push(orElse);
        continue;
      }
      if (child.type === 'function_definition' || child.type === 'lambda' || child.type === 'class_definition') continue;
      if (child.type === 'break_statement') return true;
      stack.push(child);
    }
  }
  return false;
}

/** The loop sits in the body of a `try` with handlers, within its own def. */
function insideHandledTry(loop: Node): boolean {
  for (let node: Node | null = loop.parent, child: Node = loop; node; child = node, node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'lambda' || node.type === 'class_definition') return false;
    if (node.type === 'try_statement' && node.childForFieldName('body')?.equals(child) && node.namedChildren.some((c) => c?.type === 'except_clause')) return true;
  }
  return false;
}
