// The llm family: AI-native code: LLM SDK calls written for APIs that are gone, and model output used without validation (rules/llm/).
import type { FamilyPackage } from '../../checks/context';
import { createLlmClientPerCall } from './checks/llm-client-per-call';
import { createUnvalidatedLlmJson } from './checks/unvalidated-llm-json';

export const LLM_FAMILY: FamilyPackage = {
  name: 'llm',
  checks: {
    'llm-client-per-call': createLlmClientPerCall,
    'unvalidated-llm-json': createUnvalidatedLlmJson,
  },
};
