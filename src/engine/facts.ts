// Semantic facts shared by every rule of one analysis: imports and aliases, scopes (which
// function encloses a node, and whether it is async), local bindings that shadow imports,
// and the target Python version. Computed lazily, at most once per parse.
import { Query, type Language, type Node, type QueryMatch, type Tree } from 'web-tree-sitter';
import type { PythonVersion } from './types';

export interface ImportBinding {
  /** The name the import binds in its scope (`t` for `import time as t`). */
  local: string;
  /** What the name stands for: `time`, `time.sleep`, `os` for `import os.path`. */
  qualified: string;
  /** True when the binding is a module (`import x`), false for `from x import y`. */
  isModule: boolean;
  /** The import statement. */
  node: Node;
  scope: Scope;
}

export type ScopeKind = 'module' | 'function' | 'lambda' | 'class';

export interface Scope {
  kind: ScopeKind;
  /** The def/lambda/class node (the root node for the module scope). */
  node: Node;
  isAsync: boolean;
  /** Name of the def or class; empty for lambdas and the module. */
  name: string;
  /** UTF-16 range in which code runs in this scope (the body, for defs and lambdas). */
  bodyStart: number;
  bodyEnd: number;
  parent: Scope | undefined;
  /** Names bound here other than by imports (parameters, assignments, defs…). */
  readonly bindings: Set<string>;
  /** Names bound here by imports. */
  readonly imports: Map<string, ImportBinding[]>;
  /** `name = value` and `with value as name` here, in document order. */
  readonly assignments: Map<string, { value: Node; at: number }[]>;
  /** Parameters of this def or lambda, by name (the identifier node). */
  readonly parameters: Map<string, Node>;
  /** Names also bound here in ways whose value is unknown (loops, unpacking, `+=`, `global`…). */
  readonly opaque: Set<string>;
}

/** The non-import bindings of one scope. */
export type ScopeBindings = Pick<Scope, 'bindings' | 'assignments' | 'parameters' | 'opaque'>;

/** What a local name was bound to in its own scope, as far as the source says. */
export interface LocalBinding {
  /** Values of `name = value` / `with value as name` before the use, in document order. */
  values: Node[];
  /** The parameter's identifier when the name is a parameter of the scope. */
  parameter?: Node;
  /** Also bound in ways whose value is unknown: treat `values` as incomplete. */
  opaque: boolean;
}

// Everything that binds a name, except imports (collected separately).
const BINDING_QUERY = `
(function_definition name: (identifier) @outer)
(class_definition name: (identifier) @outer)
(parameters (identifier) @param)
(lambda_parameters (identifier) @param)
(default_parameter name: (identifier) @param)
(typed_parameter (identifier) @param)
(typed_default_parameter name: (identifier) @param)
(list_splat_pattern (identifier) @param)
(dictionary_splat_pattern (identifier) @param)
(assignment left: (identifier) @assign right: (_) @value)
(assignment left: (identifier) @bind !right)
(with_item value: (as_pattern (_) @value alias: (as_pattern_target (identifier) @assign)))
(augmented_assignment left: (identifier) @bind)
(pattern_list (identifier) @bind)
(tuple_pattern (identifier) @bind)
(list_pattern (identifier) @bind)
(for_statement left: (identifier) @bind)
(for_in_clause left: (identifier) @bind)
(as_pattern alias: (as_pattern_target (identifier) @bind))
(named_expression name: (identifier) @bind)
(global_statement (identifier) @bind)
(nonlocal_statement (identifier) @bind)
(as_pattern alias: (as_pattern_target (tuple (identifier) @bind)))
`;

// The facts every analysis needs, in one query: scopes, function exits, imports, comments
// and syntax errors. The engine prepends it to the rules' own patterns, so one traversal of
// the tree serves both (each query costs a full traversal, about a quarter of a parse).
export const BASE_QUERY = `
(function_definition body: (block) @function.body) @function
(lambda body: (_) @lambda.body) @lambda
(class_definition body: (block) @class.body) @class
(return_statement (_)? @value) @return
(yield) @yield
(import_statement) @import
(import_from_statement) @from
(future_import_statement) @future
(comment) @comment
(ERROR) @error
`;

/** Queries compiled once per language and shared by all facts objects. */
export class FactQueries {
  readonly base: Query;
  readonly bindings: Query;

  constructor(language: Language) {
    this.base = new Query(language, BASE_QUERY);
    this.bindings = new Query(language, BINDING_QUERY);
  }

  /** Number of patterns BASE_QUERY contributes at the start of a combined query. */
  get basePatternCount(): number {
    return this.base.patternCount();
  }

  delete(): void {
    this.base.delete();
    this.bindings.delete();
  }
}

/** Which fact each BASE_QUERY match feeds, by the name of its first capture. */
const BASE_KIND: Record<string, 'scope' | 'exit' | 'import' | 'comment' | 'error'> = {
  function: 'scope', 'function.body': 'scope', lambda: 'scope', 'lambda.body': 'scope', class: 'scope', 'class.body': 'scope',
  return: 'exit', value: 'exit', yield: 'exit',
  import: 'import', from: 'import', future: 'import',
  comment: 'comment',
  error: 'error',
};

/** How a function's own body (not nested defs) leaves it. */
export interface FunctionExits {
  yields: boolean;
  /** A `return` with a value other than `None`. */
  returnsValue: boolean;
  /** The def's own `return` statements and `yield` expressions, in document order (typing inference). */
  returnNodes: readonly Node[];
  yieldNodes: readonly Node[];
}

const NO_EXITS: FunctionExits = { yields: false, returnsValue: false, returnNodes: [], yieldNodes: [] };

export class SemanticFacts {
  private scopeList: Scope[] | undefined;
  private bindingsCollected = false;
  private readonly ownBindingsOf = new Map<number, ScopeBindings>();
  private exitsByDef: Map<number, FunctionExits> | undefined;
  private moduleScopeValue: Scope | undefined;
  private importList: ImportBinding[] | undefined;
  private futureFeatures = new Set<string>();
  /** Every module path an import names, with its dotted prefixes (`a`, `a.b`, `a.b.c`). */
  private readonly importedModules = new Set<string>();
  /** What each binding stands for (`time`, `time.sleep`). */
  private readonly importedTargets = new Set<string>();
  private readonly aliases = new Map<string, string | undefined>();
  /** `from x import *` somewhere: an unbound name may come from it, so it is no builtin. */
  private wildcardImport = false;
  /** Names a `global` statement declares: a function may bind them at module level. */
  private readonly globalNames = new Set<string>();

  private baseMatches: QueryMatch[] | undefined;

  constructor(
    readonly tree: Tree,
    private readonly queries: FactQueries,
    readonly targetVersion: PythonVersion,
    /** Matches of BASE_QUERY the engine already has from its combined query. */
    baseMatches?: QueryMatch[],
  ) {
    this.baseMatches = baseMatches;
  }

  private base(kind: 'scope' | 'exit' | 'import' | 'comment' | 'error'): QueryMatch[] {
    this.baseMatches ??= this.queries.base.matches(this.tree.rootNode);
    return this.baseMatches.filter((match) => BASE_KIND[match.captures[0].name] === kind);
  }

  /** Comment nodes, in document order. */
  get comments(): Node[] {
    return this.base('comment').map((m) => m.captures[0].node);
  }

  /** UTF-16 ranges of ERROR nodes. */
  get errorRanges(): [number, number][] {
    if (!this.tree.rootNode.hasError) return [];
    return this.base('error').map((m) => [m.captures[0].node.startIndex, m.captures[0].node.endIndex]);
  }

  // ---- scopes ----

  get moduleScope(): Scope {
    this.buildScopes();
    return this.moduleScopeValue!;
  }

  /** Every scope in document order, the module first. */
  get scopes(): readonly Scope[] {
    return this.buildScopes();
  }

  private buildScopes(): Scope[] {
    if (this.scopeList) return this.scopeList;
    const root = this.tree.rootNode;
    const moduleScope = newScope('module', root, false, '', 0, root.endIndex, undefined);
    const list: Scope[] = [moduleScope];
    const open: Scope[] = [moduleScope];
    for (const match of this.base('scope')) {
      const whole = match.captures.find((c) => !c.name.endsWith('.body'))!;
      const body = match.captures.find((c) => c.name.endsWith('.body'))!;
      const node = whole.node;
      // Matches arrive in document order, so the innermost open scope containing this one
      // is its parent.
      while (open.length > 1 && open[open.length - 1].node.endIndex <= node.startIndex) open.pop();
      const kind = whole.name as ScopeKind;
      const isAsync = kind === 'function' && node.firstChild?.type === 'async';
      const name = kind === 'lambda' ? '' : (node.childForFieldName('name')?.text ?? '');
      const scope = newScope(kind, node, isAsync, name, body.node.startIndex, body.node.endIndex, open[open.length - 1]);
      list.push(scope);
      open.push(scope);
    }
    this.moduleScopeValue = moduleScope;
    this.scopeList = list;
    return list;
  }

  /**
   * The innermost scope whose body contains the UTF-16 offset. Decorators, default values
   * and a def's name belong to the scope around the def, as in Python.
   */
  scopeAt(offset: number): Scope {
    const scopes = this.buildScopes();
    let low = 0;
    let high = scopes.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (scopes[mid].node.startIndex <= offset) low = mid;
      else high = mid - 1;
    }
    for (let scope: Scope | undefined = scopes[low]; scope; scope = scope.parent) {
      if (scope.kind === 'module') return scope;
      if (offset >= scope.bodyStart && offset < scope.bodyEnd) return scope;
    }
    return this.moduleScope;
  }

  scopeOf(node: Node): Scope {
    return this.scopeAt(node.startIndex);
  }

  /** The scope of the def whose body encloses the node, or undefined at module level. */
  enclosingFunction(node: Node): Scope | undefined {
    const scope = this.scopeOf(node);
    return scope.kind === 'function' || scope.kind === 'lambda' ? scope : undefined;
  }

  /**
   * True when the node runs in a coroutine: its nearest enclosing def is `async def`.
   * A nested sync def, a lambda or a class body stops the async context.
   */
  isInAsyncContext(node: Node): boolean {
    const scope = this.scopeOf(node);
    return scope.kind === 'function' && scope.isAsync;
  }

  /** Yields and valued returns of the def starting at `defStart`, from one query per file. */
  functionExits(definition: Node): FunctionExits {
    if (!this.exitsByDef) {
      this.exitsByDef = new Map();
      for (const match of this.base('exit')) {
        const exit = match.captures.find((c) => c.name !== 'value')!;
        const value = match.captures.find((c) => c.name === 'value');
        const owner = this.scopeAt(exit.node.startIndex);
        if (owner.kind !== 'function') continue;
        const exits = this.exitsByDef.get(owner.node.startIndex) ?? { yields: false, returnsValue: false, returnNodes: [], yieldNodes: [] };
        if (exit.name === 'yield') exits.yields = true;
        else if (value && value.node.type !== 'none') exits.returnsValue = true;
        (exit.name === 'yield' ? (exits.yieldNodes as Node[]) : (exits.returnNodes as Node[])).push(exit.node);
        this.exitsByDef.set(owner.node.startIndex, exits);
      }
    }
    return this.exitsByDef.get(definition.startIndex) ?? NO_EXITS;
  }

  private collectBindings(): void {
    if (this.bindingsCollected) return;
    this.bindingsCollected = true;
    this.recordBindings(this.tree.rootNode, (scope) => scope, true);
    for (const binding of this.imports) {
      const known = binding.scope.imports.get(binding.local);
      if (known) known.push(binding);
      else binding.scope.imports.set(binding.local, [binding]);
    }
  }

  /**
   * The names a def or lambda binds in its own scope (not imports), from a query over that
   * node alone: a question about one function need not pay for the whole file's bindings.
   */
  ownBindings(scope: Scope): ScopeBindings {
    if (this.bindingsCollected || scope.kind === 'module' || scope.kind === 'class') {
      this.collectBindings();
      return scope;
    }
    let own = this.ownBindingsOf.get(scope.node.startIndex);
    if (!own) {
      const fresh: ScopeBindings = { bindings: new Set(), assignments: new Map(), parameters: new Map(), opaque: new Set() };
      this.recordBindings(scope.node, (found) => (found === scope ? fresh : undefined), false);
      this.ownBindingsOf.set(scope.node.startIndex, (own = fresh));
    }
    return own;
  }

  /** Runs the bindings query under `root`, recording each binding where `target` says. */
  private recordBindings(root: Node, target: (scope: Scope) => ScopeBindings | undefined, noteGlobals: boolean): void {
    const scopes = this.buildScopes();
    const assigned = new Set<number>();
    for (const match of this.queries.bindings.matches(root)) {
      const capture = match.captures.find((c) => c.name !== 'value')!;
      const node = capture.node;
      let scope: Scope;
      if (capture.name === 'param') scope = this.scopeOfParameter(node, scopes);
      else if (capture.name === 'outer') scope = this.scopeAt(node.parent!.startIndex);
      else scope = this.scopeAt(node.startIndex);
      const into = target(scope);
      if (!into) continue;
      const name = node.text;
      into.bindings.add(name);
      if (capture.name === 'assign') {
        const value = match.captures.find((c) => c.name === 'value')!.node;
        const list = into.assignments.get(name);
        if (list) list.push({ value, at: node.startIndex });
        else into.assignments.set(name, [{ value, at: node.startIndex }]);
        assigned.add(node.startIndex);
      } else if (capture.name === 'param') {
        into.parameters.set(name, node);
      } else if (!assigned.has(node.startIndex)) {
        // `with x as name` is also caught by the generic as-pattern: it is an assignment.
        into.opaque.add(name);
        if (noteGlobals && node.parent?.type === 'global_statement') this.globalNames.add(name);
      }
    }
  }

  /**
   * What an identifier was bound to in its own scope: the values assigned to it before this
   * use, its parameter, and whether other kinds of binding make that incomplete. Undefined
   * when the name is not bound in the identifier's scope (a global, an outer name, a builtin).
   */
  localBinding(identifier: Node): LocalBinding | undefined {
    this.collectBindings();
    const scope = this.scopeOf(identifier);
    const name = identifier.text;
    if (!scope.bindings.has(name)) return undefined;
    const values = (scope.assignments.get(name) ?? []).filter((a) => a.at < identifier.startIndex).map((a) => a.value);
    const opaque = scope.opaque.has(name) || scope.imports.has(name);
    return { values, parameter: scope.parameters.get(name), opaque };
  }

  /**
   * Parameters sit before the body, so find the def/lambda that owns the parameter list:
   * the last scope starting before the parameter, or one of its parents (a lambda in an
   * earlier default value is nested in the def whose header holds both).
   */
  private scopeOfParameter(node: Node, scopes: Scope[]): Scope {
    let low = 0;
    let high = scopes.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (scopes[mid].node.startIndex <= node.startIndex) low = mid;
      else high = mid - 1;
    }
    for (let scope: Scope | undefined = scopes[low]; scope && scope.kind !== 'module'; scope = scope.parent) {
      if (node.endIndex <= scope.bodyStart) return scope;
    }
    return this.scopeAt(node.startIndex);
  }

  // ---- imports ----

  get imports(): readonly ImportBinding[] {
    if (this.importList) return this.importList;
    const list: ImportBinding[] = [];
    for (const match of this.base('import')) {
      const capture = match.captures[0];
      const node = capture.node;
      if (node.hasError) continue;
      const scope = this.scopeAt(node.startIndex);
      if (capture.name === 'future') {
        for (const name of node.childrenForFieldName('name')) if (name) this.futureFeatures.add(importedName(name).name);
      } else if (capture.name === 'import') {
        for (const child of node.childrenForFieldName('name')) {
          if (!child) continue;
          const { name, alias } = importedName(child);
          // `import os.path` binds `os`; `import os.path as p` binds `p` to `os.path`.
          const local = alias ?? name.split('.')[0];
          list.push({ local, qualified: alias ? name : local, isModule: true, node, scope });
          this.noteModule(name);
        }
      } else {
        const moduleNode = node.childForFieldName('module_name');
        if (node.children.some((c) => c?.type === 'wildcard_import')) this.wildcardImport = true;
        // Relative imports (`from . import x`) are the user's own modules: never a library.
        if (!moduleNode || moduleNode.type === 'relative_import') continue;
        const module = moduleNode.text.replace(/\s+/g, '');
        for (const child of node.childrenForFieldName('name')) {
          if (!child) continue;
          const { name, alias } = importedName(child);
          list.push({ local: alias ?? name, qualified: `${module}.${name}`, isModule: false, node, scope });
          this.noteModule(`${module}.${name}`);
        }
      }
    }
    for (const binding of list) this.importedTargets.add(binding.qualified);
    this.importList = list;
    return list;
  }

  private noteModule(path: string): void {
    const parts = path.split('.');
    for (let i = 1; i <= parts.length; i++) this.importedModules.add(parts.slice(0, i).join('.'));
  }

  /** True when `from __future__ import <feature>` is present. */
  hasFutureImport(feature: string): boolean {
    void this.imports;
    return this.futureFeatures.has(feature);
  }

  /**
   * Whether some import could make an expression resolve to one of `names`: `time.sleep` is
   * reachable after `import time` or `from time import sleep`. Lets rules skip whole files.
   */
  mayResolveTo(names: readonly string[]): boolean {
    void this.imports;
    return names.some((name) => {
      if (name.startsWith('builtins.')) return true;
      const parts = name.split('.');
      for (let i = 1; i <= parts.length; i++) if (this.importedTargets.has(parts.slice(0, i).join('.'))) return true;
      return false;
    });
  }

  /** True when the file imports the module or anything under it (`pandas`, `pandas.io`). */
  importsModule(module: string): boolean {
    void this.imports;
    return this.importedModules.has(module);
  }

  /** A module-level name bound to exactly `module` by `import module [as alias]`. */
  moduleAlias(module: string): string | undefined {
    if (this.aliases.has(module)) return this.aliases.get(module);
    const scope = this.moduleScope;
    const binding = this.imports.find(
      (b) => b.isModule && b.qualified === module && b.scope === scope && this.lookup(b.local, scope) === module,
    );
    this.aliases.set(module, binding?.local);
    return binding?.local;
  }

  /**
   * The qualified name an expression stands for, following imports and aliases:
   * `t.sleep` → `time.sleep` after `import time as t`; `zz` → `time.sleep` after
   * `from time import sleep as zz`. Undefined when any local binding could shadow it.
   */
  resolve(node: Node): string | undefined {
    const parts: string[] = [];
    let current: Node | null = node;
    while (current && current.type === 'attribute') {
      const attribute = current.childForFieldName('attribute');
      if (!attribute) return undefined;
      parts.unshift(attribute.text);
      current = current.childForFieldName('object');
    }
    if (!current || current.type !== 'identifier') return undefined;
    const base = this.lookup(current.text, this.scopeOf(current));
    if (base === undefined) return undefined;
    return parts.length ? `${base}.${parts.join('.')}` : base;
  }

  /** What an unqualified name refers to from a scope, if it is an import without rivals. */
  lookup(name: string, from: Scope): string | undefined {
    this.collectBindings();
    const visible = visibleScopes(from);
    for (const scope of visible) {
      const imported = scope.imports.get(name);
      if (scope.bindings.has(name)) return undefined;
      if (imported) {
        const first = imported[0].qualified;
        return imported.every((b) => b.qualified === first) ? first : undefined;
      }
    }
    // Bound nowhere in the file and not imported: a builtin (`open` → `builtins.open`),
    // unless a `from x import *` may have bound it.
    if (BUILTINS.has(name) && !this.wildcardImport && !this.globalNames.has(name)) return `builtins.${name}`;
    return undefined;
  }
}

/** Names Python's `builtins` module provides (resolved as `builtins.<name>` when unbound). */
const BUILTINS = new Set(
  (
    'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex ' +
    'delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash ' +
    'help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ' +
    'ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super ' +
    'tuple type vars zip __import__'
  ).split(' '),
);

/** Python's lookup order: the scope, enclosing functions (skipping class bodies), module. */
function visibleScopes(from: Scope): Scope[] {
  const result: Scope[] = [from];
  for (let scope = from.parent; scope; scope = scope.parent) {
    if (scope.kind !== 'class') result.push(scope);
  }
  return result;
}

function newScope(
  kind: ScopeKind,
  node: Node,
  isAsync: boolean,
  name: string,
  bodyStart: number,
  bodyEnd: number,
  parent: Scope | undefined,
): Scope {
  return {
    kind, node, isAsync, name, bodyStart, bodyEnd, parent,
    bindings: new Set(), imports: new Map(), assignments: new Map(), parameters: new Map(), opaque: new Set(),
  };
}

function importedName(node: Node): { name: string; alias?: string } {
  if (node.type === 'aliased_import') {
    return {
      name: (node.childForFieldName('name')?.text ?? '').replace(/\s+/g, ''),
      alias: node.childForFieldName('alias')?.text,
    };
  }
  return { name: node.text.replace(/\s+/g, '') };
}
