// Severities that depend on where a file lives, before any configuration: a finding that
// matters in library code is noise in tests, examples and docs. `pandas-read-csv` is the
// case in point — on real projects nearly all of its findings sat in test fixtures and
// example scripts, where a CSV read is the point of the code. The adapters apply these
// (src/node/project-config.ts) under the same glob rules as `per-file-severity`, and only
// to rules the user gave no severity of their own: `severity`, the editor's
// `pymodern.severity` and `[tool.pymodern.per-file-severity]` all win over them.
import type { Severity } from './types';

/** Globs without a `/`: each matches a file or folder name at any depth. */
export const TEST_AND_EXAMPLE_PATHS: readonly string[] = Object.freeze([
  'tests',
  'test',
  'test_*.py',
  '*_test.py',
  'conftest.py',
  'examples',
  'docs',
]);

/** Rule id → the severity it takes in files under TEST_AND_EXAMPLE_PATHS. */
export const SEVERITY_IN_TESTS_AND_EXAMPLES: Readonly<Record<string, Severity>> = Object.freeze({
  'pandas-read-csv': 'hint',
  // Test credentials and scratch paths are fixtures, not leaks; the checks also skip
  // modules that import pytest/unittest, since they do not see the path themselves.
  'hardcoded-secret': 'hint',
  'insecure-temp-file': 'hint',
});

/**
 * Rule id → globs (as above) of files where it does not run at all, because what it reports
 * is what those files are for: asserts are how tests check permissions, and a development
 * settings module switches debug on on purpose. Applied like the severities above: only when
 * the user's config neither selects the rule by id nor gives it a severity.
 */
export const RULE_OFF_IN_PATHS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'assert-for-authorization': ['tests', 'test', 'test_*.py', '*_test.py', 'conftest.py'],
  'debug-enabled-in-production': ['tests', 'test*.py', 'dev.py', 'development.py', 'local.py', 'local_settings.py', 'dev_settings.py', 'settings_dev.py'],
});
