// Which tool a peer code (a rule's `peers`, a finding's `peer`) belongs to, for hovers and
// SARIF: Ruff implements most; a few flake8-async codes exist only in flake8-async; B### are
// Bandit's and BP### bump-pydantic's.
/** flake8-async codes that Ruff does not implement (rule catalog, Ruff 0.16). */
const FLAKE8_ASYNC_ONLY = new Set(['ASYNC103', 'ASYNC104', 'ASYNC124', 'ASYNC211', 'ASYNC231', 'ASYNC232', 'ASYNC300', 'ASYNC913']);

export type PeerTool = 'Ruff' | 'flake8-async' | 'Bandit' | 'bump-pydantic';

export function peerTool(code: string): PeerTool {
  if (FLAKE8_ASYNC_ONLY.has(code)) return 'flake8-async';
  if (/^B\d{3}$/.test(code)) return 'Bandit';
  // bump-pydantic numbers its codemods BP001–BP010.
  if (/^BP\d{3}$/.test(code)) return 'bump-pydantic';
  return 'Ruff';
}

/** `Ruff: ANN205`. */
export function peerLabel(code: string): string {
  return `${peerTool(code)}: ${code}`;
}
