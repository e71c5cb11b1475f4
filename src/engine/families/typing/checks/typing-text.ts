// typing-text: `typing.Text` is `str` (an alias kept for Python 2 code). Any target, any
// context: the two names are the same object, so the fix is safe everywhere.
import { nameIsFree } from '../annotations';
import { removalFix, report, unusedImports, useFix, usesOf } from '../legacy';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const MEMBERS = new Set(['Text']);

export function createTypingText(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const use of usesOf(context, MEMBERS)) {
        if (!context.isSound(use.node)) continue;
        const free = nameIsFree('str', use.node, context.facts);
        const fix = free ? useFix(context, 'Replace with `str`', true, { start: use.node.startIndex, end: use.node.endIndex, newText: 'str' }, use) : undefined;
        report(context, { node: use.node, data: { name: use.node.text }, fixes: fix ? [fix] : [] });
      }
      for (const unused of unusedImports(context, MEMBERS)) {
        report(context, { node: unused.node, data: { name: unused.binding.local }, fixes: removalFix(context, unused.binding) });
      }
    },
  };
}
