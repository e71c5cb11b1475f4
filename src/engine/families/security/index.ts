// The security family: secure-by-default Python, the code that injection, code execution,
// disabled TLS and leaked secrets come from (rules/security/).
import type { FamilyPackage } from '../../checks/context';
import { createHardcodedSecret } from './checks/hardcoded-secret';

export const SECURITY_FAMILY: FamilyPackage = {
  name: 'security',
  checks: {
    'hardcoded-secret': createHardcodedSecret,
  },
};
