// The security family: secure-by-default Python, the code that injection, code execution,
// disabled TLS and leaked secrets come from (rules/security/).
import type { FamilyPackage } from '../../checks/context';
import { createSqlStringFormatting } from './checks/sql-string-formatting';
import { createSubprocessShellInjection } from './checks/subprocess-shell-injection';

export const SECURITY_FAMILY: FamilyPackage = {
  name: 'security',
  checks: {
    'sql-string-formatting': createSqlStringFormatting,
    'subprocess-shell-injection': createSubprocessShellInjection,
  },
};
