// unvalidated-llm-json: `json.loads()` of a model's reply (replies.ts traces it to the SDK
// request of the same function) whose result nothing validates. Silent when the request asked
// for a schema, and when the loaded value goes straight into a validator (`Model.model_validate`,
// `Model(**data)`, `TypeAdapter(...).validate_python`, jsonschema's `validate`). No fix: the
// model is the user's to write; the hover sketches it from the keys the code reads.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';
import { argumentNodes, keywordValue } from '../../../call-arguments';
import { oneLine, pythonBlock } from '../../../template';
import { forEachNode } from '../../../tree-walk';
import { routesOf } from '../../../web-routes';
import { mayUseLlmClients } from '../clients';
import { asksForSchema, replyOf, type Reply } from '../replies';

const JSON_LOADS = ['json.loads', 'orjson.loads', 'ujson.loads', 'simplejson.loads'];

/** Calls that check data against a schema: pydantic, jsonschema, dacite, cattrs, marshmallow. */
const VALIDATING_METHODS = new Set(['model_validate', 'parse_obj', 'validate_python', 'validate', 'parse_obj_as', 'from_dict', 'structure', 'iter_errors', 'is_valid', 'load']);

export function createUnvalidatedLlmJson(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const relevant = facts.mayResolveTo(JSON_LOADS) && mayUseLlmClients(facts);
  return {
    match({ call, callee, args }) {
      if (!relevant || !JSON_LOADS.includes(facts.resolve(callee) ?? '') || !context.isSound(call)) return;
      const items = argumentNodes(args);
      const text = items[0]?.type === 'keyword_argument' ? undefined : items[0];
      if (!text || text.type === 'list_splat' || text.type === 'dictionary_splat') return;
      const reply = replyOf(facts, text);
      if (!reply || reply.requests.some((r) => asksForSchema(facts, r, reply.shape.api)) || isValidated(facts, call)) return;
      context.report({
        node: call,
        data: { callee: oneLine(callee.text), reply: reply.shape.reply, what: reply.shape.what },
        suggestion: suggestion(facts, call, text, reply),
      });
    },
  };
}

/** The call an argument is passed to (`f(x)`, `f(key=x)`, `f(**x)`), if any. */
function receivingCall(node: Node): Node | undefined {
  let parent = node.parent;
  if (parent?.type === 'keyword_argument' || parent?.type === 'dictionary_splat') parent = parent.parent;
  return parent?.type === 'argument_list' ? (parent.parent ?? undefined) : undefined;
}

/** Capitalised names in a return annotation that declare no fields for FastAPI to check. */
const SHAPELESS_TYPES = new Set(['Dict', 'List', 'Any', 'Optional', 'Union', 'Sequence', 'Mapping', 'JSONResponse', 'Response', 'ORJSONResponse', 'StreamingResponse', 'None']);

/**
 * `return data` from a FastAPI route with a `response_model=` or a model return annotation:
 * FastAPI validates the returned value against it (a bad answer is a 500, not bad data).
 */
function returnedFromCheckedRoute(facts: SemanticFacts, node: Node): boolean {
  if (node.parent?.type !== 'return_statement') return false;
  const scope = facts.scopeOf(node);
  if (scope.kind !== 'function') return false;
  const routes = routesOf(scope.node, facts).filter((r) => r.framework === 'fastapi');
  if (!routes.length) return false;
  const args = (route: (typeof routes)[number]) => route.call.childForFieldName('arguments');
  if (routes.some((r) => { const a = args(r); const model = a && keywordValue(a, 'response_model'); return !!model && model.type !== 'none'; })) return true;
  const returns = scope.node.childForFieldName('return_type');
  // `-> Triage`, `-> list[Triage]`: a model; `-> dict[str, Any]`: nothing to check.
  const names = returns?.text.match(/[A-Za-z_]\w*/g) ?? [];
  return names.some((name) => /^[A-Z]/.test(name) && !SHAPELESS_TYPES.has(name));
}

function validatesArgument(facts: SemanticFacts, node: Node): boolean {
  if (returnedFromCheckedRoute(facts, node)) return true;
  const call = receivingCall(node);
  if (!call) return false;
  const callee = call.childForFieldName('function');
  const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.type === 'identifier' ? callee.text : undefined;
  // `Model(**data)`, `cls(**data)`: a class checks its fields; `dict(**data)` or a tool
  // function called with the model's arguments (`tools[name](**data)`) does not.
  if (node.parent?.type === 'dictionary_splat') return !!name && (/^[A-Z]/.test(name) || name === 'cls');
  return !!name && VALIDATING_METHODS.has(name);
}

/** The name the loaded value is bound to (`data = json.loads(...)`), if any. */
function boundName(loads: Node): Node | undefined {
  const parent = loads.parent;
  if (parent?.type !== 'assignment' || !parent.childForFieldName('right')?.equals(loads)) return undefined;
  const left = parent.childForFieldName('left');
  return left?.type === 'identifier' ? left : undefined;
}

/** The uses of a name after its binding in the same function body. */
function laterUses(facts: SemanticFacts, name: Node): Node[] {
  const scope = facts.scopeOf(name);
  const uses: Node[] = [];
  const body = scope.kind === 'module' ? facts.tree.rootNode : scope.node.childForFieldName('body');
  if (body) {
    forEachNode(body, (node) => {
      if (node.type === 'identifier' && node.text === name.text && node.startIndex > name.endIndex && facts.scopeOf(node) === scope) uses.push(node);
    });
  }
  return uses;
}

/** True when the loaded value goes into a validator, directly or through the name it is bound to. */
function isValidated(facts: SemanticFacts, loads: Node): boolean {
  if (validatedUse(facts, loads)) return true;
  const name = boundName(loads);
  return !!name && laterUses(facts, name).some((use) => validatedUse(facts, use));
}

/**
 * A use of the loaded value that validates it: passed to a validator (also one key of it,
 * `Model.model_validate(data["result"])`), or iterated with each element validated
 * (`[Item(**row) for row in data]`, `for row in data: Item.model_validate(row)`).
 */
function validatedUse(facts: SemanticFacts, use: Node): boolean {
  let node = use;
  while (node.parent?.type === 'subscript' && node.parent.childForFieldName('value')?.equals(node)) node = node.parent;
  if (validatesArgument(facts, node)) return true;
  const loop = node.parent;
  if ((loop?.type !== 'for_in_clause' && loop?.type !== 'for_statement') || !loop.childForFieldName('right')?.equals(node)) return false;
  const element = loop.childForFieldName('left');
  const region = loop.type === 'for_statement' ? loop.childForFieldName('body') : loop.parent;
  if (element?.type !== 'identifier' || !region) return false;
  const found: Node[] = [];
  forEachNode(region, (n) => {
    if (n.type === 'identifier' && n.text === element.text) found.push(n);
  });
  return found.some((n) => validatesArgument(facts, n));
}

/** The string keys the code reads from the loaded value (`data["label"]`, `data.get("score")`). */
function keysRead(facts: SemanticFacts, loads: Node): string[] {
  const name = boundName(loads);
  if (!name) return [];
  const keys: string[] = [];
  for (const use of laterUses(facts, name)) {
    const parent = use.parent;
    let key: Node | null | undefined;
    if (parent?.type === 'subscript' && parent.childForFieldName('value')?.equals(use)) key = parent.childForFieldName('subscript');
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.text === 'get' && parent.parent?.type === 'call') {
      key = parent.parent.childForFieldName('arguments')?.namedChildren[0];
    }
    const word = key?.type === 'string' ? /^["']([A-Za-z_][A-Za-z0-9_]*)["']$/.exec(key.text)?.[1] : undefined;
    if (word && !keys.includes(word) && keys.length < 6) keys.push(word);
  }
  return keys;
}

function modelClass(name: string, keys: string[]): string {
  const fields = keys.length ? keys.map((k) => `    ${k}: str  # the type your code expects`) : ['    ...  # the fields your code reads'];
  return [`class ${name}(BaseModel):`, ...fields].join('\n');
}

/** The request's own arguments, one line, without the JSON-mode format (or the tools) the structured call replaces. */
function requestArguments(reply: Reply): string {
  const args = reply.requests[0].call.childForFieldName('arguments');
  const replaced = reply.shape.api === 'tool-call' ? 'tools' : 'response_format';
  const kept = args ? argumentNodes(args).filter((a) => a.type !== 'keyword_argument' || a.childForFieldName('name')?.text !== replaced) : [];
  const text = kept.map((a) => a.text.replace(/\s*\n\s*/g, ' ')).join(', ');
  return text.length <= 90 ? text : '...';
}

function suggestion(facts: SemanticFacts, loads: Node, text: Node, reply: Reply): string {
  const request = reply.requests[0];
  const awaited = request.call.parent?.type === 'await' ? 'await ' : '';
  const client = request.clientNode ? oneLine(request.clientNode.text, 40) : 'client';
  const args = requestArguments(reply);
  const name = reply.shape.api === 'tool-call' ? 'ToolArgs' : 'Reply';
  const model = modelClass(name, keysRead(facts, loads));
  const withArgs = (extra: string) => (args ? `${args}, ${extra}` : extra);
  let structured: string | undefined;
  let note = '';
  switch (reply.shape.api) {
    case 'chat':
      structured = `completion = ${awaited}${client}.chat.completions.parse(${withArgs('response_format=Reply')})\nreply = completion.choices[0].message.parsed`;
      note = 'On older openai 1.x releases the call is `client.beta.chat.completions.parse`. ';
      break;
    case 'tool-call':
      structured = `completion = ${awaited}${client}.chat.completions.parse(${withArgs('tools=[openai.pydantic_function_tool(ToolArgs)]')})\nargs = completion.choices[0].message.tool_calls[0].function.parsed_arguments`;
      note = 'A tool written by hand can say `"strict": True` for the same guarantee. ';
      break;
    case 'responses':
      structured = `response = ${awaited}${client}.responses.parse(${withArgs('text_format=Reply')})\nreply = response.output_parsed`;
      break;
    case 'messages':
      structured = `message = ${awaited}${client}.messages.parse(${withArgs('output_format=Reply')})\nreply = message.parsed_output`;
      break;
    case 'genai':
      structured = `response = ${awaited}${request.call.childForFieldName('function')!.text}(${withArgs('config={"response_mime_type": "application/json", "response_schema": Reply}')})\nreply = response.parsed`;
      break;
  }
  const validate = `${name === 'Reply' ? 'reply' : 'args'} = ${name}.model_validate_json(${oneLine(text.text, 70)})`;
  const lines = [`The model may write any JSON, or none. Declare the shape your code reads as a pydantic model:`, pythonBlock(model)];
  const sdk = request.client ? 'the SDK' : 'openai 1.x, with `client = OpenAI()`,';
  if (structured) lines.push(`Then let ${sdk} request it and parse the answer (structured outputs):`, pythonBlock(structured), `${note}Or validate the text you have, which raises \`ValidationError\` on a bad answer:`);
  else lines.push('Then validate the text, which raises `ValidationError` on a bad answer:');
  lines.push(pythonBlock(validate));
  return lines.join('\n');
}
