// pandas-chained-assignment: `df["a"][mask] = v`, `df[mask]["a"] = v`, `df.loc[r]["a"] = v`,
// `df["a"].loc[r] = v`, `df.a[r] = v`, and `df["a"].fillna(0, inplace=True)`: a write into
// an intermediate selection. Under Copy-on-Write (the default from pandas 3.0) it never
// reaches `df`; before, it depended on whether pandas returned a view or a copy.
//
// Fixes write one `.loc` assignment. Safe only for a column then a boolean mask
// (`df["a"][mask] = v` → `df.loc[mask, "a"] = v`), which pandas 2 executed the same way;
// unsafe where the original may have been a no-op (a row selection first) or where the key
// may be positional. A column method with `inplace=True` becomes an assignment of the
// column, safe for value-wise methods (`fillna`, `replace`, `clip`, ...).
import type { Node } from 'web-tree-sitter';
import { callParts, isData, isFrameColumnName, isMaskLike, pandasKind, removeArgument, soleReference, stringList, stringValue, subscriptKeys, unparenthesize } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { oneLine, pythonBlock, sections } from '../pandas-hover';
import type { Fix } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-chained-assignment', `
(assignment left: (subscript value: (_) @inner) @target) @write
(augmented_assignment left: (subscript value: (_) @inner) @target) @write
(call
  function: (attribute object: [(subscript) (attribute)] @inner attribute: (identifier) @method)
  arguments: (argument_list (keyword_argument name: (identifier) @keyword value: (true)) @argument)
  (#eq? @keyword "inplace")) @call
`);

const INDEXERS = new Set(['loc', 'iloc', 'at', 'iat']);
/** Column methods whose in-place form equals assigning their result back to the column. */
const VALUE_WISE = new Set(['fillna', 'replace', 'clip', 'where', 'mask', 'ffill', 'bfill', 'interpolate']);

/** A selection of a pandas object: what it selects from, and the key, as text. */
interface Selection {
  /** The pandas object selected from (`df`). */
  base: Node;
  /** `column`: `df["a"]` / `df.a`; `rows`: `df[mask]` / `df.loc[r]`; `other`. */
  kind: 'column' | 'rows' | 'other';
  /** The column key text (`"a"`), for column selections. */
  column?: string;
  /** The row key, for row selections. */
  rows?: Node;
}

export function createPandasChainedAssignment(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const captures of pandasMatches(context)) {
        const { inner, target, write, call, method, argument } = captures;
        const node = write ?? call;
        if (!inner || !node || !context.isSound(node)) continue;
        // The object the write goes into: `df[...]` in `df[...].loc[k] = v` as well.
        const innerNode = unparenthesize(inner);
        const viaIndexer = innerNode.type === 'attribute' && INDEXERS.has(innerNode.childForFieldName('attribute')?.text ?? '');
        const owner = viaIndexer ? unparenthesize(innerNode.childForFieldName('object')!) : innerNode;
        const selection = selectionOf(owner, context);
        if (!selection) continue;
        const base = selection.base.text;
        if (write && target) {
          const key = subscriptKeys(target);
          const fix = key.length === 1 ? assignmentFix(write, target, key[0], selection, viaIndexer ? innerNode.childForFieldName('attribute')!.text : undefined) : undefined;
          context.report({
            node: target,
            data: { target: oneLine(target.text), base: oneLine(base) },
            fixes: fix ? [fix] : [],
            suggestion: sections(fix ? pythonBlock([oneLine(fix.edits[0].newText, 100)]) : `Write through one indexer on \`${oneLine(base, 40)}\`: \`${oneLine(base, 40)}.loc[rows, columns] = value\`.`, polarsNote),
          });
        } else if (call && method && argument) {
          const parts = callParts(call)!;
          const statement = call.parent?.type === 'expression_statement';
          let fix: Fix | undefined;
          if (statement && !viaIndexer && selection.kind === 'column' && selection.base.type === 'identifier' && VALUE_WISE.has(method.text)) {
            const column = `${base}[${selection.column}]`;
            const removal = removeArgument(parts.args, argument);
            const argsText = context.text.slice(parts.args.startIndex + 1, removal.start) + context.text.slice(removal.end, parts.args.endIndex - 1);
            // Equivalent (before Copy-on-Write) unless a view of the column was kept earlier.
            const safe = soleReference(selection.base, call, context.facts, true);
            fix = {
              title: safe ? `Assign the column: \`${column} = ${column}.${method.text}(...)\`` : `Assign the column: \`${column} = ${column}.${method.text}(...)\` (a view of the column taken earlier stops following it)`,
              safety: safe ? 'safe' : 'unsafe',
              edits: [{ start: call.startIndex, end: call.endIndex, newText: `${column} = ${column}.${method.text}(${argsText})` }],
            };
          }
          context.report({
            node: call,
            data: { target: oneLine(call.childForFieldName('function')!.text) + '(inplace=True)', base: oneLine(base) },
            fixes: fix ? [fix] : [],
            suggestion: sections(fix ? pythonBlock([oneLine(fix.edits[0].newText, 100)]) : `Assign the result instead: \`${oneLine(base, 40)}[...] = ...\`.`, polarsNote),
          });
        }
      }
    },
  };
}

const polarsNote = 'One indexer per write always reaches the frame. In polars, columns are replaced, never written into: `df = df.with_columns(pl.when(mask).then(value).otherwise(pl.col("a")).alias("a"))`.';

/** What `node` selects from a provable pandas object, if it is a selection. */
function selectionOf(node: Node, context: CheckContext): Selection | undefined {
  const { facts } = context;
  if (node.type === 'subscript') {
    const value = unparenthesize(node.childForFieldName('value')!);
    const keys = subscriptKeys(node);
    // Only a frame's selections are certainly objects of their own: an element of a Series
    // (of dicts, lists...) may legitimately be written into.
    const manyRows = (key: Node) => key.type === 'slice' || key.type === 'list' || isMaskLike(key);
    if (value.type === 'attribute' && INDEXERS.has(value.childForFieldName('attribute')?.text ?? '')) {
      const base = value.childForFieldName('object')!;
      const kind = pandasKind(base, facts);
      if (!isData(kind) || (kind !== 'frame' && !(keys.length === 1 && manyRows(keys[0])))) return undefined;
      const indexer = value.childForFieldName('attribute')!.text;
      if (indexer === 'at' || indexer === 'iat') return undefined;
      return { base, kind: indexer === 'loc' && keys.length === 1 ? 'rows' : 'other', rows: keys[0] };
    }
    const kind = pandasKind(value, facts);
    if (!isData(kind) || keys.length !== 1) return undefined;
    const [key] = keys;
    if (kind !== 'frame') return manyRows(key) ? { base: value, kind: 'other' } : undefined;
    if (stringValue(key) !== undefined || stringList(key)) return { base: value, kind: 'column', column: key.text };
    if (isMaskLike(key)) return { base: value, kind: 'rows', rows: key };
    return { base: value, kind: 'other' };
  }
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object')!;
    const name = node.childForFieldName('attribute')!.text;
    if (!isFrameColumnName(name) || pandasKind(object, facts) !== 'frame') return undefined;
    return { base: object, kind: 'column', column: JSON.stringify(name) };
  }
  return undefined;
}

/** `base.loc[rows, column] = value` (or `+=`), when the two keys can be told apart. */
function assignmentFix(write: Node, target: Node, key: Node, selection: Selection, indexer: string | undefined): Fix | undefined {
  if (indexer && indexer !== 'loc') return undefined;
  const base = selection.base.text;
  const rest = write.text.slice(target.endIndex - write.startIndex);
  if (selection.kind === 'column' && !indexer || selection.kind === 'column' && indexer === 'loc') {
    // df["a"][k] = v / df["a"].loc[k] = v: safe when k is a boolean mask.
    const safe = isMaskLike(key);
    if (!safe && (key.type === 'slice' || key.type === 'integer')) return undefined;
    return {
      title: safe ? `Write through one \`.loc\`: \`${oneLine(base, 30)}.loc[mask, ${selection.column}]\`` : `Write through one \`.loc\` (\`${oneLine(key.text, 30)}\` is read as a row label)`,
      safety: safe ? 'safe' : 'unsafe',
      edits: [{ start: write.startIndex, end: write.endIndex, newText: `${base}.loc[${key.text}, ${selection.column}]${rest}` }],
    };
  }
  if (selection.kind === 'rows' && !indexer && (stringValue(key) !== undefined || stringList(key))) {
    // df[mask]["a"] = v / df.loc[r]["a"] = v: the original wrote into a copy.
    return {
      title: `Write through one \`.loc\`: \`${oneLine(base, 30)}.loc[rows, ${oneLine(key.text, 20)}]\` (the original never changed \`${oneLine(base, 20)}\`)`,
      safety: 'unsafe',
      edits: [{ start: write.startIndex, end: write.endIndex, newText: `${base}.loc[${selection.rows!.text}, ${key.text}]${rest}` }],
    };
  }
  return undefined;
}
