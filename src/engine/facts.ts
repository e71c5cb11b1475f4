// Semantic facts shared by every rule of one analysis: imports and aliases, scopes (which
// function encloses a node, and whether it is async), local bindings that shadow imports,
// and the target Python version. Computed lazily, at most once per parse.
import type { Node, QueryCapture, QueryMatch, Tree } from 'web-tree-sitter';
import { recordBindingMatches, seedOuterScopes } from './binding-records';
import { BUILTINS } from './builtin-names';
import { BASE_KIND, type BaseKind, type FactQueries } from './fact-queries';
import { collectFunctionExits, NO_EXITS, type FunctionExits } from './function-exits';
import { readImports, type ImportFacts } from './import-statements';
import { lazyImport, refOf, scopeDataOf, type BindingItem, type FactsFocus, type ModuleFacts, type ScopeData } from './incremental/module-facts';
import type { ImportBinding, LocalBinding, Scope, ScopeBindings } from './scopes';
import { buildScopeList, definitionLookup, definitionsIn, lastScopeStartingBy, newScope, SCOPE_KINDS, statementStart, visibleScopes } from './scope-tree';
import type { PythonVersion } from './types';
import { QUERY_OPTIONS } from './query-limits';

export type { ImportBinding, LocalBinding, Scope, ScopeBindings, ScopeKind } from './scopes';
export { BASE_QUERY, FactQueries } from './fact-queries';
export type { FunctionExits } from './function-exits';

export class SemanticFacts {
  private scopeList: Scope[] | undefined;
  private bindingsCollected = false;
  private readonly ownBindingsOf = new Map<number, ScopeBindings>();
  private exitsByDef: Map<number, FunctionExits> | undefined;
  private moduleScopeValue: Scope | undefined;
  /** The imports, and the modules, targets and `__future__` features they name (read on first use). */
  private importFacts: ImportFacts | undefined;
  private readonly aliases = new Map<string, string | undefined>();
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

  private base(kind: BaseKind): QueryMatch[] {
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
    const list = buildScopeList(this.tree.rootNode, this.base('scope'), this.focus?.enclosingClass);
    this.moduleScopeValue = list[0];
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
    for (let scope: Scope | undefined = scopes[lastScopeStartingBy(scopes, offset)]; scope; scope = scope.parent) {
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
    this.exitsByDef ??= collectFunctionExits(this.base('exit'), (offset) => this.scopeAt(offset));
    return this.exitsByDef.get(definition.startIndex) ?? NO_EXITS;
  }

  private collectBindings(): void {
    if (this.bindingsCollected) return;
    this.bindingsCollected = true;
    const module = this.focus?.module;
    const outer = this.focus ? this.scopes.slice(0, this.focus.enclosingClass ? 2 : 1) : [];
    if (module) {
      for (const name of module.globalNames) this.globalNames.add(name);
      seedOuterScopes(this.tree, module, outer, this.focus!.enclosingClass, () => this.enclosingClassData());
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
    const scopeOf = ({ name, node }: QueryCapture): Scope =>
      name === 'param' ? this.scopeOfParameter(node, scopes) : this.scopeAt(name === 'outer' ? node.parent!.startIndex : node.startIndex);
    const shares = noteGlobals ? { items: this.bindingItems, globalNames: this.globalNames, globalDeclarations: this.globalDeclarations } : undefined;
    recordBindingMatches(this.queries.bindings.matches(root, QUERY_OPTIONS), scopeOf, target, shares);
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
    for (let scope: Scope | undefined = scopes[lastScopeStartingBy(scopes, node.startIndex)]; scope && scope.kind !== 'module'; scope = scope.parent) {
      if (node.endIndex <= scope.bodyStart) return scope;
    }
    return this.scopeAt(node.startIndex);
  }

  // ---- imports ----

  get imports(): readonly ImportBinding[] {
    return this.importIndex.bindings;
  }

  private get importIndex(): ImportFacts {
    if (this.importFacts) return this.importFacts;
    const earlier: ImportBinding[] = [];
    const module = this.focus?.module;
    if (module) {
      // The rest of the file's imports: those of the module (and of the class around the focus); readImports adds the file-wide answers.
      for (const binding of module.module.imports) earlier.push(lazyImport(this.tree, binding, this.moduleScope));
      for (const binding of this.enclosingClassData()?.imports ?? []) earlier.push(lazyImport(this.tree, binding, this.scopes[1]));
    }
    this.importFacts = readImports(this.base('import'), (offset) => this.scopeAt(offset), earlier, module);
    return this.importFacts;
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
    const data = (scope: Scope) => scopeDataOf(scope, this.imports, inside);
    return { module: data(this.moduleScope), enclosingClass: this.focus!.enclosingClass ? data(this.scopes[1]) : undefined };
  }

  /** The file-wide facts as data, for analysing one def alone later (a whole-file analysis only). */
  captureModule(): ModuleFacts {
    if (this.focus) throw new Error('module facts come from a whole-file analysis');
    this.collectBindings();
    const data = (scope: Scope): ScopeData => scopeDataOf(scope, this.imports);
    const classes = this.scopes.filter((s) => s.kind === 'class' && s.parent?.kind === 'module' && s.node.parent?.type !== 'block');
    return {
      module: data(this.moduleScope),
      bindings: this.bindingItems.slice(),
      classes: classes.map((scope) => [statementStart(scope.node), data(scope)]),
      globalNames: [...this.globalNames],
      wildcardImport: this.importIndex.wildcardImport,
      futureFeatures: [...this.importIndex.futureFeatures],
      importedModules: [...this.importIndex.importedModules],
      importedTargets: [...this.importIndex.importedTargets],
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

  private definitionsNamed: ((name: string) => readonly Node[]) | undefined;

  /** The module-level defs and classes named `name` (also under a module-level `if` or `try`), in document order. */
  moduleDefinitions(name: string): readonly Node[] {
    this.definitionsNamed ??= definitionLookup(this.tree, this.scopes, this.focus);
    return this.definitionsNamed(name);
  }

  /** True when `from __future__ import <feature>` is present. */
  hasFutureImport(feature: string): boolean {
    return this.importIndex.futureFeatures.has(feature);
  }

  /**
   * Whether some import could make an expression resolve to one of `names`: `time.sleep` is
   * reachable after `import time` or `from time import sleep`. Lets rules skip whole files.
   */
  mayResolveTo(names: readonly string[]): boolean {
    const { importedTargets } = this.importIndex;
    return names.some((name) => {
      if (name.startsWith('builtins.')) return true;
      const parts = name.split('.');
      for (let i = 1; i <= parts.length; i++) if (importedTargets.has(parts.slice(0, i).join('.'))) return true;
      return false;
    });
  }

  /** True when the file imports the module or anything under it (`pandas`, `pandas.io`). */
  importsModule(module: string): boolean {
    return this.importIndex.importedModules.has(module);
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
    if (BUILTINS.has(name) && !this.importIndex.wildcardImport && !this.globalNames.has(name)) return `builtins.${name}`;
    return undefined;
  }
}
