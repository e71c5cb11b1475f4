// native-literal-call (UP018): `str("x")`, `int(1)`, `float(1.0)`, `bool(True)`, `bytes(b"")`
// return their argument; `str()`, `int()`, … return the empty literal. Only a literal of the
// call's own type counts (`int("1")` parses, `float(1)` converts: not reported), and only the
// builtins. The fix writes the literal, in parentheses where the call's place needs them
// (`(1).bit_length()`, a concatenation that spans lines).
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { argumentNodes } from '../../../call-arguments';
import { brief, hasCommentIn, isBuiltin, isTemplatePart, stringParts, stringPrefix } from '../syntax';

const EMPTY: Record<string, string> = { str: '""', bytes: 'b""', int: '0', float: '0.0', bool: 'False' };

/** Statements a signed number can stand in bare (anywhere else Ruff writes `(-1)`). */
const STATEMENT_PARENTS = new Set(['expression_statement', 'assignment', 'augmented_assignment', 'return_statement', 'if_statement', 'elif_clause', 'while_statement', 'assert_statement']);

export function createNativeLiteralCall(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const { call, fn, args } = captures;
      if (!call || !fn || !args || !(fn.text in EMPTY) || !isBuiltin(context, fn, fn.text)) return;
      const items = argumentNodes(args);
      if (items.length > 1 || (items.length === 1 && !isLiteralOf(fn.text, items[0])) || !context.isSound(call)) return;
      const literal = items.length === 0 ? emptyLiteral(context, fn.text) : items[0].text;
      const newText = parenthesize(call, items[0]) ? `(${literal})` : literal;
      // A comment outside the literal (`str(\n  "a"  # why\n)`) goes with the call: unsafe, as in Ruff.
      const kept = items[0] ?? args;
      const safe = !hasCommentIn(context, args.startIndex, kept.startIndex) && !hasCommentIn(context, kept.endIndex, args.endIndex);
      context.report({
        node: call,
        data: { name: fn.text, literal: brief(literal) },
        fixes: [{ title: `Replace with \`${brief(literal)}\`${safe ? '' : ' (unsafe: deletes a comment)'}`, safety: safe ? 'safe' : 'unsafe', edits: [{ start: call.startIndex, end: call.endIndex, newText }] }],
        suggestion: `\`${brief(newText)}\``,
        peer: 'UP018',
      });
    },
  };
}

/** The empty value, its quotes in the file's style (the first one-line literal's), as Ruff. */
function emptyLiteral(context: CheckContext, type: string): string {
  const literal = EMPTY[type];
  if (type !== 'str' && type !== 'bytes') return literal;
  const starts = context.tree.rootNode.descendantsOfType('string_start');
  const quote = starts.find((s) => !!s && !/("""|''')$/.test(s.text))?.text.slice(-1);
  return quote === "'" ? literal.replace(/"/g, "'") : literal;
}

/** A literal the call would return unchanged. */
function isLiteralOf(type: string, node: Node): boolean {
  if (type === 'str' || type === 'bytes') {
    const parts = stringParts(node);
    const bytes = (p: Node) => /b/i.test(stringPrefix(p));
    return parts.length > 0 && parts.every((p) => !isTemplatePart(p) && bytes(p) === (type === 'bytes'));
  }
  if (type === 'bool') return node.type === 'true' || node.type === 'false';
  let number = node;
  if (node.type === 'unary_operator' && /^[-+]/.test(node.text)) number = node.childForFieldName('argument') ?? node;
  if (/[jJ]$/.test(number.text)) return false;
  return (type === 'int' && number.type === 'integer') || (type === 'float' && number.type === 'float');
}

/**
 * True when the literal needs parentheses where the call stood: a concatenation over several
 * lines, an int before `.attr` (`(1).bit_length()`), and, as Ruff, a signed number inside
 * any expression (`[(-1)]`, `(-1) ** 2`); not directly in a statement (`x = -1`).
 */
function parenthesize(call: Node, argument: Node | undefined): boolean {
  const parent = call.parent;
  if (!argument || !parent) return false;
  if (argument.type === 'concatenated_string') return argument.text.includes('\n');
  const onAttribute = parent.type === 'attribute' && parent.childForFieldName('object')?.equals(call);
  if (argument.type === 'integer') return !!onAttribute;
  return argument.type === 'unary_operator' && !STATEMENT_PARENTS.has(parent.type);
}
