// unicode-string-prefix (UP025): `u"…"` — on Python 3 every str literal is Unicode, and the
// `u` prefix (kept legal by PEP 414 for 2/3 code) means nothing. Each prefixed part of an
// implicit concatenation is reported. The fix drops the letter, or turns it into a space
// where it sits right after another literal's quote (`""u""` must not become `""""`).
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { brief, stringPrefix } from '../syntax';

export function createUnicodeStringPrefix(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const part = captures.string;
      if (!part || stringPrefix(part).toLowerCase() !== 'u' || !context.isSound(part)) return;
      const previous = context.text[part.startIndex - 1];
      const newText = previous === '"' || previous === "'" ? ' ' : '';
      context.report({
        node: part,
        data: { prefix: stringPrefix(part) },
        fixes: [{ title: 'Remove the `u` prefix', safety: 'safe', edits: [{ start: part.startIndex, end: part.startIndex + 1, newText }] }],
        suggestion: `\`${brief(part.text.slice(1))}\``,
        peer: 'UP025',
      });
    },
  };
}
