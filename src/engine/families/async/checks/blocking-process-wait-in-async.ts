// blocking-process-wait-in-async: waiting for a child process synchronously in a coroutine:
// `os.wait/wait3/wait4/waitid/waitpid`, and `wait()` / `communicate()` on a `subprocess.Popen`
// started in the code. The fix waits in a worker thread; the hover points to asyncio's
// processes, whose waits are awaitable.
import { reportBlockingCalls } from '../blocking';
import { RULES } from '../call-tables';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createBlockingProcessWaitInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.processWait, {
        advice: (_hit, library) =>
          library === 'trio'
            ? '`await trio.run_process(...)` starts and waits in one awaitable call.'
            : library === 'anyio'
              ? '`await anyio.run_process(...)`, or `anyio.open_process()` whose `wait()` is awaitable.'
              : 'Start the process with `await asyncio.create_subprocess_exec(...)`: its `wait()` and `communicate()` are awaitable.',
      });
    },
  };
}
