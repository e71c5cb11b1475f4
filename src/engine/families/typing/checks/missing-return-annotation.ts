// missing-return-annotation: a public function or method (module level or class body, name
// without a leading `_`) without `-> T`. The quick fix infers the type: `-> None` (safe) when
// no `return` carries a value; the type every return agrees on, an iterator of the yielded
// type, or `NoReturn` for raise-only bodies (unsafe). Shared logic: src/engine/families/typing/missing.ts.
import { createMissingReturnCheck } from '../missing';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createMissingReturnAnnotation(context: CheckContext): CheckVisitor {
  return createMissingReturnCheck(context, 'public');
}
