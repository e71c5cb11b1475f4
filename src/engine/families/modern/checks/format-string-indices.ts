// format-string-indices (UP030): `"{0} {1}".format(a, b)` numbers its fields where implicit
// `{}` fields mean the same. In order, dropping the digits changes nothing (safe: the
// arguments are not touched). Out of order (`"{1} {0}"`), the fix also swaps the arguments,
// so they are evaluated in a new order: unsafe, and offered only when every field's argument
// is a plain positional one. A repeated, skipped or automatic field, a keyword field, or a
// field nested in a spec (`{0:{1}}`) is not reported: implicit fields cannot say it.
import type { Node } from 'web-tree-sitter';
import { allFields, formatCallOf } from '../format-call';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix, TextEdit } from '../../../types';

export function createFormatStringIndices(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const call = captures.call;
      if (!call || !context.isSound(call)) return;
      const format = formatCallOf(call);
      if (!format) return;
      const fields = allFields(format);
      if (!fields.length || fields.some((f) => f.nested || !/^\d+$/.test(f.argument))) return;
      const indices = fields.map((f) => Number(f.argument));
      if (indices.some((_, i) => !indices.includes(i))) return;
      const inOrder = indices.every((n, i) => n === i);
      const edits: TextEdit[] = [];
      for (const part of format.parts) {
        const base = part.node.startIndex + part.bodyStart;
        for (const field of part.fields) edits.push({ start: base + field.start + 1, end: base + field.argumentEnd, newText: '' });
      }
      const example = indices.slice(0, 3).map((n) => `{${n}}`).join(' ');
      const fixes: Fix[] = [];
      if (inOrder) fixes.push({ title: 'Remove the positional indices', safety: 'safe', edits });
      else {
        const reorder = reorderEdits(format.positional, indices);
        if (reorder && !format.commented && !format.keywords.size) {
          fixes.push({ title: 'Remove the indices and reorder the arguments (unsafe: they are then evaluated in another order)', safety: 'unsafe', edits: [...edits, ...reorder] });
        }
      }
      context.report({
        node: call,
        data: { example, order: inOrder ? 'in order' : 'out of order' },
        fixes,
        suggestion: fixes.length ? `\`${applied(context.text, call, fixes[0].edits)}\`` : undefined,
        peer: 'UP030',
      });
    },
  };
}

/** Edits that put the argument of field i in position i; undefined when a splat or a missing argument is in the way. */
function reorderEdits(positional: Node[], indices: number[]): TextEdit[] | undefined {
  if (positional.length < indices.length) return undefined;
  const used = positional.slice(0, indices.length);
  if (used.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat' || a.text.includes('\n'))) return undefined;
  return used.map((argument, i) => ({ start: argument.startIndex, end: argument.endIndex, newText: used[indices[i]].text }));
}

/** The call's text after the edits (for the hover). */
function applied(text: string, call: Node, edits: TextEdit[]): string {
  let result = '';
  let at = call.startIndex;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at, call.endIndex);
}
