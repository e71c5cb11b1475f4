// The modern family: code written for old Pythons, and what the target version makes
// obsolete — legacy idioms (pyupgrade's non-typing rewrites), version blocks and import
// fallbacks the target no longer needs, and os.path where pathlib fits (rules/modern/).
import type { FamilyPackage } from '../../checks/context';
import { createEmptyClassParentheses } from './checks/empty-class-parentheses';
import { createExtraneousParentheses } from './checks/extraneous-parentheses';
import { createNativeLiteralCall } from './checks/native-literal-call';
import { createRedundantEncodeUtf8 } from './checks/redundant-encode-utf8';
import { createRedundantOpenMode } from './checks/redundant-open-mode';
import { createSuperWithArguments } from './checks/super-with-arguments';
import { createUnicodeStringPrefix } from './checks/unicode-string-prefix';
import { createUselessFutureImport } from './checks/useless-future-import';
import { createUselessObjectInheritance } from './checks/useless-object-inheritance';
import { createYieldForLoop } from './checks/yield-for-loop';

export const MODERN_FAMILY: FamilyPackage = {
  name: 'modern',
  checks: {
    'empty-class-parentheses': createEmptyClassParentheses,
    'extraneous-parentheses': createExtraneousParentheses,
    'native-literal-call': createNativeLiteralCall,
    'redundant-encode-utf8': createRedundantEncodeUtf8,
    'redundant-open-mode': createRedundantOpenMode,
    'super-with-arguments': createSuperWithArguments,
    'unicode-string-prefix': createUnicodeStringPrefix,
    'useless-future-import': createUselessFutureImport,
    'useless-object-inheritance': createUselessObjectInheritance,
    'yield-for-loop': createYieldForLoop,
  },
};
