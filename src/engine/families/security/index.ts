// The security family: secure-by-default Python, the code that injection, code execution,
// disabled TLS and leaked secrets come from (rules/security/).
import type { FamilyPackage } from '../../checks/context';
import { createBindAllInterfaces } from './checks/bind-all-interfaces';
import { createHardcodedSecret } from './checks/hardcoded-secret';
import { createHttpCallWithoutTimeout } from './checks/http-call-without-timeout';
import { createInsecureRandomForSecrets } from './checks/insecure-random-for-secrets';
import { createInsecureTempFile } from './checks/insecure-temp-file';
import { createTlsVerificationDisabled } from './checks/tls-verification-disabled';
import { createUrlopenUntrustedUrl } from './checks/urlopen-untrusted-url';
import { createWeakHashForSecurity } from './checks/weak-hash-for-security';

export const SECURITY_FAMILY: FamilyPackage = {
  name: 'security',
  checks: {
    'bind-all-interfaces': createBindAllInterfaces,
    'hardcoded-secret': createHardcodedSecret,
    'http-call-without-timeout': createHttpCallWithoutTimeout,
    'insecure-random-for-secrets': createInsecureRandomForSecrets,
    'insecure-temp-file': createInsecureTempFile,
    'tls-verification-disabled': createTlsVerificationDisabled,
    'urlopen-untrusted-url': createUrlopenUntrustedUrl,
    'weak-hash-for-security': createWeakHashForSecurity,
  },
};
