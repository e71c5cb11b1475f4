// Guards of the dataframes family's data rules (rules/dataframes/*.yml).
import type { Node } from 'web-tree-sitter';
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
  /**
   * The attribute is read as a value: not called (`x.values()` is a mapping's method, not
   * pandas' attribute) and not written (`x.values = ...`, `del x.values`, a loop target).
   */
  'attribute-read': {
    needsCapture: true,
    args: {},
    test: ({ node }) => isAttributeRead(node!),
  },
};

function isAttributeRead(attribute: Node): boolean {
  let child = attribute;
  let parent = attribute.parent;
  while (parent?.type === 'parenthesized_expression') {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return true;
  switch (parent.type) {
    case 'call':
      return !parent.childForFieldName('function')?.equals(child);
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
      return !parent.childForFieldName('left')?.equals(child);
    case 'delete_statement':
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
      return false;
    default:
      return true;
  }
}
