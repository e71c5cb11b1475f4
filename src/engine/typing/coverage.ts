// Typed coverage of a file: of all the places a def can carry an annotation — each
// parameter (not self / cls) and each return — the share that does. Lambdas cannot be
// annotated and do not count. Shown in the CLI summary and the VS Code status bar.
import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';

export interface TypedCoverage {
  /** Annotated parameters and returns. */
  annotated: number;
  /** All parameters (without self / cls) and returns of the file's defs. */
  total: number;
}

const queries = new WeakMap<Language, Query>();

/** Counts the annotation slots of every `def` in the tree (one query, no other analysis). */
export function typedCoverage(tree: Tree): TypedCoverage {
  let query = queries.get(tree.language);
  if (!query) queries.set(tree.language, (query = new Query(tree.language, '(function_definition) @def')));
  const coverage: TypedCoverage = { annotated: 0, total: 0 };
  for (const capture of query.captures(tree.rootNode)) addDefinition(capture.node, coverage);
  return coverage;
}

interface Remembered {
  tree: Tree;
  /** The defs of that tree, from the analysis's scopes (no extra traversal). */
  definitions: () => Node[];
  coverage?: TypedCoverage;
}

const remembered = new WeakMap<object, Remembered>();

/** Called by each analysis: the document's defs, for a later `documentCoverage`. */
export function rememberDefinitions(document: object, tree: Tree, definitions: () => Node[]): void {
  remembered.set(document, { tree, definitions });
}

/**
 * The coverage of a parsed document: from its last analysis when that analysed the current
 * tree (free: the scopes are already known), else by a query over the tree.
 */
export function documentCoverage(document: { tree: Tree }): TypedCoverage {
  const known = remembered.get(document);
  if (!known || known.tree !== document.tree) return typedCoverage(document.tree);
  if (!known.coverage) {
    const coverage: TypedCoverage = { annotated: 0, total: 0 };
    for (const definition of known.definitions()) addDefinition(definition, coverage);
    known.coverage = coverage;
  }
  return known.coverage;
}

/** Adds one def's parameters and return to the counts. */
export function addDefinition(definition: Node, coverage: TypedCoverage): void {
  const parameters = definition.childForFieldName('parameters');
  if (!parameters || definition.hasError) return;
  coverage.total += 1;
  if (definition.childForFieldName('return_type')) coverage.annotated += 1;
  let skipFirst = isMethod(definition) && !isStaticMethod(definition);
  for (const parameter of parameters.namedChildren) {
    if (!parameter || parameter.type === 'comment' || parameter.type === 'keyword_separator' || parameter.type === 'positional_separator') continue;
    if (skipFirst) {
      skipFirst = false;
      const splat = parameter.type === 'list_splat_pattern' || parameter.type === 'dictionary_splat_pattern' || (parameter.type === 'typed_parameter' && /^\*/.test(parameter.text));
      if (!splat) continue; // self / cls
    }
    coverage.total += 1;
    if (parameter.type === 'typed_parameter' || parameter.type === 'typed_default_parameter') coverage.annotated += 1;
  }
}

/** A def directly in a class body. */
function isMethod(definition: Node): boolean {
  const statement = definition.parent?.type === 'decorated_definition' ? definition.parent : definition;
  return statement.parent?.type === 'block' && statement.parent.parent?.type === 'class_definition';
}

function isStaticMethod(definition: Node): boolean {
  const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
  return !!decorated?.namedChildren.some((d) => d?.type === 'decorator' && d.firstNamedChild?.text === 'staticmethod');
}

/** `63%` — rounded down, so 100% means every slot is annotated; undefined when there is no def. */
export function formatCoverage(coverage: TypedCoverage): string | undefined {
  if (!coverage.total) return undefined;
  return `${Math.floor((coverage.annotated * 100) / coverage.total)}%`;
}

/** The sum of several files' coverage. */
export function sumCoverage(list: readonly (TypedCoverage | undefined)[]): TypedCoverage {
  const sum: TypedCoverage = { annotated: 0, total: 0 };
  for (const item of list) {
    if (!item) continue;
    sum.annotated += item.annotated;
    sum.total += item.total;
  }
  return sum;
}
