// missing-special-method-return-annotation: a dunder method (`__init__`, `__str__`, …) or a
// module-level `__getattr__` without `-> T`. Where the interpreter enforces the result type
// (`__init__` → None, `__str__` → str, `__len__` → int, `__bool__` → bool…) the fix is safe.
import { createMissingReturnCheck } from '../missing';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createMissingSpecialMethodReturnAnnotation(context: CheckContext): CheckVisitor {
  return createMissingReturnCheck(context, 'special');
}
