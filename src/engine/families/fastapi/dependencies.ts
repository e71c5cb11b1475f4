// The names a route's dependencies take from the request: FastAPI fills a dependency's own
// parameters (and its sub-dependencies') from the path as it fills the route's, so a path
// parameter used only by `Depends(get_item)` is not missing from the route. Read from the
// dependency's definition in this file; anything else is unknown.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { annotatedParts, callArguments, markerOf, parametersOf } from './signature';

/** Names a dependency call provides, or undefined when the dependency cannot be read. */
export type ProvidedNames = Set<string> | undefined;

const MAX_DEPTH = 5;
const MODEL_BASES = new Set(['pydantic.BaseModel', 'pydantic.main.BaseModel', 'sqlmodel.SQLModel', 'sqlmodel.main.SQLModel']);
const DATACLASS = new Set(['dataclasses.dataclass', 'pydantic.dataclasses.dataclass']);

/** The dependency calls of a parameter: `Depends(...)`/`Security(...)` in its default or its `Annotated[...]`. */
export function dependencyCallsOf(annotation: Node | undefined, defaultValue: Node | undefined, facts: SemanticFacts): { call: Node; annotatedType?: Node }[] {
  const found: { call: Node; annotatedType?: Node }[] = [];
  const parts = annotatedParts(annotation, facts) ?? annotatedParts(aliasValue(annotation, facts), facts);
  const type = parts ? parts[0] : annotation?.firstNamedChild ?? undefined;
  for (const metadata of parts?.slice(1) ?? []) if (isDependency(metadata, facts)) found.push({ call: metadata, annotatedType: type });
  if (defaultValue && isDependency(defaultValue, facts)) found.push({ call: defaultValue, annotatedType: type });
  return found;
}

/** `SessionDep` in `db: SessionDep`: the value of a module-level `SessionDep = Annotated[...]`. */
function aliasValue(annotation: Node | undefined, facts: SemanticFacts): Node | undefined {
  const name = annotation?.type === 'type' ? annotation.firstNamedChild : annotation;
  if (name?.type !== 'identifier') return undefined;
  const module = facts.ownBindings(facts.moduleScope);
  const values = module.assignments.get(name.text);
  return values?.length === 1 && !facts.moduleDefinitions(name.text).length ? values[0].value : undefined;
}

function isDependency(node: Node, facts: SemanticFacts): boolean {
  const marker = markerOf(node, facts);
  return marker === 'Depends' || marker === 'Security';
}

/** The `alias=` string of a parameter's FastAPI marker, if any. */
export function aliasOf(annotation: Node | undefined, defaultValue: Node | undefined, facts: SemanticFacts): string | undefined {
  const candidates = [...(annotatedParts(annotation, facts)?.slice(1) ?? []), ...(defaultValue ? [defaultValue] : [])];
  for (const candidate of candidates) {
    if (!markerOf(candidate, facts)) continue;
    const alias = callArguments(candidate).keywords.find((k) => k.childForFieldName('name')?.text === 'alias')?.childForFieldName('value');
    const content = alias?.type === 'string' && !alias.children.some((c) => c?.type === 'interpolation') ? alias.namedChildren.find((c) => c?.type === 'string_content')?.text : undefined;
    if (content !== undefined) return content;
  }
  return undefined;
}

/** The request names a `Depends(...)`/`Security(...)` call consumes (its callable's parameters, recursively). */
export function providedNames(call: Node, annotatedType: Node | undefined, facts: SemanticFacts, depth = 0): ProvidedNames {
  if (depth > MAX_DEPTH) return undefined;
  const { positional, keywords, splats } = callArguments(call);
  if (splats.length) return undefined;
  const target = positional[0] ?? keywords.find((k) => k.childForFieldName('name')?.text === 'dependency')?.childForFieldName('value') ?? annotatedType;
  if (target?.type !== 'identifier') return undefined;
  const definition = moduleDefinition(target, facts);
  if (!definition) return undefined;
  if (definition.type === 'function_definition') return signatureNames(definition, facts, depth, false);
  return classNames(definition, facts, depth);
}

/** The one module-level def or class a name means, when nothing else binds it. */
function moduleDefinition(name: Node, facts: SemanticFacts): Node | undefined {
  const scope = facts.scopeOf(name);
  for (let s: typeof scope | undefined = scope; s && s.kind !== 'module'; s = s.parent) if (facts.ownBindings(s).bindings.has(name.text)) return undefined;
  const module = facts.ownBindings(facts.moduleScope);
  // (defs and classes count as opaque bindings: only assignments and imports rival the definition)
  if (module.assignments.get(name.text)?.length || facts.moduleScope.imports.has(name.text)) return undefined;
  const definitions = facts.moduleDefinitions(name.text);
  return definitions.length === 1 ? definitions[0] : undefined;
}

/** A def's fillable parameter names (alias or name) plus its dependencies'. */
function signatureNames(definition: Node, facts: SemanticFacts, depth: number, skipFirst: boolean): ProvidedNames {
  const names = new Set<string>();
  const parameters = parametersOf(definition).filter((p) => p.kind === 'positional' || p.kind === 'keyword-only' || (skipFirst && p.kind === 'positional-only'));
  for (const parameter of skipFirst ? parameters.slice(1) : parameters) {
    if (parameter.kind === 'positional-only') continue;
    names.add(aliasOf(parameter.annotation, parameter.default, facts) ?? parameter.name);
    for (const { call, annotatedType } of dependencyCallsOf(parameter.annotation, parameter.default, facts)) {
      const inner = providedNames(call, annotatedType, facts, depth + 1);
      if (!inner) return undefined;
      for (const name of inner) names.add(name);
    }
  }
  return names;
}

/** A class dependency: a model's or dataclass's fields, else its `__init__`'s parameters. */
function classNames(definition: Node, facts: SemanticFacts, depth: number): ProvidedNames {
  const body = definition.childForFieldName('body');
  const bases = (definition.childForFieldName('superclasses')?.namedChildren ?? []).filter((n): n is Node => !!n);
  const decorators = definition.parent?.type === 'decorated_definition' ? definition.parent.namedChildren.filter((c): c is Node => c?.type === 'decorator') : [];
  const isDataclass = decorators.some((d) => {
    const expression = d.firstNamedChild;
    const callee = expression?.type === 'call' ? expression.childForFieldName('function') : expression;
    return !!callee && DATACLASS.has(facts.resolve(callee) ?? '');
  });
  if (isDataclass || bases.some((b) => MODEL_BASES.has(facts.resolve(b) ?? ''))) {
    const fields = new Set<string>();
    for (const statement of body?.namedChildren ?? []) {
      const assignment = statement?.type === 'expression_statement' ? statement.firstNamedChild : null;
      const left = assignment?.type === 'assignment' && assignment.childForFieldName('type') ? assignment.childForFieldName('left') : null;
      if (left?.type === 'identifier') fields.add(left.text);
    }
    return bases.length && !isDataclass && bases.some((b) => !MODEL_BASES.has(facts.resolve(b) ?? '')) ? undefined : fields;
  }
  for (const statement of body?.namedChildren ?? []) {
    const def = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === '__init__') return signatureNames(def, facts, depth, true);
  }
  // No `__init__` of its own: `object()` takes nothing; an inherited one is unknown.
  return bases.length ? undefined : new Set();
}
