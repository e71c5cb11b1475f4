// Rule tables of the fastapi family (fastapi-non-annotated-dependency, fastapi-unused-path-parameter,
// fastapi-redundant-response-model): valid / invalid snippets with exact 1-based positions and
// messages (conventions in ../rule-tester.ts), the unsafe fix texts, and the peer of each finding.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { pythonSyntaxError } from '../../helpers/fixtures';
import { expectedError, type PeerCase, peerCases, ruleTester } from '../rule-tester';

const error = expectedError;

const DEPENDENCY = 'fastapi-non-annotated-dependency';
const PATH = 'fastapi-unused-path-parameter';
const RESPONSE = 'fastapi-redundant-response-model';

const HEAD = 'from fastapi import FastAPI, Depends, Query, Path, Body, Header, Security\n\napp = FastAPI()\n\n';
const ANNOTATED_HEAD = 'from typing import Annotated\nfrom fastapi import FastAPI, Depends, Query, Path, Body, Header, Security\n\napp = FastAPI()\n\n';
const declares = (name: string, marker: string) => `\`${name}\` declares FastAPI's \`${marker}(…)\` as its default value: put it in \`Annotated[…]\``;
const missing = (name: string, fn: string) => `Path parameter \`${name}\` is missing from the signature of \`${fn}\``;
const positionalOnly = (name: string, fn: string) => `Path parameter \`${name}\` is positional-only in the signature of \`${fn}\``;
const repeats = (model: string, fn: string) => `\`response_model=${model}\` repeats the return annotation of \`${fn}\``;

ruleTester(DEPENDENCY, {
  valid: [
    `${ANNOTATED_HEAD}@app.get("/")\nasync def f(db: Annotated[str, Depends(get_db)]): ...\n`,
    `${ANNOTATED_HEAD}@app.get("/")\nasync def f(q: Annotated[str, Query()] = "x"): ...\n`,
    // Not a route.
    `${HEAD}async def f(db: str = Depends(get_db)): ...\n`,
    // No annotation (Ruff leaves it too).
    `${HEAD}@app.get("/")\nasync def f(db=Depends(get_db)): ...\n`,
    // Positional-only.
    `${HEAD}@app.get("/")\nasync def f(db: str = Depends(get_db), /): ...\n`,
    // Another library's Depends.
    'from fastapi import FastAPI\nfrom injector import Depends\n\napp = FastAPI()\n\n@app.get("/")\nasync def f(db: str = Depends(get_db)): ...\n',
    // An imported router is not known to be FastAPI's.
    'from fastapi import Depends\nfrom app.api import router\n\n@router.get("/")\nasync def f(db: str = Depends(get_db)): ...\n',
    // `app` rebound to something else before the route.
    `${HEAD}app = make_app()\n\n@app.get("/")\nasync def f(db: str = Depends(get_db)): ...\n`,
    // Starlette's raw route: no injection.
    `${HEAD}@app.route("/")\nasync def f(request, db: str = Depends(get_db)): ...\n`,
  ],
  invalid: [
    {
      code: `${HEAD}@app.get("/")\nasync def f(db: str = Depends(get_db)): ...\n`,
      errors: [error(DEPENDENCY, 6, 13, 6, 38, declares('db', 'Depends'))],
      output: `from fastapi import FastAPI, Depends, Query, Path, Body, Header, Security\nfrom typing import Annotated\n\napp = FastAPI()\n\n@app.get("/")\nasync def f(db: Annotated[str, Depends(get_db)]): ...\n`,
    },
    {
      code: `${ANNOTATED_HEAD}@app.get("/")\nasync def f(q: str | None = Query(None, max_length=5)): ...\n`,
      errors: [error(DEPENDENCY, 7, 13, 7, 54, declares('q', 'Query'))],
      output: `${ANNOTATED_HEAD}@app.get("/")\nasync def f(q: Annotated[str | None, Query(max_length=5)] = None): ...\n`,
    },
    {
      code: `${ANNOTATED_HEAD}@app.post("/")\nasync def f(item: dict = Body(..., embed=True), x: int = Query(default=3, alias="xx")): ...\n`,
      errors: [error(DEPENDENCY, 7, 13, 7, 47, declares('item', 'Body')), error(DEPENDENCY, 7, 49, 7, 86, declares('x', 'Query'))],
      output: `${ANNOTATED_HEAD}@app.post("/")\nasync def f(item: Annotated[dict, Body(embed=True)], x: Annotated[int, Query(alias="xx")] = 3): ...\n`,
    },
    // After a parameter with a default, Depends keeps its default: no fix.
    {
      code: `${ANNOTATED_HEAD}@app.get("/")\nasync def f(q: str = Query("a"), db: str = Depends(get_db)): ...\n`,
      errors: [error(DEPENDENCY, 7, 13, 7, 32, declares('q', 'Query')), error(DEPENDENCY, 7, 34, 7, 59, declares('db', 'Depends'))],
      output: `${ANNOTATED_HEAD}@app.get("/")\nasync def f(q: Annotated[str, Query()] = "a", db: str = Depends(get_db)): ...\n`,
    },
    // Keyword-only parameters need no order.
    {
      code: `${ANNOTATED_HEAD}@app.get("/")\nasync def f(*, q: int = 1, user: str = Security(auth, scopes=["me"])): ...\n`,
      errors: [error(DEPENDENCY, 7, 28, 7, 69, declares('user', 'Security'))],
      output: `${ANNOTATED_HEAD}@app.get("/")\nasync def f(*, q: int = 1, user: Annotated[str, Security(auth, scopes=["me"])]): ...\n`,
    },
    // Two Depends in a row: the second is fixed once the first has lost its default.
    {
      code: `${ANNOTATED_HEAD}@app.get("/")\nasync def f(a: str = Depends(x), b: str = Depends(y)): ...\n`,
      errors: [error(DEPENDENCY, 7, 13, 7, 32, declares('a', 'Depends')), error(DEPENDENCY, 7, 34, 7, 53, declares('b', 'Depends'))],
      output: `${ANNOTATED_HEAD}@app.get("/")\nasync def f(a: Annotated[str, Depends(x)], b: Annotated[str, Depends(y)]): ...\n`,
    },
    // `**options` in the marker: reported, not rewritten.
    {
      code: `${ANNOTATED_HEAD}@app.get("/")\nasync def f(q: str = Query(None, **opts)): ...\n`,
      errors: [error(DEPENDENCY, 7, 13, 7, 41, declares('q', 'Query'))],
      output: null,
    },
    // A parameter annotated app in a factory; Header(...) is required: no default left.
    {
      code: `${ANNOTATED_HEAD}def install(api: FastAPI):\n    @api.get("/")\n    async def f(token: str = Header(...)): ...\n`,
      errors: [error(DEPENDENCY, 8, 17, 8, 41, declares('token', 'Header'))],
      output: `${ANNOTATED_HEAD}def install(api: FastAPI):\n    @api.get("/")\n    async def f(token: Annotated[str, Header()]): ...\n`,
    },
    // Under from __future__ import annotations the fix is unsafe.
    {
      code: `from __future__ import annotations\n${ANNOTATED_HEAD}@app.get("/")\nasync def f(db: str = Depends(get_db)): ...\n`,
      errors: [error(DEPENDENCY, 8, 13, 8, 38, declares('db', 'Depends'))],
      output: null,
    },
  ],
});

ruleTester(PATH, {
  valid: [
    `${HEAD}@app.get("/items/{item_id}")\nasync def f(item_id: int): ...\n`,
    `${HEAD}@app.get("/items/{item_id:path}")\nasync def f(*, item_id: str): ...\n`,
    `${ANNOTATED_HEAD}@app.get("/items/{iid}")\nasync def f(item: Annotated[int, Path(alias="iid")]): ...\n`,
    `${HEAD}def get_item(item_id: int): ...\n\n@app.get("/items/{item_id}")\nasync def f(item=Depends(get_item)): ...\n`,
    `${HEAD}from deps import get_item\n\n@app.get("/items/{item_id}")\nasync def f(item=Depends(get_item)): ...\n`,
    `${HEAD}@app.get("/items/{item-id}")\nasync def f(): ...\n`,
    `${HEAD}@app.get(f"/items/{{item_id}}")\nasync def f(): ...\n`,
    `${HEAD}@app.get(PREFIX + "/{item_id}")\nasync def f(): ...\n`,
    `from flask import Flask\n\napp = Flask(__name__)\n\n@app.get("/items/{item_id}")\ndef f(): ...\n`,
    `${HEAD}def check(item_id: int): ...\n\n@app.get("/items/{item_id}", dependencies=[Depends(check)])\nasync def f(): ...\n`,
    `${ANNOTATED_HEAD}def get_item(item_id: int): ...\n\nItemDep = Annotated[dict, Depends(get_item)]\n\n@app.get("/items/{item_id}")\nasync def f(item: ItemDep): ...\n`,
    `${HEAD}@app.get("/items/{item_id}")\nasync def f(request: Request):\n    return request.path_params["item_id"]\n`,
    `${HEAD}from deps import check\n\n@app.get("/items/{item_id}", dependencies=[Depends(check)])\nasync def f(): ...\n`,
    `from fastapi import APIRouter, Depends\n\ndef check(item_id: int): ...\n\nrouter = APIRouter(dependencies=[Depends(check)])\n\n@router.get("/items/{item_id}")\nasync def f(): ...\n`,
  ],
  invalid: [
    {
      code: `${HEAD}@app.get("/items/{item_id}")\nasync def f(q: str): ...\n`,
      errors: [error(PATH, 5, 18, 5, 27, missing('item_id', 'f'))],
      output: null,
    },
    {
      code: `${HEAD}@app.get("/a/{x}/b/{y:int}")\nasync def read(x: int, z: int = 1): ...\n`,
      errors: [error(PATH, 5, 20, 5, 27, missing('y', 'read'))],
      output: null,
    },
    {
      code: `${HEAD}@app.get(path="/items/{item_id}")\ndef f(): ...\n`,
      errors: [error(PATH, 5, 23, 5, 32, missing('item_id', 'f'))],
      output: null,
    },
    {
      code: `${HEAD}@app.get("/items/{item_id}")\nasync def f(item_id, /): ...\n`,
      errors: [error(PATH, 5, 18, 5, 27, positionalOnly('item_id', 'f'))],
      output: null,
    },
    {
      code: `${HEAD}@app.get("/items/{item_id}")\nasync def f(**kwargs): ...\n`,
      errors: [error(PATH, 5, 18, 5, 27, missing('item_id', 'f'))],
      output: null,
    },
    {
      code: `${HEAD}def other(lorem): ...\n\n@app.get("/things/{thing_id}")\nasync def f(x: str = Depends(other)): ...\n`,
      errors: [error(PATH, 7, 19, 7, 29, missing('thing_id', 'f'))],
      output: null,
    },
    // An unreadable router dependency is taken to need no path parameter.
    {
      code: `from fastapi import APIRouter, Depends\nfrom auth import current_user\n\nrouter = APIRouter(dependencies=[Depends(current_user)])\n\n@router.get("/items/{item_id}")\nasync def f(): ...\n`,
      errors: [error(PATH, 6, 21, 6, 30, missing('item_id', 'f'))],
      output: null,
    },
    {
      code: `${HEAD}@app.get("/v1/" "{item_id}")\nasync def f(): ...\n`,
      errors: [error(PATH, 5, 18, 5, 27, missing('item_id', 'f'))],
      output: null,
    },
  ],
});

ruleTester(RESPONSE, {
  valid: [
    `${HEAD}@app.get("/", response_model=Public)\nasync def f() -> Private: ...\n`,
    `${HEAD}@app.get("/", response_model=list[Item])\nasync def f() -> list[Other]: ...\n`,
    `${HEAD}@app.get("/", response_model=Item)\nasync def f(): ...\n`,
    `${HEAD}@app.get("/")\nasync def f() -> Item: ...\n`,
    `${HEAD}class Item: ...\n\n@app.get("/", response_model=Item)\nasync def f() -> "Item": ...\n`,
    `${HEAD}@app.get("/", response_model=Missing)\nasync def f() -> Missing: ...\n`,
    'from fastapi import FastAPI\nfrom api import router\n\nclass Item: ...\n\n@router.get("/", response_model=Item)\nasync def f() -> Item: ...\n',
  ],
  invalid: [
    {
      code: `${HEAD}class Item: ...\n\n@app.get("/", response_model=Item)\nasync def f() -> Item: ...\n`,
      errors: [error(RESPONSE, 7, 15, 7, 34, repeats('Item', 'f'))],
      output: `${HEAD}class Item: ...\n\n@app.get("/")\nasync def f() -> Item: ...\n`,
    },
    {
      code: `${HEAD}class Item: ...\n\n@app.post("/", response_model=list[Item], status_code=201)\nasync def f() -> list[Item]: ...\n`,
      errors: [error(RESPONSE, 7, 16, 7, 41, repeats('list[Item]', 'f'))],
      output: `${HEAD}class Item: ...\n\n@app.post("/", status_code=201)\nasync def f() -> list[Item]: ...\n`,
    },
    {
      code: `${HEAD}from typing import Dict\nimport schemas\n\n@app.get("/", response_model=Dict[str, schemas.Item])\ndef f() -> Dict[str, schemas.Item]: ...\n`,
      errors: [error(RESPONSE, 8, 15, 8, 53, repeats('Dict[str, schemas.Item]', 'f'))],
      output: `${HEAD}from typing import Dict\nimport schemas\n\n@app.get("/")\ndef f() -> Dict[str, schemas.Item]: ...\n`,
    },
    {
      code: `${HEAD}class Item: ...\n\n@app.get(\n    "/",\n    response_model=Item | None,\n)\nasync def f() -> Item | None: ...\n`,
      errors: [error(RESPONSE, 9, 5, 9, 31, repeats('Item | None', 'f'))],
      output: `${HEAD}class Item: ...\n\n@app.get(\n    "/",\n)\nasync def f() -> Item | None: ...\n`,
    },
    // Another decorator under the route: unsafe.
    {
      code: `${HEAD}class Item: ...\n\n@app.get("/", response_model=Item)\n@cached\nasync def f() -> Item: ...\n`,
      errors: [error(RESPONSE, 7, 15, 7, 34, repeats('Item', 'f'))],
      output: null,
    },
    // from __future__ import annotations: unsafe.
    {
      code: `from __future__ import annotations\n${HEAD}class Item: ...\n\n@app.get("/", response_model=Item)\nasync def f() -> Item: ...\n`,
      errors: [error(RESPONSE, 8, 15, 8, 34, repeats('Item', 'f'))],
      output: null,
    },
    {
      code: `${HEAD}router = fastapi_router = None\nfrom fastapi import APIRouter\nrouter = APIRouter()\n\n@router.get("/", response_model=dict)\n@router.get("/x", response_model=dict)\ndef f() -> dict: ...\n`,
      errors: [error(RESPONSE, 9, 18, 9, 37, repeats('dict', 'f')), error(RESPONSE, 10, 19, 10, 38, repeats('dict', 'f'))],
      output: `${HEAD}router = fastapi_router = None\nfrom fastapi import APIRouter\nrouter = APIRouter()\n\n@router.get("/")\n@router.get("/x")\ndef f() -> dict: ...\n`,
    },
  ],
});

describe('fastapi rules: unsafe fixes', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const cases = [
    { rule: PATH, code: `${HEAD}@app.get("/items/{item_id}")\nasync def f(q: str): ...\n`, output: `${HEAD}@app.get("/items/{item_id}")\nasync def f(q: str, item_id): ...\n` },
    { rule: PATH, code: `${HEAD}@app.get("/a/{x}/b/{y:int}")\nasync def read(x: int, z: int = 1): ...\n`, output: `${HEAD}@app.get("/a/{x}/b/{y:int}")\nasync def read(x: int, y, z: int = 1): ...\n` },
    { rule: PATH, code: `${HEAD}@app.get("/items/{item_id}")\nasync def f(**kwargs): ...\n`, output: `${HEAD}@app.get("/items/{item_id}")\nasync def f(item_id, **kwargs): ...\n` },
    { rule: PATH, code: `${HEAD}@app.get("/items/{item_id}")\nasync def f(x, /, *, q): ...\n`, output: `${HEAD}@app.get("/items/{item_id}")\nasync def f(x, /, item_id, *, q): ...\n` },
    { rule: PATH, code: `${HEAD}@app.get("/items/{item_id}")\nasync def f(q: int = 1, *args): ...\n`, output: `${HEAD}@app.get("/items/{item_id}")\nasync def f(item_id, q: int = 1, *args): ...\n` },
    { rule: PATH, code: `${HEAD}@app.get("/items/{item_id}")\nasync def f(): ...\n`, output: `${HEAD}@app.get("/items/{item_id}")\nasync def f(item_id): ...\n` },
    // A positional-only parameter with a default leaves no valid place: no fix.
    { rule: PATH, code: `${HEAD}@app.get("/items/{item_id}")\nasync def f(a=1, /, b=2): ...\n`, output: `${HEAD}@app.get("/items/{item_id}")\nasync def f(a=1, /, b=2): ...\n` },
    { rule: RESPONSE, code: `${HEAD}class Item: ...\n\n@app.get("/", response_model=Item)\n@cached\nasync def f() -> Item: ...\n`, output: `${HEAD}class Item: ...\n\n@app.get("/")\n@cached\nasync def f() -> Item: ...\n` },
    {
      rule: DEPENDENCY,
      code: `from __future__ import annotations\n${ANNOTATED_HEAD}@app.get("/")\nasync def f(db: str = Depends(get_db)): ...\n`,
      output: `from __future__ import annotations\n${ANNOTATED_HEAD}@app.get("/")\nasync def f(db: Annotated[str, Depends(get_db)]): ...\n`,
    },
  ];
  for (const { rule, code, output } of cases) {
    it(`${rule}: ${code.trim().split('\n').pop()}`, () => {
      const fixed = engine.fixAll(code, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text;
      assert.equal(fixed, output);
      assert.equal(pythonSyntaxError(fixed), null);
      assert.equal(engine.fixAll(fixed, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text, fixed, 'a second pass changed the text');
    });
  }

  it('imports Annotated from typing_extensions below Python 3.9', () => {
    const code = `${HEAD}@app.get("/")\nasync def f(db: str = Depends(get_db)): ...\n`;
    const fixed = engine.fixAll(code, { select: [DEPENDENCY], targetVersion: [3, 8] }, { unsafe: false, rules: new Set([DEPENDENCY]) }).text;
    assert.match(fixed, /^from typing_extensions import Annotated$/m);
    assert.match(fixed, /db: Annotated\[str, Depends\(get_db\)\]/);
  });

  it('reuses an existing typing.Annotated import below Python 3.9', () => {
    const code = `${ANNOTATED_HEAD}@app.get("/")\nasync def f(db: str = Depends(get_db)): ...\n`;
    const fixed = engine.fixAll(code, { select: [DEPENDENCY], targetVersion: [3, 8] }, { unsafe: false, rules: new Set([DEPENDENCY]) }).text;
    assert.equal(fixed, `${ANNOTATED_HEAD}@app.get("/")\nasync def f(db: Annotated[str, Depends(get_db)]): ...\n`);
  });
});

describe('fastapi rules: one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const cases: PeerCase[] = [
    { rule: DEPENDENCY, code: `${HEAD}@app.get("/")\nasync def f(a: str = Depends(x), q: int = Query(1)): ...\n`, peers: ['FAST002', 'FAST002'] },
    { rule: PATH, code: `${HEAD}@app.get("/{a}/{b}")\nasync def f(b, /): ...\n`, peers: ['FAST003', 'FAST003'] },
    { rule: RESPONSE, code: `${HEAD}@app.get("/", response_model=dict)\nasync def f() -> dict: ...\n`, peers: ['FAST001'] },
  ];
  peerCases(() => engine, cases);
});
