// quoted-annotation: `x: "Foo"` where the quotes no longer do anything: with
// `from __future__ import annotations` no annotation is evaluated when the code runs, and
// annotations of local variables never are (PEP 526). Strings that are values, not types —
// inside `Literal[...]`, `Annotated`'s metadata, call arguments — are left alone. Safe: the
// annotation means the same to type checkers and to `typing.get_type_hints`. Except where a
// framework evaluates the annotation at runtime (a discord.py command, a pydantic model…)
// and the quotes hide a name imported only under `if TYPE_CHECKING:`: unquoted, evaluating
// it raises NameError, so the quotes are doing something and nothing is reported.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../../facts';
import { typeCheckingOnlyNames } from '../../../runtime-annotations';
import { genericOf, isNeverEvaluated, mayBeIntrospected } from '../annotations';
import { parsesAsType } from '../type-text';
import { plainStringContent, report } from '../legacy';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createQuotedAnnotation(context: CheckContext): CheckVisitor {
  return {
    match(captures) {
      const annotation = captures.annotation;
      const facts = context.facts;
      if (!annotation || !context.isSound(annotation)) return;
      if (!facts.hasFutureImport('annotations') && !isNeverEvaluated(annotation, facts)) return;
      for (const string of annotation.descendantsOfType('string')) {
        if (!string || !inTypePosition(string, annotation, facts)) continue;
        const content = plainStringContent(string);
        if (content === undefined || !parsesAsType(content, context.tree.language)) continue;
        if (namesTypeCheckingOnly(content, facts) && mayBeIntrospected(annotation, facts)) continue;
        const fix = { title: `Remove the quotes: \`${content}\``, safety: 'safe' as const, edits: [{ start: string.startIndex, end: string.endIndex, newText: content }] };
        report(context, { node: string, data: { content }, fixes: [fix] });
      }
    },
  };
}

/** The leading names of a type expression's text (`models` and `Weapon` in `models.Ship | Weapon`). */
const LEADING_NAMES = /(?<![.\w])[A-Za-z_]\w*/g;

/** Some name the text needs is bound only by imports under `if TYPE_CHECKING:`: absent at runtime. */
function namesTypeCheckingOnly(content: string, facts: SemanticFacts): boolean {
  const absent = typeCheckingOnlyNames(facts);
  return absent.size > 0 && [...content.matchAll(LEADING_NAMES)].some(([name]) => absent.has(name));
}

/** The string stands for a type: not a Literal value, Annotated metadata or call argument. */
function inTypePosition(string: Node, annotation: Node, facts: SemanticFacts): boolean {
  let child = string;
  for (let node = string.parent; node && !node.equals(annotation); child = node, node = node.parent) {
    if (node.type === 'call' || node.type === 'argument_list' || node.type === 'keyword_argument' || node.type === 'string' || node.type === 'concatenated_string') return false;
    const generic = genericOf(node);
    if (!generic || generic.head.equals(child)) continue;
    const head = facts.resolve(generic.head) ?? generic.head.text;
    if (/(?:^|\.)Literal$/.test(head)) return false;
    if (/(?:^|\.)Annotated$/.test(head) && !(generic.args[0] && string.startIndex >= generic.args[0].startIndex && string.endIndex <= generic.args[0].endIndex)) return false;
  }
  return true;
}
