// typing-optional: `Optional[X]` → `X | None` (PEP 604). Runs from 3.10; from 3.7 with
// `from __future__ import annotations`, inside annotations nothing evaluates at runtime.
// Safe in annotations on 3.10+; unsafe in code that runs (`typing.Union` becomes
// `types.UnionType`) and on the future-import path. `Optional["Foo"]` becomes `"Foo | None"`
// when it is the whole annotation (`"Foo" | None` would fail at runtime); otherwise no fix.
import { genericWithHead, syntaxAt } from '../typing/annotations';
import { isTypeArgument, joinUnion, removalFix, report, short, unusedImports, useFix, usesOf } from '../typing/legacy';
import type { CheckContext, CheckVisitor } from './index';

const MEMBERS = new Set(['Optional']);

export function createTypingOptional(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const facts = context.facts;
      for (const use of usesOf(context, MEMBERS)) {
        const view = genericWithHead(use.node);
        if (!view || view.args.length !== 1 || !context.isSound(view.node)) continue;
        const syntax = syntaxAt(view.node, facts);
        if (!syntax.pep604) continue;
        const mayQuote = !!syntax.annotation || isTypeArgument(view.node);
        const inner = view.args[0].type === 'none' ? undefined : joinUnion([view.args[0]], mayQuote, facts, syntax.unevaluated);
        const text = inner === undefined ? undefined : inner.startsWith('"') ? `${inner.slice(0, -1)} | None"` : `${inner} | None`;
        // No modern spelling (a forward reference in code that runs): nothing to report.
        if (!text) continue;
        const safe = !!syntax.annotation && !syntax.deferred604;
        const fix = useFix(context, `Replace with \`${short(text)}\``, safe, { start: view.node.startIndex, end: view.node.endIndex, newText: text }, use);
        report(context, { node: view.node, data: { old: short(view.node.text), modern: short(text) }, fixes: fix ? [fix] : [] });
      }
      if (!facts.hasFutureImport('annotations') && !syntaxAt(facts.tree.rootNode, facts).pep604) return;
      for (const unused of unusedImports(context, MEMBERS)) {
        report(context, { node: unused.node, data: { old: unused.binding.local, modern: 'X | None' }, fixes: removalFix(context, unused.binding) });
      }
    },
  };
}
