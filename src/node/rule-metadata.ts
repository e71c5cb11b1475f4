// The compiled rules and trend pages without the engine: what the extension host needs for
// settings, hovers, quick-fix titles and trend pages. Reading dist/rules.json is cheap JSON;
// the WASM parser and the rule queries load only in the analysis worker.
import type { RuleMeta, TrendMeta } from '../engine/types';
import { readRuleSet } from './rule-set';

export class RuleMetadata {
  readonly rules: readonly RuleMeta[];
  readonly trends: ReadonlyMap<string, TrendMeta>;
  private readonly byId: ReadonlyMap<string, RuleMeta>;

  constructor(rules: readonly RuleMeta[], trends: readonly TrendMeta[]) {
    this.rules = rules;
    this.trends = new Map(trends.map((t) => [t.id, t]));
    this.byId = new Map(rules.map((r) => [r.id, r]));
  }

  static load(distDir: string): RuleMetadata {
    const ruleSet = readRuleSet(distDir);
    return new RuleMetadata(ruleSet.rules, ruleSet.trends);
  }

  rule(id: string): RuleMeta | undefined {
    return this.byId.get(id);
  }
}
