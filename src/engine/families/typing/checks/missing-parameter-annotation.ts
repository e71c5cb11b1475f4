// missing-parameter-annotation: a parameter of a public function or method (special methods
// included: `__init__`'s parameters are the constructor's) without an annotation. Not
// self/cls, not dummy `_` names, not `*args`/`**kwargs` (missing-star-args-annotation),
// not the implementation behind `@overload`s. Fix: the type of a literal default.
import { createMissingParameterCheck } from '../missing';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createMissingParameterAnnotation(context: CheckContext): CheckVisitor {
  return createMissingParameterCheck(context, 'public');
}
