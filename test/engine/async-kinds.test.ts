// Kind inference through attributes and annotations (families/async/kinds.ts over
// value-origins.ts): what `self.config.cookies_path`, `revision.file` or a module-level
// `client: httpx.Client = …` holds, and — as important — when the source does not prove it.
import assert from 'node:assert/strict';
import { blockingHit } from '../../src/engine/families/async/blocking';
import { asyncCallSites } from '../../src/engine/families/async/call-sites';
import { kindOf } from '../../src/engine/families/async/kinds';
import { nodeSpanning, useFacts } from '../helpers/facts';

const PATH = 'pathlib.Path';

describe('async kinds through attributes and annotations', () => {
  const snippets = useFacts();

  /** The kind of the last occurrence of `expression` in the source. */
  function kindIn(lines: string[], expression: string): string | undefined {
    const text = lines.join('\n') + '\n';
    const { tree, facts } = snippets.parse(text, [3, 12]);
    const offset = text.lastIndexOf(expression);
    assert.notEqual(offset, -1, expression);
    return kindOf(facts, nodeSpanning(tree, offset, expression.length, expression));
  }

  describe('attributes of same-file classes', () => {
    const CONFIG = [
      'import pathlib',
      'from pathlib import Path',
      'class Config:',
      '    def __init__(self, root: str) -> None:',
      '        self.cookies_path = pathlib.Path(root) / "cookies.json"',
      '        self.token = root',
    ];

    it('`self.config.cookies_path`: the bot assigns `Config(...)`, Config assigns a Path in `__init__`', () => {
      const bot = ['class Bot:', '    def __init__(self):', '        self.config = Config("/tmp")', '    async def on_ready(self):', '        self.config.cookies_path.is_file()'];
      assert.equal(kindIn([...CONFIG, ...bot], 'self.config.cookies_path'), PATH);
      assert.equal(kindIn([...CONFIG, ...bot], 'self.config'), 'class:' + [...CONFIG, ''].join('\n').indexOf('class Config'));
      assert.equal(kindIn([...CONFIG, ...bot, '        self.config.token'], 'self.config.token'), undefined, 'a str parameter is no kind');
    });

    it('the owner declared by annotation: a class-level `config: Config`, a parameter, a local', () => {
      const declared = ['class Bot:', '    config: Config', '    async def run(self):', '        self.config.cookies_path.unlink()'];
      assert.equal(kindIn([...CONFIG, ...declared], 'self.config.cookies_path'), PATH);
      assert.equal(kindIn([...CONFIG, 'async def f(config: Config):', '    config.cookies_path.rename("x")'], 'config.cookies_path'), PATH);
      assert.equal(kindIn([...CONFIG, 'async def f():', '    config = Config("/")', '    config.cookies_path.rename("x")'], 'config.cookies_path'), PATH);
    });

    it('class-level annotations: dataclasses, pydantic models, `self.x: T` in a method', () => {
      const dataclass = ['from dataclasses import dataclass, field', 'from pathlib import Path', '@dataclass', 'class Revision:', '    file: Path', '    number: int = 0'];
      assert.equal(kindIn([...dataclass, 'async def show(revision: Revision):', '    return revision.file.read_text()'], 'revision.file'), PATH);
      assert.equal(kindIn([...dataclass, 'async def show(n):', '    revision = Revision(Path(n))', '    return revision.file.read_text()'], 'revision.file'), PATH);
      const withDefault = ['from dataclasses import dataclass, field', 'from pathlib import Path', '@dataclass', 'class R:', '    file: Path = field(default_factory=Path.cwd)', 'async def f(r: R):', '    r.file'];
      assert.equal(kindIn(withDefault, 'r.file'), PATH, 'the declared type, whatever the default spec');
      const pydantic = ['from pathlib import Path', 'from pydantic import BaseModel', 'class Settings(BaseModel):', '    data_dir: Path', 'async def f(s: Settings):', '    s.data_dir'];
      assert.equal(kindIn(pydantic, 's.data_dir'), PATH);
      const selfAnnotated = ['from pathlib import Path', 'class C:', '    def __init__(self, p):', '        self.out: Path = p', '    async def f(self):', '        self.out'];
      assert.equal(kindIn(selfAnnotated, 'self.out'), PATH);
    });

    it('`None` is no evidence: a method call on it fails, so the other values decide', () => {
      const lines = ['import subprocess', 'class Worker:', '    def __init__(self):', '        self.proc = None', '    def start(self):', '        self.proc = subprocess.Popen(["x"])', '    async def stop(self):', '        self.proc'];
      assert.equal(kindIn(lines, 'self.proc'), 'subprocess.Popen');
      assert.equal(kindIn(['class W:', '    def __init__(self):', '        self.proc = None', '    async def f(self):', '        self.proc'], 'self.proc'), undefined, 'only None: unknown');
    });

    it('unknown: an attribute reassigned to another type anywhere, or bound opaquely', () => {
      const reassigned = [...CONFIG, '    def reset(self):', '        self.cookies_path = str(self.cookies_path)', 'async def f(c: Config):', '    c.cookies_path'];
      assert.equal(kindIn(reassigned, 'c.cookies_path'), undefined);
      const fromOutside = [...CONFIG, 'def load(c: Config, raw):', '    c.cookies_path = raw', 'async def f(c: Config):', '    c.cookies_path'];
      assert.equal(kindIn(fromOutside, 'c.cookies_path'), undefined, 'an `obj.attr = …` elsewhere may reach any instance');
      const closure = [...CONFIG, '        def later():', '            self.cookies_path = "x"', 'async def f(c: Config):', '    c.cookies_path'];
      assert.equal(kindIn(closure, 'c.cookies_path'), undefined, 'a nested def writing through `self` counts too');
      const unpacked = [...CONFIG, '    def swap(self, a, b):', '        self.cookies_path, self.token = a, b', 'async def f(c: Config):', '    c.cookies_path'];
      assert.equal(kindIn(unpacked, 'c.cookies_path'), undefined);
      const conflicting = ['import anyio', 'from pathlib import Path', 'class C:', '    p: Path', '    def __init__(self, x):', '        self.p = anyio.Path(x)', 'async def f(c: C):', '    c.p'];
      assert.equal(kindIn(conflicting, 'c.p'), undefined, 'declared Path, assigned an anyio.Path: they disagree');
    });

    it('unknown: a property, a method, an enum member, a subclass that overrides', () => {
      const property = ['from pathlib import Path', 'class C:', '    @property', '    def p(self) -> Path:', '        return Path("x")', 'async def f(c: C):', '    c.p'];
      assert.equal(kindIn(property, 'c.p'), undefined);
      const enumClass = ['import enum', 'from pathlib import Path', 'class Where(enum.Enum):', '    DATA = Path("data")', 'async def f(w: Where):', '    w.DATA'];
      assert.equal(kindIn(enumClass, 'w.DATA'), undefined, 'an enum member is no Path');
      const enumInit = ['import enum', 'from pathlib import Path', 'class Where(enum.Enum):', '    DATA = "data"', '    def __init__(self, name):', '        self.path = Path(name)', 'async def f(w: Where):', '    w.path'];
      assert.equal(kindIn(enumInit, 'w.path'), PATH, 'what `__init__` assigns through `self` holds in any class');
      const metaclass = ['import subprocess', 'class P(metaclass=Final):', '    def __init__(self, popen: subprocess.Popen):', '        self._proc = popen', '    async def wait(self):', '        self._proc'];
      assert.equal(kindIn(metaclass, 'self._proc'), 'subprocess.Popen');
      assert.equal(kindIn(['from pathlib import Path', 'class P(metaclass=Final):', '    root = Path("x")', 'async def f():', '    P().root'], 'P().root'), undefined, 'a metaclass may make the call return anything');
      const subclass = ['from pathlib import Path', 'class A:', '    def __init__(self):', '        self.p = Path("a")', 'class B(A):', '    p = "b"', 'async def f(a: A):', '    a.p'];
      assert.equal(kindIn(subclass, 'a.p'), undefined, 'an instance of `A` may be a `B`');
      assert.equal(kindIn(['from pathlib import Path', 'class A:', '    pass', 'async def f(a: A):', '    a.p'], 'a.p'), undefined, 'never bound: unknown');
    });

    it('unknown: a class of another module, a factory function, a shadowed or doubly defined class', () => {
      assert.equal(kindIn(['from .config import Config', 'class Bot:', '    def __init__(self):', '        self.config = Config()', '    async def f(self):', '        self.config.cookies_path'], 'self.config.cookies_path'), undefined);
      assert.equal(kindIn(['from settings import config', 'async def f():', '    config.cookies_path'], 'config.cookies_path'), undefined, 'an attribute of another module');
      assert.equal(kindIn([...CONFIG, 'def load_config(): ...', 'async def f():', '    c = load_config()', '    c.cookies_path'], 'c.cookies_path'), undefined);
      assert.equal(kindIn([...CONFIG, 'async def f(Config):', '    c = Config()', '    c.cookies_path'], 'c.cookies_path'), undefined, 'a parameter shadows the class');
      assert.equal(kindIn([...CONFIG, 'async def f():', '    Config = load()', '    Config().cookies_path'], 'Config().cookies_path'), undefined, 'a local shadows the class');
      assert.equal(kindIn([...CONFIG, '    async def f(self, other):', '        self = other', '        self.cookies_path'], 'self.cookies_path'), undefined, '`self` rebound');
      assert.equal(kindIn([...CONFIG, 'Config = make_config_class()', 'async def f():', '    Config().cookies_path'], 'Config().cookies_path'), undefined);
      assert.equal(kindIn([...CONFIG, 'class Config:', '    cookies_path = "x"', 'async def f():', '    Config().cookies_path'], 'Config().cookies_path'), undefined, 'two classes of one name');
    });
  });

  describe('annotations', () => {
    it('variable annotations at module, function and class level declare the kind of a value of unknown origin', () => {
      const module = ['import httpx', 'client: httpx.Client = make_client()', 'async def f():', '    client'];
      assert.equal(kindIn(module, 'client'), 'httpx.Client');
      const local = ['from io import TextIOWrapper', 'async def f():', '    f: TextIOWrapper = get()', '    f'];
      assert.equal(kindIn(local, 'f'), 'file');
      const classBody = ['from io import TextIOWrapper', 'class H:', '    log: TextIOWrapper = open_log()', '    async def go(self):', '        self.log'];
      assert.equal(kindIn(classBody, 'self.log'), 'file');
    });

    it('an unannotated reassignment of unknown kind still makes a name unknown', () => {
      assert.equal(kindIn(['from pathlib import Path', 'async def f(p: Path):', '    p = str(p)', '    p'], 'p'), undefined);
      assert.equal(kindIn(['import httpx', 'client: httpx.Client = make()', 'client = other()', 'async def f():', '    client'], 'client'), undefined);
    });

    it('Optional, `| None`, Annotated, Final, ClassVar and module-level aliases are seen through; unions and strings are not', () => {
      const header = ['import typing', 'from typing import Annotated, Final, Optional, Union', 'from pathlib import Path', 'from sqlalchemy.orm import Session', 'SessionDep = Annotated[Session, Depends(get_db)]'];
      const kind = (annotation: string) => kindIn([...header, `async def f(x: ${annotation}):`, '    x'], 'x');
      assert.equal(kind('Optional[Path]'), PATH, 'a method call only runs when it is the Path');
      assert.equal(kind('Path | None'), PATH);
      assert.equal(kind('typing.Optional[Path]'), PATH);
      assert.equal(kind('Annotated[Session, Depends(get_db)]'), 'sqlalchemy.orm.Session');
      assert.equal(kind('SessionDep'), 'sqlalchemy.orm.Session');
      assert.equal(kind('Final[Path]'), PATH);
      assert.equal(kind('Path | str'), undefined, '`str` has a `replace` too');
      assert.equal(kind('Union[Path, str]'), undefined);
      assert.equal(kind('"Path"'), undefined);
    });
  });

  describe('SQLAlchemy sessions and engines', () => {
    const HEADER = [
      'from sqlalchemy import create_engine',
      'from sqlalchemy.orm import Session, sessionmaker, scoped_session',
      'from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine',
      'engine = create_engine("sqlite://")',
      'SessionLocal = sessionmaker(bind=engine)',
      'AsyncLocal = sessionmaker(engine, class_=AsyncSession)',
      'SyncToo = sessionmaker(engine, class_=Session)',
      'Maker = async_sessionmaker(create_async_engine("x"))',
      'registry = scoped_session(SessionLocal)',
    ];
    const kind = (body: string[], expression: string) => kindIn([...HEADER, 'async def f():', ...body.map((l) => `    ${l}`)], expression);

    it('sync sessions from Session(engine), a sessionmaker, `with … as`, `.begin()` and scoped_session', () => {
      assert.equal(kind(['s = SessionLocal()', 's'], 's'), 'sqlalchemy.orm.Session');
      assert.equal(kind(['with Session(engine) as s:', '    s'], 's'), 'sqlalchemy.orm.Session');
      assert.equal(kind(['with SessionLocal.begin() as s:', '    s'], 's'), 'sqlalchemy.orm.Session');
      assert.equal(kind(['s = SyncToo()', 's'], 's'), 'sqlalchemy.orm.Session');
      assert.equal(kind(['registry'], 'registry'), 'sqlalchemy.orm.Session');
      assert.equal(kind(['with engine.connect() as conn:', '    conn'], 'conn'), 'sqlalchemy.Connection');
    });

    it('async ones are never sync sessions: `class_=AsyncSession`, async_sessionmaker, an unknown `class_`', () => {
      assert.equal(kind(['s = AsyncLocal()', 's'], 's'), 'sqlalchemy.ext.asyncio.AsyncSession');
      assert.equal(kind(['s = Maker()', 's'], 's'), 'sqlalchemy.ext.asyncio.AsyncSession');
      assert.equal(kindIn([...HEADER, 'Custom = sessionmaker(engine, class_=MySession)', 'async def f():', '    s = Custom()', '    s'], 's'), undefined);
      assert.equal(kindIn([...HEADER, 'Splat = sessionmaker(**options)', 'async def f():', '    s = Splat()', '    s'], 's'), undefined);
    });

    it('an awaited method call never blocks, whatever the receiver was declared', () => {
      const text = [...HEADER, 'async def f(db: Session):', '    await db.execute(q)', '    db.execute(q)', ''].join('\n');
      const { facts } = snippets.parse(text, [3, 12]);
      const hits = asyncCallSites(facts).map((site) => blockingHit(facts, site)?.name);
      assert.deepEqual(hits.filter(Boolean), ['sqlalchemy.orm.Session.execute']);
    });
  });
  describe('LLM SDK clients and their resources', () => {
    const HEAD = ['from openai import OpenAI, AsyncOpenAI', 'from anthropic import Anthropic', 'client = OpenAI()', 'aclient = AsyncOpenAI()'];

    it('a sync client, its resources through attributes, and with_raw_response', () => {
      assert.equal(kindIn([...HEAD, 'client'], 'client'), 'llm.openai');
      assert.equal(kindIn([...HEAD, 'client.chat.completions'], 'client.chat.completions'), 'llm.openai.chat.completions');
      assert.equal(kindIn([...HEAD, 'client.embeddings.with_raw_response'], 'client.embeddings.with_raw_response'), 'llm.openai.embeddings');
      assert.equal(kindIn([...HEAD, 'class A:', '    def __init__(self):', '        self.c = Anthropic()', '    async def f(self):', '        self.c.messages'], 'self.c.messages'), 'llm.anthropic.messages');
    });

    it('no resource kind for async clients, unknown attributes or unknown owners', () => {
      assert.equal(kindIn([...HEAD, 'aclient.chat.completions'], 'aclient.chat.completions'), undefined);
      assert.equal(kindIn([...HEAD, 'client.files'], 'client.files'), undefined);
      assert.equal(kindIn([...HEAD, 'def f(c):', '    c.chat.completions'], 'c.chat.completions'), undefined);
    });

    it('a request on a sync client in a coroutine is a blocking HTTP call; awaited, it is not', () => {
      const text = [...HEAD, 'async def f():', '    client.chat.completions.create(model="m")', '    await aclient.chat.completions.create(model="m")', ''].join('\n');
      const { facts } = snippets.parse(text, [3, 12]);
      const hits = asyncCallSites(facts).map((site) => blockingHit(facts, site)?.name).filter(Boolean);
      assert.deepEqual(hits, ['llm.openai.chat.completions.create']);
    });
  });
});
