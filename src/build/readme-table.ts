// The README's rule table, generated from the compiled rules so it cannot drift.
// `npm run docs` rewrites it; a test fails when it is stale.
import type { CompiledRuleSet } from '../engine/types';

export const TABLE_START = '<!-- rules-table:start (generated from rules/ by `npm run docs`; do not edit) -->';
export const TABLE_END = '<!-- rules-table:end -->';

export function rulesTable(ruleSet: CompiledRuleSet): string {
  const fixOf = (rule: CompiledRuleSet['rules'][number]) => {
    if (rule.fixes.length) return [...new Set(rule.fixes.map((f) => f.safety))].join(' / ');
    return rule.fixSafety ?? '—';
  };
  const rows = [...ruleSet.rules]
    .sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id))
    .map((r) => `| \`${r.id}\` | ${r.family} | ${r.title.replace(/\|/g, '\\|')} | ${r.severity} | ${fixOf(r)} | ${r.peers.join(', ') || '—'} | [${r.trend}](rules/trends/${r.trend}.md) |`);
  return ['| Rule | Family | Catches | Severity | Fix | Peers | Trend |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

export function withRulesTable(readme: string, ruleSet: CompiledRuleSet): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md lacks the rules-table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${rulesTable(ruleSet)}\n${readme.slice(end)}`;
}
