// The f-string that says what a `"…".format(…)` call says, or undefined when the rewrite
// would not be faithful or readable. The timid rules (pyupgrade's, which the issue asks
// for): every argument is a name, an attribute chain, a number or constant, an integer
// subscript of those, or a zero-argument call of such a callee; a call argument is used
// exactly once, in argument order, so nothing runs in another order, twice, or not at all;
// no `*args`/`**kwargs`, no comment in the arguments, no string argument (quotes inside an
// f-string's braces need 3.12), no spec with nested fields, no `[key]` field (it would
// need quotes), no backslash next to a brace.
import type { Node } from 'web-tree-sitter';
import type { FormatCall } from './format-call';
import type { FormatField } from './format-spec';
import type { TextEdit } from '../../types';

type ArgumentKind = 'pure' | 'call' | 'number';

/** What an argument is, for this rewrite; undefined: not simple enough. */
function argumentKind(node: Node): ArgumentKind | undefined {
  switch (node.type) {
    case 'identifier':
      return 'pure';
    case 'true':
    case 'false':
    case 'none':
      return 'pure';
    case 'integer':
    case 'float':
      return 'number';
    case 'unary_operator':
      return node.childForFieldName('operator')?.text === '-' && /^(?:integer|float)$/.test(node.childForFieldName('argument')?.type ?? '') ? 'number' : undefined;
    case 'attribute': {
      const object = node.childForFieldName('object');
      return object && argumentKind(object) === 'pure' ? 'pure' : undefined;
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const index = node.namedChildren.filter((c) => c?.type !== 'comment').slice(1);
      return value && argumentKind(value) === 'pure' && index.length === 1 && index[0] && argumentKind(index[0]) === 'number' && !index[0].text.includes('.') ? 'pure' : undefined;
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      const args = node.childForFieldName('arguments');
      return callee && argumentKind(callee) === 'pure' && args?.type === 'argument_list' && args.namedChildren.length === 0 ? 'call' : undefined;
    }
    default:
      return undefined;
  }
}

/** The argument a field names (automatic numbering resolved), or undefined. */
function resolveFields(format: FormatCall): Node[] | undefined {
  const fields = format.parts.flatMap((p) => p.fields);
  const automatic = fields.filter((f) => f.argument === '').length;
  if (automatic && fields.some((f) => /^\d+$/.test(f.argument))) return undefined;
  let next = 0;
  const result: Node[] = [];
  for (const field of fields) {
    const node = field.argument === '' ? format.positional[next++] : /^\d+$/.test(field.argument) ? format.positional[Number(field.argument)] : format.keywords.get(field.argument);
    if (!node) return undefined;
    result.push(node);
  }
  return result;
}

function fieldAccepted(field: FormatField, kind: ArgumentKind): boolean {
  if (field.nested || field.accessors.includes('[') && !/^(?:\.[A-Za-z_]\w*|\[\d+\])*$/.test(field.accessors)) return false;
  if (kind === 'number' && field.accessors) return false;
  return !(field.spec ?? '').includes('\\');
}

export interface FstringRewrite {
  edits: TextEdit[];
  /** The call's text after the edits. */
  text: string;
}

export function fstringRewrite(format: FormatCall, source: string): FstringRewrite | undefined {
  if (format.splat || format.commented) return undefined;
  const fields = format.parts.flatMap((p) => p.fields);
  if (!fields.length) return undefined;
  const targets = resolveFields(format);
  if (!targets) return undefined;
  const all = [...format.positional, ...format.keywords.values()];
  const kinds = new Map<Node, ArgumentKind>();
  for (const argument of all) {
    const kind = argumentKind(argument);
    if (!kind || /[\n\\#]/.test(argument.text)) return undefined;
    kinds.set(argument, kind);
  }
  // Calls run once each, in the order the arguments were written.
  const calls = all.filter((a) => kinds.get(a) === 'call');
  const callUses = targets.filter((t) => kinds.get(t) === 'call');
  if (callUses.length !== calls.length || callUses.some((c, i) => c !== calls[i])) return undefined;
  for (const part of format.parts) if (!/r/i.test(part.prefix) && /\\[{}]/.test(part.body)) return undefined;

  const edits: TextEdit[] = [];
  let index = 0;
  for (const part of format.parts) {
    const base = part.node.startIndex;
    let body = '';
    let at = 0;
    for (const field of part.fields) {
      const target = targets[index++];
      if (!fieldAccepted(field, kinds.get(target)!)) return undefined;
      const spec = field.spec === undefined ? '' : `:${field.spec}`;
      body += part.body.slice(at, field.start) + `{${target.text}${field.accessors}${field.conversion}${spec}}`;
      at = field.end;
    }
    body += part.body.slice(at);
    if (!/[{}]/.test(part.parseBody)) continue;
    const prefix = `${part.prefix.replace(/u/i, '')}f`;
    edits.push({ start: base, end: part.node.endIndex, newText: `${prefix}${part.quote}${body}${part.quote}` });
  }
  // Drop `.format(…)`: from the end of the receiver (its closing parenthesis included) to the call's end.
  const callee = format.call.childForFieldName('function')!;
  const receiver = callee.childForFieldName('object')!;
  edits.push({ start: receiver.endIndex, end: format.call.endIndex, newText: '' });
  let text = '';
  let at = format.call.startIndex;
  for (const edit of edits) {
    text += source.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  text += source.slice(at, format.call.endIndex);
  return { edits, text };
}
