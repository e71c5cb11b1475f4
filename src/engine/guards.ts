// Named guards: conditions a data rule's match must meet, written once and reused by
// rules/*.yml (`guards: [{ name: in-async-function, capture: call }]`).
import type { Node } from 'web-tree-sitter';
import { asyncLibraryOf, canAwaitAt } from './async/calls'; // async
import type { SemanticFacts } from './facts';
import { pandasKind } from './pandas'; // dataframes

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

const stringList = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === 'string');
const aString = (value: unknown): boolean => typeof value === 'string';

export const GUARDS: Record<string, GuardDefinition> = {
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
  // async
  /** The event-loop library the file runs on is `is` (asyncio, anyio or trio; see async/calls.ts). */
  'async-library': {
    needsCapture: false,
    args: { is: (value) => value === 'asyncio' || value === 'anyio' || value === 'trio' },
    test: ({ facts, args }) => asyncLibraryOf(facts) === args.is,
  },
  /** `await` can replace the node: not inside a generator expression, not already awaited. */
  'can-await': {
    needsCapture: true,
    args: {},
    test: ({ node }) => canAwaitAt(node!),
  },
  // dataframes
  /** The expression is provably pandas, of one of `kinds` (see src/engine/pandas.ts). */
  'pandas-type': {
    needsCapture: true,
    args: { kinds: (value) => stringList(value) && (value as string[]).every((k) => ['module', 'frame', 'series', 'data', 'index', 'groupby'].includes(k)) },
    test: ({ facts, node, args }) => (args.kinds as string[]).includes(pandasKind(node!, facts) ?? ''),
    mayPass: (facts) => facts.importsModule('pandas'),
  },
};
