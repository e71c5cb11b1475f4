// eval-exec-of-untrusted: builtin `eval()`/`exec()` on anything but a string literal. Whoever
// controls that text runs Python in the process. For data, `ast.literal_eval` reads literals
// and runs nothing; that is the (unsafe) fix offered for a one-argument `eval()`.
import type { Node } from 'web-tree-sitter';
import { isStaticString, stringBuild } from '../strings';
import { callArguments, oneLine, pythonBlock, referenceTo } from '../code-execution';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix } from '../../../types';

const BUILTINS = new Map([
  ['builtins.eval', 'S307'],
  ['builtins.exec', 'S102'],
]);

export function createEvalExecOfUntrusted(context: CheckContext): CheckVisitor {
  // Only a call spelled `eval`/`exec` can be the builtin, unless the file imports from
  // `builtins` (an alias): skip the name resolution of every other call.
  const aliased = context.facts.importsModule('builtins');
  return {
    match({ call, callee, args }) {
      const spelled = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee.text;
      if (!aliased && spelled !== 'eval' && spelled !== 'exec') return;
      const qualified = context.facts.resolve(callee);
      const peer = qualified && BUILTINS.get(qualified);
      if (!peer || !context.isSound(call)) return;
      const { positional, keywords, hasSplat } = callArguments(args);
      const source = positional[0] ?? keywords.get('source');
      if (!source || isStaticString(source) || isOwnRepr(context, source)) return;
      const name = qualified === 'builtins.eval' ? 'eval' : 'exec';
      let fix: Fix | undefined;
      let safe: string;
      // Text built around the values is code, not data: literal_eval would only reject it.
      if (name === 'eval' && positional.length === 1 && keywords.size === 0 && !hasSplat && !stringBuild(source)) {
        const { name: literalEval, edits } = referenceTo(context, call, 'ast.literal_eval');
        safe = `${literalEval || 'ast.literal_eval'}(${source.text})`;
        if (literalEval) {
          fix = { title: `Replace with \`${oneLine(safe)}\``, safety: 'unsafe', edits: [...edits, { start: callee.startIndex, end: callee.endIndex, newText: literalEval }] };
        }
      } else {
        safe = name === 'eval' && !stringBuild(source) ? `ast.literal_eval(${oneLine(source.text)})` : '';
      }
      context.report({
        node: call,
        data: { callee: callee.text, source: oneLine(source.text, 30) },
        fixes: fix ? [fix] : [],
        peer,
        suggestion: safe
          ? `If \`${oneLine(source.text, 30)}\` is data (numbers, strings, lists, dicts), read it without running it:\n\n${pythonBlock(safe)}`
          : 'Do not run text that comes from outside: map the allowed commands to functions (a dict of callables), or parse the input with a real parser.',
      });
    },
  };
}

/** `eval(repr(obj))`: the repr round trip of the program's own object (a common test). */
function isOwnRepr(context: CheckContext, node: Node): boolean {
  const callee = node.type === 'call' ? node.childForFieldName('function') : null;
  return !!callee && context.facts.resolve(callee) === 'builtins.repr';
}
