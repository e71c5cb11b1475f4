// Entry point of the package check: the extension installed from the .vsix, not the repo.
import { runSuites } from '../mocha-run';

export function run(): Promise<void> {
  return runSuites(__dirname);
}
