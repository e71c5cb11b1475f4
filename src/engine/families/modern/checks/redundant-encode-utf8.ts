// redundant-encode-utf8 (UP012): `"foo".encode("utf-8")` on a str literal. UTF-8 is
// `encode`'s default on Python 3, so the argument is redundant; and an ASCII literal encodes
// to the bytes literal of the same text (`b"foo"`). Only literals (a variable's type is
// unknown), only a bare UTF-8 spelling as the one argument (`errors=` keeps the call), and
// never a literal with `\u`/`\N` escapes, as in Ruff.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { argumentNodes } from '../../../call-arguments';
import { isTemplatePart, stringParts, stringPrefix, unparenthesized } from '../syntax';

/** Spellings of UTF-8 that Python's codec registry maps to the default codec. */
const UTF8 = new Set(['utf-8', 'utf8', 'u8', 'utf_8', 'utf', 'cp65001']);

export function createRedundantEncodeUtf8(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const { call, receiver, method, args } = captures;
      if (!call || !receiver || !method || !args || method.text !== 'encode') return;
      const parts = stringParts(unparenthesized(receiver));
      if (parts.length === 0 || parts.some((p) => /[bt]/i.test(stringPrefix(p)) || hasUnicodeEscape(p))) return;
      const items = argumentNodes(args);
      if (items.length > 1 || (items.length === 1 && !isUtf8Argument(items[0]))) return;
      if (!context.isSound(call)) return;
      const asciiLiteral = parts.every((p) => !isTemplatePart(p) && /^[\x00-\x7f]*$/.test(p.text) && !hasHighEscape(p));
      if (asciiLiteral) {
        const bytes = bytesText(context.text, receiver, parts);
        const space = /[\w]/.test(context.text[call.startIndex - 1] ?? '') ? ' ' : '';
        const after = /[\w]/.test(context.text[call.endIndex] ?? '') ? ' ' : '';
        context.report({
          node: call,
          data: { verdict: 'is the bytes literal of the same ASCII text' },
          fixes: [{ title: 'Write a bytes literal', safety: 'safe', edits: [{ start: call.startIndex, end: call.endIndex, newText: `${space}${bytes}${after}` }] }],
          suggestion: `\`${bytes.split('\n')[0]}\``,
          peer: 'UP012',
        });
        return;
      }
      if (items.length === 0) return;
      context.report({
        node: call,
        data: { verdict: 'passes UTF-8, which `encode` uses by default' },
        fixes: [{ title: 'Remove the encoding argument', safety: 'safe', edits: [{ start: args.startIndex, end: args.endIndex, newText: '()' }] }],
        suggestion: '`.encode()`',
        peer: 'UP012',
      });
    },
  };
}

/** `"utf-8"` or `encoding="utf-8"` (any UTF-8 spelling, any case). */
function isUtf8Argument(argument: Node): boolean {
  let value: Node | null = argument;
  if (argument.type === 'keyword_argument') {
    if (argument.childForFieldName('name')?.text !== 'encoding') return false;
    value = argument.childForFieldName('value');
  }
  if (value?.type !== 'string' || isTemplatePart(value)) return false;
  const content = value.namedChildren.filter((c): c is Node => !!c && c.type !== 'string_start' && c.type !== 'string_end');
  if (content.length !== 1 || content[0].type !== 'string_content') return false;
  return UTF8.has(content[0].text.toLowerCase());
}

/** True for a non-raw part with `\u`, `\U` or `\N{…}`: bytes literals have no such escapes. */
function hasUnicodeEscape(part: Node): boolean {
  if (/r/i.test(stringPrefix(part))) return false;
  return /\\[uUN]/.test(part.text.replace(/\\\\/g, ''));
}

/** True for a non-raw part with `\xe9` or `\351`: a code point past ASCII, which UTF-8 encodes in two bytes. */
function hasHighEscape(part: Node): boolean {
  if (/r/i.test(stringPrefix(part))) return false;
  for (const match of part.text.matchAll(/\\\\|\\x([0-9a-fA-F]{2})|\\([0-7]{1,3})/g)) {
    const value = match[1] ? parseInt(match[1], 16) : match[2] ? parseInt(match[2], 8) : 0;
    if (value > 0x7f) return true;
  }
  return false;
}

/** The receiver's text with each part's prefix turned into a bytes prefix (`u"a"` → `b"a"`, `r"a"` → `br"a"`). */
function bytesText(text: string, receiver: Node, parts: Node[]): string {
  let result = '';
  let at = receiver.startIndex;
  for (const part of parts) {
    const prefix = stringPrefix(part);
    result += text.slice(at, part.startIndex) + 'b' + prefix.replace(/u/i, '');
    at = part.startIndex + prefix.length;
  }
  return result + text.slice(at, receiver.endIndex);
}
