// The registry: every family package, and what the engine needs from them. It is the only
// door from the shared engine into src/engine/families/ (test/engine/imports.test.ts keeps
// it so); a family never imports it. Add a new family's package to FAMILIES.
import type { GuardDefinition } from '../guards';
import { SHARED_GUARDS } from '../guards';
import type { SemanticFacts } from '../facts';
import { ASYNC_FAMILY } from '../families/async';
import { DATAFRAMES_FAMILY } from '../families/dataframes';
import { FASTAPI_FAMILY } from '../families/fastapi';
import { LLM_FAMILY } from '../families/llm';
import { MODERN_FAMILY } from '../families/modern';
import { PYDANTIC_FAMILY } from '../families/pydantic';
import { SECURITY_FAMILY } from '../families/security';
import { TYPING_FAMILY } from '../families/typing';
import type { CheckFactory, FamilyPackage } from './context';

export type { CheckContext, CheckFactory, CheckReport, CheckVisitor, FamilyPackage } from './context';
// Typed coverage is the typing family's figure, which the engine reports for every file.
export { addDefinition, documentCoverage, rememberDefinitions } from '../families/typing/coverage';

export const FAMILIES: readonly FamilyPackage[] = [ASYNC_FAMILY, DATAFRAMES_FAMILY, FASTAPI_FAMILY, LLM_FAMILY, MODERN_FAMILY, PYDANTIC_FAMILY, SECURITY_FAMILY, TYPING_FAMILY];

function merged<T>(part: (family: FamilyPackage) => Record<string, T> | undefined, base: Record<string, T> = {}): Record<string, T> {
  const all: Record<string, T> = { ...base };
  for (const family of FAMILIES) {
    for (const [key, value] of Object.entries(part(family) ?? {})) {
      if (key in all) throw new Error(`${family.name}: "${key}" is registered twice`);
      all[key] = value;
    }
  }
  return all;
}

/** Code-backed checks of every family, by the `check:` id rules name. */
export const CHECKS: Record<string, CheckFactory> = merged((f) => f.checks);

/** Every named guard: the shared ones and each family's. */
export const GUARDS: Record<string, GuardDefinition> = merged((f) => f.guards, SHARED_GUARDS);

/**
 * Checks whose findings in a def depend on the bodies of other defs (a coroutine calling a
 * same-file helper that blocks). The incremental analysis, which sees one def, does not run
 * them: it keeps their earlier findings in the def, away from the edit, until the next
 * whole-file analysis.
 */
export const READS_OTHER_DEFS: ReadonlySet<string> = new Set(FAMILIES.flatMap((f) => f.readsOtherDefs ?? []));

const MODULE_PLACEHOLDERS = merged((f) => f.modulePlaceholders);

/** The module a hover's `{{module:$name}}` means in this file; other names are themselves. */
export function placeholderModule(module: string, facts: SemanticFacts): string {
  const resolve = MODULE_PLACEHOLDERS[module];
  return resolve ? resolve(facts) : module;
}
