// The modern family: code written for old Pythons, and what the target version makes
// obsolete — legacy idioms (pyupgrade's non-typing rewrites), version blocks and import
// fallbacks the target no longer needs, and os.path where pathlib fits (rules/modern/).
import type { FamilyPackage } from '../../checks/context';
import { createFormatCallToFstring } from './checks/format-call-to-fstring';
import { createFormatStringIndices } from './checks/format-string-indices';
import { createPercentFormat } from './checks/percent-format';

export const MODERN_FAMILY: FamilyPackage = {
  name: 'modern',
  checks: {
    'format-call-to-fstring': createFormatCallToFstring,
    'format-string-indices': createFormatStringIndices,
    'percent-format': createPercentFormat,
  },
};
