// Runtime-evaluated annotations, a semantic fact: which defs and classes have their
// annotations read by a framework while the program runs. FastAPI turns a route's return
// annotation into its response model and its parameters into request parsing; pydantic
// builds model fields from them; typer and discord.py convert command arguments by them;
// singledispatch dispatches on them. A fix that adds, unquotes or respells an annotation
// there changes what the program does, so the typing fixes read this fact.
// Pure analysis of the file: frameworks are recognised through imports, never imported.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from './facts';
import { APP_CLASSES as WEB_APP_CLASSES, instanceClass, ROUTE_METHODS as WEB_ROUTE_METHODS } from './web-routes';

/** Who reads a def's or class's annotations at runtime, and what an annotation changes there. */
export interface RuntimeReader {
  /** `FastAPI`, `pydantic`, `typer`, `discord.py`, … or `a decorator` for one we do not know. */
  framework: string;
  /** What a return annotation added or changed does, for fix titles: "changes FastAPI's response model". */
  returnEffect: string;
  /** What a parameter annotation added or changed does: "changes how FastAPI parses the request". */
  parameterEffect: string;
}

/** What `[tool.pymodern.typing]` adds (Ruff's flake8-type-checking settings of the same names). */
export interface RuntimeEvaluatedSettings {
  /** Qualified names of base classes whose subclasses' annotations are read (`sqlmodel.SQLModel`). */
  baseClasses: readonly string[];
  /** Qualified names of decorators that read the decorated def's or class's annotations (`attrs.define`). */
  decorators: readonly string[];
}

const reader = (framework: string, returnEffect: string, parameterEffect: string): RuntimeReader => ({ framework, returnEffect, parameterEffect });

const FASTAPI_ROUTE = reader('FastAPI', "changes FastAPI's response model", 'changes how FastAPI parses the request');
const FASTAPI_DEPENDENCY = reader('FastAPI', "changes how FastAPI resolves the dependency", 'changes how FastAPI parses the request');
const PYDANTIC_CALL = reader('pydantic', 'pydantic validates the return value against it', 'pydantic validates the argument against it');
const PYDANTIC_MODEL = reader('pydantic', 'pydantic reads the annotations', 'pydantic builds the field from it');
const TYPER = reader('typer', 'typer reads the command signature', 'changes how typer parses the command line');
const DISCORD = reader('discord.py', 'discord.py reads the command signature', 'changes how discord.py converts the argument');
const SINGLEDISPATCH = reader('singledispatch', 'singledispatch reads the annotations', 'changes which type singledispatch dispatches on');
const DATACLASS = reader('dataclasses', 'the class decorator reads the annotations', 'the class decorator builds the field from it');
const TYPE_HINTS = reader('get_type_hints', 'this file reads annotations with get_type_hints', 'this file reads annotations with get_type_hints');
const CONFIGURED = reader('runtime-evaluated-decorators', 'a runtime-evaluated decorator reads it', 'a runtime-evaluated decorator reads it');
const CONFIGURED_BASE = reader('runtime-evaluated-base-classes', 'a runtime-evaluated base class reads it', 'a runtime-evaluated base class reads it');

/** Decorators, by qualified name, that read the decorated function's annotations. */
const FUNCTION_DECORATORS: Record<string, RuntimeReader> = {
  'pydantic.validate_call': PYDANTIC_CALL,
  'pydantic.validate_arguments': PYDANTIC_CALL,
  'pydantic.decorator.validate_arguments': PYDANTIC_CALL,
  'pydantic.validate_call_decorator.validate_call': PYDANTIC_CALL,
  'discord.ext.commands.command': DISCORD,
  'discord.ext.commands.hybrid_command': DISCORD,
  'discord.ext.commands.group': DISCORD,
  'discord.ext.commands.hybrid_group': DISCORD,
  'discord.app_commands.command': DISCORD,
  'discord.app_commands.context_menu': DISCORD,
};

/** Classes whose instances' decorator methods register routes or commands. */
const APP_CLASSES: Record<string, { methods: ReadonlySet<string>; reads: RuntimeReader }> = {};
const ROUTE_METHODS = WEB_ROUTE_METHODS.fastapi;
// FastAPI and Starlette read a route's signature when the app starts; Flask does not.
for (const [name, framework] of WEB_APP_CLASSES) {
  if (framework !== 'flask') APP_CLASSES[name] = { methods: ROUTE_METHODS, reads: FASTAPI_ROUTE };
}
APP_CLASSES['typer.Typer'] = { methods: new Set(['command', 'callback']), reads: TYPER };
for (const name of ['discord.ext.commands.Bot', 'discord.ext.commands.AutoShardedBot', 'discord.Client', 'discord.app_commands.CommandTree', 'discord.app_commands.Group']) {
  APP_CLASSES[name] = { methods: new Set(['command', 'hybrid_command', 'group', 'hybrid_group']), reads: DISCORD };
}

/** Base classes, by qualified name, whose subclasses' annotations are read when the class is made or used. */
const MODEL_BASES: Record<string, RuntimeReader> = {};
for (const name of ['pydantic.BaseModel', 'pydantic.main.BaseModel', 'pydantic.BaseSettings', 'pydantic_settings.BaseSettings', 'pydantic.generics.GenericModel', 'pydantic.RootModel', 'pydantic.v1.BaseModel', 'sqlmodel.SQLModel']) {
  MODEL_BASES[name] = PYDANTIC_MODEL;
}
for (const name of ['typing.NamedTuple', 'typing_extensions.NamedTuple', 'typing.TypedDict', 'typing_extensions.TypedDict']) {
  MODEL_BASES[name] = reader('typing', 'the class reads its annotations when it is made', 'the class reads its annotations when it is made');
}
for (const name of ['sqlalchemy.orm.DeclarativeBase', 'sqlalchemy.orm.DeclarativeBaseNoMeta', 'sqlalchemy.orm.MappedAsDataclass']) {
  MODEL_BASES[name] = reader('SQLAlchemy', 'SQLAlchemy maps the column from it', 'SQLAlchemy maps the column from it');
}
for (const name of ['discord.ext.commands.Converter', 'discord.ext.commands.FlagConverter']) MODEL_BASES[name] = DISCORD;

/** Class decorators that read the class's annotations. */
const CLASS_DECORATORS: Record<string, RuntimeReader> = {};
for (const name of ['dataclasses.dataclass', 'pydantic.dataclasses.dataclass', 'attr.s', 'attr.attrs', 'attr.define', 'attr.frozen', 'attr.mutable', 'attrs.define', 'attrs.frozen', 'attrs.mutable', 'attr.dataclass']) {
  CLASS_DECORATORS[name] = DATACLASS;
}

/** Functions that read the annotations of whatever they are given: any annotation of the file may be read. */
const TYPE_HINT_FUNCTIONS = new Set(['typing.get_type_hints', 'typing_extensions.get_type_hints', 'inspect.get_annotations', 'annotationlib.get_annotations']);

/** The settings of one analysis (the engine sets them with the facts). */
const settingsByFacts = new WeakMap<SemanticFacts, RuntimeEvaluatedSettings>();

/** Gives the analysis's `runtime-evaluated-*` settings to the fact (Engine, once per SemanticFacts). */
export function configureRuntimeAnnotations(facts: SemanticFacts, settings: RuntimeEvaluatedSettings): void {
  if (settings.baseClasses.length || settings.decorators.length) settingsByFacts.set(facts, settings);
}

interface FileReaders {
  /** Names passed to `Depends(...)` / `Security(...)`, and `typer.run(...)`'s function. */
  called: Map<string, RuntimeReader>;
  /** The file calls typing.get_type_hints (or inspect.get_annotations): any annotation may be read. */
  readsAll: boolean;
  defs: Map<number, RuntimeReader | null>;
  classes: Map<number, RuntimeReader | null>;
}

const byFacts = new WeakMap<SemanticFacts, FileReaders>();

function fileReaders(facts: SemanticFacts): FileReaders {
  let known = byFacts.get(facts);
  if (known) return known;
  known = { called: new Map(), readsAll: false, defs: new Map(), classes: new Map() };
  byFacts.set(facts, known);
  const text = facts.text;
  const root = facts.tree.rootNode;
  // Text first, the tree only where the words are: most files mention none of these.
  for (const match of text.matchAll(/\b(Depends|Security|run|get_type_hints|get_annotations)\s*\(/g)) {
    const name = root.descendantForIndex(match.index!, match.index! + match[1].length);
    const callee = name?.parent?.type === 'attribute' && name.parent.childForFieldName('attribute')?.equals(name) ? name.parent : name;
    const call = callee?.parent;
    if (!callee || call?.type !== 'call' || !call.childForFieldName('function')?.equals(callee)) continue;
    const qualified = facts.resolve(callee);
    if (!qualified) continue;
    if (TYPE_HINT_FUNCTIONS.has(qualified)) {
      known.readsAll = true;
      continue;
    }
    const first = call.childForFieldName('arguments')?.namedChildren.find((a) => a && a.type !== 'comment');
    const target = first?.type === 'keyword_argument' && first.childForFieldName('name')?.text === 'dependency' ? first.childForFieldName('value') : first;
    if (target?.type !== 'identifier') continue;
    if (/^fastapi(?:\.params|\.param_functions)?\.(?:Depends|Security)$/.test(qualified)) known.called.set(target.text, FASTAPI_DEPENDENCY);
    else if (qualified === 'typer.run') known.called.set(target.text, TYPER);
  }
  return known;
}

/** The qualified name a decorator (or base) expression stands for, its call stripped. */
function calleeOf(expression: Node): Node {
  return expression.type === 'call' ? (expression.childForFieldName('function') ?? expression) : expression;
}

/** The decorator expressions of a def or class, outermost first (the typing family's shape facts use it too). */
export function decoratorsOf(definition: Node): Node[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren.flatMap((child) => (child?.type === 'decorator' && child.firstNamedChild ? [child.firstNamedChild] : []));
}

function decoratorReader(decorator: Node, facts: SemanticFacts, settings: RuntimeEvaluatedSettings | undefined): RuntimeReader | undefined {
  const callee = calleeOf(decorator);
  const qualified = facts.resolve(callee);
  if (qualified) {
    if (settings?.decorators.includes(qualified)) return CONFIGURED;
    if (FUNCTION_DECORATORS[qualified]) return FUNCTION_DECORATORS[qualified];
  }
  if (callee.type !== 'attribute') return undefined;
  const object = callee.childForFieldName('object');
  const method = callee.childForFieldName('attribute')?.text;
  if (!object || !method) return undefined;
  // `@app.get("/items")` on `app = FastAPI()`, `@cli.command()` on `cli = typer.Typer()`.
  const owner = instanceClass(object, facts);
  const app = owner ? APP_CLASSES[owner] : undefined;
  if (app?.methods.has(method)) return app.reads;
  // `@square.register` of a singledispatch function; `@router.get(...)` of a router made elsewhere.
  if (method === 'register' && (facts.importsModule('functools') || /\bsingledispatch/.test(facts.text))) return SINGLEDISPATCH;
  if (decorator.type === 'call') {
    if (ROUTE_METHODS.has(method) && (facts.importsModule('fastapi') || facts.importsModule('starlette'))) return FASTAPI_ROUTE;
    if ((method === 'command' || method === 'callback') && facts.importsModule('typer')) return TYPER;
    if (/^(?:hybrid_)?(?:command|group)$/.test(method) && facts.importsModule('discord')) return DISCORD;
  }
  return undefined;
}

/**
 * Who reads a def's annotations at runtime: a route, command, validated call or
 * singledispatch implementation by its decorators, a FastAPI dependency by a
 * `Depends(name)` in the file, anything in a file that calls `typing.get_type_hints`.
 */
export function runtimeReaderOfDefinition(definition: Node, facts: SemanticFacts): RuntimeReader | undefined {
  const readers = fileReaders(facts);
  const settings = settingsByFacts.get(facts);
  const known = readers.defs.get(definition.startIndex);
  if (known !== undefined) return known ?? undefined;
  let found: RuntimeReader | undefined;
  for (const decorator of decoratorsOf(definition)) {
    found = decoratorReader(decorator, facts, settings);
    if (found) break;
  }
  const name = definition.childForFieldName('name')?.text;
  if (!found && name && readers.called.has(name) && facts.scopeOf(definition) === facts.moduleScope) found = readers.called.get(name);
  if (!found && readers.readsAll) found = TYPE_HINTS;
  readers.defs.set(definition.startIndex, found ?? null);
  return found;
}

/**
 * Who reads a class body's annotations at runtime: a pydantic model, a NamedTuple or
 * TypedDict, an SQLAlchemy declarative model, a dataclass or attrs class, or a class
 * deriving from one of them in the same file.
 */
export function runtimeReaderOfClass(classNode: Node, facts: SemanticFacts, depth = 0): RuntimeReader | undefined {
  const readers = fileReaders(facts);
  const settings = settingsByFacts.get(facts);
  const known = readers.classes.get(classNode.startIndex);
  if (known !== undefined) return known ?? undefined;
  let found: RuntimeReader | undefined;
  for (const decorator of decoratorsOf(classNode)) {
    const qualified = facts.resolve(calleeOf(decorator));
    if (!qualified) continue;
    if (settings?.decorators.includes(qualified)) found = CONFIGURED;
    else found = CLASS_DECORATORS[qualified];
    if (found) break;
  }
  const bases = classNode.childForFieldName('superclasses')?.namedChildren ?? [];
  for (const base of bases) {
    if (found || !base || base.type === 'keyword_argument' || base.type === 'comment') continue;
    const head = base.type === 'subscript' ? (base.childForFieldName('value') ?? base) : base;
    const qualified = facts.resolve(head);
    if (qualified) {
      found = settings?.baseClasses.includes(qualified) ? CONFIGURED_BASE : MODEL_BASES[qualified];
      continue;
    }
    // A same-file base that is itself read at runtime (`class Item(Base)` where `class Base(BaseModel)`).
    if (head.type === 'identifier' && depth < 8) {
      const parents = facts.moduleDefinitions(head.text).filter((d) => d.type === 'class_definition' && d.startIndex < classNode.startIndex);
      if (parents.length === 1) found = runtimeReaderOfClass(parents[0], facts, depth + 1);
    }
  }
  if (!found && readers.readsAll) found = TYPE_HINTS;
  readers.classes.set(classNode.startIndex, found ?? null);
  return found;
}

/** The def or class whose annotation slot an annotation is (a parameter, a return, a class-level field). */
export function annotationOwner(annotation: Node, facts: SemanticFacts): { kind: 'def' | 'class'; node: Node } | undefined {
  const parent = annotation.parent;
  if (parent?.type === 'function_definition') return { kind: 'def', node: parent };
  if (parent?.type === 'typed_parameter' || parent?.type === 'typed_default_parameter') {
    const definition = parent.parent?.parent;
    if (definition?.type === 'function_definition') return { kind: 'def', node: definition };
    return undefined;
  }
  const scope = facts.scopeOf(annotation);
  return scope.kind === 'class' ? { kind: 'class', node: scope.node } : undefined;
}

/** Who reads this annotation at runtime, if anyone is known to. */
export function runtimeReaderOfAnnotation(annotation: Node, facts: SemanticFacts): RuntimeReader | undefined {
  const owner = annotationOwner(annotation, facts);
  if (owner?.kind === 'def') return runtimeReaderOfDefinition(owner.node, facts);
  if (owner?.kind === 'class') return runtimeReaderOfClass(owner.node, facts);
  return fileReaders(facts).readsAll && facts.scopeOf(annotation) === facts.moduleScope ? TYPE_HINTS : undefined;
}

/** `typing.NamedTuple` and friends are functions, so `NamedTuple | None` raises TypeError when evaluated. */
const FUNCTIONS_SPELLED_AS_TYPES = new Set(['typing.NamedTuple', 'typing_extensions.NamedTuple', 'typing.TypedDict', 'typing_extensions.TypedDict', 'typing.NewType']);

/**
 * True when a type expression names something that is a function at runtime — typing's
 * NamedTuple / TypedDict, or a def of this file — so `|` cannot combine it with another type.
 */
export function isFunctionAtRuntime(expression: Node, facts: SemanticFacts): boolean {
  const head = expression.type === 'subscript' || expression.type === 'generic_type' ? (expression.childForFieldName('value') ?? expression.firstNamedChild) : expression;
  if (!head || (head.type !== 'identifier' && head.type !== 'attribute')) return false;
  const qualified = facts.resolve(head);
  if (qualified) return FUNCTIONS_SPELLED_AS_TYPES.has(qualified);
  if (head.type !== 'identifier') return false;
  const definitions = facts.moduleDefinitions(head.text);
  return definitions.length > 0 && definitions.every((d) => d.type === 'function_definition');
}

const typeCheckingOnly = new WeakMap<SemanticFacts, ReadonlySet<string>>();

/**
 * Module-level names bound only by imports under `if TYPE_CHECKING:` (relative imports
 * included): they do not exist when the program runs, so an annotation evaluated at runtime
 * must keep them quoted.
 */
export function typeCheckingOnlyNames(facts: SemanticFacts): ReadonlySet<string> {
  let known = typeCheckingOnly.get(facts);
  if (known) return known;
  const guarded = new Set<string>();
  const elsewhere = new Set<string>();
  let star = false;
  if (facts.text.includes('TYPE_CHECKING')) {
    const visit = (block: Node, underGuard: boolean) => {
      for (const statement of block.namedChildren) {
        if (!statement) continue;
        if (statement.type === 'import_statement' || statement.type === 'import_from_statement') {
          if (statement.namedChildren.some((c) => c?.type === 'wildcard_import')) star = true;
          for (const name of importedNames(statement)) (underGuard ? guarded : elsewhere).add(name);
        } else if (statement.type === 'if_statement') {
          const condition = statement.childForFieldName('condition')?.text.replace(/\s+/g, '');
          const guard = !!condition && /^(?:typing\.|t\.)?TYPE_CHECKING$/.test(condition);
          for (const part of statement.namedChildren) {
            if (!part) continue;
            if (part.type === 'block') visit(part, underGuard || (guard && part.equals(statement.childForFieldName('consequence')!)));
            else if (part.type === 'else_clause' || part.type === 'elif_clause') visit(part.childForFieldName('body') ?? part.childForFieldName('consequence') ?? part, underGuard);
          }
        } else if (statement.type === 'try_statement' || statement.type === 'block' || statement.type.endsWith('_clause')) {
          visit(statement, underGuard);
        }
      }
    };
    visit(facts.tree.rootNode, false);
  }
  const module = facts.ownBindings(facts.moduleScope);
  known = star ? new Set() : new Set([...guarded].filter((name) => !elsewhere.has(name) && !module.bindings.has(name)));
  typeCheckingOnly.set(facts, known);
  return known;
}

/** The names an import statement binds: `a` for `import a.b`, `z` for `from x import y as z`. */
function importedNames(statement: Node): string[] {
  const names: string[] = [];
  const moduleName = statement.childForFieldName('module_name');
  for (const child of statement.namedChildren) {
    if (!child || child.equals(moduleName ?? child.parent!)) continue;
    if (moduleName && child.startIndex === moduleName.startIndex) continue;
    if (child.type === 'aliased_import') {
      const alias = child.childForFieldName('alias');
      if (alias) names.push(alias.text);
    } else if (child.type === 'dotted_name') {
      const first = child.firstNamedChild;
      if (first) names.push(statement.type === 'import_statement' ? first.text : child.text);
    }
  }
  return names;
}
