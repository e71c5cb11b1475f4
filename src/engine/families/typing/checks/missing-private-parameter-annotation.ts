// missing-private-parameter-annotation: any parameter (`*args`/`**kwargs` too) of a
// `_private` function or method, or of a nested function, without an annotation.
import { createMissingParameterCheck } from '../missing';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createMissingPrivateParameterAnnotation(context: CheckContext): CheckVisitor {
  return createMissingParameterCheck(context, 'private');
}
