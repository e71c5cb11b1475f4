// lru-cache-parentheses (UP011, 3.8+): `@lru_cache()` → `@lru_cache`, the same default cache.
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { argumentsOf, hasComment, lruCacheDecorators } from '../lru-cache';
import { safeFix } from '../names';

export function createLruCacheParentheses(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const { callee, args } of lruCacheDecorators(context)) {
        if (argumentsOf(args).length) continue;
        const fixes = hasComment(args) ? [] : [safeFix('Remove the parentheses', [{ start: args.startIndex, end: args.endIndex, newText: '' }])];
        context.report({ node: args, data: { callee: callee.text }, fixes, suggestion: `\`\`\`python\n@${callee.text}\n\`\`\`\n`, peer: 'UP011' });
      }
    },
  };
}
