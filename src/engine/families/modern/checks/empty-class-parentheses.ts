// empty-class-parentheses (UP039): `class A():` — empty parentheses after a class name add
// nothing. The fix deletes them; unsafe when that deletes a comment written inside.
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { argumentNodes } from '../../../call-arguments';
import { hasCommentIn } from '../syntax';

export function createEmptyClassParentheses(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const { class: definition, bases } = captures;
      const name = definition?.childForFieldName('name');
      if (!definition || !bases || !name || argumentNodes(bases).length > 0 || !context.isSound(bases)) return;
      const safe = !hasCommentIn(context, bases.startIndex, bases.endIndex);
      context.report({
        node: bases,
        data: { name: name.text },
        fixes: [{ title: safe ? 'Remove the parentheses' : 'Remove the parentheses (unsafe: deletes a comment)', safety: safe ? 'safe' : 'unsafe', edits: [{ start: bases.startIndex, end: bases.endIndex, newText: '' }] }],
        suggestion: `\`class ${name.text}:\``,
        peer: 'UP039',
      });
    },
  };
}
