// format-call-to-fstring (UP032): `"{} {}".format(a, b)` → `f"{a} {b}"`, at targets with
// f-strings (3.6+). Reported only where the rewrite is faithful and stays readable
// (fstring-rewrite.ts says when). An f-string longer than the call (a field repeated:
// `"{0}…{0}".format(long_name)`) that would push its line past 88 columns is left alone,
// where Ruff converts it anyway. Safe.
import { formatCallOf } from '../format-call';
import { fstringRewrite } from '../fstring-rewrite';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

/** Ruff's default line length. */
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
      // Readable: a rewrite longer than the call it replaces (repeated fields) may not push its line past the limit.
      const lineStart = text.lastIndexOf('\n', call.startIndex - 1) + 1;
      const prefix = text.slice(lineStart, call.startIndex);
      if (widest(prefix + rewrite.text) > LINE_LIMIT && [...rewrite.text].length > [...call.text].length) return;
      context.report({
        node: call,
        fixes: [{ title: 'Convert to an f-string', safety: 'safe', edits: rewrite.edits }],
        suggestion: `\`${rewrite.text.replace(/\n\s*/g, ' ')}\``,
        peer: 'UP032',
      });
    },
  };
}
