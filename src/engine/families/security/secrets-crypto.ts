// Shared by the secrets-and-crypto rules (hardcoded-secret, insecure-random-for-secrets,
// weak-hash-for-security, insecure-temp-file): what a name says it holds, what a string
// literal contains, whether a module is a test, and where the calls of a module are.
import type { Node } from 'web-tree-sitter';
import { callsSpelled } from '../../call-search';
import type { CheckContext } from '../../checks/context';
import { isStaticString } from './strings';
export { hasSplat, keywordValue } from '../../call-arguments';

/** `apiKey`, `API_KEY`, `api_key2` → `['api', 'key']`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((word) => word.replace(/\d+$/, ''))
    .filter((word) => word.length > 0);
}

/** Last words that name a credential by themselves. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'secrete', 'token', 'apikey', 'credential']);
/** Credential words split by camel case: `PassWord`, `ApiKey` read as one word. */
const JOINED_SECRET_WORDS = new Set(['password', 'passphrase', 'apikey']);
/** `<word> key` pairs that name a credential (a plain `key` is usually a dict or cache key). */
// Not `session`: Django's `SESSION_KEY = "_auth_user_id"` names a key of the session dict.
const KEY_PREFIXES = new Set(['api', 'secret', 'private', 'access', 'signing', 'encryption', 'auth', 'master', 'client', 'app', 'hmac', 'aes', 'crypto']);
const NAME_VERBS = new Set(['get', 'set', 'convert', 'is', 'has', 'check', 'validate', 'make', 'create', 'load', 'read', 'fetch', 'update', 'forgot', 'to', 'parse', 'render', 'save', 'with', 'use', 'require', 'requires']);
/** Trailing words that say how a secret is written, not what it is (`password_str`, `token_hex`). */
const FORM_WORDS = new Set(['str', 'string', 'hex', 'value', 'bytes', 'chars', 'b']);

/**
 * The name (snake, camel or upper case) holds a credential: its last word is one
 * (`db_password`, `authToken`, `SECRET`), or its last two are `<api|secret|private|…> key`.
 * A name that ends in another noun names something about a secret, not the secret:
 * `token_type`, `password_field`, `TOKEN_URL`, `secret_name`, `access_key_id`, `max_tokens`.
 */
export function isSecretName(name: string, extraWords: ReadonlySet<string> = new Set()): boolean {
  const words = nameWords(name);
  // `get_password`, `convert_to_secret_str`: a function's name (in a lazy-import table, a URL map).
  if (words.length > 1 && NAME_VERBS.has(words[0])) return false;
  while (words.length > 1 && FORM_WORDS.has(words[words.length - 1])) words.pop();
  const last = words[words.length - 1];
  if (!last) return false;
  if (SECRET_WORDS.has(last) || extraWords.has(last)) return true;
  if (words.length > 1 && JOINED_SECRET_WORDS.has(words[words.length - 2] + last)) return true;
  if (last === 'key' && words.length > 1 && KEY_PREFIXES.has(words[words.length - 2])) return true;
  return false;
}

/** The text of a static string literal (implicit concatenations joined), without prefix and quotes. */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'parenthesized_expression') return node.namedChildren[0] ? stringValue(node.namedChildren[0]) : undefined;
  if (!isStaticString(node)) return undefined;
  const parts = node.type === 'concatenated_string' ? node.namedChildren : [node];
  return parts.map((part) => (part?.namedChildren ?? []).filter((c) => c?.type === 'string_content').map((c) => c!.text).join('')).join('');
}

const PLACEHOLDER_WORDS =
  /^(change[-_ .]?me|changeit|dummy|example|sample|placeholder|redacted|test(ing)?|fake|mock|none|null|nil|undefined|todo|fixme|token|key|empty|n\/a|na|tbd|hidden|masked|unused|required|not[-_]?set|unset|missing|invalid)$/i;
const SECRET_IN_VALUE = /(pass(word|wd)?|pwd|token|secret|api[-_]?key|credential)/i;

/**
 * A literal that is no credential: empty, a placeholder (`changeme`, `xxx`, `***`,
 * `<your-token>`, `${TOKEN}`, `{token}`), the name itself (`TOKEN = "token"`), an environment
 * variable or setting name (`"API_KEY"`, `"oauth_token"`, `"django.contrib.auth.hashers…"`),
 * a message (has spaces), a path or URL.
 */
export function isPlaceholderValue(value: string, name: string): boolean {
  const v = value.trim();
  if (v.length < 3 || v !== value) return true;
  if (/\s/.test(v)) return true;
  if (/^(.)\1*$/.test(v)) return true;
  if (PLACEHOLDER_WORDS.test(v) || /your|here|insert|replace/i.test(v)) return true;
  if (/[{}<>[\]]|^\$|%\(|%s|^\*+|\*{3}/.test(v)) return true;
  // `"_auth_user_id"`, `"redis_url"`: a key or setting name in lower snake case, not a credential.
  if (/^_*[a-z]+(_[a-z]+)*$/.test(v) && /_/.test(v)) return true;
  if (v.includes('://') || v.startsWith('/') || v.startsWith('./') || v.startsWith('~')) return true;
  const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (normalize(v) === normalize(name)) return true;
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(v) && (v.includes('_') || v === name.toUpperCase())) return true;
  if (/^[A-Za-z0-9_.:-]+$/.test(v) && SECRET_IN_VALUE.test(v) && !/\d/.test(v)) return true;
  return false;
}

export interface Call {
  call: Node;
  callee: Node;
  args: Node;
  /** What the callee resolves to through imports (`hashlib.md5`), or undefined. */
  qualified: string;
}

/** Calls whose callee ends in one of `names` and resolves to one of `qualified`. */
export function callsTo(context: CheckContext, names: readonly string[], qualified: ReadonlySet<string>): Call[] {
  const facts = context.facts;
  const calls: Call[] = [];
  // `from random import choice as pick`: the local names too.
  const aliases = facts.imports.filter((b) => qualified.has(b.qualified) || [...qualified].some((q) => q.startsWith(`${b.qualified}.`))).map((b) => b.local);
  const all = [...new Set([...names, ...aliases])].map((n) => n.replace(/[^A-Za-z0-9_]/g, ''));
  for (const { call, callee, args } of callsSpelled(facts, context.text, all)) {
    if (args.type !== 'argument_list') continue;
    const resolved = facts.resolve(callee);
    if (!resolved || !qualified.has(resolved) || !context.isSound(call)) continue;
    calls.push({ call, callee, args, qualified: resolved });
  }
  return calls;
}

export function positionalArguments(args: Node): Node[] {
  return args.namedChildren.filter((a): a is Node => !!a && a.type !== 'keyword_argument' && a.type !== 'comment');
}

/** The name a target of an assignment stores into: `x`, `self.x` → `x`, `d["x"]` → `x`. */
export function targetName(target: Node | null | undefined): string | undefined {
  if (!target) return undefined;
  if (target.type === 'identifier') return target.text;
  if (target.type === 'attribute') return target.childForFieldName('attribute')?.text;
  if (target.type === 'subscript') {
    const index = target.childForFieldName('subscript');
    return index ? stringValue(index) : undefined;
  }
  return undefined;
}

/** The def a node is in (not a lambda), or undefined at module or class level. */
export function enclosingDef(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return n;
    if (n.type === 'class_definition') return undefined;
  }
  return undefined;
}

/** The innermost class a node sits directly in (not through a def). */
export function enclosingClass(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'lambda') return undefined;
    if (n.type === 'class_definition') return n;
  }
  return undefined;
}
