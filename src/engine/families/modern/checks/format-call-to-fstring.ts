// format-call-to-fstring (UP032): `"{} {}".format(a, b)` → `f"{a} {b}"`, at targets with
// f-strings (3.6+). Reported only where the rewrite is faithful and stays readable
// (fstring-rewrite.ts says when), and where the line fits the limit or gets shorter, as
// Ruff checks: a conversion that would push a line past it is left alone. Safe.
import { formatCallOf } from '../format-call';
import { fstringRewrite } from '../fstring-rewrite';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

/** Ruff's default line length, which its UP032 keeps the rewritten line within. */
const LINE_LIMIT = 88;

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => [...line].length));
}

export function createFormatCallToFstring(context: CheckContext): CheckVisitor {
  const text = context.text;
  return {
    match(captures) {
      const call = captures.call;
      if (!call || !context.isSound(call)) return;
      const format = formatCallOf(call);
      const rewrite = format && fstringRewrite(format, text);
      if (!rewrite) return;
      const lineStart = text.lastIndexOf('\n', call.startIndex - 1) + 1;
      const newline = text.indexOf('\n', call.endIndex);
      const lineEnd = newline < 0 ? text.length : newline;
      const before = text.slice(lineStart, lineEnd);
      const after = text.slice(lineStart, call.startIndex) + rewrite.text + text.slice(call.endIndex, lineEnd);
      if (widest(after) > LINE_LIMIT && widest(after) > widest(before)) return;
      context.report({
        node: call,
        fixes: [{ title: 'Convert to an f-string', safety: 'safe', edits: rewrite.edits }],
        suggestion: `\`${rewrite.text.replace(/\n\s*/g, ' ')}\``,
        peer: 'UP032',
      });
    },
  };
}
