// `pymodern rules`: the catalog, as text for people and JSON for tools — each rule with its
// family, status, severity, peers and fix safety, and whether it runs under the selection
// given (the config in the current folder, then --select / --ignore / --preview).
import { isRuleEnabled } from '../engine/config';
import type { RuleConfig, RuleMeta } from '../engine/types';

export interface RuleListing {
  id: string;
  family: string;
  status: RuleMeta['status'];
  severity: RuleMeta['severity'];
  trend: string;
  title: string;
  peers: string[];
  /** The safety of the rule's fixes: safe, unsafe, mixed (some of each), or null without a fix. */
  fix: 'safe' | 'unsafe' | 'mixed' | null;
  minVersion: string | null;
  /** Runs under the selection given. */
  enabled: boolean;
}

/** What kind of fixes a rule offers: its templates' safety, or its check's declared one. */
export function fixSafetyOf(rule: RuleMeta): RuleListing['fix'] {
  if (rule.fixSafety) return rule.fixSafety;
  const kinds = new Set(rule.fixes.map((f) => f.safety));
  if (!kinds.size) return null;
  return kinds.size > 1 ? 'mixed' : [...kinds][0];
}

export function ruleListings(rules: readonly RuleMeta[], config: RuleConfig): RuleListing[] {
  return [...rules]
    .sort((a, b) => (a.family === b.family ? (a.id < b.id ? -1 : 1) : a.family < b.family ? -1 : 1))
    .map((rule) => ({
      id: rule.id,
      family: rule.family,
      status: rule.status,
      severity: rule.severity,
      trend: rule.trend,
      title: rule.title,
      peers: rule.peers,
      fix: fixSafetyOf(rule),
      minVersion: rule.minVersion ? rule.minVersion.join('.') : null,
      enabled: isRuleEnabled(rule, config),
    }));
}

export function formatRulesJson(listings: readonly RuleListing[]): string {
  return `${JSON.stringify({ rules: listings }, null, 2)}\n`;
}

/** One aligned line per rule, then a count; `*` marks the rules the selection runs. */
export function formatRulesText(listings: readonly RuleListing[]): string {
  const rows = listings.map((r) => [
    r.enabled ? '*' : ' ',
    r.id,
    r.family,
    r.status,
    r.severity,
    r.fix ? `fix: ${r.fix}` : 'no fix',
    r.peers.length ? r.peers.join(',') : '-',
  ]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i].length))) ?? [];
  const lines = rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
  const enabled = listings.filter((r) => r.enabled).length;
  const preview = listings.filter((r) => r.status === 'preview').length;
  lines.push('', `${listings.length} rules (${preview} preview); * ${enabled} run with this selection.`);
  return `${lines.join('\n')}\n`;
}
