// One query for the code-backed checks of the dataframes family, run only in files that
// import pandas. A check rule cannot carry guards, so a query in its YAML would run in the
// engine's first pass over every file; instead each check registers its patterns here and
// the first of them to run in a pandas file runs all of them in one traversal. Files that
// do not import pandas pay nothing.
import { Query, type Language } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import type { SemanticFacts } from '../../facts';
import { capturesOf, type Captures } from '../../template';
import { QUERY_OPTIONS } from '../../query-limits';

const registered: { rule: string; source: string }[] = [];
const compiled = new WeakMap<Language, { query: Query; owners: string[] }>();
const results = new WeakMap<SemanticFacts, Map<string, Captures[]>>();

/** Registers a check's patterns under its name (at module load, before any analysis). */
export function pandasPatterns(rule: string, source: string): string {
  if (registered.some((r) => r.rule === rule)) throw new Error(`pandas patterns of ${rule} registered twice`);
  registered.push({ rule, source });
  return source;
}

/** The rules that registered patterns, in registration order (for tests). */
export function pandasPatternRules(): string[] {
  return registered.map((r) => r.rule);
}

/**
 * The matches of this check's patterns in the analysed file, in document order; none when
 * the file does not import pandas.
 */
export function pandasMatches(context: CheckContext): Captures[] {
  const { facts } = context;
  if (!facts.importsModule('pandas')) return [];
  let byRule = results.get(facts);
  if (!byRule) {
    byRule = new Map();
    const { query, owners } = compile(context.tree.language);
    for (const match of query.matches(context.tree.rootNode, QUERY_OPTIONS)) {
      const rule = owners[match.patternIndex];
      const list = byRule.get(rule);
      if (list) list.push(capturesOf(match));
      else byRule.set(rule, [capturesOf(match)]);
    }
    results.set(facts, byRule);
  }
  // Patterns belong to the check (a rule reusing a check gets the same matches).
  return byRule.get(context.rule.check ?? context.rule.id) ?? [];
}

function compile(language: Language): { query: Query; owners: string[] } {
  let entry = compiled.get(language);
  if (entry) return entry;
  const owners: string[] = [];
  for (const { rule, source } of registered) {
    const single = new Query(language, source);
    for (let i = 0; i < single.patternCount(); i++) owners.push(rule);
    single.delete();
  }
  entry = { query: new Query(language, registered.map((r) => r.source).join('\n')), owners };
  compiled.set(language, entry);
  return entry;
}
