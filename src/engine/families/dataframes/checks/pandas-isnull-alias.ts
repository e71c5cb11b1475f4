// pandas-isnull-alias: `.isnull()` / `.notnull()` (and `pd.isnull(x)`) are aliases of
// `.isna()` / `.notna()`. The fix renames the method: the aliases are the same function
// objects in pandas, so the rename is safe.
import { pandasKind } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { oneLine } from '../pandas-hover';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-isnull-alias', `
(call function: (attribute object: (_) @object attribute: (identifier) @method (#any-of? @method "isnull" "notnull"))) @call
`);

const REPLACEMENT: Record<string, string> = { isnull: 'isna', notnull: 'notna' };

export function createPandasIsnullAlias(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const { object, method, call } of pandasMatches(context)) {
        const kind = pandasKind(object, context.facts);
        if (!kind || kind === 'groupby' || !context.isSound(call)) continue;
        const replacement = REPLACEMENT[method.text];
        const receiver = oneLine(object.text, 40);
        context.report({
          node: method,
          data: { method: method.text, replacement },
          fixes: [{ title: `Rename to \`.${replacement}()\``, safety: 'safe', edits: [{ start: method.startIndex, end: method.endIndex, newText: replacement }] }],
          suggestion: `\`${receiver}.${replacement}(${oneLine(call.childForFieldName('arguments')!.text.slice(1, -1), 40)})\`\n`,
          peer: method.text === 'isnull' ? 'PD003' : 'PD004',
        });
      }
    },
  };
}
