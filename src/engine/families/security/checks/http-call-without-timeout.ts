// http-call-without-timeout: a requests call (function, or method of a provable Session) with
// no `timeout=`, or any requests/httpx call or httpx client given `timeout=None`. requests waits
// forever by default; httpx has a 5-second default, so only an explicit None disables it.
// A `**kwargs`/`*args` in the call may carry the timeout: silent. The unsafe fix adds (or
// replaces None with) the `request-timeout` setting of `[tool.pymodern.security]`.
import type { Node } from 'web-tree-sitter';
import { argumentsOf, callParts, calleeText, fixedCallBlock, hasSplat, httpCallKind, HTTPX_MODULES, keywordArgument, methodName, positionalArguments } from '../network';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix } from '../../../types';

export const DEFAULT_REQUEST_TIMEOUT = 10;

export function createHttpCallWithoutTimeout(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const seconds = context.config.security?.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT;
  // Only requests and httpx calls are reported: other files pay nothing.
  const relevant = ['requests', ...HTTPX_MODULES].some((module) => facts.importsModule(module));
  return {
    match(captures) {
      if (!relevant) return;
      const parts = callParts(captures.call);
      if (!parts || !context.isSound(parts.call)) return;
      const kind = httpCallKind(facts, parts.callee);
      if (!kind) return;
      const timeout = keywordArgument(parts.args, 'timeout');
      const callee = calleeText(parts.callee);
      if (timeout) {
        const value = timeout.childForFieldName('value');
        if (value?.type !== 'none') return;
        const edits = [{ start: value.startIndex, end: value.endIndex, newText: String(seconds) }];
        const block = fixedCallBlock(context.text, parts.call, edits);
        context.report({
          node: timeout,
          data: { callee, problem: 'sets `timeout=None`: a server that stops answering hangs it forever' },
          fixes: [{ title: `Set \`timeout=${seconds}\``, safety: 'unsafe', edits }],
          peer: 'S113',
          suggestion: [`Give the request a bound in seconds (a long download can use \`timeout=(connect, read)\`):`, block].filter(Boolean).join('\n'),
        });
        return;
      }
      // httpx times out after 5 s by default; a client's methods inherit the client's timeout.
      if (kind === 'httpx' || kind === 'httpx-client' || hasSplat(parts.args)) return;
      // Session.request(method, url, params, data, headers, cookies, files, auth, timeout, …)
      if (kind === 'requests-session' && methodName(parts.callee) === 'request' && positionalArguments(parts.args).length >= 9) return;
      const fix = addKeyword(context, parts.args, `timeout=${seconds}`);
      const block = fix && fixedCallBlock(context.text, parts.call, fix.edits);
      context.report({
        node: parts.call,
        data: { callee, problem: 'has no `timeout`: a server that stops answering hangs it forever' },
        fixes: fix ? [fix] : [],
        peer: 'S113',
        suggestion: block ? `Pass a timeout in seconds:\n${block}` : `Pass a timeout in seconds: \`${callee}(…, timeout=${seconds})\`.`,
      });
    },
  };
}

/**
 * Adds `keyword` as the last argument: `f(a)` → `f(a, timeout=10)`; a call laid out one
 * argument per line with a trailing comma gets its own line.
 */
function addKeyword(context: CheckContext, args: Node, keyword: string): Fix | undefined {
  const list = argumentsOf(args);
  const last = list[list.length - 1];
  const title = `Add \`${keyword}\``;
  if (!last) return { title, safety: 'unsafe', edits: [{ start: args.startIndex + 1, end: args.startIndex + 1, newText: keyword }] };
  const after = last.nextSibling;
  if (after?.type === ',' && args.startPosition.row !== args.endPosition.row && last.startPosition.row !== args.endPosition.row) {
    const text = context.text;
    const lineStart = text.lastIndexOf('\n', last.startIndex - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    return { title, safety: 'unsafe', edits: [{ start: after.endIndex, end: after.endIndex, newText: `\n${indent}${keyword},` }] };
  }
  return { title, safety: 'unsafe', edits: [{ start: last.endIndex, end: last.endIndex, newText: `, ${keyword}` }] };
}
