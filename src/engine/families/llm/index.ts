// The llm family: AI-native code: LLM SDK calls written for APIs that are gone, and model output used without validation (rules/llm/).
import type { FamilyPackage } from '../../checks/context';
import { createUnvalidatedLlmJson } from './checks/unvalidated-llm-json';

export const LLM_FAMILY: FamilyPackage = {
  name: 'llm',
  checks: {
    'unvalidated-llm-json': createUnvalidatedLlmJson,
  },
};
