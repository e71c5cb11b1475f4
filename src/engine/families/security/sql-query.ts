// What the SQL rule needs to know: which calls run a query, whether a string is SQL-shaped
// and built from runtime values, which driver (placeholder style) a cursor belongs to, and
// how an f-string's simple interpolations become bound parameters.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { isStaticString, stringBuild, type StringBuild } from './strings';
import { runtimeParts, textOrigin } from './proc-text-origin';

/** Methods that run their first argument as SQL, on any receiver (the text must look like SQL too). */
export const EXECUTE_METHODS = new Set(['execute', 'executemany', 'executescript', 'exec_driver_sql']);

/** Functions whose first argument is SQL text. */
export const SQL_FUNCTIONS = new Set([
  'pandas.read_sql',
  'pandas.read_sql_query',
  'sqlalchemy.text',
  'sqlalchemy.sql.text',
  'sqlalchemy.sql.expression.text',
]);

// Data statements: what user values end up in. DDL with a built table name is schema code.
const SQL_START = /^[\s(]*(?:select|insert|update|delete|with|replace|merge\s+into)\b/i;

/** `placeholder(i, name)` writes the i-th parameter; `named` params go in a dict. */
export type Paramstyle = 'qmark' | 'format' | 'named';

const DRIVERS: Record<string, Paramstyle> = {
  sqlite3: 'qmark',
  psycopg: 'format',
  psycopg2: 'format',
  pymysql: 'format',
  MySQLdb: 'format',
};

/** The literal text a string build starts with, as written (escapes undecoded). */
export function leadingText(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'parenthesized_expression') return leadingText(node.namedChildren[0]);
  if (node.type === 'concatenated_string') return leadingText(node.namedChildren[0]);
  if (node.type === 'string') {
    let text = '';
    for (const child of node.children) {
      if (!child || child.type === 'string_start') continue;
      if (child.type !== 'string_content') break;
      text += child.text;
    }
    return text;
  }
  if (node.type === 'binary_operator') return leadingText(node.childForFieldName('left'));
  if (node.type === 'call') return leadingText(node.childForFieldName('function')?.childForFieldName('object'));
  return undefined;
}

/**
 * How a SQL-shaped string is built at runtime, or undefined when it is not SQL, not built,
 * or built only from literal names (`"SELECT * FROM " + TABLE` with `TABLE = "users"`).
 */
export function sqlBuild(facts: SemanticFacts, node: Node, bindsValues: boolean): StringBuild | undefined {
  const build = stringBuild(node);
  if (!build || !SQL_START.test(leadingText(node) ?? '')) return undefined;
  const parts = runtimeParts(node).filter((part) => !isSafePart(facts, part, 0));
  if (!parts.length) return undefined;
  // Values bound as parameters, and only the object's own settings pasted in: the table and
  // column names a class is configured with (`f"DELETE FROM {self.table} WHERE id = %s"`).
  if (parts.every((part) => isOwnSetting(part) && (bindsValues || isTableSlot(part)))) return undefined;
  return build;
}

/** `f"… FROM {self.table}"`: an interpolation where only a table name can stand. */
function isTableSlot(value: Node): boolean {
  const before = value.parent?.type === 'interpolation' ? value.parent.previousSibling : null;
  return before?.type === 'string_content' && /\b(?:from|into|update|join|table)\s+["`]?$/i.test(before.text);
}

function isOwnSetting(node: Node): boolean {
  let current: Node | null = node;
  if (current.type !== 'attribute') return false;
  while (current?.type === 'attribute') current = current.childForFieldName('object');
  return current?.type === 'identifier' && (current.text === 'self' || current.text === 'cls');
}

/** A named placeholder in SQL text: `:session_id` (not a `::cast`). */
export const NAMED_PLACEHOLDER = /(?<![:\w]):[A-Za-z_]\w*/;

// Calls whose result cannot carry SQL: identifier quoting (Django's `quote_name`,
// psycopg's `quote_ident`), numbers and lengths.
const QUOTING = /^(?:quote_name|quote_ident|quote_identifier|quote_identifiers|quote_table|quote_column|escape_identifier|identifier_quote|Identifier)$/;
const NUMERIC = new Set(['builtins.int', 'builtins.float', 'builtins.len']);

/**
 * A value that cannot change the query's shape: a literal (or a name only ever bound to
 * one), a quoted identifier, a number, or placeholders joined together
 * (`", ".join(["%s"] * len(ids))`), and names or builds made only of those.
 */
function isSafePart(facts: SemanticFacts, node: Node, depth: number): boolean {
  if (depth > 6) return false;
  if (textOrigin(facts, node) === 'static') return true;
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return isSafePart(facts, node.namedChildren[0], depth + 1);
  if (node.type === 'identifier') {
    const local = facts.localBinding(node);
    return !!local && !local.opaque && !local.parameter && local.values.length > 0 && local.values.every((v) => isSafePart(facts, v, depth + 1));
  }
  // `f"{quoted_schema}.sqlite_master"`: a build of safe parts.
  if (stringBuild(node)) return runtimeParts(node).every((part) => isSafePart(facts, part, depth + 1));
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '*') {
    // `["%s"] * n`, `"?," * n`: repeated literal placeholders.
    return textOrigin(facts, node.childForFieldName('left')!) === 'static';
  }
  if (node.type !== 'call') return false;
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
  if (!callee || !name) return false;
  if (QUOTING.test(name)) return true;
  const qualified = callee.type === 'identifier' ? facts.resolve(callee) : undefined;
  if (qualified && NUMERIC.has(qualified)) return true;
  if (name === 'join' && callee.type === 'attribute' && isStaticString(callee.childForFieldName('object'))) {
    const joined = args?.type === 'generator_expression' ? args : args?.namedChildren[0];
    if (!joined) return false;
    if (joined.type === 'generator_expression' || joined.type === 'list_comprehension') {
      const body = joined.childForFieldName('body');
      return !!body && isSafeItem(facts, body, depth + 1);
    }
    return isSafePart(facts, joined, depth + 1);
  }
  return false;
}

/** An item of a joined generator: the safe forms, or a loop-local value quoted. */
function isSafeItem(facts: SemanticFacts, body: Node, depth: number): boolean {
  if (isStaticString(body)) return true;
  if (body.type === 'call') return isSafePart(facts, body, depth);
  return false;
}

/**
 * The driver behind a cursor or connection: `sqlite3.connect(...)`, `conn.cursor()` of one,
 * `with psycopg.connect(...) as conn`, followed through single local assignments. Else the
 * one driver the file imports, when it imports exactly one and no ORM.
 */
export function paramstyleOf(facts: SemanticFacts, receiver: Node | null | undefined): Paramstyle | undefined {
  const traced = traceDriver(facts, receiver, 0);
  if (traced) return DRIVERS[traced];
  const imported = Object.keys(DRIVERS).filter((module) => facts.importsModule(module));
  const orm = ['sqlalchemy', 'django', 'pandas', 'peewee', 'sqlmodel', 'databases', 'aiosqlite', 'asyncpg'].some((m) => facts.importsModule(m));
  return imported.length === 1 && !orm ? DRIVERS[imported[0]] : undefined;
}

/** Connection objects a library exports, by the driver whose placeholders they take. */
const CONNECTIONS: Record<string, string> = {
  'django.db.connection': 'psycopg2', // Django's cursors take `%s` on every backend
  'django.db.connections': 'psycopg2',
};

function traceDriver(facts: SemanticFacts, node: Node | null | undefined, depth: number): string | undefined {
  if (!node || depth > 4) return undefined;
  const exported = node.type === 'subscript' ? node.childForFieldName('value') : node;
  if (exported && (exported.type === 'identifier' || exported.type === 'attribute')) {
    const qualified = facts.resolve(exported);
    if (qualified && qualified in CONNECTIONS) return CONNECTIONS[qualified];
  }
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    if (!callee) return undefined;
    const qualified = facts.resolve(callee);
    const module = qualified?.replace(/\.connect$/, '');
    if (module && module !== qualified && module in DRIVERS) return module;
    if (callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'cursor') {
      return traceDriver(facts, callee.childForFieldName('object'), depth + 1);
    }
    return undefined;
  }
  if (node.type === 'identifier') {
    const local = facts.localBinding(node);
    const values = local && !local.parameter ? local.values : [];
    return values.length === 1 ? traceDriver(facts, values[0], depth + 1) : undefined;
  }
  return undefined;
}

export interface Parameterised {
  /** The query as a plain string literal with placeholders. */
  query: string;
  /** Python source of the parameters: `(a, b)` or `{"a": a}`. */
  params: string;
  /** For `named`: `name=value` pairs (for `.bindparams()`). */
  keywords: string[];
}

// Before a value: a comparison, or the open bracket / comma of `VALUES (` and `IN (`, or LIKE/LIMIT/OFFSET.
const VALUE_BEFORE = /(?:[=<>]|\b(?:like|ilike|limit|offset))\s*'?$/i;
const LIST_BEFORE = /(?:[(,])\s*'?$/;
const VALUE_AFTER = /^'?(?:\s|[),;]|$)/;

/**
 * The f-string query with each interpolation bound as a parameter, or undefined unless every
 * interpolation is a plain name or attribute in value position (`id = {user_id}`,
 * `name = '{name}'`, `VALUES ({a}, {b})`). Identifiers (`FROM {table}`) cannot be parameters.
 */
export function parameterise(query: Node, style: Paramstyle): Parameterised | undefined {
  if (query.type !== 'string') return undefined;
  const start = query.children[0];
  const end = query.children[query.childCount - 1];
  if (!start || !end || !/^[rR]?[fF][rR]?["']/.test(start.text)) return undefined;
  const pieces: ({ literal: string } | { value: Node })[] = [];
  for (const child of query.children) {
    if (!child || child.equals(start) || child.equals(end)) continue;
    if (child.type === 'interpolation') {
      const value = child.namedChildren[0];
      if (child.childCount !== 3 || !value || !isDotted(value)) return undefined;
      pieces.push({ value });
    } else pieces.push({ literal: child.text });
  }
  const literal = pieces.map((p) => ('literal' in p ? p.literal : '\u0000')).join('');
  // A literal `%` must be doubled once parameters are passed to a format-style driver; bail out instead.
  if (style === 'format' && literal.includes('%')) return undefined;
  let text = '';
  const values: Node[] = [];
  const names = new Map<string, string>();
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if ('literal' in piece) {
      text += piece.literal.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      continue;
    }
    const after = pieces[i + 1] && 'literal' in pieces[i + 1] ? (pieces[i + 1] as { literal: string }).literal : '';
    if (!isValuePosition(text, after)) return undefined;
    const quoted = text.endsWith("'");
    if (quoted !== after.startsWith("'")) return undefined;
    if (quoted) {
      text = text.slice(0, -1);
      pieces[i + 1] = { literal: after.slice(1) };
    }
    values.push(piece.value);
    text += style === 'qmark' ? '?' : style === 'format' ? '%s' : `:${nameFor(piece.value, names)}`;
  }
  const prefix = start.text.replace(/[fF]/, '');
  const newQuery = `${prefix}${text}${end.text}`;
  if (style === 'named') {
    const entries = [...names.entries()];
    return { query: newQuery, params: `{${entries.map(([expr, name]) => `"${name}": ${expr}`).join(', ')}}`, keywords: entries.map(([expr, name]) => `${name}=${expr}`) };
  }
  const listed = values.map((v) => v.text);
  return { query: newQuery, params: `(${listed.join(', ')}${listed.length === 1 ? ',' : ''})`, keywords: [] };
}

function isValuePosition(before: string, after: string): boolean {
  if (!VALUE_AFTER.test(after)) return false;
  if (VALUE_BEFORE.test(before)) return true;
  if (!LIST_BEFORE.test(before)) return false;
  // `(` / `,` only inside the brackets of VALUES (…) or IN (…): elsewhere they list columns.
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i] === ')') depth++;
    else if (before[i] === '(') {
      if (depth === 0) return /\b(?:values|in)\s*$/i.test(before.slice(0, i));
      depth--;
    }
  }
  return false;
}

function isDotted(node: Node): boolean {
  if (node.type === 'identifier') return true;
  return node.type === 'attribute' && isDotted(node.childForFieldName('object')!);
}

/** `user.id` → `user_id`; the same expression keeps its name, another one gets a suffix. */
function nameFor(value: Node, names: Map<string, string>): string {
  const known = names.get(value.text);
  if (known) return known;
  const base = value.text.replace(/^self\./, '').replace(/\./g, '_');
  let name = base;
  for (let n = 2; [...names.values()].includes(name); n++) name = `${base}_${n}`;
  names.set(value.text, name);
  return name;
}
