// The hover of a sync LLM SDK call in a coroutine (blocking-http-call-in-async): the same call
// on the SDK's async client, awaited, built from the user's own call. A client made elsewhere
// (module level, `__init__`) may serve sync code too, so only a client the coroutine builds
// for itself gets the native fix (llm-async-fix.ts); the worker-thread fix stays the stopgap.
import type { BlockingHit } from './blocking';
import { keywordArgument, receiverOf } from './call-sites';
import { LLM_CLIENT_PREFIX } from './call-tables';
import { kindOf } from './kinds';
import { pythonBlock } from './off-thread';
import { innerText } from '../../template';
import type { SemanticFacts } from '../../facts';
import { LLM_STREAMING_METHODS } from '../../llm-sdks';

const ASYNC_CLIENTS: Record<string, string> = {
  openai: '`AsyncOpenAI` (`AsyncAzureOpenAI` for `AzureOpenAI`)',
  anthropic: '`AsyncAnthropic` (`AsyncAnthropicBedrock`, `AsyncAnthropicVertex`… for the cloud clients)',
  groq: '`AsyncGroq`',
};

/** True for a call on a sync LLM SDK client's resource. */
export function isLlmCall(hit: BlockingHit): boolean {
  return !!hit.kind?.startsWith(LLM_CLIENT_PREFIX);
}

/** True when the answer is a stream read after the call returns, on the loop. */
export function streamsLlmAnswer(hit: BlockingHit): boolean {
  const method = hit.name.slice(hit.name.lastIndexOf('.') + 1);
  const stream = keywordArgument(hit.site, 'stream');
  return LLM_STREAMING_METHODS.has(method) || (!!stream && stream.type !== 'false' && stream.type !== 'none');
}

export function llmAdvice(facts: SemanticFacts, hit: BlockingHit): string {
  const sdk = hit.kind!.slice(LLM_CLIENT_PREFIX.length).split('.')[0];
  const client = clientExpression(facts, hit);
  const method = hit.name.slice(hit.name.lastIndexOf('.') + 1);
  const args = hit.site.args.type === 'argument_list' ? innerText(hit.site.args).trim().replace(/\s*\n\s*/g, ' ') : '';
  const shownArgs = args.length <= 80 ? args : '...';
  const stream = streamsLlmAnswer(hit);
  if (sdk === 'google-genai') {
    const path = client ? hit.site.callee.text.slice(client.length) : '.models.' + method;
    const call = `${client ?? 'client'}.aio${path}(${shownArgs})`;
    return [
      'The same client has an async API under `.aio`: await the call there and the loop stays free.',
      pythonBlock(stream ? `async for chunk in await ${call}:\n    ...` : `response = await ${call}`),
    ].join('\n');
  }
  const call = `await ${hit.site.callee.text}(${shownArgs})`;
  return [
    `The real cure is the SDK's async client, ${ASYNC_CLIENTS[sdk] ?? 'its async twin'}: it takes the same arguments, and each call is awaited.` +
      (client ? ` Create it once where \`${client}\` is made.` : ''),
    pythonBlock(stream ? `stream = ${call}\nasync for event in stream:\n    ...` : `response = ${call}`),
    'Every other use of that client then needs `await` too (a sync caller keeps its own sync client).',
  ].join('\n');
}

/** The text of the client expression the call goes through (`self.client` in `self.client.chat.completions.create`). */
function clientExpression(facts: SemanticFacts, hit: BlockingHit): string | undefined {
  for (let node = receiverOf(hit.site); node; node = node.type === 'attribute' ? (node.childForFieldName('object') ?? undefined) : undefined) {
    const found = kindOf(facts, node);
    if (found && !found.slice(LLM_CLIENT_PREFIX.length).includes('.')) return node.text;
    if (node.type !== 'attribute') return undefined;
  }
  return undefined;
}
