// The security family: secure-by-default Python, the code that injection, code execution,
// disabled TLS and leaked secrets come from (rules/security/).
import type { FamilyPackage } from '../../checks/context';
import { createBindAllInterfaces } from './checks/bind-all-interfaces';
import { createHttpCallWithoutTimeout } from './checks/http-call-without-timeout';
import { createTlsVerificationDisabled } from './checks/tls-verification-disabled';
import { createUrlopenUntrustedUrl } from './checks/urlopen-untrusted-url';

export const SECURITY_FAMILY: FamilyPackage = {
  name: 'security',
  checks: {
    'bind-all-interfaces': createBindAllInterfaces,
    'http-call-without-timeout': createHttpCallWithoutTimeout,
    'tls-verification-disabled': createTlsVerificationDisabled,
    'urlopen-untrusted-url': createUrlopenUntrustedUrl,
  },
};
