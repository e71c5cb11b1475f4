// Guards of the async family's data rules (rules/async/*.yml).
import type { GuardDefinition } from '../../guards';
import { asyncLibraryOf } from './call-sites';
import { canAwaitAt } from './off-thread';

export const ASYNC_GUARDS: Record<string, GuardDefinition> = {
  /** The event-loop library the file runs on is `is` (asyncio, anyio or trio; see call-sites.ts). */
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
};
