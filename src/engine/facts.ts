// Semantic facts shared by every rule of one analysis: imports and aliases, scopes (which
// function encloses a node, and whether it is async), local bindings that shadow imports,
// and the target Python version. Computed lazily, at most once per parse.
import { Query, type Language, type Node, type QueryMatch, type Tree } from 'web-tree-sitter';
import { lazyAssignment, lazyImport, nodeAt, refOf, type BindingItem, type FactsFocus, type ModuleFacts, type NodeRef, type ScopeData } from './incremental/module-facts';
import type { ImportBinding, LocalBinding, Scope, ScopeBindings, ScopeKind } from './scopes';
import type { PythonVersion } from './types';
import { QUERY_OPTIONS } from './query-limits';

export type { ImportBinding, LocalBinding, Scope, ScopeBindings, ScopeKind } from './scopes';

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

const SCOPE_KINDS: Record<string, ScopeKind | undefined> = { function_definition: 'function', lambda: 'lambda', class_definition: 'class' };

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
  /** The names `global` statements declare, by offset: what code tells the rest of its file beyond imports. */
  private readonly globalDeclarations: { start: number; text: string }[] = [];
  /** Bindings in the module and in top-level classes (a whole-file analysis, or the focus's own). */
  readonly bindingItems: BindingItem[] = [];

  private baseMatches: QueryMatch[] | undefined;

  /** Facts of one def only, the rest of the file coming from an earlier analysis. */
  private readonly focus: FactsFocus | undefined;
  private sourceText: string | undefined;

  constructor(
    readonly tree: Tree,
    private readonly queries: FactQueries,
    readonly targetVersion: PythonVersion,
    options: {
      /** Matches of BASE_QUERY the engine already has from its combined query (under the focus's def, if any). */
      baseMatches?: QueryMatch[];
      focus?: FactsFocus;
      /** The tree's text, when the caller has it (else read from the tree when needed). */
      text?: string;
    } = {},
  ) {
    this.baseMatches = options.baseMatches;
    this.focus = options.focus;
    this.sourceText = options.text;
  }

  /** The analysed text (read from the tree once when not given: that crosses into WASM). */
  get text(): string {
    return (this.sourceText ??= this.tree.rootNode.text);
  }

  /** The node the queries run on: the whole file, or the focused def. */
  private get queryRoot(): Node {
    return this.focus?.unit ?? this.tree.rootNode;
  }

  private base(kind: 'scope' | 'exit' | 'import' | 'comment' | 'error'): QueryMatch[] {
    this.baseMatches ??= this.queries.base.matches(this.queryRoot, QUERY_OPTIONS);
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
    const around = this.focus?.enclosingClass;
    if (around) {
      // The focused def is a method: its class, which the query under the def cannot see.
      const body = around.childForFieldName('body')!;
      const scope = newScope('class', around, false, around.childForFieldName('name')?.text ?? '', body.startIndex, body.endIndex, moduleScope);
      list.push(scope);
      open.push(scope);
    }
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
    const unit = this.focus?.unit;
    if (unit && (offset < unit.startIndex || offset >= unit.endIndex)) return this.outerScopeAt(offset);
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

  private readonly outerScopes = new Map<number, Scope>();

  /**
   * With a focus, the scope of code outside the focused def, from the tree around it: which
   * def, lambda or class it is in (or the module). A def's or lambda's own bindings are read
   * from a query over it; what an outer class binds is not known.
   */
  private outerScopeAt(offset: number): Scope {
    for (let node = this.tree.rootNode.descendantForIndex(offset); node; node = node.parent) {
      const kind = SCOPE_KINDS[node.type];
      const body = kind && node.childForFieldName('body');
      if (!kind || !body || offset < body.startIndex || offset >= body.endIndex) continue;
      if (kind === 'class' && this.focus!.enclosingClass?.equals(node)) return this.scopes[1]; // built with the focus
      let scope = this.outerScopes.get(node.startIndex);
      if (!scope) {
        const name = kind === 'lambda' ? '' : (node.childForFieldName('name')?.text ?? '');
        const isAsync = kind === 'function' && node.firstChild?.type === 'async';
        const built = newScope(kind, node, isAsync, name, body.startIndex, body.endIndex, this.scopeAt(node.startIndex));
        this.outerScopes.set(node.startIndex, built);
        // A def's own bindings, from a query over it alone: so that a rule reading another def
        // (what `__init__` assigns) sees what the whole-file analysis sees.
        if (kind !== 'class') this.recordBindings(node, (found) => (found === built ? built : undefined), false);
        scope = built;
      }
      return scope;
    }
    return this.moduleScope;
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
    const module = this.focus?.module;
    const outer = this.focus ? this.scopes.slice(0, this.focus.enclosingClass ? 2 : 1) : [];
    if (module) {
      for (const name of module.globalNames) this.globalNames.add(name);
      const around = this.focus!.enclosingClass;
      const classStart = around ? statementStart(around) : undefined;
      for (const item of module.bindings) {
        const scope = item.scope === -1 ? outer[0] : item.scope === classStart ? outer[1] : undefined;
        if (!scope) continue;
        scope.bindings.add(item.name);
        if (item.opaque) scope.opaque.add(item.name);
      }
      for (const scope of outer) {
        const data = scope.kind === 'module' ? module.module : this.enclosingClassData();
        for (const [name, values] of data?.assignments ?? []) {
          scope.assignments.set(name, values.map(({ value, at }) => lazyAssignment(this.tree, value, at)));
        }
      }
    }
    this.recordBindings(this.queryRoot, (scope) => scope, true);
    // The focused code's assignments in the module or its class come after the rest's: back in document order.
    for (const scope of outer) for (const values of scope.assignments.values()) if (values.length > 1) values.sort((a, b) => a.at - b.at);
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
    for (const match of this.queries.bindings.matches(root, QUERY_OPTIONS)) {
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
      // Bindings of the module and of top-level classes are what one def, analysed alone, is told about the rest.
      const shared = noteGlobals && (scope.kind === 'module' || (scope.kind === 'class' && scope.parent?.kind === 'module'));
      const opaque = capture.name !== 'assign' && capture.name !== 'param' && !assigned.has(node.startIndex);
      if (shared) this.bindingItems.push({ start: node.startIndex, scope: scope.kind === 'module' ? -1 : statementStart(scope.node), name, opaque });
      if (capture.name === 'assign') {
        const value = match.captures.find((c) => c.name === 'value')!.node;
        const list = into.assignments.get(name);
        if (list) list.push({ value, at: node.startIndex });
        else into.assignments.set(name, [{ value, at: node.startIndex }]);
        assigned.add(node.startIndex);
      } else if (capture.name === 'param') {
        into.parameters.set(name, node);
      } else if (opaque) {
        // `with x as name` is also caught by the generic as-pattern: it is an assignment.
        into.opaque.add(name);
        if (noteGlobals && node.parent?.type === 'global_statement') {
          this.globalNames.add(name);
          this.globalDeclarations.push({ start: node.startIndex, text: `global ${name}` });
        }
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
    const unit = this.focus?.unit;
    if (unit && (node.startIndex < unit.startIndex || node.startIndex >= unit.endIndex)) {
      // A parameter of a def outside the focus: that def's scope, from the tree.
      for (let up = node.parent; up; up = up.parent) {
        if (up.type !== 'function_definition' && up.type !== 'lambda') continue;
        const parameters = up.childForFieldName('parameters');
        const body = up.childForFieldName('body');
        if (parameters && body && node.startIndex >= parameters.startIndex && node.endIndex <= parameters.endIndex) return this.outerScopeAt(body.startIndex);
      }
    }
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
    const module = this.focus?.module;
    if (module) {
      // The rest of the file's imports: those of the module (and of the class around the focus), and the file-wide answers.
      for (const binding of module.module.imports) list.push(lazyImport(this.tree, binding, this.moduleScope));
      for (const binding of this.enclosingClassData()?.imports ?? []) list.push(lazyImport(this.tree, binding, this.scopes[1]));
      for (const name of module.importedModules) this.importedModules.add(name);
      for (const name of module.importedTargets) this.importedTargets.add(name);
      for (const name of module.futureFeatures) this.futureFeatures.add(name);
      this.wildcardImport = module.wildcardImport;
    }
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

  /**
   * What code can tell the rest of its file beyond the names it binds, with offsets, in no
   * particular order: its import statements (which modules the file uses) and the names
   * `global` statements declare.
   */
  outwardStatements(): { start: number; text: string }[] {
    this.collectBindings();
    const statements = this.base('import').map((m) => ({ start: m.captures[0].node.startIndex, text: m.captures[0].node.text }));
    return statements.concat(this.globalDeclarations);
  }

  /**
   * With a focus: what the focused code itself imports and assigns in the module scope and in
   * the class around it, as data (the rest of the file's share came in with the focus).
   */
  captureFocusShare(): { module: ScopeData; enclosingClass: ScopeData | undefined } {
    const unit = this.focus?.unit;
    if (!unit) throw new Error('a focus share comes from a focused analysis');
    this.collectBindings();
    const inside = (offset: number) => offset >= unit.startIndex && offset < unit.endIndex;
    const data = (scope: Scope) => this.scopeData(scope, inside);
    return { module: data(this.moduleScope), enclosingClass: this.focus!.enclosingClass ? data(this.scopes[1]) : undefined };
  }

  private scopeData(scope: Scope, keep: (offset: number) => boolean = () => true): ScopeData {
    const assignments: ScopeData['assignments'] = [];
    for (const [name, values] of scope.assignments) {
      const kept = values.filter((v) => keep(v.at)).map((v) => ({ value: refOf(v.value), at: v.at }));
      if (kept.length) assignments.push([name, kept]);
    }
    const imports = this.imports.filter((b) => b.scope === scope && keep(b.node.startIndex));
    return { imports: imports.map((b) => ({ local: b.local, qualified: b.qualified, isModule: b.isModule, node: refOf(b.node) })), assignments };
  }

  /** The file-wide facts as data, for analysing one def alone later (a whole-file analysis only). */
  captureModule(): ModuleFacts {
    if (this.focus) throw new Error('module facts come from a whole-file analysis');
    this.collectBindings();
    const data = (scope: Scope): ScopeData => this.scopeData(scope);
    const classes = this.scopes.filter((s) => s.kind === 'class' && s.parent?.kind === 'module' && s.node.parent?.type !== 'block');
    return {
      module: data(this.moduleScope),
      bindings: this.bindingItems.slice(),
      classes: classes.map((scope) => [statementStart(scope.node), data(scope)]),
      globalNames: [...this.globalNames],
      wildcardImport: this.wildcardImport,
      futureFeatures: [...this.futureFeatures],
      importedModules: [...this.importedModules],
      importedTargets: [...this.importedTargets],
      definitions: [...definitionsIn(this.scopes)].map(([name, nodes]) => [name, nodes.map(refOf)]),
    };
  }

  /** With a focus on a method: what the rest of its class binds. */
  private enclosingClassData(): ScopeData | undefined {
    const around = this.focus?.enclosingClass;
    if (!around) return undefined;
    const start = statementStart(around);
    return this.focus!.module.classes.find(([at]) => at === start)?.[1];
  }

  private ownDefinitions: Map<string, Node[]> | undefined;
  private earlierDefinitions: Map<string, NodeRef[]> | undefined;
  private readonly definitionsByName = new Map<string, readonly Node[]>();

  /** The module-level defs and classes named `name` (also under a module-level `if` or `try`), in document order. */
  moduleDefinitions(name: string): readonly Node[] {
    let found = this.definitionsByName.get(name);
    if (found) return found;
    // With a focus, the class around it is one of the rest of the file's.
    const unit = this.focus?.unit;
    this.ownDefinitions ??= definitionsIn(unit ? this.scopes.filter((s) => s.node.startIndex >= unit.startIndex) : this.scopes);
    const own = this.ownDefinitions.get(name) ?? [];
    const module = this.focus?.module;
    if (module) this.earlierDefinitions ??= new Map(module.definitions);
    // The rest of the file's, when one def is analysed alone: found in this tree on first use.
    const refs = this.earlierDefinitions?.get(name);
    found = refs ? [...refs.map((ref) => nodeAt(this.tree, ref)), ...own].sort((x, y) => x.startIndex - y.startIndex) : own;
    this.definitionsByName.set(name, found);
    return found;
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

/** Where a def or class statement starts: at its decorators, if any. */
function statementStart(definition: Node): number {
  const parent = definition.parent;
  return parent?.type === 'decorated_definition' ? parent.startIndex : definition.startIndex;
}

/** Module-level defs and classes by name. */
function definitionsIn(scopes: readonly Scope[]): Map<string, Node[]> {
  const map = new Map<string, Node[]>();
  for (const scope of scopes) {
    if ((scope.kind !== 'function' && scope.kind !== 'class') || scope.parent?.kind !== 'module') continue;
    const list = map.get(scope.name);
    if (list) list.push(scope.node);
    else map.set(scope.name, [scope.node]);
  }
  return map;
}
