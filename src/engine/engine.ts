// The rule engine: one combined tree-sitter query for every rule (one pass over the tree,
// not one per rule), shared semantic facts, guards, templates, suppressions.
import type { QueryMatch } from 'web-tree-sitter';
import { AnalysisRun } from './analysis-run';
import {
  CHECKS,
  documentCoverage,
  GUARDS,
  READS_OTHER_DEFS,
  rememberDefinitions,
  type CheckVisitor,
} from './checks';
import { isRuleEnabled, meetsTargetVersion, resolveTypingOptions } from './config';
import { analyzeProjectFile, END_OF_LIFE_RULE, type ProjectFileKind, type ProjectFileOptions } from './project-files';
import { SourceDocument } from './document';
import { AnalysisLimitError, isWasmTrap, RuntimeShield } from './faults';
import { blankLineEdits, shiftedState, withBlankEdits } from './incremental/blank-lines';
import { withoutImportFixesTheUnitReads } from './incremental/import-fixes';
import { FactQueries, SemanticFacts } from './facts';
import { CombinedQueries, type CombinedQuery } from './combined-query';
import type { FactsFocus } from './incremental/module-facts';
import { applyEdits } from './fixes';
import { fixAllText, type FixAllOptions, type FixAllResult } from './fix-all';
import { PythonParser, type GrammarBytes } from './parser';
import {
  carriedFindings,
  changedSpan,
  editedFinding,
  inHeader,
  isBlank,
  keptFindings,
  lineAround,
  movedComments,
  movedModuleFacts,
  movedUnits,
  outwardKey,
  unitNode,
  unitOfEdit,
} from './incremental/units';
import {
  coverageByUnit,
  functionNodes,
  mergeByStart,
  mergeFindings,
  movedCoverage,
  wholeFileState,
  withUnitShare,
  type IncrementalState,
} from './incremental/state';
import { QUERY_OPTIONS } from './query-limits';
import { SyntaxErrorCounter } from './syntax-errors';
import { directiveProblems, type DirectiveProblem } from './directive-problems';
import { TimeBudget, type Clock } from './time-budget';
import { suppressionEdit } from './suppress-comment';
import type { CommentText } from './suppression';
import { configureRuntimeAnnotations } from './runtime-annotations';
import { capturesOf, type Captures } from './template';
import { carryExports } from './visibility';
import { sumCoverage, type TypedCoverage } from './coverage-figures';
import {
  DEFAULT_TARGET_VERSION,
  type CompiledRuleSet,
  type EditedFinding,
  type Finding,
  type Fix,
  type RuleConfig,
  type RuleMeta,
  type TrendMeta,
} from './types';

export type { FixAllResult } from './fix-all';

export interface EngineOptions {
  grammar: GrammarBytes;
  ruleSet: CompiledRuleSet;
}

/** How often the rule-match loop looks at the time budget (a clock read per match would cost). */
const BUDGET_POLL_MATCHES = 256;

export class Engine {
  readonly rules: readonly RuleMeta[];
  readonly trends: ReadonlyMap<string, TrendMeta>;
  private readonly combinedQueries: CombinedQueries;
  private readonly factQueries: FactQueries;
  private readonly syntaxErrors: SyntaxErrorCounter;
  /** Documents analysed by analyzeEdited: what the next incremental analysis starts from. */
  private readonly editing = new WeakMap<SourceDocument, IncrementalState>();
  /** Poisoned when the WASM runtime trapped: its memory may be corrupt, so nothing runs any more. */
  private readonly shield = new RuntimeShield();
  /** Failpoints for tests of the adapters' recovery: opening a text that holds one traps, or never returns (see trapOnText). */
  private trapMarker: string | undefined;
  private hangMarker: string | undefined;
  /** The deadline of the file being analysed (withinBudget), polled between phases. */
  private readonly budget = new TimeBudget();

  private constructor(
    readonly parser: PythonParser,
    ruleSet: CompiledRuleSet,
  ) {
    this.rules = ruleSet.rules;
    this.trends = new Map(ruleSet.trends.map((t) => [t.id, t]));
    const language = parser.language;
    this.factQueries = new FactQueries(language);
    this.combinedQueries = new CombinedQueries(parser);
    this.syntaxErrors = new SyntaxErrorCounter(parser);
  }

  static async create(options: EngineOptions): Promise<Engine> {
    const parser = await PythonParser.create(options.grammar);
    return new Engine(parser, options.ruleSet);
  }

  /**
   * Typed coverage of a document: annotated parameters (not self / cls) and returns of its
   * defs, over all of them. Free after `analyze` of the same tree; else one query.
   * Counts what `config.typing` requires (default: the options of the last analysis).
   */
  coverage(document: SourceDocument, config?: RuleConfig): TypedCoverage {
    return this.shielded(() => this.coverageUnshielded(document, config));
  }

  private coverageUnshielded(document: SourceDocument, config: RuleConfig | undefined): TypedCoverage {
    const state = this.editing.get(document);
    if (config && state?.tree === document.tree) {
      const options = resolveTypingOptions(config.typing);
      if (state.coverage?.key !== options.key && state.definitions) state.coverage = coverageByUnit(state.units, state.definitions(), options);
      if (state.coverage?.key === options.key) return sumCoverage(state.coverage.byUnit);
    }
    return documentCoverage(document, config);
  }

  /** True once the parser runtime trapped: start a fresh engine (in a fresh worker) for the next files. */
  get poisoned(): boolean {
    return this.shield.poisoned;
  }

  /** Runs one engine call on the WASM runtime, through the shield (faults.ts). */
  private shielded<T>(call: () => T): T {
    return this.shield.run(call);
  }

  rule(id: string): RuleMeta | undefined {
    return this.rules.find((r) => r.id === id);
  }

  /** Findings of a project file (pyproject.toml, setup.cfg, …: project-files.ts), no parsing. */
  analyzeProjectFile(kind: ProjectFileKind, text: string, options: ProjectFileOptions): Finding[] {
    const rule = this.rule(END_OF_LIFE_RULE);
    return rule ? analyzeProjectFile(kind, text, rule, options) : [];
  }

  /** Parses a text into a document that can be updated incrementally. Call dispose(). */
  open(text: string, version = 0): SourceDocument {
    return this.shielded(() => {
      if (this.trapMarker !== undefined && text.includes(this.trapMarker)) throw Object.assign(new Error('memory access out of bounds (injected)'), { name: 'RuntimeError' });
      if (this.hangMarker !== undefined && text.includes(this.hangMarker)) for (;;); // a check stuck for good: only a watchdog ends it
      return new SourceDocument(this.parser, text, version);
    });
  }

  /**
   * A failpoint for tests: from now on, opening a text that contains `marker` behaves as a
   * WASM trap would. The Node adapters set it from PYMODERN_TEST_TRAP_MARKER.
   */
  trapOnText(marker: string): void {
    this.trapMarker = marker;
  }

  /** A failpoint for the watchdog tests: opening a text that contains `marker` never returns (PYMODERN_TEST_HANG_MARKER). */
  hangOnText(marker: string): void {
    this.hangMarker = marker;
  }

  /**
   * Runs engine calls for one file with a time budget (ms; 0: none): past it, the analysis
   * stops with AnalysisLimitError ("analysis stopped: file too complex"). `clock` is for tests.
   */
  withinBudget<T>(ms: number, work: () => T, clock?: Clock): T {
    return this.budget.within(ms, work, clock);
  }

  /**
   * The document's `# pymodern:` comments that silence nothing: malformed, naming no rule or
   * family of the catalog, or `ignore-file` after the first statement (directive-problems.ts).
   */
  directiveProblems(document: SourceDocument): DirectiveProblem[] {
    this.knownNames ??= new Set(this.rules.flatMap((rule) => [rule.id, rule.family]));
    const known = this.knownNames;
    return this.shielded(() => directiveProblems(document.text, document.tree, document.lines, (name) => known.has(name)));
  }

  private knownNames: Set<string> | undefined;

  /** Applies editor changes to a document and reparses it incrementally (SourceDocument.update, shielded). */
  update(document: SourceDocument, changes: Parameters<SourceDocument['update']>[0], version?: number): void {
    this.shielded(() => document.update(changes, version));
  }

  /** Frees a document's tree; after a fault, its memory is gone with the runtime and nothing is freed. */
  close(document: SourceDocument): void {
    if (!this.shield.poisoned) this.shielded(() => document.dispose());
  }

  /** Analyses a text once and frees the tree. */
  analyzeText(text: string, config: RuleConfig = {}): Finding[] {
    const document = this.open(text);
    try {
      return this.analyze(document, config);
    } finally {
      this.close(document);
    }
  }

  analyze(document: SourceDocument, config: RuleConfig = {}): Finding[] {
    this.editing.delete(document);
    return this.shielded(() => this.run(document, config).findings);
  }

  /**
   * Analysis of a document being edited (the editor's worker). After an edit inside one unit
   * (a def, a method, a top-level statement), only that unit is analysed again and the other
   * findings are kept (incremental/units.ts); such a result is `provisional`: rules that look
   * across defs may be stale. With `exact`, the whole file is analysed, unless the last
   * analysis already did so for this very tree.
   */
  analyzeEdited(document: SourceDocument, config: RuleConfig = {}, options: { exact?: boolean } = {}): EditedAnalysis {
    return this.shielded(() => this.analyzeEditedUnshielded(document, config, options));
  }

  private analyzeEditedUnshielded(document: SourceDocument, config: RuleConfig, options: { exact?: boolean }): EditedAnalysis {
    const key = JSON.stringify(config);
    const state = this.editing.get(document);
    if (state && state.key === key) {
      if (state.tree === document.tree && (state.exact || !options.exact)) return { findings: state.findings, provisional: !state.exact };
      if (!options.exact) {
        let next: IncrementalState | undefined;
        try {
          next = this.analyzeUnit(document, config, state);
        } catch (error) {
          if (isWasmTrap(error) || error instanceof AnalysisLimitError) throw error;
          next = undefined; // a surprise in the shortcut: the whole-file analysis below is the answer
        }
        if (next) {
          this.editing.set(document, next);
          return { findings: next.findings, provisional: !next.exact };
        }
      }
    }
    const run = this.run(document, config);
    const findings = run.findings.map((f) => editedFinding(f, suppressionEdit(document, f)));
    if (document.tree.rootNode.hasError) this.editing.delete(document);
    else this.editing.set(document, wholeFileState(document, key, findings, run.facts));
    return { findings, provisional: false };
  }

  private readsOtherDefs(ruleId: string): boolean {
    const check = this.rule(ruleId)?.check;
    return check !== undefined && READS_OTHER_DEFS.has(check);
  }

  /** The incremental path: the state after analysing only the unit the edit is in, or undefined when it does not apply. */
  private analyzeUnit(document: SourceDocument, config: RuleConfig, previous: IncrementalState): IncrementalState | undefined {
    // A syntax error anywhere changes what the parser made of the rest: the whole file.
    if (document.tree.rootNode.hasError) return undefined;
    let state = previous;
    let span = changedSpan(state.text, document.text);
    if (!span) return { ...state, tree: document.tree, definitions: undefined };
    let edited = unitOfEdit(state.units, span, state.text);
    if (!edited) {
      // Edits apart from each other: blank lines changed elsewhere are a mere shift, made first.
      const blank = blankLineEdits(state.text, document.text, span, document.tree);
      const shifted = blank && shiftedState(state, blank, withBlankEdits(state.text, blank));
      if (!shifted) return undefined;
      state = shifted;
      span = changedSpan(state.text, document.text);
      if (!span) return { ...state, tree: document.tree };
      edited = unitOfEdit(state.units, span, state.text);
      if (!edited) return undefined;
    }
    // `unit` as it was; `covered`, stretched over the edit (a line typed after a def's last statement).
    const { unit, covered } = edited;
    const delta = span.newEnd - span.oldEnd;
    const header = inHeader(unit, span);
    const found = unitNode(document.tree, unit, delta, header);
    if (!found) return undefined;
    // What the unit gained or lost at its end is blank: no statement moved in or out of it.
    const end = found.node.endIndex;
    if (!isBlank(document.text, end, covered.end + delta)) return undefined;
    // `__all__` decides which defs are public API: its statements are read by every def.
    if (unit.kind === 'statement' && (state.text.slice(unit.start, covered.end).includes('__all__') || document.text.slice(unit.start, end).includes('__all__'))) return undefined;
    // A top-level statement that binds module names (`frame = pd.read_csv(...)`) tells every
    // other unit what they are: carried findings and fixes elsewhere may rely on it.
    if (unit.kind === 'statement' && (BINDS_NAMES.test(state.text.slice(unit.start, covered.end)) || BINDS_NAMES.test(document.text.slice(unit.start, end)))) return undefined;
    // An import deleted or typed at the unit's edge (a line left blank, a line typed after
    // it): what the file imports changed, though the unit's own imports did not.
    if (IMPORT_WORDS.test(state.text.slice(span.start, span.oldEnd)) || IMPORT_WORDS.test(document.text.slice(span.start, span.newEnd))) return undefined;
    const moved = keptFindings(state.findings, covered, delta, document.lines, lineAround(state.text, covered.start, covered.end));
    if (!moved) return undefined;
    const kept = withoutImportFixesTheUnitReads(moved, state.text.slice(covered.start, covered.end), document.text.slice(covered.start, covered.end + delta), document.text);
    const module = movedModuleFacts(state.module, covered, delta, end, unit.end);
    if (unit.kind === 'def') carryExports(state.tree, document.tree); // `__all__` is set by statements
    const focus = { unit: found.node, enclosingClass: found.enclosingClass, module };
    const { findings, facts } = this.run(document, config, focus, (unitFacts, firstStatement) => {
      // Only the unit's findings are kept: the comments on its lines, and the file's leading ones, are all that can silence them.
      const lastLineEnd = document.lines.lineEnd(document.lines.positionAt(end).line);
      const leading = state.comments.filter((c) => c.startIndex < Math.min(firstStatement, unit.start));
      const trailing = state.comments.find((c) => c.startIndex >= covered.end && c.startIndex + delta <= lastLineEnd);
      return [...leading, ...unitFacts.comments, ...(trailing ? [{ startIndex: trailing.startIndex + delta, text: trailing.text }] : [])];
    });
    const comments = movedComments(state.comments, covered, delta, facts.comments);
    // An import or a `global` added, removed or changed changes what the whole file means.
    if (outwardKey(facts.outwardStatements().map((s) => s.text)) !== unit.outward) return undefined;
    const next = withUnitShare(module, facts.captureFocusShare(), unit.classStart);
    next.bindings = mergeByStart(module.bindings, facts.bindingItems);
    const fresh = findings.filter((f) => f.start >= unit.start && f.end <= end).map((f) => editedFinding(f, suppressionEdit(document, f)));
    const carried = carriedFindings(state.findings, covered, span, (f) => this.readsOtherDefs(f.rule), document.lines, (f) => suppressionEdit(document, f));
    const inUnit = carried.length ? mergeFindings(fresh, carried) : fresh;
    const units = movedUnits(state.units, unit, delta, found.bodyStart, end);
    return {
      tree: document.tree,
      text: document.text,
      key: state.key,
      findings: mergeFindings(kept, inUnit),
      exact: false,
      module: next,
      comments,
      units,
      coverage: state.coverage && movedCoverage(state.coverage, state.units.indexOf(unit), facts),
      definitions: undefined,
    };
  }

  /** Every rule over the whole file, or (with a focus) over one def with the rest of the file as data. */
  private run(
    document: SourceDocument,
    config: RuleConfig,
    focus?: FactsFocus,
    /** The comments that may silence the findings (default: the analysed code's), given where the file's first statement starts. */
    commentsFor?: (facts: SemanticFacts, firstStatement: number) => CommentText[],
  ): { findings: Finding[]; facts: SemanticFacts } {
    const enabled = this.rules.filter((rule) => isRuleEnabled(rule, config) && meetsTargetVersion(rule, config));
    const tree = document.tree;
    const scope = focus?.unit ?? tree.rootNode;
    // Phase 1, one traversal: the base facts plus every rule no import can rule out.
    // Phase 2, only when the file imports what they need: rules gated on imports
    // (time.sleep where nothing imports time costs nothing).
    const gated = (rule: RuleMeta) => rule.guards.some((guard) => GUARDS[guard.name]?.mayPass);
    const first = this.combinedQueries.of(enabled.filter((rule) => rule.query && !gated(rule)), true);
    const baseMatches: QueryMatch[] = [];
    const ruleMatches: [RuleMeta, Captures][] = [];
    const collect = (combined: CombinedQuery, match: QueryMatch) => {
      const rules = combined.owners[match.patternIndex];
      if (!rules.length) {
        baseMatches.push(match);
        return;
      }
      const captures = capturesOf(match);
      for (const rule of rules) ruleMatches.push([rule, captures]);
    };
    const version = config.targetVersion ?? DEFAULT_TARGET_VERSION;
    if (!enabled.length) return { findings: [], facts: new SemanticFacts(tree, this.factQueries, version, { focus, text: document.text }) };
    for (const match of first.query.matches(scope, QUERY_OPTIONS)) collect(first, match);
    this.budget.check();
    const facts = new SemanticFacts(tree, this.factQueries, version, { baseMatches, focus, text: document.text });
    const typing = resolveTypingOptions(config.typing);
    configureRuntimeAnnotations(facts, { baseClasses: typing.runtimeEvaluatedBaseClasses, decorators: typing.runtimeEvaluatedDecorators });
    if (!focus) rememberDefinitions(document, tree, () => functionNodes(facts), config.typing);
    this.budget.check();
    const active = enabled.filter((rule) => !gated(rule) || mayApply(rule, facts));
    const second = active.filter((rule) => rule.query && gated(rule));
    if (second.length) {
      const combined = this.combinedQueries.of(second, false);
      for (const match of combined.query.matches(scope, QUERY_OPTIONS)) collect(combined, match);
    }

    const run = new AnalysisRun(document, facts, config, (fix) => this.fixKeepsSyntax(document.text, fix));
    const visitors = new Map<string, CheckVisitor>();
    for (const rule of active) {
      if (!rule.check || (focus && READS_OTHER_DEFS.has(rule.check))) continue;
      const factory = CHECKS[rule.check];
      if (!factory) throw new Error(`${rule.source}: check "${rule.check}" is not registered: add it to its family's package (src/engine/families/<family>/index.ts)`);
      visitors.set(rule.id, factory(run.contextFor(rule)));
    }
    this.budget.check();
    let matched = 0;
    for (const [rule, captures] of ruleMatches) {
      if (++matched % BUDGET_POLL_MATCHES === 0) this.budget.check();
      const visitor = visitors.get(rule.id);
      if (visitor) visitor.match?.(captures);
      else if (!rule.check) run.dataRuleMatch(rule, captures);
    }
    for (const visitor of visitors.values()) {
      this.budget.check();
      visitor.finish?.();
    }
    return { findings: run.finish((firstStatement) => commentsFor?.(facts, firstStatement) ?? facts.comments), facts };
  }

  /** Engine.fixAll: every acceptable fix, re-analysing until stable (fix-all.ts). */
  fixAll(text: string, config: RuleConfig, options: FixAllOptions): FixAllResult {
    return fixAllText(text, options, {
      analyze: (source) => this.analyzeText(source, config),
      errorCount: (source) => this.errorCount(source),
      beforePass: () => this.budget.check(),
    });
  }

  /** True when applying the fix keeps the file free of new syntax errors. */
  fixKeepsSyntax(text: string, fix: Fix): boolean {
    return this.errorCount(applyEdits(text, fix.edits)) <= this.errorCount(text);
  }

  private errorCount(text: string): number {
    return this.shielded(() => this.syntaxErrors.count(text));
  }

  dispose(): void {
    // After a trap the runtime's memory is unusable: freeing into it could trap again.
    if (this.shield.poisoned) return;
    this.combinedQueries.delete();
    this.factQueries.delete();
    this.syntaxErrors.delete();
    this.parser.delete();
  }
}

/** Text that may bind a name: an assignment (not a comparison), a loop or `with` target, a walrus. */
const BINDS_NAMES = /(?<![=!<>])=(?!=)|\bfor\b|\bwith\b|:=|\bdel\b/;
const IMPORT_WORDS = /\b(?:import|global|nonlocal)\b/;

export interface EditedAnalysis {
  findings: EditedFinding[];
  /** Only the edited def was analysed again: findings of rules that look across defs may be stale. */
  provisional: boolean;
}

/** False when a file-level pre-check of the rule's guards already rules it out. */
function mayApply(rule: RuleMeta, facts: SemanticFacts): boolean {
  return rule.guards.every((guard) => GUARDS[guard.name]?.mayPass?.(facts, guard.args ?? {}) ?? true);
}
