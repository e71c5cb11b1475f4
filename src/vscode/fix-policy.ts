// Which fix of a finding the editor puts forward, and how it is titled: an unsafe fix says
// so and is never preferred (so never applied by a single keypress or on save). Free of `vscode`.
import type { Finding, Fix } from '../engine/types';

export function fixTitle(fix: Fix): string {
  return fix.safety === 'unsafe' ? `${fix.title} (unsafe)` : fix.title;
}

/** The fix of the hover's "Apply fix" link: the first safe one, else the first. */
export function primaryFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.safety === 'safe') ?? finding.fixes[0];
}

/** Whether the quick fix for `fix` is marked preferred: only the first safe fix is. */
export function isPreferredFix(finding: Finding, fix: Fix): boolean {
  return fix.safety === 'safe' && primaryFix(finding) === fix;
}
