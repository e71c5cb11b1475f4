// lru-cache-without-maxsize (UP033, 3.9+): `@lru_cache(maxsize=None)` → `@functools.cache`.
// The finding spans the arguments, as Ruff's does; the fix replaces the whole decorator call.
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import { argumentsOf, hasComment, lruCacheDecorators } from '../lru-cache';
import { safeFix } from '../names';

export function createLruCacheWithoutMaxsize(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const { call, callee, args } of lruCacheDecorators(context)) {
        const [only, ...rest] = argumentsOf(args);
        if (!only || rest.length || only.type !== 'keyword_argument') continue;
        if (only.childForFieldName('name')?.text !== 'maxsize' || only.childForFieldName('value')?.type !== 'none') continue;
        const plan = new ImportPlan(context.facts, context.text);
        const reference = hasComment(args) ? undefined : plan.reference('functools', 'cache', call);
        const imports = reference === undefined ? undefined : plan.edits();
        const fix = reference && imports ? safeFix(`Replace with \`@${reference}\``, [{ start: call.startIndex, end: call.endIndex, newText: reference }, ...imports]) : undefined;
        context.report({
          node: args,
          data: { callee: callee.text },
          fixes: fix ? [fix] : [],
          suggestion: `\`\`\`python\n@${reference ?? 'functools.cache'}\n\`\`\`\n`,
          peer: 'UP033',
        });
      }
    },
  };
}
