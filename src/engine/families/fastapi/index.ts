// The fastapi family: lean FastAPI services: dependencies in the Annotated form, routes whose path and signature agree (rules/fastapi/).
import type { FamilyPackage } from '../../checks/context';
import { createFastapiNonAnnotatedDependency } from './checks/fastapi-non-annotated-dependency';
import { createFastapiRedundantResponseModel } from './checks/fastapi-redundant-response-model';
import { createFastapiUnusedPathParameter } from './checks/fastapi-unused-path-parameter';

export const FASTAPI_FAMILY: FamilyPackage = {
  name: 'fastapi',
  checks: {
    'fastapi-non-annotated-dependency': createFastapiNonAnnotatedDependency,
    'fastapi-redundant-response-model': createFastapiRedundantResponseModel,
    'fastapi-unused-path-parameter': createFastapiUnusedPathParameter,
  },
  // A route's path parameters may be taken by a dependency defined in another def or class.
  readsOtherDefs: ['fastapi-unused-path-parameter'],
};
