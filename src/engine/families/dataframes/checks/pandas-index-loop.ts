// pandas-index-loop: `for i in range(len(df)):` (or `range(df.shape[0])`, `for i in
// df.index:`) whose body reads the frame row by row with the loop variable:
// `df.iloc[i]`, `df.loc[i, "a"]`, `df.at[i, "a"]`, `df.iat[i, 0]`, `df["a"][i]`. The loop
// variable must be the first key of the lookup and the object a provable pandas frame or
// column; a loop over a list's or an array's positions is not reported. No fix.
import type { Node } from 'web-tree-sitter';
import { callParts, isData, pandasKind, subscriptKeys, unparenthesize } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { confidence, moduleNames, oneLine, sections } from '../pandas-hover';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-index-loop', `
(for_statement left: (identifier) @index right: (_) @iteration body: (block) @body) @loop
`);

const INDEXERS = new Set(['iloc', 'loc', 'at', 'iat']);

export function createPandasIndexLoop(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { index, iteration, body } of pandasMatches(context)) {
        if (!context.isSound(iteration)) continue;
        const sized = iteratedFrame(iteration, context);
        if (!sized) continue;
        const lookup = rowLookup(body, index.text, context);
        if (!lookup) continue;
        context.report({
          node: iteration,
          data: { index: index.text, iteration: oneLine(iteration.text, 40), frame: oneLine(lookup.object.text, 40), lookup: oneLine(lookup.subscript.text, 40) },
          suggestion: sections(
            'Write the body on whole columns: arithmetic and comparisons of columns, `.where()` or `np.select()` for conditions, `.shift()` for the previous row, `.cumsum()` for running totals, `.str`/`.dt` methods. They run once per column in compiled code.',
            'If a loop is unavoidable, take the columns out once as NumPy arrays (`.to_numpy()`) and index those: a NumPy lookup costs a fraction of a pandas indexing call. polars has the same column expressions, and `iter_rows(named=True)` as a last resort.',
            confidence(names),
          ),
        });
      }
    },
  };
}

/** `range(len(df))`, `range(0, len(df))`, `range(df.shape[0])`, `df.index`: the frame whose rows are counted. */
function iteratedFrame(iteration: Node, context: CheckContext): Node | undefined {
  const inner = unparenthesize(iteration);
  if (inner.type === 'attribute' && inner.childForFieldName('attribute')?.text === 'index') {
    const object = inner.childForFieldName('object')!;
    return isData(pandasKind(object, context.facts)) ? object : undefined;
  }
  const parts = callParts(inner);
  if (!parts || parts.receiver || parts.hasSplat || context.facts.resolve(parts.nameNode) !== 'builtins.range') return undefined;
  const stop = parts.positional.length === 1 ? parts.positional[0] : parts.positional.length === 2 && parts.positional[0].text === '0' ? parts.positional[1] : undefined;
  if (!stop) return undefined;
  const measured = lengthOf(unparenthesize(stop), context);
  return measured && isData(pandasKind(measured, context.facts)) ? measured : undefined;
}

/** `len(x)` or `x.shape[0]`: x. */
function lengthOf(node: Node, context: CheckContext): Node | undefined {
  if (node.type === 'call') {
    const parts = callParts(node);
    return parts && !parts.receiver && parts.positional.length === 1 && context.facts.resolve(parts.nameNode) === 'builtins.len' ? parts.positional[0] : undefined;
  }
  if (node.type === 'subscript') {
    const value = unparenthesize(node.childForFieldName('value')!);
    const keys = subscriptKeys(node);
    if (value.type === 'attribute' && value.childForFieldName('attribute')?.text === 'shape' && keys.length === 1 && keys[0].text === '0') return value.childForFieldName('object')!;
  }
  return undefined;
}

/** The first lookup in the body that uses the loop variable as a row key of a pandas object. */
function rowLookup(body: Node, index: string, context: CheckContext): { object: Node; subscript: Node } | undefined {
  let found: { object: Node; subscript: Node } | undefined;
  const visit = (node: Node) => {
    for (const child of node.namedChildren) {
      if (!child || found) continue;
      if (child.type === 'function_definition' || child.type === 'lambda' || child.type === 'class_definition') continue;
      if (child.type === 'subscript') found = lookupOf(child, index, context);
      if (!found) visit(child);
    }
  };
  visit(body);
  return found;
}

function lookupOf(subscript: Node, index: string, context: CheckContext): { object: Node; subscript: Node } | undefined {
  const keys = subscriptKeys(subscript);
  const first = keys[0] && unparenthesize(keys[0]);
  if (first?.type !== 'identifier' || first.text !== index) return undefined;
  const value = unparenthesize(subscript.childForFieldName('value')!);
  if (value.type === 'attribute') {
    const indexer = value.childForFieldName('attribute')!.text;
    const object = value.childForFieldName('object')!;
    if (INDEXERS.has(indexer) && isData(pandasKind(object, context.facts))) return { object, subscript };
    return undefined;
  }
  // `df["a"][i]`: a column read by label, one element per iteration.
  if (keys.length === 1 && pandasKind(value, context.facts) === 'series') return { object: value, subscript };
  return undefined;
}
