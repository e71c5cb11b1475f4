// tls-verification-disabled: code that turns certificate or hostname checks off —
// `verify=False` on requests/httpx calls and clients (and `session.verify = False` on a
// provable Session), `ssl._create_unverified_context` (called, or installed as the default
// HTTPS context), `ssl.CERT_NONE` as a `verify_mode` or `cert_reqs`, and
// `ctx.check_hostname = False`. The unsafe fixes turn the check back on; a dev setup with a
// self-signed certificate then fails until it is given its CA bundle.
import type { Node } from 'web-tree-sitter';
import { removeArgument } from '../../../call-arguments';
import { argumentsOf, callParts, fixedCallBlock, httpCallKind, HTTPX_MODULES, isRequestsSession, keywordArgument } from '../network';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix } from '../../../types';

const UNVERIFIED_CONTEXT = 'ssl._create_unverified_context';
const CERTIFICATES_OFF = 'turns off TLS certificate verification';

const TLS_MODULES = ['ssl', 'requests', 'urllib3', ...HTTPX_MODULES];

export function createTlsVerificationDisabled(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const isCertNone = (node: Node | null | undefined) => !!node && facts.resolve(node) === 'ssl.CERT_NONE';
  // Every form it reports goes through one of these modules: other files pay nothing.
  const relevant = TLS_MODULES.some((module) => facts.importsModule(module));
  return {
    match(captures) {
      const node = captures.call ?? captures.assignment;
      if (!relevant || !node || !context.isSound(node)) return;
      if (captures.call) {
        const parts = callParts(node);
        if (!parts) return;
        const name = facts.resolve(parts.callee);
        if (name === UNVERIFIED_CONTEXT) {
          const fix = parts.callee.type === 'attribute' && !argumentsOf(parts.args).length ? defaultContextFix(parts.callee) : undefined;
          context.report({ node, data: { what: `${parts.callee.text}()`, problem: CERTIFICATES_OFF }, fixes: fix ? [fix] : [], peer: 'S323', suggestion: DEFAULT_CONTEXT_ADVICE });
          return;
        }
        const certReqs = keywordArgument(parts.args, 'cert_reqs');
        const certValue = certReqs?.childForFieldName('value');
        // urllib3 also takes the constant's name as a string.
        if (certReqs && !isOptIn(certReqs) && (isCertNone(certValue) || (name?.startsWith('urllib3.') && /^["']CERT_NONE["']$/.test(certValue?.text ?? '')))) {
          context.report({ node: certReqs, data: { what: certReqs.text, problem: CERTIFICATES_OFF }, peer: null, suggestion: 'Leave `cert_reqs` at its default (`ssl.CERT_REQUIRED`) and pass the server\'s CA bundle (`ca_certs=`) if it is private.' });
        }
        if (!httpCallKind(facts, parts.callee)) return;
        const verify = keywordArgument(parts.args, 'verify');
        if (verify?.childForFieldName('value')?.type !== 'false') return;
        const fix: Fix = { title: 'Remove `verify=False`', safety: 'unsafe', edits: [removeArgument(parts.args, verify)] };
        const block = fixedCallBlock(context.text, node, fix.edits);
        context.report({ node: verify, data: { what: 'verify=False', problem: CERTIFICATES_OFF }, fixes: [fix], peer: 'S501', suggestion: block ? `${VERIFY_ADVICE}\n${block}` : VERIFY_ADVICE });
        return;
      }
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left?.type !== 'attribute' || !right) return;
      const attribute = left.childForFieldName('attribute')?.text;
      const receiver = left.childForFieldName('object');
      if (facts.resolve(right) === UNVERIFIED_CONTEXT) {
        // `ssl._create_default_https_context = ssl._create_unverified_context`: every HTTPS request of urllib.
        context.report({ node, data: { what: `${left.text} = ${right.text}`, problem: `${CERTIFICATES_OFF} for every \`urllib\` HTTPS request` }, peer: 'S323', suggestion: 'Delete this line; to trust a private CA, pass `ssl.create_default_context(cafile=...)` to the calls that need it.' });
      } else if (isOptIn(node)) {
        // `if not verify: ctx.verify_mode = ssl.CERT_NONE`: the user's own switch, not a default.
        return;
      } else if (attribute === 'verify_mode' && isCertNone(right)) {
        context.report({ node, data: { what: `${left.text} = ${right.text}`, problem: CERTIFICATES_OFF }, peer: null, suggestion: 'Keep `ssl.CERT_REQUIRED` (the default of `ssl.create_default_context()`) and load a private CA with `load_verify_locations(cafile)`.' });
      } else if (attribute === 'check_hostname' && right.type === 'false' && facts.importsModule('ssl')) {
        context.report({ node, data: { what: `${left.text} = False`, problem: 'turns off TLS hostname verification' }, peer: null, suggestion: 'Keep `check_hostname = True`: a valid certificate for another host then no longer passes.' });
      } else if (attribute === 'verify' && right.type === 'false' && receiver && isRequestsSession(facts, receiver)) {
        context.report({ node, data: { what: `${left.text} = False`, problem: CERTIFICATES_OFF }, peer: null, suggestion: VERIFY_ADVICE });
      }
    },
  };
}

/** Names of a switch that turns verification off on request: `verify`, `insecure`, `ssl_verify`, `no_check_certificate`. */
const OPT_IN = /verif|insecure|unsafe|check_cert|cert_check|validate/i;

/**
 * True when the node runs under a condition naming such a switch (an `if`/`elif` test or a
 * conditional expression in the same def): the code disables checks because its caller asked.
 */
function isOptIn(node: Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'function_definition' || parent.type === 'lambda' || parent.type === 'class_definition') return false;
    const condition =
      parent.type === 'if_statement' || parent.type === 'elif_clause' ? parent.childForFieldName('condition')
      : parent.type === 'conditional_expression' ? parent.namedChildren[1]
      : undefined;
    if (condition && !condition.equals(child) && OPT_IN.test(condition.text)) return true;
  }
  return false;
}

const VERIFY_ADVICE = 'Remove `verify=False`; for a private or self-signed CA pass its bundle instead: `verify="/path/to/ca.pem"` (or set `REQUESTS_CA_BUNDLE` / `SSL_CERT_FILE`).';
const DEFAULT_CONTEXT_ADVICE = 'Use `ssl.create_default_context()` (give it `cafile=` for a private CA): it checks the certificate and the host name.';

function defaultContextFix(callee: Node): Fix | undefined {
  const name = callee.childForFieldName('attribute');
  if (!name) return undefined;
  return { title: 'Use `ssl.create_default_context()`', safety: 'unsafe', edits: [{ start: name.startIndex, end: name.endIndex, newText: 'create_default_context' }] };
}

