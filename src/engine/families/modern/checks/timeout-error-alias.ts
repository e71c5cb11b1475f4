// timeout-error-alias (UP041): `socket.timeout` is the builtin `TimeoutError` from 3.10,
// `asyncio.TimeoutError` from 3.11; earlier they are other classes, so each waits for its
// version (the yml's min-version is the first of the two).
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { reportExceptionAliases } from '../exception-aliases';

export function createTimeoutErrorAlias(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const [major, minor] = context.facts.targetVersion;
      const aliases = new Set(['socket.timeout']);
      if (major > 3 || (major === 3 && minor >= 11)) aliases.add('asyncio.TimeoutError');
      reportExceptionAliases(context, { modern: 'TimeoutError', words: ['timeout', 'TimeoutError'], aliases, peer: 'UP041' });
    },
  };
}
