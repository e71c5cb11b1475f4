// Shared by the archive, permission, debug and assert rules: keyword arguments, what a
// receiver was made by (`tar` in `with tarfile.open(p) as tar`), and module-level facts.
import type { Node } from 'web-tree-sitter';
import { boundValues } from '../../bound-values';
import type { SemanticFacts } from '../../facts';
export { keywordArgument } from '../../call-arguments';

/** True when `**kwargs` may pass any keyword. */
export function hasKeywordSplat(args: Node): boolean {
  return args.namedChildren.some((c) => c?.type === 'dictionary_splat');
}

/** The positional arguments, in order (undefined after a `*args`, whose count is unknown). */
export function positionalArguments(args: Node): Node[] | undefined {
  const list: Node[] = [];
  for (const child of args.namedChildren) {
    if (!child || child.type === 'comment' || child.type === 'keyword_argument' || child.type === 'dictionary_splat') continue;
    if (child.type === 'list_splat') return undefined;
    list.push(child);
  }
  return list;
}

/**
 * Whether `expression` is provably a value one of `makers` returns: a call of one of them
 * (through imports and aliases), or a name whose every binding in its scope before this
 * use is such a call (`app = Flask(__name__)`, `with tarfile.open(p) as tar`). A parameter,
 * an unknown binding or a rebinding to something else makes it unknown (false).
 */
export function madeBy(facts: SemanticFacts, expression: Node, makers: ReadonlySet<string>): boolean {
  let node = expression;
  while (node.type === 'parenthesized_expression' && node.namedChildCount === 1) node = node.namedChildren[0]!;
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const qualified = callee ? facts.resolve(callee) : undefined;
    return qualified !== undefined && makers.has(qualified);
  }
  if (node.type !== 'identifier') return false;
  const values = boundValues(facts, node);
  return !!values?.length && values.every((value) => value.type === 'call' && madeBy(facts, value, makers));
}


/** The statements directly in the module (not in defs, classes or blocks). */
export function moduleStatements(root: Node): Node[] {
  return root.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
}

/** The module-level `NAME = value` assignments of a name, in document order. */
export function moduleAssignments(root: Node, name: string): Node[] {
  const found: Node[] = [];
  for (const statement of moduleStatements(root)) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    if (assignment.childForFieldName('left')?.text === name) found.push(assignment);
  }
  return found;
}
