// The security family: secure-by-default Python, the code that injection, code execution,
// disabled TLS and leaked secrets come from (rules/security/).
import type { FamilyPackage } from '../../checks/context';
import { createAssertForAuthorization } from './checks/assert-for-authorization';
import { createDebugEnabledInProduction } from './checks/debug-enabled-in-production';
import { createTarfileExtractUnfiltered } from './checks/tarfile-extract-unfiltered';
import { createWorldWritablePermissions } from './checks/world-writable-permissions';
import { createZipfileExtractUntrusted } from './checks/zipfile-extract-untrusted';

export const SECURITY_FAMILY: FamilyPackage = {
  name: 'security',
  checks: {
    'assert-for-authorization': createAssertForAuthorization,
    'debug-enabled-in-production': createDebugEnabledInProduction,
    'tarfile-extract-unfiltered': createTarfileExtractUnfiltered,
    'world-writable-permissions': createWorldWritablePermissions,
    'zipfile-extract-untrusted': createZipfileExtractUntrusted,
  },
};
