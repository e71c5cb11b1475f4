// Entry point of the main suite (--extensionTestsPath): the extension loaded from the repo.
import { runSuites } from '../mocha-run';

export function run(): Promise<void> {
  return runSuites(__dirname);
}
