// The fuzz worker: one engine, one case at a time, and after each a canary analysis that
// must still give its known findings (else the engine was poisoned by the case).
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentChange } from '../../src/engine/document';
import type { RuleConfig } from '../../src/engine/types';
import { loadEngine } from '../../src/node/load-engine';
import { checkConfig, checkEdits, checkText, signature, type Failure } from './checks';

export type FuzzCase =
  | { kind: 'text'; text: string; config: RuleConfig }
  | { kind: 'edits'; text: string; edits: ContentChange[]; config: RuleConfig }
  | { kind: 'config'; text: string };

export interface FuzzAnswer {
  failures: Failure[];
  /** For edit cases: the index of the edit that failed. */
  at?: number;
}

const CANARY = 'import time\nfrom typing import Optional\n\n\nasync def poll(x: Optional[int] = None):\n    time.sleep(1)\n';

async function main(): Promise<void> {
  const engine = await loadEngine((workerData as { distDir: string }).distDir);
  const all: RuleConfig = { select: engine.rules.map((r) => r.id) };
  const canary = JSON.stringify(signature(engine.analyzeText(CANARY, all)));
  parentPort!.on('message', (request: FuzzCase) => {
    const answer: FuzzAnswer = { failures: [] };
    if (request.kind === 'text') answer.failures = checkText(engine, request.text, request.config);
    else if (request.kind === 'config') answer.failures = checkConfig(engine, request.text);
    else {
      const result = checkEdits(engine, request.text, request.edits, request.config);
      if (result.failure) answer.failures = [result.failure];
      answer.at = result.at;
    }
    let poisoned = engine.poisoned;
    if (!poisoned) {
      try {
        poisoned = JSON.stringify(signature(engine.analyzeText(CANARY, all))) !== canary;
      } catch {
        poisoned = true;
      }
    }
    if (poisoned) answer.failures.push({ kind: 'poisoned', detail: 'the next file no longer gets its findings' });
    parentPort!.postMessage(answer);
    if (poisoned) setImmediate(() => process.exit(3));
  });
  parentPort!.postMessage('ready');
}

void main();
