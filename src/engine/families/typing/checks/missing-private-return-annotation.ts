// missing-private-return-annotation: a `_private` function or method, or a function nested
// in another, without `-> T`. Same inference and fixes as missing-return-annotation.
import { createMissingReturnCheck } from '../missing';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createMissingPrivateReturnAnnotation(context: CheckContext): CheckVisitor {
  return createMissingReturnCheck(context, 'private');
}
