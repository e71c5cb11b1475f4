// blocking-http-call-in-async: a synchronous HTTP request in a coroutine — `requests.*`,
// `requests.Session` and `httpx.Client` methods, `httpx.get`, `urllib.request.urlopen`,
// `urllib3` pools, `http.client` connections. The fix moves the call to a worker thread;
// the hover shows the real cure, an async client built from the same call.
import { reportBlockingCalls, type BlockingHit } from '../blocking';
import { methodOf, positionalArguments, type AsyncLibrary } from '../call-sites';
import { RULES } from '../call-tables';
import { pythonBlock } from '../off-thread';
import { innerText } from '../../../template';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const VERBS = new Set(['get', 'options', 'head', 'post', 'put', 'patch', 'delete', 'request']);
const LAZY_RESPONSES = new Set(['httpx.stream', 'urllib.request.urlopen', 'urllib.request.OpenerDirector.open', 'http.client.HTTPConnection.getresponse']);

export function createBlockingHttpCallInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.http, {
        // These return a response whose body is read afterwards, on the loop: moving only the
        // call to a thread would hide that read. (`stream()` is also a context manager.)
        offThread: (hit) => !LAZY_RESPONSES.has(hit.name) && methodOf(hit.site) !== 'stream',
        advice: (hit, library) => asyncClientAdvice(hit, library),
      });
    },
  };
}

/** The same request through an async client, built from the call's own arguments. */
function asyncClientAdvice(hit: BlockingHit, library: AsyncLibrary | undefined): string {
  const site = hit.site;
  const verb = hit.name.split('.').pop()!;
  const fromRequestsApi = VERBS.has(verb) && (hit.name.startsWith('requests.') || hit.name.startsWith('httpx.'));
  const args = site.args.type === 'argument_list' ? innerText(site.args).trim().replace(/\s*\n\s*/g, ' ') : '';
  const opensUrl = hit.name.startsWith('urllib.request.url');
  const url = (opensUrl && positionalArguments(site)[0]?.text) || 'url';
  const call = fromRequestsApi && args.length <= 80 ? `client.${verb}(${args})` : `client.get(${url})`;
  const client =
    library === 'asyncio' || library === undefined
      ? 'an async client (`httpx.AsyncClient`, or `aiohttp.ClientSession` on asyncio)'
      : 'an async client (`httpx.AsyncClient` runs on trio and anyio too)';
  const lines = [`The real cure is ${client}; create it once and reuse it:`, pythonBlock(`async with httpx.AsyncClient() as client:\n    response = await ${call}`)];
  if (hit.name.startsWith('requests.')) lines.push('From requests, check keywords that differ: `allow_redirects` → `follow_redirects`; `verify`, `cert` and `proxies` go to the client.');
  return lines.join('\n');
}
