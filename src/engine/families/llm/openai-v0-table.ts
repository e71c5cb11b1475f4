// The openai 0.x module-level API and its 1.x client form (openai/lib/_old_api.py lists the
// classes that raise APIRemovedInV1 when called on openai >= 1.0).

export interface V1Method {
  /** The path under the client: `chat.completions.create`. */
  path: string;
  /** Names of the 0.x positional parameters that the 1.x method takes by keyword only. */
  positionalAsKeywords?: readonly string[];
  /** Positional arguments the 1.x method still takes positionally (an id). */
  positionalKept?: number;
  /** How reading the response changes, for the hover. */
  response?: readonly [before: string, after: string];
  /** Why there is no fix (the 1.x method is not a drop-in). */
  noFix?: string;
}

const CHAT: V1Method['response'] = ['response["choices"][0]["message"]["content"]', 'response.choices[0].message.content'];
const TEXT: V1Method['response'] = ['response["choices"][0]["text"]', 'response.choices[0].text'];
const EMBEDDING: V1Method['response'] = ['response["data"][0]["embedding"]', 'response.data[0].embedding'];
const IMAGE: V1Method['response'] = ['response["data"][0]["url"]', 'response.data[0].url'];
const AUDIO: V1Method['response'] = ['transcript["text"]', 'transcript.text'];

/** `<Resource>.<method>` of 0.x → the 1.x client method (async variants are `a<method>`). */
export const V0_METHODS: ReadonlyMap<string, V1Method> = new Map([
  ['ChatCompletion.create', { path: 'chat.completions.create', response: CHAT }],
  ['Completion.create', { path: 'completions.create', response: TEXT }],
  ['Embedding.create', { path: 'embeddings.create', response: EMBEDDING }],
  ['Moderation.create', { path: 'moderations.create', response: ['response["results"][0]["flagged"]', 'response.results[0].flagged'] as const }],
  ['Image.create', { path: 'images.generate', response: IMAGE }],
  ['Image.create_edit', { path: 'images.edit', positionalAsKeywords: ['image', 'mask'], response: IMAGE }],
  ['Image.create_variation', { path: 'images.create_variation', positionalAsKeywords: ['image'], response: IMAGE }],
  ['Audio.transcribe', { path: 'audio.transcriptions.create', positionalAsKeywords: ['model', 'file'], response: AUDIO }],
  ['Audio.translate', { path: 'audio.translations.create', positionalAsKeywords: ['model', 'file'], response: AUDIO }],
  ['FineTuningJob.create', { path: 'fine_tuning.jobs.create' }],
  ['FineTuningJob.list', { path: 'fine_tuning.jobs.list' }],
  ['FineTuningJob.retrieve', { path: 'fine_tuning.jobs.retrieve', positionalKept: 1 }],
  ['FineTuningJob.cancel', { path: 'fine_tuning.jobs.cancel', positionalKept: 1 }],
  ['FineTuningJob.list_events', { path: 'fine_tuning.jobs.list_events', positionalKept: 1 }],
  ['File.create', { path: 'files.create', positionalAsKeywords: ['file', 'purpose'] }],
  ['File.list', { path: 'files.list' }],
  ['File.retrieve', { path: 'files.retrieve', positionalKept: 1 }],
  ['File.delete', { path: 'files.delete', positionalKept: 1 }],
  ['File.download', { path: 'files.content', positionalKept: 1, noFix: 'it returns a response object: read its `.content` for the bytes' }],
  ['Model.list', { path: 'models.list' }],
  ['Model.retrieve', { path: 'models.retrieve', positionalKept: 1 }],
  ['Model.delete', { path: 'models.delete', positionalKept: 1 }],
]);

/** `<Resource>.<method>` of a 0.x name (`ChatCompletion.acreate`): the 1.x method, and whether the name is its async variant. */
export function v1MethodOf(resource: string, method: string): { target: V1Method; isAsync: boolean } | undefined {
  const isAsync = method.startsWith('a') && V0_METHODS.has(`${resource}.${method.slice(1)}`);
  const target = V0_METHODS.get(`${resource}.${isAsync ? method.slice(1) : method}`);
  return target && { target, isAsync };
}

/** 0.x classes with no 1.x counterpart: reported, never fixed. */
export const V0_WITHOUT_SUCCESSOR: ReadonlyMap<string, string> = new Map([
  ['Edit', 'the edits endpoint is retired: send the instruction to `client.chat.completions.create()`'],
  ['FineTune', 'the legacy fine-tunes endpoint is retired: use `client.fine_tuning.jobs`'],
  ['Engine', 'engines are retired: list models with `client.models.list()`'],
  ['Customer', 'it has no counterpart in openai 1.x'],
  ['Deployment', 'Azure deployments are addressed with `AzureOpenAI(azure_deployment=...)`'],
  ['ErrorObject', 'it has no counterpart in openai 1.x'],
]);

/** 0.x per-request settings that 1.x methods reject: they belong to the client (or to AzureOpenAI). */
export const CLIENT_SETTINGS = new Set(['api_key', 'api_base', 'api_type', 'api_version', 'organization', 'request_timeout', 'engine', 'deployment_id', 'request_id', 'id', 'sid']);

/** Module attributes 0.x code sets, and the client argument each becomes (null: the Azure client's). */
export const MODULE_SETTINGS: ReadonlyMap<string, string | null> = new Map([
  ['api_key', 'api_key'],
  ['organization', 'organization'],
  ['api_base', 'base_url'],
  ['api_type', null],
  ['api_version', null],
]);

/** `openai.error.<name>` (module removed in 1.0) → the 1.x exception class. */
export const V0_ERRORS: ReadonlyMap<string, string> = new Map([
  ['OpenAIError', 'OpenAIError'],
  ['APIError', 'APIError'],
  ['APIConnectionError', 'APIConnectionError'],
  ['AuthenticationError', 'AuthenticationError'],
  ['RateLimitError', 'RateLimitError'],
  ['InvalidRequestError', 'BadRequestError'],
  ['PermissionError', 'PermissionDeniedError'],
  ['Timeout', 'APITimeoutError'],
  ['ServiceUnavailableError', 'InternalServerError'],
]);
