// Which expressions the llm family takes for SDK clients, requests and model replies
// (src/engine/families/llm/clients.ts, replies.ts): constructors through any import spelling,
// annotations, `self.x` from `__init__`; requests by resource path; reply text by accessor.
// Never a local look-alike, an unannotated parameter or a name bound to two different things.
import assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { clientOf, clientSdkOf, sdkCallOf } from '../../src/engine/families/llm/clients';
import { replyOf } from '../../src/engine/families/llm/replies';
import { useFacts } from '../helpers/facts';

describe('llm clients and replies', () => {
  const snippets = useFacts();

  /** The last node of a type whose text is `text`, in the parsed snippet. */
  function last(root: Node, type: string, text: string): Node {
    let found: Node | undefined;
    const walk = (node: Node) => {
      if (node.type === type && node.text === text) found = node;
      for (const child of node.namedChildren) if (child) walk(child);
    };
    walk(root);
    assert.ok(found, `no ${type} \`${text}\``);
    return found;
  }

  const classOf = (code: string, expression: string) => {
    const { tree, facts } = snippets.parse(code);
    const node = last(tree.rootNode, expression.includes('.') ? 'attribute' : 'identifier', expression);
    return clientOf(facts, node)?.className;
  };

  it('knows clients by constructor, alias, annotation and __init__ attribute', () => {
    assert.equal(classOf('from openai import OpenAI\nclient = OpenAI()\nclient\n', 'client'), 'openai.OpenAI');
    assert.equal(classOf('import openai as oa\nc = oa.AsyncOpenAI(max_retries=2)\nc\n', 'c'), 'openai.AsyncOpenAI');
    assert.equal(classOf('from anthropic import AnthropicBedrock\ndef f(c: AnthropicBedrock):\n    c\n', 'c'), 'anthropic.AnthropicBedrock');
    assert.equal(classOf('from groq import Groq\nclass B:\n    def __init__(self):\n        self.llm = Groq()\n    def f(self):\n        self.llm\n', 'self.llm'), 'groq.Groq');
    assert.equal(classOf('from google import genai\nclient = genai.Client()\nclient\n', 'client'), 'google.genai.Client');
    assert.equal(classOf('from openai import OpenAI\nfrom typing import Optional\nclient: Optional[OpenAI] = None\nclient\n', 'client'), 'openai.OpenAI');
  });

  it('knows no client for look-alikes, unknown parameters and disagreeing bindings', () => {
    assert.equal(classOf('class OpenAI: pass\nclient = OpenAI()\nclient\n', 'client'), undefined);
    assert.equal(classOf('def f(client):\n    client\n', 'client'), undefined);
    assert.equal(classOf('from openai import OpenAI, AsyncOpenAI\nclient = OpenAI()\nclient = AsyncOpenAI()\ndef f():\n    client\n', 'client'), undefined);
    assert.equal(classOf('from .llm import client\nclient\n', 'client'), undefined);
    assert.equal(classOf('from openai import OpenAI\nclient = make_client()\nclient\n', 'client'), undefined);
  });

  it('knows clients from with-as, outer scopes, bare annotations, unions and closures in methods', () => {
    assert.equal(classOf('from anthropic import Anthropic\ndef f():\n    with Anthropic() as client:\n        client\n', 'client'), 'anthropic.Anthropic');
    assert.equal(classOf('from anthropic import Anthropic\nclient = Anthropic()\ndef f():\n    client\n', 'client'), 'anthropic.Anthropic');
    assert.equal(classOf('from anthropic import Anthropic\nclient: Anthropic\ndef f():\n    client\n', 'client'), 'anthropic.Anthropic');
    assert.equal(classOf('from anthropic import Anthropic\ndef f(client: Anthropic | None = None):\n    client\n', 'client'), 'anthropic.Anthropic');
    const closure = 'from anthropic import Anthropic\nclass A:\n    def __init__(self):\n        self.client = Anthropic()\n    def f(self):\n        def g():\n            self.client\n';
    assert.equal(classOf(closure, 'self.client'), 'anthropic.Anthropic');
    // A bare annotation next to a `global` rebinding, or a closure that rebinds `self`: unknown.
    assert.equal(classOf('from anthropic import Anthropic\nclient: Anthropic\nglobal client\nclient\n', 'client'), undefined);
    assert.equal(classOf(closure.replace('def g():', 'def g(self):'), 'self.client'), undefined);
  });

  it('knows the SDK of a name bound to several clients of one SDK, not of two', () => {
    const sdkOf = (code: string, expression: string) => {
      const { tree, facts } = snippets.parse(code);
      return clientSdkOf(facts, last(tree.rootNode, expression.includes('.') ? 'attribute' : 'identifier', expression));
    };
    const branches = 'from anthropic import Anthropic, AnthropicBedrock\nfrom openai import OpenAI\nif bedrock:\n    client = AnthropicBedrock()\nelse:\n    client = Anthropic()\nclient\n';
    assert.equal(sdkOf(branches, 'client'), 'anthropic');
    assert.equal(classOf(branches, 'client'), undefined);
    assert.equal(sdkOf(branches.replace('client = Anthropic()', 'client = OpenAI()'), 'client'), undefined);
    assert.equal(sdkOf('from anthropic import Anthropic, AsyncAnthropic\ndef f(client: Anthropic | AsyncAnthropic):\n    client\n', 'client'), 'anthropic');
    assert.equal(sdkOf('from anthropic import Anthropic\ndef f(client: Anthropic | str):\n    client\n', 'client'), undefined);
  });

  it('reads the resource path of a request, with_raw_response left out, and openai 0.x functions', () => {
    const pathOf = (code: string, call: string) => {
      const { tree, facts } = snippets.parse(code);
      return sdkCallOf(facts, last(tree.rootNode, 'call', call))?.path;
    };
    const client = 'from openai import OpenAI\nclient = OpenAI()\n';
    assert.equal(pathOf(`${client}client.chat.completions.create(model="m")\n`, 'client.chat.completions.create(model="m")'), 'chat.completions.create');
    assert.equal(pathOf(`${client}client.chat.completions.with_raw_response.create()\n`, 'client.chat.completions.with_raw_response.create()'), 'chat.completions.create');
    assert.equal(pathOf(`${client}OpenAI().embeddings.create()\n`, 'OpenAI().embeddings.create()'), 'embeddings.create');
    assert.equal(pathOf('import openai\nopenai.ChatCompletion.create(model="m")\n', 'openai.ChatCompletion.create(model="m")'), 'chat.completions.create');
    assert.equal(pathOf('class openai:\n    pass\nopenai.ChatCompletion.create()\n', 'openai.ChatCompletion.create()'), undefined);
    assert.equal(pathOf('def f(client):\n    client.chat.completions.create()\n', 'client.chat.completions.create()'), undefined);
  });

  it('traces reply text back to its request through names, awaits, strips and loops', () => {
    const replyShape = (code: string, argument: string, type = 'attribute') => {
      const { tree, facts } = snippets.parse(code);
      return replyOf(facts, last(tree.rootNode, type, argument))?.shape.api;
    };
    const head = 'from openai import OpenAI, AsyncOpenAI\nfrom anthropic import Anthropic\nclient = OpenAI()\naclient = AsyncOpenAI()\nclaude = Anthropic()\n';
    assert.equal(replyShape(`${head}def f():\n    r = client.chat.completions.create()\n    r.choices[0].message.content\n`, 'r.choices[0].message.content'), 'chat');
    assert.equal(replyShape(`${head}async def f():\n    r = await aclient.responses.create()\n    r.output_text\n`, 'r.output_text'), 'responses');
    assert.equal(replyShape(`${head}def f():\n    m = claude.messages.create()\n    text = m.content[0].text.strip()\n    text\n`, 'text', 'identifier'), 'messages');
    assert.equal(
      replyShape(`${head}def f():\n    r = client.chat.completions.create()\n    for call in r.choices[0].message.tool_calls:\n        call.function.arguments\n`, 'call.function.arguments'),
      'tool-call',
    );
    // The wrong accessor for the API, a parameter, a request of another kind: no reply.
    assert.equal(replyShape(`${head}def f():\n    m = claude.messages.create()\n    m.choices[0].message.content\n`, 'm.choices[0].message.content'), undefined);
    assert.equal(replyShape(`${head}def f(r):\n    r.choices[0].message.content\n`, 'r.choices[0].message.content'), undefined);
    assert.equal(replyShape(`${head}def f():\n    r = client.models.list()\n    r.text\n`, 'r.text'), undefined);
  });
});
