// blocking-http-call-in-async: a synchronous HTTP request in a coroutine — `requests.*`,
// `requests.Session`, `httpx`/`httpx2` functions and `Client` methods, `urllib.request.urlopen`,
// `urllib3` pools, `http.client` connections and response reads, boto3 clients and resources,
// and the sync clients of the LLM SDKs (`OpenAI().chat.completions.create`, llm-advice.ts).
// The fix moves the call to a worker thread (it never adds an import of an HTTP library the
// project may not have); the hover shows the real cure, an async client built from the same
// call: `httpx2.AsyncClient` for code on httpx's API (httpx itself is no longer maintained)
// or on trio/anyio, `aiohttp` for other asyncio code, aioboto3 for boto3.
import { reportBlockingCalls, type BlockingHit } from '../blocking';
import { methodOf, positionalArguments, type AsyncLibrary } from '../call-sites';
import { BOTO3_CLIENT, BOTO3_RESOURCE, RULES } from '../call-tables';
import { isLlmCall, llmAdvice, streamsLlmAnswer } from '../llm-advice';
import { asyncClientFix } from '../llm-async-fix';
import { pythonBlock } from '../off-thread';
import { innerText } from '../../../template';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';

const VERBS = new Set(['get', 'options', 'head', 'post', 'put', 'patch', 'delete', 'request']);
const LAZY_RESPONSES = new Set([
  'httpx.stream', 'httpx2.stream', 'urllib.request.urlopen', 'urllib.request.OpenerDirector.open', 'http.client.HTTPConnection.getresponse',
]);

export function createBlockingHttpCallInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.http, {
        // A client the coroutine builds for its own requests: its async twin, awaited.
        fixes: (hit) => {
          const native = isLlmCall(hit) ? asyncClientFix(context, hit) : undefined;
          return native ? [native] : [];
        },
        // These return a response whose body is read afterwards, on the loop: moving only the
        // call to a thread would hide that read. (`stream()` is also a context manager.)
        // boto3 resources are not thread-safe, unlike its clients.
        offThread: (hit) =>
          !LAZY_RESPONSES.has(hit.name) && methodOf(hit.site) !== 'stream' && hit.kind !== BOTO3_RESOURCE && !streamsBody(hit) && !(isLlmCall(hit) && streamsLlmAnswer(hit)),
        advice: (hit, library) => {
          if (isLlmCall(hit)) return llmAdvice(context.facts, hit);
          return hit.kind === BOTO3_CLIENT || hit.kind === BOTO3_RESOURCE ? boto3Advice(hit) : asyncClientAdvice(context.facts, hit, library);
        },
      });
    },
  };
}

/** boto3 calls that answer with a streaming body (`obj["Body"].read()` is network I/O too). */
function streamsBody(hit: BlockingHit): boolean {
  return hit.kind === BOTO3_CLIENT && /^(?:get_object|invoke|select_object_content)|stream/.test(methodOf(hit.site) ?? '');
}

/** True when the file already uses httpx's API (httpx or its maintained continuation, httpx2). */
function usesHttpxApi(facts: SemanticFacts): boolean {
  return facts.importsModule('httpx') || facts.importsModule('httpx2');
}

/** The same request through an async client, built from the call's own arguments. */
function asyncClientAdvice(facts: SemanticFacts, hit: BlockingHit, library: AsyncLibrary | undefined): string {
  const site = hit.site;
  const verb = hit.name.split('.').pop()!;
  const fromRequestsApi = VERBS.has(verb) && /^(?:requests|httpx2?)\./.test(hit.name);
  const args = site.args.type === 'argument_list' ? innerText(site.args).trim().replace(/\s*\n\s*/g, ' ') : '';
  const opensUrl = hit.name.startsWith('urllib.request.url');
  const url = (opensUrl && positionalArguments(site)[0]?.text) || 'url';
  const request = fromRequestsApi && args.length <= 80 ? `${verb}(${args})` : `get(${url})`;
  // aiohttp runs on asyncio only; under trio or anyio (or a file mixing loops) httpx2 is the one.
  if (library === 'asyncio' && !usesHttpxApi(facts)) {
    const lines = [
      'The real cure is an async client created once and reused, such as `aiohttp`:',
      pythonBlock(`async with aiohttp.ClientSession() as session:\n    async with session.${request} as response:\n        body = await response.read()`),
    ];
    if (hit.name.startsWith('requests.')) {
      lines.push('From requests, check what differs: `timeout=` takes `aiohttp.ClientTimeout(total=…)`, `verify=False` becomes `ssl=False`, and `response.json()` is awaited. `httpx2.AsyncClient` keeps requests\' API closer.');
    }
    return lines.join('\n');
  }
  const lines = [
    'The real cure is an async client created once and reused: `httpx2.AsyncClient` (httpx\'s API, maintained; it runs on asyncio, trio and anyio):',
    pythonBlock(`async with httpx2.AsyncClient() as client:\n    response = await client.${request}`),
  ];
  if (facts.importsModule('httpx') && !facts.importsModule('httpx2')) lines.push('The original `httpx` package is no longer maintained; `httpx2` continues it with the same API.');
  if (hit.name.startsWith('requests.')) lines.push('From requests, check keywords that differ: `allow_redirects` → `follow_redirects`; `verify`, `cert` and `proxies` go to the client.');
  return lines.join('\n');
}

function boto3Advice(hit: BlockingHit): string {
  const method = methodOf(hit.site) ?? 'call';
  const factory = hit.kind === BOTO3_CLIENT ? 'client' : 'resource';
  const thread =
    hit.kind === BOTO3_CLIENT
      ? 'A boto3 client is thread-safe, so a worker thread is a sound stopgap: the loop is free, though the thread pool bounds how many calls run at once.'
      : 'A boto3 resource is not thread-safe: to use a worker thread, give the thread its own resource (or use a client).';
  return [
    `Every boto3 call is an HTTPS request, made with the thread parked. The async way is \`aioboto3\` (or \`aiobotocore\`), whose ${factory}s are async context managers:`,
    pythonBlock(`async with aioboto3.Session().${factory}(service_name) as ${factory}:\n    await ${factory}.${method}(...)`),
    streamsBody(hit) ? 'The response body streams: reading it is network I/O as well, so no worker-thread fix for this call alone.' : thread,
  ].join('\n');
}
