// Pieces of the dataframes family's hovers: module names as the file spells them, the
// "this file already uses polars" note, code blocks, one-line message values.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
export { oneLine } from '../../template';

export interface Names {
  pl: string;
  pd: string;
  np: string;
  duckdb: string;
  /** The file already imports polars / duckdb / numpy. */
  hasPolars: boolean;
  hasDuckdb: boolean;
  hasNumpy: boolean;
}

export function moduleNames(facts: SemanticFacts): Names {
  return {
    pl: facts.moduleAlias('polars') ?? 'pl',
    pd: facts.moduleAlias('pandas') ?? 'pd',
    np: facts.moduleAlias('numpy') ?? 'np',
    duckdb: facts.moduleAlias('duckdb') ?? 'duckdb',
    hasPolars: facts.importsModule('polars'),
    hasDuckdb: facts.importsModule('duckdb'),
    hasNumpy: facts.moduleAlias('numpy') !== undefined,
  };
}

/** The import line a code block needs, unless the file already has it. */
export function importLine(names: Names, module: 'polars' | 'duckdb' | 'numpy'): string[] {
  if (module === 'polars') return names.hasPolars ? [] : ['import polars as pl', ''];
  if (module === 'duckdb') return names.hasDuckdb ? [] : ['import duckdb', ''];
  return names.hasNumpy ? [] : ['import numpy as np', ''];
}

/** A sentence for hovers in files that already use polars or DuckDB. */
export function confidence(names: Names): string | undefined {
  if (names.hasPolars && names.hasDuckdb) return `_This file already imports polars (\`${names.pl}\`) and DuckDB: the modern form needs no new dependency._`;
  if (names.hasPolars) return `_This file already imports polars (\`${names.pl}\`): the polars form needs no new dependency, and the frame can stay in polars._`;
  if (names.hasDuckdb) return `_This file already imports DuckDB: the SQL form needs no new dependency._`;
  return undefined;
}

export function pythonBlock(lines: string[]): string {
  return ['```python', ...lines, '```'].join('\n');
}

/** Joins hover sections, skipping empty ones. */
export function sections(...parts: (string | undefined | false)[]): string {
  return `${parts.filter((p): p is string => !!p && p.trim().length > 0).join('\n\n')}\n`;
}

export function bullets(notes: string[]): string | undefined {
  return notes.length ? notes.map((n) => `- ${n}`).join('\n') : undefined;
}

/** `name` in `name = <node>`, when the node is the whole right-hand side of a plain assignment. */
export function assignedName(node: Node): Node | undefined {
  const parent = node.parent;
  if (parent?.type !== 'assignment' || !parent.childForFieldName('right')?.equals(node)) return undefined;
  const left = parent.childForFieldName('left');
  return left?.type === 'identifier' ? left : undefined;
}

/** The statement that holds a node, when the node is its whole expression or right-hand side. */
export function statementOf(node: Node): Node | undefined {
  let current = node;
  if (current.parent?.type === 'assignment' && current.parent.childForFieldName('right')?.equals(current)) current = current.parent;
  const statement = current.parent;
  return statement?.type === 'expression_statement' && statement.namedChildCount === 1 ? statement : undefined;
}

/** The next statement in the same block (comments skipped). */
export function nextStatement(statement: Node): Node | undefined {
  let next = statement.nextNamedSibling;
  while (next && next.type === 'comment') next = next.nextNamedSibling;
  return next ?? undefined;
}

/** Indentation of the line a node starts on. */
export function indentOf(node: Node, text: string): string {
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/**
 * `target = first.step().step()` on one line when it fits in 88 columns, else one step per
 * line inside brackets (as black would lay it out).
 */
export function chainLines(target: string | undefined, steps: string[]): string[] {
  const prefix = target ? `${target} = ` : '';
  const flat = `${prefix}${steps.join('')}`;
  if (flat.length <= 88 || steps.length === 1) return [flat];
  return [`${prefix}(`, ...steps.map((s) => `    ${s}`), ')'];
}

/** True when the expression text has no operator outside brackets or strings (`a.b(c)`). */
export function isAtomicText(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && /[\s+\-*/%<>=!&|^~,]/.test(c)) return false;
  }
  return true;
}

/** `(text)` unless the text is atomic already. */
export function wrap(text: string): string {
  return isAtomicText(text) ? text : `(${text})`;
}
