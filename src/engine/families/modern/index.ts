// The modern family: code written for old Pythons, and what the target version makes
// obsolete — legacy idioms (pyupgrade's non-typing rewrites), version blocks and import
// fallbacks the target no longer needs, and os.path where pathlib fits (rules/modern/).
import type { FamilyPackage } from '../../checks/context';
import { createImportFallback } from './checks/import-fallback';
import { createOutdatedVersionBlock } from './checks/outdated-version-block';
import { createTryExceptInLoop } from './checks/try-except-in-loop';

export const MODERN_FAMILY: FamilyPackage = {
  name: 'modern',
  checks: {
    'import-fallback': createImportFallback,
    'outdated-version-block': createOutdatedVersionBlock,
    'try-except-in-loop': createTryExceptInLoop,
  },
};
