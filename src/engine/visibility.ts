// Whether a def is public API, as pydocstyle and Ruff's flake8-annotations decide it: a
// `_name`, a def nested in a function, a property's setter or deleter, a method of a private
// class, or — when the module lists its API in `__all__` with string literals — a
// module-level def or class left out of it, is private. Dunder methods are special whatever
// their class. From the tree alone.
import type { Node, Tree } from 'web-tree-sitter';

export type Visibility = 'public' | 'private' | 'special';

const exportsByTree = new WeakMap<Tree, ReadonlySet<string> | null>();

/** `nested`: the def sits directly in a function (a closure), never public. */
export function visibilityOf(definition: Node, name: string, nested: boolean): Visibility {
  if (nested) return 'private';
  if (name.length > 4 && name.startsWith('__') && name.endsWith('__')) return 'special';
  if (name.startsWith('_')) return 'private';
  // A property's setter or deleter: its getter is the public face (Ruff and pydocstyle agree).
  if (isAccessor(definition, name)) return 'private';
  // A method is as public as its classes; a class inside a function is not public at all.
  let top = definition;
  for (let node = definition.parent; node; node = node.parent) {
    if (node.type === 'function_definition') return 'private';
    if (node.type !== 'class_definition') continue;
    if (node.childForFieldName('name')?.text.startsWith('_')) return 'private';
    top = node;
  }
  const exported = exportedNames(definition.tree);
  const topName = top === definition ? name : (top.childForFieldName('name')?.text ?? '');
  return exported && !exported.has(topName) ? 'private' : 'public';
}

function isAccessor(definition: Node, name: string): boolean {
  const decorated = definition.parent;
  if (decorated?.type !== 'decorated_definition') return false;
  return decorated.namedChildren.some((d) => d?.type === 'decorator' && (d.text === `@${name}.setter` || d.text === `@${name}.deleter`));
}

/**
 * The names of a module's literal `__all__` (`= [...]`, `+= (...)`, `.extend([...])`,
 * `.append("x")`, also under module-level `if`/`try`); undefined when it has none, or builds
 * it in a way the text does not spell out (then nothing is private for want of a listing).
 */
export function exportedNames(tree: Tree): ReadonlySet<string> | undefined {
  let known = exportsByTree.get(tree);
  if (known === undefined) {
    known = collectExports(tree.rootNode);
    exportsByTree.set(tree, known);
  }
  return known ?? undefined;
}

/**
 * Lets a new tree reuse what an earlier one's `__all__` lists, when an edit inside a def's
 * body is all that tells them apart (the incremental analysis): `__all__` is module-level.
 */
export function carryExports(from: Tree, to: Tree): void {
  const known = exportsByTree.get(from);
  if (known !== undefined) exportsByTree.set(to, known);
}

function collectExports(root: Node): ReadonlySet<string> | null {
  const names = new Set<string>();
  let defined = false;
  const visit = (block: Node): boolean => {
    for (const statement of block.namedChildren) {
      if (!statement) continue;
      if (['if_statement', 'try_statement', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'block'].includes(statement.type)) {
        if (!visit(statement)) return false;
        continue;
      }
      if (statement.type !== 'expression_statement' || !statement.text.includes('__all__')) continue;
      const expression = statement.firstNamedChild;
      if (!expression) continue;
      const strings = exportStrings(expression);
      if (strings === 'other') continue;
      if (!strings) return false;
      defined = true;
      for (const name of strings) names.add(name);
    }
    return true;
  };
  if (!visit(root)) return null;
  return defined ? names : null;
}

/** The strings an `__all__` statement adds; 'other' when it does not touch `__all__`; undefined when they are not literal. */
function exportStrings(expression: Node): string[] | undefined | 'other' {
  if (expression.type === 'assignment' || expression.type === 'augmented_assignment') {
    if (expression.childForFieldName('left')?.text !== '__all__') return 'other';
    const right = expression.childForFieldName('right');
    return right ? literalStrings(right) : undefined;
  }
  if (expression.type === 'call') {
    const callee = expression.childForFieldName('function');
    if (callee?.type !== 'attribute' || callee.childForFieldName('object')?.text !== '__all__') return 'other';
    const method = callee.childForFieldName('attribute')?.text;
    const args = expression.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => !!c) ?? [];
    if (method === 'append' && args.length === 1) return literalStrings(args[0], true);
    if (method === 'extend' && args.length === 1) return literalStrings(args[0]);
    return undefined;
  }
  return expression.text.includes('__all__') ? undefined : 'other';
}

function literalStrings(node: Node, single = false): string[] | undefined {
  // `[...] + other.__all__`: the literal part, as Ruff reads it (the rest is not spelled out).
  if (!single && node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
    const parts = [node.childForFieldName('left'), node.childForFieldName('right')].map((side) => (side ? literalStrings(side) : undefined));
    if (parts.every((part) => !part)) return undefined;
    return parts.flatMap((part) => part ?? []);
  }
  const items = single ? [node] : ['list', 'tuple', 'expression_list'].includes(node.type) ? node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : undefined;
  if (!items) return undefined;
  const result: string[] = [];
  for (const item of items) {
    const match = item.type === 'string' ? /^(['"])([\w.]*)\1$/.exec(item.text) : null;
    if (!match) return undefined;
    result.push(match[2]);
  }
  return result;
}
