// Which defs the fastapi family takes for routes (src/engine/families/fastapi/routes.ts): the
// app or router must provably be a FastAPI()/APIRouter() where the decorator uses it, as Ruff
// infers it; and how a signature's parameters are classified (signature.ts).
import assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { fastapiRoutes } from '../../src/engine/families/fastapi/routes';
import { parametersOf } from '../../src/engine/families/fastapi/signature';
import { useFacts } from '../helpers/facts';

function functionsOf(root: Node): Node[] {
  const found: Node[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'function_definition') found.push(node);
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return found.sort((a, b) => a.startIndex - b.startIndex);
}

describe('fastapi routes', () => {
  const snippets = useFacts();
  const routed = (text: string) => {
    const { tree, facts } = snippets.parse(text);
    return functionsOf(tree.rootNode)
      .filter((def) => fastapiRoutes(def, facts).length)
      .map((def) => def.childForFieldName('name')!.text);
  };

  it('takes routes of apps and routers made or annotated in the file', () => {
    const text = [
      'import fastapi',
      'from fastapi import FastAPI, APIRouter',
      'from .api import router as imported',
      'app = FastAPI()',
      'api: FastAPI = build()',
      'router = fastapi.APIRouter(prefix="/x")',
      '@app.get("/")\ndef a(): ...',
      '@api.post("/")\ndef b(): ...',
      '@router.api_route("/", methods=["GET"])\ndef c(): ...',
      '@imported.get("/")\ndef d(): ...',
      '@app.route("/")\ndef e(): ...',
      'def install(target: APIRouter, other: str):',
      '    local = FastAPI()',
      '    @target.get("/")\n    def f(): ...',
      '    @other.get("/")\n    def g(): ...',
      '    @local.websocket("/")\n    async def h(ws): ...',
      'app = None',
      '@app.get("/")\ndef i(): ...',
    ].join('\n');
    assert.deepEqual(routed(text), ['a', 'b', 'c', 'f', 'h']);
  });

  it('takes nothing from a file that does not import fastapi', () => {
    assert.deepEqual(routed('from flask import Flask\napp = Flask(__name__)\n@app.get("/")\ndef a(): ...\n'), []);
  });

  it('classifies parameters by kind, with annotation and default', () => {
    const { tree } = snippets.parse('def f(a, b: int = 1, /, c=2, *args: str, d, e: int = 3, **kw): ...\n');
    const shape = parametersOf(functionsOf(tree.rootNode)[0]).map((p) => `${p.name}:${p.kind}${p.annotation ? ':T' : ''}${p.default ? '=' : ''}`);
    assert.deepEqual(shape, ['a:positional-only', 'b:positional-only:T=', 'c:positional=', 'args:var-positional:T', 'd:keyword-only', 'e:keyword-only:T=', 'kw:var-keyword']);
  });
});
