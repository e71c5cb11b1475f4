// How VS Code settings combine with `[tool.pymodern]`: a setting the user set replaces the
// pyproject.toml value; per-rule severities merge, the setting winning per rule. Free of
// `vscode` so the scan worker thread applies exactly the same merge.
import type { ProjectConfig } from '../engine/config';
import type { PythonVersion, RuleConfig, Severity } from '../engine/types';

/** The rule settings a user set in VS Code (absent = not set), already validated. */
export interface SettingsOverrides {
  select?: string[];
  ignore?: string[];
  severity?: Record<string, Severity>;
  targetVersion?: PythonVersion;
}

export function mergeRuleConfig(project: ProjectConfig, overrides: SettingsOverrides): RuleConfig {
  const config: RuleConfig = {};
  const select = overrides.select ?? project.select;
  const ignore = overrides.ignore ?? project.ignore;
  const targetVersion = overrides.targetVersion ?? project.targetVersion;
  if (select) config.select = select;
  if (ignore) config.ignore = ignore;
  if (targetVersion) config.targetVersion = targetVersion;
  if (project.severity || overrides.severity) config.severity = { ...project.severity, ...overrides.severity };
  return config;
}
