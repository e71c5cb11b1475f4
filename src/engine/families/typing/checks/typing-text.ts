// typing-text: `typing.Text` is `str` (an alias kept for Python 2 code). Any target, any
// context: the two names are the same object, so the fix is safe everywhere.
import { nameIsFree } from '../annotations';
import { report, reportUnusedImports, useFix, usesOf } from '../legacy';
import { forEachQuotedUse } from '../string-types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const MEMBERS = new Set(['Text']);
const ALIAS = 'is an alias of `str`';

export function createTypingText(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const use of usesOf(context, MEMBERS)) {
        if (!context.isSound(use.node)) continue;
        const free = nameIsFree('str', use.node, context.facts);
        const fix = free ? useFix(context, 'Replace with `str`', true, { start: use.node.startIndex, end: use.node.endIndex, newText: 'str' }, use) : undefined;
        report(context, { node: use.node, data: { name: use.node.text, verdict: ALIAS }, fixes: fix ? [fix] : [], peer: 'UP019' });
      }
      forEachQuotedUse(context.facts, MEMBERS, (use) => {
        if (!context.isSound(use.string)) return;
        const range = { start: use.node.startIndex + use.shift, end: use.node.endIndex + use.shift };
        const fix = nameIsFree('str', use.string, context.facts) ? useFix(context, 'Replace with `str`', true, { ...range, newText: 'str' }, use) : undefined;
        report(context, { node: use.string, range, data: { name: use.node.text, verdict: ALIAS }, fixes: fix ? [fix] : [], peer: 'UP019' });
      });
      reportUnusedImports(context, MEMBERS, (binding) => ({ name: binding.local }));
    },
  };
}
