// The combined tree-sitter query of a set of rules (one pass over the tree for all of them),
// optionally after the base fact patterns, compiled once and kept in a small LRU cache.
import { Query } from 'web-tree-sitter';
import { BASE_QUERY } from './facts';
import type { PythonParser } from './parser';
import type { RuleMeta } from './types';

/** One tree-sitter query for a set of rules, and the rule behind each of its patterns. */
export interface CombinedQuery {
  query: Query;
  /** The rules of each pattern (rules with the same query share its patterns); empty for the base fact patterns. */
  owners: RuleMeta[][];
}

const QUERY_CACHE_SIZE = 32;

export class CombinedQueries {
  private readonly cache = new Map<string, CombinedQuery>();

  constructor(private readonly parser: PythonParser) {}

  /** The combined query of `rules`, after the base fact patterns (whose owners are empty) when `withBase`. */
  of(rules: readonly RuleMeta[], withBase: boolean): CombinedQuery {
    const key = `${withBase ? 'base ' : ''}${rules.map((r) => r.id).join(' ')}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh its place in the LRU order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    // tree-sitter reports where a pattern starts in UTF-8 bytes of the query source, so
    // offsets are counted in bytes too (a rule's query may contain non-ASCII text).
    // Rules with the same query (the missing-annotation family) share one copy of it: a
    // match is marshalled from WASM once, then handed to each of them.
    const byQuery = new Map<string, RuleMeta[]>();
    for (const rule of rules) {
      const sharing = byQuery.get(rule.query!);
      if (sharing) sharing.push(rule);
      else byQuery.set(rule.query!, [rule]);
    }
    const utf8 = new TextEncoder();
    const starts: { rules: RuleMeta[]; offset: number }[] = [];
    let source = withBase ? BASE_QUERY : '';
    if (withBase) starts.push({ rules: [], offset: 0 });
    for (const [text, sharing] of byQuery) {
      starts.push({ rules: sharing, offset: utf8.encode(source).length });
      source += `${text}\n`;
    }
    let query: Query;
    try {
      query = new Query(this.parser.language, source || '(module) @_empty');
    } catch (error) {
      // The build validates every query, so this means a hand-edited dist/rules.json.
      const culprit = rules.find((rule) => !compiles(this.parser, rule.query!));
      throw new Error(`${culprit ? `${culprit.source}: query` : 'rule queries'} do not compile: ${String((error as Error).message ?? error)}`);
    }
    // Each pattern belongs to the rules whose text it starts in.
    const owners: RuleMeta[][] = [];
    for (let i = 0; i < query.patternCount(); i++) {
      const start = query.startIndexForPattern(i);
      owners.push(starts.filter((s) => s.offset <= start).pop()!.rules);
    }
    const combined = { query, owners };
    this.cache.set(key, combined);
    if (this.cache.size > QUERY_CACHE_SIZE) {
      const [oldestKey, oldest] = this.cache.entries().next().value!;
      oldest.query.delete();
      this.cache.delete(oldestKey);
    }
    return combined;
  }

  delete(): void {
    for (const combined of this.cache.values()) combined.query.delete();
    this.cache.clear();
  }
}

function compiles(parser: PythonParser, source: string): boolean {
  try {
    new Query(parser.language, source).delete();
    return true;
  } catch {
    return false;
  }
}
