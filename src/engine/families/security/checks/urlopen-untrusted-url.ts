// urlopen-untrusted-url: `urllib.request.urlopen` / `Request` / `urlretrieve` on a URL whose
// scheme the code does not fix. urllib also opens `file://` (and `ftp://`, `data:`) URLs, so
// a URL that comes from input can read local files. A literal of another scheme is reported
// too (as Ruff and Bandit do): it is rare, and `open()` says plainly what it does. Clean: a
// literal http(s) URL, text built from one (`f"https://api/{path}"`, `"https://…" + path`,
// `.format`, `%`), a name bound only to such values, and `urlopen(req)` of a `Request`
// (checked where it was built).
import type { Node } from 'web-tree-sitter';
import { isStaticString } from '../strings';
import { callParts, keywordArgument, positionalArguments } from '../network';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';

const MODULES = ['urllib.request', 'six.moves.urllib.request'];
const OPENERS = new Set([...MODULES.flatMap((m) => ['urlopen', 'Request', 'urlretrieve'].map((f) => `${m}.${f}`)), 'urllib2.urlopen', 'urllib2.Request']);
const REQUEST_CLASSES = new Set([...MODULES.map((m) => `${m}.Request`), 'urllib2.Request']);
const WEB_SCHEME = /^[rRfFuU]{0,2}(?:"""|'''|"|')https?:\/\//i;

export function createUrlopenUntrustedUrl(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  // A file that imports none of the openers' modules has nothing to report: skip its calls.
  const relevant = facts.mayResolveTo([...OPENERS]);
  return {
    match(captures) {
      if (!relevant) return;
      const parts = callParts(captures.call);
      if (!parts || !context.isSound(parts.call)) return;
      const name = facts.resolve(parts.callee);
      if (!name || !OPENERS.has(name)) return;
      const url = positionalArguments(parts.args)[0] ?? keywordArgument(parts.args, 'url')?.childForFieldName('value');
      if (!url || hasWebScheme(facts, url, 0)) return;
      if (!REQUEST_CLASSES.has(name) && isCheckedRequest(facts, url)) return;
      context.report({
        node: url,
        data: { callee: parts.callee.text.replace(/\s+/g, ''), problem: isStaticString(url) ? literalProblem(url) : 'opens a URL whose scheme is not fixed: a `file://` URL would read local files' },
        peer: 'S310',
        suggestion: isStaticString(url)
          ? 'The URL is fixed in the code, so no attacker picks it; still, to read a local file `open()` says so plainly, and a reviewer need not wonder which schemes urllib is meant to open.'
          : `Check the scheme first:\n\`\`\`python\nif urllib.parse.urlsplit(${url.text.length <= 40 && !url.text.includes('\n') ? url.text : 'url'}).scheme not in ("http", "https"):\n    raise ValueError("only http(s) URLs")\n\`\`\`\nor fetch with requests or httpx, which only speak HTTP.`,
      });
    },
  };
}

/** For a literal URL: the scheme it opens (`file:`), or that it has none urllib accepts as-is. */
function literalProblem(url: Node): string {
  const scheme = /^[rRuU]?(?:"""|'''|"|')([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.text)?.[1];
  return scheme ? `opens a \`${scheme.toLowerCase()}:\` URL, not http(s)` : 'opens a URL without an http(s) scheme';
}

/** True when the expression is an http(s) URL literal or text built from one (its scheme fixed). */
function hasWebScheme(facts: SemanticFacts, node: Node, depth: number): boolean {
  if (depth > 3) return false;
  if (node.type === 'parenthesized_expression') return !!node.namedChildren[0] && hasWebScheme(facts, node.namedChildren[0], depth + 1);
  if (node.type === 'string') return WEB_SCHEME.test(node.text) || startsWithWebBase(facts, node, depth);
  if (node.type === 'concatenated_string') return !!node.namedChildren[0] && hasWebScheme(facts, node.namedChildren[0], depth + 1);
  if (node.type === 'binary_operator') {
    const left = node.childForFieldName('left');
    return ['+', '%'].includes(node.childForFieldName('operator')?.type ?? '') && !!left && hasWebScheme(facts, left, depth + 1);
  }
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
    return callee?.childForFieldName('attribute')?.text === 'format' && !!object && hasWebScheme(facts, object, depth + 1);
  }
  if (node.type === 'identifier') return boundValues(facts, node).some((v) => hasWebScheme(facts, v, depth + 1)) && boundValues(facts, node).every((v) => hasWebScheme(facts, v, depth + 1));
  return false;
}

/** `f"{BASE_URL}/data.csv"`: an f-string that opens with a value which itself has a fixed web scheme. */
function startsWithWebBase(facts: SemanticFacts, string: Node, depth: number): boolean {
  const first = string.namedChildren.find((part) => part?.type !== 'string_start');
  const expression = first?.type === 'interpolation' ? first.namedChildren[0] : undefined;
  return !!expression && hasWebScheme(facts, expression, depth + 1);
}

/** A name bound only to `Request(...)` calls: the Request is reported where it is built. */
function isCheckedRequest(facts: SemanticFacts, node: Node): boolean {
  if (node.type === 'call') return REQUEST_CLASSES.has(facts.resolve(node.childForFieldName('function') ?? node) ?? '');
  if (node.type !== 'identifier') return false;
  const values = boundValues(facts, node);
  return values.length > 0 && values.every((v) => isCheckedRequest(facts, v));
}

/** The values a plain name was assigned in its scope (or, for a global, in the module); empty when unknown. */
function boundValues(facts: SemanticFacts, identifier: Node): Node[] {
  const local = facts.localBinding(identifier);
  if (local) return local.opaque || local.parameter ? [] : local.values;
  const module = facts.moduleScope;
  const name = identifier.text;
  if (module.opaque.has(name) || module.imports.has(name)) return [];
  return (module.assignments.get(name) ?? []).map((a) => a.value);
}
