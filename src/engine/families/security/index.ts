// The security family: secure-by-default Python, the code that injection, code execution,
// disabled TLS and leaked secrets come from (rules/security/).
import type { FamilyPackage } from '../../checks/context';
import { createAssertForAuthorization } from './checks/assert-for-authorization';
import { createBindAllInterfaces } from './checks/bind-all-interfaces';
import { createDebugEnabledInProduction } from './checks/debug-enabled-in-production';
import { createEvalExecOfUntrusted } from './checks/eval-exec-of-untrusted';
import { createHardcodedSecret } from './checks/hardcoded-secret';
import { createHttpCallWithoutTimeout } from './checks/http-call-without-timeout';
import { createInsecureRandomForSecrets } from './checks/insecure-random-for-secrets';
import { createInsecureTempFile } from './checks/insecure-temp-file';
import { createJinja2AutoescapeDisabled } from './checks/jinja2-autoescape-disabled';
import { createMarkupOfUntrusted } from './checks/markup-of-untrusted';
import { createSqlStringFormatting } from './checks/sql-string-formatting';
import { createSubprocessShellInjection } from './checks/subprocess-shell-injection';
import { createTarfileExtractUnfiltered } from './checks/tarfile-extract-unfiltered';
import { createTlsVerificationDisabled } from './checks/tls-verification-disabled';
import { createUnsafeDeserialization } from './checks/unsafe-deserialization';
import { createUrlopenUntrustedUrl } from './checks/urlopen-untrusted-url';
import { createWeakHashForSecurity } from './checks/weak-hash-for-security';
import { createWorldWritablePermissions } from './checks/world-writable-permissions';
import { createYamlUnsafeLoad } from './checks/yaml-unsafe-load';
import { createZipfileExtractUntrusted } from './checks/zipfile-extract-untrusted';

export const SECURITY_FAMILY: FamilyPackage = {
  name: 'security',
  checks: {
    'assert-for-authorization': createAssertForAuthorization,
    'bind-all-interfaces': createBindAllInterfaces,
    'debug-enabled-in-production': createDebugEnabledInProduction,
    'eval-exec-of-untrusted': createEvalExecOfUntrusted,
    'hardcoded-secret': createHardcodedSecret,
    'http-call-without-timeout': createHttpCallWithoutTimeout,
    'insecure-random-for-secrets': createInsecureRandomForSecrets,
    'insecure-temp-file': createInsecureTempFile,
    'jinja2-autoescape-disabled': createJinja2AutoescapeDisabled,
    'markup-of-untrusted': createMarkupOfUntrusted,
    'sql-string-formatting': createSqlStringFormatting,
    'subprocess-shell-injection': createSubprocessShellInjection,
    'tarfile-extract-unfiltered': createTarfileExtractUnfiltered,
    'tls-verification-disabled': createTlsVerificationDisabled,
    'unsafe-deserialization': createUnsafeDeserialization,
    'urlopen-untrusted-url': createUrlopenUntrustedUrl,
    'weak-hash-for-security': createWeakHashForSecurity,
    'world-writable-permissions': createWorldWritablePermissions,
    'yaml-unsafe-load': createYamlUnsafeLoad,
    'zipfile-extract-untrusted': createZipfileExtractUntrusted,
  },
};
