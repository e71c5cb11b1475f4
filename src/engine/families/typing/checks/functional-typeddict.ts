// functional-typeddict: `X = TypedDict("X", …)` where the class syntax fits (functional-classes.ts).
import { createFunctionalClassCheck } from '../functional-classes';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createFunctionalTypeddict(context: CheckContext): CheckVisitor {
  return createFunctionalClassCheck(context, 'TypedDict');
}
