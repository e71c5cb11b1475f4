// Registry of code-backed checks: rules whose YAML says `check: <id>`. A meta-test keeps
// this list, the files in this folder and the rules in step.
import type { Node, Tree } from 'web-tree-sitter';
import type { ResolvedTypingOptions } from '../config';
import type { SemanticFacts } from '../facts';
import type { ModuleReference } from '../imports-edit';
import type { Captures } from '../template';
import type { Fix, RuleConfig, RuleMeta } from '../types';
// Imports, grouped by family (keep each group sorted; add yours under its family).
// async
import { createAsyncDefWithoutAwait } from './async-def-without-await';
import { createAsyncioRunInCoroutine } from './asyncio-run-in-coroutine';
import { createBlockingDatabaseCallInAsync } from './blocking-database-call-in-async';
import { createBlockingFileMethodInAsync } from './blocking-file-method-in-async';
import { createBlockingHelperCallInAsync } from './blocking-helper-call-in-async';
import { createBlockingHttpCallInAsync } from './blocking-http-call-in-async';
import { createBlockingInputInAsync } from './blocking-input-in-async';
import { createBlockingOpenInAsync } from './blocking-open-in-async';
import { createBlockingPathCallInAsync } from './blocking-path-call-in-async';
import { createBlockingProcessWaitInAsync } from './blocking-process-wait-in-async';
import { createBlockingSocketCallInAsync } from './blocking-socket-call-in-async';
import { createBlockingSubprocessInAsync } from './blocking-subprocess-in-async';
import { createBlockingThreadWaitInAsync } from './blocking-thread-wait-in-async';
import { createDroppedTaskReference } from './dropped-task-reference';
import { createGetEventLoopOutsideLoop } from './get-event-loop-outside-loop';
// dataframes
import { createPandasChainedAssignment } from './pandas-chained-assignment';
import { createPandasConcatInLoop } from './pandas-concat-in-loop';
import { createPandasDataframeAppend } from './pandas-dataframe-append';
import { createPandasGroupbyApplyLambda } from './pandas-groupby-apply-lambda';
import { createPandasInplace } from './pandas-inplace';
import { createPandasIsnullAlias } from './pandas-isnull-alias';
import { createPandasIterrowsLoop } from './pandas-iterrows-loop';
import { createPandasIxIndexer } from './pandas-ix-indexer';
import { createPandasMeltIdiom } from './pandas-melt-idiom';
import { createPandasPivotIdiom } from './pandas-pivot-idiom';
import { createPandasReadCsv } from './pandas-read-csv';
import { createPandasReadFile } from './pandas-read-file';
import { createPandasReadSql } from './pandas-read-sql';
import { createPandasRowApply } from './pandas-row-apply';
import { createPandasSeriesApplyLambda } from './pandas-series-apply-lambda';
import { createPandasSqlChain } from './pandas-sql-chain';
// typing
import { createFutureAnnotationsRequired } from './future-annotations-required';
import { createImplicitOptional } from './implicit-optional';
import { createMissingParameterAnnotation } from './missing-parameter-annotation';
import { createMissingPrivateParameterAnnotation } from './missing-private-parameter-annotation';
import { createMissingPrivateReturnAnnotation } from './missing-private-return-annotation';
import { createMissingReturnAnnotation } from './missing-return-annotation';
import { createMissingSpecialMethodReturnAnnotation } from './missing-special-method-return-annotation';
import { createMissingStarArgsAnnotation } from './missing-star-args-annotation';
import { createQuotedAnnotation } from './quoted-annotation';
import { createTypealiasAnnotation } from './typealias-annotation';
import { createTypevarGenericClass } from './typevar-generic-class';
import { createTypevarGenericFunction } from './typevar-generic-function';
import { createTypingAbcImport } from './typing-abc-import';
import { createTypingExtensionsImport } from './typing-extensions-import';
import { createTypingGenericAlias } from './typing-generic-alias';
import { createTypingOptional } from './typing-optional';
import { createTypingText } from './typing-text';
import { createTypingUnion } from './typing-union';

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

/**
 * Checks whose findings in a def depend on the bodies of other defs (a coroutine calling a
 * same-file helper that blocks). The incremental analysis, which sees one def, does not run
 * them: it keeps their earlier findings in the def, away from the edit, until the next
 * whole-file analysis.
 */
export const READS_OTHER_DEFS: ReadonlySet<string> = new Set(['blocking-helper-call-in-async']);

export const CHECKS: Record<string, CheckFactory> = {
  // async
  'async-def-without-await': createAsyncDefWithoutAwait,
  'asyncio-run-in-coroutine': createAsyncioRunInCoroutine,
  'blocking-database-call-in-async': createBlockingDatabaseCallInAsync,
  'blocking-file-method-in-async': createBlockingFileMethodInAsync,
  'blocking-helper-call-in-async': createBlockingHelperCallInAsync,
  'blocking-http-call-in-async': createBlockingHttpCallInAsync,
  'blocking-input-in-async': createBlockingInputInAsync,
  'blocking-open-in-async': createBlockingOpenInAsync,
  'blocking-path-call-in-async': createBlockingPathCallInAsync,
  'blocking-process-wait-in-async': createBlockingProcessWaitInAsync,
  'blocking-socket-call-in-async': createBlockingSocketCallInAsync,
  'blocking-subprocess-in-async': createBlockingSubprocessInAsync,
  'blocking-thread-wait-in-async': createBlockingThreadWaitInAsync,
  'dropped-task-reference': createDroppedTaskReference,
  'get-event-loop-outside-loop': createGetEventLoopOutsideLoop,
  // dataframes
  'pandas-chained-assignment': createPandasChainedAssignment,
  'pandas-concat-in-loop': createPandasConcatInLoop,
  'pandas-dataframe-append': createPandasDataframeAppend,
  'pandas-groupby-apply-lambda': createPandasGroupbyApplyLambda,
  'pandas-inplace': createPandasInplace,
  'pandas-isnull-alias': createPandasIsnullAlias,
  'pandas-iterrows-loop': createPandasIterrowsLoop,
  'pandas-ix-indexer': createPandasIxIndexer,
  'pandas-melt-idiom': createPandasMeltIdiom,
  'pandas-pivot-idiom': createPandasPivotIdiom,
  'pandas-read-csv': createPandasReadCsv,
  'pandas-read-file': createPandasReadFile,
  'pandas-read-sql': createPandasReadSql,
  'pandas-row-apply': createPandasRowApply,
  'pandas-series-apply-lambda': createPandasSeriesApplyLambda,
  'pandas-sql-chain': createPandasSqlChain,
  // typing
  'future-annotations-required': createFutureAnnotationsRequired,
  'implicit-optional': createImplicitOptional,
  'missing-parameter-annotation': createMissingParameterAnnotation,
  'missing-private-parameter-annotation': createMissingPrivateParameterAnnotation,
  'missing-private-return-annotation': createMissingPrivateReturnAnnotation,
  'missing-return-annotation': createMissingReturnAnnotation,
  'missing-special-method-return-annotation': createMissingSpecialMethodReturnAnnotation,
  'missing-star-args-annotation': createMissingStarArgsAnnotation,
  'quoted-annotation': createQuotedAnnotation,
  'typealias-annotation': createTypealiasAnnotation,
  'typevar-generic-class': createTypevarGenericClass,
  'typevar-generic-function': createTypevarGenericFunction,
  'typing-abc-import': createTypingAbcImport,
  'typing-extensions-import': createTypingExtensionsImport,
  'typing-generic-alias': createTypingGenericAlias,
  'typing-optional': createTypingOptional,
  'typing-text': createTypingText,
  'typing-union': createTypingUnion,
};
