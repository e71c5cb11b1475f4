// The pydantic family: pydantic v1 code on its way to v2: models, validators, fields and methods whose names or forms changed (rules/pydantic/).
import type { FamilyPackage } from '../../checks/context';
import { createPydanticCustomRoot } from './checks/pydantic-custom-root';
import { createPydanticGenericModel } from './checks/pydantic-generic-model';
import { createPydanticOptionalWithoutDefault } from './checks/pydantic-optional-without-default';
import { createPydanticV1Validator } from './checks/pydantic-v1-validator';

export const PYDANTIC_FAMILY: FamilyPackage = {
  name: 'pydantic',
  checks: {
    'pydantic-custom-root': createPydanticCustomRoot,
    'pydantic-generic-model': createPydanticGenericModel,
    'pydantic-optional-without-default': createPydanticOptionalWithoutDefault,
    'pydantic-v1-validator': createPydanticV1Validator,
  },
};
