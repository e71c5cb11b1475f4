// Running the probes and the CLI as child processes, timed from spawn to exit.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessResult {
  /** From spawn to exit, measured by the parent: the whole run, Node start-up included. */
  wallMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ wallMs: performance.now() - started, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Runs a bundled probe with its parameters; returns its JSON result and the parent-measured wall time. */
export async function runProbe<T>(
  probesDir: string,
  name: string,
  parameters: object,
  nodeFlags: readonly string[] = [],
): Promise<T & { wallMs: number }> {
  const paramsFile = join(probesDir, `${name}.params.json`);
  writeFileSync(paramsFile, JSON.stringify(parameters));
  const result = await runProcess(process.execPath, [...nodeFlags, join(probesDir, `${name}.cjs`), paramsFile]);
  if (result.code !== 0) throw new Error(`probe ${name} failed (exit ${result.code}):\n${result.stderr.slice(-4000)}`);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return { ...(JSON.parse(last) as T), wallMs: result.wallMs };
  } catch {
    throw new Error(`probe ${name} printed no result:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  }
}
