// The machine a run measured: the header of the table and of results.json.
import { availableParallelism, cpus, loadavg, release, totalmem, type as osType } from 'node:os';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** 1, 5 and 15-minute load averages when the run started. */
  loadStart: number[];
}

export function describeMachine(): Machine {
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    loadStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function currentLoad(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}
