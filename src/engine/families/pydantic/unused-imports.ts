// The from-imports a pydantic rewrite leaves unused (`parse_obj_as`, `constr`), reported by
// the rule that rewrote their uses, with their safe removal. Each call's own fix drops the
// import only when that call is its last use; fix-all rewrites several calls at once, and
// this finding cleans up after them. A `# noqa` on the import marks a re-export: left alone.
import type { CheckContext } from '../../checks/context';
import { ImportPlan, localName, nameNodes } from '../../import-plan';
import { inVersionCompatBranch } from './models';

/** Reports each unused module-level from-import whose qualified name `matches` selects. */
export function reportUnusedImports(context: CheckContext, matches: (qualified: string) => boolean, data: (local: string) => Record<string, string>): void {
  const facts = context.facts;
  const plan = new ImportPlan(facts, context.text);
  for (const binding of facts.imports) {
    if (binding.isModule || binding.scope.kind !== 'module' || !matches(binding.qualified) || inVersionCompatBranch(binding.node)) continue;
    if (!plan.isUnusedExcept(binding, [])) continue;
    const statement = binding.node;
    const marked = facts.comments.some((c) => c.startPosition.row >= statement.startPosition.row && c.startPosition.row <= statement.endPosition.row && /#\s*noqa\b/i.test(c.text));
    const node = nameNodes(statement).find((n) => localName(n) === binding.local);
    if (marked || !node || !context.isSound(node)) continue;
    const removal = new ImportPlan(facts, context.text);
    removal.remove(binding);
    const edits = removal.edits();
    context.report({
      node,
      data: data(binding.local),
      fixes: edits ? [{ title: `Remove the unused import of \`${binding.local}\``, safety: 'safe', edits }] : [],
      peer: 'F401',
    });
  }
}
