// The pydantic family: pydantic v1 code on its way to v2: models, validators, fields and methods whose names or forms changed (rules/pydantic/).
import type { FamilyPackage } from '../../checks/context';
import { createPydanticConstrainedType } from './checks/pydantic-constrained-type';
import { createPydanticParseObjAs } from './checks/pydantic-parse-obj-as';
import { createPydanticV1Method } from './checks/pydantic-v1-method';

export const PYDANTIC_FAMILY: FamilyPackage = {
  name: 'pydantic',
  checks: {
    'pydantic-constrained-type': createPydanticConstrainedType,
    'pydantic-parse-obj-as': createPydanticParseObjAs,
    'pydantic-v1-method': createPydanticV1Method,
  },
  // A receiver is a model by a class defined elsewhere in the file, which one def's facts do not hold.
  readsOtherDefs: ['pydantic-v1-method'],
};
