// pandas-ix-indexer: `.ix[...]`, removed in pandas 1.0. The fix writes `.loc` when every
// key is a label (a string, a list or slice of strings, `:` or a boolean mask): for those
// keys `.ix` already behaved as `.loc`. Integer keys were positions or labels depending on
// the index, so they get no fix.
import type { Node } from 'web-tree-sitter';
import { isData, isMaskLike, pandasKind, stringList, stringValue, subscriptKeys } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { oneLine } from '../pandas-hover';
import type { Fix } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-ix-indexer', `
(attribute object: (_) @object attribute: (identifier) @ix (#eq? @ix "ix")) @attribute
`);

export function createPandasIxIndexer(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const { object, ix, attribute } of pandasMatches(context)) {
        if (!isData(pandasKind(object, context.facts)) || !context.isSound(attribute)) continue;
        const subscript = attribute.parent?.type === 'subscript' && attribute.parent.childForFieldName('value')?.equals(attribute) ? attribute.parent : undefined;
        const labels = subscript && subscriptKeys(subscript).every(isLabelKey);
        const fixes: Fix[] = labels ? [{ title: 'Replace `.ix` with `.loc` (every key is a label)', safety: 'safe', edits: [{ start: ix.startIndex, end: ix.endIndex, newText: 'loc' }] }] : [];
        const receiver = oneLine(object.text, 40);
        const keys = subscript ? oneLine(subscript.text.slice(attribute.endIndex - subscript.startIndex + 1, -1), 40) : '...';
        context.report({
          node: attribute,
          data: { object: oneLine(object.text) },
          fixes,
          suggestion: labels ? `\`${receiver}.loc[${keys}]\`\n` : `\`${receiver}.loc[${keys}]\` if the keys are labels, \`${receiver}.iloc[${keys}]\` if they are positions.\n`,
        });
      }
    },
  };
}

function isLabelKey(key: Node): boolean {
  if (stringValue(key) !== undefined || stringList(key) || isMaskLike(key)) return true;
  if (key.type === 'slice') {
    const bounds = key.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    return bounds.every((b) => stringValue(b) !== undefined);
  }
  return false;
}
