// functional-namedtuple: `X = NamedTuple("X", …)` where the class syntax fits (functional-classes.ts).
import { createFunctionalClassCheck } from '../functional-classes';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createFunctionalNamedtuple(context: CheckContext): CheckVisitor {
  return createFunctionalClassCheck(context, 'NamedTuple');
}
