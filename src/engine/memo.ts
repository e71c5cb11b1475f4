// Per-analysis memory: one value per SemanticFacts (one parse), made on first use and
// dropped with the facts, so helpers that several rules call compute things once.
import type { SemanticFacts } from './facts';

export function perAnalysis<T>(create: () => T): (facts: SemanticFacts) => T {
  const values = new WeakMap<SemanticFacts, T>();
  return (facts) => {
    let value = values.get(facts);
    if (value === undefined) values.set(facts, (value = create()));
    return value;
  };
}
