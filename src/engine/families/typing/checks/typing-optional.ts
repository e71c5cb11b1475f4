// typing-optional: `Optional[X]` → `X | None` (PEP 604). Runs from 3.10; from 3.7 with
// `from __future__ import annotations`, inside annotations nothing evaluates at runtime.
// Safe in annotations on 3.10+; unsafe in code that runs (`typing.Union` becomes
// `types.UnionType`) and on the future-import path. `Optional["Foo"]` becomes `"Foo | None"`
// when it is the whole annotation (`"Foo" | None` would fail at runtime); otherwise no fix.
import { joinUnion, reportUnionRewrites } from '../legacy';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const MEMBERS = new Set(['Optional']);

export function createTypingOptional(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportUnionRewrites(context, MEMBERS, 'UP045', (view, mayQuote, syntax) => {
        if (view.args.length !== 1 || view.args[0].type === 'none') return undefined;
        const inner = joinUnion([view.args[0]], mayQuote, context.facts, syntax.unevaluated);
        if (inner === undefined) return undefined;
        return inner.startsWith('"') ? `${inner.slice(0, -1)} | None"` : `${inner} | None`;
      });
    },
  };
}
