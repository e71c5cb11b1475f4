// Preloaded into `pymodern check` by the benchmark (node -r): measures the CLI as users run
// it without changing it. Every thread (the main one and each worker: Node preloads -r
// modules into workers too) samples its own JS heap and external memory (which holds its
// WASM memory); at exit the main thread writes, to $PYMODERN_BENCH_USAGE, the process's CPU
// time and peak RSS and each thread's peaks. Workers are terminated without an exit event,
// so each one keeps its peaks in a file of its own as they grow.
'use strict';
const { writeFileSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { isMainThread, threadId } = require('node:worker_threads');

const target = process.env.PYMODERN_BENCH_USAGE;

/** Peak RSS, MB: VmHWM on Linux, where getrusage's maxRSS survives exec (the parent's peak would show). */
function peakRssMb(usage) {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return (Number(match[1]) * 1024) / 1e6;
  } catch {
    // not Linux
  }
  return (usage.maxRSS * 1024) / 1e6;
}
if (target) {
  const started = performance.now();
  const peak = { heapUsedMb: 0, externalMb: 0, totalMb: 0 };
  let saved = 0;
  const save = () => writeFileSync(`${target}.thread-${threadId}`, JSON.stringify({ threadId, main: isMainThread, ...peak }));
  const sample = () => {
    const m = process.memoryUsage();
    peak.heapUsedMb = Math.max(peak.heapUsedMb, m.heapUsed / 1e6);
    peak.externalMb = Math.max(peak.externalMb, m.external / 1e6);
    peak.totalMb = Math.max(peak.totalMb, (m.heapUsed + m.external) / 1e6);
    if (peak.totalMb > saved + 1) {
      saved = peak.totalMb;
      save();
    }
  };
  setInterval(sample, 20).unref();
  if (isMainThread) {
    process.on('exit', () => {
      sample();
      save();
      const usage = process.resourceUsage();
      const prefix = `${require('node:path').basename(target)}.thread-`;
      const dir = require('node:path').dirname(target);
      const threads = [];
      for (const name of readdirSync(dir)) {
        if (!name.startsWith(prefix)) continue;
        const file = require('node:path').join(dir, name);
        try {
          threads.push(JSON.parse(readFileSync(file, 'utf8')));
        } catch {
          // a worker was writing it as it ended: its last peak is lost, not the run
        }
        rmSync(file, { force: true });
      }
      writeFileSync(
        target,
        JSON.stringify({
          wallMs: performance.now() - started,
          cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
          maxRssMb: peakRssMb(usage),
          threads,
        }),
      );
    });
  }
}
