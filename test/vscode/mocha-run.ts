// Mocha inside VS Code's extension host: the `run()` contract of --extensionTestsPath, shared
// by code-server (run-code-server.mjs) and @vscode/test-electron (run-electron.mjs). Loads
// every *.suite.js beside the entry point and writes the counts (and any timings the suites
// recorded) to $PYMODERN_TEST_RESULTS for the shell script's summary line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runSuites(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of fs.readdirSync(dir).sort()) if (file.endsWith('.suite.js')) mocha.addFile(path.join(dir, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.PYMODERN_TEST_RESULTS;
      if (out) {
        const timings = (globalThis as { pymodernTimings?: Record<string, number> }).pymodernTimings ?? {};
        fs.writeFileSync(out, JSON.stringify({ passes: runner.stats?.passes ?? 0, failures, timings }, null, 2));
      }
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
