// One resolved configuration per document: `pymodern.*` settings (resource-scoped, so a
// folder of a multi-root workspace can differ) over `[tool.pymodern]` from the document's
// nearest pyproject.toml — the same lookup the CLI uses. Editing a pyproject.toml or the
// settings re-resolves; what was loaded goes to the output channel, and a broken
// pyproject.toml gets a diagnostic of its own.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { parseTargetVersion, TYPING_SETTINGS, unknownSelectors, type Catalog } from '../engine/config';
import { parsePandasVersion } from '../engine/pandas-version';
import { SEVERITIES, type RuleConfig, type Severity, type TypingOptions } from '../engine/types';
import { ProjectConfigs, type LoadedConfig } from '../node/project-config';
import { configErrorLine, mergeRuleConfig, securityOverrides, typingOverrides, type SettingsOverrides } from './rule-config';
import { DEFAULT_EDITOR_TIME_BUDGET_MS } from '../node/analysis-client';

export type RunMode = 'onType' | 'onSave';

export interface DocumentConfig {
  enabled: boolean;
  run: RunMode;
  rules: RuleConfig;
  /** Set when the document must not be analysed (broken pyproject.toml, excluded). */
  skipped?: string;
}

export interface FolderSettings {
  enabled: boolean;
  overrides: SettingsOverrides;
}

const RELOAD_DELAY_MS = 100;

export class Configs implements vscode.Disposable {
  private projects: ProjectConfigs;
  private readonly byDocument = new Map<string, DocumentConfig>();
  /** What was logged about loaded pyproject.toml files, so each is said once. */
  private readonly reported = new Set<string>();
  private readonly warned = new Set<string>();
  private readonly configErrors = vscode.languages.createDiagnosticCollection('pymodern-config');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  /** Fires when settings or a pyproject.toml changed: open documents need a new analysis. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly catalog: Catalog,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.projects = new ProjectConfigs(catalog);
    const watcher = vscode.workspace.createFileSystemWatcher('**/pyproject.toml');
    const reload = (uri: vscode.Uri) => this.scheduleReload(uri);
    this.disposables.push(
      this.configErrors,
      this.changed,
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      // A pyproject.toml above the workspace folders is not watched, but saving it here counts.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (basename(document.uri.path) === 'pyproject.toml') reload(document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('pymodern')) return;
        this.log.info('settings changed: re-analysing open files');
        this.byDocument.clear();
        this.changed.fire();
      }),
    );
  }

  /** The configuration of a text document or notebook (for a cell: its notebook's URI). */
  forDocument(uri: vscode.Uri): DocumentConfig {
    const key = uri.toString();
    let config = this.byDocument.get(key);
    if (!config) {
      config = this.resolve(uri);
      this.byDocument.set(key, config);
    }
    return config;
  }

  /** Drops what was resolved for a document that closed. */
  forget(uri: vscode.Uri): void {
    this.byDocument.delete(uri.toString());
  }

  /** Whether pymodern runs for a resource at all (`pymodern.enable`). */
  isEnabled(uri: vscode.Uri): boolean {
    return this.forDocument(uri).enabled;
  }

  /** The settings part alone, for the scan worker (which reads pyproject.toml itself). */
  settingsFor(uri: vscode.Uri): FolderSettings {
    const settings = vscode.workspace.getConfiguration('pymodern', uri);
    return { enabled: settings.get<boolean>('enable', true), overrides: this.overrides(settings) };
  }

  /** Publishes a pyproject.toml error found elsewhere (the workspace scan), once per file. */
  reportProjectError(file: string, message: string): void {
    const key = `${file}\0${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.log.error(message);
    this.configErrors.set(vscode.Uri.file(file), [configDiagnostic(file, message)]);
  }

  private resolve(uri: vscode.Uri): DocumentConfig {
    const settings = vscode.workspace.getConfiguration('pymodern', uri);
    const enabled = settings.get<boolean>('enable', true);
    const run: RunMode = settings.get<string>('run') === 'onSave' ? 'onSave' : 'onType';
    const overrides = this.overrides(settings);
    // pyproject.toml is read from disk; untitled and virtual documents use the settings alone.
    if (uri.scheme !== 'file') return { enabled, run, rules: mergeRuleConfig({}, overrides) };
    const project = this.projects.forFile(uri.fsPath);
    this.report(project);
    if (project.error) return { enabled, run, rules: {}, skipped: `${project.file} is invalid` };
    if (project.isExcluded(uri.fsPath)) return { enabled, run, rules: {}, skipped: `excluded by ${project.file}` };
    return { enabled, run, rules: project.configFor(uri.fsPath, (config) => mergeRuleConfig(config, overrides)) };
  }

  private overrides(settings: vscode.WorkspaceConfiguration): SettingsOverrides {
    const overrides: SettingsOverrides = {};
    const select = this.selectors(settings, 'select');
    const ignore = this.selectors(settings, 'ignore');
    if (select) overrides.select = select;
    if (ignore) overrides.ignore = ignore;
    const target = settings.get<string>('targetVersion', '');
    if (target) {
      const version = parseTargetVersion(target);
      if (version) overrides.targetVersion = version;
      else this.warnOnce(`pymodern.targetVersion: expected a version like "3.11", got "${target}" (ignored)`);
    }
    const pandas = settings.get<string>('pandasVersion', '');
    if (pandas) {
      const version = parsePandasVersion(pandas);
      if (version) overrides.pandasVersion = version;
      else this.warnOnce(`pymodern.pandasVersion: expected a version like "2.2", got "${pandas}" (ignored)`);
    }
    const pydantic = settings.get<string>('pydanticVersion', '');
    if (pydantic) {
      const version = parsePandasVersion(pydantic);
      if (version) overrides.pydanticVersion = version;
      else this.warnOnce(`pymodern.pydanticVersion: expected a version like "2.7", got "${pydantic}" (ignored)`);
    }
    // Only a value the user set (at any level) replaces `preview` from pyproject.toml.
    const preview = settings.inspect<unknown>('preview');
    const previewSet = preview?.workspaceFolderValue ?? preview?.workspaceValue ?? preview?.globalValue;
    if (typeof previewSet === 'boolean') overrides.preview = previewSet;
    const severity = settings.get<Record<string, unknown>>('severity', {});
    for (const [rule, level] of Object.entries(severity ?? {})) {
      if (!this.catalog.ruleIds.has(rule)) this.warnOnce(`pymodern.severity: unknown rule id "${rule}" (ignored)`);
      else if (typeof level !== 'string' || !SEVERITIES.includes(level as Severity)) {
        this.warnOnce(`pymodern.severity.${rule}: expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(level)} (ignored)`);
      } else (overrides.severity ??= {})[rule] = level as Severity;
    }
    const typing = typingOverrides(settings.get<unknown>('typing'), (message) => this.warnOnce(message));
    if (typing) overrides.typing = typing;
    const security = securityOverrides(settings.get<unknown>('security'), (message) => this.warnOnce(message));
    if (security) overrides.security = security;
    return overrides;
  }

  /** A list setting when the user set a non-empty one; unknown ids are dropped, with a warning. */
  private selectors(settings: vscode.WorkspaceConfiguration, key: 'select' | 'ignore'): string[] | undefined {
    const value = settings.get<unknown>(key);
    if (!Array.isArray(value) || !value.length) return undefined;
    const ids = value.filter((v): v is string => typeof v === 'string');
    const unknown = unknownSelectors(ids, this.catalog);
    if (unknown.length) this.warnOnce(`pymodern.${key}: unknown rule id or family ${unknown.map((u) => `"${u}"`).join(', ')} (ignored)`);
    const known = ids.filter((id) => !unknown.includes(id));
    return known.length ? known : undefined;
  }

  private report(project: LoadedConfig): void {
    if (!project.file) return;
    if (project.error) {
      this.reportProjectError(project.file, `${project.error.message} — files under it are not analysed until it is fixed`);
      return;
    }
    const { select, ignore, preview, severity, targetVersion, pandasVersion, exclude, perFileIgnores, perFileSeverity, typing } = project.config;
    const parts = [
      select && `select = ${select.join(', ')}`,
      ignore && `ignore = ${ignore.join(', ')}`,
      preview !== undefined && `preview = ${preview}`,
      targetVersion && `target-version = ${targetVersion.join('.')}`,
      pandasVersion && `pandas-version = ${pandasVersion.join('.')}`,
      severity && `severity = ${Object.entries(severity).map(([r, s]) => `${r}: ${s}`).join(', ')}`,
      exclude && `exclude = ${exclude.join(', ')}`,
      perFileIgnores && `per-file-ignores = ${Object.entries(perFileIgnores).map(([glob, ids]) => `${glob}: ${ids.join(', ')}`).join('; ')}`,
      perFileSeverity && `per-file-severity = ${Object.entries(perFileSeverity).map(([glob, levels]) => `${glob}: ${Object.entries(levels).map(([r, l]) => `${r} ${l}`).join(', ')}`).join('; ')}`,
      typing && `typing = ${typingText(typing)}`,
    ].filter(Boolean);
    const message = `loaded ${project.file}${parts.length ? `: ${parts.join('; ')}` : ' (no [tool.pymodern] settings)'}`;
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log.info(message);
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.log.warn(message);
  }

  private scheduleReload(uri: vscode.Uri): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.log.info(`${uri.fsPath} changed: reloading project settings`);
      this.projects = new ProjectConfigs(this.catalog);
      this.byDocument.clear();
      this.reported.clear();
      this.warned.clear();
      this.configErrors.clear();
      this.changed.fire();
    }, RELOAD_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** `star-args = false, dummy-args = "^_$"`: the options in the words of the settings. */
function typingText(typing: Partial<TypingOptions>): string {
  return Object.entries(TYPING_SETTINGS)
    .filter(([, setting]) => typing[setting.field] !== undefined)
    .map(([key, setting]) => `${key} = ${JSON.stringify(typing[setting.field])}`)
    .join(', ');
}

/** Points at the offending line when the message says where (`at line N`) or names a key. */
function configDiagnostic(file: string, message: string): vscode.Diagnostic {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // The file went away: line 0 will do.
  }
  const line = configErrorLine(text, message);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'pymodern';
  return diagnostic;
}

/** `pymodern.timeBudget` in ms (0: no limit): how long one file's analysis may take in the editor. */
export function timeBudgetMs(): number {
  const seconds = vscode.workspace.getConfiguration('pymodern').get<number>('timeBudget', DEFAULT_EDITOR_TIME_BUDGET_MS / 1000);
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : DEFAULT_EDITOR_TIME_BUDGET_MS;
}
