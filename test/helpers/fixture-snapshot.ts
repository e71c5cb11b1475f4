// The findings of every rule on every fixture, as one stable text: the pin that a refactor
// of the engine leaves behaviour unchanged byte for byte (test/engine/fixture-snapshot.test.ts).
// Regenerate after an intended change with `npm run snapshot`, then read the diff.
import type { Engine } from '../../src/engine/engine';
import type { Finding } from '../../src/engine/types';
import { discoverFixtures } from './fixtures';

export const SNAPSHOT_FILE = 'test/engine/snapshots/fixture-findings.json';

/** Every rule, preview ones included, on every source fixture at its target version. */
export function fixtureSnapshot(engine: Engine): string {
  const select = engine.rules.map((r) => r.id);
  const lines: string[] = [];
  for (const fixture of discoverFixtures()) {
    const findings = engine.analyzeText(fixture.text, { select, targetVersion: fixture.targetVersion });
    // One line per finding, so that a diff names the finding that changed.
    lines.push(`${JSON.stringify(fixture.name)}: [${findings.map((f) => `\n  ${JSON.stringify(snapshotOf(f))}`).join(',')}${findings.length ? '\n' : ''}]`);
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

function snapshotOf(finding: Finding): unknown {
  const { range } = finding;
  return {
    rule: finding.rule,
    at: `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`,
    severity: finding.severity,
    message: finding.message,
    peers: finding.peers,
    ...('peer' in finding ? { peer: (finding as { peer?: string }).peer ?? null } : {}),
    tags: finding.tags,
    fixes: finding.fixes.map((f) => ({ title: f.title, safety: f.safety, edits: f.edits.map((e) => [e.start, e.end, e.newText]) })),
    suggestion: finding.suggestion ?? null,
  };
}
