// Type inference for the quick fixes of the missing-annotation rules: the type of a return
// or yield value, a parameter default, a local name — only where the source says it
// outright (literals, constructors of builtins and of classes of this file, annotated
// parameters). Anything else is unknown, and unknown means no fix: a wrong annotation is
// worse than none.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { isBuiltin, nameIsFree } from './annotations';
import { escapeRegExp, isPlainRead } from '../../name-occurrences';
import { statementOf, statementsOf } from './functions';

export type Builtin = 'int' | 'float' | 'complex' | 'str' | 'bytes' | 'bool';
export type Collection = 'list' | 'dict' | 'set' | 'frozenset' | 'tuple';

export type Ty =
  | { kind: 'builtin'; name: Builtin }
  | { kind: 'none' }
  /** A class defined at module level in this file. */
  | { kind: 'class'; name: string; definition: Node }
  /** A standard-library class, referred to through the file's imports. */
  | { kind: 'known'; module: string; name: string }
  | { kind: 'generic'; base: Collection; args: Ty[] }
  /** An annotation copied as written (an annotated parameter returned unchanged). */
  | { kind: 'text'; text: string }
  | { kind: 'iterator'; async: boolean; item: Ty }
  | { kind: 'never' }
  | { kind: 'optional'; inner: Ty };

export function keyOf(ty: Ty): string {
  switch (ty.kind) {
    case 'builtin':
      return ty.name;
    case 'none':
      return 'None';
    case 'class':
      return `class:${ty.name}`;
    case 'known':
      return `${ty.module}.${ty.name}`;
    case 'generic':
      return `${ty.base}[${ty.args.map(keyOf).join(',')}]`;
    case 'text':
      return `text:${ty.text}`;
    case 'iterator':
      return `${ty.async ? 'async ' : ''}iterator[${keyOf(ty.item)}]`;
    case 'never':
      return 'Never';
    case 'optional':
      return `${keyOf(ty.inner)}|None`;
  }
}

export const NONE: Ty = { kind: 'none' };

/** One type when all agree, `T | None` when `None` is mixed in, else undefined. */
export function agree(types: readonly Ty[]): Ty | undefined {
  if (!types.length) return undefined;
  let hasNone = false;
  const others = new Map<string, Ty>();
  for (const ty of types) {
    if (ty.kind === 'none') hasNone = true;
    else if (ty.kind === 'optional') {
      hasNone = true;
      others.set(keyOf(ty.inner), ty.inner);
    } else others.set(keyOf(ty), ty);
  }
  if (others.size > 1) return undefined;
  const [only] = others.values();
  if (!only) return NONE;
  return hasNone ? { kind: 'optional', inner: only } : only;
}

const BUILTIN_CALLS: Record<string, Builtin> = {
  str: 'str', repr: 'str', ascii: 'str', chr: 'str', format: 'str', hex: 'str', oct: 'str', bin: 'str',
  int: 'int', len: 'int', hash: 'int', id: 'int', ord: 'int',
  float: 'float', complex: 'complex', bytes: 'bytes',
  bool: 'bool', isinstance: 'bool', issubclass: 'bool', callable: 'bool', hasattr: 'bool',
};

/** Standard-library classes whose call is a constructor (a name could be a factory otherwise). */
const KNOWN_CLASSES = new Set([
  'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.PurePosixPath', 'pathlib.WindowsPath', 'pathlib.PureWindowsPath',
  'decimal.Decimal', 'fractions.Fraction', 'uuid.UUID',
  'datetime.datetime', 'datetime.date', 'datetime.time', 'datetime.timedelta', 'datetime.timezone',
  'ipaddress.IPv4Address', 'ipaddress.IPv6Address', 'ipaddress.IPv4Network', 'ipaddress.IPv6Network',
]);

const KNOWN_CLASS_NAMES = new Set([...KNOWN_CLASSES].map((q) => q.slice(q.lastIndexOf('.') + 1)));

const STRING_METHODS = new Set(['join', 'format', 'upper', 'lower', 'strip', 'lstrip', 'rstrip', 'replace', 'title', 'capitalize', 'casefold']);

const MAX_DEPTH = 4;

const LITERALS = new Set(['integer', 'float', 'true', 'false', 'none', 'string', 'concatenated_string', 'not_operator', 'comparison_operator']);

/**
 * A syntactic pre-check: false when `Inference.expression` cannot give the node a type
 * whatever the bindings say (an attribute, a subscript, a call of an arbitrary function…).
 * Checking this first spares the binding analysis for the many returns that are hopeless.
 */
export function mayInfer(node: Node | null | undefined, unannotated: ReadonlySet<string>, depth = 0): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  if (LITERALS.has(node.type)) return true;
  switch (node.type) {
    case 'identifier':
      return !unannotated.has(node.text);
    case 'parenthesized_expression':
    case 'unary_operator':
      return mayInfer(node.namedChildren.find((c) => c && c.type !== 'comment'), unannotated, depth + 1);
    case 'boolean_operator':
    case 'binary_operator':
      return mayInfer(node.childForFieldName('left'), unannotated, depth + 1) && (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '%' || mayInfer(node.childForFieldName('right'), unannotated, depth + 1));
    case 'conditional_expression': {
      const [body, , alternative] = node.namedChildren;
      return mayInfer(body, unannotated, depth + 1) && mayInfer(alternative, unannotated, depth + 1);
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      if (callee?.type === 'identifier') return callee.text in BUILTIN_CALLS || /^[A-Z]/.test(callee.text);
      if (callee?.type !== 'attribute') return false;
      const object = callee.childForFieldName('object');
      return object?.type === 'string' || object?.type === 'concatenated_string' || (object?.type === 'identifier' && /^[A-Z]/.test(callee.childForFieldName('attribute')?.text ?? ''));
    }
    case 'list':
    case 'set':
    case 'tuple':
      return node.namedChildCount > 0 && node.namedChildren.every((c) => !c || c.type === 'comment' || mayInfer(c, unannotated, depth + 1));
    case 'dictionary':
      return node.namedChildCount > 0 && node.namedChildren.every((c) => !c || c.type === 'comment' || (c.type === 'pair' && mayInfer(c.childForFieldName('key'), unannotated, depth + 1) && mayInfer(c.childForFieldName('value'), unannotated, depth + 1)));
    case 'list_comprehension':
    case 'set_comprehension':
      return mayInfer(node.childForFieldName('body'), unannotated, depth + 1);
    case 'dictionary_comprehension': {
      const pair = node.childForFieldName('body');
      return mayInfer(pair?.childForFieldName('key'), unannotated, depth + 1) && mayInfer(pair?.childForFieldName('value'), unannotated, depth + 1);
    }
    default:
      return false;
  }
}

export class Inference {
  private readonly text: string;

  /** Reads scopes' bindings only when an expression needs them (collecting them costs a traversal). */
  constructor(private readonly facts: SemanticFacts) {
    this.text = facts.text;
  }

  /** The type of an expression, when the source states it; undefined when unknown. */
  expression(node: Node | null | undefined, depth = 0): Ty | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    switch (node.type) {
      case 'parenthesized_expression':
        return node.namedChildCount === 1 ? this.expression(node.firstNamedChild, depth) : undefined;
      case 'integer':
        return { kind: 'builtin', name: /[jJ]$/.test(node.text) ? 'complex' : 'int' };
      case 'float':
        return { kind: 'builtin', name: /[jJ]$/.test(node.text) ? 'complex' : 'float' };
      case 'true':
      case 'false':
        return { kind: 'builtin', name: 'bool' };
      case 'none':
        return NONE;
      case 'string':
        return stringType(node);
      case 'concatenated_string': {
        const parts = node.namedChildren.filter((c): c is Node => c?.type === 'string').map(stringType);
        return parts.length && parts.every((p): p is Ty => !!p) ? agree(parts) : undefined;
      }
      case 'not_operator':
        return { kind: 'builtin', name: 'bool' };
      case 'unary_operator': {
        const operand = this.expression(node.childForFieldName('argument'), depth + 1);
        return operand?.kind === 'builtin' && ['int', 'float', 'complex'].includes(operand.name) && node.childForFieldName('operator')?.text !== '~' ? operand : undefined;
      }
      case 'comparison_operator': {
        // Only `in`, `not in`, `is`, `is not` always give a bool (`==` may give an array).
        const operators = node.childrenForFieldName('operators').map((o) => o?.text.replace(/\s+/g, ' '));
        return operators.length && operators.every((o) => o === 'in' || o === 'not in' || o === 'is' || o === 'is not') ? { kind: 'builtin', name: 'bool' } : undefined;
      }
      case 'boolean_operator': {
        const left = this.expression(node.childForFieldName('left'), depth + 1);
        const right = this.expression(node.childForFieldName('right'), depth + 1);
        return left && right && keyOf(left) === keyOf(right) && left.kind === 'builtin' ? left : undefined;
      }
      case 'binary_operator':
        return this.binary(node, depth);
      case 'conditional_expression': {
        const [body, , alternative] = node.namedChildren;
        const a = this.expression(body, depth + 1);
        const b = this.expression(alternative, depth + 1);
        return a && b ? agree([a, b]) : undefined;
      }
      case 'call':
        return this.call(node, depth);
      case 'list':
      case 'set':
        return this.collection(node.type, node.namedChildren, depth);
      case 'tuple': {
        const items = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
        if (!items.length) return undefined;
        const types = items.map((item) => (item.type === 'list_splat' ? undefined : this.expression(item, depth + 1)));
        return types.every((t): t is Ty => !!t && t.kind !== 'optional') ? { kind: 'generic', base: 'tuple', args: types } : undefined;
      }
      case 'dictionary':
        return this.dictionary(node, depth);
      case 'list_comprehension':
      case 'set_comprehension': {
        const item = this.expression(node.childForFieldName('body'), depth + 1);
        return item && item.kind !== 'none' ? { kind: 'generic', base: node.type === 'list_comprehension' ? 'list' : 'set', args: [item] } : undefined;
      }
      case 'dictionary_comprehension': {
        const pair = node.childForFieldName('body');
        const key = this.expression(pair?.childForFieldName('key'), depth + 1);
        const value = this.expression(pair?.childForFieldName('value'), depth + 1);
        return key && value ? { kind: 'generic', base: 'dict', args: [key, value] } : undefined;
      }
      case 'identifier':
        return this.name(node, depth);
      default:
        return undefined;
    }
  }

  private binary(node: Node, depth: number): Ty | undefined {
    const operator = node.childForFieldName('operator')?.text;
    const leftNode = node.childForFieldName('left');
    const left = this.expression(leftNode, depth + 1);
    // `"%s" % x` is a str whatever x is.
    if (operator === '%' && left?.kind === 'builtin' && (left.name === 'str' || left.name === 'bytes') && leftNode?.type !== 'identifier') return left;
    const right = this.expression(node.childForFieldName('right'), depth + 1);
    if (!left || !right || left.kind !== 'builtin' || right.kind !== 'builtin' || left.name !== right.name) return undefined;
    const type = left.name;
    if (operator === '+') return ['int', 'float', 'complex', 'str', 'bytes'].includes(type) ? left : undefined;
    if (operator === '-' || operator === '*') return ['int', 'float', 'complex'].includes(type) ? left : undefined;
    if (operator === '//') return type === 'int' || type === 'float' ? left : undefined;
    return undefined;
  }

  private call(node: Node, depth: number): Ty | undefined {
    const callee = node.childForFieldName('function');
    if (!callee) return undefined;
    if (callee.type === 'identifier') {
      const builtin = BUILTIN_CALLS[callee.text];
      if (builtin && isBuiltin(callee, this.facts)) return { kind: 'builtin', name: builtin };
      const local = this.localClass(callee);
      if (local) return local;
    }
    if (callee.type === 'attribute') {
      // `", ".join(parts)`, `"{}".format(x)`: a method of a str literal.
      const object = callee.childForFieldName('object');
      const method = callee.childForFieldName('attribute')?.text ?? '';
      const receiver = object && (object.type === 'string' || object.type === 'concatenated_string') ? this.expression(object, depth + 1) : undefined;
      if (receiver?.kind === 'builtin' && receiver.name === 'str' && STRING_METHODS.has(method)) return receiver;
    }
    const last = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee.text;
    const qualified = last && KNOWN_CLASS_NAMES.has(last) ? this.facts.resolve(callee) : undefined;
    if (qualified && KNOWN_CLASSES.has(qualified)) {
      const dot = qualified.lastIndexOf('.');
      return { kind: 'known', module: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
    }
    return undefined;
  }

  private collection(base: 'list' | 'set', items: (Node | null)[], depth: number): Ty | undefined {
    const elements = items.filter((c): c is Node => !!c && c.type !== 'comment');
    if (!elements.length || elements.some((e) => e.type === 'list_splat' || e.type === 'parenthesized_list_splat')) return undefined;
    const types = elements.map((e) => this.expression(e, depth + 1));
    if (!types.every((t): t is Ty => !!t)) return undefined;
    const item = agree(types);
    return item && item.kind !== 'none' && item.kind !== 'optional' ? { kind: 'generic', base, args: [item] } : undefined;
  }

  private dictionary(node: Node, depth: number): Ty | undefined {
    const pairs = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (!pairs.length || pairs.some((p) => p.type !== 'pair')) return undefined;
    const keys = pairs.map((p) => this.expression(p.childForFieldName('key'), depth + 1));
    const values = pairs.map((p) => this.expression(p.childForFieldName('value'), depth + 1));
    if (!keys.every((t): t is Ty => !!t) || !values.every((t): t is Ty => !!t)) return undefined;
    const key = agree(keys);
    const value = agree(values);
    if (!key || !value || key.kind === 'optional' || key.kind === 'none') return undefined;
    return { kind: 'generic', base: 'dict', args: [key, value] };
  }

  /**
   * A parameter annotated in the header and never rebound, or a local whose every binding is
   * `name = value` with a known type. Read from the def's own text: any occurrence that is
   * not a plain read or such an assignment (a loop target, `+=`, `global`, `del`…) means
   * unknown. Occurrences in nested defs count too (conservative).
   */
  private name(node: Node, depth: number): Ty | undefined {
    const facts = this.facts;
    const scope = facts.scopeOf(node);
    if (scope.kind !== 'function') return undefined;
    const name = node.text;
    const word = new RegExp(`(?<![\\w.\\u0080-\\uffff])${escapeRegExp(name)}(?![\\w\\u0080-\\uffff])`, 'g');
    const root = facts.tree.rootNode;
    const values: Node[] = [];
    for (const match of this.text.slice(scope.bodyStart, scope.bodyEnd).matchAll(word)) {
      const offset = scope.bodyStart + match.index!;
      const occurrence = root.descendantForIndex(offset, offset + name.length);
      if (occurrence?.type !== 'identifier' || occurrence.startIndex !== offset) continue; // strings, comments
      const parent = occurrence.parent;
      if (parent?.type === 'assignment' && parent.childForFieldName('left')?.equals(occurrence)) {
        const value = parent.childForFieldName('right');
        if (!value || parent.childForFieldName('type') || !mayInfer(value, new Set(), depth + 1)) return undefined;
        values.push(value);
      } else if (!isPlainRead(occurrence)) return undefined;
    }
    const parameter = this.parameter(scope.node, name);
    if (parameter !== undefined) {
      if (values.length || !parameter) return undefined;
      return { kind: 'text', text: parameter.text };
    }
    if (!values.length) return undefined; // a global, a closure variable, a builtin
    const types = values.map((v) => this.expression(v, depth + 1));
    return types.every((t): t is Ty => !!t) ? agree(types) : undefined;
  }

  /** The annotation of the def's parameter `name` (null when unannotated); undefined: no such parameter. */
  private parameter(definition: Node, name: string): Node | null | undefined {
    for (const child of definition.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!child) continue;
      if (child.type === 'identifier' && child.text === name) return null;
      if ((child.type === 'default_parameter' || child.type === 'typed_default_parameter') && child.childForFieldName('name')?.text === name) {
        return child.childForFieldName('type') ?? null;
      }
      if (child.type === 'typed_parameter' && child.firstNamedChild?.type === 'identifier' && child.firstNamedChild.text === name) return child.childForFieldName('type') ?? null;
      if ((child.type === 'list_splat_pattern' || child.type === 'dictionary_splat_pattern' || child.type === 'typed_parameter') && child.text.replace(/^\*+/, '').split(':')[0].trim() === name) return null;
    }
    return undefined;
  }

  /** A class defined once at module level and not rebound where the call happens. */
  private localClass(callee: Node): Ty | undefined {
    const facts = this.facts;
    const name = callee.text;
    const candidates = facts.moduleDefinitions(name);
    if (candidates?.length !== 1 || candidates[0].type !== 'class_definition') return undefined;
    // Bound by the class statement only, where the call can see it.
    const definition = candidates[0];
    return nameIsFree(name, callee, facts, definition.childForFieldName('name')) ? { kind: 'class', name, definition } : undefined;
  }
}

function stringType(node: Node): Ty | undefined {
  const start = node.firstChild;
  if (start?.type !== 'string_start') return undefined;
  const prefix = start.text.replace(/["']/g, '').toLowerCase();
  return { kind: 'builtin', name: prefix.includes('b') ? 'bytes' : 'str' };
}

/** True when the class is bound before the def statement runs (defined earlier, not around it). */
export function definedBefore(definition: Node, at: Node): boolean {
  return definition.endIndex <= statementOf(at).startIndex && !(at.startIndex >= definition.startIndex && at.endIndex <= definition.endIndex);
}

export { statementsOf };
