// missing-star-args-annotation: `*args` / `**kwargs` of a public function or method without
// an annotation (the element type: `*args: int`, `**kwargs: str`). No fix: nothing states it.
import { createMissingParameterCheck } from '../typing/missing';
import type { CheckContext, CheckVisitor } from './index';

export function createMissingStarArgsAnnotation(context: CheckContext): CheckVisitor {
  return createMissingParameterCheck(context, 'star');
}
