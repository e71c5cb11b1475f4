// What the network and TLS rules know about HTTP clients: the request functions of requests
// and httpx, the objects provably a `requests.Session` (built in the same file), and how to
// read a call's keyword arguments. Data first; the checks in checks/ only walk calls.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { argumentNodes as argumentsOf } from '../../call-arguments';
import { pythonBlock } from '../../template';
export { argumentNodes as argumentsOf, hasSplat, keywordArgument } from '../../call-arguments';
export { pythonBlock } from '../../template';

export const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);

/** `requests.get`, `requests.api.get`, … */
export const REQUESTS_FUNCTIONS = new Set([...HTTP_VERBS].flatMap((verb) => [`requests.${verb}`, `requests.api.${verb}`]));

/** What builds a `requests.Session`. */
const SESSION_FACTORIES = new Set(['requests.Session', 'requests.session', 'requests.sessions.Session', 'requests.sessions.session']);

/** httpx and its maintained continuation httpx2 share one API. */
export const HTTPX_MODULES = ['httpx', 'httpx2'];
export const HTTPX_FUNCTIONS = new Set(HTTPX_MODULES.flatMap((module) => [...HTTP_VERBS, 'stream'].map((verb) => `${module}.${verb}`)));
export const HTTPX_CLIENTS = new Set(HTTPX_MODULES.flatMap((module) => [`${module}.Client`, `${module}.AsyncClient`]));

export interface CallParts {
  call: Node;
  callee: Node;
  args: Node;
}

/** The parts of a call with an ordinary argument list. */
export function callParts(call: Node): CallParts | undefined {
  const callee = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list') return undefined;
  return { call, callee, args };
}

export function positionalArguments(args: Node): Node[] {
  return argumentsOf(args).filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
}

/** The last segment of the callee: `get` of `s.get`. */
export function methodName(callee: Node): string | undefined {
  return callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee.text;
}

/**
 * True when `receiver` is a name the file provably bound to a `requests.Session`: every
 * assignment before it in its own scope (or, for a global, in the module) is a
 * `requests.Session()` call, or it is the target of `with requests.Session() as name:`
 * around the use; or the receiver is that call itself. A parameter, `self.session` or anything else stays unknown.
 */
export function isRequestsSession(facts: SemanticFacts, receiver: Node): boolean {
  // `requests.Session().get(url)`
  if (receiver.type === 'call') return SESSION_FACTORIES.has(facts.resolve(receiver.childForFieldName('function') ?? receiver) ?? '');
  if (receiver.type !== 'identifier') return false;
  if (boundByWithSession(facts, receiver)) return true;
  const builds = (value: Node) => value.type === 'call' && SESSION_FACTORIES.has(facts.resolve(value.childForFieldName('function') ?? value) ?? '');
  const local = facts.localBinding(receiver);
  if (local) return !local.opaque && !local.parameter && local.values.length > 0 && local.values.every(builds);
  // A global: the module's assignments (all of them: a function runs after the module).
  const module = facts.moduleScope;
  if (facts.scopeOf(receiver) !== module && !module.bindings.has(receiver.text)) return false;
  if (module.opaque.has(receiver.text) || module.imports.has(receiver.text)) return false;
  const values = (module.assignments.get(receiver.text) ?? []).map((a) => a.value);
  return values.length > 0 && values.every(builds);
}

function boundByWithSession(facts: SemanticFacts, receiver: Node): boolean {
  for (let node = receiver.parent; node; node = node.parent) {
    if (node.type !== 'with_statement') continue;
    const clause = node.namedChildren.find((c) => c?.type === 'with_clause');
    for (const item of clause?.namedChildren ?? []) {
      const pattern = item?.childForFieldName('value');
      if (pattern?.type !== 'as_pattern') continue;
      const target = pattern.childForFieldName('alias')?.namedChildren[0] ?? pattern.childForFieldName('alias');
      const value = pattern.namedChildren[0];
      if (target?.text !== receiver.text || value?.type !== 'call') continue;
      if (SESSION_FACTORIES.has(facts.resolve(value.childForFieldName('function') ?? value) ?? '')) return true;
    }
  }
  return false;
}

/** The request a call makes through requests or httpx, by kind; undefined for anything else. */
export type HttpCallKind = 'requests' | 'requests-session' | 'httpx' | 'httpx-client';

export function httpCallKind(facts: SemanticFacts, callee: Node): HttpCallKind | undefined {
  const name = facts.resolve(callee);
  if (name && REQUESTS_FUNCTIONS.has(name)) return 'requests';
  if (name && HTTPX_FUNCTIONS.has(name)) return 'httpx';
  if (name && HTTPX_CLIENTS.has(name)) return 'httpx-client';
  if (callee.type === 'attribute' && HTTP_VERBS.has(methodName(callee) ?? '')) {
    const receiver = callee.childForFieldName('object');
    if (receiver && isRequestsSession(facts, receiver)) return 'requests-session';
  }
  return undefined;
}

/** One line of a callee for messages. */
export function calleeText(callee: Node): string {
  return callee.text.replace(/\s+/g, '');
}

/** The text of `node` after `edits` (offsets in the file) that fall inside it. */
export function textAfterEdits(text: string, node: Node, edits: readonly { start: number; end: number; newText: string }[]): string {
  let result = text.slice(node.startIndex, node.endIndex);
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    if (edit.start < node.startIndex || edit.end > node.endIndex) continue;
    result = result.slice(0, edit.start - node.startIndex) + edit.newText + result.slice(edit.end - node.startIndex);
  }
  return result;
}

/** The call after the fix, for the hover: short calls only (a long one reads worse than the advice). */
export function fixedCallBlock(text: string, call: Node, edits: readonly { start: number; end: number; newText: string }[]): string | undefined {
  const fixed = textAfterEdits(text, call, edits);
  return fixed.length <= 300 && fixed.split('\n').length <= 8 ? pythonBlock(dedent(fixed, call.startPosition.column)) : undefined;
}

/** Removes the call's own indentation from its continuation lines. */
function dedent(code: string, column: number): string {
  const lines = code.split('\n');
  return [lines[0], ...lines.slice(1).map((line) => (line.slice(0, column).trim() === '' ? line.slice(column) : line))].join('\n');
}
