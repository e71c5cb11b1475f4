// The security family: secure-by-default Python, the code that injection, code execution,
// disabled TLS and leaked secrets come from (rules/security/).
import type { FamilyPackage } from '../../checks/context';
import { createHardcodedSecret } from './checks/hardcoded-secret';
import { createInsecureTempFile } from './checks/insecure-temp-file';
import { createInsecureRandomForSecrets } from './checks/insecure-random-for-secrets';
import { createWeakHashForSecurity } from './checks/weak-hash-for-security';

export const SECURITY_FAMILY: FamilyPackage = {
  name: 'security',
  checks: {
    'hardcoded-secret': createHardcodedSecret,
    'insecure-random-for-secrets': createInsecureRandomForSecrets,
    'insecure-temp-file': createInsecureTempFile,
    'weak-hash-for-security': createWeakHashForSecurity,
  },
};
