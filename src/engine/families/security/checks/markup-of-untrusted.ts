// markup-of-untrusted: `Markup(text)` declares text to be safe HTML, so templates stop
// escaping it. Built from runtime values (`Markup(f"<b>{name}</b>")`), a `<script>` in a
// value reaches the page. Markup's own `%` and `.format()` escape their arguments, so the
// (unsafe) fix moves the formatting outside: `Markup("<b>{}</b>").format(name)`.
import type { Node } from 'web-tree-sitter';
import { isStaticString, stringBuild } from '../strings';
import { callArguments, oneLine, pythonBlock } from '../code-execution';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix } from '../../../types';

const MARKUP = new Set(['markupsafe.Markup', 'flask.Markup', 'jinja2.Markup', 'jinja2.utils.Markup']);
/** Calls whose result is already escaped or sanitized HTML. */
const ESCAPED = new Set([
  'markupsafe.escape',
  'markupsafe.Markup',
  'markupsafe.Markup.escape',
  'flask.escape',
  'flask.Markup',
  'html.escape',
  'bleach.clean',
  'bleach.linkify',
  'flask.render_template',
  'flask.render_template_string',
  'nh3.clean',
]);
/** Where a rewritten `Markup(...) % x` needs no parentheses. */
const STANDALONE = new Set(['argument_list', 'assignment', 'return_statement', 'expression_statement', 'keyword_argument', 'pair', 'list', 'tuple', 'parenthesized_expression', 'augmented_assignment']);

export function createMarkupOfUntrusted(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  // A file that imports none of these modules has nothing to report: skip its calls.
  const relevant = context.facts.mayResolveTo([...MARKUP]);
  return {
    match({ call, callee, args }) {
      if (!relevant) return;
      const qualified = facts.resolve(callee);
      if (!qualified || !MARKUP.has(qualified) || !context.isSound(call)) return;
      const { positional, keywords } = callArguments(args);
      const text = positional[0] ?? keywords.get('object');
      if (!text || isStaticString(text) || text.type === 'none') return;
      const build = stringBuild(text);
      // Plain names and calls: only the built strings are known to mix markup with values.
      if (!build) return;
      // `Markup(f'<meta content="{escape(token)}">')`: every value already escaped.
      if (valuesEscaped(context, text)) return;
      const markup = oneLine(callee.text);
      const rewrite = positional.length === 1 && keywords.size === 0 ? escapingForm(markup, text) : undefined;
      let fix: Fix | undefined;
      if (rewrite) {
        const wrapped = STANDALONE.has(call.parent?.type ?? '') || build !== 'percent' ? rewrite : `(${rewrite})`;
        fix = { title: `Let \`${markup}\` escape the values: \`${oneLine(rewrite, 50)}\``, safety: 'unsafe', edits: [{ start: call.startIndex, end: call.endIndex, newText: wrapped }] };
      }
      context.report({
        node: call,
        data: { callee: markup, build: DESCRIPTIONS[build] },
        fixes: fix ? [fix] : [],
        peer: 'S704',
        suggestion: rewrite
          ? `Format through \`${markup}\`, which escapes each value and keeps the literal markup:\n\n${pythonBlock(rewrite)}`
          : `Escape the runtime parts before marking the whole as safe: \`${markup}("<b>{}</b>").format(value)\`, or \`markupsafe.escape(value)\`.`,
      });
    },
  };
}

const DESCRIPTIONS: Record<string, string> = {
  'f-string': 'an f-string',
  percent: '`%` formatting',
  format: '`str.format()`',
  concatenation: 'concatenation',
};

/** A built string whose every runtime part is a literal or an escaping call: `escape(a) + "<br>"`, `f"{escape(x)}"`. */
function valuesEscaped(context: CheckContext, node: Node): boolean {
  if (node.type === 'parenthesized_expression') return valuesEscaped(context, node.namedChildren[0]!);
  if (isStaticString(node) || isEscapingCall(context, node)) return true;
  if (node.type === 'string') {
    return node.namedChildren.every((part) => part?.type !== 'interpolation' || isEscapingCall(context, part.childForFieldName('expression') ?? part.namedChildren[0]));
  }
  if (node.type === 'binary_operator') {
    const operator = node.childForFieldName('operator')?.type;
    const left = node.childForFieldName('left')!;
    const right = node.childForFieldName('right')!;
    if (operator === '+') return valuesEscaped(context, left) && valuesEscaped(context, right);
    if (operator === '%') return isStaticString(left) && (right.type === 'tuple' ? right.namedChildren.every((item) => !!item && valuesEscaped(context, item)) : valuesEscaped(context, right));
    return false;
  }
  if (node.type === 'call' && node.childForFieldName('function')?.childForFieldName('attribute')?.text === 'format') {
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    return args.every((a) => !a || a.type === 'comment' || valuesEscaped(context, a.type === 'keyword_argument' ? a.childForFieldName('value') ?? a : a));
  }
  return false;
}

function isEscapingCall(context: CheckContext, node: Node | null | undefined): boolean {
  if (node?.type !== 'call') return false;
  const qualified = context.facts.resolve(node.childForFieldName('function')!);
  return !!qualified && ESCAPED.has(qualified);
}

/** `Markup("…{}…").format(a)` for an f-string, `Markup("…%s…") % x`, `Markup("…{}…").format(x)`; else undefined. */
function escapingForm(markup: string, text: Node): string | undefined {
  if (text.type === 'parenthesized_expression') return escapingForm(markup, text.namedChildren[0]!);
  if (text.type === 'binary_operator') {
    if (text.childForFieldName('operator')?.type !== '%') return undefined;
    const left = text.childForFieldName('left')!;
    if (!isStaticString(left)) return undefined;
    return `${markup}(${left.text}) % ${text.childForFieldName('right')!.text}`;
  }
  if (text.type === 'call') {
    const object = text.childForFieldName('function')!.childForFieldName('object')!;
    if (!isStaticString(object)) return undefined;
    return `${markup}(${object.text}).format${text.childForFieldName('arguments')!.text}`;
  }
  if (text.type === 'string') return fStringForm(markup, text);
  return undefined;
}

/** `f"<b>{name!r:>10}</b>"` → `Markup("<b>{!r:>10}</b>").format(name)`. */
function fStringForm(markup: string, text: Node): string | undefined {
  let template = '';
  let cursor = text.startIndex;
  const values: string[] = [];
  for (const part of text.namedChildren) {
    if (part?.type !== 'interpolation') continue;
    const expression = part.childForFieldName('expression') ?? part.namedChildren[0];
    if (!expression) return undefined;
    const conversion = part.namedChildren.find((c) => c?.type === 'type_conversion')?.text ?? '';
    const spec = part.namedChildren.find((c) => c?.type === 'format_specifier');
    // `{x=}` debug text and nested replacement fields in the spec: no faithful `.format()` form.
    if (/^\s*=/.test(part.text.slice(expression.endIndex - part.startIndex))) return undefined;
    if (spec?.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
    if (expression.text.includes('\n') || /["']/.test(expression.text) || expression.type === 'yield' || expression.type === 'expression_list') return undefined;
    template += sliceOf(text, cursor, part.startIndex) + `{${conversion}${spec ? spec.text : ''}}`;
    values.push(expression.type === 'named_expression' || expression.type === 'lambda' ? `(${expression.text})` : expression.text);
    cursor = part.endIndex;
  }
  template += sliceOf(text, cursor, text.endIndex);
  const prefix = /^[A-Za-z]*/.exec(template)![0];
  template = prefix.replace(/[fF]/g, '') + template.slice(prefix.length);
  return `${markup}(${template}).format(${values.join(', ')})`;
}

function sliceOf(node: Node, from: number, to: number): string {
  return node.text.slice(from - node.startIndex, to - node.startIndex);
}
