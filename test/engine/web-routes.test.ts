// Route decorators: which defs a web framework calls per request, through the app object's
// class (confirmed) or only the method name and the file's imports (a router from elsewhere).
import assert from 'node:assert/strict';
import { routesOf } from '../../src/engine/web-routes';
import { useFacts } from '../helpers/facts';

describe('web routes', () => {
  const snippets = useFacts();
  const routes = (text: string) => {
    const { tree, facts } = snippets.parse(text);
    const defs = tree.rootNode.descendantsOfType('function_definition').filter((d): d is NonNullable<typeof d> => !!d);
    return defs.map((d) => `${d.childForFieldName('name')!.text}: ${routesOf(d, facts).map((r) => `${r.framework}.${r.method}${r.confirmed ? '' : '?'}`).join(', ')}`);
  };

  it('knows FastAPI apps and routers, Flask apps and blueprints, by their class', () => {
    const text = [
      'from fastapi import APIRouter, FastAPI',
      'import flask',
      'app = FastAPI()',
      'router: APIRouter = APIRouter(prefix="/v1")',
      'bp = flask.Blueprint("bp", __name__)',
      '@app.get("/a")',
      '@app.post("/a")',
      'def a(): ...',
      '@router.api_route("/b", methods=["GET"])',
      'async def b(): ...',
      '@bp.route("/c")',
      'def c(): ...',
      '@app.middleware("http")',
      'async def d(request, call_next): ...',
      'def e(): ...',
    ].join('\n');
    assert.deepEqual(routes(text), ['a: fastapi.get, fastapi.post', 'b: fastapi.api_route', 'c: flask.route', 'd: ', 'e: ']);
  });

  it('marks a router from another module as unconfirmed, and ignores look-alikes', () => {
    assert.deepEqual(routes('import fastapi\nfrom .deps import router\n@router.get("/x")\ndef x(): ...\n'), ['x: fastapi.get?']);
    assert.deepEqual(routes('class Cache:\n    def get(self, key): ...\ncache = Cache()\n@cache.get("k")\ndef y(): ...\n'), ['get: ', 'y: ']);
  });
});
