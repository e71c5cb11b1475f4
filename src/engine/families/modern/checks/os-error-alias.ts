// os-error-alias (UP024): since Python 3.3 (PEP 3151) `IOError`, `EnvironmentError`,
// `WindowsError` and the `error` of `os`, `socket`, `select`, `mmap` and `resource` are
// `OSError` itself. Any target: the rewrite names the same class, so it is safe.
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { reportExceptionAliases, type ExceptionAliases } from '../exception-aliases';

const OS_ERROR: ExceptionAliases = {
  modern: 'OSError',
  words: ['IOError', 'EnvironmentError', 'WindowsError', 'error'],
  aliases: new Set([
    'builtins.IOError', 'builtins.EnvironmentError', 'builtins.WindowsError',
    'os.error', 'socket.error', 'select.error', 'mmap.error', 'resource.error',
  ]),
  peer: 'UP024',
};

export function createOsErrorAlias(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportExceptionAliases(context, OS_ERROR);
    },
  };
}
