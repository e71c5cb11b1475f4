// percent-format (UP031): `"%s: %r" % (name, value)` → `"{}: {!r}".format(name, value)`, the
// form Ruff's fix writes (format-call-to-fstring may then make it an f-string). Reported on
// a literal template with at least one directive and a right operand that is a tuple, a
// dict, or a single name, attribute, call, subscript or constant; a parenthesized operation
// (`"%d" % (n + 1)`) only when a directive has no `.format()` spelling, as Ruff. Not reported: bytes,
// `logging.info("%s", x)` and `cursor.execute("… %s", params)` (no `%` operator: the library
// formats), templates Python rejects or that mix `%(key)s` and `%s`.
// The fix is always unsafe, as Ruff's: `%s` calls `str()` where `{}` calls `format()` (a
// class may spell them differently, mixed-in enums did before 3.12), and a single right
// operand that turns out to be a tuple is unpacked by `%` but not by `.format()`.
import type { Node } from 'web-tree-sitter';
import { literalParts, type LiteralPart } from '../format-spec';
import { formatField, parsePercentTemplate, type PercentDirective } from '../percent-spec';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const SINGLE = new Set(['identifier', 'attribute', 'call', 'subscript', 'string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none', 'ellipsis']);
const OPERATION = new Set(['binary_operator', 'unary_operator']);
const CONSTANT = new Set(['string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none', 'ellipsis']);
const KEYWORDS = new Set('False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '));
const IDENTIFIER = /^[A-Za-z_]\w*$/;

function unwrap(node: Node): Node | undefined {
  let current: Node | undefined = node;
  while (current?.type === 'parenthesized_expression') {
    const inner: Node[] = current.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    current = inner.length === 1 ? inner[0] : undefined;
  }
  return current;
}

interface Template {
  parts: (LiteralPart & { directives: PercentDirective[] })[];
  keyed: boolean;
  count: number;
  /** True when a `\N{…}` escape keeps braces the rewrite would double: reported, not rewritten. */
  named: boolean;
}

function templateOf(literal: Node): Template | undefined {
  const raw = literalParts(literal);
  if (!raw) return undefined;
  const parts: Template['parts'] = [];
  for (const part of raw) {
    // An escape that spells `%` hides a directive from the source.
    if (!/r/i.test(part.prefix) && /\\(?:x25|0?45|u0025|U00000025)/.test(part.body)) return undefined;
    const directives = parsePercentTemplate(part.body);
    if (!directives) return undefined;
    parts.push({ ...part, directives });
  }
  const real = parts.flatMap((p) => p.directives).filter((d) => d.type !== '%');
  if (!real.length) return undefined;
  const keyed = real.filter((d) => d.key !== undefined).length;
  if (keyed && keyed !== real.length) return undefined;
  const named = parts.some((p) => p.body !== p.parseBody);
  return { parts, keyed: keyed > 0, count: real.length, named };
}

/** The `.format(…)` arguments for the right operand, or undefined when none is faithful. */
function formatArguments(template: Template, right: Node): string | undefined {
  const keys = template.parts.flatMap((p) => p.directives).filter((d) => d.type !== '%').map((d) => d.key);
  if (template.keyed && keys.some((k) => !IDENTIFIER.test(k!) || KEYWORDS.has(k!))) return undefined;
  if (right.descendantsOfType('comment').length) return undefined;
  if (right.type === 'tuple') {
    const items = right.namedChildren.filter((c): c is Node => !!c);
    if (template.keyed || items.length !== template.count || items.some((i) => i.type === 'list_splat')) return undefined;
    return items.map((i) => i.text).join(', ');
  }
  if (right.type === 'dictionary') {
    if (!template.keyed) return undefined;
    const seen = new Set<string>();
    const pairs: string[] = [];
    for (const pair of right.namedChildren) {
      const key = pair?.childForFieldName('key');
      const value = pair?.childForFieldName('value');
      const name = key?.type === 'string' ? /^(['"])([A-Za-z_]\w*)\1$/.exec(key.text)?.[2] : undefined;
      if (pair?.type !== 'pair' || !value || !name || KEYWORDS.has(name) || seen.has(name)) return undefined;
      seen.add(name);
      pairs.push(`${name}=${value.text}`);
    }
    return pairs.join(', ');
  }
  if (template.keyed) return CONSTANT.has(right.type) ? undefined : `**${right.text}`;
  if (template.count === 1) return right.text;
  return CONSTANT.has(right.type) ? undefined : `*${right.text}`;
}

/** The template's source with each directive as a `{…}` field, or undefined. */
function convertedLiteral(template: Template, literal: Node, text: string): string | undefined {
  if (template.named) return undefined;
  let result = '';
  let at = literal.startIndex;
  for (const part of template.parts) {
    let body = '';
    let from = 0;
    const escape = (s: string) => s.replace(/[{}]/g, (b) => b + b);
    for (const directive of part.directives) {
      const field = formatField(directive, directive.key ?? '');
      if (field === undefined) return undefined;
      body += escape(part.body.slice(from, directive.start)) + field;
      from = directive.end;
    }
    body += escape(part.body.slice(from));
    const start = part.node.startIndex;
    result += text.slice(at, start) + part.prefix + part.quote + body + part.quote;
    at = part.node.endIndex;
  }
  return result + text.slice(at, literal.endIndex);
}

export function createPercentFormat(context: CheckContext): CheckVisitor {
  const text = context.text;
  return {
    match(captures) {
      const node = captures.operation;
      if (!node || node.childForFieldName('operator')?.type !== '%' || !context.isSound(node)) return;
      const left = node.childForFieldName('left');
      const literal = left && unwrap(left);
      const rightNode = node.childForFieldName('right');
      const right = rightNode && (rightNode.type === 'parenthesized_expression' ? unwrap(rightNode) : rightNode);
      if (!left || !literal || !right || (literal.type !== 'string' && literal.type !== 'concatenated_string')) return;
      // A parenthesized operation is one operand too (`"%d" % (n + 1)`).
      const operation = rightNode.type === 'parenthesized_expression' && OPERATION.has(right.type);
      if (!SINGLE.has(right.type) && right.type !== 'tuple' && right.type !== 'dictionary' && !operation) return;
      const template = templateOf(literal);
      if (!template) return;
      const converted = convertedLiteral(template, literal, text);
      // As Ruff: a parenthesized operation may be a tuple, so it is reported only where no rewrite is possible anyway.
      if (operation && converted !== undefined) return;
      const args = operation ? undefined : formatArguments(template, right);
      let replacement: string | undefined;
      if (args !== undefined && converted !== undefined) {
        const receiver = text.slice(left.startIndex, literal.startIndex) + converted + text.slice(literal.endIndex, left.endIndex);
        replacement = `${left === literal && literal.type === 'concatenated_string' ? `(${receiver})` : receiver}.format(${args})`;
      }
      const why = right.type === 'tuple' || right.type === 'dictionary' || CONSTANT.has(right.type) ? '`{}` formats with `format()`, not `str()`' : `\`${right.text}\` may be a tuple, which \`%\` unpacks`;
      context.report({
        node,
        fixes: replacement ? [{ title: `Replace with \`.format()\` (unsafe: ${why})`, safety: 'unsafe', edits: [{ start: node.startIndex, end: node.endIndex, newText: replacement }] }] : [],
        suggestion: replacement ? `\`${replacement.replace(/\n\s*/g, ' ')}\`` : undefined,
        peer: 'UP031',
      });
    },
  };
}
