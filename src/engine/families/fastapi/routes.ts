// Which defs are FastAPI routes, as Ruff's FAST rules see them: a decorator
// `@<app>.<method>(...)` whose object is provably a `FastAPI()` or `APIRouter()` instance —
// made by an assignment in the decorator's scope (the last one before it) or an enclosing one,
// annotated `app: FastAPI = ...`, or a parameter annotated `app_arg: FastAPI`. A router
// imported from another module is not confirmed, and neither is a name rebound to something
// else (`app = None`): the family reports nothing there, as Ruff does.
import type { Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../facts';
import { APP_CLASSES } from '../../web-routes';

/** The FastAPI app and router classes, by qualified name. */
const FASTAPI_APPS = new Set(['fastapi.FastAPI', 'fastapi.APIRouter', ...[...APP_CLASSES].filter(([, f]) => f === 'fastapi').map(([name]) => name)]);

/**
 * Decorators that register a path operation with dependency injection: the HTTP methods
 * (Ruff's list) plus `api_route` and `websocket`, which read the signature the same way.
 * `route` and `websocket_route` are Starlette's raw routes: no injection, not counted.
 */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'trace', 'api_route', 'websocket']);

export interface FastapiRoute {
  /** The decorator's call, `app.get("/items/{item_id}", response_model=Item)`. */
  call: Node;
  /** The app or router object (`app`, `router`). */
  owner: Node;
  method: string;
  /** The decorator node. */
  decorator: Node;
}

/** The FastAPI route decorators of a def, outermost first. */
export function fastapiRoutes(definition: Node, facts: SemanticFacts): FastapiRoute[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition' || !facts.importsModule('fastapi')) return [];
  const routes: FastapiRoute[] = [];
  for (const decorator of parent.namedChildren) {
    const call = decorator?.type === 'decorator' ? decorator.firstNamedChild : null;
    if (call?.type !== 'call') continue;
    const callee = call.childForFieldName('function');
    const owner = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
    const method = callee?.childForFieldName('attribute')?.text;
    if (!owner || !method || !ROUTE_METHODS.has(method) || !isFastapiApp(owner, facts)) continue;
    routes.push({ call, owner, method, decorator: decorator! });
  }
  return routes;
}

/** True when a name is bound, where it is used, to a FastAPI app or router instance. */
export function isFastapiApp(object: Node, facts: SemanticFacts): boolean {
  if (object.type !== 'identifier') return false;
  const name = object.text;
  const here = facts.scopeOf(object);
  // An import (a router from elsewhere) or a builtin: not provably an app.
  if (facts.lookup(name, here) !== undefined) return false;
  for (let scope: Scope | undefined = here; scope; scope = scope.parent) {
    if (scope !== here && scope.kind === 'class') continue;
    const own = facts.ownBindings(scope);
    if (!own.bindings.has(name)) continue;
    if (own.opaque.has(name)) return false;
    const parameter = own.parameters.get(name);
    if (parameter) return own.assignments.get(name)?.length ? false : isAppType(annotationOfParameter(parameter), facts);
    const values = own.assignments.get(name) ?? [];
    // In the decorator's own scope the last assignment before it holds; from an enclosing
    // scope any of them may, so all must agree.
    const relevant = scope === here ? values.filter((v) => v.at < object.startIndex).slice(-1) : values;
    return relevant.length > 0 && relevant.every(({ value }) => isAppValue(value, facts));
  }
  return false;
}

function isAppValue(value: Node, facts: SemanticFacts): boolean {
  const assignment = value.parent?.type === 'assignment' ? value.parent : undefined;
  if (assignment && isAppType(assignment.childForFieldName('type'), facts)) return true;
  if (value.type !== 'call') return false;
  const callee = value.childForFieldName('function');
  return !!callee && FASTAPI_APPS.has(facts.resolve(callee) ?? '');
}

function isAppType(annotation: Node | null | undefined, facts: SemanticFacts): boolean {
  const expression = annotation?.type === 'type' ? annotation.firstNamedChild : annotation;
  return !!expression && (expression.type === 'identifier' || expression.type === 'attribute') && FASTAPI_APPS.has(facts.resolve(expression) ?? '');
}

function annotationOfParameter(identifier: Node): Node | null {
  const parent = identifier.parent;
  return parent && (parent.type === 'typed_parameter' || parent.type === 'typed_default_parameter') ? parent.childForFieldName('type') : null;
}

/** The route's path: its first positional argument or `path=`, as a `string`/`concatenated_string` node. */
export function routePath(route: FastapiRoute): Node | undefined {
  const args = route.call.childForFieldName('arguments');
  if (!args) return undefined;
  const items = args.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  const first = items[0];
  const path = first && first.type !== 'keyword_argument' ? first : keywordValue(route.call, 'path');
  return path && (path.type === 'string' || path.type === 'concatenated_string') ? path : undefined;
}

/** The value of `name=` in a call. */
export function keywordValue(call: Node, name: string): Node | undefined {
  return keywordArgument(call, name)?.childForFieldName('value') ?? undefined;
}

export function keywordArgument(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName('arguments');
  for (const item of args?.namedChildren ?? []) {
    if (item?.type === 'keyword_argument' && item.childForFieldName('name')?.text === name) return item;
  }
  return undefined;
}
