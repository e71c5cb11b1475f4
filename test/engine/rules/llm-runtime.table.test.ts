// Rule tables of the llm family's runtime rules (unvalidated-llm-json, llm-client-per-call) and
// of the LLM SDK calls the async family's blocking-http-call-in-async now reports: valid /
// invalid snippets with exact 1-based positions and messages (conventions in ../rule-tester.ts),
// the worker-thread fix's unsafe output, the hovers built from the user's code, and peers.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { expectedError, peerCases, ruleTester } from '../rule-tester';

const error = expectedError;

const JSON_RULE = 'unvalidated-llm-json';
const CLIENT_RULE = 'llm-client-per-call';
const HTTP_RULE = 'blocking-http-call-in-async';

ruleTester(JSON_RULE, {
  valid: [
    "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p, registry):\n    r = client.chat.completions.create(model=\"m\", messages=p, tools=[{\"type\": \"function\", \"function\": {\"name\": \"f\", \"strict\": True}}])\n    for call in r.choices[0].message.tool_calls:\n        registry[call.function.name](**json.loads(call.function.arguments))\n",
    "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    data = json.loads(r.choices[0].message.content)\n    out = []\n    for row in data:\n        out.append(Item.model_validate(row))\n    return out\n",
    "import json\nfrom fastapi import FastAPI\nfrom openai import OpenAI\n\napp = FastAPI()\nclient = OpenAI()\n\n@app.post(\"/x\", response_model=Out)\ndef x(p: str):\n    r = client.chat.completions.create(model=\"m\", messages=[])\n    return json.loads(r.choices[0].message.content)\n",
    "import json\n\nclass openai:\n    class ChatCompletion:\n        @staticmethod\n        def create(**kw):\n            return {}\n\ndef f(text):\n    response = openai.ChatCompletion.create(model=\"m\")\n    return json.loads(response[\"choices\"][0][\"message\"][\"content\"])\n",
    "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    return Reply.model_validate(json.loads(r.choices[0].message.content))\n",
    "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    data = json.loads(r.choices[0].message.content)\n    return Reply(**data)\n",
    "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p, fmt):\n    r = client.chat.completions.create(model=\"m\", messages=p, response_format=fmt)\n    return json.loads(r.choices[0].message.content)\n",
    "import json\n\ndef f(client, p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    return json.loads(r.choices[0].message.content)\n",
    "import json\n\nclass OpenAI:\n    pass\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    return json.loads(r.choices[0].message.content)\n",
    "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    return json.loads(r.choices[0].message.tool_calls[0].function.arguments)\n",
    "import json\nimport requests\nfrom openai import OpenAI\n\ndef f(url):\n    return json.loads(requests.get(url, timeout=5).text)\n",
    "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    data = json.loads(r.choices[0].message.content)\n    jsonschema.validate(data, SCHEMA)\n    return data\n",
    "import json\nfrom anthropic import Anthropic\n\nclaude = Anthropic()\n\ndef f(p):\n    m = claude.messages.create(model=\"c\", max_tokens=9, messages=p, output_config={\"format\": FMT})\n    return json.loads(m.content[0].text)\n",
  ],
  invalid: [
    {
      code: "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\nTOOLS = [{\"type\": \"function\", \"function\": {\"name\": \"f\", \"parameters\": {}}}]\n\ndef f(p, registry):\n    r = client.chat.completions.create(model=\"m\", messages=p, tools=TOOLS)\n    for call in r.choices[0].message.tool_calls:\n        registry[call.function.name](**json.loads(call.function.arguments))\n",
      errors: [error(JSON_RULE, 10, 40, 10, 75, "`json.loads()` of the model's tool-call arguments (`.tool_calls[0].function.arguments`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p, tools):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    args = json.loads(r.choices[0].message.content)\n    return tools[args[\"name\"]](**args)\n",
      errors: [error(JSON_RULE, 8, 12, 8, 52, "`json.loads()` of the model's reply (`.choices[0].message.content`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    data = json.loads(r.choices[0].message.content)\n    return dict(**data)\n",
      errors: [error(JSON_RULE, 8, 12, 8, 52, "`json.loads()` of the model's reply (`.choices[0].message.content`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    text = r.choices[0].message.content or \"{}\"\n    return json.loads(text.replace(\"```json\", \"\").strip(\"`\"))\n",
      errors: [error(JSON_RULE, 9, 12, 9, 62, "`json.loads()` of the model's reply (`.choices[0].message.content`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nfrom fastapi import FastAPI\nfrom openai import OpenAI\n\napp = FastAPI()\nclient = OpenAI()\n\n@app.post(\"/x\")\ndef x(p: str) -> dict[str, Any]:\n    r = client.chat.completions.create(model=\"m\", messages=[])\n    return json.loads(r.choices[0].message.content)\n",
      errors: [error(JSON_RULE, 11, 12, 11, 52, "`json.loads()` of the model's reply (`.choices[0].message.content`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nimport openai\n\ndef f(text):\n    response = openai.ChatCompletion.create(model=\"m\", messages=[{\"role\": \"user\", \"content\": text}])\n    return json.loads(response[\"choices\"][0][\"message\"][\"content\"])\n",
      errors: [error(JSON_RULE, 6, 12, 6, 68, "`json.loads()` of the model's reply (`.choices[0].message.content`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    return json.loads(r.choices[0].message.content)\n",
      errors: [error(JSON_RULE, 8, 12, 8, 52, "`json.loads()` of the model's reply (`.choices[0].message.content`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nimport openai\n\ndef f(p):\n    client = openai.OpenAI()\n    r = client.chat.completions.create(model=\"m\", messages=p, response_format={\"type\": \"json_object\"})\n    text = r.choices[0].message.content\n    return json.loads(text)\n",
      errors: [error(JSON_RULE, 8, 12, 8, 28, "`json.loads()` of the model's reply (`.choices[0].message.content`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nfrom openai import AsyncOpenAI\n\nclient = AsyncOpenAI()\n\nasync def f(p):\n    data = json.loads((await client.chat.completions.create(model=\"m\", messages=p)).choices[0].message.content)\n    return data[\"label\"]\n",
      errors: [error(JSON_RULE, 7, 12, 7, 112, "`json.loads()` of the model's reply (`.choices[0].message.content`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import orjson\nfrom anthropic import Anthropic\n\nclaude = Anthropic()\n\ndef f(p):\n    m = claude.messages.create(model=\"c\", max_tokens=9, messages=p)\n    return orjson.loads(m.content[0].text.strip())\n",
      errors: [error(JSON_RULE, 8, 12, 8, 51, "`orjson.loads()` of the model's reply (`.content[0].text`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nfrom openai import OpenAI\n\ndef f(client: OpenAI, p):\n    r = client.responses.create(model=\"m\", input=p)\n    return json.loads(r.output_text)\n",
      errors: [error(JSON_RULE, 6, 12, 6, 37, "`json.loads()` of the model's reply (`.output_text`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "from json import loads\nfrom openai import OpenAI\n\nclass Bot:\n    def __init__(self):\n        self.client = OpenAI()\n\n    def ask(self, p):\n        r = self.client.completions.create(model=\"m\", prompt=p)\n        return loads(r.choices[0].text)\n",
      errors: [error(JSON_RULE, 10, 16, 10, 40, "`loads()` of the model's reply (`.choices[0].text`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
    {
      code: "import json\nfrom google import genai\n\nclient = genai.Client()\n\ndef f(p):\n    r = client.models.generate_content(model=\"g\", contents=p, config={\"response_mime_type\": \"application/json\"})\n    return json.loads(r.text)\n",
      errors: [error(JSON_RULE, 8, 12, 8, 30, "`json.loads()` of the model's reply (`.text`) is used unvalidated: parse it into a pydantic model")],
      output: null,
    },
  ],
});
ruleTester(CLIENT_RULE, {
  valid: [
    "from fastapi import FastAPI\nfrom openai import OpenAI\n\napp = FastAPI()\n\n@app.post(\"/r\")\nasync def r(user=Depends(current_user)):\n    client = OpenAI(api_key=user.openai_key)\n    return client\n",
    "from openai import OpenAI\n\nclient = OpenAI()\n",
    "from openai import OpenAI\n\nclass S:\n    def __init__(self):\n        self.client = OpenAI()\n",
    "import functools\nfrom openai import OpenAI\n\n@functools.lru_cache\ndef get_client():\n    return OpenAI()\n",
    "from fastapi import FastAPI, Header\nfrom openai import OpenAI\n\napp = FastAPI()\n\n@app.get(\"/x\")\ndef x(key: str = Header()):\n    client = OpenAI(api_key=key)\n    return client.models.list()\n",
    "from openai import OpenAI\n\ndef pool(urls):\n    clients = {}\n    for url in urls:\n        clients[url] = OpenAI()\n    return clients\n",
    "class OpenAI:\n    pass\n\ndef run(items):\n    for item in items:\n        OpenAI()\n",
    "from openai import OpenAI\n\ndef run(urls):\n    for url in urls:\n        client = OpenAI(base_url=url)\n        client.models.list()\n",
    "from openai import OpenAI\n\ndef run(n):\n    return [OpenAI() for _ in range(n)]\n",
    "from openai import OpenAI\n\ndef get_client():\n    for attempt in range(3):\n        pass\n    return OpenAI()\n",
  ],
  invalid: [
    {
      code: "from fastapi import Depends, FastAPI\nfrom openai import OpenAI\n\napp = FastAPI()\n\n@app.post(\"/r\")\nasync def r(settings: Settings = Depends(get_settings)):\n    client = OpenAI(api_key=settings.openai_api_key)\n    return client\n",
      errors: [error(CLIENT_RULE, 8, 14, 8, 53, "`OpenAI()` builds a new LLM client on every request to `r`: create it once and reuse it")],
      output: null,
    },
    {
      code: "from fastapi import FastAPI\nfrom openai import OpenAI\n\napp = FastAPI()\n\n@app.get(\"/x\")\ndef x():\n    client = OpenAI()\n    return client.models.list()\n",
      errors: [error(CLIENT_RULE, 8, 14, 8, 22, "`OpenAI()` builds a new LLM client on every request to `x`: create it once and reuse it")],
      output: null,
    },
    {
      code: "import anthropic\n\ndef run(items):\n    for item in items:\n        c = anthropic.Anthropic()\n        c.messages.create(model=\"c\", max_tokens=9, messages=[item])\n",
      errors: [error(CLIENT_RULE, 5, 13, 5, 34, "`anthropic.Anthropic()` builds a new LLM client on every pass of the loop: create it once and reuse it")],
      output: null,
    },
    {
      code: "from openai import AsyncOpenAI\n\nasync def run(items):\n    while items:\n        async with AsyncOpenAI() as client:\n            await client.embeddings.create(model=\"e\", input=items.pop())\n",
      errors: [error(CLIENT_RULE, 5, 20, 5, 33, "`AsyncOpenAI()` builds a new LLM client on every pass of the loop: create it once and reuse it")],
      output: null,
    },
    {
      code: "from flask import Flask\nfrom groq import Groq\n\napp = Flask(__name__)\n\n@app.route(\"/q\")\ndef q():\n    return Groq().chat.completions.create(model=\"l\", messages=[]).choices[0].message.content\n",
      errors: [error(CLIENT_RULE, 8, 12, 8, 18, "`Groq()` builds a new LLM client on every request to `q`: create it once and reuse it")],
      output: null,
    },
    {
      code: "import os\nfrom starlette.applications import Starlette\nfrom openai import AzureOpenAI\n\napp = Starlette()\n\n@app.route(\"/a\")\nasync def a(request):\n    client = AzureOpenAI(api_version=os.environ[\"V\"])\n    return client\n",
      errors: [error(CLIENT_RULE, 9, 14, 9, 54, "`AzureOpenAI()` builds a new LLM client on every request to `a`: create it once and reuse it")],
      output: null,
    },
    {
      code: "from openai import OpenAI\n\nfor name in [\"a\", \"b\"]:\n    client = OpenAI()\n    print(name, client)\n",
      errors: [error(CLIENT_RULE, 4, 14, 4, 22, "`OpenAI()` builds a new LLM client on every pass of the loop: create it once and reuse it")],
      output: null,
    },
  ],
});
ruleTester(HTTP_RULE, {
  valid: [
    "from openai import AsyncOpenAI\n\nclient = AsyncOpenAI()\n\nasync def f(p):\n    return await client.chat.completions.create(model=\"m\", messages=p)\n",
    "from openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    return client.chat.completions.create(model=\"m\", messages=p)\n",
    "from google import genai\n\nclient = genai.Client()\n\nasync def f(p):\n    return (await client.aio.models.generate_content(model=\"g\", contents=p)).text\n",
    "async def f(client, p):\n    return client.chat.completions.create(model=\"m\", messages=p)\n",
    "from openai import OpenAI\n\nclient = OpenAI()\n\nasync def f(p):\n    def sync():\n        return client.chat.completions.create(model=\"m\", messages=p)\n    return sync\n",
    "from anthropic import AsyncAnthropic\n\nclass B:\n    def __init__(self):\n        self.llm = AsyncAnthropic()\n\n    async def ask(self, p):\n        return await self.llm.messages.create(model=\"c\", max_tokens=9, messages=p)\n",
  ],
  invalid: [
    {
      code: "from openai import OpenAI\n\nclient = OpenAI()\n\nasync def f(p):\n    return client.chat.completions.create(model=\"m\", messages=p)\n",
      errors: [error(HTTP_RULE, 6, 12, 6, 65, "`client.chat.completions.create()` makes a blocking HTTP request inside coroutine `f`")],
      output: null,
    },
    {
      code: "from anthropic import Anthropic\n\nasync def f(claude: Anthropic, p):\n    return claude.messages.create(model=\"c\", max_tokens=9, messages=p)\n",
      errors: [error(HTTP_RULE, 4, 12, 4, 71, "`claude.messages.create()` makes a blocking HTTP request inside coroutine `f`")],
      output: null,
    },
    {
      code: "import openai\n\nclass B:\n    def __init__(self):\n        self.llm = openai.OpenAI()\n\n    async def ask(self, p):\n        r = self.llm.chat.completions.create(model=\"m\", messages=p, stream=True)\n        return r\n",
      errors: [error(HTTP_RULE, 8, 13, 8, 81, "`self.llm.chat.completions.create()` makes a blocking HTTP request inside coroutine `ask`")],
      output: null,
    },
    {
      code: "import anyio\nfrom openai import OpenAI\n\nclient = OpenAI()\n\nasync def f(t):\n    return client.embeddings.create(model=\"e\", input=t)\n",
      errors: [error(HTTP_RULE, 7, 12, 7, 56, "`client.embeddings.create()` makes a blocking HTTP request inside coroutine `f`")],
      output: null,
    },
    {
      code: "from openai import OpenAI\n\nclient = OpenAI()\n\nasync def f(p):\n    with client.chat.completions.stream(model=\"m\", messages=p) as s:\n        return s.get_final_completion()\n",
      errors: [error(HTTP_RULE, 6, 10, 6, 63, "`client.chat.completions.stream()` makes a blocking HTTP request inside coroutine `f`")],
      output: null,
    },
    {
      code: "from google import genai\n\nclient = genai.Client()\n\nasync def f(p):\n    return client.models.generate_content(model=\"g\", contents=p).text\n",
      errors: [error(HTTP_RULE, 6, 12, 6, 65, "`client.models.generate_content()` makes a blocking HTTP request inside coroutine `f`")],
      output: null,
    },
  ],
});
describe('llm runtime rules: fixes, hovers and peers', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const unsafeFix = (code: string, rule: string) => engine.fixAll(code, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text;
  const suggestionOf = (code: string, rule: string) => engine.analyzeText(code, { select: [rule] })[0]?.suggestion ?? '';

  it("moves the SDK call to a worker thread (unsafe): Run in a worker thread: `await asyncio.to_thread(client.chat.completions.create, \u2026)`", () => {
    const code = "from openai import OpenAI\n\nclient = OpenAI()\n\nasync def f(p):\n    return client.chat.completions.create(model=\"m\", messages=p)\n";
    assert.equal(unsafeFix(code, HTTP_RULE), "from openai import OpenAI\nimport asyncio\n\nclient = OpenAI()\n\nasync def f(p):\n    return await asyncio.to_thread(client.chat.completions.create, model=\"m\", messages=p)\n");
    assert.equal(engine.analyzeText(code, { select: [HTTP_RULE] })[0].fixes[0].title, "Run in a worker thread: `await asyncio.to_thread(client.chat.completions.create, \u2026)`");
  });

  it("moves the SDK call to a worker thread (unsafe): Run in a worker thread: `await asyncio.to_thread(claude.messages.create, \u2026)`", () => {
    const code = "from anthropic import Anthropic\n\nasync def f(claude: Anthropic, p):\n    return claude.messages.create(model=\"c\", max_tokens=9, messages=p)\n";
    assert.equal(unsafeFix(code, HTTP_RULE), "from anthropic import Anthropic\nimport asyncio\n\nasync def f(claude: Anthropic, p):\n    return await asyncio.to_thread(claude.messages.create, model=\"c\", max_tokens=9, messages=p)\n");
    assert.equal(engine.analyzeText(code, { select: [HTTP_RULE] })[0].fixes[0].title, "Run in a worker thread: `await asyncio.to_thread(claude.messages.create, \u2026)`");
  });

  it("moves the SDK call to a worker thread (unsafe): Run in a worker thread: `await anyio.to_thread.run_sync(functools.partial(client.embeddings.create, \u2026))`", () => {
    const code = "import anyio\nfrom openai import OpenAI\n\nclient = OpenAI()\n\nasync def f(t):\n    return client.embeddings.create(model=\"e\", input=t)\n";
    assert.equal(unsafeFix(code, HTTP_RULE), "import anyio\nfrom openai import OpenAI\nimport functools\n\nclient = OpenAI()\n\nasync def f(t):\n    return await anyio.to_thread.run_sync(functools.partial(client.embeddings.create, model=\"e\", input=t))\n");
    assert.equal(engine.analyzeText(code, { select: [HTTP_RULE] })[0].fixes[0].title, "Run in a worker thread: `await anyio.to_thread.run_sync(functools.partial(client.embeddings.create, \u2026))`");
  });

  it('makes a client the coroutine builds for its own requests async, and awaits them (unsafe)', () => {
    const code = "from openai import OpenAI\n\n\nasync def main(prompt):\n    client = OpenAI()\n    return client.chat.completions.create(model=\"m\", messages=[prompt]).choices[0].message.content\n";
    const [finding] = engine.analyzeText(code, { select: [HTTP_RULE] });
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safety]), [
      ['Use `AsyncOpenAI` and await its call (unsafe: other tasks now run while the model answers)', 'unsafe'],
      ['Run in a worker thread: `await asyncio.to_thread(client.chat.completions.create, …)`', 'unsafe'],
    ]);
    assert.equal(
      unsafeFix(code, HTTP_RULE),
      "from openai import AsyncOpenAI\n\n\nasync def main(prompt):\n    client = AsyncOpenAI()\n    return (await client.chat.completions.create(model=\"m\", messages=[prompt])).choices[0].message.content\n",
    );
  });

  it('awaits every request of the client in one fix, keeping an import other code uses', () => {
    const code = "from openai import OpenAI\n\nsync_client = OpenAI()\n\n\nasync def main(prompt):\n    client = OpenAI(max_retries=3)\n    r = client.chat.completions.create(model=\"m\", messages=[prompt])\n    e = client.embeddings.create(model=\"e\", input=prompt).data[0].embedding\n    return r, e\n";
    assert.equal(
      unsafeFix(code, HTTP_RULE),
      "from openai import OpenAI, AsyncOpenAI\n\nsync_client = OpenAI()\n\n\nasync def main(prompt):\n    client = AsyncOpenAI(max_retries=3)\n    r = await client.chat.completions.create(model=\"m\", messages=[prompt])\n    e = (await client.embeddings.create(model=\"e\", input=prompt)).data[0].embedding\n    return r, e\n",
    );
  });

  it('keeps the worker thread only when the client has another use, is a stream or comes from elsewhere', () => {
    const titles = (code: string) => engine.analyzeText(code, { select: [HTTP_RULE] }).map((f) => f.fixes.map((x) => x.title.split(':')[0]));
    assert.deepEqual(titles("import openai\n\n\nasync def main(prompt):\n    client = openai.OpenAI()\n    r = client.chat.completions.create(model=\"m\", messages=[prompt])\n    client.close()\n    return r\n"), [['Run in a worker thread']]);
    assert.deepEqual(titles("from openai import OpenAI\n\n\nasync def main(prompt):\n    client = OpenAI()\n    return client.chat.completions.create(model=\"m\", messages=[prompt], stream=True)\n"), [[]]);
    assert.deepEqual(titles("from openai import OpenAI\n\nclient = OpenAI()\n\n\nasync def main(prompt):\n    return client.chat.completions.create(model=\"m\", messages=[prompt])\n"), [['Run in a worker thread']]);
  });

  it('sketches the model from the keys the code reads, and the structured-output call from its arguments', () => {
    const code = "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p, response_format={\"type\": \"json_object\"})\n    data = json.loads(r.choices[0].message.content)\n    return data[\"label\"], data.get(\"score\")\n";
    const hover = suggestionOf(code, JSON_RULE);
    assert.match(hover, /class Reply\(BaseModel\):\n {4}label: str {2}# the type your code expects\n {4}score: str/);
    assert.ok(hover.includes('completion = client.chat.completions.parse(model="m", messages=p, response_format=Reply)\nreply = completion.choices[0].message.parsed'), hover);
    assert.ok(hover.includes('reply = Reply.model_validate_json(r.choices[0].message.content)'), hover);
  });

  it('writes the Responses, Anthropic and awaited forms', () => {
    const responses = "import json\nfrom openai import OpenAI\n\ndef f(client: OpenAI, p):\n    r = client.responses.create(model=\"m\", input=p)\n    return json.loads(r.output_text)\n";
    assert.ok(suggestionOf(responses, JSON_RULE).includes('response = client.responses.parse(model="m", input=p, text_format=Reply)\nreply = response.output_parsed'));
    const messages = "import json\nfrom anthropic import AsyncAnthropic\n\nclaude = AsyncAnthropic()\n\nasync def f(p):\n    m = await claude.messages.create(model=\"c\", max_tokens=9, messages=p)\n    return json.loads(m.content[0].text)\n";
    assert.ok(suggestionOf(messages, JSON_RULE).includes('message = await claude.messages.parse(model="c", max_tokens=9, messages=p, output_format=Reply)\nreply = message.parsed_output'));
  });

  it('shows the awaited call on the async twin, or on google-genai\'s .aio', () => {
    const openai = "from openai import OpenAI\n\nclient = OpenAI()\n\nasync def f(p):\n    return client.chat.completions.create(model=\"m\", messages=p)\n";
    const hover = suggestionOf(openai, HTTP_RULE);
    assert.ok(hover.includes('`AsyncOpenAI`') && hover.includes('Create it once where `client` is made.'), hover);
    assert.ok(hover.includes('response = await client.chat.completions.create(model="m", messages=p)'), hover);
    const genai = "from google import genai\n\nclient = genai.Client()\n\nasync def f(p):\n    return client.models.generate_content(model=\"g\", contents=p).text\n";
    assert.ok(suggestionOf(genai, HTTP_RULE).includes('response = await client.aio.models.generate_content(model="g", contents=p)'));
  });

  it('suggests a module-level client in a route, one before the loop in a loop', () => {
    const route = "from fastapi import FastAPI\nfrom openai import OpenAI\n\napp = FastAPI()\n\n@app.get(\"/x\")\ndef x():\n    client = OpenAI(max_retries=2)\n    return client.models.list()\n";
    const hover = suggestionOf(route, CLIENT_RULE);
    assert.ok(hover.includes('client = OpenAI(max_retries=2)  # module level, once per process'), hover);
    assert.ok(hover.includes('@functools.lru_cache\ndef get_client() -> OpenAI:\n    return OpenAI(max_retries=2)'), hover);
    const loop = "from openai import OpenAI\n\ndef run(items):\n    for item in items:\n        OpenAI().embeddings.create(model=\"e\", input=item)\n";
    assert.ok(suggestionOf(loop, CLIENT_RULE).includes('client = OpenAI()  # once, before the loop'));
  });

  describe('peers (no peer tool checks LLM SDK calls)', () => {
    peerCases(() => engine, [
      { rule: JSON_RULE, code: "import json\nfrom openai import OpenAI\n\nclient = OpenAI()\n\ndef f(p):\n    r = client.chat.completions.create(model=\"m\", messages=p)\n    return json.loads(r.choices[0].message.content)\n", peers: [null] },
      { rule: CLIENT_RULE, code: "from openai import OpenAI\n\nfor name in [\"a\", \"b\"]:\n    client = OpenAI()\n    print(name, client)\n", peers: [null] },
      { rule: HTTP_RULE, code: "from openai import OpenAI\n\nclient = OpenAI()\n\nasync def f(p):\n    return client.chat.completions.create(model=\"m\", messages=p)\n", peers: [null] },
      { rule: HTTP_RULE, code: "import requests\nfrom openai import OpenAI\n\nclient = OpenAI()\n\nasync def f(p):\n    requests.get(\"https://x\")\n    return client.embeddings.create(model=\"e\", input=p)\n", peers: ['ASYNC210', null] },
    ]);
  });
});
