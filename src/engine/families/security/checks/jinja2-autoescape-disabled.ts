// jinja2-autoescape-disabled: a Jinja2 Environment or Template that does not escape HTML,
// so `{{ comment }}` renders `<script>` as given (stored XSS). Autoescape is off by default.
// The (unsafe) fix turns it on the way Jinja2 recommends, by file extension:
// `autoescape=jinja2.select_autoescape()`.
import type { Node } from 'web-tree-sitter';
import { isStaticString } from '../strings';
import { callArguments, keywordArgument, oneLine, pythonBlock, referenceTo } from '../code-execution';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix } from '../../../types';

const CONSTRUCTORS = new Set(['jinja2.Environment', 'jinja2.environment.Environment', 'jinja2.Template', 'jinja2.environment.Template']);
/** More positional arguments than this may include `autoescape` itself. */
const MAX_POSITIONAL = { Environment: 13, Template: 13 };

export function createJinja2AutoescapeDisabled(context: CheckContext): CheckVisitor {
  // A file that imports none of these modules has nothing to report: skip its calls.
  const relevant = context.facts.mayResolveTo([...CONSTRUCTORS]);
  return {
    match({ call, callee, args }) {
      if (!relevant) return;
      const qualified = context.facts.resolve(callee);
      if (!qualified || !CONSTRUCTORS.has(qualified) || !context.isSound(call)) return;
      const { positional, keywords, hasSplat } = callArguments(args);
      const kind = qualified.endsWith('Environment') ? 'Environment' : 'Template';
      if (positional.length > MAX_POSITIONAL[kind]) return;
      // A template written in the source that has no HTML tag renders text (a CLI table, a config file).
      const source = kind === 'Template' ? (positional[0] ?? keywords.get('source')) : undefined;
      if (source && isStaticString(source) && !/<[A-Za-z!/]/.test(source.text)) return;
      const value = keywords.get('autoescape');
      let problem: string;
      if (value) {
        // True, select_autoescape(...), a setting: the author decided.
        if (!isFalsy(context, value)) return;
        problem = `sets \`autoescape=${oneLine(value.text, 20)}\``;
      } else {
        if (hasSplat) return;
        problem = 'leaves autoescape off (the default)';
      }
      const { name: select, edits } = referenceTo(context, call, 'jinja2.select_autoescape');
      const argument = `autoescape=${select || 'jinja2.select_autoescape'}()`;
      let fix: Fix | undefined;
      const keyword = keywordArgument(args, 'autoescape');
      const edit = keyword ? { start: keyword.startIndex, end: keyword.endIndex, newText: argument } : appendArgument(context.text, args, argument);
      if (select) fix = { title: `Pass \`${argument}\``, safety: 'unsafe', edits: [...edits, edit] };
      // The user's own call with the argument in place, for the hover.
      const fixedCall = call.text.slice(0, edit.start - call.startIndex) + edit.newText + call.text.slice(edit.end - call.startIndex);
      context.report({
        node: call,
        data: { callee: oneLine(callee.text), problem },
        fixes: fix ? [fix] : [],
        peer: 'S701',
        suggestion: `Escape HTML templates (by file extension; strings from \`from_string\` too):\n\n${pythonBlock(fixedCall)}\n\nFor templates that are not HTML (emails in text, config files, code), pass \`autoescape=False\` on purpose and silence this line.`,
      });
    },
  };
}

/** Adds `text` as the last argument, after a trailing comma if there is one. */
function appendArgument(source: string, args: Node, text: string) {
  const close = args.lastChild!;
  const items = args.namedChildren.filter((c) => c && c.type !== 'comment');
  if (!items.length) return { start: close.startIndex, end: close.startIndex, newText: text };
  const last = items[items.length - 1]!;
  const between = args.text.slice(last.endIndex - args.startIndex, close.startIndex - args.startIndex);
  if (between.includes(',')) {
    // `f(a,\n)`: keep the layout; put the new argument where the closing paren starts its line.
    const comma = last.endIndex + between.indexOf(',') + 1;
    if (!between.includes('\n')) return { start: comma, end: comma, newText: ` ${text}` };
    const lineStart = source.lastIndexOf('\n', last.startIndex - 1) + 1;
    const indent = /^[ \t]*/.exec(source.slice(lineStart))![0];
    return { start: comma, end: comma, newText: `\n${indent}${text},` };
  }
  return { start: last.endIndex, end: last.endIndex, newText: `, ${text}` };
}

/** `False`, `None`, `0`, `""`, or a name bound only to one of them in its scope (`ESCAPE = False`). */
function isFalsy(context: CheckContext, value: Node): boolean {
  if (value.type === 'false' || value.type === 'none') return true;
  if (value.type === 'integer') return /^0+$/.test(value.text.replace(/_/g, ''));
  if (value.type === 'string') return /^[rRbBuU]*(?:""|''|"{6}|'{6})$/.test(value.text);
  if (value.type !== 'identifier') return false;
  const scope = context.facts.scopeOf(value);
  for (let s: typeof scope | undefined = scope; s; s = s.parent) {
    if (s !== scope && s.kind === 'class') continue;
    if (!s.bindings.has(value.text)) continue;
    const assigned = s.assignments.get(value.text);
    if (!assigned?.length || s.opaque.has(value.text) || s.parameters.has(value.text)) return false;
    return assigned.every(({ value: v }) => v.type !== 'identifier' && isFalsy(context, v));
  }
  return false;
}
