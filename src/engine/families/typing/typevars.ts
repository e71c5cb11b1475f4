// Module-level `T = TypeVar("T", bound=…)` / `P = ParamSpec("P")` / `Ts = TypeVarTuple("Ts")`
// definitions, and how each is written as a PEP 695 type parameter (`T: int`, `**P`, `*Ts`).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import type { TextEdit } from '../../types';
import { ensureBindings, typingUses } from './annotations';
import { wordOccurrences } from '../../name-occurrences';
import { plainStringContent } from './legacy';
import { parsesAsType } from './type-text';

export interface TypeVarDefinition {
  name: string;
  kind: 'TypeVar' | 'ParamSpec' | 'TypeVarTuple';
  /** The `T = TypeVar(...)` assignment. */
  assignment: Node;
  call: Node;
  bound?: Node;
  constraints: Node[];
  default?: Node;
  /** Arguments a type parameter cannot say (unknown keywords). */
  unsupported: boolean;
}

const cache = new WeakMap<SemanticFacts, Map<string, TypeVarDefinition>>();

/** The file's module-level type variables, each bound exactly once, by name. */
export function typeVarTable(facts: SemanticFacts, text: string): Map<string, TypeVarDefinition> {
  const cached = cache.get(facts);
  if (cached) return cached;
  const table = new Map<string, TypeVarDefinition>();
  for (const use of typingUses(facts, text)) {
    if (use.member !== 'TypeVar' && use.member !== 'ParamSpec' && use.member !== 'TypeVarTuple') continue;
    const call = use.node.parent;
    const assignment = call?.parent;
    if (call?.type !== 'call' || !call.childForFieldName('function')?.equals(use.node) || assignment?.type !== 'assignment') continue;
    const target = assignment.childForFieldName('left');
    if (target?.type !== 'identifier' || assignment.childForFieldName('type') || facts.scopeOf(assignment).kind !== 'module') continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a && a.type !== 'comment') ?? [];
    const [first, ...rest] = args;
    if (!first || plainStringContent(first) !== target.text) continue;
    const definition: TypeVarDefinition = { name: target.text, kind: use.member, assignment, call, constraints: [], unsupported: false };
    for (const argument of rest) {
      if (argument.type !== 'keyword_argument') {
        if (use.member === 'TypeVar') definition.constraints.push(argument);
        else definition.unsupported = true;
        continue;
      }
      const key = argument.childForFieldName('name')?.text;
      const value = argument.childForFieldName('value')!;
      if (key === 'bound' && use.member === 'TypeVar') definition.bound = value;
      else if (key === 'default') definition.default = value;
      else if (key === 'covariant' || key === 'contravariant' || key === 'infer_variance') {
        // PEP 695 infers variance from the class body: the declared one is dropped.
        if (value.type !== 'true' && value.type !== 'false') definition.unsupported = true;
      } else definition.unsupported = true;
    }
    table.set(target.text, definition);
  }
  // A name assigned again anywhere is not a reliable type variable.
  const module = facts.moduleScope;
  if (table.size) ensureBindings(facts);
  for (const name of [...table.keys()]) {
    if ((module.assignments.get(name)?.length ?? 0) !== 1 || module.opaque.has(name) || module.imports.has(name)) table.delete(name);
  }
  cache.set(facts, table);
  return table;
}

/**
 * `T`, `T: int`, `T: (int, str)`, `*Ts`, `**P`; undefined when not expressible. `name` replaces
 * the variable's own (a private `_T` is declared as `T`, see `publicNames`).
 */
export function typeParameter(definition: TypeVarDefinition, name = definition.name): string | undefined {
  if (definition.unsupported) return undefined;
  const expression = (node: Node) => plainStringContent(node) ?? (node.type === 'string' ? undefined : node.text);
  let text = definition.kind === 'ParamSpec' ? `**${name}` : definition.kind === 'TypeVarTuple' ? `*${name}` : name;
  if (definition.bound) {
    const bound = expression(definition.bound);
    if (!bound) return undefined;
    text += `: ${bound}`;
  } else if (definition.constraints.length) {
    const constraints = definition.constraints.map(expression);
    if (constraints.some((c) => !c)) return undefined;
    text += `: (${constraints.join(', ')})`;
  }
  // A default (`T = int`, PEP 696, 3.13) is beyond the pinned tree-sitter grammar: the fix
  // could not be checked, and pymodern could not read the result. No fix.
  if (definition.default) return undefined;
  return /\n/.test(text) ? undefined : text;
}

/**
 * The table's type variables an expression range mentions, in order of first appearance:
 * identifiers that resolve to the module-level definition (no local rebinding).
 */
export function typeVarsIn(nodes: readonly Node[], facts: SemanticFacts, text: string, table: Map<string, TypeVarDefinition>): { names: string[]; inStrings: boolean } {
  const found: { name: string; at: number }[] = [];
  let inStrings = false;
  const root = facts.tree.rootNode;
  for (const name of table.keys()) {
    for (const offset of wordOccurrences(facts, text, name)) {
      if (!nodes.some((n) => offset >= n.startIndex && offset < n.endIndex)) continue;
      const node = root.descendantForIndex(offset, offset + name.length);
      if (node?.type !== 'identifier' || node.startIndex !== offset) {
        if (node && (node.type === 'string_content' || node.type === 'string')) inStrings = true;
        continue;
      }
      if (!refersToModule(node, facts)) continue;
      found.push({ name, at: offset });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return { names: [...new Set(found.map((f) => f.name))], inStrings };
}

/** The identifier means the module-level binding: nothing between its scope and the module rebinds it. */
function refersToModule(identifier: Node, facts: SemanticFacts): boolean {
  const parent = identifier.parent;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(identifier)) return false;
  if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(identifier)) return false;
  for (let scope: ReturnType<SemanticFacts['scopeOf']> | undefined = facts.scopeOf(identifier); scope && scope.kind !== 'module'; scope = scope.parent) {
    if (scope.bindings.has(identifier.text) || scope.imports.has(identifier.text)) return false;
  }
  return true;
}

/** A comment, or a docstring (a string standing alone as a statement). */
function isProse(node: Node | null): boolean {
  if (node?.type === 'comment') return true;
  const string = node?.type === 'string_content' ? node.parent : node?.type === 'string' ? node : undefined;
  return string?.type === 'string' && string.parent?.type === 'expression_statement' && string.parent.namedChildCount === 1;
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);
const SOFT_KEYWORDS = new Set(['match', 'case', 'type', '_']);

/**
 * A name Python accepts as a plain identifier (ASCII; no keyword). `allowSoft`: `type`,
 * `match`, `case` and `_` too, which are names everywhere but where a statement starts with them.
 */
export function isPlainIdentifier(name: string, allowSoft = false): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name) && (allowSoft || !SOFT_KEYWORDS.has(name));
}

/**
 * PEP 695 parameters named `_T` are private names in a scope that is already private (Ruff's
 * UP049): the header declares `T` instead, and every use of `_T` in `region` (the class or def)
 * outside `skip` (text the fix replaces anyway, default values evaluated outside the new scope)
 * is renamed. Undefined when the new name is taken in the region (any occurrence of the word,
 * or another parameter's name), appears in a bound, or a use cannot be renamed safely
 * (inside a string annotation, a keyword argument, or rebound locally).
 */
export function publicNames(
  names: readonly string[],
  region: Node,
  skip: readonly Node[],
  table: Map<string, TypeVarDefinition>,
  facts: SemanticFacts,
  text: string,
): { renamed: Map<string, string>; edits: TextEdit[] } | undefined {
  const renamed = new Map<string, string>();
  const edits: TextEdit[] = [];
  const inRegion = (offset: number) => offset >= region.startIndex && offset < region.endIndex;
  const skipped = (offset: number) => skip.some((n) => offset >= n.startIndex && offset < n.endIndex);
  const finals = new Set(names.map((n) => n.replace(/^_+/, '') || n));
  if (finals.size !== names.length) return undefined;
  const root = facts.tree.rootNode;
  for (const name of names) {
    if (!name.startsWith('_')) continue;
    const next = name.replace(/^_+/, '');
    if (!isPlainIdentifier(next) || /^[0-9]/.test(next)) return undefined;
    // `T` mentioned in a comment or a docstring is prose, not a collision.
    if (wordOccurrences(facts, text, next).some((offset) => inRegion(offset) && !isProse(root.descendantForIndex(offset, offset + next.length)))) return undefined;
    for (const other of names) {
      const definition = table.get(other);
      const bounds = [definition?.bound, ...(definition?.constraints ?? [])].filter((b): b is Node => !!b);
      if (bounds.some((b) => new RegExp(`\\b${next}\\b`).test(b.text))) return undefined;
    }
    for (const offset of wordOccurrences(facts, text, name)) {
      if (!inRegion(offset) || skipped(offset)) continue;
      const node = root.descendantForIndex(offset, offset + name.length);
      if (node && isProse(node)) continue;
      // A forward reference (`cast("_T", x)`, `"list[_T]"`) names the parameter too.
      const string = node?.type === 'string_content' ? node.parent : undefined;
      if (string?.type === 'string') {
        const content = plainStringContent(string);
        if (content === undefined || !parsesAsType(content, facts.tree.language)) return undefined;
      } else if (node?.type !== 'identifier' || node.startIndex !== offset || !refersToModule(node, facts)) return undefined;
      edits.push({ start: offset, end: offset + name.length, newText: next });
    }
    renamed.set(name, next);
  }
  return { renamed, edits };
}
