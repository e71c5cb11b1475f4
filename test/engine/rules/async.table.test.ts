// Rule tables of the async family: valid / invalid snippets per rule with exact 1-based
// positions and messages (conventions in ../rule-tester.ts). Every fix of these rules but
// blocking-sleep-in-async's is unsafe, so `output` is null here (safe fixes only); the
// unsafe fix texts are asserted in ../async-fixes.test.ts.
import { expectedError, ruleTester } from '../rule-tester';

const error = expectedError;

ruleTester('blocking-http-call-in-async', {
  valid: [
    'import requests\n\ndef f(url):\n    return requests.get(url)\n',
    'import asyncio\nimport requests\n\nasync def f(url):\n    return await asyncio.to_thread(requests.get, url)\n',
    'import asyncio\nimport requests\n\nasync def f(url):\n    return await asyncio.to_thread(lambda: requests.get(url))\n',
    'import requests\n\nasync def f(requests, url):\n    requests.get(url)\n',
    'import httpx\n\nasync def f(url):\n    async with httpx.AsyncClient() as client:\n        await client.get(url)\n',
    'import requests\n\nasync def f(session, url):\n    session.get(url)\n',
    'async def f(url):\n    requests.get(url)\n',
    'import requests\n\nasync def f(url):\n    requests.get(url)  # noqa: ASYNC210\n',
    'from . import requests\n\nasync def f(url):\n    requests.get(url)\n',
    'import httpx2\n\nasync def f(url, client: httpx2.AsyncClient):\n    await client.get(url)\n',
    'import asyncio\nimport boto3\n\ns3 = boto3.client("s3")\n\nasync def f(p):\n    await asyncio.to_thread(s3.upload_file, p, "b", "k")\n    return s3.generate_presigned_url("get_object", Params={})\n',
    'import boto3\n\nasync def f(client):\n    client.put_object(Bucket="b")\n',
  ],
  invalid: [
    {
      code: 'import requests\n\nasync def fetch(url):\n    return requests.get(url, timeout=5)\n',
      errors: [
        error('blocking-http-call-in-async', 4, 12, 4, 40, '`requests.get()` makes a blocking HTTP request inside coroutine `fetch`'),
      ],
      output: null,
    },
    {
      code: 'import requests as r\n\nasync def fetch(url):\n    r.post(url, json={})\n',
      errors: [
        error('blocking-http-call-in-async', 4, 5, 4, 25, '`r.post()` makes a blocking HTTP request inside coroutine `fetch`'),
      ],
      output: null,
    },
    {
      code: 'from requests import Session\n\nasync def fetch(url):\n    with Session() as s:\n        s.get(url)\n',
      errors: [
        error('blocking-http-call-in-async', 5, 9, 5, 19, '`s.get()` makes a blocking HTTP request inside coroutine `fetch`'),
      ],
      output: null,
    },
    {
      code: 'import httpx\n\nclient = httpx.Client()\n\nasync def fetch(url):\n    client.get(url)\n',
      errors: [
        error('blocking-http-call-in-async', 6, 5, 6, 20, '`client.get()` makes a blocking HTTP request inside coroutine `fetch`'),
      ],
      output: null,
    },
    {
      code: 'import requests\n\nclass Api:\n    def __init__(self):\n        self.http = requests.Session()\n\n    async def fetch(self, url):\n        return self.http.get(url).json()\n',
      errors: [
        error('blocking-http-call-in-async', 8, 16, 8, 34, '`self.http.get()` makes a blocking HTTP request inside coroutine `fetch`'),
      ],
      output: null,
    },
    {
      code: 'import urllib.request\n\nasync def fetch(url):\n    return urllib.request.urlopen(url).read()\n',
      errors: [
        error('blocking-http-call-in-async', 4, 12, 4, 39, '`urllib.request.urlopen()` makes a blocking HTTP request inside coroutine `fetch`'),
      ],
      output: null,
    },
    {
      code: 'import requests\n\nasync def fetch(session: requests.Session, url):\n    session.delete(url)\n',
      errors: [
        error('blocking-http-call-in-async', 4, 5, 4, 24, '`session.delete()` makes a blocking HTTP request inside coroutine `fetch`'),
      ],
      output: null,
    },
    {
      code: 'import httpx2\n\nasync def fetch(url):\n    return httpx2.get(url)\n',
      errors: [
        error('blocking-http-call-in-async', 4, 12, 4, 27, '`httpx2.get()` makes a blocking HTTP request inside coroutine `fetch`'),
      ],
      output: null,
    },
    {
      code: 'import boto3\n\ns3 = boto3.client("s3")\n\nasync def store(data):\n    s3.put_object(Bucket="b", Key="k", Body=data)\n',
      errors: [
        error('blocking-http-call-in-async', 6, 5, 6, 50, '`s3.put_object()` makes a blocking HTTP request inside coroutine `store`'),
      ],
      output: null,
    },
    {
      code: 'import trio\nimport requests\n\nasync def fetch(url):\n    requests.get(url, timeout=5)\n',
      errors: [
        error('blocking-http-call-in-async', 5, 5, 5, 33, '`requests.get()` makes a blocking HTTP request inside coroutine `fetch`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-subprocess-in-async', {
  valid: [
    'import subprocess\n\ndef f():\n    subprocess.run(["ls"])\n',
    'import asyncio\nimport subprocess\n\nasync def f():\n    await asyncio.to_thread(subprocess.run, ["ls"])\n',
    'import asyncio\n\nasync def f():\n    p = await asyncio.create_subprocess_exec("ls")\n    await p.wait()\n',
    'import subprocess\n\nasync def f(subprocess):\n    subprocess.run(["ls"])\n',
    'import subprocess\n\nasync def f():\n    def g():\n        subprocess.run(["ls"])\n    return g\n',
    'import os\n\nasync def f():\n    os.getpid()\n    os.environ.get("X")\n',
  ],
  invalid: [
    {
      code: 'import subprocess\n\nasync def build():\n    subprocess.run(["make", "all"])\n',
      errors: [
        error('blocking-subprocess-in-async', 4, 5, 4, 36, '`subprocess.run()` runs a process synchronously inside coroutine `build`'),
      ],
      output: null,
    },
    {
      code: 'import subprocess\n\nasync def build():\n    code = subprocess.call(["make"])\n    return code\n',
      errors: [
        error('blocking-subprocess-in-async', 4, 12, 4, 37, '`subprocess.call()` runs a process synchronously inside coroutine `build`'),
      ],
      output: null,
    },
    {
      code: 'import subprocess\n\nasync def build():\n    return subprocess.run(["make"], capture_output=True).stdout\n',
      errors: [
        error('blocking-subprocess-in-async', 4, 12, 4, 57, '`subprocess.run()` runs a process synchronously inside coroutine `build`'),
      ],
      output: null,
    },
    {
      code: 'import subprocess\n\nasync def build():\n    p = subprocess.Popen(["make"], stdout=subprocess.PIPE)\n    return p\n',
      errors: [
        error('blocking-subprocess-in-async', 4, 9, 4, 59, '`subprocess.Popen()` runs a process synchronously inside coroutine `build`'),
      ],
      output: null,
    },
    {
      code: 'import os\n\nasync def build():\n    os.system("make")\n',
      errors: [
        error('blocking-subprocess-in-async', 4, 5, 4, 22, '`os.system()` runs a process synchronously inside coroutine `build`'),
      ],
      output: null,
    },
    {
      code: 'from subprocess import check_output as co\n\nasync def build():\n    return co(["git", "log"])\n',
      errors: [
        error('blocking-subprocess-in-async', 4, 12, 4, 30, '`co()` runs a process synchronously inside coroutine `build`'),
      ],
      output: null,
    },
    {
      code: 'import subprocess\nimport trio\n\nasync def build():\n    subprocess.run(["make"])\n',
      errors: [
        error('blocking-subprocess-in-async', 5, 5, 5, 29, '`subprocess.run()` runs a process synchronously inside coroutine `build`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-process-wait-in-async', {
  valid: [
    'import os\n\ndef f():\n    os.waitpid(-1, 0)\n',
    'import os\n\nasync def f():\n    os.waitpid(-1, os.WNOHANG)\n',
    'import asyncio\nimport os\n\nasync def f():\n    await asyncio.to_thread(os.wait)\n',
    'async def f(proc):\n    proc.wait()\n',
    'import asyncio\n\nasync def f():\n    p = await asyncio.create_subprocess_exec("ls")\n    await p.wait()\n',
    'import os\n\nasync def f(os):\n    os.wait()\n',
  ],
  invalid: [
    {
      code: 'import os\n\nasync def reap():\n    os.wait()\n',
      errors: [
        error('blocking-process-wait-in-async', 4, 5, 4, 14, '`os.wait()` waits for a process synchronously inside coroutine `reap`'),
      ],
      output: null,
    },
    {
      code: 'import os\n\nasync def reap(pid):\n    return os.waitpid(pid, 0)\n',
      errors: [
        error('blocking-process-wait-in-async', 4, 12, 4, 30, '`os.waitpid()` waits for a process synchronously inside coroutine `reap`'),
      ],
      output: null,
    },
    {
      code: 'from os import wait4\n\nasync def reap(pid):\n    wait4(pid, 0)\n',
      errors: [
        error('blocking-process-wait-in-async', 4, 5, 4, 18, '`wait4()` waits for a process synchronously inside coroutine `reap`'),
      ],
      output: null,
    },
    {
      code: 'import subprocess\n\nasync def run():\n    p = subprocess.Popen(["ls"])\n    p.wait()\n',
      errors: [
        error('blocking-process-wait-in-async', 5, 5, 5, 13, '`p.wait()` waits for a process synchronously inside coroutine `run`'),
      ],
      output: null,
    },
    {
      code: 'import subprocess\n\nasync def run():\n    p = subprocess.Popen(["ls"], stdout=subprocess.PIPE)\n    out, err = p.communicate()\n',
      errors: [
        error('blocking-process-wait-in-async', 5, 16, 5, 31, '`p.communicate()` waits for a process synchronously inside coroutine `run`'),
      ],
      output: null,
    },
    {
      code: 'import subprocess\n\nasync def run(p: subprocess.Popen):\n    p.wait(timeout=1)\n',
      errors: [
        error('blocking-process-wait-in-async', 4, 5, 4, 22, '`p.wait()` waits for a process synchronously inside coroutine `run`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-open-in-async', {
  valid: [
    'def f(p):\n    return open(p).read()\n',
    'import aiofiles\n\nasync def f(p):\n    async with aiofiles.open(p) as h:\n        return await h.read()\n',
    'import asyncio\n\nasync def f(p):\n    return await asyncio.to_thread(open, p)\n',
    'async def f(open, p):\n    open(p)\n',
    'from os import *\n\nasync def f(p):\n    open(p)\n',
    'async def f(p):\n    def open(x):\n        return x\n    open(p)\n',
    'open = print\n\nasync def f(p):\n    open(p)\n',
  ],
  invalid: [
    {
      code: 'async def load(p):\n    return open(p).read()\n',
      errors: [
        error('blocking-open-in-async', 2, 12, 2, 19, '`open()` opens a file synchronously inside coroutine `load`'),
      ],
      output: null,
    },
    {
      code: 'import json\n\nasync def load(p):\n    with open(p) as f:\n        return json.load(f)\n',
      errors: [
        error('blocking-open-in-async', 4, 10, 4, 17, '`open()` opens a file synchronously inside coroutine `load`'),
      ],
      output: null,
    },
    {
      code: 'async def save(p, s):\n    with open(p, "w", encoding="utf-8") as f:\n        f.write(s)\n',
      errors: [
        error('blocking-open-in-async', 2, 10, 2, 40, '`open()` opens a file synchronously inside coroutine `save`'),
      ],
      output: null,
    },
    {
      code: 'async def load(p):\n    f = open(p)\n    return f\n',
      errors: [
        error('blocking-open-in-async', 2, 9, 2, 16, '`open()` opens a file synchronously inside coroutine `load`'),
      ],
      output: null,
    },
    {
      code: 'import os\n\nasync def load(fd):\n    return os.fdopen(fd)\n',
      errors: [
        error('blocking-open-in-async', 4, 12, 4, 25, '`os.fdopen()` opens a file synchronously inside coroutine `load`'),
      ],
      output: null,
    },
    {
      code: 'from pathlib import Path\n\nasync def load(p):\n    with Path(p).open() as f:\n        pass\n',
      errors: [
        error('blocking-open-in-async', 4, 10, 4, 24, '`Path(p).open()` opens a file synchronously inside coroutine `load`'),
      ],
      output: null,
    },
    {
      code: 'import anyio\n\nasync def load(p):\n    with open(p, "rb") as f:\n        data = f.read()\n    return data\n',
      errors: [
        error('blocking-open-in-async', 4, 10, 4, 23, '`open()` opens a file synchronously inside coroutine `load`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-file-method-in-async', {
  valid: [
    'def f(p):\n    with open(p) as h:\n        return h.read()\n',
    'import io\n\nasync def f():\n    b = io.StringIO()\n    b.write("x")\n',
    'async def f(h):\n    h.read()\n',
    'import json\n\nasync def f(h):\n    json.load(h)\n',
    'async def f(p):\n    return open(p).read()\n',
    'import asyncio\n\nasync def f(p):\n    h = open(p)\n    return await asyncio.to_thread(h.read)\n',
  ],
  invalid: [
    {
      code: 'async def f(p):\n    with open(p) as h:\n        return h.read()\n',
      errors: [
        error('blocking-file-method-in-async', 3, 16, 3, 24, '`h.read()` does blocking file I/O inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'async def f(p, lines):\n    h = open(p, "w")\n    h.writelines(lines)\n    h.flush()\n',
      errors: [
        error('blocking-file-method-in-async', 3, 5, 3, 24, '`h.writelines()` does blocking file I/O inside coroutine `f`'),
        error('blocking-file-method-in-async', 4, 5, 4, 14, '`h.flush()` does blocking file I/O inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import json\n\nasync def f(p):\n    with open(p) as h:\n        data = json.load(h)\n    return data\n',
      errors: [
        error('blocking-file-method-in-async', 5, 16, 5, 28, '`json.load()` does blocking file I/O inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import pickle\n\nasync def f(p, obj):\n    with open(p, "wb") as h:\n        pickle.dump(obj, h)\n',
      errors: [
        error('blocking-file-method-in-async', 5, 9, 5, 28, '`pickle.dump()` does blocking file I/O inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import io\n\nasync def f(h: io.TextIOWrapper):\n    return h.readline()\n',
      errors: [
        error('blocking-file-method-in-async', 4, 12, 4, 24, '`h.readline()` does blocking file I/O inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'LOG = open("app.log", "a")\n\nasync def f(msg):\n    LOG.write(msg)\n',
      errors: [
        error('blocking-file-method-in-async', 4, 5, 4, 19, '`LOG.write()` does blocking file I/O inside coroutine `f`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-path-call-in-async', {
  valid: [
    'import os\n\ndef f(p):\n    return os.path.exists(p)\n',
    'import os\n\nasync def f(p):\n    return os.path.join(p, "x"), os.path.basename(p)\n',
    'from pathlib import Path\n\nasync def f(p):\n    return Path(p).name, Path(p).suffix\n',
    'import asyncio\nimport os\n\nasync def f(p):\n    return await asyncio.to_thread(os.path.exists, p)\n',
    'async def f(path):\n    return path.exists()\n',
    'import anyio\n\nasync def f(p):\n    return await anyio.Path(p).exists()\n',
  ],
  invalid: [
    {
      code: 'import os\n\nasync def f(p):\n    return os.path.exists(p)\n',
      errors: [
        error('blocking-path-call-in-async', 4, 12, 4, 29, '`os.path.exists()` hits the file system synchronously inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import shutil\n\nasync def f(src, dst):\n    shutil.copy(src, dst)\n',
      errors: [
        error('blocking-path-call-in-async', 4, 5, 4, 26, '`shutil.copy()` hits the file system synchronously inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'from pathlib import Path\n\nasync def f(p):\n    return Path(p).read_text()\n',
      errors: [
        error('blocking-path-call-in-async', 4, 12, 4, 31, '`Path(p).read_text()` hits the file system synchronously inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'from pathlib import Path\n\nBASE = Path(__file__).parent\n\nasync def f():\n    return (BASE / "data.json").read_text()\n',
      errors: [
        error('blocking-path-call-in-async', 6, 12, 6, 44, '`(BASE / "data.json").read_text()` hits the file system synchronously inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'from pathlib import Path\n\nasync def f(p: Path):\n    for child in p.iterdir():\n        print(child)\n',
      errors: [
        error('blocking-path-call-in-async', 4, 18, 4, 29, '`p.iterdir()` hits the file system synchronously inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import os\nimport anyio\n\nasync def f(p):\n    if os.path.isdir(p):\n        pass\n',
      errors: [
        error('blocking-path-call-in-async', 5, 8, 5, 24, '`os.path.isdir()` hits the file system synchronously inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import os\n\nasync def f(p):\n    os.makedirs(p, exist_ok=True)\n',
      errors: [
        error('blocking-path-call-in-async', 4, 5, 4, 34, '`os.makedirs()` hits the file system synchronously inside coroutine `f`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-input-in-async', {
  valid: [
    'def f():\n    return input()\n',
    'import asyncio\n\nasync def f():\n    return await asyncio.to_thread(input, "? ")\n',
    'async def f(input):\n    return input()\n',
    'async def f():\n    input = lambda: "x"\n    return input()\n',
    'import builtins\n\nasync def f():\n    return builtins.print("x")\n',
    'from mylib import *\n\nasync def f():\n    return input()\n',
  ],
  invalid: [
    {
      code: 'async def ask():\n    return input("name: ")\n',
      errors: [
        error('blocking-input-in-async', 2, 12, 2, 27, '`input()` waits for terminal input inside coroutine `ask`'),
      ],
      output: null,
    },
    {
      code: 'async def ask():\n    return input()\n',
      errors: [
        error('blocking-input-in-async', 2, 12, 2, 19, '`input()` waits for terminal input inside coroutine `ask`'),
      ],
      output: null,
    },
    {
      code: 'import builtins\n\nasync def ask():\n    return builtins.input()\n',
      errors: [
        error('blocking-input-in-async', 4, 12, 4, 28, '`builtins.input()` waits for terminal input inside coroutine `ask`'),
      ],
      output: null,
    },
    {
      code: 'async def ask():\n    answer = input(\n        "name: "\n    )\n    return answer\n',
      errors: [
        error('blocking-input-in-async', 2, 14, 4, 6, '`input()` waits for terminal input inside coroutine `ask`'),
      ],
      output: null,
    },
    {
      code: 'class Cli:\n    async def ask(self):\n        return input("?").strip()\n',
      errors: [
        error('blocking-input-in-async', 3, 16, 3, 26, '`input()` waits for terminal input inside coroutine `ask`'),
      ],
      output: null,
    },
    {
      code: 'async def ask():\n    return [input() for _ in range(2)]\n',
      errors: [
        error('blocking-input-in-async', 2, 13, 2, 20, '`input()` waits for terminal input inside coroutine `ask`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-socket-call-in-async', {
  valid: [
    'import socket\n\ndef f(h):\n    return socket.gethostbyname(h)\n',
    'import socket\n\nasync def f():\n    return socket.getaddrinfo("127.0.0.1", 80)\n',
    'import socket\n\nasync def f(loop, addr):\n    s = socket.socket()\n    s.setblocking(False)\n    await loop.sock_connect(s, addr)\n    s.send(b"x")\n',
    'import socket\n\nasync def f(s: socket.socket):\n    return s.recv(10)\n',
    'import asyncio\nimport socket\n\nasync def f(h):\n    return await asyncio.to_thread(socket.gethostbyname, h)\n',
    'import socket\n\nasync def f(h):\n    return socket.getaddrinfo(h, 80, flags=socket.AI_NUMERICHOST)\n',
  ],
  invalid: [
    {
      code: 'import socket\n\nasync def f(h):\n    return socket.gethostbyname(h)\n',
      errors: [
        error('blocking-socket-call-in-async', 4, 12, 4, 35, '`socket.gethostbyname()` is a blocking socket call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import socket\n\nasync def f(h):\n    return socket.getaddrinfo(h, 443)\n',
      errors: [
        error('blocking-socket-call-in-async', 4, 12, 4, 38, '`socket.getaddrinfo()` is a blocking socket call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import socket\n\nasync def f(addr):\n    s = socket.create_connection(addr)\n    s.sendall(b"x")\n',
      errors: [
        error('blocking-socket-call-in-async', 4, 9, 4, 39, '`socket.create_connection()` is a blocking socket call inside coroutine `f`'),
        error('blocking-socket-call-in-async', 5, 5, 5, 20, '`s.sendall()` is a blocking socket call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import socket\n\nasync def f(addr):\n    with socket.socket() as s:\n        s.connect(addr)\n',
      errors: [
        error('blocking-socket-call-in-async', 5, 9, 5, 24, '`s.connect()` is a blocking socket call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'from socket import getfqdn\n\nasync def f():\n    return getfqdn()\n',
      errors: [
        error('blocking-socket-call-in-async', 4, 12, 4, 21, '`getfqdn()` is a blocking socket call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import socket\n\nasync def f(addr):\n    s = socket.socket()\n    s.settimeout(5)\n    s.connect(addr)\n',
      errors: [
        error('blocking-socket-call-in-async', 6, 5, 6, 20, '`s.connect()` is a blocking socket call inside coroutine `f`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-database-call-in-async', {
  valid: [
    'import sqlite3\n\ndef f(p):\n    return sqlite3.connect(p).execute("x").fetchall()\n',
    'import aiosqlite\n\nasync def f(p):\n    async with aiosqlite.connect(p) as db:\n        await db.execute("x")\n',
    'async def f(db):\n    db.execute("x")\n',
    'import asyncio\nimport sqlite3\n\nasync def f(p):\n    return await asyncio.to_thread(sqlite3.connect, p)\n',
    'import sqlite3\n\nasync def f(sqlite3):\n    sqlite3.connect("x")\n',
    'import sqlite3\n\nasync def f(conn: sqlite3.Connection):\n    return conn.cursor()\n',
    'from sqlalchemy.ext.asyncio import AsyncSession\n\nasync def f(db: AsyncSession, q):\n    return await db.execute(q)\n',
    'from sqlalchemy.ext.asyncio import async_sessionmaker\n\nMaker = async_sessionmaker()\n\nasync def f(q):\n    async with Maker() as s:\n        s.add(q)\n        await s.commit()\n',
    'from sqlalchemy.orm import Session\n\ndef f(db: Session, q):\n    return db.execute(q)\n',
  ],
  invalid: [
    {
      code: 'import sqlite3\n\nasync def f(p):\n    return sqlite3.connect(p)\n',
      errors: [
        error('blocking-database-call-in-async', 4, 12, 4, 30, '`sqlite3.connect()` runs a synchronous database call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'from fastapi import Depends\nfrom sqlalchemy.orm import Session\n\nasync def read(db: Session = Depends(get_db)):\n    return db.query(User).first()\n',
      errors: [
        error('blocking-database-call-in-async', 5, 12, 5, 26, '`db.query()` runs a synchronous database call inside coroutine `read`'),
      ],
      output: null,
    },
    {
      code: 'import sqlite3\n\nasync def f(conn: sqlite3.Connection):\n    conn.commit()\n',
      errors: [
        error('blocking-database-call-in-async', 4, 5, 4, 18, '`conn.commit()` runs a synchronous database call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import psycopg2\n\nasync def f(dsn):\n    with psycopg2.connect(dsn) as conn:\n        pass\n',
      errors: [
        error('blocking-database-call-in-async', 4, 10, 4, 31, '`psycopg2.connect()` runs a synchronous database call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import sqlite3\n\nDB = sqlite3.connect("app.db")\n\nasync def f():\n    cur = DB.cursor()\n    cur.execute("x")\n',
      errors: [
        error('blocking-database-call-in-async', 7, 5, 7, 21, '`cur.execute()` runs a synchronous database call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import sqlite3\n\nasync def f(cur: sqlite3.Cursor):\n    return cur.fetchall()\n',
      errors: [
        error('blocking-database-call-in-async', 4, 12, 4, 26, '`cur.fetchall()` runs a synchronous database call inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import pymysql\n\nasync def f():\n    return pymysql.connect(host="db")\n',
      errors: [
        error('blocking-database-call-in-async', 4, 12, 4, 38, '`pymysql.connect()` runs a synchronous database call inside coroutine `f`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-thread-wait-in-async', {
  valid: [
    'import threading\n\nL = threading.Lock()\n\ndef f():\n    L.acquire()\n',
    'import threading\n\nL = threading.Lock()\n\nasync def f():\n    L.acquire(blocking=False)\n',
    'import threading\n\nE = threading.Event()\n\nasync def f():\n    E.wait(1.0)\n',
    'import queue\n\nQ = queue.Queue()\n\nasync def f():\n    return Q.get(timeout=1)\n',
    'import asyncio\n\nasync def f():\n    lock = asyncio.Lock()\n    await lock.acquire()\n',
    'async def f(lock):\n    lock.acquire()\n',
    'import queue\n\nQ = queue.Queue()\n\nasync def f():\n    return Q.get(False)\n',
  ],
  invalid: [
    {
      code: 'import threading\n\nL = threading.Lock()\n\nasync def f():\n    L.acquire()\n',
      errors: [
        error('blocking-thread-wait-in-async', 6, 5, 6, 16, '`L.acquire()` waits without a timeout inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import threading\n\nasync def f(t: threading.Thread):\n    t.join()\n',
      errors: [
        error('blocking-thread-wait-in-async', 4, 5, 4, 13, '`t.join()` waits without a timeout inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import queue\n\nQ = queue.Queue()\n\nasync def f():\n    return Q.get()\n',
      errors: [
        error('blocking-thread-wait-in-async', 6, 12, 6, 19, '`Q.get()` waits without a timeout inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'from concurrent.futures import ThreadPoolExecutor\n\nasync def f(pool: ThreadPoolExecutor):\n    return pool.submit(print).result()\n',
      errors: [
        error('blocking-thread-wait-in-async', 4, 12, 4, 39, '`pool.submit(print).result()` waits without a timeout inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import threading\n\nasync def f():\n    e = threading.Event()\n    e.wait()\n',
      errors: [
        error('blocking-thread-wait-in-async', 5, 5, 5, 13, '`e.wait()` waits without a timeout inside coroutine `f`'),
      ],
      output: null,
    },
    {
      code: 'import threading\n\nR = threading.RLock()\n\nasync def f():\n    R.acquire(True)\n',
      errors: [
        error('blocking-thread-wait-in-async', 6, 5, 6, 20, '`R.acquire()` waits without a timeout inside coroutine `f`'),
      ],
      output: null,
    },
  ],
});

ruleTester('blocking-helper-call-in-async', {
  valid: [
    'import time\n\ndef h():\n    time.sleep(1)\n\ndef f():\n    h()\n',
    'import asyncio\nimport time\n\ndef h():\n    time.sleep(1)\n\nasync def f():\n    await asyncio.to_thread(h)\n',
    'def h(x):\n    return x + 1\n\nasync def f():\n    h(1)\n',
    'import time\n\ndef h():\n    yield time.sleep(1)\n\nasync def f():\n    h()\n',
    'import time\n\ndef h():\n    time.sleep(1)\n\nasync def f(h):\n    h()\n',
    'import time\nimport functools\n\ndef deco(fn):\n    return fn\n\n@deco\ndef h():\n    time.sleep(1)\n\nasync def f():\n    h()\n',
    'import time\n\ndef a():\n    b()\n\ndef b():\n    c()\n\ndef c():\n    d()\n\ndef d():\n    time.sleep(1)\n\nasync def f():\n    a()\n',
  ],
  invalid: [
    {
      code: 'import time\n\ndef pause():\n    time.sleep(1)\n\nasync def handler():\n    pause()\n',
      errors: [
        error('blocking-helper-call-in-async', 7, 5, 7, 12, '`pause()` blocks the event loop inside coroutine `handler`: it calls `time.sleep()` (line 4)'),
      ],
      output: null,
    },
    {
      code: 'import requests\n\ndef load(url):\n    return requests.get(url).json()\n\ndef refresh(url):\n    return load(url)\n\nasync def handler(url):\n    return refresh(url)\n',
      errors: [
        error('blocking-helper-call-in-async', 10, 12, 10, 24, '`refresh()` blocks the event loop inside coroutine `handler`: it calls `requests.get()` (line 4 via `load()`)'),
      ],
      output: null,
    },
    {
      code: 'class Store:\n    def _read(self, p):\n        with open(p) as f:\n            return f.read()\n\n    async def get(self, p):\n        return self._read(p)\n',
      errors: [
        error('blocking-helper-call-in-async', 7, 16, 7, 29, '`self._read()` blocks the event loop inside coroutine `get`: it calls `open()` (line 3)'),
      ],
      output: null,
    },
    {
      code: 'import subprocess\n\nasync def handler():\n    def build():\n        subprocess.run(["make"])\n    build()\n',
      errors: [
        error('blocking-helper-call-in-async', 6, 5, 6, 12, '`build()` blocks the event loop inside coroutine `handler`: it calls `subprocess.run()` (line 5)'),
      ],
      output: null,
    },
    {
      code: 'import time\n\ndef a():\n    b()\n\ndef b():\n    c()\n\ndef c():\n    time.sleep(1)\n\nasync def f():\n    a()\n',
      errors: [
        error('blocking-helper-call-in-async', 13, 5, 13, 8, '`a()` blocks the event loop inside coroutine `f`: it calls `time.sleep()` (line 10 via `b()` → `c()`)'),
      ],
      output: null,
    },
    {
      code: 'import os\n\ndef ensure(p):\n    if not os.path.exists(p):\n        os.makedirs(p)\n\nasync def start(p):\n    ensure(p)\n',
      errors: [
        error('blocking-helper-call-in-async', 8, 5, 8, 14, '`ensure()` blocks the event loop inside coroutine `start`: it calls `os.path.exists()` (line 4)'),
      ],
      output: null,
    },
  ],
});

ruleTester('dropped-task-reference', {
  valid: [
    'import asyncio\n\nasync def f(c):\n    t = asyncio.create_task(c())\n    await t\n',
    'import asyncio\n\nasync def f(c):\n    await asyncio.create_task(c())\n',
    'import asyncio\n\nasync def f(c):\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(c())\n',
    'import asyncio\n\nasync def f(fut):\n    asyncio.ensure_future(fut)\n',
    'async def f(loop, c):\n    loop.create_task(c())\n',
    'def create_task(x):\n    return x\n\ncreate_task(1)\n',
  ],
  invalid: [
    {
      code: 'import asyncio\n\nasync def f(c):\n    asyncio.create_task(c())\n',
      errors: [
        error('dropped-task-reference', 4, 5, 4, 29, 'The task from `asyncio.create_task()` is not kept: it can be garbage-collected before it finishes'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def f(c):\n    asyncio.ensure_future(c())\n',
      errors: [
        error('dropped-task-reference', 4, 5, 4, 31, 'The task from `asyncio.ensure_future()` is not kept: it can be garbage-collected before it finishes'),
      ],
      output: null,
    },
    {
      code: 'from asyncio import create_task\n\nasync def f(c):\n    create_task(c())\n',
      errors: [
        error('dropped-task-reference', 4, 5, 4, 21, 'The task from `create_task()` is not kept: it can be garbage-collected before it finishes'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\ndef f(c):\n    asyncio.get_running_loop().create_task(c())\n',
      errors: [
        error('dropped-task-reference', 4, 5, 4, 48, 'The task from `asyncio.get_running_loop().create_task()` is not kept: it can be garbage-collected before it finishes'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def f(c):\n    loop = asyncio.get_running_loop()\n    loop.create_task(c())\n',
      errors: [
        error('dropped-task-reference', 5, 5, 5, 26, 'The task from `loop.create_task()` is not kept: it can be garbage-collected before it finishes'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def f(c, loop: asyncio.AbstractEventLoop):\n    loop.create_task(c())\n',
      errors: [
        error('dropped-task-reference', 4, 5, 4, 26, 'The task from `loop.create_task()` is not kept: it can be garbage-collected before it finishes'),
      ],
      output: null,
    },
  ],
});

ruleTester('get-event-loop-outside-loop', {
  valid: [
    'import asyncio\n\nasync def f():\n    return asyncio.get_event_loop()\n',
    'import asyncio\n\ndef cb():\n    asyncio.get_event_loop().call_soon(print)\n',
    'import asyncio\n\nasyncio.set_event_loop(asyncio.new_event_loop())\nloop = asyncio.get_event_loop()\n',
    'import asyncio\n\ntry:\n    loop = asyncio.get_event_loop()\nexcept RuntimeError:\n    loop = None\n',
    'import asyncio\n\nclass T:\n    def test(self):\n        asyncio.get_event_loop().run_until_complete(main())\n',
    'asyncio.get_event_loop()\n',
  ],
  invalid: [
    {
      code: 'import asyncio\n\nloop = asyncio.get_event_loop()\n',
      errors: [
        error('get-event-loop-outside-loop', 3, 8, 3, 32, '`asyncio.get_event_loop()` is called outside a running event loop: deprecated, and an error from Python 3.14'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def main():\n    pass\n\nasyncio.get_event_loop().run_until_complete(main())\n',
      errors: [
        error('get-event-loop-outside-loop', 6, 1, 6, 25, '`asyncio.get_event_loop()` is called outside a running event loop: deprecated, and an error from Python 3.14'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def main():\n    pass\n\ndef run():\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(main())\n',
      errors: [
        error('get-event-loop-outside-loop', 7, 12, 7, 36, '`asyncio.get_event_loop()` is called outside a running event loop: deprecated, and an error from Python 3.14'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def main():\n    pass\n\ndef run():\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(main())\n    loop.close()\n',
      errors: [
        error('get-event-loop-outside-loop', 7, 12, 7, 36, '`asyncio.get_event_loop()` is called outside a running event loop: deprecated, and an error from Python 3.14'),
      ],
      output: null,
    },
    {
      code: 'from asyncio import get_event_loop\n\ndef run():\n    loop = get_event_loop()\n    loop.run_forever()\n',
      errors: [
        error('get-event-loop-outside-loop', 4, 12, 4, 28, '`get_event_loop()` is called outside a running event loop: deprecated, and an error from Python 3.14'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nif __name__ == "__main__":\n    asyncio.get_event_loop().run_until_complete(asyncio.gather(a(), b()))\n',
      errors: [
        error('get-event-loop-outside-loop', 4, 5, 4, 29, '`asyncio.get_event_loop()` is called outside a running event loop: deprecated, and an error from Python 3.14'),
      ],
      output: null,
    },
  ],
});

ruleTester('asyncio-run-in-coroutine', {
  valid: [
    'import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n',
    'import asyncio\n\ndef f(c):\n    return asyncio.run(c())\n',
    'import asyncio\n\nasync def f(runner, c):\n    runner.run(c())\n',
    'import asyncio\nimport threading\n\nasync def f(c):\n    threading.Thread(target=lambda: asyncio.run(c())).start()\n',
    'import trio\nimport asyncio\n\nasync def f(c):\n    trio.run(c)\n',
    'async def f(app):\n    app.run()\n',
  ],
  invalid: [
    {
      code: 'import asyncio\n\nasync def outer(c):\n    return asyncio.run(c())\n',
      errors: [
        error('asyncio-run-in-coroutine', 4, 12, 4, 28, '`asyncio.run()` inside coroutine `outer` fails: an event loop is already running there'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def outer(c):\n    asyncio.run(c(), debug=True)\n',
      errors: [
        error('asyncio-run-in-coroutine', 4, 5, 4, 33, '`asyncio.run()` inside coroutine `outer` fails: an event loop is already running there'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def outer(c):\n    loop = asyncio.get_running_loop()\n    loop.run_until_complete(c())\n',
      errors: [
        error('asyncio-run-in-coroutine', 5, 5, 5, 33, '`loop.run_until_complete()` inside coroutine `outer` fails: an event loop is already running there'),
      ],
      output: null,
    },
    {
      code: 'import asyncio\n\nasync def outer():\n    asyncio.get_event_loop().run_forever()\n',
      errors: [
        error('asyncio-run-in-coroutine', 4, 5, 4, 43, '`asyncio.get_event_loop().run_forever()` inside coroutine `outer` fails: an event loop is already running there'),
      ],
      output: null,
    },
    {
      code: 'import trio\n\nasync def outer(child):\n    trio.run(child, 1)\n',
      errors: [
        error('asyncio-run-in-coroutine', 4, 5, 4, 23, '`trio.run()` inside coroutine `outer` fails: an event loop is already running there'),
      ],
      output: null,
    },
    {
      code: 'import anyio\n\nasync def outer(child):\n    return anyio.run(child).result\n',
      errors: [
        error('asyncio-run-in-coroutine', 4, 12, 4, 28, '`anyio.run()` inside coroutine `outer` fails: an event loop is already running there'),
      ],
      output: null,
    },
  ],
});

ruleTester('async-def-without-await', {
  valid: [
    'async def f():\n    await g()\n\nasync def g():\n    await h()\n',
    'import asyncio\n\nasync def f():\n    return 1\n\nasyncio.run(f())\n',
    'async def f():\n    yield 1\n\nasync def g():\n    async for x in f():\n        print(x)\n',
    'class C:\n    async def close(self):\n        pass\n\n    async def run(self):\n        await self.close()\n',
    'import asyncio\n\nasync def f():\n    asyncio.create_task(g())\n\nasync def g():\n    await f()\n',
    'def deco(fn):\n    return fn\n\n@deco\nasync def f():\n    return 1\n\nasync def g():\n    await f()\n',
    'async def f():\n    ...\n\nasync def g():\n    await f()\n',
  ],
  invalid: [
    {
      code: 'async def double(x):\n    return x * 2\n\nasync def main():\n    return await double(2)\n',
      errors: [
        error('async-def-without-await', 1, 11, 1, 17, 'Coroutine `double` never awaits: it could be a plain `def`'),
      ],
      output: null,
    },
    {
      code: 'async def log(msg):\n    print(msg)\n\nasync def main():\n    await log("a")\n    await log("b")\n',
      errors: [
        error('async-def-without-await', 1, 11, 1, 14, 'Coroutine `log` never awaits: it could be a plain `def`'),
      ],
      output: null,
    },
    {
      code: 'async def outer():\n    async def inner():\n        return 1\n    return await inner()\n',
      errors: [
        error('async-def-without-await', 2, 15, 2, 20, 'Coroutine `inner` never awaits: it could be a plain `def`'),
      ],
      output: null,
    },
    {
      code: 'async def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n\nasync def main():\n    print(await total([1]))\n',
      errors: [
        error('async-def-without-await', 1, 11, 1, 16, 'Coroutine `total` never awaits: it could be a plain `def`'),
      ],
      output: null,
    },
    {
      code: 'async def name():\n    """Docstring."""\n    return "n"\n\nasync def main():\n    return await name()\n',
      errors: [
        error('async-def-without-await', 1, 11, 1, 15, 'Coroutine `name` never awaits: it could be a plain `def`'),
      ],
      output: null,
    },
    {
      code: 'async def load_text(p):\n    with open(p) as f:\n        return f.read()\n\nasync def main():\n    await load_text("x")\n',
      errors: [
        error('async-def-without-await', 1, 11, 1, 20, 'Coroutine `load_text` never awaits: it could be a plain `def`'),
      ],
      output: null,
    },
  ],
});
