// The model's reply text: `response.choices[0].message.content` of a chat completion,
// `.content[0].text` of an Anthropic message, `.output_text` of a Responses API call, `.text`
// of a Gemini answer — traced back, through local names, to the SDK request that made it, and
// whether that request already asked for a schema the API enforces.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { argumentNodes, keywordValue } from '../../call-arguments';
import { sdkCallOf, type SdkCall } from './clients';

export type ReplyApi = 'chat' | 'tool-call' | 'completion' | 'legacy-completion' | 'responses' | 'messages' | 'genai';

interface ReplyShape {
  api: ReplyApi;
  /** Resource path and method of the request (`chat.completions.create`). */
  paths: readonly string[];
  /** The accessors from the response to its text (`[]` for any subscript). */
  steps: string;
  /** How the reply is shown in the message. */
  reply: string;
  /** What the text is, in the message. */
  what: string;
}

const SHAPES: readonly ReplyShape[] = [
  { api: 'chat', paths: ['chat.completions.create'], steps: 'choices [] message content', reply: '.choices[0].message.content', what: 'reply' },
  {
    api: 'tool-call',
    paths: ['chat.completions.create'],
    steps: 'choices [] message tool_calls [] function arguments',
    reply: '.tool_calls[0].function.arguments',
    what: 'tool-call arguments',
  },
  { api: 'completion', paths: ['completions.create'], steps: 'choices [] text', reply: '.choices[0].text', what: 'reply' },
  { api: 'legacy-completion', paths: ['completions.create'], steps: 'completion', reply: '.completion', what: 'reply' },
  { api: 'responses', paths: ['responses.create'], steps: 'output_text', reply: '.output_text', what: 'reply' },
  { api: 'messages', paths: ['messages.create', 'beta.messages.create'], steps: 'content [] text', reply: '.content[0].text', what: 'reply' },
  { api: 'genai', paths: ['models.generate_content', 'aio.models.generate_content'], steps: 'text', reply: '.text', what: 'reply' },
];

/** String methods that keep the reply a reply (`content.strip()`, code fences removed with `.replace("```json", "")`). */
const STRING_METHODS = new Set(['strip', 'lstrip', 'rstrip', 'removeprefix', 'removesuffix', 'replace']);

export interface Reply {
  shape: ReplyShape;
  /** Every request the text may come from (one per binding of the response name). */
  requests: SdkCall[];
}

interface Traced {
  root: Node;
  steps: string[];
}

const MAX_HOPS = 6;
const MAX_STEPS = 8;

/** Where an expression's value comes from: a call (the request) and the accessors applied to it; undefined when a step is unknown. */
function trace(facts: SemanticFacts, node: Node, steps: string[], hops: number, out: Traced[]): boolean {
  // No reply shape is longer than MAX_STEPS accessors: a longer chain is no reply (and no deep recursion).
  if (hops > MAX_HOPS || steps.length > MAX_STEPS) return false;
  switch (node.type) {
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return !!inner && trace(facts, inner, steps, hops, out);
    }
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute')?.text;
      return !!object && !!attribute && trace(facts, object, [attribute, ...steps], hops, out);
    }
    case 'subscript': {
      // `response["choices"][0]["message"]["content"]`: openai 0.x objects were dicts too.
      const value = node.childForFieldName('value');
      const key = /^["']([a-z_]+)["']$/.exec(node.childForFieldName('subscript')?.text ?? '')?.[1];
      return !!value && trace(facts, value, [key ?? '[]', ...steps], hops, out);
    }
    case 'boolean_operator': {
      // `message.content or "{}"`: the reply, or a literal default.
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const or = node.childForFieldName('operator')?.type === 'or';
      return or && !!left && !!right && ['string', 'list', 'dictionary'].includes(right.type) && trace(facts, left, steps, hops, out);
    }
    case 'await': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return !!inner && inner.type === 'call' && trace(facts, inner, steps, hops, out);
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
      const receiver = callee?.childForFieldName('object');
      if (method && receiver && STRING_METHODS.has(method) && !steps.length) return trace(facts, receiver, steps, hops, out);
      out.push({ root: node, steps });
      return true;
    }
    case 'identifier': {
      const binding = facts.localBinding(node);
      // `for tool_call in message.tool_calls:`: an element of the loop's iterable.
      const loop = binding?.opaque && !binding.values.length && !binding.parameter ? loopOver(node) : undefined;
      if (loop) return trace(facts, loop, ['[]', ...steps], hops + 1, out);
      if (!binding || binding.opaque || binding.parameter || !binding.values.length) return false;
      return binding.values.every((value) => trace(facts, value, steps, hops + 1, out));
    }
    default:
      return false;
  }
}

/** The iterable of the `for` loop, in the same def, whose target is this name and whose body holds it. */
function loopOver(identifier: Node): Node | undefined {
  for (let child: Node = identifier, node = identifier.parent; node; child = node, node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'lambda' || node.type === 'class_definition') return undefined;
    if (node.type !== 'for_statement' || !node.childForFieldName('body')?.equals(child)) continue;
    const left = node.childForFieldName('left');
    if (left?.type === 'identifier' && left.text === identifier.text) return node.childForFieldName('right') ?? undefined;
  }
  return undefined;
}

/** The reply an expression is, when every source it may come from is an SDK request of one shape. */
export function replyOf(facts: SemanticFacts, expression: Node): Reply | undefined {
  const traced: Traced[] = [];
  if (!trace(facts, expression, [], 0, traced) || !traced.length) return undefined;
  let shape: ReplyShape | undefined;
  const requests: SdkCall[] = [];
  for (const { root, steps } of traced) {
    const request = sdkCallOf(facts, root);
    const spelled = steps.join(' ');
    const match = request && SHAPES.find((s) => s.steps === spelled && s.paths.includes(request.path));
    if (!request || !match || (shape && shape !== match)) return undefined;
    shape = match;
    requests.push(request);
  }
  return shape ? { shape, requests } : undefined;
}

/**
 * True when the request asked for structured output the API enforces or that the source does
 * not show: a `response_format` other than a `{"type": "json_object"}`/`"text"` literal, a
 * Responses `text=` format with a JSON schema, Anthropic's `output_format`/`output_config`,
 * Gemini's `response_schema`. Only plain JSON mode (or none) leaves the shape unchecked.
 */
export function asksForSchema(facts: SemanticFacts, request: SdkCall, api: ReplyApi): boolean {
  const args = request.call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return true;
  if (argumentNodes(args).some((a) => a.type === 'dictionary_splat' || a.type === 'list_splat')) return true;
  if (api === 'tool-call') return strictTools(facts, keywordValue(args, 'tools'));
  const format = keywordValue(args, 'response_format');
  if (format && !isPlainJsonMode(format)) return true;
  const text = keywordValue(args, 'text');
  if (text && (text.type !== 'dictionary' || /json_schema/.test(text.text))) return true;
  if (keywordValue(args, 'output_format') || keywordValue(args, 'output_config')) return true;
  const config = keywordValue(args, 'config');
  if (config && ((config.type !== 'dictionary' && config.type !== 'call') || /response_(?:json_)?schema/.test(config.text))) return true;
  return false;
}

/**
 * True unless the tools are a list written out (here or in a module-level name) with no strict
 * schema: `"strict": True` makes the API keep the arguments to the schema, and
 * `pydantic_function_tool(Model)` writes such a tool.
 */
function strictTools(facts: SemanticFacts, tools: Node | undefined): boolean {
  let written = tools;
  if (written?.type === 'identifier' && !facts.localBinding(written)) {
    const module = facts.ownBindings(facts.moduleScope);
    const values = module.assignments.get(written.text);
    written = values?.length === 1 && !module.opaque.has(written.text) ? values[0].value : undefined;
  }
  if (written?.type !== 'list') return true;
  return /["']strict["']\s*:\s*True|pydantic_function_tool/.test(written.text);
}

/** `{"type": "json_object"}` or `{"type": "text"}`, written out. */
function isPlainJsonMode(format: Node): boolean {
  if (format.type !== 'dictionary') return false;
  const pairs = format.namedChildren.filter((c): c is Node => !!c && c.type === 'pair');
  if (pairs.length !== format.namedChildren.filter((c) => c && c.type !== 'comment').length) return false;
  return pairs.length === 1 && /^["']type["']$/.test(pairs[0].childForFieldName('key')?.text ?? '') && /^["'](?:json_object|text)["']$/.test(pairs[0].childForFieldName('value')?.text ?? '');
}
