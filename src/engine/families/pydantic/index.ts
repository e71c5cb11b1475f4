// The pydantic family: pydantic v1 code on its way to v2: models, validators, fields and methods whose names or forms changed (rules/pydantic/).
import type { FamilyPackage } from '../../checks/context';
import { createPydanticCustomRoot } from './checks/pydantic-custom-root';
import { createPydanticGenericModel } from './checks/pydantic-generic-model';
import { createPydanticV1Validator } from './checks/pydantic-v1-validator';

export const PYDANTIC_FAMILY: FamilyPackage = {
  name: 'pydantic',
  checks: {
    'pydantic-custom-root': createPydanticCustomRoot,
    'pydantic-generic-model': createPydanticGenericModel,
    'pydantic-v1-validator': createPydanticV1Validator,
  },
};
