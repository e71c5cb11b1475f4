// weak-hash-for-security: MD5 and SHA-1 (`hashlib.md5`, `hashlib.sha1`, `hashlib.new("md5")`)
// (S324/B324). Both have practical collisions; for passwords they are also far too fast.
// Three cases, read from the name the digest is stored in or the function that makes it:
// - clearly not security (cache key, ETag, checksum, content fingerprint, dedup id): a safe
//   fix adds `usedforsecurity=False` (Python 3.9+), which only documents the intent and lets
//   the call work on FIPS builds; below 3.9 nothing is reported;
// - clearly security (password, token, signature, secret, salt…): a finding with guidance;
// - no clue: a finding (information, like Ruff), with guidance and no fix.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix } from '../../../types';
import { callsTo, enclosingDef, hasSplat, keywordValue, nameWords, positionalArguments, stringValue, targetName, type Call } from '../secrets-crypto';

const QUALIFIED = new Set(['hashlib.md5', 'hashlib.sha1', 'hashlib.new']);
/** `hashlib.new` names of broken algorithms (OpenSSL's, case-insensitive, `-` ignored). */
const WEAK = new Set(['md5', 'md4', 'sha1', 'sha', 'md5sha1']);

/** Words that mark a digest as an identifier of content, not a protection. */
const NON_SECURITY_WORDS = new Set(['cache', 'etag', 'checksum', 'checksums', 'fingerprint', 'dedup', 'dedupe', 'md5sum', 'sha1sum', 'shard', 'bucket', 'partition', 'cachekey', 'crc', 'id', 'ids', 'uuid', 'hash', 'hashes']);
/** Attributes that read a property of the algorithm, not a digest of anything. */
const ALGORITHM_PROPERTIES = new Set(['digest_size', 'block_size', 'name']);
/** Words that mark a digest as protecting something. */
const SECURITY_WORDS = new Set(['password', 'passwd', 'pwd', 'token', 'secret', 'signature', 'sign', 'signed', 'hmac', 'salt', 'auth', 'credential', 'credentials', 'nonce', 'csrf', 'otp', 'verify', 'key']);

/** Names in the hashed data that make the digest protect a secret. */
const SECURITY_DATA_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'salt', 'credential', 'credentials', 'nonce']);

type Use = 'non-security' | 'security' | 'unknown';

export function createWeakHashForSecurity(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!context.facts.importsModule('hashlib') && !context.facts.importsModule('crypt')) return;
      const [major, minor] = context.facts.targetVersion;
      const hasKeyword = major > 3 || (major === 3 && minor >= 9);
      if (context.facts.importsModule('crypt')) reportCrypt(context);
      for (const call of callsTo(context, ['md5', 'sha1', 'new'], QUALIFIED)) {
        const algorithm = algorithmOf(call);
        if (!algorithm) continue;
        const flag = keywordValue(call.args, 'usedforsecurity');
        if (flag?.type === 'false') continue;
        if (hasSplat(call.args)) continue;
        const read = call.call.parent;
        if (read?.type === 'attribute' && ALGORITHM_PROPERTIES.has(read.childForFieldName('attribute')?.text ?? '')) continue;
        const { use, clue } = useOf(call);
        if (use === 'non-security' && !hasKeyword) continue;
        const fix = use === 'non-security' && !flag ? usedForSecurityFix(call) : undefined;
        const name = algorithm === 'sha1' ? 'SHA-1' : algorithm === 'md5sha1' ? 'MD5-SHA1' : algorithm.toUpperCase();
        const message =
          use === 'non-security'
            ? `${clue} is not a security use: say so with \`usedforsecurity=False\``
            : use === 'security'
              ? `${clue} needs a strong hash: ${name} is broken`
              : `${name} is broken for security: use SHA-256, or mark a checksum with \`usedforsecurity=False\``;
        context.report({
          node: call.call,
          data: { callee: call.callee.text, detail: message },
          fixes: fix ? [fix] : [],
          peer: 'S324',
          suggestion: suggestionFor(use, call, fix),
        });
      }
    },
  };
}

/** `md5` / `sha1` for the weak constructors, from the literal for `hashlib.new("md5")`. */
function algorithmOf(call: Call): string | undefined {
  if (call.qualified !== 'hashlib.new') return call.qualified.slice('hashlib.'.length);
  const first = positionalArguments(call.args)[0] ?? keywordValue(call.args, 'name');
  const value = first ? stringValue(first)?.toLowerCase().replace(/[-_]/g, '') : undefined;
  return value && WEAK.has(value) ? value : undefined;
}

/** What the digest is for, read from the names around the call: the target, a keyword, the enclosing def. */
function useOf(site: Call): { use: Use; clue: string } {
  const call = site.call;
  const names: { name: string; clue: string }[] = [];
  // What is hashed comes first: `md5(salt + password)` is a password hash whatever it is called.
  for (const argument of positionalArguments(site.args)) {
    for (const match of argument.text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      if (nameWords(match[0]).some((w) => SECURITY_DATA_WORDS.has(w))) return { use: 'security', clue: `hashing \`${match[0]}\`` };
    }
  }
  let node: Node = call;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === 'lambda' || parent.type === 'function_definition' || parent.type === 'class_definition' || parent.type === 'block') break;
    if (parent.type === 'assignment' && parent.childForFieldName('right')?.equals(node)) {
      const name = targetName(parent.childForFieldName('left'));
      if (name) names.push({ name, clue: `\`${name}\`` });
      break;
    }
    if (parent.type === 'keyword_argument' && parent.childForFieldName('value')?.equals(node)) {
      const name = parent.childForFieldName('name')?.text;
      if (name) names.push({ name, clue: `\`${name}=\`` });
    }
    if (parent.type.endsWith('_statement')) break;
  }
  const def = enclosingDef(call);
  const fn = def?.childForFieldName('name')?.text;
  if (fn) names.push({ name: fn, clue: `\`${fn}()\`` });
  for (const { name, clue } of names) {
    const words = nameWords(name);
    // A plain `key` is a dict or cache key; `api_key`, `signing_key` are secrets.
    const security = words.some((w, i) => SECURITY_WORDS.has(w) && !(w === 'key' && (i === 0 || !['api', 'secret', 'signing', 'private', 'session', 'encryption'].includes(words[i - 1]))));
    if (security) return { use: 'security', clue };
    // `cache_key`, `etag_for`, `file_checksum`, `doc_id`: an identifier of content.
    if (words.some((w) => NON_SECURITY_WORDS.has(w))) return { use: 'non-security', clue };
  }
  return { use: 'unknown', clue: '' };
}

function usedForSecurityFix(call: Call): Fix {
  const items = call.args.namedChildren.filter((a): a is Node => !!a && a.type !== 'comment');
  const last = items[items.length - 1];
  // After the last argument, so a trailing comma and the closing line stay as they are.
  const edit = last ? { start: last.endIndex, end: last.endIndex, newText: ', usedforsecurity=False' } : { start: call.args.endIndex - 1, end: call.args.endIndex - 1, newText: 'usedforsecurity=False' };
  return { title: 'Add `usedforsecurity=False`', safety: 'safe', edits: [edit] };
}

function suggestionFor(use: Use, call: Call, fix: Fix | undefined): string {
  if (use === 'non-security') {
    const edit = fix?.edits[0];
    const fixed = edit ? call.call.text.slice(0, edit.start - call.call.startIndex) + edit.newText + call.call.text.slice(edit.start - call.call.startIndex) : undefined;
    return (fixed && !fixed.includes('\n') ? `\`\`\`python\n${fixed}\n\`\`\`\n` : '') + 'A checksum or cache key needs no collision resistance against attackers; the flag documents that and keeps the call working on FIPS-mode Python builds.';
  }
  const data = positionalArguments(call.args)[call.qualified === 'hashlib.new' ? 1 : 0]?.text ?? 'data';
  return (
    `For integrity or signatures use \`hashlib.sha256(${data})\` (or \`hashlib.blake2b\`); for a keyed digest \`hmac.new(key, ${data}, "sha256")\`; ` +
    'for passwords a slow salted hash (`hashlib.scrypt`, argon2, bcrypt); for tokens `secrets.token_hex()`. ' +
    'If this really is a checksum, write `usedforsecurity=False` to say so.'
  );
}

const CRYPT = new Set(['crypt.crypt', 'crypt.mksalt']);
// Not METHOD_BLOWFISH: bcrypt is still an acceptable password hash.
const WEAK_CRYPT = new Set(['crypt.METHOD_CRYPT', 'crypt.METHOD_MD5']);

/** `crypt.crypt(word, crypt.METHOD_MD5)`, `crypt.mksalt(crypt.METHOD_CRYPT)`: weak password hashes. */
function reportCrypt(context: CheckContext): void {
  for (const call of callsTo(context, ['crypt', 'mksalt'], CRYPT)) {
    const positional = positionalArguments(call.args);
    const method = call.qualified === 'crypt.crypt' ? (keywordValue(call.args, 'salt') ?? positional[1]) : (keywordValue(call.args, 'method') ?? positional[0]);
    const qualified = method && (method.type === 'attribute' || method.type === 'identifier') ? context.facts.resolve(method) : undefined;
    if (!qualified || !WEAK_CRYPT.has(qualified)) continue;
    context.report({
      node: call.call,
      data: { callee: call.callee.text, detail: `\`${qualified}\` is a weak password hash` },
      peer: 'S324',
      suggestion: 'Hash passwords with a slow, salted function: `hashlib.scrypt(password, salt=os.urandom(16), n=2**14, r=8, p=1)`, or argon2 / bcrypt. The `crypt` module is gone from Python 3.13.',
    });
  }
}
