// The `str.format` template language, parsed from a string literal's source text: literal
// runs and replacement fields (`{name.attr[0]!r:>10}`), with the offsets the rewrites of
// format-string-indices and format-call-to-fstring need. It follows CPython's own parser
// (Objects/stringlib/unicode_format.h): `{{`/`}}` are escapes, a field ends at its matching
// `}`, `!`/`:` inside `[...]` belong to the index. Anything it would reject is undefined.
import type { Node } from 'web-tree-sitter';

export interface FormatField {
  /** Offsets of `{` and just after `}` in the parsed text. */
  start: number;
  end: number;
  /** The argument the field names: '' (automatic), digits (an index) or a keyword. */
  argument: string;
  /** Offset just after the argument in the parsed text. */
  argumentEnd: number;
  /** `.attr` and `[index]` parts after the argument, as written. */
  accessors: string;
  /** `!r`, `!s`, `!a`, or ''. */
  conversion: string;
  /** The format spec after `:`, or undefined when there is no `:`. */
  spec: string | undefined;
  /** True when the spec holds replacement fields of its own (`{:{width}}`). */
  nested: boolean;
}

/** The fields of a format template, or undefined where `str.format` would raise. */
export function parseFormatTemplate(text: string): FormatField[] | undefined {
  const fields: FormatField[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '}') {
      if (text[i + 1] !== '}') return undefined;
      i += 2;
      continue;
    }
    if (c !== '{') {
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      i += 2;
      continue;
    }
    const field = parseField(text, i);
    if (!field) return undefined;
    fields.push(field);
    i = field.end;
  }
  return fields;
}

function parseField(text: string, start: number): FormatField | undefined {
  // The field runs to the `}` that closes it, nested braces counted.
  let depth = 1;
  let close = start + 1;
  for (; close < text.length; close++) {
    if (text[close] === '{') depth++;
    else if (text[close] === '}' && --depth === 0) break;
  }
  if (close >= text.length) return undefined;
  const body = text.slice(start + 1, close);
  let bracket = 0;
  let nameEnd = body.length;
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (c === '[') bracket++;
    else if (c === ']') bracket--;
    else if (bracket === 0 && (c === '!' || c === ':')) {
      nameEnd = k;
      break;
    }
  }
  const name = body.slice(0, nameEnd);
  if (name.includes('{') || name.includes('}')) return undefined;
  const accessorStart = name.search(/[.[]/);
  const argument = accessorStart < 0 ? name : name.slice(0, accessorStart);
  const accessors = accessorStart < 0 ? '' : name.slice(accessorStart);
  if (!/^(?:\.[A-Za-z_]\w*|\[[^\]]+\])*$/.test(accessors)) return undefined;
  let rest = body.slice(nameEnd);
  let conversion = '';
  if (rest.startsWith('!')) {
    if (!/^![rsa](?::|$)/.test(rest)) return undefined;
    conversion = rest.slice(0, 2);
    rest = rest.slice(2);
  }
  const spec = rest.startsWith(':') ? rest.slice(1) : undefined;
  if (spec !== undefined && spec.includes('{') && parseFormatTemplate(spec) === undefined) return undefined;
  return { start, end: close + 1, argument, argumentEnd: start + 1 + argument.length, accessors, conversion, spec, nested: spec?.includes('{') ?? false };
}

/** One piece of a string literal (a `string` node, or one part of an implicit concatenation). */
export interface LiteralPart {
  node: Node;
  /** The prefix letters as written (`u`, `r`, `Rb`…). */
  prefix: string;
  /** Offset of the body (after the opening quotes) in the node's text, and its length. */
  bodyStart: number;
  body: string;
  /** The body with each `\N{NAME}` escape's braces masked, for parsing (same offsets). */
  parseBody: string;
  quote: string;
}

/**
 * The parts of a plain (non-f, non-bytes) string literal, or undefined. A body whose escapes
 * spell a brace (`\x7b`, `\173`) is left alone; the braces of `\N{NAME}` are no fields.
 */
export function literalParts(node: Node): LiteralPart[] | undefined {
  const strings = node.type === 'string' ? [node] : node.type === 'concatenated_string' ? node.namedChildren.filter((c): c is Node => c?.type === 'string') : [];
  if (!strings.length || (node.type === 'concatenated_string' && strings.length !== node.namedChildren.filter((c) => c?.type !== 'comment').length)) return undefined;
  const parts: LiteralPart[] = [];
  for (const string of strings) {
    const match = /^([A-Za-z]*)('''|"""|'|")/.exec(string.text);
    if (!match) return undefined;
    const prefix = match[1];
    if (/[fbt]/i.test(prefix)) return undefined;
    const quote = match[2];
    const body = string.text.slice(prefix.length + quote.length, string.text.length - quote.length);
    const raw = /r/i.test(prefix);
    if (!raw && /\\(?:x7[bdBD]|17[35]|u007[bdBD]|U0000007[bdBD])/.test(body)) return undefined;
    // An odd run of backslashes before N starts a named escape.
    const parseBody = raw ? body : body.replace(/(?<!\\)((?:\\\\)*)\\N\{[^}]*\}/g, (m, lead: string) => `${lead}\\N${'_'.repeat(m.length - lead.length - 2)}`);
    if (!raw && /\\N\{/.test(parseBody.replace(/\\\\/g, '__'))) return undefined;
    parts.push({ node: string, prefix, bodyStart: prefix.length + quote.length, body, parseBody, quote });
  }
  return parts;
}
