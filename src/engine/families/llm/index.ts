// The llm family: AI-native code: LLM SDK calls written for APIs that are gone, and model output used without validation (rules/llm/).
import type { FamilyPackage } from '../../checks/context';
import { createOpenaiV0Api } from './checks/openai-v0-api';

export const LLM_FAMILY: FamilyPackage = {
  name: 'llm',
  checks: {
    'openai-v0-api': createOpenaiV0Api,
  },
};
