// Finds the nearest pyproject.toml of a file (walking up the folders) and loads its
// [tool.pymodern] once. Shared by the CLI and the editor's workspace scan.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { ConfigError, parsePyproject, type Catalog, type ProjectConfig } from '../engine/config';

export interface LoadedConfig {
  /** The pyproject.toml path, or undefined when none was found. */
  file: string | undefined;
  config: ProjectConfig;
  /** Set when the file exists but is broken: its files must not be analysed. */
  error?: ConfigError;
  isExcluded(path: string): boolean;
}

const NONE: LoadedConfig = { file: undefined, config: {}, isExcluded: () => false };

export class ProjectConfigs {
  private readonly byFolder = new Map<string, LoadedConfig>();

  constructor(private readonly catalog: Catalog) {}

  /**
   * The config that governs a file: the nearest pyproject.toml above it with a
   * [tool.pymodern] table (as Ruff does); a nearer one without that table still gives
   * the target version through its requires-python.
   */
  forFile(path: string): LoadedConfig {
    return this.forFolder(dirname(path));
  }

  forFolder(folder: string): LoadedConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const candidate = join(folder, 'pyproject.toml');
    let loaded: LoadedConfig;
    if (existsSync(candidate)) loaded = this.load(candidate);
    else {
      const parent = dirname(folder);
      loaded = parent === folder ? NONE : this.forFolder(parent);
    }
    this.byFolder.set(folder, loaded);
    return loaded;
  }

  /** Every config loaded so far, each once. */
  loaded(): LoadedConfig[] {
    return [...new Set(this.byFolder.values())].filter((c) => c.file);
  }

  private load(file: string): LoadedConfig {
    const root = dirname(file);
    try {
      const config = parsePyproject(readFileSync(file, 'utf8'), file, this.catalog);
      if (!config.hasToolTable) {
        const parentFolder = dirname(root);
        const above = parentFolder === root ? NONE : this.forFolder(parentFolder);
        const targetVersion = config.targetVersion ?? above.config.targetVersion;
        return { ...above, config: { ...above.config, ...(targetVersion ? { targetVersion } : {}) } };
      }
      // A pattern without a slash matches a file or folder name at any depth, as in Ruff.
      const matchers = (config.exclude ?? []).map((pattern) => picomatch(pattern, { dot: true, basename: !pattern.includes('/') }));
      return {
        file,
        config,
        isExcluded: (path) => {
          const rel = relative(root, path).split(sep).join('/');
          return matchers.some((m) => m(rel) || rel.split('/').some((_, i, parts) => m(parts.slice(0, i + 1).join('/'))));
        },
      };
    } catch (error) {
      const configError = error instanceof ConfigError ? error : new ConfigError(file, '', `cannot read: ${String(error)}`);
      return { file, config: {}, error: configError, isExcluded: () => false };
    }
  }
}
