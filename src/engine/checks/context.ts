// What a code-backed check receives and returns. Every check imports these types from here,
// never from the registry (index.ts), so no check depends on the list of all checks.
import type { Node, Tree } from 'web-tree-sitter';
import type { ResolvedTypingOptions } from '../config';
import type { SemanticFacts } from '../facts';
import type { GuardDefinition } from '../guards';
import type { ModuleReference } from '../imports-edit';
import type { Captures } from '../template';
import type { Fix, RuleConfig, RuleMeta } from '../types';

export interface CheckReport {
  /** The node whose range the finding takes. */
  node: Node;
  /** Offsets the finding takes instead of the node's (a type inside a quoted annotation). */
  range?: { start: number; end: number };
  /** Values for the rule's message placeholders. */
  data?: Record<string, string>;
  fixes?: Fix[];
  suggestion?: string;
  /** The one peer code (of the rule's `peers`) that applies to this finding; undefined: the rule's only one, if it has one. */
  peer?: string | null;
}

export interface CheckContext {
  rule: RuleMeta;
  text: string;
  tree: Tree;
  facts: SemanticFacts;
  /** The configuration of this analysis, as given. */
  config: RuleConfig;
  /** `config.typing` with every default filled in (resolveTypingOptions). */
  typing: ResolvedTypingOptions;
  /** False when the node has or sits in a syntax error: report nothing there. */
  isSound(node: Node): boolean;
  moduleReference(module: string): ModuleReference;
  report(report: CheckReport): void;
}

export interface CheckVisitor {
  /** Called for each match of the rule's query, in document order. */
  match?(captures: Captures): void;
  /** Called once after all matches. */
  finish?(): void;
}

export type CheckFactory = (context: CheckContext) => CheckVisitor;

/** What a family package (src/engine/families/<family>/index.ts) gives the registry. */
export interface FamilyPackage {
  /** The family's name: its folder under rules/ and src/engine/families/. */
  name: string;
  /** Its code-backed checks, by the `check:` id its rules name. */
  checks: Record<string, CheckFactory>;
  /** Named guards only its rules use (the shared ones are in src/engine/guards.ts). */
  guards?: Record<string, GuardDefinition>;
  /**
   * Checks whose findings in a def depend on the bodies of other defs. The incremental
   * analysis, which sees one def, does not run them (see checks/index.ts).
   */
  readsOtherDefs?: readonly string[];
  /** `{{module:$name}}` placeholders of hover templates: the module the file means by `$name`. */
  modulePlaceholders?: Record<string, (facts: SemanticFacts) => string>;
}
