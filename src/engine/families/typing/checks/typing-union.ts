// typing-union: `Union[A, B]` → `A | B` (PEP 604). Runs from 3.10; from 3.7 with
// `from __future__ import annotations`, inside annotations nothing evaluates at runtime.
// Safe in annotations on 3.10+; unsafe in code that runs (`isinstance(x, Union[A, B])`
// keeps working, but the object is a `types.UnionType`) and on the future-import path.
import { joinUnion, reportUnionRewrites } from '../legacy';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const MEMBERS = new Set(['Union']);

export function createTypingUnion(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportUnionRewrites(context, MEMBERS, 'UP007', (view, mayQuote, syntax) => {
        // `Union[()]` / a lone tuple argument has no `|` form.
        if (!view.args.length || (view.args.length === 1 && view.args[0].type === 'tuple')) return undefined;
        return joinUnion(view.args, mayQuote, context.facts, syntax.unevaluated);
      });
    },
  };
}
