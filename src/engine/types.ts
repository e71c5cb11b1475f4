// Shared vocabulary of the engine. Editor-free: no `vscode`, no `fs`.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export type FixSafety = 'safe' | 'unsafe';

/** A Python version as [major, minor], e.g. [3, 10]. */
export type PythonVersion = readonly [number, number];

/** A position in UTF-16 code units (what VS Code and web-tree-sitter use). 0-based. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of the text between two UTF-16 offsets. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export interface Finding {
  rule: string;
  family: string;
  trend: string;
  severity: Severity;
  message: string;
  /** UTF-16 offsets into the analysed text. */
  start: number;
  end: number;
  range: Range;
  /** The rule's equivalent codes in other tools (Ruff, flake8-async, …). */
  peers: string[];
  /** The one code of `peers` that applies to this very finding (ANN205 for a staticmethod), if any. */
  peer?: string;
  fixes: Fix[];
  /** Markdown: the modern form built from the user's code, for hovers. */
  suggestion?: string;
  tags: FindingTag[];
}

export type FindingTag = 'deprecated' | 'unnecessary';

/** A finding as an editor shows it: plus the edit behind "Disable <rule> for this line" (Engine.analyzeEdited). */
export interface EditedFinding extends Finding {
  disable: TextEdit | undefined;
}

// ---- Rule metadata, as compiled from rules/<family>/<id>.yml ----

export interface GuardSpec {
  /** Name of a guard in src/engine/guards.ts. */
  name: string;
  /** The capture the guard looks at. */
  capture?: string;
  /** Extra arguments, guard-specific. */
  args?: Record<string, unknown>;
}

export interface FixTemplate {
  title: string;
  safety: FixSafety;
  /** Capture whose range the template replaces. */
  replace: string;
  /** Text with {{capture}}, {{capture.inner}} and {{module:name}} placeholders. */
  template: string;
  /** Conditions for offering this fix (e.g. the file uses asyncio, not trio). */
  guards?: GuardSpec[];
}

export interface RuleMeta {
  id: string;
  family: string;
  trend: string;
  severity: Severity;
  status: 'stable' | 'preview';
  title: string;
  /** One line with {{placeholders}} filled from captures or check data. */
  message: string;
  /** Markdown shown in hovers: why it matters. */
  note: string;
  peers: string[];
  tags: FindingTag[];
  /** Minimum target Python version for the rule to run. */
  minVersion?: PythonVersion;
  /** A tree-sitter query (data rule) ... */
  query?: string;
  /** ... the capture that gives the finding's range ... */
  report?: string;
  guards: GuardSpec[];
  fixes: FixTemplate[];
  /** Markdown template of the modern form, for hovers. */
  suggestion?: string;
  /** ... or the name of a code-backed check in src/engine/families/<family>/checks/. */
  check?: string;
  /** For checks: the safety of the fixes the code offers, if any. */
  fixSafety?: 'safe' | 'unsafe' | 'mixed';
  /** Source file the rule was compiled from (for messages). */
  source: string;
}

export interface TrendMeta {
  id: string;
  title: string;
  /** One or two sentences: the "why now" shown in hovers. */
  summary: string;
  /** Page body, Markdown. */
  markdown: string;
}

export interface CompiledRuleSet {
  generated: string;
  rules: RuleMeta[];
  trends: TrendMeta[];
}

// ---- Configuration, resolved per file ----

export interface RuleConfig {
  /** Rule ids, family names or ALL. Empty/undefined = all stable rules. */
  select?: string[];
  ignore?: string[];
  severity?: Record<string, Severity>;
  targetVersion?: PythonVersion;
  /**
   * The oldest pandas the code must run on, as [major, minor] (`pandas-version`, else the
   * lower bound of the pandas requirement in pyproject.toml; see src/engine/pandas-version.ts).
   * Unset: DEFAULT_PANDAS_VERSION.
   */
  pandasVersion?: PandasVersion;
  /**
   * The oldest pydantic the code must run on, as [major, minor] (`pydantic-version`, else the
   * lower bound of the pydantic requirement in pyproject.toml). Unset: 2.0. Below 2 the
   * pydantic family (a v1 → v2 migration) reports nothing: the code must still run on v1.
   */
  pydanticVersion?: PandasVersion;
  /**
   * Preview rules join the selection (`--preview`, `preview = true`, `pymodern.preview`):
   * `ALL`, a family name and the default selection then include them. Without it, a preview
   * rule runs only when selected by its id.
   */
  preview?: boolean;
  /** `[tool.pymodern.typing]`: what the missing-annotation rules and typed coverage count. Unset keys take the defaults. */
  typing?: Partial<TypingOptions>;
  /** `[tool.pymodern.security]`: settings of the security family's fixes. */
  security?: SecurityOptions;
}

/** `[tool.pymodern.security]`, setting `pymodern.security` (kebab-case keys in src/engine/config.ts). */
export interface SecurityOptions {
  /** Seconds the `http-call-without-timeout` fix writes as `timeout=` (default 10). */
  requestTimeout?: number;
}

/**
 * Which functions and parameters need annotations, for the missing-annotation rules and the
 * typed coverage alike (`[tool.pymodern.typing]`, setting `pymodern.typing`; defaults and
 * the kebab-case keys in src/engine/config.ts).
 */
export interface TypingOptions {
  /** `*args` / `**kwargs` need annotations. */
  starArgs: boolean;
  /** `_private` functions and methods, and nested defs, need annotations. */
  privateFunctions: boolean;
  /** A regular expression (JavaScript syntax, `u` flag): parameter names it matches are skipped. Empty: none. */
  dummyArgs: string;
  /** The def after `@overload` stubs is checked too. */
  overloadImplementation: boolean;
  /** Functions whose body only raises are checked. */
  raiseOnly: boolean;
  /** `__init__` needs no `-> None` when one of its parameters is annotated. */
  mypyInitReturn: boolean;
  /** No return annotation needed when a function returns nothing but `None`. */
  suppressNoneReturning: boolean;
  /** Functions without any annotation are skipped. */
  ignoreFullyUntyped: boolean;
  /** Qualified base classes whose subclasses' annotations are read at runtime (Ruff's setting of the same name). */
  runtimeEvaluatedBaseClasses: string[];
  /** Qualified decorators that read the annotations of what they decorate at runtime. */
  runtimeEvaluatedDecorators: string[];
}

export const DEFAULT_TARGET_VERSION: PythonVersion = [3, 10];

/** A pandas release as [major, minor], e.g. [2, 1]. */
export type PandasVersion = readonly [number, number];

/**
 * The pandas version assumed when a project declares none: 2.0, the oldest release line
 * still in wide use. What 2.0 removed is reported as removed; a fix that needs a newer
 * pandas (`DataFrame.map`, 2.1) is not offered until the project says it may use one.
 */
export const DEFAULT_PANDAS_VERSION: PandasVersion = [2, 0];
