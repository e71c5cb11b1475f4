// anthropic-text-completions: `client.completions.create(prompt=f"{HUMAN_PROMPT} …{AI_PROMPT}",
// max_tokens_to_sample=…)` on an anthropic client, the legacy Text Completions API. Current
// anthropic SDKs have neither `client.completions` nor `HUMAN_PROMPT` / `AI_PROMPT`; the
// Messages API takes `messages=[{"role": "user", "content": …}]` and `max_tokens`.
//
// The unsafe fix rewrites the call only when the prompt is exactly `HUMAN_PROMPT + text +
// AI_PROMPT` (an f-string or a `+` chain) and every other argument means the same in the
// Messages API; the markers' import goes when nothing else uses it. Otherwise: the hover.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { ImportBinding } from '../../../facts';
import { ImportPlan } from '../../../import-plan';
import { oneLine } from '../../../template';
import type { Fix, TextEdit } from '../../../types';
import { clientSdkOf } from '../clients';
import { callsInFile } from '../legacy-calls';

const HUMAN = 'anthropic.HUMAN_PROMPT';
const AI = 'anthropic.AI_PROMPT';
/** Arguments that mean the same in the Messages API (`max_tokens_to_sample` is renamed). */
const KEPT_ARGUMENTS = new Set(['model', 'prompt', 'max_tokens_to_sample', 'temperature', 'top_p', 'top_k', 'stop_sequences', 'metadata', 'timeout', 'extra_headers']);

/** 0.3+ `client.completions.create(...)`; 0.2's `client.completion(...)` and its variants. */
interface LegacyMethod {
  receiver: Node;
  name: string;
  /** The part of the callee that becomes `messages.create`. */
  replaced: { start: number; end: number };
}

const OLD_METHODS = new Set(['completion', 'acompletion', 'completion_stream', 'acompletion_stream']);

function legacyMethod(callee: Node): LegacyMethod | undefined {
  const object = callee.childForFieldName('object');
  const attribute = callee.childForFieldName('attribute');
  if (!object || !attribute) return undefined;
  if (attribute.text === 'create' && object.type === 'attribute' && object.childForFieldName('attribute')?.text === 'completions') {
    const receiver = object.childForFieldName('object');
    const start = object.childForFieldName('attribute')!.startIndex;
    return receiver ? { receiver, name: 'completions.create', replaced: { start, end: attribute.endIndex } } : undefined;
  }
  if (OLD_METHODS.has(attribute.text)) return { receiver: object, name: attribute.text, replaced: { start: attribute.startIndex, end: attribute.endIndex } };
  return undefined;
}

interface Site {
  call: Node;
  callee: Node;
  args: Node;
  method: LegacyMethod;
  /** The new `content` expression, when the prompt has the fixable shape. */
  content: string | undefined;
  /** The prompt and `stop_sequences=[HUMAN_PROMPT]` nodes the fix replaces or drops. */
  replaced: Node[];
  blockers: string[];
}

export function createAnthropicTextCompletions(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const relevant = facts.importsModule('anthropic');
  const sites: Site[] = [];
  return {
    match({ call }) {
      if (!relevant) return;
      const site = legacySite(context, call);
      if (site) sites.push(site);
    },
    finish() {
      if (!sites.length) return;
      // The markers' import goes when every use is in a call some fix rewrites, in any def.
      const plan = new ImportPlan(facts, context.text);
      const fixable = callsInFile(facts).flatMap((call) => {
        const site = legacySite(context, call);
        return site && !site.blockers.length ? [site] : [];
      });
      const replaced = fixable.flatMap((s) => s.replaced.map((n) => ({ start: n.startIndex, end: n.endIndex })));
      for (const binding of markerBindings(context)) if (plan.isUnusedExcept(binding, replaced)) plan.remove(binding);
      const importEdits = plan.edits() ?? [];
      for (const site of sites) report(context, site, importEdits);
    },
  };
}

/** The call as a legacy completion on an anthropic client, with what blocks its fix. */
function legacySite(context: CheckContext, call: Node): Site | undefined {
  const callee = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (callee?.type !== 'attribute' || args?.type !== 'argument_list' || !context.isSound(call)) return undefined;
  const method = legacyMethod(callee);
  if (!method || clientSdkOf(context.facts, method.receiver) !== 'anthropic') return undefined;
  const site = siteOf(context, call, callee, args, method);
  if (method.name === 'acompletion') site.blockers.push('`acompletion()` needs an `AsyncAnthropic` client: `await client.messages.create(...)`');
  if (method.name.endsWith('_stream')) site.blockers.push('a stream sends other events in the Messages API (`client.messages.stream()`)');
  return site;
}

function siteOf(context: CheckContext, call: Node, callee: Node, args: Node, method: LegacyMethod): Site {
  const blockers: string[] = [];
  const replaced: Node[] = [];
  let content: string | undefined;
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type !== 'keyword_argument') {
      blockers.push('positional or `**` arguments cannot be matched');
      continue;
    }
    const name = arg.childForFieldName('name')?.text ?? '';
    const value = arg.childForFieldName('value')!;
    if (name === 'prompt') {
      content = promptContent(context, value);
      replaced.push(arg);
      if (content === undefined) blockers.push('the prompt is not exactly `HUMAN_PROMPT + text + AI_PROMPT`: split it into `messages` turns');
    } else if (name === 'stop_sequences' && isHumanStop(context, value)) {
      replaced.push(arg);
    } else if (!KEPT_ARGUMENTS.has(name)) {
      blockers.push(name === 'stream' ? 'a stream sends other events in the Messages API (`client.messages.stream()`)' : `\`${name}=\` has no Messages API counterpart here`);
    }
  }
  const keywords = new Set(args.namedChildren.filter((a) => a?.type === 'keyword_argument').map((a) => a!.childForFieldName('name')?.text));
  if (!keywords.has('prompt')) blockers.push('no `prompt=` to turn into `messages`');
  if (!keywords.has('max_tokens_to_sample')) blockers.push('the Messages API requires `max_tokens=`');
  return { call, callee, args, method, content, replaced, blockers };
}

function report(context: CheckContext, site: Site, importEdits: TextEdit[]): void {
  const { callee, args } = site;
  const receiverText = site.method.receiver.text;
  const quote = /^[a-zA-Z]*'/.test(promptValue(args)?.text ?? '') ? "'" : '"';
  const content = site.content ?? 'prompt_text';
  const messages = `messages=[{${quote}role${quote}: ${quote}user${quote}, ${quote}content${quote}: ${content}}]`;
  const edits: TextEdit[] = [];
  edits.push({ ...site.method.replaced, newText: 'messages.create' });
  for (const arg of args.namedChildren) {
    if (arg?.type !== 'keyword_argument') continue;
    const name = arg.childForFieldName('name')!;
    if (name.text === 'max_tokens_to_sample') edits.push({ start: name.startIndex, end: name.endIndex, newText: 'max_tokens' });
    if (name.text === 'prompt') edits.push({ start: arg.startIndex, end: arg.endIndex, newText: messages });
    else if (site.replaced.some((n) => n.equals(arg))) edits.push(removal(context.text, arg));
  }
  const fixes: Fix[] = site.blockers.length
    ? []
    : [{ title: `Call \`${oneLine(receiverText)}.messages.create()\` (unsafe: the response text moves to \`.content[0].text\`)`, safety: 'unsafe', edits: [...importEdits, ...edits] }];
  const rewritten = applyWithin(site.call, edits);
  const lines = ['The Messages API takes the conversation as turns:', '', '```python', rewritten, '```', '', 'The reply text moves from `response.completion` to `response.content[0].text`.'];
  for (const blocker of site.blockers) lines.push('', `No fix: ${blocker}.`);
  context.report({ node: site.call, data: { old: `${oneLine(callee.text, 60)}()`, new: `${oneLine(receiverText)}.messages.create()` }, fixes, suggestion: lines.join('\n') });
}

function promptValue(args: Node): Node | undefined {
  const prompt = args.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'prompt');
  return prompt?.childForFieldName('value') ?? undefined;
}

/** The text between the markers, as an expression: `f"{HUMAN_PROMPT} Hi {name}{AI_PROMPT}"` → `f"Hi {name}"`. */
function promptContent(context: CheckContext, value: Node): string | undefined {
  const facts = context.facts;
  if (value.type === 'binary_operator') {
    const left = value.childForFieldName('left');
    const right = value.childForFieldName('right');
    if (value.childForFieldName('operator')?.text !== '+' || left?.type !== 'binary_operator' || !right || facts.resolve(right) !== AI) return undefined;
    const human = left.childForFieldName('left');
    const text = left.childForFieldName('right');
    if (left.childForFieldName('operator')?.text !== '+' || !human || !text || facts.resolve(human) !== HUMAN) return undefined;
    return text.text;
  }
  if (value.type !== 'string') return undefined;
  const parts = value.namedChildren.filter((n): n is Node => !!n);
  const start = parts[0];
  const end = parts[parts.length - 1];
  const interpolations = parts.filter((p) => p.type === 'interpolation');
  const resolvesTo = (p: Node | undefined, target: string) => p?.type === 'interpolation' && p.namedChildCount === 1 && !!p.namedChild(0) && facts.resolve(p.namedChild(0)!) === target;
  const first = interpolations[0];
  const last = interpolations[interpolations.length - 1];
  if (start?.type !== 'string_start' || end?.type !== 'string_end' || !resolvesTo(first, HUMAN) || !resolvesTo(last, AI)) return undefined;
  if (!start.nextNamedSibling?.equals(first) || !last.nextNamedSibling?.equals(end)) return undefined;
  // Another marker inside means several turns.
  if (interpolations.slice(1, -1).some((p) => resolvesTo(p, HUMAN) || resolvesTo(p, AI))) return undefined;
  const text = context.text;
  let inner = text.slice(first.endIndex, last.startIndex);
  inner = inner.replace(/^ /, '').replace(/(?:\s|\\n)+$/, '');
  let prefix = start.text;
  if (interpolations.length === 2 && !/[{}]/.test(inner)) prefix = prefix.replace(/[fF]/, '');
  return `${prefix}${inner}${end.text}`;
}

/** `stop_sequences=[HUMAN_PROMPT]`: the Messages API ends the turn by itself. */
function isHumanStop(context: CheckContext, value: Node): boolean {
  return value.type === 'list' && value.namedChildCount === 1 && context.facts.resolve(value.namedChild(0)!) === HUMAN;
}

function markerBindings(context: CheckContext): ImportBinding[] {
  return context.facts.imports.filter((b) => !b.isModule && (b.qualified === HUMAN || b.qualified === AI));
}

/** Removes a keyword argument with its comma: its whole line when it has one to itself. */
function removal(text: string, arg: Node): TextEdit {
  const next = arg.nextSibling;
  let lineStart = arg.startIndex;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  let end = next?.type === ',' ? next.endIndex : arg.endIndex;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if ((lineStart === 0 || text[lineStart - 1] === '\n') && (text[end] === '\n' || text.startsWith('\r\n', end))) {
    return { start: lineStart, end: end + (text[end] === '\r' ? 2 : 1), newText: '' };
  }
  if (next?.type === ',') return { start: arg.startIndex, end, newText: '' };
  const previous = arg.previousSibling;
  return { start: previous?.type === ',' ? previous.startIndex : arg.startIndex, end: arg.endIndex, newText: '' };
}

/** The call's text with edits inside it applied (for the hover). */
function applyWithin(call: Node, edits: readonly TextEdit[]): string {
  let text = call.text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    if (edit.start < call.startIndex || edit.end > call.endIndex) continue;
    text = text.slice(0, edit.start - call.startIndex) + edit.newText + text.slice(edit.end - call.startIndex);
  }
  return text;
}
