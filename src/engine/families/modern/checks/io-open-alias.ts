// io-open-alias (UP020): `io.open` is the builtin `open` in Python 3. The finding spans the
// call (as Ruff's does); the fix renames the callee when `open` is the builtin there.
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { callsSpelled } from '../../../call-search';
import { editedLines, isUnboundName, qualifiedName, safeFix } from '../names';

export function createIoOpenAlias(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!context.facts.importsModule('io')) return;
      for (const { call, callee } of callsSpelled(context.facts, context.text, ['open'])) {
        if (qualifiedName(context.facts, callee) !== 'io.open' || !context.isSound(call)) continue;
        const edit = { start: callee.startIndex, end: callee.endIndex, newText: 'open' };
        const free = isUnboundName(context.facts, 'open', call);
        context.report({
          node: call,
          data: { callee: callee.text },
          fixes: free ? [safeFix('Replace with the builtin `open`', [edit])] : [],
          suggestion: editedLines(context.text, edit),
          peer: 'UP020',
        });
      }
    },
  };
}
