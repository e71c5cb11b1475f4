// What the pydantic family reads: files that import pydantic (not only its `pydantic.v1`
// shim, which is v1 on purpose), in projects that run pydantic 2, and the classes of such a
// file that are models — deriving from BaseModel, BaseSettings or GenericModel, directly or
// through a same-file base. A base imported from another module of the project is unknown,
// so its subclasses are not models here: a false positive costs more than a miss.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckFactory } from '../../checks/context';
import { inBranchTesting } from '../../compat-branches';
import type { SemanticFacts } from '../../facts';

export type ModelKind = 'model' | 'settings' | 'generic';

export interface ModelClass {
  node: Node;
  name: string;
  /** `settings` for BaseSettings subclasses (SettingsConfigDict), `generic` for GenericModel ones. */
  kind: ModelKind;
}

/** Qualified names of the pydantic bases, and the kind of model each makes. */
export const MODEL_BASES: ReadonlyMap<string, ModelKind> = new Map([
  ['pydantic.BaseModel', 'model'],
  ['pydantic.main.BaseModel', 'model'],
  ['pydantic.RootModel', 'model'],
  ['pydantic.BaseSettings', 'settings'],
  ['pydantic.env_settings.BaseSettings', 'settings'],
  ['pydantic_settings.BaseSettings', 'settings'],
  ['pydantic.generics.GenericModel', 'generic'],
]);

/** True when a qualified name is under `pydantic.v1`: code that keeps the v1 API deliberately. */
export function isV1Shim(qualified: string): boolean {
  return qualified === 'pydantic.v1' || qualified.startsWith('pydantic.v1.');
}

/**
 * The family runs on this file: it imports pydantic (or pydantic_settings) other than
 * through `pydantic.v1`, and the project's pydantic is 2 or later (see RuleConfig.pydanticVersion).
 */
export function pydanticApplies(context: CheckContext): boolean {
  const version = context.config.pydanticVersion;
  if (version && version[0] < 2) return false;
  return importsPydantic(context.facts);
}

const imported = new WeakMap<SemanticFacts, boolean>();

export function importsPydantic(facts: SemanticFacts): boolean {
  let known = imported.get(facts);
  if (known === undefined) {
    known = facts.imports.some(({ qualified }) => (qualified === 'pydantic' || qualified.startsWith('pydantic.') || qualified === 'pydantic_settings' || qualified.startsWith('pydantic_settings.')) && !isV1Shim(qualified));
    imported.set(facts, known);
  }
  return known;
}

const modelsByFacts = new WeakMap<SemanticFacts, Map<number, ModelClass>>();

/** Every model class of the file, by its class_definition's start offset. */
export function modelClasses(facts: SemanticFacts): ReadonlyMap<number, ModelClass> {
  let models = modelsByFacts.get(facts);
  if (models) return models;
  models = new Map();
  modelsByFacts.set(facts, models);
  if (!importsPydantic(facts)) return models;
  // Document order: a same-file base is defined before the classes deriving from it.
  for (const scope of facts.scopes) {
    if (scope.kind !== 'class') continue;
    const kind = modelKind(scope.node, facts, models);
    const name = scope.node.childForFieldName('name')?.text;
    if (kind && name) models.set(scope.node.startIndex, { node: scope.node, name, kind });
  }
  return models;
}

/** The model a class_definition node is, if it is one. */
export function modelOf(classNode: Node, facts: SemanticFacts): ModelClass | undefined {
  return modelClasses(facts).get(classNode.startIndex);
}

/** The model whose body directly holds `node` (a field, a method, a nested `class Config`). */
export function enclosingModel(node: Node, facts: SemanticFacts): ModelClass | undefined {
  const scope = facts.scopeOf(node);
  return scope.kind === 'class' ? modelOf(scope.node, facts) : undefined;
}

/** The same-file model classes named `name` at module level, if exactly one class has that name. */
export function modelNamed(name: string, facts: SemanticFacts): ModelClass | undefined {
  const definitions = facts.moduleDefinitions(name);
  if (definitions.length !== 1 || definitions[0].type !== 'class_definition') return undefined;
  return modelOf(definitions[0], facts);
}

/** The first base of a model that is a model class defined earlier in the same file. */
export function sameFileModelBase(model: ModelClass, facts: SemanticFacts): ModelClass | undefined {
  for (const base of model.node.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (base?.type !== 'identifier') continue;
    const definitions = facts.moduleDefinitions(base.text).filter((d) => d.type === 'class_definition' && d.startIndex < model.node.startIndex);
    const found = definitions.length === 1 ? modelOf(definitions[0], facts) : undefined;
    if (found) return found;
  }
  return undefined;
}

function modelKind(classNode: Node, facts: SemanticFacts, known: ReadonlyMap<number, ModelClass>): ModelKind | undefined {
  const bases = classNode.childForFieldName('superclasses')?.namedChildren ?? [];
  let kind: ModelKind | undefined;
  for (const base of bases) {
    if (!base || base.type === 'keyword_argument' || base.type === 'comment') continue;
    const head = base.type === 'subscript' ? (base.childForFieldName('value') ?? base) : base;
    const qualified = facts.resolve(head);
    let found: ModelKind | undefined;
    if (qualified) found = MODEL_BASES.get(qualified);
    else if (head.type === 'identifier') {
      const parents = facts.moduleDefinitions(head.text).filter((d) => d.type === 'class_definition' && d.startIndex < classNode.startIndex);
      if (parents.length === 1) found = known.get(parents[0].startIndex)?.kind;
    }
    // Settings win over plain models (`class S(Mixin, BaseSettings)`); generic over plain.
    if (found === 'settings' || (found && !kind)) kind = found;
    else if (found === 'generic' && kind === 'model') kind = found;
  }
  return kind;
}

/**
 * True when the node sits in a branch chosen by the installed pydantic version
 * (`if PYDANTIC_V1:`, `if IS_PYDANTIC_V2: … else: …`, `if pydantic.VERSION.startswith("1.")`,
 * `if hasattr(m, "model_dump")`, `x if PYDANTIC_V2 else y`): code that supports v1 and v2 side by side on purpose, as the
 * OpenAI/Anthropic SDKs and openapi-pydantic do. Neither branch is a migration to make.
 */
export function inVersionCompatBranch(node: Node): boolean {
  return inBranchTesting(node, PYDANTIC_VERSION_TEST);
}

/** A test that reads the pydantic version (`PYDANTIC_V1`, `pydantic.VERSION`) or probes for the v2 API (`hasattr(m, "model_dump")`). */
const PYDANTIC_VERSION_TEST = /pydantic|version|\bV[12]\b|_V[12]\b|\bmodel_(?:dump|validate|fields|copy|json_schema|rebuild|construct|config)/i;

/**
 * The family's checks, each reporting nothing inside a pydantic-version compat branch (see
 * inVersionCompatBranch): one filter for every rule instead of a test in each check.
 */
export function outsideCompatBranches(checks: Record<string, CheckFactory>): Record<string, CheckFactory> {
  const wrapped: Record<string, CheckFactory> = {};
  for (const [id, factory] of Object.entries(checks)) {
    wrapped[id] = (context) => factory({ ...context, report: (report) => (inVersionCompatBranch(report.node) ? undefined : context.report(report)) });
  }
  return wrapped;
}
