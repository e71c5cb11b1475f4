// Typed coverage of a file: of all the places a def must carry an annotation — each
// parameter (not self / cls) and each return — the share that does. "Must" is what the
// missing-annotation rules require under `[tool.pymodern.typing]` (required.ts): a slot the
// settings exempt (dummy names, `*args` with star-args off, private functions with
// private-functions off…) is not counted, so the figure matches what is reported. Lambdas
// cannot be annotated and do not count. Shown in the CLI summary and the VS Code status bar.
import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';
import { resolveTypingOptions, type ResolvedTypingOptions } from '../../config';
import type { RuleConfig, TypingOptions } from '../../types';
import { definitionShape } from './functions';
import { requiredAnnotations } from './required';
import type { TypedCoverage } from '../../coverage-figures';
import { QUERY_OPTIONS } from '../../query-limits';

export { formatCoverage, sumCoverage, type TypedCoverage } from '../../coverage-figures';

const queries = new WeakMap<Language, Query>();

/** Counts the annotation slots of every `def` in the tree (one query, no other analysis). */
export function typedCoverage(tree: Tree, typing?: Partial<TypingOptions>): TypedCoverage {
  let query = queries.get(tree.language);
  if (!query) queries.set(tree.language, (query = new Query(tree.language, '(function_definition) @def')));
  const options = resolveTypingOptions(typing);
  const coverage: TypedCoverage = { annotated: 0, total: 0 };
  for (const capture of query.captures(tree.rootNode, QUERY_OPTIONS)) addDefinition(capture.node, coverage, options);
  return coverage;
}

interface Remembered {
  tree: Tree;
  /** The defs of that tree, from the analysis's scopes (no extra traversal). */
  definitions: () => Node[];
  /** The typing options of the last analysis: the default for later figures. */
  typing: Partial<TypingOptions> | undefined;
  /** Figures of that tree, by options. */
  coverage: Map<string, TypedCoverage>;
}

const remembered = new WeakMap<object, Remembered>();

/** Called by each analysis: the document's defs and typing options, for a later `documentCoverage`. */
export function rememberDefinitions(document: object, tree: Tree, definitions: () => Node[], typing?: Partial<TypingOptions>): void {
  remembered.set(document, { tree, definitions, typing, coverage: new Map() });
}

/**
 * The coverage of a parsed document under a config's typing options (default: those of its
 * last analysis, else the defaults): from that analysis when it analysed the current tree
 * (free: the scopes are already known), else by a query over the tree.
 */
export function documentCoverage(document: { tree: Tree }, config?: RuleConfig): TypedCoverage {
  const known = remembered.get(document);
  const options = resolveTypingOptions(config ? config.typing : known?.typing);
  if (!known || known.tree !== document.tree) return typedCoverage(document.tree, options);
  let coverage = known.coverage.get(options.key);
  if (!coverage) {
    coverage = { annotated: 0, total: 0 };
    for (const definition of known.definitions()) addDefinition(definition, coverage, options);
    known.coverage.set(options.key, coverage);
  }
  return coverage;
}

/** Adds one def's required parameters and return to the counts. */
export function addDefinition(definition: Node, coverage: TypedCoverage, options: ResolvedTypingOptions = resolveTypingOptions(undefined)): void {
  if (definition.hasError) return;
  const shape = definitionShape(definition);
  const required = shape && requiredAnnotations(shape, options);
  if (!required) return;
  if (required.returns) {
    coverage.total += 1;
    if (definition.childForFieldName('return_type')) coverage.annotated += 1;
  }
  for (const parameter of required.parameters) {
    coverage.total += 1;
    if (parameter.annotation) coverage.annotated += 1;
  }
}

