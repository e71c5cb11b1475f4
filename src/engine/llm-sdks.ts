// The LLM SDKs' client classes and the calls each makes, as data read from the SDKs' own
// packages (openai 2.x/3.x, anthropic 1.x, groq 1.x, google-genai 2.x). Family-neutral: the
// llm family finds responses and clients with it, the async family the calls that block the
// event loop. A class is listed only where its async twin was confirmed in the package.

export type LlmSdk = 'openai' | 'anthropic' | 'groq' | 'google-genai';

export interface LlmClientClass {
  sdk: LlmSdk;
  /** True for the async clients (`AsyncOpenAI`): their calls are awaited. */
  isAsync: boolean;
  /** The other of the pair, by the public name users import (`openai.AsyncOpenAI` for `openai.OpenAI`). */
  twin?: string;
}

const CLIENTS = new Map<string, LlmClientClass>();

function pair(sdk: LlmSdk, sync: string, asyncTwin: string, aliases: string[] = []): void {
  CLIENTS.set(sync, { sdk, isAsync: false, twin: asyncTwin });
  CLIENTS.set(asyncTwin, { sdk, isAsync: true, twin: sync });
  for (const alias of aliases) {
    const [syncAlias, asyncAlias] = alias.split('|');
    CLIENTS.set(syncAlias, { sdk, isAsync: false, twin: asyncTwin });
    CLIENTS.set(asyncAlias, { sdk, isAsync: true, twin: sync });
  }
}

pair('openai', 'openai.OpenAI', 'openai.AsyncOpenAI', ['openai.Client|openai.AsyncClient', 'openai._client.OpenAI|openai._client.AsyncOpenAI']);
pair('openai', 'openai.AzureOpenAI', 'openai.AsyncAzureOpenAI', ['openai.lib.azure.AzureOpenAI|openai.lib.azure.AsyncAzureOpenAI']);
pair('openai', 'openai.BedrockOpenAI', 'openai.AsyncBedrockOpenAI');
pair('anthropic', 'anthropic.Anthropic', 'anthropic.AsyncAnthropic', ['anthropic.Client|anthropic.AsyncClient', 'anthropic._client.Anthropic|anthropic._client.AsyncAnthropic']);
pair('anthropic', 'anthropic.AnthropicBedrock', 'anthropic.AsyncAnthropicBedrock', ['anthropic.lib.bedrock.AnthropicBedrock|anthropic.lib.bedrock.AsyncAnthropicBedrock']);
pair('anthropic', 'anthropic.AnthropicVertex', 'anthropic.AsyncAnthropicVertex', ['anthropic.lib.vertex.AnthropicVertex|anthropic.lib.vertex.AsyncAnthropicVertex']);
pair('anthropic', 'anthropic.AnthropicAWS', 'anthropic.AsyncAnthropicAWS');
pair('anthropic', 'anthropic.AnthropicFoundry', 'anthropic.AsyncAnthropicFoundry');
pair('anthropic', 'anthropic.AnthropicGoogleCloud', 'anthropic.AsyncAnthropicGoogleCloud');
pair('groq', 'groq.Groq', 'groq.AsyncGroq', ['groq.Client|groq.AsyncClient']);
// google-genai has one client class; its async API is the `.aio` attribute of the same client.
CLIENTS.set('google.genai.Client', { sdk: 'google-genai', isAsync: false });
CLIENTS.set('google.genai.client.Client', { sdk: 'google-genai', isAsync: false });

/** Client classes by qualified name. */
export const LLM_CLIENT_CLASSES: ReadonlyMap<string, LlmClientClass> = CLIENTS;

/**
 * The request-making methods of each SDK's sync client, by resource path
 * (`chat.completions` → `client.chat.completions.create(...)`). Streaming methods answer with a
 * body read afterwards (`stream`, and `create(stream=True)`).
 */
export const LLM_RESOURCE_METHODS: Readonly<Record<LlmSdk, Readonly<Record<string, readonly string[]>>>> = {
  openai: {
    'chat.completions': ['create', 'parse', 'stream'],
    'beta.chat.completions': ['parse', 'stream'],
    completions: ['create'],
    embeddings: ['create'],
    responses: ['create', 'parse', 'stream', 'retrieve'],
    moderations: ['create'],
    images: ['generate', 'edit', 'create_variation'],
    'audio.transcriptions': ['create'],
    'audio.translations': ['create'],
    'audio.speech': ['create'],
  },
  anthropic: {
    messages: ['create', 'parse', 'stream', 'count_tokens'],
    'beta.messages': ['create', 'parse', 'stream', 'count_tokens'],
    completions: ['create'],
  },
  groq: {
    'chat.completions': ['create'],
    embeddings: ['create'],
    'audio.transcriptions': ['create'],
    'audio.translations': ['create'],
  },
  'google-genai': {
    models: ['generate_content', 'generate_content_stream', 'embed_content', 'count_tokens', 'generate_images'],
  },
};

/** Methods whose answer is a stream read after the call returns. */
export const LLM_STREAMING_METHODS: ReadonlySet<string> = new Set(['stream', 'generate_content_stream']);

/** How the same call is written on the async client: `AsyncOpenAI` and `await`, or genai's `client.aio`. */
export function asyncFormOf(sdk: LlmSdk): 'async-twin' | 'aio-attribute' {
  return sdk === 'google-genai' ? 'aio-attribute' : 'async-twin';
}
