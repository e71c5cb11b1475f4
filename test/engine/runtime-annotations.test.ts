// The runtime-evaluated-annotations fact: which defs and classes have their annotations
// read by a framework at runtime, and how the typing fixes treat them.
import assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import {
  configureRuntimeAnnotations,
  isFunctionAtRuntime,
  runtimeReaderOfClass,
  runtimeReaderOfDefinition,
  typeCheckingOnlyNames,
} from '../../src/engine/runtime-annotations';
import { useFacts } from '../helpers/facts';

describe('runtime-evaluated annotations (fact)', () => {
  const { parse, engine } = useFacts();

  /** The framework reading the def or class named `name`, or null. */
  function readerOf(text: string, name: string, settings?: { baseClasses: string[]; decorators: string[] }): string | null {
    const { tree, facts } = parse(text);
    if (settings) configureRuntimeAnnotations(facts, settings);
    const stack: Node[] = [tree.rootNode];
    while (stack.length) {
      const node = stack.pop()!;
      if ((node.type === 'function_definition' || node.type === 'class_definition') && node.childForFieldName('name')?.text === name) {
        const reader = node.type === 'function_definition' ? runtimeReaderOfDefinition(node, facts) : runtimeReaderOfClass(node, facts);
        return reader?.framework ?? null;
      }
      for (const child of node.namedChildren) if (child) stack.push(child);
    }
    throw new Error(`no def or class ${name}`);
  }

  const FASTAPI = 'from fastapi import APIRouter, Depends, FastAPI, Security\n\napp = FastAPI()\nrouter = APIRouter()\n\n';

  it('finds FastAPI routes on an app or router, and dependencies named in Depends / Security', () => {
    const code = `${FASTAPI}def get_db():\n    yield 1\n\ndef auth():\n    return 1\n\ndef helper():\n    return 1\n\n@app.get("/")\ndef index(db=Depends(get_db), user=Security(auth)):\n    return helper()\n\n@router.post("/x")\nasync def create():\n    return None\n`;
    assert.equal(readerOf(code, 'index'), 'FastAPI');
    assert.equal(readerOf(code, 'create'), 'FastAPI');
    assert.equal(readerOf(code, 'get_db'), 'FastAPI');
    assert.equal(readerOf(code, 'auth'), 'FastAPI');
    assert.equal(readerOf(code, 'helper'), null);
    // A router made in another module: the route method and the fastapi import are the evidence.
    assert.equal(readerOf('import fastapi\nfrom .routers import items\n\n@items.get("/{id}")\ndef read(id):\n    return id\n', 'read'), 'FastAPI');
    assert.equal(readerOf('from typing import Annotated\nfrom fastapi import Depends\n\ndef dep():\n    return 1\n\ndef route(x: Annotated[int, Depends(dep)]):\n    return x\n', 'dep'), 'FastAPI');
  });

  it('finds typer and discord.py commands, validate_call and singledispatch implementations', () => {
    assert.equal(readerOf('import typer\n\ncli = typer.Typer()\n\n@cli.command()\ndef hello(name="x"):\n    print(name)\n', 'hello'), 'typer');
    assert.equal(readerOf('import typer\n\ndef main(name="x"):\n    print(name)\n\ntyper.run(main)\n', 'main'), 'typer');
    // click itself ignores annotations: not a known reader (the fixes still treat its decorators as unknown ones).
    assert.equal(readerOf('import click\n\n@click.command()\ndef hello(count=1):\n    print(count)\n', 'hello'), null);
    assert.equal(readerOf('from discord.ext import commands\n\nclass Cog(commands.Cog):\n    @commands.command()\n    async def ping(self, ctx, n=1):\n        pass\n', 'ping'), 'discord.py');
    assert.equal(readerOf('from discord.ext import commands\n\nbot = commands.Bot(command_prefix="!")\n\n@bot.command()\nasync def ping(ctx, n=1):\n    pass\n', 'ping'), 'discord.py');
    assert.equal(readerOf('from pydantic import validate_call\n\n@validate_call\ndef total(a=1):\n    return a\n', 'total'), 'pydantic');
    assert.equal(readerOf('from functools import singledispatch\n\n@singledispatch\ndef show(x):\n    return x\n\n@show.register\ndef _(x: int):\n    return x\n', '_'), 'singledispatch');
  });

  it('finds nothing for plain, static or lookalike decorators', () => {
    assert.equal(readerOf('import functools\n\n@functools.lru_cache\ndef f(a=1):\n    return a\n', 'f'), null);
    // `app.get` without FastAPI or Starlette anywhere in the file is someone else's `get`.
    assert.equal(readerOf('from cache import app\n\n@app.get("k")\ndef f(a=1):\n    return a\n', 'f'), null);
    assert.equal(readerOf('def Depends(x):\n    return x\n\ndef dep():\n    return 1\n\ndef route(d=Depends(dep)):\n    return d\n', 'dep'), null, 'a local Depends');
  });

  it('reads the runtime-evaluated-decorators and -base-classes settings', () => {
    const settings = { baseClasses: ['orm.Model'], decorators: ['app_kit.route'] };
    assert.equal(readerOf('from app_kit import route\n\n@route("/")\ndef f(a=1):\n    return a\n', 'f', settings), 'runtime-evaluated-decorators');
    assert.equal(readerOf('from app_kit import route\n\n@route("/")\ndef f(a=1):\n    return a\n', 'f'), null);
    assert.equal(readerOf('import orm\n\nclass User(orm.Model):\n    name: str\n', 'User', settings), 'runtime-evaluated-base-classes');
  });

  it('finds model classes, through same-file bases too, and a file that calls get_type_hints', () => {
    assert.equal(readerOf('from pydantic import BaseModel\n\nclass Base(BaseModel):\n    id: int\n\nclass Item(Base):\n    name: str\n', 'Item'), 'pydantic');
    assert.equal(readerOf('from pydantic_settings import BaseSettings\n\nclass S(BaseSettings):\n    debug: bool = False\n', 'S'), 'pydantic');
    assert.equal(readerOf('from typing import NamedTuple\n\nclass P(NamedTuple):\n    x: int\n', 'P'), 'typing');
    assert.equal(readerOf('from dataclasses import dataclass\n\n@dataclass\nclass P:\n    x: int\n', 'P'), 'dataclasses');
    assert.equal(readerOf('class P:\n    x: int\n', 'P'), null);
    assert.equal(readerOf('import typing\n\ndef f(a=1):\n    return a\n\nhints = typing.get_type_hints(f)\n', 'f'), 'get_type_hints');
  });

  it('knows what is a function at runtime, and which names exist only for type checkers', () => {
    const { tree, facts } = parse('from typing import NamedTuple, TYPE_CHECKING\nfrom .x import Real\n\nif TYPE_CHECKING:\n    from .weapons import Weapon\n    from . import models\n    from .x import Real\nelse:\n    models = None\n\ndef make():\n    pass\n\na: NamedTuple\nb: make\nc: Real\n');
    const annotation = (name: string) => tree.rootNode.namedChildren.find((s) => s?.text.startsWith(`${name}:`))!.firstNamedChild!.childForFieldName('type')!;
    assert.equal(isFunctionAtRuntime(annotation('a').firstNamedChild!, facts), true);
    assert.equal(isFunctionAtRuntime(annotation('b').firstNamedChild!, facts), true);
    assert.equal(isFunctionAtRuntime(annotation('c').firstNamedChild!, facts), false);
    assert.deepEqual([...typeCheckingOnlyNames(facts)], ['Weapon'], '`models` is bound in the else branch, `Real` outside the guard');
    void engine;
  });
});

describe('runtime-evaluated annotations in the typing fixes', () => {
  const { engine } = useFacts();
  const fixOf = (code: string, rule: string, config = {}) => {
    const findings = engine().analyzeText(code, { select: [rule], ...config });
    assert.equal(findings.length, 1, `${rule}: ${findings.length} findings`);
    const [fix] = findings[0].fixes;
    return fix ? { title: fix.title, safety: fix.safety } : null;
  };

  it('makes adding a route\'s return annotation unsafe, saying it changes the response model', () => {
    const code = 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/")\ndef index():\n    return None\n';
    assert.deepEqual(fixOf(code, 'missing-return-annotation'), { title: "Add `-> None` (unsafe: changes FastAPI's response model)", safety: 'unsafe' });
    assert.deepEqual(fixOf(code.replace('@app.get("/")\n', ''), 'missing-return-annotation'), { title: 'Add `-> None`', safety: 'safe' });
  });

  it('makes annotating a route or command parameter unsafe, saying how parsing changes', () => {
    const route = 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/")\ndef index(page=0) -> list:\n    return []\n';
    assert.deepEqual(fixOf(route, 'missing-parameter-annotation'), { title: 'Annotate `page: int = 0` (unsafe: changes how FastAPI parses the request)', safety: 'unsafe' });
    const command = 'import typer\n\ncli = typer.Typer()\n\n@cli.command()\ndef hello(count=1) -> None:\n    print(count)\n';
    assert.deepEqual(fixOf(command, 'missing-parameter-annotation'), { title: 'Annotate `count: int = 1` (unsafe: changes how typer parses the command line)', safety: 'unsafe' });
    const unknown = 'from tasks import task\n\n@task(retries=3)\ndef run(count=1) -> None:\n    print(count)\n';
    assert.deepEqual(fixOf(unknown, 'missing-parameter-annotation'), { title: 'Annotate `count: int = 1` (unsafe: `@task` may read annotations at runtime)', safety: 'unsafe' });
  });

  it('does not unquote a TYPE_CHECKING-only name where a framework evaluates the annotation', () => {
    const cog = (decorator: string) => `from __future__ import annotations\n\nfrom typing import TYPE_CHECKING\n\nfrom discord.ext import commands\n\nif TYPE_CHECKING:\n    from .weapons import Weapon\n\n\nclass Armory(commands.Cog):\n    ${decorator}async def equip(self, ctx, weapon: "Weapon") -> None:\n        pass\n`;
    assert.deepEqual(engine().analyzeText(cog('@commands.command()\n    '), { select: ['quoted-annotation'] }), []);
    assert.deepEqual(fixOf(cog(''), 'quoted-annotation'), { title: 'Remove the quotes: `Weapon`', safety: 'safe' });
  });

  it('never rewrites a union holding typing.NamedTuple or a same-file function', () => {
    assert.deepEqual(engine().analyzeText('from typing import NamedTuple, Union\n\ndef f(x: Union[NamedTuple, int]) -> None:\n    pass\n', { select: ['typing-union'] }), []);
    assert.deepEqual(engine().analyzeText('from typing import NamedTuple, Optional\n\ndef f(x: Optional[NamedTuple] = None) -> None:\n    pass\n', { select: ['typing-optional'] }), []);
    assert.deepEqual(engine().analyzeText('from typing import Union\n\ndef g():\n    pass\n\ndef f(x: Union[g, int]) -> None:\n    pass\n', { select: ['typing-union'] }), []);
  });

  it('keeps PEP 604 out of a FastAPI dependency on the future-import path below 3.10', () => {
    const code = 'from __future__ import annotations\n\nfrom typing import Optional\n\nfrom fastapi import Depends\n\ndef paging(page: Optional[int] = None) -> int:\n    return page or 0\n\ndef route(p: int = Depends(paging)) -> int:\n    return p\n';
    assert.deepEqual(engine().analyzeText(code, { select: ['typing-optional'], targetVersion: [3, 8] }), []);
    assert.equal(engine().analyzeText(code.replace('Depends(paging)', '0'), { select: ['typing-optional'], targetVersion: [3, 8] }).length, 1);
  });

  it('reads [tool.pymodern.typing] runtime-evaluated-decorators', () => {
    const code = 'from app_kit import route\n\n@route("/")\ndef index():\n    return None\n';
    const typing = { runtimeEvaluatedDecorators: ['app_kit.route'] };
    assert.deepEqual(fixOf(code, 'missing-return-annotation', { typing }), { title: 'Add `-> None` (unsafe: a runtime-evaluated decorator reads it)', safety: 'unsafe' });
  });
});
