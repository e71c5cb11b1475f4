// Syntax helpers of the dataframes family: the parts of a call, plain string literals,
// subscript keys, boolean-mask shapes, and the one def a name refers to. No pandas typing here
// (that is pandas-receivers.ts), so every other module of the family may import this one.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { forEachNode } from '../../tree-walk';

export interface CallParts {
  call: Node;
  /** `df` in `df.merge(...)`; undefined for a plain function call. */
  receiver?: Node;
  /** `merge` in `df.merge(...)`, the name in `merge(...)`. */
  name: string;
  /** The identifier of the method or function name. */
  nameNode: Node;
  args: Node;
  positional: Node[];
  keywords: Map<string, Node>;
  /** The keyword_argument nodes, by name. */
  keywordNodes: Map<string, Node>;
  /** `*args` or `**kwargs` among the arguments: the call cannot be read completely. */
  hasSplat: boolean;
}

export function callParts(call: Node): CallParts | undefined {
  if (call.type !== 'call') return undefined;
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!fn || !args || args.type !== 'argument_list') return undefined;
  let receiver: Node | undefined;
  let nameNode: Node | null;
  if (fn.type === 'attribute') {
    receiver = fn.childForFieldName('object') ?? undefined;
    nameNode = fn.childForFieldName('attribute');
  } else if (fn.type === 'identifier') {
    nameNode = fn;
  } else {
    return undefined;
  }
  if (!nameNode) return undefined;
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  const keywordNodes = new Map<string, Node>();
  let hasSplat = false;
  for (const child of args.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'keyword_argument') {
      const key = child.childForFieldName('name')?.text;
      const value = child.childForFieldName('value');
      if (key && value) {
        keywords.set(key, value);
        keywordNodes.set(key, child);
      }
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      hasSplat = true;
    } else {
      positional.push(child);
    }
  }
  return { call, receiver, name: nameNode.text, nameNode, args, positional, keywords, keywordNodes, hasSplat };
}

/** The content of a plain string literal (no f-string fields, escapes or bytes), else undefined. */
export function stringValue(node: Node | undefined | null): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  const start = node.firstChild;
  if (!start || start.type !== 'string_start' || /[bB]/.test(start.text)) return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_start' || child.type === 'string_end') continue;
    if (child.type !== 'string_content') return undefined;
    if (child.namedChildCount > 0) return undefined; // escape sequences
    value += child.text;
  }
  return value;
}

/** A list or tuple literal of plain strings, else undefined. */
export function stringList(node: Node | undefined | null): string[] | undefined {
  if (!node || (node.type !== 'list' && node.type !== 'tuple')) return undefined;
  const values: string[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    const value = stringValue(child);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/** A string or a list of strings, as a list. */
export function stringOrList(node: Node | undefined | null): string[] | undefined {
  const single = stringValue(node);
  return single !== undefined ? [single] : stringList(node);
}

export function unparenthesize(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1 && current.firstNamedChild) current = current.firstNamedChild;
  return current;
}

/** The keys of a subscript: `df.loc[a, b]` has two. */
export function subscriptKeys(node: Node): Node[] {
  return node.childrenForFieldName('subscript').filter((n): n is Node => !!n && n.type !== 'comment');
}

const MASK_METHODS = new Set(['isin', 'isna', 'isnull', 'notna', 'notnull', 'between', 'duplicated']);
const MASK_STR_METHODS = new Set(['contains', 'startswith', 'endswith', 'match', 'fullmatch', 'isdigit', 'isalpha', 'isnumeric', 'isspace', 'islower', 'isupper']);

/** A boolean row mask by its shape: a comparison, `&`/`|`/`~` of masks, `.isin()`, `.str.contains()`… */
export function isMaskLike(node: Node): boolean {
  const inner = unparenthesize(node);
  switch (inner.type) {
    case 'comparison_operator':
      return true;
    case 'binary_operator': {
      const op = inner.childForFieldName('operator')?.text;
      return (op === '&' || op === '|' || op === '^') && isMaskLike(inner.childForFieldName('left')!) && isMaskLike(inner.childForFieldName('right')!);
    }
    case 'unary_operator':
      // `~x` as a row key is a negated boolean column or mask.
      return inner.childForFieldName('operator')?.text === '~';
    case 'call': {
      const parts = callParts(inner);
      if (!parts?.receiver) return false;
      if (MASK_METHODS.has(parts.name)) return true;
      const receiver = unparenthesize(parts.receiver);
      return MASK_STR_METHODS.has(parts.name) && receiver.type === 'attribute' && receiver.childForFieldName('attribute')?.text === 'str';
    }
    default:
      return false;
  }
}

// ---- defs of this file, by name (for return annotations) ----

const definitions = new WeakMap<SemanticFacts, Map<string, Node | null>>();

/** The only def a name refers to, when the name is bound once, by that def, where it is visible. */
export function definitionOf(name: Node, facts: SemanticFacts): Node | undefined {
  let known = definitions.get(facts);
  if (!known) definitions.set(facts, (known = new Map()));
  const from = facts.scopeOf(name);
  let owner = from;
  for (let scope: typeof from | undefined = from; scope; scope = scope.parent) {
    if (scope !== from && scope.kind === 'class') continue;
    owner = scope;
    if (scope.bindings.has(name.text) || scope.imports.has(name.text)) break;
  }
  const key = `${owner.node.startIndex}:${name.text}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let found: Node | undefined;
  if (owner.bindings.has(name.text) && !owner.imports.has(name.text) && !owner.assignments.has(name.text)) {
    // From the tree, not facts.scopes: a def analysed alone (incremental) knows only its own scopes.
    const candidates = (identifierUses(owner.node, facts).get(name.text) ?? [])
      .map((use) => use.parent)
      .filter((def): def is Node => (def?.type === 'function_definition' || def?.type === 'class_definition') && !!def.childForFieldName('name')?.text && def.childForFieldName('name')!.text === name.text && facts.scopeOf(def) === owner);
    if (candidates.length === 1 && candidates[0].type === 'function_definition') found = candidates[0];
  }
  known.set(key, found ?? null);
  return found;
}

const usesByScope = new WeakMap<SemanticFacts, Map<number, Map<string, Node[]>>>();

/**
 * Every identifier node in a scope's node, by name (one walk per scope, on demand, for the
 * few fixes that must know how a name is used; nested scopes included).
 */
export function identifierUses(scopeNode: Node, facts: SemanticFacts): Map<string, Node[]> {
  let byScope = usesByScope.get(facts);
  if (!byScope) usesByScope.set(facts, (byScope = new Map()));
  const cached = byScope.get(scopeNode.id);
  if (cached) return cached;
  const uses = new Map<string, Node[]>();
  forEachNode(scopeNode, (node) => {
    if (node.type !== 'identifier') return;
    const list = uses.get(node.text);
    if (list) list.push(node);
    else uses.set(node.text, [node]);
  });
  byScope.set(scopeNode.id, uses);
  return uses;
}
