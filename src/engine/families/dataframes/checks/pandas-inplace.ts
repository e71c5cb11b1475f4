// pandas-inplace: `obj.method(..., inplace=True)`. The fix drops the argument and rebinds
// the name (`df.drop(columns=["a"], inplace=True)` → `df = df.drop(columns=["a"])`). It is
// safe only where nothing else can observe the mutation: the receiver is a local name (not
// a parameter or global) bound only to fresh pandas results, and nowhere else in its scope
// is it handed out before the call (to a function, a container, another name, a closure).
// Otherwise the same edit is offered as unsafe. `df["a"].fillna(0, inplace=True)` — a
// method on a column — belongs to pandas-chained-assignment and is not reported here.
import type { Node } from 'web-tree-sitter';
import { callParts, isData, pandasKind, removeArgument, soleReference, unparenthesize, type CallParts } from '../pandas';
import { INPLACE_METHODS } from '../pandas-methods';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { confidence, moduleNames, oneLine, pythonBlock, sections } from '../pandas-hover';
import type { Fix, TextEdit } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-inplace', `
(call
  function: (attribute object: (_) @object attribute: (identifier) @method)
  arguments: (argument_list (keyword_argument name: (identifier) @keyword value: (true)) @argument)
  (#eq? @keyword "inplace")) @call
`);

/**
 * Methods whose `inplace=False` form returns a new object of the receiver's kind. With
 * `inplace=True` the first group swaps in new data or axes (other objects never see the old
 * data change); the second writes into the existing arrays, which views taken earlier
 * (`s = df["a"]`, without Copy-on-Write) would see.
 */
const REPLACING = new Set(['drop', 'drop_duplicates', 'dropna', 'eval', 'query', 'rename', 'rename_axis', 'reset_index', 'set_index', 'sort_index', 'sort_values']);
const MUTATING = new Set(['bfill', 'clip', 'ffill', 'fillna', 'interpolate', 'mask', 'replace', 'where']);

export function createPandasInplace(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { object, method, argument, call } of pandasMatches(context)) {
        if (!context.isSound(call) || !INPLACE_METHODS.has(method.text)) continue;
        const kind = pandasKind(object, facts);
        if (!isData(kind) && kind !== 'index') continue;
        if (isColumnSelection(object, context)) continue; // pandas-chained-assignment
        const parts = callParts(call)!;
        const statement = call.parent?.type === 'expression_statement' ? call.parent : undefined;
        const receiver = unparenthesize(object);
        const fixes: Fix[] = [];
        const without = removeArgument(parts.args, argument);
        const rebindable = REPLACING.has(method.text) || MUTATING.has(method.text);
        const rebound = statement && receiver.type === 'identifier' && rebindable && (method.text !== 'reset_index' || kind === 'frame' || parts.keywords.get('drop')?.type === 'true');
        if (rebound) {
          const safe = isData(kind) && soleReference(receiver, call, facts, MUTATING.has(method.text));
          const edits: TextEdit[] = [{ start: call.startIndex, end: call.startIndex, newText: `${receiver.text} = ` }, without];
          fixes.push({
            title: safe ? `Rebind: \`${receiver.text} = ${receiver.text}.${method.text}(...)\`` : `Rebind: \`${receiver.text} = ${receiver.text}.${method.text}(...)\` (other references to the old object no longer see the change)`,
            safety: safe ? 'safe' : 'unsafe',
            edits,
          });
        } else if (assignsToReceiver(call, receiver)) {
          // `df = df.dropna(inplace=True)` binds None: dropping the argument is what was meant.
          fixes.push({ title: 'Remove `inplace=True` (the assignment currently stores None)', safety: 'unsafe', edits: [without] });
        }
        const modern = rebound || assignsToReceiver(call, receiver) ? `${receiver.text} = ${receiver.text}.${method.text}(${argumentsWithout(parts, argument)})` : `result = ${oneLine(object.text, 50)}.${method.text}(${argumentsWithout(parts, argument)})`;
        context.report({
          node: call,
          data: { method: method.text, object: oneLine(object.text) },
          fixes,
          suggestion: sections(
            pythonBlock([modern]),
            'pandas copies the data either way (`inplace=True` rarely saves memory), and with Copy-on-Write, the default from pandas 3.0, rebinding is the idiom. polars frames are immutable: every method returns a new frame, so pipelines read as one chain.',
            confidence(names),
          ),
        });
      }
    },
  };
}

function argumentsWithout(parts: CallParts, argument: Node): string {
  const items = parts.args.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment' && !c.equals(argument));
  return oneLine(items.map((c) => c.text).join(', '), 70);
}

/** `df["a"]`, `df.a`, `df.loc[...]`: a selection whose in-place change may not reach `df`. */
function isColumnSelection(object: Node, context: CheckContext): boolean {
  const inner = unparenthesize(object);
  if (inner.type !== 'subscript' && inner.type !== 'attribute') return false;
  const base = inner.type === 'subscript' ? inner.childForFieldName('value')! : inner.childForFieldName('object')!;
  const baseInner = unparenthesize(base);
  const owner = baseInner.type === 'attribute' && ['loc', 'iloc'].includes(baseInner.childForFieldName('attribute')?.text ?? '') ? baseInner.childForFieldName('object')! : base;
  return isData(pandasKind(owner, context.facts));
}

function assignsToReceiver(call: Node, receiver: Node): boolean {
  const parent = call.parent;
  return receiver.type === 'identifier' && parent?.type === 'assignment' && parent.childForFieldName('left')?.text === receiver.text && !!parent.childForFieldName('right')?.equals(call);
}

