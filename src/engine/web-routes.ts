// Request handlers: the defs a web framework calls once per request, found by their route
// decorators — `@app.get("/items/{item_id}")` on `app = FastAPI()`, `@router.post(...)` on an
// APIRouter, `@bp.route(...)` on a Flask Blueprint. Shared by the fastapi family (a route's
// path, signature and response model), the llm family (a client built per request) and the
// runtime-annotation facts (a route's signature is read when the app starts).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from './facts';

export type WebFramework = 'fastapi' | 'starlette' | 'flask';

/** App and router classes, by qualified name, and the framework each belongs to. */
export const APP_CLASSES: ReadonlyMap<string, WebFramework> = new Map([
  ['fastapi.FastAPI', 'fastapi'],
  ['fastapi.applications.FastAPI', 'fastapi'],
  ['fastapi.APIRouter', 'fastapi'],
  ['fastapi.routing.APIRouter', 'fastapi'],
  ['starlette.applications.Starlette', 'starlette'],
  ['starlette.routing.Router', 'starlette'],
  ['flask.Flask', 'flask'],
  ['flask.app.Flask', 'flask'],
  ['flask.Blueprint', 'flask'],
  ['flask.blueprints.Blueprint', 'flask'],
]);

/** Decorator methods that register a route, per framework. */
export const ROUTE_METHODS: Readonly<Record<WebFramework, ReadonlySet<string>>> = {
  fastapi: new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'trace', 'api_route', 'websocket', 'api_websocket_route', 'route', 'websocket_route']),
  starlette: new Set(['route', 'websocket_route']),
  flask: new Set(['route', 'get', 'post', 'put', 'patch', 'delete']),
};

export interface RouteDecorator {
  /** The decorator's call (`app.get("/items/{item_id}", response_model=Item)`). */
  call: Node;
  framework: WebFramework;
  /** `get`, `post`, `api_route`, `route`… */
  method: string;
  /**
   * True when the app object is known to be an instance of one of APP_CLASSES (made by a
   * module-level call in this file); false when only the method name and the file's imports
   * say so (a router imported from another module).
   */
  confirmed: boolean;
}

/** What a module-level `name = Cls(...)` (or `name: T = Cls(...)`) builds, as a qualified class name. */
export function instanceClass(object: Node, facts: SemanticFacts): string | undefined {
  if (object.type !== 'identifier') return undefined;
  const module = facts.ownBindings(facts.moduleScope);
  const values = module.assignments.get(object.text);
  if (!values?.length || module.opaque.has(object.text)) return undefined;
  let found: string | undefined;
  for (const { value } of values) {
    const callee = value.type === 'call' ? value.childForFieldName('function') : null;
    const qualified = callee ? facts.resolve(callee) : undefined;
    if (!qualified || (found && found !== qualified)) return undefined;
    found = qualified;
  }
  return found;
}

/** The route a decorator expression registers, if it is a route decorator. */
export function routeDecorator(decorator: Node, facts: SemanticFacts): RouteDecorator | undefined {
  if (decorator.type !== 'call') return undefined;
  const callee = decorator.childForFieldName('function');
  if (callee?.type !== 'attribute') return undefined;
  const object = callee.childForFieldName('object');
  const method = callee.childForFieldName('attribute')?.text;
  if (!object || !method) return undefined;
  const owner = instanceClass(object, facts);
  const framework = owner ? APP_CLASSES.get(owner) : undefined;
  if (framework) return ROUTE_METHODS[framework].has(method) ? { call: decorator, framework, method, confirmed: true } : undefined;
  if (owner) return undefined;
  // A router made elsewhere (`from .api import router`): the method and the file's imports.
  for (const candidate of ['fastapi', 'starlette', 'flask'] as const) {
    if (ROUTE_METHODS[candidate].has(method) && facts.importsModule(candidate)) return { call: decorator, framework: candidate, method, confirmed: false };
  }
  return undefined;
}

/** The route decorators of a def, outermost first (a def may serve several routes). */
export function routesOf(definition: Node, facts: SemanticFacts): RouteDecorator[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  const routes: RouteDecorator[] = [];
  for (const child of parent.namedChildren) {
    const expression = child?.type === 'decorator' ? child.firstNamedChild : null;
    const route = expression ? routeDecorator(expression, facts) : undefined;
    if (route) routes.push(route);
  }
  return routes;
}
