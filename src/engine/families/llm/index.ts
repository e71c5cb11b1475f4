// The llm family: AI-native code: LLM SDK calls written for APIs that are gone, and model output used without validation (rules/llm/).
import type { FamilyPackage } from '../../checks/context';
import { createAnthropicTextCompletions } from './checks/anthropic-text-completions';
import { createLangchainLegacyImport } from './checks/langchain-legacy-import';
import { createOpenaiV0Api } from './checks/openai-v0-api';

export const LLM_FAMILY: FamilyPackage = {
  name: 'llm',
  checks: {
    'anthropic-text-completions': createAnthropicTextCompletions,
    'langchain-legacy-import': createLangchainLegacyImport,
    'openai-v0-api': createOpenaiV0Api,
  },
};
