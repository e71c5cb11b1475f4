// openai-v0-api: the openai 0.x module-level API (`openai.ChatCompletion.create(...)`,
// `openai.Embedding.create`, `openai.Image.create`, …, and the exceptions of the removed
// `openai.error` module). On openai >= 1.0 these names are proxies that raise
// APIRemovedInV1 when called, and `openai.error` no longer exists.
//
// The unsafe fix writes the 1.x client form: one module-level `client = OpenAI()` (an
// `AsyncOpenAI` for the `a…` coroutines; an existing module-level client is reused), and the
// call becomes `client.chat.completions.create(...)` with the same arguments. Calls that pass
// per-request settings (`api_key=`, Azure's `engine=`) or a file that configures Azure get
// the hover only: those settings belong to the client.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import { importAnchor } from '../../../imports-edit';
import { onlyRead } from '../../../name-occurrences';
import { detectEol } from '../../../positions';
import { oneLine } from '../../../template';
import type { ImportBinding } from '../../../facts';
import type { Fix, TextEdit } from '../../../types';
import { CLIENT_SETTINGS, MODULE_SETTINGS, V0_METHODS, V0_WITHOUT_SUCCESSOR, v1MethodOf, type V1Method } from '../openai-v0-table';
import { moduleLevelClient, type KnownClient } from '../clients';
import { callsInFile, freeName, inVersionBranch } from '../legacy-calls';
import { reportErrorModule } from '../openai-v0-errors';

const V0_CALL = /^openai\.(\w+)\.(\w+)$/;
const V0_CLASSES = new Set([...[...V0_METHODS.keys()].map((k) => k.split('.')[0]), ...V0_WITHOUT_SUCCESSOR.keys()]);
const CLIENT_NAMES = { sync: ['client', 'openai_client', 'llm_client'], async: ['aclient', 'async_client', 'async_openai_client'] };
const RESPONSE_NOTE = ' Responses are pydantic objects, not dicts (`.model_dump()` gives a dict).';

type Kind = 'sync' | 'async';

interface ClientSetup {
  name: string;
  edits: TextEdit[];
}

export function createOpenaiV0Api(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const relevant = facts.importsModule('openai');
  const sites: Site[] = [];
  return {
    match({ call }) {
      if (!relevant) return;
      const site = siteOfCall(context, call, true);
      if (site) sites.push(site);
    },
    finish() {
      if (!relevant) return;
      // A from-import goes with its last use: count the calls of every def, not only those matched here.
      const importUses = sites.some((s) => s.binding) ? callsInFile(facts).flatMap((call) => siteOfCall(context, call) ?? []) : [];
      for (const site of sites) reportSite(context, site, importUses);
      reportReferences(context);
      reportErrorModule(context);
    },
  };
}

/** A 0.x call with a 1.x method (a retired one is reported right away when `report` is set). */
function siteOfCall(context: CheckContext, call: Node, report = false): Site | undefined {
  const callee = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (callee?.type !== 'attribute' || args?.type !== 'argument_list' || !context.isSound(call)) return undefined;
  const found = V0_CALL.exec(context.facts.resolve(callee) ?? '');
  if (!found || !V0_CLASSES.has(found[1]) || inVersionBranch(call)) return undefined;
  const [, resource, method] = found;
  const old = `${oneLine(callee.text, 60)}()`;
  const retired = V0_WITHOUT_SUCCESSOR.get(resource);
  const { target, isAsync } = v1MethodOf(resource, method) ?? {};
  if (retired || !target) {
    if (report) context.report({ node: call, data: { old, advice: retired ?? 'it has no drop-in 1.x method' } });
    return undefined;
  }
  const blockers = blockersOf(context, args, target);
  const binding = resourceImport(context, callee, resource);
  return { call, callee, args, kind: isAsync ? 'async' : 'sync', target, blockers, binding, old };
}

interface Site {
  call: Node;
  callee: Node;
  args: Node;
  kind: Kind;
  target: V1Method;
  blockers: string[];
  /** `from openai import ChatCompletion`: the import the call names its resource through. */
  binding: ImportBinding | undefined;
  old: string;
}

function reportSite(context: CheckContext, site: Site, sites: readonly Site[]): void {
  const { call, callee, args, kind, target, blockers } = site;
  const advice = `use the client method \`${target.path}()\`${kind === 'async' ? ' of an `AsyncOpenAI` client' : ''}`;
  // The from-import goes with its last use, when every use is a call this rule rewrites the same way.
  const sameImport = site.binding ? sites.filter((s) => s.binding?.local === site.binding!.local && s.binding.node.equals(site.binding!.node)) : [];
  const plan = new ImportPlan(context.facts, context.text);
  if (site.binding && sameImport.every((s) => !s.blockers.length && s.kind === kind)) {
    const uses = sameImport.map((s) => ({ start: s.callee.startIndex, end: s.callee.endIndex }));
    if (plan.isUnusedExcept(site.binding, uses)) plan.remove(site.binding);
  }
  const setup = blockers.length ? undefined : clientSetup(context, kind, plan);
  const newArgs = blockers.length ? undefined : argumentsText(args, target);
  const clientName = setup?.name ?? CLIENT_NAMES[kind][0];
  const newCall = `${clientName}.${target.path}(${newArgs ?? args.text.slice(1, -1)})`;
  const fixes: Fix[] = [];
  if (setup && newArgs !== undefined) {
    fixes.push({
      title: `Call \`${clientName}.${target.path}()\` (unsafe: the response is an object, not a dict, and the client reads its key when created)`,
      safety: 'unsafe',
      edits: [...setup.edits, { start: callee.startIndex, end: args.endIndex, newText: newCall }],
    });
  }
  context.report({ node: call, data: { old: site.old, advice }, fixes, suggestion: suggestion(kind, clientName, newCall, target, blockers, /\bstream\s*=\s*True\b/.test(args.text)) });
}

/**
 * `openai.ChatCompletion.create` or `openai.ChatCompletion` used without being called there
 * (passed to a retry helper, stored as the client): reported, no fix.
 */
function reportReferences(context: CheckContext): void {
  const facts = context.facts;
  const root = facts.tree.rootNode;
  const pattern = new RegExp(`\\b(?:${[...V0_CLASSES].join('|')})\\b`, 'g');
  const seen = new Set<number>();
  for (const found of context.text.matchAll(pattern)) {
    const word = root.descendantForIndex(found.index!, found.index! + found[0].length);
    if (word?.type !== 'identifier' || word.text !== found[0]) continue;
    // The expression naming the class, and the method after it if any.
    let expression: Node = word.parent?.type === 'attribute' && word.parent.childForFieldName('attribute')?.equals(word) ? word.parent : word;
    const parent = expression.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('object')?.equals(expression)) expression = parent;
    const outer = expression.parent;
    if (!outer || outer.type === 'attribute' || outer.type.includes('import') || outer.type === 'dotted_name') continue;
    if (outer.type === 'call' && outer.childForFieldName('function')?.equals(expression)) continue;
    const qualified = facts.resolve(expression);
    const match = qualified && /^openai\.(\w+)(?:\.(\w+))?$/.exec(qualified);
    if (!match || !V0_CLASSES.has(match[1]) || seen.has(expression.startIndex) || !context.isSound(expression) || inVersionBranch(expression)) continue;
    seen.add(expression.startIndex);
    const target = V0_METHODS.get(`${match[1]}.${match[2]?.replace(/^a(?=create|transcribe|translate)/, '') ?? 'create'}`);
    const retired = V0_WITHOUT_SUCCESSOR.get(match[1]);
    const resource = target && !match[2] ? target.path.split('.').slice(0, -1).join('.') : undefined;
    const method = target ? (resource ? `resource \`client.${resource}\`` : `method \`${target.path}\``) : undefined;
    const advice = retired ?? (method ? `use the client ${method}` : 'use the matching method of an `OpenAI()` client');
    context.report({ node: expression, data: { old: oneLine(expression.text, 60), advice } });
  }
}

/** The from-import binding of `openai.<resource>` that the callee starts with. */
function resourceImport(context: CheckContext, callee: Node, resource: string): ImportBinding | undefined {
  const object = callee.childForFieldName('object');
  if (object?.type !== 'identifier') return undefined;
  const scope = context.facts.scopeOf(object);
  return context.facts.imports.find(
    (b) => !b.isModule && b.local === object.text && b.qualified === `openai.${resource}` && context.facts.lookup(b.local, scope) === b.qualified,
  );
}

/** Why this call gets no fix: settings the 1.x methods refuse, positional arguments, an Azure configuration. */
function blockersOf(context: CheckContext, args: Node, target: V1Method): string[] {
  const blockers: string[] = [];
  let positional = 0;
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text ?? '';
      if (name === 'engine' || name === 'deployment_id') {
        blockers.push(`\`${name}=\` names an Azure deployment: create \`AzureOpenAI(azure_deployment=..., api_version=...)\` and pass \`model=\``);
      } else if (CLIENT_SETTINGS.has(name)) {
        blockers.push(`\`${name}=\` is not a 1.x method argument: pass it to the client (\`OpenAI(${name === 'api_base' ? 'base_url' : name === 'request_timeout' ? 'timeout' : name}=...)\`)`);
      }
    } else if (arg.type !== 'dictionary_splat' && arg.type !== 'list_splat') {
      positional++;
    } else if (arg.type === 'list_splat') {
      blockers.push('`*args` cannot be matched to the 1.x keyword-only parameters');
    }
  }
  const allowed = target.positionalAsKeywords?.length ?? target.positionalKept ?? 0;
  if (positional > allowed) blockers.push('the 1.x method takes keyword arguments only');
  const facts = context.facts;
  if (!facts.imports.some((b) => b.scope === facts.moduleScope && (b.qualified === 'openai' || b.qualified.startsWith('openai.')))) {
    blockers.push('openai is imported inside a function: create the client where the import is');
  }
  if (azureConfigured(context)) blockers.push('the module sets `openai.api_type` / `api_version` (Azure): use `AzureOpenAI(...)`');
  if (target.noFix) blockers.push(`\`${target.path}()\` is not a drop-in: ${target.noFix}`);
  return blockers;
}

function azureConfigured(context: CheckContext): boolean {
  return moduleSettings(context).some((s) => MODULE_SETTINGS.get(s.attribute) === null);
}

/** The argument list's inside, positional arguments named where 1.x wants keywords. */
function argumentsText(args: Node, target: V1Method): string | undefined {
  const inner = args.text.slice(1, -1);
  const names = target.positionalAsKeywords;
  if (!names) return inner;
  const edits: { at: number; text: string }[] = [];
  let index = 0;
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === 'comment' || arg.type === 'keyword_argument' || arg.type === 'dictionary_splat') continue;
    edits.push({ at: arg.startIndex - args.startIndex - 1, text: `${names[index++]}=` });
  }
  let text = inner;
  for (const edit of edits.reverse()) text = text.slice(0, edit.at) + edit.text + text.slice(edit.at);
  return text;
}

interface ModuleSetting {
  statement: Node;
  attribute: string;
  target: string;
}

/** Module-level `openai.api_key = ...` (and the other settings), in order. */
function moduleSettings(context: CheckContext): ModuleSetting[] {
  const settings: ModuleSetting[] = [];
  for (const statement of context.facts.tree.rootNode.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.firstNamedChild : undefined;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
    if (!statement || left?.type !== 'attribute') continue;
    const qualified = context.facts.resolve(left);
    const attribute = qualified?.startsWith('openai.') ? qualified.slice('openai.'.length) : undefined;
    if (attribute && MODULE_SETTINGS.has(attribute)) settings.push({ statement, attribute, target: left.text });
  }
  return settings;
}

/**
 * The module-level client a fix calls: an existing one, else a new `client = OpenAI(...)`
 * after the imports (after the module's `openai.api_key = ...` lines, which it passes on).
 */
function clientSetup(context: CheckContext, kind: Kind, plan: ImportPlan): ClientSetup | undefined {
  const facts = context.facts;
  const existing = moduleLevelClient(facts, (client) => isPlainOpenaiClient(client, kind));
  if (existing) {
    const edits = plan.edits();
    return edits ? { name: existing, edits } : undefined;
  }
  const name = freeName(facts, CLIENT_NAMES[kind]);
  if (!name) return undefined;
  const className = kind === 'sync' ? 'OpenAI' : 'AsyncOpenAI';
  const root = facts.tree.rootNode;
  let reference: string | undefined;
  for (const binding of facts.imports) {
    if (!binding.isModule && binding.qualified === `openai.${className}` && facts.lookup(binding.local, facts.moduleScope) === binding.qualified) reference = binding.local;
  }
  if (!reference && onlyRead(facts, className)) {
    plan.importFrom('openai', className);
    reference = className;
  }
  reference ??= plan.reference('openai', className, root);
  const importEdits = plan.edits();
  if (!reference || !importEdits) return undefined;
  const settings = moduleSettings(context).filter((s) => MODULE_SETTINGS.get(s.attribute));
  const keywords = settings.filter((s, i) => settings.findIndex((t) => t.attribute === s.attribute) === i).map((s) => `${MODULE_SETTINGS.get(s.attribute)}=${s.target}`);
  const eol = detectEol(context.text);
  const statementText = `${name} = ${reference}(${keywords.join(', ')})`;
  const anchor = settings.length ? settings[settings.length - 1].statement : importAnchor(facts);
  let at = anchor ? anchor.endIndex : 0;
  while (at < context.text.length && context.text[at] !== '\n' && context.text[at] !== '\r') at++;
  const insertion = anchor ? `${eol}${eol}${statementText}` : `${statementText}${eol}${eol}`;
  const merged = importEdits.find((e) => e.start === at && e.end === at);
  if (merged) merged.newText += insertion;
  else importEdits.push({ start: at, end: at, newText: insertion });
  return { name, edits: importEdits };
}

/** `OpenAI` / `AsyncOpenAI` (or an alias), not Azure's or Bedrock's client: those need settings a 0.x call does not carry. */
function isPlainOpenaiClient(client: KnownClient, kind: Kind): boolean {
  return client.sdk === 'openai' && client.isAsync === (kind === 'async') && client.twin === (kind === 'async' ? 'openai.OpenAI' : 'openai.AsyncOpenAI');
}

function suggestion(kind: Kind, clientName: string, newCall: string, target: V1Method, blockers: string[], streams: boolean): string {
  const className = kind === 'sync' ? 'OpenAI' : 'AsyncOpenAI';
  const call = kind === 'async' ? `await ${newCall}` : newCall;
  const lines = [`openai 1.x calls methods of a client object:`, '', '```python', `${clientName} = ${className}()  # once per module`, call, '```'];
  if (target.response) lines.push('', `Read the response by attribute: \`${target.response[0]}\` → \`${target.response[1]}\`.${RESPONSE_NOTE}`);
  if (streams && target.path === 'chat.completions.create') lines.push('', 'Streamed chunks are objects too: `chunk["choices"][0]["delta"].get("content")` → `chunk.choices[0].delta.content`.');
  for (const blocker of blockers) lines.push('', `No fix: ${blocker}.`);
  return lines.join('\n');
}
