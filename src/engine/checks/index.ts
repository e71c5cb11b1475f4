// Registry of code-backed checks: rules whose YAML says `check: <id>`. A meta-test keeps
// this list, the files in this folder and the rules in step.
import type { Node, Tree } from 'web-tree-sitter';
import type { SemanticFacts } from '../facts';
import type { ModuleReference } from '../imports-edit';
import type { Captures } from '../template';
import type { Fix, RuleMeta } from '../types';
// Imports, grouped by family (keep each group sorted; add yours under its family).
// async
// dataframes
// typing
import { createMissingReturnAnnotation } from './missing-return-annotation';

export interface CheckReport {
  /** The node whose range the finding takes. */
  node: Node;
  /** Values for the rule's message placeholders. */
  data?: Record<string, string>;
  fixes?: Fix[];
  suggestion?: string;
}

export interface CheckContext {
  rule: RuleMeta;
  text: string;
  tree: Tree;
  facts: SemanticFacts;
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

export const CHECKS: Record<string, CheckFactory> = {
  // async
  // dataframes
  // typing
  'missing-return-annotation': createMissingReturnAnnotation,
};
