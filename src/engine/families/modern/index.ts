// The modern family: code written for old Pythons, and what the target version makes
// obsolete — legacy idioms (pyupgrade's non-typing rewrites), version blocks and import
// fallbacks the target no longer needs, and os.path where pathlib fits (rules/modern/).
import type { FamilyPackage } from '../../checks/context';
import { createDatetimeUtcAlias } from './checks/datetime-utc-alias';
import { createDeprecatedCelementtree } from './checks/deprecated-celementtree';
import { createDeprecatedMockImport } from './checks/deprecated-mock-import';
import { createEmptyClassParentheses } from './checks/empty-class-parentheses';
import { createExtraneousParentheses } from './checks/extraneous-parentheses';
import { createFormatCallToFstring } from './checks/format-call-to-fstring';
import { createFormatStringIndices } from './checks/format-string-indices';
import { createImportFallback } from './checks/import-fallback';
import { createIoOpenAlias } from './checks/io-open-alias';
import { createLruCacheParentheses } from './checks/lru-cache-parentheses';
import { createLruCacheWithoutMaxsize } from './checks/lru-cache-without-maxsize';
import { createNativeLiteralCall } from './checks/native-literal-call';
import { createOpenReadWrite } from './checks/open-read-write';
import { createOsErrorAlias } from './checks/os-error-alias';
import { createOsPathCall } from './checks/os-path-call';
import { createOutdatedVersionBlock } from './checks/outdated-version-block';
import { createPercentFormat } from './checks/percent-format';
import { createRedundantEncodeUtf8 } from './checks/redundant-encode-utf8';
import { createRedundantOpenMode } from './checks/redundant-open-mode';
import { createStrEnumMixin } from './checks/str-enum-mixin';
import { createSubprocessCaptureOutput } from './checks/subprocess-capture-output';
import { createSubprocessUniversalNewlines } from './checks/subprocess-universal-newlines';
import { createSuperWithArguments } from './checks/super-with-arguments';
import { createTimeoutErrorAlias } from './checks/timeout-error-alias';
import { createTryExceptInLoop } from './checks/try-except-in-loop';
import { createUnicodeStringPrefix } from './checks/unicode-string-prefix';
import { createUselessFutureImport } from './checks/useless-future-import';
import { createUselessObjectInheritance } from './checks/useless-object-inheritance';
import { createYieldForLoop } from './checks/yield-for-loop';
import { endOfLifePython } from './checks/end-of-life-python';

export const MODERN_FAMILY: FamilyPackage = {
  name: 'modern',
  checks: {
    'datetime-utc-alias': createDatetimeUtcAlias,
    'deprecated-celementtree': createDeprecatedCelementtree,
    'deprecated-mock-import': createDeprecatedMockImport,
    'empty-class-parentheses': createEmptyClassParentheses,
    'extraneous-parentheses': createExtraneousParentheses,
    'format-call-to-fstring': createFormatCallToFstring,
    'format-string-indices': createFormatStringIndices,
    'import-fallback': createImportFallback,
    'io-open-alias': createIoOpenAlias,
    'lru-cache-parentheses': createLruCacheParentheses,
    'lru-cache-without-maxsize': createLruCacheWithoutMaxsize,
    'native-literal-call': createNativeLiteralCall,
    'open-read-write': createOpenReadWrite,
    'os-error-alias': createOsErrorAlias,
    'os-path-call': createOsPathCall,
    'outdated-version-block': createOutdatedVersionBlock,
    'percent-format': createPercentFormat,
    'redundant-encode-utf8': createRedundantEncodeUtf8,
    'redundant-open-mode': createRedundantOpenMode,
    'str-enum-mixin': createStrEnumMixin,
    'subprocess-capture-output': createSubprocessCaptureOutput,
    'subprocess-universal-newlines': createSubprocessUniversalNewlines,
    'super-with-arguments': createSuperWithArguments,
    'timeout-error-alias': createTimeoutErrorAlias,
    'try-except-in-loop': createTryExceptInLoop,
    'unicode-string-prefix': createUnicodeStringPrefix,
    'useless-future-import': createUselessFutureImport,
    'useless-object-inheritance': createUselessObjectInheritance,
    'yield-for-loop': createYieldForLoop,
    'end-of-life-python': endOfLifePython,
  },
};
