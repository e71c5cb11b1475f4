// The llm family: AI-native code: LLM SDK calls written for APIs that are gone, and model output used without validation (rules/llm/).
import type { FamilyPackage } from '../../checks/context';
import { createAnthropicTextCompletions } from './checks/anthropic-text-completions';
import { createLangchainLegacyImport } from './checks/langchain-legacy-import';
import { createLlmClientPerCall } from './checks/llm-client-per-call';
import { createOpenaiV0Api } from './checks/openai-v0-api';
import { createUnvalidatedLlmJson } from './checks/unvalidated-llm-json';

export const LLM_FAMILY: FamilyPackage = {
  name: 'llm',
  checks: {
    'anthropic-text-completions': createAnthropicTextCompletions,
    'langchain-legacy-import': createLangchainLegacyImport,
    'llm-client-per-call': createLlmClientPerCall,
    'openai-v0-api': createOpenaiV0Api,
    'unvalidated-llm-json': createUnvalidatedLlmJson,
  },
};
