// The fastapi family: lean FastAPI services: dependencies in the Annotated form, routes whose path and signature agree (rules/fastapi/).
import type { FamilyPackage } from '../../checks/context';

export const FASTAPI_FAMILY: FamilyPackage = {
  name: 'fastapi',
  checks: {},
};
