// bind-all-interfaces: the all-interfaces address (`"0.0.0.0"`, `"::"`, with an optional
// `:port`) where a server takes its bind address — a `host=`/`bind=`-like keyword or
// parameter default, the address of `sock.bind((host, port))` or of a socketserver/http.server
// server, or a host-like name assigned it (`HOST = "0.0.0.0"`, gunicorn's `bind = "0.0.0.0:8000"`).
// The same text in a comparison, a log message or a docstring is not a bind and stays silent.
import type { Node } from 'web-tree-sitter';
import { isStaticString } from '../strings';
import { callParts, methodName, positionalArguments } from '../network';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const ALL_INTERFACES = /^(?:0\.0\.0\.0|::|\[::\])(?::\d{1,5})?$/;
/** Names that hold a bind address: `host`, `HOST`, `bind_address`, `listen_addr`, `server_ip`. */
const HOST_LIKE = /(?:^|_)(?:host|hostname|bind|bind_?addr(?:ess)?|listen|listen_?addr(?:ess)?|addr|address|ip|interface)$/i;
/** Servers whose first argument is the `(host, port)` they bind. */
const ADDRESS_SERVERS = new Set(
  ['TCPServer', 'UDPServer', 'ThreadingTCPServer', 'ThreadingUDPServer', 'ForkingTCPServer', 'ForkingUDPServer']
    .map((name) => `socketserver.${name}`)
    .concat(['http.server.HTTPServer', 'http.server.ThreadingHTTPServer', 'wsgiref.simple_server.WSGIServer', 'xmlrpc.server.SimpleXMLRPCServer']),
);

export function createBindAllInterfaces(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const string = captures.string;
      if (!string || !isStaticString(string) || !context.isSound(string)) return;
      const address = literalText(string);
      if (address === undefined || !ALL_INTERFACES.test(address)) return;
      const where = bindPosition(facts, string);
      if (!where) return;
      context.report({
        node: string,
        data: { address, where },
        peer: 'S104',
        suggestion: safeForm(context.text, string, address),
      });
    },
  };
}

/**
 * The same code bound to the loopback (`"127.0.0.1"`, `"::1"` for IPv6, the port kept), with
 * the advice to take a public address from the deployment.
 */
function safeForm(text: string, string: Node, address: string): string {
  const port = /:(\d+)$/.exec(address.replace(/^\[::\]|^::(?=:|$)/, ''))?.[1];
  const loopback = address.includes(':') && !address.startsWith('0.') ? (port ? `[::1]:${port}` : '::1') : port ? `127.0.0.1:${port}` : '127.0.0.1';
  const quote = string.text.endsWith("'") ? "'" : '"';
  const statement = string.parent!;
  const line = text.slice(statement.startIndex, string.startIndex) + `${quote}${loopback}${quote}` + text.slice(string.endIndex, statement.endIndex);
  const code = line.length <= 120 && !line.includes('\n') ? `\n\`\`\`python\n${line}\n\`\`\`\n` : ` (\`${quote}${loopback}${quote}\`)`;
  return `Bind the loopback when only this machine (or a reverse proxy on it) must connect${code}and let the deployment choose a public address, e.g. from an environment variable.`;
}

/** The text of a plain string literal (no f-string, no bytes), without quotes and prefix. */
function literalText(node: Node): string | undefined {
  const match = /^([rRuU]?)("""|'''|"|')([\s\S]*)\2$/.exec(node.text);
  return match ? match[3] : undefined;
}

/** Where the string is used as a bind address, in words for the message; undefined elsewhere. */
function bindPosition(facts: CheckContext['facts'], string: Node): string | undefined {
  const parent = string.parent;
  if (!parent) return undefined;
  if (parent.type === 'keyword_argument' && parent.childForFieldName('value')?.equals(string)) {
    const name = parent.childForFieldName('name')?.text ?? '';
    return HOST_LIKE.test(name) ? `as \`${name}=\`` : undefined;
  }
  if ((parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') && parent.childForFieldName('value')?.equals(string)) {
    const name = parent.childForFieldName('name')?.text ?? '';
    return HOST_LIKE.test(name) ? `as the default of \`${name}\`` : undefined;
  }
  if (parent.type === 'assignment' && parent.childForFieldName('right')?.equals(string)) {
    const left = parent.childForFieldName('left');
    const name = left?.type === 'identifier' ? left.text : left?.type === 'attribute' ? (left.childForFieldName('attribute')?.text ?? '') : '';
    return name && HOST_LIKE.test(name) ? `assigned to \`${left!.text}\`` : undefined;
  }
  if (parent.type === 'pair' && parent.childForFieldName('value')?.equals(string)) {
    const key = parent.childForFieldName('key');
    const name = key && isStaticString(key) ? literalText(key) : undefined;
    return name && HOST_LIKE.test(name) ? `as \`"${name}"\`` : undefined;
  }
  // `(host, port)` as the first argument of `x.bind(...)` or of a socketserver / http.server server.
  if (parent.type === 'tuple' && parent.namedChildren[0]?.equals(string) && parent.namedChildren.length === 2) {
    const args = parent.parent;
    const call = args?.type === 'argument_list' ? args.parent : undefined;
    const parts = call ? callParts(call) : undefined;
    if (!parts || !positionalArguments(parts.args)[0]?.equals(parent)) return undefined;
    if (parts.callee.type === 'attribute' && methodName(parts.callee) === 'bind') return 'as the address of `bind()`';
    const server = facts.resolve(parts.callee);
    return server && ADDRESS_SERVERS.has(server) ? `as the address of \`${parts.callee.text}\`` : undefined;
  }
  return undefined;
}
