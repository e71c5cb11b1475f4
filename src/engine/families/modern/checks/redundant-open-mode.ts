// redundant-open-mode (UP015): `open(f, "r")`, `"rt"`, `"U"` — reading text is `open`'s
// default, `t` is the default of `t`/`b`, and `U` has meant nothing since Python 3.0 (3.11
// rejects it). The fix drops the argument, or rewrites the mode without the redundant
// letters (`"wt"` → `"w"`, `"Ub"` → `"rb"`). The builtin `open` only, as in Ruff (`io.open`
// is io-open-alias's). A positional mode followed by more positional arguments is left
// alone: dropping it would shift `buffering` into its place.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { argumentNodes, hasSplat, removeArgument } from '../../../call-arguments';
import { brief, isBuiltin, stringPrefix } from '../syntax';

export function createRedundantOpenMode(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const { call, fn, args } = captures;
      if (!call || !fn || !args || hasSplat(args)) return;
      const builtin = fn.type === 'identifier' ? isBuiltin(context, fn, 'open') : context.facts.resolve(fn) === 'builtins.open';
      if (!builtin) return;
      const items = argumentNodes(args);
      const positional = items.filter((a) => a.type !== 'keyword_argument');
      const keyword = items.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'mode');
      let argument: Node | undefined;
      let value: Node | null | undefined;
      if (keyword) [argument, value] = [keyword, keyword.childForFieldName('value')];
      else if (positional.length === 2) [argument, value] = [positional[1], positional[1]];
      if (!argument || !value) return;
      const mode = plainString(value);
      const better = mode === undefined ? undefined : simplerMode(mode);
      if (mode === undefined || better === undefined || (better === mode && better !== 'r') || !context.isSound(value)) return;
      const drop = better === 'r';
      const content = value.namedChildren.find((c) => c?.type === 'string_content');
      const edit = drop ? removeArgument(args, argument) : { start: content!.startIndex, end: content!.endIndex, newText: better };
      context.report({
        node: value,
        data: { mode, verdict: drop ? 'is what `open` does by default' : `means \`"${better}"\`` },
        fixes: [{ title: drop ? 'Remove the mode argument' : `Write the mode as \`"${better}"\``, safety: 'safe', edits: [edit] }],
        suggestion: `\`${brief(context.text.slice(call.startIndex, edit.start) + edit.newText + context.text.slice(edit.end, call.endIndex), 60)}\``,
        peer: 'UP015',
      });
    },
  };
}

/** The text of a plain (non-f, non-bytes) one-piece string literal. */
function plainString(node: Node): string | undefined {
  if (node.type !== 'string' || !/^[uU]?$/.test(stringPrefix(node))) return undefined;
  const content = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'string_start' && c.type !== 'string_end');
  if (content.length === 0) return '';
  return content.length === 1 && content[0].type === 'string_content' ? content[0].text : undefined;
}

/** The mode without `U` and `t` (with the `r` they implied); undefined when the mode is not valid. */
function simplerMode(mode: string): string | undefined {
  if (!/^[rwaxbtU+]+$/.test(mode) || new Set(mode).size !== mode.length) return undefined;
  const kinds = mode.replace(/[^rwax]/g, '');
  if (kinds.length > 1 || (kinds === '' && !mode.includes('U')) || (mode.includes('t') && mode.includes('b'))) return undefined;
  if (mode.includes('U') && kinds !== '' && kinds !== 'r') return undefined;
  const rest = mode.replace(/[Ut]/g, '');
  return /[rwax]/.test(rest) ? rest : `r${rest}`;
}
