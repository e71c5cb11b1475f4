// The tree-sitter queries semantic facts are read from (facts.ts): the base patterns the
// engine prepends to every combined query, and the bindings query, compiled once per language.
import { Query, type Language } from 'web-tree-sitter';

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

/** The fact a BASE_QUERY match feeds. */
export type BaseKind = 'scope' | 'exit' | 'import' | 'comment' | 'error';

/** Which fact each BASE_QUERY match feeds, by the name of its first capture. */
export const BASE_KIND: Record<string, BaseKind> = {
  function: 'scope', 'function.body': 'scope', lambda: 'scope', 'lambda.body': 'scope', class: 'scope', 'class.body': 'scope',
  return: 'exit', value: 'exit', yield: 'exit',
  import: 'import', from: 'import', future: 'import',
  comment: 'comment',
  error: 'error',
};
