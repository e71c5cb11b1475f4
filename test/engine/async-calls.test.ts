// The async family's shared analysis (src/engine/families/async/: call-sites, kinds, blocking, off-thread): which calls run in a
// coroutine, what built the object a method is called on, which calls block and under which
// rule, which same-file def a call runs, and the async library a file uses.
import assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { blockingHit, calledDefinition } from '../../src/engine/families/async/blocking';
import { asyncCallSites, asyncLibraryOf, ownCallSites, type CallSite } from '../../src/engine/families/async/call-sites';
import { kindOf } from '../../src/engine/families/async/kinds';
import type { SemanticFacts } from '../../src/engine/facts';
import { nodeSpanning, useFacts } from '../helpers/facts';

describe('async call analysis', () => {
  const snippets = useFacts();

  function analyse(text: string): { facts: SemanticFacts; site(call: string): CallSite; node(text: string): Node } {
    const { tree, facts } = snippets.parse(text, [3, 12]);
    const node = (needle: string): Node => {
      const offset = text.indexOf(needle);
      assert.notEqual(offset, -1, needle);
      return nodeSpanning(tree, offset, needle.length, needle);
    };
    const site = (call: string): CallSite => {
      const found = asyncCallSites(facts).find((s) => s.call.text === call);
      assert.ok(found, `no call site "${call}" in a coroutine`);
      return found;
    };
    return { facts, site, node };
  }

  describe('asyncCallSites()', () => {
    it('lists the calls that run in coroutines, in document order, and nothing else', () => {
      const { facts } = analyse(
        [
          'import time',
          'time.sleep(0)',
          'def sync():',
          '    time.sleep(1)',
          'async def outer():',
          '    time.sleep(2)',
          '    def nested():',
          '        time.sleep(3)',
          '    cb = lambda: time.sleep(4)',
          '    class Local:',
          '        time.sleep(5)',
          '    async def inner():',
          '        time.sleep(6)',
          '    [time.sleep(7) async for _ in stream()]',
          '    async with lock:',
          '        time.sleep(8)',
          'def sync_again():',
          '    async def deep():',
          '        time.sleep(9)',
          '',
        ].join('\n'),
      );
      assert.deepEqual(
        asyncCallSites(facts).map((s) => [s.call.text, s.scope.name]),
        [
          ['time.sleep(2)', 'outer'],
          ['time.sleep(6)', 'inner'],
          ['time.sleep(7)', 'outer'],
          ['stream()', 'outer'],
          ['time.sleep(8)', 'outer'],
          ['time.sleep(9)', 'deep'],
        ],
      );
    });

    it('costs nothing in a file without coroutines', () => {
      const { facts } = analyse('import time\n\ndef f():\n    time.sleep(1)\n');
      assert.deepEqual(asyncCallSites(facts), []);
    });

    it('gives a helper\'s own calls, not those of its nested defs', () => {
      const { facts } = analyse('def helper():\n    a()\n    def inner():\n        b()\n    c(lambda: d())\n');
      const helper = facts.scopes.find((s) => s.name === 'helper')!;
      assert.deepEqual(ownCallSites(facts, helper).map((s) => s.call.text), ['a()', 'c(lambda: d())']);
    });
  });

  describe('kindOf()', () => {
    it('knows objects by their constructor, through aliases, `with … as` and method chains', () => {
      const { facts, node } = analyse(
        'import requests as r\nimport sqlite3\nfrom requests import Session\nasync def f(p):\n    s = r.Session()\n    s.get(1)\n    with Session() as t:\n        t.get(2)\n    sqlite3.connect(p).cursor().fetchall()\n    r.get(3).json()\n',
      );
      const receiver = (call: string) => kindOf(facts, node(call).childForFieldName('object')!);
      assert.equal(receiver('s.get'), 'requests.Session');
      assert.equal(receiver('t.get'), 'requests.Session');
      assert.equal(receiver('sqlite3.connect(p).cursor().fetchall'), 'db.Cursor');
      assert.equal(receiver('r.get(3).json'), undefined, 'a response is no session');
    });

    it('follows parameter annotations, Optional and `| None`', () => {
      const { facts, node } = analyse(
        'import typing\nimport queue\nfrom pathlib import Path\nasync def f(a: queue.Queue[int], b: typing.Optional[Path], c: "Path", d: Path | None):\n    a.get()\n    b.exists()\n    c.exists()\n    d.exists()\n',
      );
      const receiver = (call: string) => kindOf(facts, node(call).childForFieldName('object')!);
      assert.equal(receiver('a.get'), 'queue.Queue');
      assert.equal(receiver('b.exists'), 'pathlib.Path');
      assert.equal(receiver('c.exists'), undefined, 'string annotations are not read');
      assert.equal(receiver('d.exists'), 'pathlib.Path');
    });

    it('follows path arithmetic and module-level constants', () => {
      const { facts, node } = analyse('from pathlib import Path\nBASE = Path(__file__).parent\nasync def f():\n    (BASE / "x").read_text()\n    ("a" / BASE).exists()\n');
      assert.equal(kindOf(facts, node('(BASE / "x")')), 'pathlib.Path');
      assert.equal(kindOf(facts, node('("a" / BASE)')), 'pathlib.Path');
    });

    it('reads `self.<attr>` from the class\'s methods, and gives up when any binding is unknown', () => {
      const text = [
        'import requests',
        'class A:',
        '    def __init__(self):',
        '        self.http = requests.Session()',
        '        self.other = requests.Session()',
        '    def reset(self, other):',
        '        self.other = other',
        '    async def f(self):',
        '        self.http.get(1)',
        '        self.other.get(2)',
        '',
      ].join('\n');
      const { facts, node } = analyse(text);
      assert.equal(kindOf(facts, node('self.http.get').childForFieldName('object')!), 'requests.Session');
      assert.equal(kindOf(facts, node('self.other.get').childForFieldName('object')!), undefined);
    });

    it('does not type a name whose bindings disagree or are opaque', () => {
      const { facts, node } = analyse('import io\nasync def f(p, flag):\n    h = open(p)\n    if flag:\n        h = io.StringIO()\n    h.read()\n    for g in []:\n        g.read()\n');
      assert.equal(kindOf(facts, node('h.read').childForFieldName('object')!), undefined);
      assert.equal(kindOf(facts, node('g.read').childForFieldName('object')!), undefined);
    });
  });

  describe('blockingHit()', () => {
    it('names the rule a blocking call belongs to', () => {
      const { facts, site } = analyse(
        [
          'import time, requests, subprocess, os, socket, sqlite3, threading',
          'L = threading.Lock()',
          'async def f(p):',
          '    time.sleep(1)',
          '    requests.get(p)',
          '    subprocess.run(p)',
          '    os.waitpid(1, 0)',
          '    open(p)',
          '    os.path.exists(p)',
          '    input()',
          '    socket.gethostbyname(p)',
          '    sqlite3.connect(p)',
          '    L.acquire()',
          '    print(p)',
          '',
        ].join('\n'),
      );
      const rule = (call: string) => blockingHit(facts, site(call))?.rule;
      assert.deepEqual(
        ['time.sleep(1)', 'requests.get(p)', 'subprocess.run(p)', 'os.waitpid(1, 0)', 'open(p)', 'os.path.exists(p)', 'input()', 'socket.gethostbyname(p)', 'sqlite3.connect(p)', 'L.acquire()', 'print(p)'].map(rule),
        [
          'blocking-sleep-in-async',
          'blocking-http-call-in-async',
          'blocking-subprocess-in-async',
          'blocking-process-wait-in-async',
          'blocking-open-in-async',
          'blocking-path-call-in-async',
          'blocking-input-in-async',
          'blocking-socket-call-in-async',
          'blocking-database-call-in-async',
          'blocking-thread-wait-in-async',
          undefined,
        ],
      );
    });

    it('reads the arguments that make a wait bounded or non-blocking', () => {
      const { facts, site } = analyse(
        'import os, queue\nQ = queue.Queue()\nasync def f():\n    Q.get(False)\n    Q.get(True, 1)\n    Q.get(timeout=1)\n    Q.get(*a)\n    Q.get()\n    os.waitpid(-1, os.WNOHANG)\n',
      );
      const blocks = (call: string) => blockingHit(facts, site(call)) !== undefined;
      assert.deepEqual(['Q.get(False)', 'Q.get(True, 1)', 'Q.get(timeout=1)', 'Q.get(*a)', 'Q.get()', 'os.waitpid(-1, os.WNOHANG)'].map(blocks), [false, false, false, false, true, false]);
    });
  });

  describe('calledDefinition()', () => {
    it('finds the one same-file def a name or `self.<name>` calls', () => {
      const text = [
        'def helper(): pass',
        'def twice(): pass',
        'def twice(): pass',
        'assigned = helper',
        'class C:',
        '    def m(self): pass',
        '    async def run(self, other):',
        '        helper()',
        '        twice()',
        '        assigned()',
        '        self.m()',
        '        other.m()',
        '        local()',
        'async def g(helper):',
        '    helper()',
        '',
      ].join('\n');
      const { facts } = analyse(text);
      assert.deepEqual(
        asyncCallSites(facts).map((s) => [s.call.text, s.scope.name, calledDefinition(facts, s)?.name]),
        [
          ['helper()', 'run', 'helper'],
          ['twice()', 'run', undefined],
          ['assigned()', 'run', undefined],
          ['self.m()', 'run', 'm'],
          ['other.m()', 'run', undefined],
          ['local()', 'run', undefined],
          ['helper()', 'g', undefined],
        ],
      );
    });
  });

  describe('asyncLibraryOf()', () => {
    it('is anyio when imported, trio without asyncio, asyncio otherwise, and unknown for trio + asyncio', () => {
      const library = (text: string) => asyncLibraryOf(analyse(text).facts);
      assert.equal(library('import anyio\nimport trio\n'), 'anyio');
      assert.equal(library('from anyio import sleep\n'), 'anyio');
      assert.equal(library('import trio\n'), 'trio');
      assert.equal(library('import trio\nimport asyncio\n'), undefined);
      assert.equal(library('import asyncio\n'), 'asyncio');
      assert.equal(library('from fastapi import FastAPI\n'), 'asyncio');
    });
  });
});
