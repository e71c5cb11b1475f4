// useless-object-inheritance (UP004): `class A(object)` — every Python 3 class inherits from
// `object`. Only the builtin counts (a local `object` is left alone). The fix drops the base,
// with the parentheses when it was the only one; unsafe when that deletes a comment.
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { removeArgument, argumentNodes } from '../../../call-arguments';
import type { TextEdit } from '../../../types';
import { hasCommentIn, isBuiltin } from '../syntax';

export function createUselessObjectInheritance(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const { class: definition, bases } = captures;
      const name = definition?.childForFieldName('name');
      if (!definition || !bases || !name) return;
      const items = argumentNodes(bases);
      for (const base of items) {
        const builtin = base.type === 'identifier' ? base.text === 'object' && isBuiltin(context, base, 'object') : base.type === 'attribute' && context.facts.resolve(base) === 'builtins.object';
        if (!builtin) continue;
        if (!context.isSound(base)) continue;
        const edit = items.length === 1 ? { start: bases.startIndex, end: bases.endIndex, newText: '' } : keepingComments(context, removeArgument(bases, base));
        // As Ruff: unsafe whenever the parentheses hold a comment, even one the edit keeps.
        const safe = !hasCommentIn(context, bases.startIndex, bases.endIndex);
        const rest = items.filter((b) => !b.equals(base)).map((b) => b.text);
        context.report({
          node: base,
          data: { name: name.text },
          fixes: [{ title: safe ? 'Remove `object` from the bases' : 'Remove `object` from the bases (unsafe: comments in the bases)', safety: safe ? 'safe' : 'unsafe', edits: [edit] }],
          suggestion: `\`class ${name.text}${rest.length ? `(${rest.join(', ')})` : ''}:\``,
          peer: 'UP004',
        });
      }
    },
  };
}

/** The removal cut short before the first comment in it, so the comment stays. */
function keepingComments(context: CheckContext, edit: TextEdit): TextEdit {
  const comment = context.facts.comments.find((c) => c.startIndex >= edit.start && c.startIndex < edit.end);
  return comment ? { ...edit, end: comment.startIndex } : edit;
}
