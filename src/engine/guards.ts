// Named guards: conditions a data rule's match must meet, written once and reused by
// rules/*.yml (`guards: [{ name: in-async-function, capture: call }]`).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from './facts';

export interface GuardInput {
  facts: SemanticFacts;
  /** The node of the guard's capture (undefined when the guard names none). */
  node: Node | undefined;
  args: Record<string, unknown>;
}

export interface GuardDefinition {
  needsCapture: boolean;
  /** Names of the arguments the guard accepts, with a check of their shape. */
  args: Record<string, (value: unknown) => boolean>;
  test(input: GuardInput): boolean;
  /** A cheap file-level pre-check: false means no match in this file can pass. */
  mayPass?(facts: SemanticFacts, args: Record<string, unknown>): boolean;
}

export const stringList = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === 'string');
export const aString = (value: unknown): boolean => typeof value === 'string';

/** Guards every family may use. A family's own guards live in its package (FamilyPackage.guards). */
export const SHARED_GUARDS: Record<string, GuardDefinition> = {
  /** The nearest enclosing def is `async def` (a sync def, lambda or class stops it). */
  'in-async-function': {
    needsCapture: true,
    args: {},
    test: ({ facts, node }) => facts.isInAsyncContext(node!),
  },
  /** The expression resolves through imports to one of `names` (e.g. `time.sleep`). */
  'resolves-to': {
    needsCapture: true,
    args: { names: stringList },
    test: ({ facts, node, args }) => {
      const qualified = facts.resolve(node!);
      return qualified !== undefined && (args.names as string[]).includes(qualified);
    },
    mayPass: (facts, args) => facts.mayResolveTo(args.names as string[]),
  },
  /** The file imports the module (any alias, or anything under it). */
  'imports-module': {
    needsCapture: false,
    args: { module: aString },
    test: ({ facts, args }) => facts.importsModule(args.module as string),
    mayPass: (facts, args) => facts.importsModule(args.module as string),
  },
  /** The file imports none of these modules. */
  'imports-none-of': {
    needsCapture: false,
    args: { modules: stringList },
    test: ({ facts, args }) => !(args.modules as string[]).some((m) => facts.importsModule(m)),
  },
};
