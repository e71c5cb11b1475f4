// missing-star-args-annotation: `*args` / `**kwargs` of a public function or method without
// an annotation (the element type: `*args: int`, `**kwargs: str`). No fix: nothing states it.
import { createMissingParameterCheck } from '../missing';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createMissingStarArgsAnnotation(context: CheckContext): CheckVisitor {
  return createMissingParameterCheck(context, 'star');
}
