// A `"…".format(…)` call on a string literal, as format-string-indices and
// format-call-to-fstring see it: the literal's parts with their parsed fields, and the
// call's arguments. Anything else (`s.format(…)`, bytes, f-strings, a template str.format
// would reject) is not one.
import type { Node } from 'web-tree-sitter';
import { argumentNodes } from '../../call-arguments';
import { literalParts, parseFormatTemplate, type FormatField, type LiteralPart } from './format-spec';

export interface ParsedPart extends LiteralPart {
  fields: FormatField[];
}

export interface FormatCall {
  call: Node;
  /** The string or concatenated string (inside the parentheses, if any). */
  literal: Node;
  parts: ParsedPart[];
  /** The argument list node and its arguments (comments left out). */
  argumentList: Node;
  positional: Node[];
  keywords: Map<string, Node>;
  /** True when the call has `*args` or `**kwargs`. */
  splat: boolean;
  /** True when a comment sits inside the argument list. */
  commented: boolean;
}

/** The receiver of `.format`, unwrapped from parentheses. */
function receiverLiteral(call: Node): Node | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== 'format') return undefined;
  let receiver = callee.childForFieldName('object');
  while (receiver?.type === 'parenthesized_expression') {
    const inner = receiver.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (inner.length !== 1) return undefined;
    receiver = inner[0];
  }
  return receiver?.type === 'string' || receiver?.type === 'concatenated_string' ? receiver : undefined;
}

export function formatCallOf(call: Node): FormatCall | undefined {
  if (call.type !== 'call') return undefined;
  const literal = receiverLiteral(call);
  const argumentList = call.childForFieldName('arguments');
  if (!literal || argumentList?.type !== 'argument_list') return undefined;
  const raw = literalParts(literal);
  if (!raw) return undefined;
  const parts: ParsedPart[] = [];
  for (const part of raw) {
    const fields = parseFormatTemplate(part.parseBody);
    if (!fields) return undefined;
    parts.push({ ...part, fields });
  }
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let splat = false;
  for (const argument of argumentNodes(argumentList)) {
    if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') splat = true;
    else if (argument.type === 'keyword_argument') {
      const name = argument.childForFieldName('name')?.text;
      const value = argument.childForFieldName('value');
      if (!name || !value) return undefined;
      keywords.set(name, value);
    } else positional.push(argument);
  }
  const commented = argumentList.namedChildren.some((c) => c?.type === 'comment') || argumentList.descendantsOfType('comment').length > 0;
  return { call, literal, parts, argumentList, positional, keywords, splat, commented };
}

/** Every field of the literal, part after part. */
export function allFields(format: FormatCall): FormatField[] {
  return format.parts.flatMap((p) => p.fields);
}
