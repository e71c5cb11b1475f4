// Rule tables of the llm family's SDK-migration rules (openai-v0-api, langchain-legacy-import,
// anthropic-text-completions): valid / invalid snippets with exact 1-based positions and
// messages (conventions in ../rule-tester.ts), then the unsafe fixes' output through fix-all
// and the hovers. No peer tool has these checks: no finding carries a peer.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { pythonSyntaxError } from '../../helpers/fixtures';
import { expectedError, ruleTester } from '../rule-tester';

const OPENAI = 'openai-v0-api';

const gone = (old: string, advice: string) => `\`${old}\` is gone in openai 1.0: ${advice}`;
const method = (path: string, isAsync = false) => `use the client method \`${path}()\`${isAsync ? ' of an `AsyncOpenAI` client' : ''}`;
const openaiError = (line: number, column: number, endLine: number, endColumn: number, message: string) => expectedError(OPENAI, line, column, endLine, endColumn, message);

ruleTester(OPENAI, {
  valid: [
    'from openai import OpenAI\n\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o", messages=[])\n',
    'import openai\n\nopenai.api_key = "sk-test"\nr = openai.chat.completions.create(model="gpt-4o", messages=[])\n',
    'from openai.types.chat import ChatCompletion\n\ndef f(r: ChatCompletion) -> str:\n    return r.choices[0].message.content\n',
    'class ChatCompletion:\n    @staticmethod\n    def create(**kw):\n        return kw\n\nChatCompletion.create(model="x")\n',
    'openai = FakeSdk()\nopenai.ChatCompletion.create(model="x")\n',
    'import openai\n\ndef f(openai):\n    return openai.ChatCompletion.create(model="x")\n',
    'import openai\n\ntry:\n    pass\nexcept openai.RateLimitError:\n    pass\n',
    'from openai.types import Completion, Embedding\n\ndef f(c: Completion, e: Embedding): return c, e\n',
    // A branch for openai < 1, chosen by a version test: kept on purpose.
    'import openai\n\nif is_openai_v1():\n    r = client.audio.transcriptions.create(model=m, file=f)\nelse:\n    r = openai.Audio.transcribe(m, f)\n',
    'import openai\n\nerrors = (openai.error.Timeout,) if openai.__version__ < "1" else (openai.APITimeoutError,)\n',
    // A file that tests the openai version elsewhere supports both majors: its 0.x helpers serve the old branch.
    'import openai\nfrom .utils import is_openai_v1\n\ndef _retry_errors():\n    return [openai.error.Timeout, openai.error.APIError]\n\ndef make_client():\n    if is_openai_v1():\n        return openai.OpenAI()\n    return openai.ChatCompletion\n',
    // An early `if is_openai_v1(): return …` leaves the 0.x code after it.
    'import openai\n\ndef embed(texts):\n    if is_openai_v1():\n        return client.embeddings.create(input=texts, model="m")\n    return openai.Embedding.create(input=texts, model="m")\n',
    'from openai import AsyncOpenAI\n\nasync def f(c: AsyncOpenAI):\n    return await c.embeddings.create(input="x", model="m")\n',
  ],
  invalid: [
    {
      code: 'import openai\n\nr = openai.ChatCompletion.create(model="gpt-4", messages=[])\n',
      errors: [openaiError(3, 5, 3, 61, gone('openai.ChatCompletion.create()', method('chat.completions.create')))],
      output: null,
    },
    {
      code: 'import openai as oa\n\n\ndef ask(q):\n    return oa.Completion.create(model="text-davinci-003", prompt=q)\n',
      errors: [openaiError(5, 12, 5, 68, gone('oa.Completion.create()', method('completions.create')))],
      output: null,
    },
    {
      code: 'from openai import ChatCompletion\n\nasync def ask(q):\n    return await ChatCompletion.acreate(model="gpt-4", messages=[q])\n',
      errors: [openaiError(4, 18, 4, 69, gone('ChatCompletion.acreate()', method('chat.completions.create', true)))],
      output: null,
    },
    {
      code: 'import openai\n\n\ndef f(t):\n    return openai.ChatCompletion.create(engine="gpt35", messages=t)\n',
      errors: [openaiError(5, 12, 5, 68, gone('openai.ChatCompletion.create()', method('chat.completions.create')))],
      output: null,
    },
    {
      code: 'import openai\n\ntry:\n    pass\nexcept openai.error.RateLimitError:\n    pass\n',
      errors: [openaiError(5, 8, 5, 35, gone('openai.error.RateLimitError', 'use `openai.RateLimitError`'))],
      output: null,
    },
    {
      code: 'import openai.error\n',
      errors: [openaiError(1, 8, 1, 20, gone('openai.error', 'the exceptions are in `openai` itself'))],
      output: null,
    },
    {
      code: 'from openai.error import Timeout, TryAgain\n',
      errors: [
        openaiError(1, 26, 1, 33, gone('openai.error.Timeout', 'use `openai.APITimeoutError`')),
        openaiError(1, 35, 1, 43, gone('openai.error.TryAgain', 'the 1.x exceptions are in `openai` (`openai.APIError` and its subclasses)')),
      ],
      output: null,
    },
    {
      // A lazy import: a module-level client would import openai eagerly.
      code: 'def ask(q):\n    import openai\n\n    return openai.ChatCompletion.create(model="gpt-4", messages=q)\n',
      errors: [openaiError(4, 12, 4, 67, gone('openai.ChatCompletion.create()', method('chat.completions.create')))],
      output: null,
    },
    {
      // Not called here: reported, no fix.
      code: 'import openai\n\ncreate = retry(openai.ChatCompletion.create)\nvalues["client"] = openai.Embedding\n',
      errors: [
        openaiError(3, 16, 3, 44, gone('openai.ChatCompletion.create', method('chat.completions.create').replace('()', ''))),
        openaiError(4, 20, 4, 36, gone('openai.Embedding', 'use the client resource `client.embeddings`')),
      ],
      output: null,
    },
    {
      code: 'import openai\n\nopenai.FineTune.create(training_file="f")\n',
      errors: [openaiError(3, 1, 3, 42, gone('openai.FineTune.create()', 'the legacy fine-tunes endpoint is retired: use `client.fine_tuning.jobs`'))],
      output: null,
    },
  ],
});

const LANGCHAIN = 'langchain-legacy-import';
const moved = (old: string, module: string) => `\`${old}\` is gone in langchain 1.0: import it from \`${module}\` (pip install ${module.split('.')[0].replace(/_/g, '-')})`;
const classic = (old: string, module: string) => `\`${old}\` is gone in langchain 1.0: it lives on in \`${module}\` (pip install langchain-classic)`;
const langchainError = (line: number, column: number, endLine: number, endColumn: number, message: string) => expectedError(LANGCHAIN, line, column, endLine, endColumn, message);

ruleTester(LANGCHAIN, {
  valid: [
    'from langchain_openai import ChatOpenAI\n',
    'from langchain_community.vectorstores import FAISS\n',
    'from langchain.chat_models import init_chat_model\n',
    'from langchain.tools import tool, BaseTool\n',
    'from langchain.agents import create_agent\nfrom langchain.agents.middleware import SummarizationMiddleware\n',
    'from langchain.messages import HumanMessage, AIMessage\n',
    'from .langchain.vectorstores import FAISS\n',
    'import langchain.chat_models\nimport langchain.agents.middleware\nimport langchain\n',
    'try:\n    from langchain_openai import ChatOpenAI\nexcept ImportError:\n    from langchain.chat_models import ChatOpenAI\n',
  ],
  invalid: [
    {
      code: 'from langchain.chat_models import ChatOpenAI\n',
      errors: [langchainError(1, 35, 1, 45, moved('langchain.chat_models.ChatOpenAI', 'langchain_openai'))],
      output: null,
    },
    {
      // Names going to one module share one fix.
      code: 'from langchain.vectorstores import FAISS, Chroma\n',
      errors: [
        langchainError(1, 36, 1, 41, moved('langchain.vectorstores.FAISS', 'langchain_community.vectorstores')),
        langchainError(1, 43, 1, 49, moved('langchain.vectorstores.Chroma', 'langchain_community.vectorstores')),
      ],
      output: 'from langchain_community.vectorstores import FAISS, Chroma\n',
    },
    {
      code: 'from langchain.schema import HumanMessage, Document\n',
      errors: [
        langchainError(1, 30, 1, 42, moved('langchain.schema.HumanMessage', 'langchain_core.messages')),
        langchainError(1, 44, 1, 52, moved('langchain.schema.Document', 'langchain_core.documents')),
      ],
      output: 'from langchain_core.documents import Document\nfrom langchain_core.messages import HumanMessage\n',
    },
    {
      code: 'from langchain.text_splitter import RecursiveCharacterTextSplitter as Splitter\n',
      errors: [langchainError(1, 37, 1, 79, moved('langchain.text_splitter.RecursiveCharacterTextSplitter', 'langchain_text_splitters'))],
      output: 'from langchain_text_splitters import RecursiveCharacterTextSplitter as Splitter\n',
    },
    {
      code: 'from langchain.chains import LLMChain\n',
      errors: [langchainError(1, 30, 1, 38, classic('langchain.chains.LLMChain', 'langchain_classic.chains'))],
      output: null,
    },
    {
      // `create_agent` is langchain 1.x's own; `initialize_agent` went to langchain-classic.
      code: 'from langchain.agents import initialize_agent, create_agent\n',
      errors: [langchainError(1, 30, 1, 46, classic('langchain.agents.initialize_agent', 'langchain_classic.agents'))],
      output: null,
    },
    {
      code: 'from langchain import OpenAI, PromptTemplate, LLMChain\n',
      errors: [
        langchainError(1, 23, 1, 29, moved('langchain.OpenAI', 'langchain_openai')),
        langchainError(1, 31, 1, 45, moved('langchain.PromptTemplate', 'langchain_core.prompts')),
        langchainError(1, 47, 1, 55, classic('langchain.LLMChain', 'langchain_classic')),
      ],
      output: 'from langchain import OpenAI, LLMChain\nfrom langchain_core.prompts import PromptTemplate\n',
    },
    {
      code: 'import langchain.vectorstores\nimport langchain.schema as schema\n',
      errors: [
        langchainError(1, 8, 1, 30, '`langchain.vectorstores` is gone in langchain 1.0: import its names from `langchain_community.vectorstores` (pip install langchain-community)'),
        langchainError(2, 8, 2, 34, '`langchain.schema` is gone in langchain 1.0: import its names from `langchain_classic.schema` (pip install langchain-classic)'),
      ],
      output: null,
    },
    {
      code: 'from langchain.callbacks import get_openai_callback, StreamingStdOutCallbackHandler\n',
      errors: [
        langchainError(1, 33, 1, 52, moved('langchain.callbacks.get_openai_callback', 'langchain_community.callbacks')),
        langchainError(1, 54, 1, 84, moved('langchain.callbacks.StreamingStdOutCallbackHandler', 'langchain_core.callbacks')),
      ],
      output: 'from langchain_core.callbacks import StreamingStdOutCallbackHandler\nfrom langchain_community.callbacks import get_openai_callback\n',
    },
  ],
});

const ANTHROPIC = 'anthropic-text-completions';
const legacy = (receiver: string, method = 'completions.create') => `\`${receiver}.${method}()\` calls Anthropic's legacy Text Completions API: use the Messages API, \`${receiver}.messages.create()\``;
const anthropicError = (line: number, column: number, endLine: number, endColumn: number, receiver: string, method?: string) => expectedError(ANTHROPIC, line, column, endLine, endColumn, legacy(receiver, method));

ruleTester(ANTHROPIC, {
  valid: [
    'import anthropic\n\nclient = anthropic.Anthropic()\nclient.messages.create(model="m", max_tokens=9, messages=[])\n',
    'from openai import OpenAI\n\nclient = OpenAI()\nclient.completions.create(model="gpt-3.5-turbo-instruct", prompt="hi")\n',
    'import anthropic\n\n\ndef f(sdk, p):\n    return sdk.completions.create(prompt=p)\n',
    'import anthropic\n\nclient = make_client()\nclient.completions.create(prompt="x")\n',
    'class Fake:\n    completions = None\n\nFake().completions.create(prompt="x")\n',
    'import anthropic\n\nclient = anthropic.Anthropic()\nclient = other()\nclient.completions.create(prompt="x")\n',
  ],
  invalid: [
    {
      code: 'from anthropic import Anthropic, HUMAN_PROMPT, AI_PROMPT\n\nclient = Anthropic()\nr = client.completions.create(model="claude-2", prompt=f"{HUMAN_PROMPT} Hi{AI_PROMPT}", max_tokens_to_sample=50)\n',
      errors: [anthropicError(4, 5, 4, 113, 'client')],
      output: null,
    },
    {
      code: 'import anthropic\n\nc = anthropic.Client()\n\n\ndef f(q):\n    return c.completions.create(model="claude-2", prompt=anthropic.HUMAN_PROMPT + q + anthropic.AI_PROMPT, max_tokens_to_sample=9)\n',
      errors: [anthropicError(7, 12, 7, 131, 'c')],
      output: null,
    },
    {
      code: "from anthropic import AsyncAnthropic, HUMAN_PROMPT, AI_PROMPT\n\n\nasync def f(client: AsyncAnthropic, q):\n    return await client.completions.create(model='claude-2', prompt=f'{HUMAN_PROMPT} {q}{AI_PROMPT}', max_tokens_to_sample=9)\n",
      errors: [anthropicError(5, 18, 5, 126, 'client')],
      output: null,
    },
    {
      code: 'import anthropic\n\nclient = anthropic.Anthropic()\nclient.completions.create(model="claude-2", prompt=p, max_tokens_to_sample=9)\n',
      errors: [anthropicError(4, 1, 4, 78, 'client')],
      output: null,
    },
    {
      code: 'import anthropic\nfrom anthropic import HUMAN_PROMPT, AI_PROMPT\n\nclient = anthropic.Anthropic()\nclient.completions.create(model="claude-2", prompt=f"{HUMAN_PROMPT} a{AI_PROMPT}", max_tokens_to_sample=9, stream=True)\n',
      errors: [anthropicError(5, 1, 5, 120, 'client')],
      output: null,
    },
    {
      code: 'import anthropic\n\n\nclass Bot:\n    def __init__(self):\n        self.client = anthropic.Anthropic()\n\n    def ask(self, q):\n        return self.client.completions.create(model="claude-2", prompt=f"{anthropic.HUMAN_PROMPT} {q}{anthropic.AI_PROMPT}", max_tokens_to_sample=9)\n',
      errors: [anthropicError(9, 16, 9, 149, 'self.client')],
      output: null,
    },
    {
      // Two anthropic clients, one per branch: still an anthropic client.
      code: 'import anthropic\n\nif BEDROCK:\n    client = anthropic.AnthropicBedrock()\nelse:\n    client = anthropic.Anthropic()\nr = client.completions.create(model="claude-2", prompt=p, max_tokens_to_sample=9)\n',
      errors: [anthropicError(7, 5, 7, 82, 'client')],
      output: null,
    },
    {
      code: 'import anthropic\n\nwith anthropic.Anthropic() as client:\n    client.completions.create(model="claude-2", prompt=p, max_tokens_to_sample=9)\n',
      errors: [anthropicError(4, 5, 4, 82, 'client')],
      output: null,
    },
    {
      // The 0.2 SDK's `Client.completion()`.
      code: 'import anthropic\n\nc = anthropic.Client(KEY)\nr = c.completion(prompt=f"{anthropic.HUMAN_PROMPT} Hi{anthropic.AI_PROMPT}", model="claude-v1", max_tokens_to_sample=9)\n',
      errors: [anthropicError(4, 5, 4, 120, 'c', 'completion')],
      output: null,
    },
    {
      code: 'import anthropic\n\nc = anthropic.Client(KEY)\n\n\nasync def f():\n    return await c.acompletion(prompt=f"{anthropic.HUMAN_PROMPT} Hi{anthropic.AI_PROMPT}", model="claude-v1", max_tokens_to_sample=9)\n',
      errors: [anthropicError(7, 18, 7, 134, 'c', 'acompletion')],
      output: null,
    },
  ],
});

describe('llm-sdk: unsafe fixes and hovers', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const fixed = (rule: string, code: string) => {
    const text = engine.fixAll(code, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text;
    assert.equal(pythonSyntaxError(text), null, 'the fixed code is not valid Python');
    assert.equal(engine.fixAll(text, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text, text, 'not idempotent');
    return text;
  };
  const cases: [rule: string, code: string, output: string][] = [
    [OPENAI, 'import openai\n\nr = openai.ChatCompletion.create(model="gpt-4", messages=[])\n', 'import openai\nfrom openai import OpenAI\n\nclient = OpenAI()\n\nr = client.chat.completions.create(model="gpt-4", messages=[])\n'],
    [OPENAI, 'from openai import ChatCompletion\n\nasync def ask(q):\n    return await ChatCompletion.acreate(model="gpt-4", messages=[q])\n', 'from openai import AsyncOpenAI\n\naclient = AsyncOpenAI()\n\nasync def ask(q):\n    return await aclient.chat.completions.create(model="gpt-4", messages=[q])\n'],
    // An existing module-level client is reused.
    [OPENAI, 'import openai\nfrom openai import OpenAI\n\nllm = OpenAI()\n\n\ndef f(t):\n    return openai.Embedding.create(input=t, model="m")\n', 'import openai\nfrom openai import OpenAI\n\nllm = OpenAI()\n\n\ndef f(t):\n    return llm.embeddings.create(input=t, model="m")\n'],
    // An Azure client is not reused: it needs settings the 0.x call does not carry.
    [OPENAI, 'import openai\nfrom openai import AzureOpenAI\n\nazure = AzureOpenAI()\n\n\ndef f(t):\n    return openai.Embedding.create(input=t, model="m")\n', 'import openai\nfrom openai import AzureOpenAI, OpenAI\n\nclient = OpenAI()\n\nazure = AzureOpenAI()\n\n\ndef f(t):\n    return client.embeddings.create(input=t, model="m")\n'],
    // `client` is taken: another name; the module's api_key goes to the client, created after it.
    [OPENAI, 'import openai\n\nopenai.api_key = KEY\nclient = 1\n\n\ndef f(p):\n    return openai.Image.create(prompt=p, n=1)\n', 'import openai\nfrom openai import OpenAI\n\nopenai.api_key = KEY\n\nopenai_client = OpenAI(api_key=openai.api_key)\nclient = 1\n\n\ndef f(p):\n    return openai_client.images.generate(prompt=p, n=1)\n'],
    // 0.x positional parameters become the keywords 1.x requires.
    [OPENAI, 'import openai\n\n\ndef t(f):\n    return openai.Audio.transcribe("whisper-1", f)\n', 'import openai\nfrom openai import OpenAI\n\nclient = OpenAI()\n\n\ndef t(f):\n    return client.audio.transcriptions.create(model="whisper-1", file=f)\n'],
    [OPENAI, 'from openai.error import InvalidRequestError, RateLimitError as RL\n', 'from openai import BadRequestError as InvalidRequestError, RateLimitError as RL\n'],
    [OPENAI, 'import openai.error\n', 'import openai\n'],
    // The markers' import goes with their last use.
    [ANTHROPIC, 'from anthropic import Anthropic, HUMAN_PROMPT, AI_PROMPT\n\nclient = Anthropic()\nr = client.completions.create(model="claude-2", prompt=f"{HUMAN_PROMPT} Hi{AI_PROMPT}", max_tokens_to_sample=50)\n', 'from anthropic import Anthropic\n\nclient = Anthropic()\nr = client.messages.create(model="claude-2", messages=[{"role": "user", "content": "Hi"}], max_tokens=50)\n'],
    [ANTHROPIC, 'import anthropic\n\nc = anthropic.Client()\n\n\ndef f(q):\n    return c.completions.create(model="claude-2", prompt=anthropic.HUMAN_PROMPT + q + anthropic.AI_PROMPT, max_tokens_to_sample=9)\n', 'import anthropic\n\nc = anthropic.Client()\n\n\ndef f(q):\n    return c.messages.create(model="claude-2", messages=[{"role": "user", "content": q}], max_tokens=9)\n'],
    [ANTHROPIC, 'import anthropic\n\nc = anthropic.Client(KEY)\nr = c.completion(prompt=f"{anthropic.HUMAN_PROMPT} Hi{anthropic.AI_PROMPT}", model="claude-v1", max_tokens_to_sample=9)\n', 'import anthropic\n\nc = anthropic.Client(KEY)\nr = c.messages.create(messages=[{"role": "user", "content": "Hi"}], model="claude-v1", max_tokens=9)\n'],
    // `stop_sequences=[HUMAN_PROMPT]` goes with its line.
    [ANTHROPIC, 'from anthropic import Anthropic, HUMAN_PROMPT, AI_PROMPT\n\nclient = Anthropic()\nr = client.completions.create(\n    model="claude-2",\n    prompt=f"{HUMAN_PROMPT} Tell me about {topic}.{AI_PROMPT}",\n    stop_sequences=[HUMAN_PROMPT],\n    max_tokens_to_sample=50,\n)\n', 'from anthropic import Anthropic\n\nclient = Anthropic()\nr = client.messages.create(\n    model="claude-2",\n    messages=[{"role": "user", "content": f"Tell me about {topic}."}],\n    max_tokens=50,\n)\n'],
    [LANGCHAIN, 'from langchain.chat_models import ChatOpenAI\n', 'from langchain_openai import ChatOpenAI\n'],
    [LANGCHAIN, 'def f():\n    from langchain.embeddings import HuggingFaceEmbeddings\n    return HuggingFaceEmbeddings()\n', 'def f():\n    from langchain_huggingface import HuggingFaceEmbeddings\n    return HuggingFaceEmbeddings()\n'],
    [LANGCHAIN, 'from langchain import OpenAI, PromptTemplate, LLMChain\n', 'from langchain import LLMChain\nfrom langchain_openai import OpenAI\nfrom langchain_core.prompts import PromptTemplate\n'],
  ];
  for (const [rule, code, output] of cases) {
    it(`${rule}: ${JSON.stringify(code.split('\n').filter(Boolean).pop())}`, () => assert.equal(fixed(rule, code), output));
  }

  it('openai-v0-api: the hover shows the client call and the response access', () => {
    const [finding] = engine.analyzeText('import openai\n\nr = openai.ChatCompletion.create(model="gpt-4", messages=m)\n', { select: [OPENAI] });
    assert.equal(
      finding.suggestion,
      'openai 1.x calls methods of a client object:\n\n```python\nclient = OpenAI()  # once per module\nclient.chat.completions.create(model="gpt-4", messages=m)\n```\n\n' +
        'Read the response by attribute: `response["choices"][0]["message"]["content"]` → `response.choices[0].message.content`. Responses are pydantic objects, not dicts (`.model_dump()` gives a dict).',
    );
    assert.equal(finding.peer ?? null, null);
  });

  it('langchain-legacy-import: the hover names the new import and the package', () => {
    const [finding] = engine.analyzeText('from langchain.vectorstores import FAISS\n', { select: [LANGCHAIN] });
    assert.equal(finding.suggestion, '```python\nfrom langchain_community.vectorstores import FAISS\n```\n\nInstall the package: `pip install langchain-community`.');
    assert.equal(finding.fixes[0].safety, 'safe');
  });

  it('anthropic-text-completions: the hover shows the Messages call and why there is no fix', () => {
    const [finding] = engine.analyzeText('import anthropic\n\nclient = anthropic.Anthropic()\nclient.completions.create(model="claude-2", prompt=p, max_tokens_to_sample=9)\n', { select: [ANTHROPIC] });
    assert.equal(
      finding.suggestion,
      'The Messages API takes the conversation as turns:\n\n```python\nclient.messages.create(model="claude-2", messages=[{"role": "user", "content": prompt_text}], max_tokens=9)\n```\n\n' +
        'The reply text moves from `response.completion` to `response.content[0].text`.\n\nNo fix: the prompt is not exactly `HUMAN_PROMPT + text + AI_PROMPT`: split it into `messages` turns.',
    );
  });

  it('openai-v0-api: a module configured for Azure gets no fix; a stream gets the chunk access', () => {
    const azure = engine.analyzeText('import openai\n\nopenai.api_type = "azure"\nopenai.ChatCompletion.create(model="m", messages=m)\n', { select: [OPENAI] });
    assert.deepEqual(azure[0].fixes, []);
    assert.match(azure[0].suggestion ?? '', /No fix: the module sets `openai.api_type` \/ `api_version` \(Azure\): use `AzureOpenAI\(...\)`/);
    const [stream] = engine.analyzeText('import openai\n\nfor chunk in openai.ChatCompletion.create(model="m", messages=m, stream=True):\n    pass\n', { select: [OPENAI] });
    assert.match(stream.suggestion ?? '', /`chunk\.choices\[0\]\.delta\.content`/);
  });

  it('openai-v0-api: no fix for a lazy import', () => {
    const [finding] = engine.analyzeText('def ask(q):\n    import openai\n\n    return openai.ChatCompletion.create(model="gpt-4", messages=q)\n', { select: [OPENAI] });
    assert.deepEqual(finding.fixes, []);
  });

  it('anthropic-text-completions: no fix without max_tokens_to_sample (the Messages API requires max_tokens)', () => {
    const [finding] = engine.analyzeText('import anthropic\n\nclient = anthropic.Anthropic()\nclient.completions.create(model="claude-2", prompt=f"{anthropic.HUMAN_PROMPT} a{anthropic.AI_PROMPT}")\n', { select: [ANTHROPIC] });
    assert.deepEqual(finding.fixes, []);
    assert.match(finding.suggestion ?? '', /No fix: the Messages API requires `max_tokens=`/);
  });

  // A fix that removes an import once its last use is rewritten counts the calls of every def:
  // after an edit in one def (the incremental path) it must be the whole-file analysis's fix.
  const twoDefs: [rule: string, code: string, edited: string][] = [
    [ANTHROPIC, 'from anthropic import Anthropic, HUMAN_PROMPT, AI_PROMPT\n\nclient = Anthropic()\n\n\ndef a(q):\n    return client.completions.create(model="m", prompt=f"{HUMAN_PROMPT} {q}{AI_PROMPT}", max_tokens_to_sample=5)\n\n\ndef b(q):\n    x = 1\n    return client.completions.create(model="m", prompt=f"{HUMAN_PROMPT} {q}{AI_PROMPT}", max_tokens_to_sample=5)\n', 'x = 1'],
    [OPENAI, 'import openai\nfrom openai import ChatCompletion\n\n\ndef a(q):\n    return ChatCompletion.create(model="m", messages=q)\n\n\ndef b(q):\n    x = 1\n    return ChatCompletion.create(model="m", messages=q)\n', 'x = 1'],
  ];
  for (const [rule, code, anchor] of twoDefs) {
    it(`${rule}: the same fixes after an edit in another def`, () => {
      const config = { select: [rule] };
      const document = engine.open(code);
      const whole = engine.open(code.replace(anchor, 'x = 2'));
      try {
        engine.analyzeEdited(document, config);
        const at = document.text.indexOf(anchor) + anchor.length - 1;
        document.update([{ start: at, end: at + 1, newText: '2' }]);
        const edited = engine.analyzeEdited(document, config);
        assert.equal(edited.provisional, true);
        const fixesOf = (findings: readonly { fixes: unknown }[]) => JSON.stringify(findings.map((f) => f.fixes));
        assert.equal(fixesOf(edited.findings), fixesOf(engine.analyzeEdited(whole, config, { exact: true }).findings));
      } finally {
        document.dispose();
        whole.dispose();
      }
    });
  }

  it('openai-v0-api: Azure `engine=` gets the hover, no fix', () => {
    const [finding] = engine.analyzeText('import openai\n\nopenai.ChatCompletion.create(engine="gpt35", messages=m)\n', { select: [OPENAI] });
    assert.deepEqual(finding.fixes, []);
    assert.match(finding.suggestion ?? '', /No fix: `engine=` names an Azure deployment: create `AzureOpenAI\(azure_deployment=\.\.\., api_version=\.\.\.\)`/);
  });
});
