// blocking-thread-wait-in-async: waiting on a threading primitive without a timeout in a
// coroutine — `Lock/Semaphore/RLock/Condition.acquire()`, `Event.wait()`, `Thread.join()`,
// `queue.Queue.get()` / `join()`, `concurrent.futures.Future.result()`, `Executor.shutdown()`.
// Until another thread acts, the event loop is stuck (and if that thread waits for the loop,
// forever). Fixes: `await asyncio.wrap_future(future)` for a concurrent future, else the wait
// in a worker thread — except for RLock and Condition, which must be released by the thread
// that acquired them.
import { reportBlockingCalls, type BlockingHit } from '../blocking';
import { asyncLibraryOf, hasSplat, methodOf, receiverOf } from '../call-sites';
import { RULES } from '../call-tables';
import { awaitExpression, canAwaitAt, EditSet, type OfferedFix } from '../off-thread';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createBlockingThreadWaitInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.threadWait, {
        fixes: (hit) => {
          const fix = wrapFutureFix(context, hit);
          return fix ? [fix] : [];
        },
        offThread: (hit) => hit.kind !== 'threading.RLock',
        advice: (hit) => advice(hit),
      });
    },
  };
}

/** `future.result()` → `await asyncio.wrap_future(future)`: the loop waits for the thread's future. */
function wrapFutureFix(context: CheckContext, hit: BlockingHit): OfferedFix | undefined {
  const site = hit.site;
  const receiver = receiverOf(site);
  if (hit.kind !== 'concurrent.futures.Future' || methodOf(site) !== 'result' || !receiver) return undefined;
  if (asyncLibraryOf(context.facts) !== 'asyncio' || hasSplat(site) || site.args.namedChildCount > 0) return undefined;
  if (!canAwaitAt(site.call) || !context.isSound(site.call)) return undefined;
  const edits = new EditSet(context);
  const wrap = edits.ref(site.call, 'asyncio.wrap_future');
  const text = awaitExpression(site.call, `await ${wrap}(${receiver.text})`);
  edits.add({ start: site.call.startIndex, end: site.call.endIndex, newText: text });
  return { fix: { title: `Await the future: \`await ${wrap}(${receiver.text})\``, safety: 'unsafe', edits: edits.edits }, text };
}

function advice(hit: BlockingHit): string {
  switch (hit.kind) {
    case 'queue.Queue':
      return 'To pass work between coroutines use `asyncio.Queue` (`await queue.get()`); between threads and the loop, hand results back with `loop.call_soon_threadsafe` or `asyncio.run_coroutine_threadsafe`.';
    case 'threading.Lock':
    case 'threading.RLock':
      return 'Between coroutines use `asyncio.Lock` (`async with lock:`). A thread lock held by other threads should only be taken with a timeout, or in a worker thread — an `RLock` or `Condition` must be released by the thread that acquired it.';
    case 'concurrent.futures.Future':
    case 'concurrent.futures.Executor':
      return 'Submit blocking work with `await loop.run_in_executor(executor, fn, *args)` (or `asyncio.to_thread`), which the loop awaits instead of blocking on.';
    default:
      return 'Between coroutines use `asyncio.Event` (`await event.wait()`); to wait for a thread, `await asyncio.to_thread(thread.join)` or a future completed by it.';
  }
}
