// `end-of-life-python` reports on project files (pyproject.toml, setup.cfg, setup.py,
// .python-version, Dockerfile), never on Python source: the analysis is
// analyzeProjectFile (src/engine/project-files.ts), which the CLI and the editor call for
// those files. This check only registers the rule; on a .py file it finds nothing.
import type { CheckFactory } from '../../../checks/context';

export const endOfLifePython: CheckFactory = () => ({});
