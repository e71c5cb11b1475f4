// The security family: secure-by-default Python, the code that injection, code execution,
// disabled TLS and leaked secrets come from (rules/security/).
import type { FamilyPackage } from '../../checks/context';
import { createEvalExecOfUntrusted } from './checks/eval-exec-of-untrusted';
import { createJinja2AutoescapeDisabled } from './checks/jinja2-autoescape-disabled';
import { createMarkupOfUntrusted } from './checks/markup-of-untrusted';
import { createUnsafeDeserialization } from './checks/unsafe-deserialization';
import { createYamlUnsafeLoad } from './checks/yaml-unsafe-load';

export const SECURITY_FAMILY: FamilyPackage = {
  name: 'security',
  checks: {
    'eval-exec-of-untrusted': createEvalExecOfUntrusted,
    'jinja2-autoescape-disabled': createJinja2AutoescapeDisabled,
    'markup-of-untrusted': createMarkupOfUntrusted,
    'unsafe-deserialization': createUnsafeDeserialization,
    'yaml-unsafe-load': createYamlUnsafeLoad,
  },
};
