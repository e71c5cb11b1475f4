// blocking-input-in-async: builtin `input()` in a coroutine waits for the terminal with the
// event loop stopped. The fix reads the line in a worker thread.
import { reportBlockingCalls } from '../blocking';
import { RULES } from '../call-tables';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createBlockingInputInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.input, {
        advice: () => 'For an interactive async program, read stdin through the loop (`loop.connect_read_pipe`) or a library such as `aioconsole`.',
      });
    },
  };
}
