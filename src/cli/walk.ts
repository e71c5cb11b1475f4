// Collects the Python files under the paths given on the command line, skipping VCS
// folders, virtualenvs, caches, node_modules and what `exclude` in pyproject.toml says.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProjectConfigs } from '../node/project-config';

const SKIPPED_FOLDERS = new Set([
  '.git', '.hg', '.svn', '.bzr', '.venv', 'venv', '.tox', '.nox', '__pycache__', 'node_modules',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.pytype', '.eggs', 'site-packages', '__pypackages__',
  '.ipynb_checkpoints', 'build', 'dist',
]);

export interface WalkResult {
  files: string[];
  errors: { file: string; message: string }[];
}

export function collectPythonFiles(paths: readonly string[], configs: ProjectConfigs): WalkResult {
  const files = new Set<string>();
  const errors: WalkResult['errors'] = [];
  for (const given of paths) {
    const path = resolve(given);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      errors.push({ file: given, message: 'no such file or folder' });
      continue;
    }
    // A file named explicitly is analysed even if excluded, as in Ruff.
    if (stats.isFile()) files.add(path);
    else if (stats.isDirectory()) walk(path, configs, files, errors);
  }
  return { files: [...files].sort(), errors };
}

function walk(folder: string, configs: ProjectConfigs, files: Set<string>, errors: WalkResult['errors']): void {
  const pending = [folder];
  while (pending.length) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      errors.push({ file: current, message: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || entry.name.endsWith('.egg-info') || isVirtualenv(path)) continue;
        if (configs.forFolder(current).isExcluded(path)) continue;
        pending.push(path);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        if (!configs.forFile(path).isExcluded(path)) files.add(path);
      }
    }
  }
}

/** A virtualenv under any name has a pyvenv.cfg at its root. */
function isVirtualenv(folder: string): boolean {
  return existsSync(join(folder, 'pyvenv.cfg'));
}
