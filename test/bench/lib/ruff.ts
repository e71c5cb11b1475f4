// The Ruff selection equivalent to pymodern's rules: the rule families pymodern covers
// (ASYNC: flake8-async, ANN: flake8-annotations, PD: pandas-vet, UP: pyupgrade, PTH:
// flake8-use-pathlib, FA: flake8-future-annotations) and single RUF codes, plus every peer
// code a pymodern rule names. Codes this Ruff version does not know are dropped and listed.
import type { RuleMeta } from '../../../src/engine/types';

export const RUFF_FAMILIES = ['ASYNC', 'ANN', 'PD', 'UP', 'PTH', 'FA', 'RUF006', 'RUF013', 'RUF029'];

/** pymodern's default target version (3.10), in Ruff's spelling. */
export const RUFF_TARGET_VERSION = 'py310';

interface RuffModule {
  Workspace: (new (settings: object, encoding: number) => { free(): void }) & { version(): string };
  PositionEncoding: { Utf16: number };
}

export interface RuffSelection {
  version: string;
  select: string[];
  unknown: string[];
  preview: boolean;
  settings: object;
}

export function ruffSelection(rules: readonly RuleMeta[], preview: boolean): RuffSelection {
  const ruff = require('@astral-sh/ruff-wasm-nodejs') as RuffModule;
  const peers = rules.flatMap((rule) => rule.peers).filter((code) => !RUFF_FAMILIES.some((family) => code.startsWith(family) && /^\d/.test(code.slice(family.length))));
  const candidates = [...new Set([...RUFF_FAMILIES, ...peers])];
  const select: string[] = [];
  const unknown: string[] = [];
  for (const code of candidates) {
    try {
      // Validated without preview: with preview on, Ruff accepts unknown selectors silently.
      new ruff.Workspace({ lint: { select: [code] } }, ruff.PositionEncoding.Utf16).free();
      select.push(code);
    } catch {
      unknown.push(code);
    }
  }
  return {
    version: ruff.Workspace.version(),
    select,
    unknown,
    preview,
    settings: { 'target-version': RUFF_TARGET_VERSION, lint: { select, preview } },
  };
}
