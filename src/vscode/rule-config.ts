// How VS Code settings combine with `[tool.pymodern]`: a setting the user set replaces the
// pyproject.toml value; per-rule severities and typing options merge, the setting winning
// per key. Free of `vscode` so the scan worker thread applies exactly the same merge.
import { parseSecurityTable, parseTypingTable, type ProjectConfig } from '../engine/config';
import type { PandasVersion, PythonVersion, RuleConfig, SecurityOptions, Severity, TypingOptions } from '../engine/types';

/** The rule settings a user set in VS Code (absent = not set), already validated. */
export interface SettingsOverrides {
  select?: string[];
  ignore?: string[];
  severity?: Record<string, Severity>;
  targetVersion?: PythonVersion;
  pandasVersion?: PandasVersion;
  pydanticVersion?: PandasVersion;
  preview?: boolean;
  typing?: Partial<TypingOptions>;
  security?: SecurityOptions;
}

export function mergeRuleConfig(project: ProjectConfig, overrides: SettingsOverrides): RuleConfig {
  const config: RuleConfig = {};
  const select = overrides.select ?? project.select;
  const ignore = overrides.ignore ?? project.ignore;
  const targetVersion = overrides.targetVersion ?? project.targetVersion;
  if (select) config.select = select;
  if (ignore) config.ignore = ignore;
  if (targetVersion) config.targetVersion = targetVersion;
  const pandasVersion = overrides.pandasVersion ?? project.pandasVersion;
  if (pandasVersion) config.pandasVersion = pandasVersion;
  const pydanticVersion = overrides.pydanticVersion ?? project.pydanticVersion;
  if (pydanticVersion) config.pydanticVersion = pydanticVersion;
  const preview = overrides.preview ?? project.preview;
  if (preview !== undefined) config.preview = preview;
  if (project.severity || overrides.severity) config.severity = { ...project.severity, ...overrides.severity };
  if (project.typing || overrides.typing) config.typing = { ...project.typing, ...overrides.typing };
  if (project.security || overrides.security) config.security = { ...project.security, ...overrides.security };
  return config;
}

/**
 * The `pymodern.typing` setting (same kebab-case keys as `[tool.pymodern.typing]`), read
 * with the same validation: each unknown key or bad value is reported through `warn` and
 * left out, the others kept. Undefined when nothing valid is set.
 */
export function typingOverrides(value: unknown, warn: (message: string) => void): Partial<TypingOptions> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    warn(`pymodern.typing: expected an object, got ${JSON.stringify(value)} (ignored)`);
    return undefined;
  }
  const typing = parseTypingTable(value as Record<string, unknown>, (key, detail) => warn(`pymodern.typing.${key}: ${detail} (ignored)`));
  return Object.keys(typing).length ? typing : undefined;
}

/** The `pymodern.security` setting, read like `pymodern.typing` (bad keys warned and left out). */
export function securityOverrides(value: unknown, warn: (message: string) => void): SecurityOptions | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    warn(`pymodern.security: expected an object, got ${JSON.stringify(value)} (ignored)`);
    return undefined;
  }
  const security = parseSecurityTable(value as Record<string, unknown>, (key, detail) => warn(`pymodern.security.${key}: ${detail} (ignored)`));
  return Object.keys(security).length ? security : undefined;
}

/**
 * The 0-based line of a pyproject.toml a ConfigError message points at: its `at line N`, else
 * the line that sets the key it names (`tool.pymodern.typing.dummy-args` → `dummy-args = …`,
 * `tool.pymodern.per-file-ignores."tests/*"[0]` → `"tests/*" = …`), else the table's header,
 * else 0.
 */
export function configErrorLine(text: string, message: string): number {
  const at = /at line (\d+)/.exec(message);
  if (at) return Number(at[1]) - 1;
  const key = /tool\.pymodern\.([\w-]+)(?:\.([\w-]+|"(?:[^"\\]|\\.)*"))?/.exec(message);
  if (!key) return 0;
  const lines = text.split(/\r?\n/);
  const escape = (raw: string) => raw.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const find = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
  let name = key[2] ?? key[1];
  if (name.startsWith('"')) {
    try {
      name = JSON.parse(name) as string;
    } catch {
      return 0;
    }
  }
  const setting = find(new RegExp(`^\\s*["']?${escape(name)}["']?\\s*=`));
  if (setting >= 0) return setting;
  const table = find(new RegExp(`^\\s*\\[\\s*tool\\.pymodern\\.${escape(key[1])}\\s*\\]`));
  return Math.max(table, 0);
}
