// The modern family: code written for old Pythons, and what the target version makes
// obsolete — legacy idioms (pyupgrade's non-typing rewrites), version blocks and import
// fallbacks the target no longer needs, and os.path where pathlib fits (rules/modern/).
import type { FamilyPackage } from '../../checks/context';
import { endOfLifePython } from './checks/end-of-life-python';

export const MODERN_FAMILY: FamilyPackage = {
  name: 'modern',
  checks: {
    'end-of-life-python': endOfLifePython,
  },
};
