// `npm run fuzz [-- --seconds 60 --seed 1 --corpus DIR --out DIR]`: mutation fuzzing of the
// engine. Real Python (the fixtures, plus --corpus) is mutated, edited keystroke by keystroke
// through the incremental path, and malformed configs are parsed, in a worker thread with a
// watchdog. It reports crashes, hangs, poisoned engines, findings outside the text, fixes
// that break the syntax, fix-all that is not idempotent and incremental mismatches, and
// writes a minimal reproducer of each to --out. Exit 1 when anything failed.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { RuleConfig } from '../../src/engine/types';
import type { Failure } from './checks';
import { malformedConfig } from './configs';
import { mutate, randomEdit } from './mutations';
import { Random } from './random';
import type { FuzzAnswer, FuzzCase } from './worker';

const REPO = join(__dirname, '..', '..');
/** A case slower than this is a hang (pathological inputs take a few seconds; a loaded CI machine more). */
const HANG_MS = 30_000;
const RULES = JSON.parse(readFileSync(join(REPO, 'dist', 'rules.json'), 'utf8')).rules.map((r: { id: string }) => r.id) as string[];
const ALL: RuleConfig = { select: RULES };

function pythonFiles(root: string, limit = 3000): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length && found.length < limit) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(path);
      else if (entry.isFile() && entry.name.endsWith('.py') && statSync(path).size < 200_000) found.push(path);
    }
  }
  return found.sort();
}

class CaseRunner {
  private worker!: Worker;
  private ready!: Promise<void>;
  restarts = 0;

  constructor() {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(join(__dirname, 'worker-entry.cjs'), { workerData: { distDir: join(REPO, 'dist') } });
    this.ready = new Promise((resolve) => this.worker.once('message', () => resolve()));
  }

  async run(request: FuzzCase): Promise<FuzzAnswer> {
    await this.ready;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker.removeAllListeners('message');
        void this.worker.terminate();
        this.restarts++;
        this.start();
        resolve({ failures: [{ kind: 'hang', detail: `no answer within ${HANG_MS / 1000} s` }] });
      }, HANG_MS);
      this.worker.once('message', (answer: FuzzAnswer) => {
        clearTimeout(timer);
        if (answer.failures.some((f) => f.kind === 'poisoned')) {
          this.restarts++;
          this.start();
        }
        resolve(answer);
      });
      this.worker.postMessage(request);
    });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Drops lines while the same kind of failure remains (a bounded ddmin over lines). */
async function shrinkText(runner: CaseRunner, text: string, config: RuleConfig, kind: Failure['kind']): Promise<string> {
  let lines = text.split('\n');
  let budget = kind === 'hang' ? 0 : 80;
  for (let chunk = Math.ceil(lines.length / 2); chunk >= 1 && budget > 0; chunk = Math.floor(chunk / 2)) {
    for (let i = 0; i < lines.length && budget > 0; ) {
      const candidate = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      budget--;
      const answer = await runner.run({ kind: 'text', text: candidate.join('\n'), config });
      if (answer.failures.some((f) => f.kind === kind)) lines = candidate;
      else i += chunk;
    }
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string', default: String(Date.now() % 100000) }, corpus: { type: 'string', multiple: true }, out: { type: 'string' } },
  });
  const seconds = Number(values.seconds);
  const seed = Number(values.seed);
  const out = values.out ?? join(tmpdir(), `pymodern-fuzz-${seed}`);
  const files = [...pythonFiles(join(REPO, 'test', 'fixtures')), ...(values.corpus ?? []).flatMap((dir) => pythonFiles(dir))];
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const random = new Random(seed);
  const runner = new CaseRunner();
  const started = Date.now();
  const counts: Record<string, number> = { text: 0, edits: 0, editsTyped: 0, config: 0 };
  const failures: { kind: string; detail: string; file: string }[] = [];
  const seen = new Set<string>();
  mkdirSync(out, { recursive: true });
  process.stdout.write(`pymodern fuzz: seed ${seed}, ${seconds} s, ${files.length} corpus files, reproducers in ${out}\n`);
  while (Date.now() - started < seconds * 1000) {
    const pick = random.int(texts.length);
    const base = texts[pick];
    const roll = random.next();
    const config: RuleConfig = { ...ALL, targetVersion: random.pick([[3, 8], [3, 10], [3, 12]] as const) };
    let request: FuzzCase;
    if (roll < 0.45) request = { kind: 'text', text: mutate(base, random).text, config };
    else if (roll < 0.9) {
      const edits = Array.from({ length: 5 + random.int(20) }, () => ({ start: 0, end: 0, newText: '' }));
      let current = base;
      for (let i = 0; i < edits.length; i++) {
        edits[i] = randomEdit(current, random);
        current = current.slice(0, edits[i].start) + edits[i].newText + current.slice(edits[i].end);
      }
      request = { kind: 'edits', text: base, edits, config };
      counts.editsTyped += edits.length;
    } else request = { kind: 'config', text: malformedConfig(random) };
    counts[request.kind]++;
    const answer = await runner.run(request);
    for (const failure of answer.failures) {
      const key = `${failure.kind}:${failure.detail.split('\n')[0].replace(/\d+/g, 'N')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = `${failure.kind}-${failures.length + 1}`;
      let reproducer: string;
      if (request.kind === 'text') {
        reproducer = join(out, `${name}.py`);
        writeFileSync(reproducer, await shrinkText(runner, request.text, request.config, failure.kind));
      } else if (request.kind === 'config') {
        reproducer = join(out, `${name}.toml`);
        writeFileSync(reproducer, request.text);
      } else {
        // The file and the edits up to the one that failed: the incremental state depends on
        // each of them, so the whole sequence is the reproducer (replay: checkEdits).
        reproducer = join(out, `${name}.json`);
        const edits = request.edits.slice(0, (answer.at ?? request.edits.length - 1) + 1);
        writeFileSync(reproducer, JSON.stringify({ source: files[pick], config: request.config, text: request.text, edits, detail: failure.detail }, null, 1));
      }
      failures.push({ kind: failure.kind, detail: failure.detail, file: reproducer });
      process.stdout.write(`  ${failure.kind}: ${failure.detail.split('\n')[0]} -> ${reproducer}\n`);
    }
  }
  await runner.stop();
  const elapsed = ((Date.now() - started) / 1000).toFixed(0);
  const cases = counts.text + counts.edits + counts.config;
  const byKind = failures.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.kind]: (acc[f.kind] ?? 0) + 1 }), {});
  process.stdout.write(
    `\n${cases} cases in ${elapsed} s: ${counts.text} mutated files, ${counts.edits} edit sequences (${counts.editsTyped} edits), ${counts.config} configs; ` +
      `${runner.restarts} worker restarts.\n${failures.length ? `distinct failures: ${JSON.stringify(byKind)}` : 'no failures'}\n`,
  );
  return failures.length ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
