// insecure-random-for-secrets: the `random` module (a Mersenne Twister, predictable from
// 624 outputs) making a token, password, key, salt, nonce, OTP or session id (S311/B311).
// Only when the code says what the value is for — the name it is assigned to, or the name
// of the function that returns it — so simulations, games, sampling and jitter stay silent.
// The unsafe fix rewrites the call with `secrets`, which draws from the OS CSPRNG.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix } from '../../../types';
import { callsTo, enclosingDef, hasSplat, isSecretName, nameWords, positionalArguments, targetName, type Call } from '../secrets-crypto';

const FUNCTIONS = ['random', 'randint', 'choice', 'choices', 'randrange', 'getrandbits', 'sample', 'shuffle', 'randbytes', 'uniform'];
const QUALIFIED = new Set(FUNCTIONS.map((f) => `random.${f}`));

/** Besides credential words: what else a random secret is called. */
const RANDOM_SECRET_WORDS = new Set(['salt', 'nonce', 'otp', 'sid', 'csrf', 'pin', 'iv', 'totp', 'hotp']);
const SECRET_CODES = new Set(['verification', 'reset', 'confirmation', 'activation', 'otp', 'auth', 'login', 'invite', 'magic']);
const SECRET_IDS = new Set(['session']);
/** Verbs that start a generator's name: `generate_token` is about a token. */
const VERBS = new Set(['generate', 'gen', 'make', 'new', 'create', 'random', 'rand', 'get', 'build', 'issue', 'mint', 'init']);

/** A name that says the value is a secret (`reset_token`, `salt`, `session_id`, `otp_code`). */
export function namesRandomSecret(name: string): boolean {
  const words = nameWords(name).filter((w, i, all) => !(i === 0 && all.length > 1 && VERBS.has(w)));
  if (words.length === 0) return false;
  const joined = words.join('_');
  if (isSecretName(joined, RANDOM_SECRET_WORDS)) return true;
  const [before, last] = [words[words.length - 2], words[words.length - 1]];
  if (last === 'code' && SECRET_CODES.has(before)) return true;
  if (last === 'id' && SECRET_IDS.has(before)) return true;
  if (last === 'key' && before === undefined) return false;
  return false;
}

export function createInsecureRandomForSecrets(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!context.facts.importsModule('random')) return;
      for (const call of callsTo(context, FUNCTIONS, QUALIFIED)) {
        const purpose = secretPurpose(call.call);
        if (!purpose || samplesLanguage(call)) continue;
        const fix = secretsFix(context, call);
        const fn = call.qualified.slice('random.'.length);
        context.report({
          node: call.call,
          data: { callee: call.callee.text, purpose },
          fixes: fix ? [fix.fix] : [],
          peer: 'S311',
          suggestion:
            (fix ? `\`\`\`python\n${inStatement(call.call, fix.text)}\n\`\`\`\n` : '') +
            `For a whole token, \`secrets.token_urlsafe(32)\` or \`secrets.token_hex(16)\` is simpler${fn === 'random' || fn === 'uniform' ? '; a float has no `secrets` equivalent, use `secrets.randbelow(n)`' : ''}.`,
        });
      }
    },
  };
}

/**
 * Text generation draws the next "token" from a vocabulary or weights: a language token,
 * not a credential (`next_token = random.choice(vocab)`, `random.choices(tokens, weights=p)`).
 */
function samplesLanguage(call: Call): boolean {
  return /vocab|tokens|words|candidates|logits|probs|weights/i.test(call.args.text);
}

/** The name that makes this call's value a secret, looking up to its statement, else the enclosing def. */
function secretPurpose(call: Node): string | undefined {
  let node: Node = call;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === 'lambda' || parent.type === 'function_definition' || parent.type === 'class_definition') return undefined;
    if (parent.type === 'assignment' || parent.type === 'augmented_assignment') {
      if (!parent.childForFieldName('right')?.equals(node)) return undefined;
      const name = targetName(parent.childForFieldName('left'));
      if (name && namesRandomSecret(name)) return `\`${name}\``;
      // Named for something else (`delay`, `length`): not a secret, whatever the function.
      if (name) return undefined;
      break;
    }
    if (parent.type === 'keyword_argument' && parent.childForFieldName('value')?.equals(node)) {
      const name = parent.childForFieldName('name')?.text ?? '';
      if (namesRandomSecret(name)) return `\`${name}\``;
    }
    if (parent.type === 'return_statement' || parent.type === 'expression_statement' || parent.type === 'yield') break;
    if (parent.type.endsWith('_statement') || parent.type === 'block') break;
  }
  const def = enclosingDef(call);
  const fn = def?.childForFieldName('name')?.text;
  return fn && namesRandomSecret(fn) ? `the result of \`${fn}()\`` : undefined;
}

/** The statement around a call, one line, with the call replaced: the hover's "after". */
function inStatement(call: Node, replacement: string): string {
  let statement: Node = call;
  while (statement.parent && !statement.type.endsWith('statement') && statement.parent.type !== 'block' && statement.parent.type !== 'module') statement = statement.parent;
  const text = statement.text;
  const at = call.startIndex - statement.startIndex;
  const whole = text.slice(0, at) + replacement + text.slice(at + call.text.length);
  return whole.includes('\n') ? replacement : whole;
}

function integerValue(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === 'integer' && /^\d+$/.test(node.text)) return Number(node.text);
  return undefined;
}

/** Operands that need no parentheses inside `b - a + 1`. */
function atom(node: Node): string {
  return ['identifier', 'integer', 'attribute', 'call', 'subscript', 'parenthesized_expression'].includes(node.type) ? node.text : `(${node.text})`;
}

/** `randbelow(x) + a` keeps its meaning where the call stood only in these places. */
function needsParentheses(call: Node): boolean {
  const parent = call.parent;
  return !parent || !['argument_list', 'assignment', 'return_statement', 'keyword_argument', 'parenthesized_expression', 'expression_statement', 'list', 'tuple', 'pair'].includes(parent.type);
}

function secretsFix(context: CheckContext, call: Call): { fix: Fix; text: string } | undefined {
  if (hasSplat(call.args) || call.args.namedChildren.some((a) => a?.type === 'keyword_argument')) return undefined;
  const args = positionalArguments(call.args);
  const fn = call.qualified.slice('random.'.length);
  const reference = context.moduleReference('secrets');
  // A file that uses the name `secrets` for something else (`secrets = load_vault()`,
  // `import vault as secrets`) would have the fix call that instead.
  if (reference.edit && /(^|[^.\w])secrets\s*(=[^=]|:[^=]|,)|\bdef\s+secrets\b|\bas\s+secrets\b|\bfor\s+secrets\b/m.test(context.text)) return undefined;
  const secrets = reference.name;
  let text: string | undefined;
  if (fn === 'choice' && args.length === 1) text = `${secrets}.choice(${args[0].text})`;
  else if (fn === 'getrandbits' && args.length === 1) text = `${secrets}.randbits(${args[0].text})`;
  else if (fn === 'randbytes' && args.length === 1) text = `${secrets}.token_bytes(${args[0].text})`;
  else if (fn === 'randrange' && args.length === 1) text = `${secrets}.randbelow(${args[0].text})`;
  else if ((fn === 'randint' || fn === 'randrange') && args.length === 2) {
    const [low, high] = args;
    const extra = fn === 'randint' ? 1 : 0;
    const a = integerValue(low);
    const b = integerValue(high);
    const span =
      a !== undefined && b !== undefined ? String(b - a + extra) : a === 0 ? (extra ? `${atom(high)} + 1` : high.text) : `${atom(high)} - ${atom(low)}${extra ? ' + 1' : ''}`;
    if (a !== undefined && b !== undefined && b - a + extra <= 0) return undefined;
    text = a === 0 ? `${secrets}.randbelow(${span})` : `${secrets}.randbelow(${span}) + ${atom(low)}`;
    if (a !== 0 && needsParentheses(call.call)) text = `(${text})`;
  }
  if (!text) return undefined;
  const edits = [{ start: call.call.startIndex, end: call.call.endIndex, newText: text }];
  if (reference.edit) edits.push(reference.edit);
  return { fix: { title: `Replace with \`${text}\``, safety: 'unsafe', edits }, text };
}
