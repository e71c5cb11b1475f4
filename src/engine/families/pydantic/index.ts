// The pydantic family: pydantic v1 code on its way to v2: models, validators, fields and methods whose names or forms changed (rules/pydantic/).
import type { FamilyPackage } from '../../checks/context';
import { createPydanticConfigClass } from './checks/pydantic-config-class';
import { createPydanticConstrainedType } from './checks/pydantic-constrained-type';
import { createPydanticFieldV1Arguments } from './checks/pydantic-field-v1-arguments';
import { createPydanticMovedImport } from './checks/pydantic-moved-import';
import { createPydanticParseObjAs } from './checks/pydantic-parse-obj-as';
import { createPydanticV1Method } from './checks/pydantic-v1-method';

export const PYDANTIC_FAMILY: FamilyPackage = {
  name: 'pydantic',
  checks: {
    'pydantic-config-class': createPydanticConfigClass,
    'pydantic-constrained-type': createPydanticConstrainedType,
    'pydantic-field-v1-arguments': createPydanticFieldV1Arguments,
    'pydantic-moved-import': createPydanticMovedImport,
    'pydantic-parse-obj-as': createPydanticParseObjAs,
    'pydantic-v1-method': createPydanticV1Method,
  },
  // A receiver is a model by a class defined elsewhere in the file, which one def's facts do not hold.
  readsOtherDefs: ['pydantic-v1-method'],
};
