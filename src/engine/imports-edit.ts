// Adds an `import x` statement a fix needs, where a person would put it: after the last
// top-level import, else after the module docstring and `from __future__` lines, else first.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from './facts';
import { detectEol } from './positions';
import { firstStatementOffset } from './suppression';
import type { TextEdit } from './types';

export interface ModuleReference {
  /** Name to write in the fix (the existing alias when the module is already imported). */
  name: string;
  /** The edit that adds the import, when it is missing. */
  edit?: TextEdit;
}

// One analysis asks once per finding; finding the insertion point walks the top-level
// statements, so remember the answer per facts object (one parse of one text).
const references = new WeakMap<SemanticFacts, Map<string, ModuleReference>>();

export function referenceModule(module: string, facts: SemanticFacts, text: string): ModuleReference {
  let known = references.get(facts);
  if (!known) references.set(facts, (known = new Map()));
  let reference = known.get(module);
  if (!reference) {
    const alias = facts.moduleAlias(module);
    reference = alias ? { name: alias } : { name: module, edit: insertImport(`import ${module}`, facts, text) };
    known.set(module, reference);
  }
  return { name: reference.name, edit: reference.edit && { ...reference.edit } };
}

/**
 * How the file already names `target` (`asyncio.to_thread`, `ast.literal_eval`) at `at`:
 * `to_thread` after `from asyncio import to_thread`, `aio.to_thread` after `import asyncio
 * as aio`; undefined when no import in reach binds it or one of its parents.
 */
export function importedName(facts: SemanticFacts, at: Node, target: string): string | undefined {
  const scope = facts.scopeOf(at);
  const parts = target.split('.');
  for (let i = parts.length; i >= 1; i--) {
    const prefix = parts.slice(0, i).join('.');
    for (const binding of facts.imports) {
      if (binding.qualified === prefix && facts.lookup(binding.local, scope) === prefix) return [binding.local, ...parts.slice(i)].join('.');
    }
  }
  return undefined;
}

function insertImport(statement: string, facts: SemanticFacts, text: string): TextEdit {
  return insertStatement(statement, importAnchor(facts), facts, text);
}

/** Where a new import goes: after the last top-level import, else after the module docstring. */
export function importAnchor(facts: SemanticFacts): Node | undefined {
  const root = facts.tree.rootNode;
  let anchor: Node | undefined;
  for (const child of root.namedChildren) {
    if (!child) continue;
    const isImport = child.type === 'import_statement' || child.type === 'import_from_statement' || child.type === 'future_import_statement';
    const isDocstring = !anchor && child.type === 'expression_statement' && child.firstNamedChild?.type === 'string' && child.startIndex === firstStatementOffset(root);
    if (isImport || isDocstring) anchor = child;
    else if (child.type !== 'comment') break;
  }
  return anchor;
}

/** Inserts a statement on its own line after `anchor`, or (no anchor) after the leading comments. */
export function insertStatement(statement: string, anchor: Node | undefined, facts: SemanticFacts, text: string): TextEdit {
  const eol = detectEol(text);
  if (!anchor) {
    // No imports: go after leading comments (shebang, coding cookie, licence header).
    const start = leadingCommentsEnd(facts.tree.rootNode, text);
    const prefix = start > 0 && !endsWithEol(text, start) ? eol : '';
    return { start, end: start, newText: `${prefix}${statement}${eol}` };
  }
  const lineEnd = endOfLine(text, anchor.endIndex);
  if (lineEnd === text.length) return { start: lineEnd, end: lineEnd, newText: `${eol}${statement}${eol}` };
  return { start: lineEnd, end: lineEnd, newText: `${eol}${statement}` };
}

function leadingCommentsEnd(root: Node, text: string): number {
  let end = 0;
  for (const child of root.namedChildren) {
    if (!child || child.type !== 'comment') break;
    end = endOfLine(text, child.endIndex);
    end = skipLineBreak(text, end);
  }
  return end;
}

function endOfLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function skipLineBreak(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return offset + 2;
  if (text[offset] === '\n' || text[offset] === '\r') return offset + 1;
  return offset;
}

function endsWithEol(text: string, offset: number): boolean {
  return offset > 0 && (text[offset - 1] === '\n' || text[offset - 1] === '\r');
}
