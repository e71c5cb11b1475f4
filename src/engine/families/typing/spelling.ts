// Writes an inferred type as annotation text for the place it goes: `list[str]` and
// `int | None` where the target version (or `from __future__ import annotations`) allows
// them, `List[str]` and `Optional[int]` otherwise, naming typing members through the file's
// own imports and adding the missing ones to the fix.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { atLeast, functionMayBeIntrospected, nameIsFree } from './annotations';
import type { ImportPlan } from './imports';
import { isStringAlias } from './legacy';
import { definedBefore, type Ty } from './inference';

export interface SpellingContext {
  facts: SemanticFacts;
  plan: ImportPlan;
  /** The node the annotation is written on (the def, or a parameter): its scope resolves names. */
  at: Node;
  /** The def whose header gets the annotation (to tell whether a class is defined yet). */
  definition: Node;
  pep585: boolean;
  pep604: boolean;
  /** Annotations here are never evaluated by Python (the future import): no quotes needed. */
  deferred: boolean;
}

/** The spelling rules for an annotation added to a def's header. */
export function contextForDefinition(definition: Node, at: Node, facts: SemanticFacts, plan: ImportPlan): SpellingContext {
  const future = facts.hasFutureImport('annotations');
  const modern = future && !functionMayBeIntrospected(definition, facts);
  return {
    facts,
    plan,
    at,
    definition,
    pep585: atLeast(facts.targetVersion, 3, 9) || modern,
    pep604: atLeast(facts.targetVersion, 3, 10) || modern,
    deferred: future,
  };
}

const TYPING_NAMES: Record<string, string> = { list: 'List', dict: 'Dict', set: 'Set', frozenset: 'FrozenSet', tuple: 'Tuple' };

/** Annotation text for the type, or undefined when it cannot be written safely here. */
export function spell(ty: Ty, context: SpellingContext): string | undefined {
  const state = { quote: false };
  const text = render(ty, context, state, true);
  if (text === undefined) return undefined;
  if (!state.quote) return text;
  return /["'\\\n]/.test(text) ? undefined : `"${text}"`;
}

function render(ty: Ty, context: SpellingContext, state: { quote: boolean }, whole: boolean): string | undefined {
  const { facts, plan, at } = context;
  switch (ty.kind) {
    case 'builtin':
      return nameIsFree(ty.name, at, facts) ? ty.name : undefined;
    case 'none':
      return 'None';
    case 'class':
      if (!context.deferred && !definedBefore(ty.definition, context.definition)) state.quote = true;
      return ty.name;
    case 'known':
      return plan.reference(ty.module, ty.name, at);
    case 'text':
      // A copied annotation with quotes can only stand alone.
      return whole || !/["']/.test(ty.text) ? ty.text : undefined;
    case 'never':
      return plan.reference('typing', 'NoReturn', at);
    case 'generic': {
      const head = context.pep585 ? (nameIsFree(ty.base, at, facts) ? ty.base : undefined) : plan.reference('typing', TYPING_NAMES[ty.base], at);
      const args = ty.args.map((a) => render(a, context, state, false));
      if (!head || args.some((a) => a === undefined)) return undefined;
      return `${head}[${args.join(', ')}]`;
    }
    case 'iterator': {
      const name = ty.async ? 'AsyncIterator' : 'Iterator';
      const head = context.pep585 ? plan.reference('collections.abc', name, at) : plan.reference('typing', name, at);
      const item = render(ty.item, context, state, false);
      return head && item ? `${head}[${item}]` : undefined;
    }
    case 'optional': {
      const inner = render(ty.inner, context, state, false);
      if (!inner) return undefined;
      // `Alias | None` with `Alias = "Foo"` would raise when evaluated.
      if (ty.inner.kind === 'text' && /^\w+$/.test(inner) && isStringAlias(inner, facts)) return undefined;
      if (context.pep604) return `${inner} | None`;
      const optional = plan.reference('typing', 'Optional', at);
      return optional ? `${optional}[${inner}]` : undefined;
    }
  }
}
