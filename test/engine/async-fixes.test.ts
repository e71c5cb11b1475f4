// The async family's fixes, applied: every unsafe fix of the rule tables (fix-all with
// unsafe fixes on, only the rule under test enabled) must give exactly this text, valid
// Python, and nothing left to fix; then the properties each fix promises — the async library
// the file uses, argument order and keywords kept, imports reused or added, `await` bracketed
// where it binds looser, no fix where `await` would change the meaning.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import type { Finding, RuleConfig } from '../../src/engine/types';
import { getEngine } from '../helpers/engine';
import { pythonSyntaxError } from '../helpers/fixtures';

/** [rule, code, text after fix-all with unsafe fixes]: the invalid cases of rules/async.table.test.ts that have a fix. */
const UNSAFE_FIXES: [string, string, string][] = [
  ['blocking-http-call-in-async', 'import requests\n\nasync def fetch(url):\n    return requests.get(url, timeout=5)\n', 'import requests\nimport asyncio\n\nasync def fetch(url):\n    return await asyncio.to_thread(requests.get, url, timeout=5)\n'],
  ['blocking-http-call-in-async', 'import requests as r\n\nasync def fetch(url):\n    r.post(url, json={})\n', 'import requests as r\nimport asyncio\n\nasync def fetch(url):\n    await asyncio.to_thread(r.post, url, json={})\n'],
  ['blocking-http-call-in-async', 'from requests import Session\n\nasync def fetch(url):\n    with Session() as s:\n        s.get(url)\n', 'from requests import Session\nimport asyncio\n\nasync def fetch(url):\n    with Session() as s:\n        await asyncio.to_thread(s.get, url)\n'],
  ['blocking-http-call-in-async', 'import httpx\n\nclient = httpx.Client()\n\nasync def fetch(url):\n    client.get(url)\n', 'import httpx\nimport asyncio\n\nclient = httpx.Client()\n\nasync def fetch(url):\n    await asyncio.to_thread(client.get, url)\n'],
  ['blocking-http-call-in-async', 'import requests\n\nclass Api:\n    def __init__(self):\n        self.http = requests.Session()\n\n    async def fetch(self, url):\n        return self.http.get(url).json()\n', 'import requests\nimport asyncio\n\nclass Api:\n    def __init__(self):\n        self.http = requests.Session()\n\n    async def fetch(self, url):\n        return (await asyncio.to_thread(self.http.get, url)).json()\n'],
  ['blocking-http-call-in-async', 'import requests\n\nasync def fetch(session: requests.Session, url):\n    session.delete(url)\n', 'import requests\nimport asyncio\n\nasync def fetch(session: requests.Session, url):\n    await asyncio.to_thread(session.delete, url)\n'],
  ['blocking-http-call-in-async', 'import trio\nimport requests\n\nasync def fetch(url):\n    requests.get(url, timeout=5)\n', 'import trio\nimport requests\nimport functools\n\nasync def fetch(url):\n    await trio.to_thread.run_sync(functools.partial(requests.get, url, timeout=5))\n'],
  ['blocking-subprocess-in-async', 'import subprocess\n\nasync def build():\n    subprocess.run(["make", "all"])\n', 'import subprocess\nimport asyncio\n\nasync def build():\n    process = await asyncio.create_subprocess_exec("make", "all")\n    await process.wait()\n'],
  ['blocking-subprocess-in-async', 'import subprocess\n\nasync def build():\n    code = subprocess.call(["make"])\n    return code\n', 'import subprocess\nimport asyncio\n\nasync def build():\n    code = await (await asyncio.create_subprocess_exec("make")).wait()\n    return code\n'],
  ['blocking-subprocess-in-async', 'import subprocess\n\nasync def build():\n    return subprocess.run(["make"], capture_output=True).stdout\n', 'import subprocess\nimport asyncio\n\nasync def build():\n    return (await asyncio.to_thread(subprocess.run, ["make"], capture_output=True)).stdout\n'],
  ['blocking-subprocess-in-async', 'import subprocess\n\nasync def build():\n    p = subprocess.Popen(["make"], stdout=subprocess.PIPE)\n    return p\n', 'import subprocess\nimport asyncio\n\nasync def build():\n    p = await asyncio.create_subprocess_exec("make", stdout=subprocess.PIPE)\n    return p\n'],
  ['blocking-subprocess-in-async', 'import os\n\nasync def build():\n    os.system("make")\n', 'import os\nimport asyncio\n\nasync def build():\n    await asyncio.to_thread(os.system, "make")\n'],
  ['blocking-subprocess-in-async', 'from subprocess import check_output as co\n\nasync def build():\n    return co(["git", "log"])\n', 'from subprocess import check_output as co\nimport asyncio\n\nasync def build():\n    return await asyncio.to_thread(co, ["git", "log"])\n'],
  ['blocking-subprocess-in-async', 'import subprocess\nimport trio\n\nasync def build():\n    subprocess.run(["make"])\n', 'import subprocess\nimport trio\n\nasync def build():\n    await trio.run_process(["make"], stdin=None, check=False)\n'],
  ['blocking-process-wait-in-async', 'import os\n\nasync def reap():\n    os.wait()\n', 'import os\nimport asyncio\n\nasync def reap():\n    await asyncio.to_thread(os.wait)\n'],
  ['blocking-process-wait-in-async', 'import os\n\nasync def reap(pid):\n    return os.waitpid(pid, 0)\n', 'import os\nimport asyncio\n\nasync def reap(pid):\n    return await asyncio.to_thread(os.waitpid, pid, 0)\n'],
  ['blocking-process-wait-in-async', 'from os import wait4\n\nasync def reap(pid):\n    wait4(pid, 0)\n', 'from os import wait4\nimport asyncio\n\nasync def reap(pid):\n    await asyncio.to_thread(wait4, pid, 0)\n'],
  ['blocking-process-wait-in-async', 'import subprocess\n\nasync def run():\n    p = subprocess.Popen(["ls"])\n    p.wait()\n', 'import subprocess\nimport asyncio\n\nasync def run():\n    p = subprocess.Popen(["ls"])\n    await asyncio.to_thread(p.wait)\n'],
  ['blocking-process-wait-in-async', 'import subprocess\n\nasync def run():\n    p = subprocess.Popen(["ls"], stdout=subprocess.PIPE)\n    out, err = p.communicate()\n', 'import subprocess\nimport asyncio\n\nasync def run():\n    p = subprocess.Popen(["ls"], stdout=subprocess.PIPE)\n    out, err = await asyncio.to_thread(p.communicate)\n'],
  ['blocking-process-wait-in-async', 'import subprocess\n\nasync def run(p: subprocess.Popen):\n    p.wait(timeout=1)\n', 'import subprocess\nimport asyncio\n\nasync def run(p: subprocess.Popen):\n    await asyncio.to_thread(p.wait, timeout=1)\n'],
  ['blocking-open-in-async', 'async def load(p):\n    return open(p).read()\n', 'import asyncio\nimport pathlib\nasync def load(p):\n    return await asyncio.to_thread(pathlib.Path(p).read_text)\n'],
  ['blocking-open-in-async', 'import json\n\nasync def load(p):\n    with open(p) as f:\n        return json.load(f)\n', 'import json\nimport asyncio\nimport pathlib\n\nasync def load(p):\n    return json.loads(await asyncio.to_thread(pathlib.Path(p).read_text))\n'],
  ['blocking-open-in-async', 'async def save(p, s):\n    with open(p, "w", encoding="utf-8") as f:\n        f.write(s)\n', 'import asyncio\nimport pathlib\nasync def save(p, s):\n    await asyncio.to_thread(pathlib.Path(p).write_text, s, encoding="utf-8")\n'],
  ['blocking-open-in-async', 'import anyio\n\nasync def load(p):\n    with open(p, "rb") as f:\n        data = f.read()\n    return data\n', 'import anyio\n\nasync def load(p):\n    data = await anyio.Path(p).read_bytes()\n    return data\n'],
  ['blocking-file-method-in-async', 'async def f(p):\n    with open(p) as h:\n        return h.read()\n', 'import asyncio\nasync def f(p):\n    with open(p) as h:\n        return await asyncio.to_thread(h.read)\n'],
  ['blocking-file-method-in-async', 'async def f(p, lines):\n    h = open(p, "w")\n    h.writelines(lines)\n    h.flush()\n', 'import asyncio\nasync def f(p, lines):\n    h = open(p, "w")\n    await asyncio.to_thread(h.writelines, lines)\n    await asyncio.to_thread(h.flush)\n'],
  ['blocking-file-method-in-async', 'import json\n\nasync def f(p):\n    with open(p) as h:\n        data = json.load(h)\n    return data\n', 'import json\nimport asyncio\n\nasync def f(p):\n    with open(p) as h:\n        data = await asyncio.to_thread(json.load, h)\n    return data\n'],
  ['blocking-file-method-in-async', 'import pickle\n\nasync def f(p, obj):\n    with open(p, "wb") as h:\n        pickle.dump(obj, h)\n', 'import pickle\nimport asyncio\n\nasync def f(p, obj):\n    with open(p, "wb") as h:\n        await asyncio.to_thread(pickle.dump, obj, h)\n'],
  ['blocking-file-method-in-async', 'import io\n\nasync def f(h: io.TextIOWrapper):\n    return h.readline()\n', 'import io\nimport asyncio\n\nasync def f(h: io.TextIOWrapper):\n    return await asyncio.to_thread(h.readline)\n'],
  ['blocking-file-method-in-async', 'LOG = open("app.log", "a")\n\nasync def f(msg):\n    LOG.write(msg)\n', 'import asyncio\nLOG = open("app.log", "a")\n\nasync def f(msg):\n    await asyncio.to_thread(LOG.write, msg)\n'],
  ['blocking-path-call-in-async', 'import os\n\nasync def f(p):\n    return os.path.exists(p)\n', 'import os\nimport asyncio\n\nasync def f(p):\n    return await asyncio.to_thread(os.path.exists, p)\n'],
  ['blocking-path-call-in-async', 'import shutil\n\nasync def f(src, dst):\n    shutil.copy(src, dst)\n', 'import shutil\nimport asyncio\n\nasync def f(src, dst):\n    await asyncio.to_thread(shutil.copy, src, dst)\n'],
  ['blocking-path-call-in-async', 'from pathlib import Path\n\nasync def f(p):\n    return Path(p).read_text()\n', 'from pathlib import Path\nimport asyncio\n\nasync def f(p):\n    return await asyncio.to_thread(Path(p).read_text)\n'],
  ['blocking-path-call-in-async', 'from pathlib import Path\n\nBASE = Path(__file__).parent\n\nasync def f():\n    return (BASE / "data.json").read_text()\n', 'from pathlib import Path\nimport asyncio\n\nBASE = Path(__file__).parent\n\nasync def f():\n    return await asyncio.to_thread((BASE / "data.json").read_text)\n'],
  ['blocking-path-call-in-async', 'import os\nimport anyio\n\nasync def f(p):\n    if os.path.isdir(p):\n        pass\n', 'import os\nimport anyio\n\nasync def f(p):\n    if await anyio.Path(p).is_dir():\n        pass\n'],
  ['blocking-path-call-in-async', 'import os\n\nasync def f(p):\n    os.makedirs(p, exist_ok=True)\n', 'import os\nimport asyncio\n\nasync def f(p):\n    await asyncio.to_thread(os.makedirs, p, exist_ok=True)\n'],
  ['blocking-input-in-async', 'async def ask():\n    return input("name: ")\n', 'import asyncio\nasync def ask():\n    return await asyncio.to_thread(input, "name: ")\n'],
  ['blocking-input-in-async', 'async def ask():\n    return input()\n', 'import asyncio\nasync def ask():\n    return await asyncio.to_thread(input)\n'],
  ['blocking-input-in-async', 'import builtins\n\nasync def ask():\n    return builtins.input()\n', 'import builtins\nimport asyncio\n\nasync def ask():\n    return await asyncio.to_thread(builtins.input)\n'],
  ['blocking-input-in-async', 'async def ask():\n    answer = input(\n        "name: "\n    )\n    return answer\n', 'import asyncio\nasync def ask():\n    answer = await asyncio.to_thread(\n        input,\n        "name: "\n    )\n    return answer\n'],
  ['blocking-input-in-async', 'class Cli:\n    async def ask(self):\n        return input("?").strip()\n', 'import asyncio\nclass Cli:\n    async def ask(self):\n        return (await asyncio.to_thread(input, "?")).strip()\n'],
  ['blocking-input-in-async', 'async def ask():\n    return [input() for _ in range(2)]\n', 'import asyncio\nasync def ask():\n    return [await asyncio.to_thread(input) for _ in range(2)]\n'],
  ['blocking-socket-call-in-async', 'import socket\n\nasync def f(h):\n    return socket.gethostbyname(h)\n', 'import socket\nimport asyncio\n\nasync def f(h):\n    return await asyncio.to_thread(socket.gethostbyname, h)\n'],
  ['blocking-socket-call-in-async', 'import socket\n\nasync def f(h):\n    return socket.getaddrinfo(h, 443)\n', 'import socket\nimport asyncio\n\nasync def f(h):\n    return await asyncio.to_thread(socket.getaddrinfo, h, 443)\n'],
  ['blocking-socket-call-in-async', 'from socket import getfqdn\n\nasync def f():\n    return getfqdn()\n', 'from socket import getfqdn\nimport asyncio\n\nasync def f():\n    return await asyncio.to_thread(getfqdn)\n'],
  ['blocking-thread-wait-in-async', 'import threading\n\nL = threading.Lock()\n\nasync def f():\n    L.acquire()\n', 'import threading\nimport asyncio\n\nL = threading.Lock()\n\nasync def f():\n    await asyncio.to_thread(L.acquire)\n'],
  ['blocking-thread-wait-in-async', 'import threading\n\nasync def f(t: threading.Thread):\n    t.join()\n', 'import threading\nimport asyncio\n\nasync def f(t: threading.Thread):\n    await asyncio.to_thread(t.join)\n'],
  ['blocking-thread-wait-in-async', 'import queue\n\nQ = queue.Queue()\n\nasync def f():\n    return Q.get()\n', 'import queue\nimport asyncio\n\nQ = queue.Queue()\n\nasync def f():\n    return await asyncio.to_thread(Q.get)\n'],
  ['blocking-thread-wait-in-async', 'from concurrent.futures import ThreadPoolExecutor\n\nasync def f(pool: ThreadPoolExecutor):\n    return pool.submit(print).result()\n', 'from concurrent.futures import ThreadPoolExecutor\nimport asyncio\n\nasync def f(pool: ThreadPoolExecutor):\n    return await asyncio.wrap_future(pool.submit(print))\n'],
  ['blocking-thread-wait-in-async', 'import threading\n\nasync def f():\n    e = threading.Event()\n    e.wait()\n', 'import threading\nimport asyncio\n\nasync def f():\n    e = threading.Event()\n    await asyncio.to_thread(e.wait)\n'],
  ['blocking-helper-call-in-async', 'import time\n\ndef pause():\n    time.sleep(1)\n\nasync def handler():\n    pause()\n', 'import time\nimport asyncio\n\ndef pause():\n    time.sleep(1)\n\nasync def handler():\n    await asyncio.to_thread(pause)\n'],
  ['blocking-helper-call-in-async', 'import requests\n\ndef load(url):\n    return requests.get(url).json()\n\ndef refresh(url):\n    return load(url)\n\nasync def handler(url):\n    return refresh(url)\n', 'import requests\nimport asyncio\n\ndef load(url):\n    return requests.get(url).json()\n\ndef refresh(url):\n    return load(url)\n\nasync def handler(url):\n    return await asyncio.to_thread(refresh, url)\n'],
  ['blocking-helper-call-in-async', 'class Store:\n    def _read(self, p):\n        with open(p) as f:\n            return f.read()\n\n    async def get(self, p):\n        return self._read(p)\n', 'import asyncio\nclass Store:\n    def _read(self, p):\n        with open(p) as f:\n            return f.read()\n\n    async def get(self, p):\n        return await asyncio.to_thread(self._read, p)\n'],
  ['blocking-helper-call-in-async', 'import subprocess\n\nasync def handler():\n    def build():\n        subprocess.run(["make"])\n    build()\n', 'import subprocess\nimport asyncio\n\nasync def handler():\n    def build():\n        subprocess.run(["make"])\n    await asyncio.to_thread(build)\n'],
  ['blocking-helper-call-in-async', 'import time\n\ndef a():\n    b()\n\ndef b():\n    c()\n\ndef c():\n    time.sleep(1)\n\nasync def f():\n    a()\n', 'import time\nimport asyncio\n\ndef a():\n    b()\n\ndef b():\n    c()\n\ndef c():\n    time.sleep(1)\n\nasync def f():\n    await asyncio.to_thread(a)\n'],
  ['blocking-helper-call-in-async', 'import os\n\ndef ensure(p):\n    if not os.path.exists(p):\n        os.makedirs(p)\n\nasync def start(p):\n    ensure(p)\n', 'import os\nimport asyncio\n\ndef ensure(p):\n    if not os.path.exists(p):\n        os.makedirs(p)\n\nasync def start(p):\n    await asyncio.to_thread(ensure, p)\n'],
  ['get-event-loop-outside-loop', 'import asyncio\n\nasync def main():\n    pass\n\nasyncio.get_event_loop().run_until_complete(main())\n', 'import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n'],
  ['get-event-loop-outside-loop', 'import asyncio\n\nasync def main():\n    pass\n\ndef run():\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(main())\n', 'import asyncio\n\nasync def main():\n    pass\n\ndef run():\n    asyncio.run(main())\n'],
  ['get-event-loop-outside-loop', 'import asyncio\n\nasync def main():\n    pass\n\ndef run():\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(main())\n    loop.close()\n', 'import asyncio\n\nasync def main():\n    pass\n\ndef run():\n    asyncio.run(main())\n'],
  ['asyncio-run-in-coroutine', 'import asyncio\n\nasync def outer(c):\n    return asyncio.run(c())\n', 'import asyncio\n\nasync def outer(c):\n    return await c()\n'],
  ['asyncio-run-in-coroutine', 'import asyncio\n\nasync def outer(c):\n    loop = asyncio.get_running_loop()\n    loop.run_until_complete(c())\n', 'import asyncio\n\nasync def outer(c):\n    loop = asyncio.get_running_loop()\n    await c()\n'],
  ['asyncio-run-in-coroutine', 'import trio\n\nasync def outer(child):\n    trio.run(child, 1)\n', 'import trio\n\nasync def outer(child):\n    await child(1)\n'],
  ['asyncio-run-in-coroutine', 'import anyio\n\nasync def outer(child):\n    return anyio.run(child).result\n', 'import anyio\n\nasync def outer(child):\n    return (await child()).result\n'],
];

describe('async fixes', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const fixAll = (rule: string, code: string, config: RuleConfig = {}) =>
    engine.fixAll(code, { ...config, select: [rule] }, { unsafe: true, rules: new Set([rule]) });
  const findings = (rule: string, code: string, config: RuleConfig = {}): Finding[] => engine.analyzeText(code, { ...config, select: [rule] });

  describe('unsafe fix outputs of the rule tables', () => {
    UNSAFE_FIXES.forEach(([rule, code, expected], i) => {
      it(`${rule} #${i + 1}`, () => {
        const result = fixAll(rule, code);
        assert.equal(result.text, expected);
        assert.equal(pythonSyntaxError(result.text), null);
        assert.equal(fixAll(rule, result.text).applied, 0, 'a second fix-all changed something');
        for (const finding of findings(rule, code)) for (const fix of finding.fixes) assert.equal(fix.safety, 'unsafe', fix.title);
      });
    });
  });

  const fixed = (rule: string, code: string, config: RuleConfig = {}) => fixAll(rule, code, config).text;
  const HTTP = 'blocking-http-call-in-async';

  describe('moving a call to a worker thread', () => {
    it('reuses the names the file already has for asyncio and to_thread', () => {
      assert.equal(
        fixed(HTTP, 'from asyncio import to_thread\nimport requests\n\nasync def f(u):\n    return requests.get(u)\n'),
        'from asyncio import to_thread\nimport requests\n\nasync def f(u):\n    return await to_thread(requests.get, u)\n',
      );
      assert.equal(
        fixed(HTTP, 'import asyncio as aio\nimport requests\n\nasync def f(u):\n    return requests.get(u)\n'),
        'import asyncio as aio\nimport requests\n\nasync def f(u):\n    return await aio.to_thread(requests.get, u)\n',
      );
    });

    it('keeps a multi-line argument list, its layout and its `**kwargs`', () => {
      assert.equal(
        fixed(HTTP, 'import requests\n\nasync def f(u, kw):\n    return requests.get(\n        u,\n        **kw,\n    )\n'),
        'import requests\nimport asyncio\n\nasync def f(u, kw):\n    return await asyncio.to_thread(\n        requests.get,\n        u,\n        **kw,\n    )\n',
      );
    });

    it('wraps keywords in functools.partial for anyio and trio, whose run_sync forwards none', () => {
      assert.equal(
        fixed(HTTP, 'import anyio\nimport requests\n\nasync def f(u, kw):\n    return requests.get(u, **kw)\n'),
        'import anyio\nimport requests\nimport functools\n\nasync def f(u, kw):\n    return await anyio.to_thread.run_sync(functools.partial(requests.get, u, **kw))\n',
      );
    });

    it('finds anyio.to_thread however the file imports it, and imports the submodule when missing', () => {
      const body = 'import requests\n\nasync def f(u):\n    return requests.get(u)\n';
      assert.equal(fixed(HTTP, `import anyio.to_thread\n${body}`), 'import anyio.to_thread\nimport requests\n\nasync def f(u):\n    return await anyio.to_thread.run_sync(requests.get, u)\n');
      assert.equal(fixed(HTTP, `from anyio import to_thread\n${body}`), 'from anyio import to_thread\nimport requests\n\nasync def f(u):\n    return await to_thread.run_sync(requests.get, u)\n');
      assert.equal(fixed(HTTP, `from anyio import sleep\n${body}`), 'from anyio import sleep\nimport requests\nimport anyio.to_thread\n\nasync def f(u):\n    return await anyio.to_thread.run_sync(requests.get, u)\n');
    });

    it('uses loop.run_in_executor before Python 3.9, which has no asyncio.to_thread', () => {
      const old: RuleConfig = { targetVersion: [3, 8] };
      assert.equal(
        fixed(HTTP, 'import requests\n\nasync def f(u):\n    return requests.get(u)\n', old),
        'import requests\nimport asyncio\n\nasync def f(u):\n    return await asyncio.get_running_loop().run_in_executor(None, requests.get, u)\n',
      );
      assert.equal(
        fixed(HTTP, 'import requests\n\nasync def f(u):\n    return requests.get(u, timeout=5)\n', old),
        'import requests\nimport functools\nimport asyncio\n\nasync def f(u):\n    return await asyncio.get_running_loop().run_in_executor(None, functools.partial(requests.get, u, timeout=5))\n',
      );
    });

    it('offers no fix where `await` would change the meaning or is already there', () => {
      // In a generator expression `await` would make an async generator.
      const generator = 'import requests\n\nasync def f(us):\n    return all(requests.get(u).ok for u in us)\n';
      assert.equal(findings(HTTP, generator).length, 1);
      assert.deepEqual(findings(HTTP, generator)[0].fixes, []);
      assert.deepEqual(findings(HTTP, 'import requests\n\nasync def f(u):\n    return await requests.get(u)\n')[0].fixes, []);
      // A comprehension is fine: it runs in the coroutine.
      assert.equal(
        fixed('blocking-path-call-in-async', 'import os\n\nasync def f(p):\n    return [os.path.getsize(x) for x in p]\n'),
        'import os\nimport asyncio\n\nasync def f(p):\n    return [await asyncio.to_thread(os.path.getsize, x) for x in p]\n',
      );
    });

    it('offers no fix when the file mixes trio and asyncio: it cannot know the loop', () => {
      const [finding] = findings(HTTP, 'import trio\nimport asyncio\nimport requests\n\nasync def f(u):\n    return requests.get(u)\n');
      assert.deepEqual(finding.fixes, []);
    });
  });

  describe('native async APIs first', () => {
    it('trio: trio.Path before the thread fix', () => {
      const [finding] = findings('blocking-path-call-in-async', 'import trio\nfrom pathlib import Path\n\nasync def f(p):\n    return Path(p).read_text(encoding="utf-8")\n');
      assert.deepEqual(finding.fixes.map((f) => f.title), [
        'Use `trio.Path`: `await trio.Path(p).read_text(encoding="utf-8")`',
        'Run in a worker thread: `await trio.to_thread.run_sync(functools.partial(Path(p).read_text, …))`',
      ]);
    });

    it('asyncio processes: a free name for the process, else the one-line form; a variable command gets the thread fix only', () => {
      const SUB = 'blocking-subprocess-in-async';
      assert.equal(
        fixed(SUB, 'import subprocess\n\nasync def f(process):\n    subprocess.run(["a"])\n    print(process)\n'),
        'import subprocess\nimport asyncio\n\nasync def f(process):\n    proc = await asyncio.create_subprocess_exec("a")\n    await proc.wait()\n    print(process)\n',
      );
      assert.equal(
        fixed(SUB, 'import subprocess\n\nasync def f(proc, process):\n    subprocess.run(["a", *proc])\n'),
        'import subprocess\nimport asyncio\n\nasync def f(proc, process):\n    await (await asyncio.create_subprocess_exec("a", *proc)).wait()\n',
      );
      // `cmd` may be a string, which create_subprocess_exec would split into characters.
      const [finding] = findings(SUB, 'import subprocess\n\nasync def f(cmd):\n    subprocess.run(cmd)\n');
      assert.deepEqual(finding.fixes.map((f) => f.title), ['Run in a worker thread: `await asyncio.to_thread(subprocess.run, …)`']);
    });
  });

  describe('hovers show the modern form built from the code', () => {
    it('an HTTP call: the thread fix, then the same request through an async client', () => {
      const [finding] = findings(HTTP, 'import requests\n\nasync def f(u):\n    return requests.post(u, json={"a": 1}, timeout=5)\n');
      assert.ok(finding.suggestion?.startsWith('```python\nawait asyncio.to_thread(requests.post, u, json={"a": 1}, timeout=5)\n```\n'), finding.suggestion);
      // A requests file on asyncio: aiohttp, with what differs from requests.
      assert.match(finding.suggestion!, /async with aiohttp\.ClientSession\(\) as session:\n {4}async with session\.post\(u, json=\{"a": 1\}, timeout=5\) as response:\n {8}body = await response\.read\(\)/);
      assert.match(finding.suggestion!, /`timeout=` takes `aiohttp\.ClientTimeout\(total=…\)`/);
    });

    it('an HTTP call on httpx\'s API, or under trio/anyio: httpx2.AsyncClient, saying httpx is unmaintained', () => {
      const [httpx] = findings(HTTP, 'import httpx\n\nasync def f(u):\n    return httpx.get(u, follow_redirects=True)\n');
      assert.match(httpx.suggestion!, /async with httpx2\.AsyncClient\(\) as client:\n {4}response = await client\.get\(u, follow_redirects=True\)/);
      assert.match(httpx.suggestion!, /The original `httpx` package is no longer maintained/);
      assert.equal(httpx.fixes[0].title, 'Run in a worker thread: `await asyncio.to_thread(httpx.get, …)`', 'the fix adds no HTTP library');
      const [trio] = findings(HTTP, 'import requests\nimport trio\n\nasync def f(u):\n    return requests.post(u, json={"a": 1}, timeout=5)\n');
      assert.match(trio.suggestion!, /async with httpx2\.AsyncClient\(\) as client:\n {4}response = await client\.post\(u, json=\{"a": 1\}, timeout=5\)/);
      assert.match(trio.suggestion!, /`allow_redirects` → `follow_redirects`/);
      assert.doesNotMatch(trio.suggestion!, /no longer maintained/, 'nothing to say about httpx in a requests file');
    });

    it('a boto3 call: aioboto3, and whether a worker thread is sound', () => {
      const [client] = findings(HTTP, 'import boto3\n\ns3 = boto3.client("s3")\n\nasync def f(data):\n    s3.put_object(Bucket="b", Key="k", Body=data)\n');
      assert.match(client.suggestion!, /async with aioboto3\.Session\(\)\.client\(service_name\) as client:\n {4}await client\.put_object\(\.\.\.\)/);
      assert.match(client.suggestion!, /thread-safe, so a worker thread is a sound stopgap/);
      assert.equal(client.fixes.length, 1);
      const [resource] = findings(HTTP, 'import boto3\n\nasync def f():\n    boto3.resource("dynamodb").Table("t").put_item(Item={})\n');
      assert.deepEqual(resource.fixes, [], 'resources are not thread-safe: no thread fix');
      assert.match(resource.suggestion!, /not thread-safe/);
    });

    it('a SQLAlchemy session in a FastAPI route: the sync `def` route first, then AsyncSession', () => {
      const code = [
        'from fastapi import Depends, FastAPI',
        'from sqlalchemy.orm import Session',
        'app = FastAPI()',
        '@app.get("/u")',
        'async def read(db: Session = Depends(get_db)):',
        '    return db.get(User, 1)',
        '',
      ].join('\n');
      const [finding] = findings('blocking-database-call-in-async', code);
      assert.deepEqual(finding.fixes, []);
      assert.match(finding.suggestion!, /^Usually the right cure: declare the route `read`, which awaits nothing, with plain `def` — FastAPI runs sync routes/);
      assert.match(finding.suggestion!, /switch to `AsyncSession`/);
      const [awaiting] = findings('blocking-database-call-in-async', code.replace('    return db.get(User, 1)', '    body = await request.json()\n    return db.get(User, body)'));
      assert.match(awaiting.suggestion!, /^In FastAPI, a route declared with plain `def` runs in the thread pool/, 'a route that awaits cannot simply become a `def`');
    });

    it('a subprocess statement: both lines, unindented', () => {
      const [finding] = findings('blocking-subprocess-in-async', 'import subprocess\n\nasync def f():\n    if True:\n        subprocess.run(["make"])\n');
      assert.ok(finding.suggestion?.startsWith('```python\nprocess = await asyncio.create_subprocess_exec("make")\nawait process.wait()\n```\n'), finding.suggestion);
    });

    it('a helper: the thread fix and the blocking call it reaches', () => {
      const [finding] = findings('blocking-helper-call-in-async', 'import time\n\ndef pause(s):\n    time.sleep(s)\n\nasync def f():\n    pause(1)\n');
      assert.equal(finding.suggestion, '```python\nawait asyncio.to_thread(pause, 1)\n```\n\nOr make `pause` a coroutine that awaits an async version of `time.sleep()`.');
    });

    it('a sleep: the sleep of the library the file runs on, under its local name', () => {
      const sleep = (code: string) => findings('blocking-sleep-in-async', code)[0].suggestion;
      assert.equal(sleep('import time\n\nasync def f():\n    time.sleep(1)\n'), '```python\nawait asyncio.sleep(1)\n```\n');
      assert.equal(sleep('import time\nimport trio\n\nasync def f():\n    time.sleep(0.5)\n'), '```python\nawait trio.sleep(0.5)\n```\n');
      assert.equal(sleep('import time\nimport anyio as aio\n\nasync def f(d):\n    time.sleep(d)\n'), '```python\nawait aio.sleep(d)\n```\n');
    });

    it('a dropped task: the keep-a-reference idiom around the same call', () => {
      const [finding] = findings('dropped-task-reference', 'import asyncio\n\nasync def f(job):\n    asyncio.create_task(job.run())\n');
      assert.match(finding.suggestion!, /task = asyncio\.create_task\(job\.run\(\)\)\nbackground_tasks\.add\(task\)\ntask\.add_done_callback\(background_tasks\.discard\)/);
    });
  });
});
