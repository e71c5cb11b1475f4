// Rule tables of the async family's cancellation and loop rules (cancellation-swallowed,
// infinite-loop-without-await, busy-wait-with-sleep) and of the widened dropped-task-reference
// and async-def-without-await: valid / invalid snippets with exact 1-based positions and
// messages (conventions in ../rule-tester.ts), then the one peer code of each finding.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { peerTool } from '../../../src/engine/peers';
import { getEngine } from '../../helpers/engine';
import { expectedError, type PeerCase, peerCases, ruleTester } from '../rule-tester';

const error = expectedError;

const SWALLOWED = 'cancellation-swallowed';
const swallowed = (what: string, fn: string) => `${what}: coroutine \`${fn}\` swallows its cancellation`;
const TRY = (handler: string, body = 'await conn.recv()') => `import asyncio\n\nasync def f(conn):\n    try:\n        ${body}\n${handler}`;

ruleTester(SWALLOWED, {
  valid: [
    // Re-raised: bare, by the bound name, on every branch, or in `finally`.
    TRY('    except asyncio.CancelledError:\n        conn.close()\n        raise\n'),
    TRY('    except asyncio.CancelledError as exc:\n        raise exc\n'),
    TRY('    except BaseException:\n        if conn.open:\n            raise\n        else:\n            raise\n'),
    TRY('    except BaseException:\n        try:\n            conn.close()\n        finally:\n            raise\n'),
    TRY('    except BaseException:\n        with conn.lock:\n            raise\n'),
    // Another exception, a process exit: the task does not carry on.
    TRY('    except asyncio.CancelledError:\n        raise TimeoutError from None\n'),
    'import asyncio\nimport sys\n\nasync def f(conn):\n    try:\n        await conn.recv()\n    except BaseException:\n        sys.exit(1)\n',
    // Not a cancellation: `Exception` does not catch it; `except*` handles groups.
    TRY('    except Exception:\n        pass\n'),
    TRY('    except* asyncio.CancelledError:\n        pass\n'),
    // Nothing to cancel: the body does not await, or the def is sync, or the await is in a nested def.
    TRY('    except BaseException:\n        pass\n', 'conn.recv()'),
    'import asyncio\n\ndef f(conn):\n    try:\n        conn.recv()\n    except BaseException:\n        pass\n',
    TRY('    except BaseException:\n        pass\n', 'cb = lambda: conn.recv()'),
    // Handed on, to be raised elsewhere.
    TRY('    except BaseException as exc:\n        conn.fail(exc)\n'),
    // Decided on purpose: a cancellation test or a type test that raises.
    TRY('    except asyncio.CancelledError:\n        if asyncio.current_task().cancelling():\n            raise\n'),
    TRY('    except BaseException as exc:\n        if not isinstance(exc, Exception):\n            raise\n        conn.close()\n'),
    // Waiting for a task: its own cancellation, not this coroutine's.
    'import asyncio\n\nasync def f(task):\n    task.cancel()\n    try:\n        await task\n    except asyncio.CancelledError:\n        pass\n',
    'import asyncio\n\nasync def f(self):\n    try:\n        await self.reader_task\n    except asyncio.CancelledError:\n        pass\n',
    // An earlier handler caught the cancellation and re-raised it.
    TRY('    except asyncio.CancelledError:\n        raise\n    except BaseException:\n        pass\n'),
    // A loop inside the handler: its break ends the loop, then the handler re-raises.
    TRY('    except BaseException:\n        for c in conn.children:\n            if c.open:\n                break\n        raise\n'),
    // Shielded from outside cancellation.
    'import anyio\n\nasync def f(conn):\n    try:\n        with anyio.CancelScope(shield=True):\n            await conn.aclose()\n    except BaseException:\n        pass\n',
    // Suppressed for flake8-async.
    TRY('    except asyncio.CancelledError:  # noqa: ASYNC103\n        pass\n'),
    // A shadowed CancelledError is something else.
    'import asyncio\n\nclass CancelledError(Exception):\n    pass\n\nasync def f(conn):\n    try:\n        await conn.recv()\n    except CancelledError:\n        pass\n',
  ],
  invalid: [
    {
      code: TRY('    except asyncio.CancelledError:\n        print("stopped")\n'),
      errors: [error(SWALLOWED, 6, 12, 6, 34, swallowed('`except asyncio.CancelledError:` does not re-raise on every path', 'f'))],
      output: null,
    },
    {
      code: TRY('    except:\n        pass\n'),
      errors: [error(SWALLOWED, 6, 5, 6, 11, swallowed('`except:` does not re-raise on every path', 'f'))],
      output: null,
    },
    {
      code: TRY('    except (ValueError, BaseException) as exc:\n        if exc:\n            return None\n        raise\n'),
      errors: [error(SWALLOWED, 8, 13, 8, 24, swallowed('`return` in `except (ValueError, BaseException):` does not re-raise', 'f'))],
      output: null,
    },
    {
      code: 'import trio\n\nasync def f(conn):\n    while True:\n        try:\n            await conn.recv()\n        except trio.Cancelled:\n            break\n',
      errors: [error(SWALLOWED, 8, 13, 8, 18, swallowed('`break` in `except trio.Cancelled:` does not re-raise', 'f'))],
      output: null,
    },
    {
      code: 'from asyncio import CancelledError\n\nasync def f(conn):\n    try:\n        await conn.recv()\n    except CancelledError:\n        if conn.verbose:\n            raise\n',
      errors: [error(SWALLOWED, 6, 12, 6, 26, swallowed('`except CancelledError:` does not re-raise on every path', 'f'))],
      output: null,
    },
    {
      code: 'import anyio\n\nasync def f(conn):\n    try:\n        await conn.recv()\n    except anyio.get_cancelled_exc_class():\n        pass\n',
      errors: [error(SWALLOWED, 6, 12, 6, 43, swallowed('`except anyio.get_cancelled_exc_class():` does not re-raise on every path', 'f'))],
      output: null,
    },
    {
      code: TRY('    finally:\n        return 0\n'),
      errors: [error(SWALLOWED, 7, 9, 7, 17, swallowed('`return` in `finally:` discards the exception being raised', 'f'))],
      output: null,
    },
  ],
});

const LOOP = 'infinite-loop-without-await';
ruleTester(LOOP, {
  valid: [
    'async def f(q):\n    while True:\n        await q.get()\n',
    'async def f(q):\n    while True:\n        if q.empty():\n            break\n        q.pop()\n',
    'async def f(q):\n    while True:\n        x = q.pop()\n        if x:\n            return x\n',
    'async def f(q):\n    while True:\n        yield q.pop()\n',
    'import asyncio\n\nasync def f(q):\n    try:\n        while True:\n            q.get_nowait()\n    except asyncio.QueueEmpty:\n        pass\n',
    'def f(q):\n    while True:\n        q.pop()\n',
    'async def f(q):\n    while q:\n        q.pop()\n',
    'async def f(q):\n    while 0:\n        q.pop()\n',
    'async def f(q):\n    async with q.lock:\n        pass\n    while True:\n        async for x in q:\n            print(x)\n',
  ],
  invalid: [
    {
      code: 'async def worker(q):\n    while True:\n        q.pop()\n',
      errors: [error(LOOP, 2, 5, 2, 10, '`while True:` in coroutine `worker` never awaits: it holds the event loop')],
      output: null,
    },
    {
      code: 'async def worker(q):\n    while 1:\n        for x in q:\n            break\n',
      errors: [error(LOOP, 2, 5, 2, 10, '`while 1:` in coroutine `worker` never awaits: it holds the event loop')],
      output: null,
    },
    {
      // The awaits of a nested def do not run in this loop.
      code: 'async def worker(q):\n    while True:\n        async def step():\n            await q.get()\n        q.append(step)\n',
      errors: [error(LOOP, 2, 5, 2, 10, '`while True:` in coroutine `worker` never awaits: it holds the event loop')],
      output: null,
    },
    {
      // A `try` in the loop whose handler only logs does not end it.
      code: 'import time\n\nclass Poller:\n    async def run(self):\n        while True:\n            try:\n                self.tick()\n            except ValueError:\n                print("bad tick")\n            time.sleep(1)\n',
      errors: [error(LOOP, 5, 9, 5, 14, '`while True:` in coroutine `run` never awaits: it holds the event loop')],
      output: null,
    },
    {
      // A `try` around it with only `finally:` does not end it either.
      code: 'async def worker(q):\n    try:\n        while True:\n            q.rotate()\n    finally:\n        q.clear()\n',
      errors: [error(LOOP, 3, 9, 3, 14, '`while True:` in coroutine `worker` never awaits: it holds the event loop')],
      output: null,
    },
    {
      code: 'async def worker(q):\n    while True:\n        while q:\n            q.pop()\n        else:\n            q.refill()\n',
      errors: [error(LOOP, 2, 5, 2, 10, '`while True:` in coroutine `worker` never awaits: it holds the event loop')],
      output: null,
    },
  ],
});

const BUSY = 'busy-wait-with-sleep';
ruleTester(BUSY, {
  valid: [
    'import asyncio\n\nasync def f(s):\n    while not s.ready:\n        s.poll()\n        await asyncio.sleep(1)\n',
    'import asyncio\n\nasync def f(s):\n    await s.ready.wait()\n',
    'import time\n\nasync def f(s):\n    while not s.ready:\n        time.sleep(1)\n',
    'async def f(s, sleep):\n    while not s.ready:\n        await sleep(1)\n',
    'import asyncio\n\nasync def f(s):\n    while not s.ready:\n        asyncio.sleep(1)\n',
    'import asyncio\n\nasync def f(s):\n    while not s.ready:\n        await asyncio.sleep(1)\n        s.poll()\n',
  ],
  invalid: [
    {
      code: 'import asyncio\n\nasync def f(s):\n    while not s.ready:\n        await asyncio.sleep(0.1)\n',
      errors: [error(BUSY, 4, 5, 4, 10, '`while not s.ready:` only polls with `asyncio.sleep()`: wait on an `asyncio.Event` set where the condition changes')],
      output: null,
    },
    {
      code: 'import trio as t\n\nasync def f():\n    while True:\n        await t.sleep(60)\n',
      errors: [error(BUSY, 4, 5, 4, 10, '`while True:` only polls with `t.sleep()`: to wait until cancelled, await `trio.sleep_forever()` instead')],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def f():\n    while 1:\n        await asyncio.sleep(3600)\n',
      errors: [error(BUSY, 4, 5, 4, 10, '`while 1:` only polls with `asyncio.sleep()`: to wait until cancelled, await `asyncio.Event().wait()` instead')],
      output: null,
    },
    {
      code: 'from anyio import sleep\n\nasync def f(job):\n    while job.result is None:\n        await sleep(0.5)\n',
      errors: [error(BUSY, 4, 5, 4, 10, '`while job.result is None:` only polls with `sleep()`: wait on an `anyio.Event` set where the condition changes')],
      output: null,
    },
    {
      code: 'import trio\n\nasync def f(job, deadline):\n    while job.running:\n        await trio.sleep_until(deadline)  # poll\n',
      errors: [error(BUSY, 4, 5, 4, 10, '`while job.running:` only polls with `trio.sleep_until()`: wait on an `trio.Event` set where the condition changes')],
      output: null,
    },
    {
      code: 'import asyncio\n\nclass Server:\n    async def wait(self):\n        while (\n            not self.started\n        ):\n            await asyncio.sleep(0)\n',
      errors: [error(BUSY, 5, 9, 5, 14, '`while ( not self.started ):` only polls with `asyncio.sleep()`: wait on an `asyncio.Event` set where the condition changes')],
      output: null,
    },
  ],
});

const DROPPED = 'dropped-task-reference';
ruleTester(DROPPED, {
  valid: [
    'import asyncio\n\nasync def f(job):\n    task = asyncio.create_task(job())\n    await task\n',
    'import asyncio\n\nasync def f(job, keep):\n    task = asyncio.create_task(job())\n    keep(task)\n',
    'import asyncio\n\nasync def f(job):\n    task = asyncio.create_task(job())\n    return lambda: task\n',
    'import asyncio\n\nasync def f(job):\n    global task\n    task = asyncio.create_task(job())\n',
    'import asyncio\n\nasync def f(job):\n    task = asyncio.create_task(job())\n    return vars()\n',
    'import asyncio\n\ntask = asyncio.create_task(job())\n',
    'import asyncio\n\nclass C:\n    task = asyncio.ensure_future(job())\n',
    'import asyncio\n\nasync def f(tg, job):\n    task = tg.create_task(job())\n',
    'import asyncio\n\nasync def f(job):\n    task = asyncio.create_task(job())  # noqa: RUF006\n',
  ],
  invalid: [
    {
      code: 'import asyncio\n\nasync def f(job):\n    task = asyncio.create_task(job())\n    print("started")\n',
      errors: [error(DROPPED, 4, 12, 4, 38, 'The task from `asyncio.create_task()` is stored only in `task`, which is never read: it can be garbage-collected before it finishes')],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def f(jobs):\n    for job in jobs:\n        task = asyncio.ensure_future(job())\n        task = None\n',
      errors: [error(DROPPED, 5, 16, 5, 44, 'The task from `asyncio.ensure_future()` is stored only in `task`, which is never read: it can be garbage-collected before it finishes')],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def f(job):\n    t: asyncio.Task = asyncio.create_task(job())\n',
      errors: [error(DROPPED, 4, 23, 4, 49, 'The task from `asyncio.create_task()` is stored only in `t`, which is never read: it can be garbage-collected before it finishes')],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def f(job):\n    loop = asyncio.get_running_loop()\n    pending = loop.create_task(job())\n',
      errors: [error(DROPPED, 5, 15, 5, 38, 'The task from `loop.create_task()` is stored only in `pending`, which is never read: it can be garbage-collected before it finishes')],
      output: null,
    },
    {
      // A nested def has its own locals: its unread `task` is dropped even if the outer def reads one.
      code: 'import asyncio\n\nasync def f(job):\n    task = None\n    def start():\n        task = asyncio.create_task(job())\n    start()\n    return task\n',
      errors: [error(DROPPED, 6, 16, 6, 42, 'The task from `asyncio.create_task()` is stored only in `task`, which is never read: it can be garbage-collected before it finishes')],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def f(job):\n    _ = asyncio.create_task(job())\n',
      errors: [error(DROPPED, 4, 9, 4, 35, 'The task from `asyncio.create_task()` is stored only in `_`, which is never read: it can be garbage-collected before it finishes')],
      output: null,
    },
  ],
});

const UNUSED_ASYNC = 'async-def-without-await';
ruleTester(UNUSED_ASYNC, {
  valid: [
    'async def on_startup(app):\n    app.ready = True\n',
    'async def error_handler(request, exc):\n    return str(exc)\n',
    'async def test_sum():\n    assert 1 + 1 == 2\n',
    'async def f():\n    return 1\n\ncallbacks = [f]\n',
    'async def f(q):\n    return [x async for x in q]\n',
    'import asyncio\n\nasync def f():\n    return asyncio.get_running_loop()\n',
    // A blocking call: the blocking rules advise awaiting its async counterpart instead.
    'import time\n\nasync def poll():\n    time.sleep(1)\n',
  ],
  invalid: [
    {
      code: 'async def total(prices):\n    return sum(prices)\n',
      errors: [error(UNUSED_ASYNC, 1, 11, 1, 16, 'Coroutine `total` never awaits: it could be a plain `def`')],
      output: null,
    },
    {
      code: 'async def on_ready():\n    return 1\n\nasync def main():\n    await on_ready()\n',
      errors: [error(UNUSED_ASYNC, 1, 11, 1, 19, 'Coroutine `on_ready` never awaits: it could be a plain `def`')],
      output: null,
    },
    {
      code: 'import json\n\n\nasync def load_config(text):\n    return json.loads(text)\n',
      errors: [error(UNUSED_ASYNC, 4, 11, 4, 22, 'Coroutine `load_config` never awaits: it could be a plain `def`')],
      output: null,
    },
    {
      // The awaits of a nested coroutine are its own.
      code: 'async def outer(q):\n    async def inner():\n        await q.get()\n    return inner\n',
      errors: [error(UNUSED_ASYNC, 1, 11, 1, 16, 'Coroutine `outer` never awaits: it could be a plain `def`')],
      output: null,
    },
    {
      code: 'async def _normalize(name: str) -> str:\n    name = name.strip()\n    return name.lower()\n',
      errors: [error(UNUSED_ASYNC, 1, 11, 1, 21, 'Coroutine `_normalize` never awaits: it could be a plain `def`')],
      output: null,
    },
    {
      code: 'async def version():\n    return "1.0"\n\n\nasync def main():\n    print(await version())\n',
      errors: [error(UNUSED_ASYNC, 1, 11, 1, 18, 'Coroutine `version` never awaits: it could be a plain `def`')],
      output: null,
    },
  ],
});

describe('cancellation and loop rules: one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const cases: PeerCase[] = [
    { rule: SWALLOWED, code: TRY('    except BaseException:\n        if conn.x:\n            return\n'), peers: ['ASYNC103', 'ASYNC104'] },
    { rule: SWALLOWED, code: TRY('    finally:\n        return\n'), peers: [null] },
    { rule: LOOP, code: 'async def f(q):\n    while True:\n        q.pop()\n', peers: ['ASYNC913'] },
    { rule: BUSY, code: 'import anyio\n\nasync def f(s):\n    while s.busy:\n        await anyio.sleep(1)\n', peers: ['ASYNC110'] },
    { rule: DROPPED, code: 'import asyncio\n\nasync def f(job):\n    task = asyncio.create_task(job())\n', peers: ['RUF006'] },
    { rule: UNUSED_ASYNC, code: 'async def total(prices):\n    return sum(prices)\n', peers: ['RUF029'] },
  ];
  peerCases(() => engine, cases);

  it('names flake8-async as the tool of ASYNC103, ASYNC104 and ASYNC913', () => {
    for (const code of ['ASYNC103', 'ASYNC104', 'ASYNC913']) assert.equal(peerTool(code), 'flake8-async');
  });
});
