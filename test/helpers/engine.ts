// One engine per test process, loaded from the build output (`npm test` builds first).
import { join } from 'node:path';
import type { Engine } from '../../src/engine/engine';
import { loadEngine } from '../../src/node/load-engine';

export const REPO_ROOT = join(__dirname, '..', '..');
export const DIST_DIR = join(REPO_ROOT, 'dist');

let shared: Promise<Engine> | undefined;

export function getEngine(): Promise<Engine> {
  shared ??= loadEngine(DIST_DIR);
  return shared;
}
