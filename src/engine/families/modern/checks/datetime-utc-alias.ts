// datetime-utc-alias (UP017, 3.11+): `datetime.timezone.utc` → `datetime.UTC`, the same
// object under its 3.11 name, written through the file's own datetime import when it has one.
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import { aliasUses, editedLines, safeFix } from '../names';

const UTC_ALIASES = new Set(['datetime.timezone.utc']);

export function createDatetimeUtcAlias(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!context.facts.importsModule('datetime')) return;
      for (const { node } of aliasUses(context, ['utc'], UTC_ALIASES)) {
        const plan = new ImportPlan(context.facts, context.text);
        const reference = plan.reference('datetime', 'UTC', node);
        const imports = reference === undefined ? undefined : plan.edits();
        const edit = reference === undefined ? undefined : { start: node.startIndex, end: node.endIndex, newText: reference };
        context.report({
          node,
          data: { name: node.text },
          fixes: edit && imports ? [safeFix(`Replace with \`${reference}\``, [edit, ...imports])] : [],
          suggestion: editedLines(context.text, edit ?? { start: node.startIndex, end: node.endIndex, newText: 'datetime.UTC' }),
          peer: 'UP017',
        });
      }
    },
  };
}
