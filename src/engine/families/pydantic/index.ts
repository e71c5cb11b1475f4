// The pydantic family: pydantic v1 code on its way to v2: models, validators, fields and methods whose names or forms changed (rules/pydantic/).
import type { FamilyPackage } from '../../checks/context';
import { createPydanticConfigClass } from './checks/pydantic-config-class';
import { createPydanticFieldV1Arguments } from './checks/pydantic-field-v1-arguments';
import { createPydanticMovedImport } from './checks/pydantic-moved-import';

export const PYDANTIC_FAMILY: FamilyPackage = {
  name: 'pydantic',
  checks: {
    'pydantic-config-class': createPydanticConfigClass,
    'pydantic-field-v1-arguments': createPydanticFieldV1Arguments,
    'pydantic-moved-import': createPydanticMovedImport,
  },
};
