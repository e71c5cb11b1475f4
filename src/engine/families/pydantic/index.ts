// The pydantic family: pydantic v1 code on its way to v2 — models, validators, fields and methods whose names or forms changed (rules/pydantic/).
import type { FamilyPackage } from '../../checks/context';
import { outsideCompatBranches } from './models';
import { createPydanticConfigClass } from './checks/pydantic-config-class';
import { createPydanticConstrainedType } from './checks/pydantic-constrained-type';
import { createPydanticCustomRoot } from './checks/pydantic-custom-root';
import { createPydanticFieldV1Arguments } from './checks/pydantic-field-v1-arguments';
import { createPydanticGenericModel } from './checks/pydantic-generic-model';
import { createPydanticMovedImport } from './checks/pydantic-moved-import';
import { createPydanticOptionalWithoutDefault } from './checks/pydantic-optional-without-default';
import { createPydanticParseObjAs } from './checks/pydantic-parse-obj-as';
import { createPydanticV1Method } from './checks/pydantic-v1-method';
import { createPydanticV1Validator } from './checks/pydantic-v1-validator';

export const PYDANTIC_FAMILY: FamilyPackage = {
  name: 'pydantic',
  // No rule reports inside `if PYDANTIC_V1:`-style branches: dual-version code on purpose.
  checks: outsideCompatBranches({
    'pydantic-config-class': createPydanticConfigClass,
    'pydantic-constrained-type': createPydanticConstrainedType,
    'pydantic-custom-root': createPydanticCustomRoot,
    'pydantic-field-v1-arguments': createPydanticFieldV1Arguments,
    'pydantic-generic-model': createPydanticGenericModel,
    'pydantic-moved-import': createPydanticMovedImport,
    'pydantic-optional-without-default': createPydanticOptionalWithoutDefault,
    'pydantic-parse-obj-as': createPydanticParseObjAs,
    'pydantic-v1-method': createPydanticV1Method,
    'pydantic-v1-validator': createPydanticV1Validator,
  }),
  // What a receiver is, and what a Config's fix may touch, depends on classes elsewhere in
  // the file, which one def's facts do not hold.
  readsOtherDefs: ['pydantic-config-class', 'pydantic-v1-method'],
};
