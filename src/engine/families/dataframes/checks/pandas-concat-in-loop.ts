// pandas-concat-in-loop: a frame grown one piece per iteration — `acc = pd.concat([acc,
// piece])`, `acc = acc.append(piece)` or `acc.loc[len(acc)] = row` inside a `for`/`while`
// body. Each iteration copies everything gathered so far, so the loop is quadratic. The
// hover rewrites it from the user's names: collect the pieces in a list, concatenate once.
// No fix: the rewrite moves code before and after the loop.
import type { Node } from 'web-tree-sitter';
import { callParts, enclosingLoop, pandasFunction, pandasKind, subscriptKeys, unparenthesize } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { confidence, moduleNames, oneLine, pythonBlock, sections } from '../pandas-hover';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-concat-in-loop', `
(assignment left: (identifier) @name right: (call arguments: (argument_list . [(list) (tuple)] @pieces)) @call) @assign
(assignment left: (identifier) @name right: (call function: (attribute object: (identifier) @object attribute: (identifier) @append (#eq? @append "append"))) @call) @assign
(assignment left: (subscript value: (attribute object: (identifier) @frame attribute: (identifier) @loc (#eq? @loc "loc"))) @target right: (_) @row) @assign
`);

export function createPandasConcatInLoop(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const captures of pandasMatches(context)) {
        const { assign } = captures;
        if (!context.isSound(assign)) continue;
        const loop = enclosingLoop(assign, facts);
        if (!loop) continue;
        const growth = growthOf(captures, context);
        if (!growth) continue;
        const header = oneLine(context.text.slice(loop.startIndex, loop.childForFieldName('body')!.startIndex).replace(/:\s*$/, ':'), 70);
        const before = isEmptyFrame(growth.name, loop, context);
        const list = growth.name === 'pieces' ? 'chunks' : 'pieces';
        const lines = [
          `${list} = []`,
          header,
          '    ...',
          `    ${list}.${growth.pieces.length === 1 ? `append(${growth.pieces[0]})` : `extend([${growth.pieces.join(', ')}])`}`,
          before ? `${growth.name} = ${names.pd}.concat(${list}${growth.options})` : `${growth.name} = ${names.pd}.concat([${growth.name}, *${list}]${growth.options})`,
        ];
        if (growth.rows) lines[4] = `${growth.name} = ${names.pd}.concat([${growth.name}, ${names.pd}.DataFrame(${list}, columns=${growth.name}.columns)], ignore_index=True)`;
        context.report({
          node: growth.report,
          data: { name: growth.name, what: growth.what },
          suggestion: sections(
            'Collect the pieces in a list and concatenate once, after the loop:',
            pythonBlock(lines),
            `Each iteration now copies every row gathered so far: n iterations copy about n²/2 pieces. polars: \`${names.pl}.concat(${list})\` once, or \`${names.pl}.DataFrame(rows)\` from a list of dicts.`,
            confidence(names),
          ),
        });
      }
    },
  };
}

interface Growth {
  name: string;
  what: string;
  report: Node;
  pieces: string[];
  options: string;
  /** Rows (`acc.loc[len(acc)] = row`) rather than frames. */
  rows?: boolean;
}

function growthOf(captures: Record<string, Node>, context: CheckContext): Growth | undefined {
  const { facts } = context;
  const { name, call, pieces, object, target, frame, row } = captures;
  if (name && call && pieces) {
    if (pandasFunction(call, facts) !== 'pandas.concat') return undefined;
    const items = pieces.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const others = items.filter((item) => unparenthesize(item).text !== name.text);
    if (others.length === items.length) return undefined; // not an accumulator
    const parts = callParts(call)!;
    const options = [...parts.keywordNodes.values()].map((k) => `, ${k.text}`).join('');
    return { name: name.text, what: `${oneLine(call.childForFieldName('function')!.text)}()`, report: call, pieces: others.map((o) => o.text), options };
  }
  if (name && call && object) {
    if (object.text !== name.text || !isFrameLike(object, context)) return undefined;
    const parts = callParts(call)!;
    const piece = parts.positional[0];
    if (!piece) return undefined;
    const options = [...parts.keywordNodes.values()].map((k) => `, ${k.text}`).join('');
    return { name: name.text, what: `.append()`, report: call, pieces: [piece.text], options };
  }
  if (target && frame && row) {
    const keys = subscriptKeys(target);
    const key = keys.length === 1 ? keys[0].text.replace(/\s+/g, '') : '';
    const f = frame.text;
    if (![`len(${f})`, `len(${f}.index)`, `${f}.shape[0]`].includes(key)) return undefined;
    if (pandasKind(frame, facts) !== 'frame') return undefined;
    return { name: f, what: `.loc[${keys[0].text}] = ...`, report: target, pieces: [row.text], options: '', rows: true };
  }
  return undefined;
}

function isFrameLike(node: Node, context: CheckContext): boolean {
  const kind = pandasKind(node, context.facts);
  return kind === 'frame' || kind === 'series' || kind === 'data';
}

/** The accumulator starts as `pd.DataFrame()` (empty) right before the loop. */
function isEmptyFrame(name: string, loop: Node, context: CheckContext): boolean {
  let previous = loop.previousNamedSibling;
  while (previous?.type === 'comment') previous = previous.previousNamedSibling;
  const assignment = previous?.type === 'expression_statement' ? previous.firstNamedChild : undefined;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) return false;
  const value = assignment.childForFieldName('right');
  if (value?.type !== 'call') return false;
  const fn = pandasFunction(value, context.facts);
  const parts = callParts(value);
  return (fn === 'pandas.DataFrame' || fn === 'pandas.Series') && !!parts && parts.positional.length === 0 && parts.keywords.size === 0;
}
