// pandas-dataframe-append: `DataFrame.append` / `Series.append`, removed in pandas 2.0.
// The fix writes `pd.concat([df, other])`, safe when `other` is provably the same kind of
// object (a frame appended to a frame, a Series to a Series) and only `ignore_index`,
// `verify_integrity` and `sort` are passed — exactly what `append` did. A dict appended as
// a row gets an unsafe `pd.concat([df, pd.DataFrame([row])], ignore_index=True)`; other
// shapes (a Series as a row, a list of dicts) get no fix. `Index.append` is not removed
// and is never reported.
import type { Node } from 'web-tree-sitter';
import { callParts, isData, pandasKind, unparenthesize } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { confidence, moduleNames, oneLine, pythonBlock, sections } from '../pandas-hover';
import type { Fix } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-dataframe-append', `
(call function: (attribute object: (_) @object attribute: (identifier) @method (#eq? @method "append"))) @call
`);

const KEPT = ['ignore_index', 'verify_integrity', 'sort'];

export function createPandasDataframeAppend(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { object, call } of pandasMatches(context)) {
        const kind = pandasKind(object, facts);
        if (!isData(kind) || !context.isSound(call)) continue;
        const parts = callParts(call);
        if (!parts) continue;
        const other = parts.positional[0] ?? parts.keywords.get('other') ?? parts.keywords.get('to_append');
        const extra = [...parts.keywords.keys()].filter((k) => k !== 'other' && k !== 'to_append');
        const plain = other && !parts.hasSplat && parts.positional.length <= 1 && extra.every((k) => KEPT.includes(k));
        const options = extra.map((k) => `, ${k}=${parts.keywords.get(k)!.text}`).join('');
        let fix: Fix | undefined;
        let modern: string | undefined;
        if (plain) {
          const reference = context.moduleReference('pandas');
          const pd = reference.name;
          const pieces = piecesOf(other!, kind!, context);
          if (pieces) {
            modern = `${pd}.concat([${[object.text, ...pieces.texts].join(', ')}]${options})`;
            fix = { title: `Replace with \`${pd}.concat([...])\``, safety: pieces.safe ? 'safe' : 'unsafe', edits: [{ start: call.startIndex, end: call.endIndex, newText: modern }, ...(reference.edit ? [reference.edit] : [])] };
          } else if (other!.type === 'dictionary' && kind === 'frame' && parts.keywords.get('ignore_index')?.type === 'true') {
            modern = `${pd}.concat([${object.text}, ${pd}.DataFrame([${other!.text}])]${options})`;
            fix = { title: `Replace with \`${pd}.concat([..., ${pd}.DataFrame([row])])\` (column dtypes are inferred from the one row)`, safety: 'unsafe', edits: [{ start: call.startIndex, end: call.endIndex, newText: modern }, ...(reference.edit ? [reference.edit] : [])] };
          }
        }
        context.report({
          node: call,
          data: { object: oneLine(object.text) },
          fixes: fix ? [fix] : [],
          suggestion: sections(
            pythonBlock([modern ? oneLine(modern, 100) : `${names.pd}.concat([${oneLine(object.text, 40)}, other], ignore_index=True)`]),
            'In a loop, collect the pieces in a list and concatenate once after it: each `append` or `concat` copies everything gathered so far. polars: `pl.concat([a, b])`, or build the rows as a list of dicts and make one `pl.DataFrame(rows)`.',
            confidence(names),
          ),
        });
      }
    },
  };
}

/** What `append` received, as `concat` pieces; `safe` when each is provably the receiver's kind. */
function piecesOf(other: Node, kind: 'frame' | 'series' | 'data', context: CheckContext): { texts: string[]; safe: boolean } | undefined {
  const same = (node: Node) => {
    const k = pandasKind(node, context.facts);
    return kind !== 'data' && k === kind;
  };
  const inner = unparenthesize(other);
  if (inner.type === 'list') {
    const items = inner.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (!items.length || !items.every(same)) return undefined;
    return { texts: items.map((i) => i.text), safe: true };
  }
  if (same(inner)) return { texts: [other.text], safe: true };
  return undefined;
}
