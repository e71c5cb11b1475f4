// fastapi-unused-path-parameter (Ruff FAST003): `@app.get("/items/{item_id}")` on a def with
// no `item_id` parameter (nor an alias or dependency that takes it). The unsafe fix adds the
// parameter where Ruff adds it: after the last positional parameter without a default.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';
import type { TextEdit } from '../../../types';
import { aliasOf, dependencyCallsOf, providedNames } from '../dependencies';
import { type FastapiRoute, fastapiRoutes, keywordValue, routePath } from '../routes';
import { parametersOf, type RouteParameter } from '../signature';

/** A path parameter as Starlette compiles it: `{name}` or `{name:converter}`. */
const PATH_PARAMETER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::([^{}]*))?\}/g;
/** The Python type a Starlette converter hands over, for the hover's annotation. */
const CONVERTER_TYPES: Record<string, string> = { int: 'int', float: 'float', uuid: 'uuid.UUID', path: 'str', str: 'str' };

export function createFastapiUnusedPathParameter(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const definition = captures.def;
      if (!definition || !context.isSound(definition)) return;
      // `request.path_params["item_id"]`: the handler reads its path parameters itself.
      if (/\bpath_params\b/.test(definition.childForFieldName('body')?.text ?? '')) return;
      const parameters = parametersOf(definition);
      const functionName = definition.childForFieldName('name')?.text ?? '';
      for (const route of fastapiRoutes(definition, facts)) {
        const path = routePath(route);
        const placeholders = path ? pathParameters(path) : [];
        if (!placeholders.length) continue;
        const known = knownNames(route, parameters, facts);
        if (!known) continue;
        const reported = new Set<string>();
        for (const { name, type, start, end } of placeholders) {
          if (known.has(name) || reported.has(name)) continue;
          reported.add(name);
          const positionalOnly = parameters.some((p) => p.kind === 'positional-only' && p.name === name);
          const edit = positionalOnly ? undefined : insertion(definition, parameters, name);
          context.report({
            node: path!,
            range: { start, end },
            data: { name, problem: positionalOnly ? 'is positional-only in' : 'is missing from', function: functionName },
            fixes: edit ? [{ title: `Add \`${name}\` to the signature of \`${functionName}\` (unsafe: a new required parameter)`, safety: 'unsafe', edits: [edit] }] : [],
            suggestion: positionalOnly ? undefined : suggestedHeader(context.text, definition, insertion(definition, parameters, `${name}: ${type}`)),
            peer: 'FAST003',
          });
        }
      }
    },
  };
}

/** The `{name}` placeholders of a literal path, with their offsets; none for an f-string or bytes. */
interface PathParameter {
  name: string;
  /** What the value is once the converter ran: `int` for `{n:int}`, else `str`. */
  type: string;
  start: number;
  end: number;
}

function pathParameters(path: Node): PathParameter[] {
  const strings = path.type === 'concatenated_string' ? path.namedChildren.filter((n): n is Node => n?.type === 'string') : [path];
  const found: PathParameter[] = [];
  for (const string of strings) {
    const open = string.children.find((c) => c?.type === 'string_start');
    const close = string.children.find((c) => c?.type === 'string_end');
    if (!open || !close || /[fFbBtT]/.test(open.text) || string.children.some((c) => c?.type === 'interpolation')) return [];
    const content = string.text.slice(open.endIndex - string.startIndex, close.startIndex - string.startIndex);
    for (const match of content.matchAll(PATH_PARAMETER)) {
      const start = open.endIndex + match.index!;
      found.push({ name: match[1], type: CONVERTER_TYPES[match[2] ?? 'str'] ?? 'str', start, end: start + match[0].length });
    }
  }
  return found;
}

/** Every name the route's signature and dependencies take from the request; undefined when a dependency cannot be read. */
function knownNames(route: FastapiRoute, parameters: RouteParameter[], facts: SemanticFacts): Set<string> | undefined {
  const known = new Set<string>();
  const dependencies: { call: Node; annotatedType?: Node }[] = [];
  for (const parameter of parameters) {
    if (parameter.kind !== 'positional' && parameter.kind !== 'keyword-only') continue;
    known.add(aliasOf(parameter.annotation, parameter.default, facts) ?? parameter.name);
    dependencies.push(...dependencyCallsOf(parameter.annotation, parameter.default, facts));
  }
  // `dependencies=[Depends(check_item)]` on the decorator run for the route: one that cannot be
  // read may take the parameter. The router's run for all its routes, so one that took a
  // route's own path parameter would break every route without it: unknown ones there are
  // assumed to take none (usually authentication), known ones are read.
  const decoratorList = keywordValue(route.call, 'dependencies');
  const routerList = routerDependencies(route.owner, facts);
  for (const [list, strict] of [[decoratorList, true], [routerList, false]] as const) {
    if (!list) continue;
    if (list.type !== 'list' && list.type !== 'tuple') {
      if (strict) return undefined;
      continue;
    }
    for (const item of list.namedChildren) {
      if (!item || item.type === 'comment') continue;
      const names = dependencyCallsOf(undefined, item, facts).length === 1 ? providedNames(item, undefined, facts) : undefined;
      if (!names && strict) return undefined;
      for (const name of names ?? []) known.add(name);
    }
  }
  for (const { call, annotatedType } of dependencies) {
    const names = providedNames(call, annotatedType, facts);
    if (!names) return undefined;
    for (const name of names) known.add(name);
  }
  return known;
}

/** The `dependencies=` of the `APIRouter(...)`/`FastAPI(...)` call that made the route's owner. */
function routerDependencies(owner: Node, facts: SemanticFacts): Node | undefined {
  for (let scope: ReturnType<SemanticFacts['scopeOf']> | undefined = facts.scopeOf(owner); scope; scope = scope.parent) {
    const values = facts.ownBindings(scope).assignments.get(owner.text);
    if (!values?.length) continue;
    for (const { value } of values) {
      const dependencies = value.type === 'call' ? keywordValue(value, 'dependencies') : undefined;
      if (dependencies) return dependencies;
    }
    return undefined;
  }
  return undefined;
}

/** The def's header with the typed parameter inserted, for the hover. */
function suggestedHeader(text: string, definition: Node, edit: TextEdit | undefined): string | undefined {
  const list = definition.childForFieldName('parameters');
  if (!edit || !list) return undefined;
  const header = text.slice(definition.startIndex, edit.start) + edit.newText + text.slice(edit.start, list.endIndex);
  return '```python\n' + header + ': ...\n```';
}

/** Ruff's insertion point for a new parameter; undefined when no place keeps the signature valid. */
function insertion(definition: Node, parameters: RouteParameter[], name: string): TextEdit | undefined {
  const list = definition.childForFieldName('parameters')!;
  const positional = parameters.filter((p) => p.kind === 'positional');
  const positionalOnly = parameters.filter((p) => p.kind === 'positional-only');
  const lastRequired = positional.filter((p) => !p.default).pop();
  if (lastRequired) return { start: lastRequired.node.endIndex, end: lastRequired.node.endIndex, newText: `, ${name}` };
  if (positionalOnly.some((p) => p.default)) return undefined;
  if (positional.length) return { start: positional[0].node.startIndex, end: positional[0].node.startIndex, newText: `${name}, ` };
  const items = list.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  const slash = items.find((n) => n.type === 'positional_separator');
  if (slash) {
    const comma = slash.nextSibling;
    return comma?.type === ',' ? { start: comma.endIndex, end: comma.endIndex, newText: ` ${name},` } : { start: slash.endIndex, end: slash.endIndex, newText: `, ${name}` };
  }
  const star = items[0];
  if (star) return { start: star.startIndex, end: star.startIndex, newText: `${name}, ` };
  const open = list.firstChild;
  return open?.type === '(' ? { start: open.endIndex, end: open.endIndex, newText: name } : undefined;
}
