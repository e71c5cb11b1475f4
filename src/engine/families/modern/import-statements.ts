// Import statements of deprecated modules (deprecated-celementtree, deprecated-mock-import):
// found by the module's spelling in the text, read from the tree, rewritten in place.
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { forEachNode } from '../../tree-walk';
import type { TextEdit } from '../../types';

/** Every `import …` and `from … import …` statement, also nested (under `if`, `try`, a def). */
export function importStatements(context: CheckContext, spelling: RegExp): Node[] {
  const statements: Node[] = [];
  if (!spelling.test(context.text)) return statements;
  forEachNode(context.tree.rootNode, (node) => {
    if ((node.type === 'import_statement' || node.type === 'import_from_statement') && context.isSound(node)) statements.push(node);
  });
  return statements;
}

/** The imported names of a statement: `dotted_name` or `aliased_import` nodes, in order. */
export function importedNames(statement: Node): Node[] {
  return statement.childrenForFieldName('name').filter((child): child is Node => !!child);
}

/** The dotted name an imported name spells (`xml.etree.cElementTree` of `… as ET`). */
export function spelledName(name: Node): string {
  const dotted = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
  return (dotted?.text ?? '').replace(/\s+/g, '');
}

export function aliasOf(name: Node): string | undefined {
  return name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : undefined;
}

/** `from a.b import …` → `a.b`; undefined for relative imports. */
export function fromModule(statement: Node): string | undefined {
  const module = statement.childForFieldName('module_name');
  return module?.type === 'dotted_name' ? module.text.replace(/\s+/g, '') : undefined;
}

/**
 * Edits deleting some of a statement's names with their commas (at least one name stays):
 * a name before a kept one goes with its comma and the space after it; names after the last
 * kept one go with the comma before them, so a trailing comma stays as the author wrote it.
 */
export function removeNames(names: readonly Node[], doomed: readonly Node[]): TextEdit[] {
  const isDoomed = (node: Node) => doomed.some((d) => d.equals(node));
  let lastKept = -1;
  names.forEach((name, i) => {
    if (!isDoomed(name)) lastKept = i;
  });
  if (lastKept < 0) return [];
  const edits: TextEdit[] = [];
  names.forEach((name, i) => {
    if (isDoomed(name) && i < lastKept) edits.push({ start: name.startIndex, end: names[i + 1].startIndex, newText: '' });
  });
  if (lastKept < names.length - 1) edits.push({ start: names[lastKept].endIndex, end: names[names.length - 1].endIndex, newText: '' });
  return mergeTouching(edits);
}

/** Adjacent deletions merged, so that one fix never holds overlapping edits. */
function mergeTouching(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last && edit.start <= last.end) {
      last.end = Math.max(last.end, edit.end);
      last.newText += edit.newText;
    } else merged.push({ ...edit });
  }
  return merged;
}

/** The indentation of the line a statement starts on. */
export function indentationOf(text: string, node: Node): string {
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, node.startIndex))![0];
}
