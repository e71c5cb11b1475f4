// Collects the Python files under the paths given on the command line, skipping VCS
// folders, virtualenvs, caches, node_modules and what `exclude` in pyproject.toml says.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { projectFileKind } from '../engine/project-files';
import type { ProjectConfigs } from '../node/project-config';

const SKIPPED_FOLDERS = new Set([
  '.git', '.hg', '.svn', '.bzr', '.venv', 'venv', '.tox', '.nox', '__pycache__', 'node_modules',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.pytype', '.eggs', 'site-packages', '__pypackages__',
  '.ipynb_checkpoints', 'build', 'dist',
]);

/** A folder holding one of these is a project root: its project files are looked at. */
const PROJECT_MARKERS = new Set(['pyproject.toml', 'setup.py', 'setup.cfg']);

export interface WalkResult {
  files: string[];
  errors: { file: string; message: string }[];
  /** Symlinks found in folders and not followed (to outside the folder walked, or to a folder). */
  notes: { file: string; message: string }[];
  /**
   * Project files that declare a Python version (pyproject.toml, setup.cfg, setup.py,
   * .python-version, Dockerfile), for `end-of-life-python`: those named on the command line,
   * and those in each folder walked that is a project (has a pyproject.toml, setup.py or
   * setup.cfg) or was given.
   */
  projectFiles: string[];
}

export function collectPythonFiles(paths: readonly string[], configs: ProjectConfigs): WalkResult {
  const files = new Set<string>();
  const errors: WalkResult['errors'] = [];
  const notes: WalkResult['notes'] = [];
  const projectFiles = new Set<string>();
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
    if (stats.isFile() && projectFileKind(basename(path))) projectFiles.add(path);
    if (stats.isFile() && (path.endsWith('.py') || !projectFileKind(basename(path)))) files.add(path);
    else if (stats.isDirectory()) walk(path, configs, files, errors, notes, projectFiles);
  }
  // A file and a symlink to it (both inside the folder) are one file: analysed once.
  const seen = new Set<string>();
  const unique = [...files].sort().filter((file) => {
    let real = file;
    try {
      real = realpathSync(file);
    } catch {
      // unreadable: reported when read
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
  return { files: unique, errors, notes, projectFiles: [...projectFiles].sort() };
}

function walk(folder: string, configs: ProjectConfigs, files: Set<string>, errors: WalkResult['errors'], notes: WalkResult['notes'], projectFiles: Set<string>): void {
  let root: string;
  try {
    root = realpathSync(folder);
  } catch {
    root = folder;
  }
  const inside = (target: string) => {
    const rel = relative(root, target);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..';
  };
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
    if (current === folder || entries.some((e) => e.isFile() && PROJECT_MARKERS.has(e.name))) {
      for (const entry of entries) {
        const path = join(current, entry.name);
        if (entry.isFile() && projectFileKind(entry.name) && !configs.forFile(path).isExcluded(path)) projectFiles.add(path);
      }
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || entry.name.endsWith('.egg-info') || isVirtualenv(path)) continue;
        if (configs.forFolder(current).isExcluded(path)) continue;
        pending.push(path);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        if (!configs.forFile(path).isExcluded(path)) files.add(path);
      } else if (entry.isSymbolicLink() && entry.name.endsWith('.py')) {
        // Followed when it stays inside the folder walked (once, if its target is walked too).
        let target: string | undefined;
        try {
          target = realpathSync(path);
        } catch {
          notes.push({ file: path, message: 'symlink to a missing file: skipped' });
          continue;
        }
        if (!inside(target)) notes.push({ file: path, message: `symlink to ${target}, outside the folder: skipped` });
        else if (!statSync(target).isFile()) notes.push({ file: path, message: 'symlink to something that is not a file: skipped' });
        else if (!configs.forFile(path).isExcluded(path) && !files.has(target)) files.add(path);
      } else if (entry.isSymbolicLink()) {
        try {
          if (statSync(path).isDirectory()) notes.push({ file: path, message: 'symlink to a folder: not followed' });
        } catch {
          // a dangling link to something that is no .py file: nothing to say
        }
      }
    }
  }
}

/** A virtualenv under any name has a pyvenv.cfg at its root. */
function isVirtualenv(folder: string): boolean {
  return existsSync(join(folder, 'pyvenv.cfg'));
}
