// Guards of the dataframes family's data rules (rules/dataframes/*.yml).
import { stringList, type GuardDefinition } from '../../guards';
import { pandasKind } from './pandas';

export const DATAFRAMES_GUARDS: Record<string, GuardDefinition> = {
  /** The expression is provably pandas, of one of `kinds` (see pandas.ts). */
  'pandas-type': {
    needsCapture: true,
    args: { kinds: (value) => stringList(value) && (value as string[]).every((k) => ['module', 'frame', 'series', 'data', 'index', 'groupby'].includes(k)) },
    test: ({ facts, node, args }) => (args.kinds as string[]).includes(pandasKind(node!, facts) ?? ''),
    mayPass: (facts) => facts.importsModule('pandas'),
  },
};
