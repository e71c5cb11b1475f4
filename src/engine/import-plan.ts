// The import side of a fix: how to refer to `typing.Optional` or `pydantic.ConfigDict` at a
// spot (reusing the file's own imports, else adding `from module import Name` to an existing
// statement or a new one), and removing from-import names a fix leaves unused. One ImportPlan
// per fix; it turns its requests into non-overlapping edits, one per import statement it touches.
import type { Node } from 'web-tree-sitter';
import type { ImportBinding, SemanticFacts } from './facts';
import { importAnchor, insertStatement } from './imports-edit';
import { onlyRead, within, wordOccurrences } from './name-occurrences';
import { detectEol } from './positions';
import type { TextEdit } from './types';

interface StatementChange {
  statement: Node;
  remove: Set<string>;
  add: string[];
}

export class ImportPlan {
  private readonly changes = new Map<number, StatementChange>();
  /** New `from module import …` statements, by module. */
  private readonly fresh = new Map<string, string[]>();

  /**
   * `isUse(offset, name)` says whether the whole word `name` at `offset` keeps an import
   * alive; the default counts every occurrence in code or in a string other than a
   * docstring (a family that reads strings as type expressions passes a sharper test).
   */
  constructor(
    private readonly facts: SemanticFacts,
    private readonly text: string,
    private readonly isUse: (offset: number, name: string) => boolean = (offset, name) => occurrenceKeepsImport(facts, offset, name),
  ) {}

  /**
   * The text that names `module.name` at `at`: an existing from-import binding, an
   * `import module` alias, else `name` with `from module import name` added. Undefined when
   * the name is taken by something else in the file.
   */
  reference(module: string, name: string, at: Node): string | undefined {
    const facts = this.facts;
    const scope = facts.scopeOf(at);
    const accepted = module === 'typing' ? [`typing.${name}`, `typing_extensions.${name}`] : [`${module}.${name}`];
    for (const binding of facts.imports) {
      if (binding.isModule || !accepted.includes(binding.qualified)) continue;
      if (accepted.includes(facts.lookup(binding.local, scope) ?? '')) return binding.local;
    }
    const [top, ...rest] = module.split('.');
    for (const binding of facts.imports) {
      if (!binding.isModule) continue;
      if (binding.qualified === module && facts.lookup(binding.local, scope) === module) return `${binding.local}.${name}`;
      if (rest.length && binding.qualified === top && binding.local === top && facts.importsModule(module) && facts.lookup(top, scope) === top) {
        return `${module}.${name}`;
      }
    }
    const planned = this.fresh.get(module)?.includes(name) || [...this.changes.values()].some((c) => c.add.includes(name));
    if (planned) return name;
    // Any other binding of the name anywhere (or a star import) and the name is not ours to add.
    if (!onlyRead(facts, name)) return undefined;
    this.add(module, name);
    return name;
  }

  /** Adds `from module import <entry>` (`Name` or `Name as alias`), extending an existing statement. */
  importFrom(module: string, entry: string): void {
    this.add(module, entry);
  }

  private add(module: string, name: string): void {
    const statement = this.fromImportOf(module);
    if (statement) this.change(statement).add.push(name);
    else this.fresh.set(module, [...(this.fresh.get(module) ?? []), name]);
  }

  /** Removes a from-import binding's name from its statement. */
  remove(binding: ImportBinding): void {
    if (binding.isModule || binding.node.type !== 'import_from_statement') return;
    this.change(binding.node).remove.add(binding.local);
  }

  /**
   * True when the binding's name occurs nowhere but in its import and inside `except`
   * (the ranges a fix replaces): not in code, not in strings that read as type expressions
   * naming it (forward references, `__all__`, `cast("List[int]", x)`), not in type comments.
   * Occurrences after a dot are attributes, not uses.
   */
  isUnusedExcept(binding: ImportBinding, except: readonly { start: number; end: number }[]): boolean {
    return wordOccurrences(this.facts, this.text, binding.local).every(
      (offset) => within(offset, binding.node) || except.some((r) => offset >= r.start && offset < r.end) || !this.isUse(offset, binding.local),
    );
  }

  private change(statement: Node): StatementChange {
    let change = this.changes.get(statement.startIndex);
    if (!change) this.changes.set(statement.startIndex, (change = { statement, remove: new Set(), add: [] }));
    return change;
  }

  /** A module-level `from module import a, b` to extend. */
  private fromImportOf(module: string): Node | undefined {
    const root = this.facts.tree.rootNode;
    for (const statement of root.namedChildren) {
      if (statement?.type !== 'import_from_statement' || statement.hasError) continue;
      if (statement.childForFieldName('module_name')?.text.replace(/\s+/g, '') !== module) continue;
      if (statement.children.some((c) => c?.type === 'wildcard_import')) continue;
      return statement;
    }
    return undefined;
  }

  /** The edits, or undefined when an import cannot be changed cleanly. */
  edits(): TextEdit[] | undefined {
    const edits: TextEdit[] = [];
    const eol = detectEol(this.text);
    let freshText = [...this.fresh].map(([module, names]) => `from ${module} import ${names.join(', ')}`).join(eol);
    const anchor = freshText ? importAnchor(this.facts) : undefined;
    for (const change of this.changes.values()) {
      const names = nameNodes(change.statement);
      const kept = names.filter((n) => !change.remove.has(localName(n)));
      const final = [...kept.map((n) => n.text), ...change.add];
      if (kept.length === names.length && !change.add.length) continue;
      if (!final.length) {
        // Every name goes: the statement goes (or becomes the new import, when it was the anchor).
        if (anchor?.equals(change.statement)) {
          edits.push({ start: change.statement.startIndex, end: change.statement.endIndex, newText: freshText });
          freshText = '';
          continue;
        }
        const removal = statementRemoval(change.statement, this.text);
        if (!removal) return undefined;
        edits.push(removal);
      } else if (kept.length === names.length) {
        const last = names[names.length - 1];
        const separator = nameSeparator(names, this.text);
        edits.push({ start: last.endIndex, end: last.endIndex, newText: change.add.map((n) => `${separator}${n}`).join('') });
      } else if (!change.add.length && change.remove.size === 1 && names.length > 1) {
        // One name out of several: take it with the comma on one side, keep the layout.
        const index = names.findIndex((n) => change.remove.has(localName(n)));
        const [start, end] = index < names.length - 1 ? [names[index].startIndex, names[index + 1].startIndex] : [names[index - 1].endIndex, names[index].endIndex];
        edits.push({ start, end, newText: '' });
      } else {
        edits.push({ start: names[0].startIndex, end: names[names.length - 1].endIndex, newText: final.join(nameSeparator(names, this.text)) });
      }
    }
    if (freshText) edits.push(insertStatement(freshText, anchor, this.facts, this.text));
    return edits;
  }
}

/** `, `, or the comma, line break and indentation between the names of a one-name-per-line import. */
function nameSeparator(names: readonly Node[], text: string): string {
  if (names.length < 2) return ', ';
  const between = text.slice(names[0].endIndex, names[1].startIndex);
  return /^[ \t]*,[ \t]*\r?\n[ \t]*$/.test(between) ? between : ', ';
}

/** The `name` entries of a from-import (dotted_name or aliased_import nodes). */
export function nameNodes(statement: Node): Node[] {
  return statement.childrenForFieldName('name').filter((n): n is Node => !!n);
}

export function localName(node: Node): string {
  return node.type === 'aliased_import' ? (node.childForFieldName('alias')?.text ?? '') : node.text.replace(/\s+/g, '');
}

/** The whole lines of a statement; `pass` when it is its block's only statement; undefined when it shares a line. */
function statementRemoval(statement: Node, text: string): TextEdit | undefined {
  let lineStart = statement.startIndex;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  const atLineStart = lineStart === 0 || text[lineStart - 1] === '\n' || text[lineStart - 1] === '\r';
  let end = statement.endIndex;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const atLineEnd = end === text.length || text[end] === '\n' || text[end] === '\r' || text[end] === '#';
  if (!atLineStart || !atLineEnd) return undefined;
  const block = statement.parent;
  const siblings = (block?.namedChildren ?? []).filter((s) => s && s.type !== 'comment');
  if (block && block.type === 'block' && siblings.length === 1) return { start: statement.startIndex, end: statement.endIndex, newText: 'pass' };
  end = nextLine(text, end);
  // Between a blank line (or the file's start) and a blank line: take one blank line too,
  // so removing an import block does not leave a growing gap.
  const blankBefore = lineStart === 0 || /(?:^|[\r\n])[ \t]*(?:\r\n|\n|\r)$/.test(text.slice(Math.max(0, lineStart - 200), lineStart));
  const following = text.slice(end, nextLine(text, end));
  if (blankBefore && following !== '' && /^[ \t]*(?:\r\n|\n|\r)$/.test(following)) end = nextLine(text, end);
  return { start: lineStart, end, newText: '' };
}

/** The offset just past the line break of the line containing `offset` (or the text's end). */
function nextLine(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return end < text.length ? end + 1 : end;
}

/**
 * The default use test: an identifier, an f-string interpolation, a type comment, or a string
 * that is not a docstring (`__all__ = ["Name"]`, a forward reference) keeps the import.
 */
function occurrenceKeepsImport(facts: SemanticFacts, offset: number, name: string): boolean {
  const node = facts.tree.rootNode.descendantForIndex(offset, offset + name.length);
  if (!node || node.type === 'identifier') return true;
  if (node.type === 'comment') return /#\s*type:/.test(node.text);
  let current: Node | null = node;
  for (let steps = 0; current && steps < 4; steps++, current = current.parent) {
    if (current.type === 'interpolation') return true;
    if (current.type === 'string') return !isDocstring(current);
    if (current.type.endsWith('statement') || current.type === 'block') break;
  }
  return true;
}

export function isDocstring(string: Node): boolean {
  const parent = string.parent?.type === 'concatenated_string' ? string.parent.parent : string.parent;
  return parent?.type === 'expression_statement' && parent.namedChildCount === 1;
}

/** One from-import name to move: its binding and how it is written at the new place (`Name`, `Name as alias`). */
export interface ImportedNameMove {
  binding: ImportBinding;
  entry: string;
}

/**
 * The edits that move names of one from-import statement to `module`. When every name of the
 * statement goes and `respellWhenAll` allows it, only the statement's module is respelled
 * (`from collections import Mapping` → `from collections.abc import Mapping`); otherwise the
 * names leave it and join a `from module import …` (an existing one, or a new line).
 */
export function moveImportedNames(facts: SemanticFacts, text: string, statement: Node, moves: readonly ImportedNameMove[], module: string, respellWhenAll = true): TextEdit[] | undefined {
  if (respellWhenAll && moves.length === nameNodes(statement).length) {
    const name = statement.childForFieldName('module_name');
    return name ? [{ start: name.startIndex, end: name.endIndex, newText: module }] : undefined;
  }
  const plan = new ImportPlan(facts, text);
  for (const move of moves) {
    plan.remove(move.binding);
    plan.importFrom(module, move.entry);
  }
  return plan.edits();
}
