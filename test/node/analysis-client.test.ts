// The analysis client and its worker thread (dist/analysis-worker.js, built by `npm test`):
// incremental documents give the findings of a full analysis, stale analyses are skipped,
// errors are answered without stopping the worker, a dead worker is restarted with its
// documents reopened.
import assert from 'node:assert/strict';
import type { ContentChange } from '../../src/engine/document';
import { applyEdits } from '../../src/engine/fixes';
import type { Finding, RuleConfig } from '../../src/engine/types';
import { AnalysisClient, AnalysisCrashError, AnalysisError, AnalysisTooComplexError, type AnalyzeOutcome } from '../../src/node/analysis-client';
import { FINDINGS_PER_SLICE, inSlices } from '../../src/node/slices';
import { suppressionEdit } from '../../src/engine/suppress-comment';
import { DIST_DIR, getEngine } from '../helpers/engine';

const SOURCE = [
  'import time',
  'import pandas as pd',
  '',
  'async def handler(request):',
  '    time.sleep(0.5)',
  '    frame = pd.read_csv("orders.csv")',
  '    return frame',
  '',
  'def report(x, y: int):',
  '    return x',
  '',
].join('\n');

const CONFIG: RuleConfig = {};
const KEY = 'file:///work/app.py';

/** Applies one change as the worker does (SourceDocument.update: in order, each on the previous text). */
function apply(text: string, changes: readonly ContentChange[]): string {
  return changes.reduce((t, c) => t.slice(0, c.start) + c.newText + t.slice(c.end), text);
}

function done(outcome: AnalyzeOutcome): Extract<AnalyzeOutcome, { status: 'done' }> {
  assert.equal(outcome.status, 'done', `expected a result, got ${JSON.stringify(outcome)}`);
  return outcome as Extract<AnalyzeOutcome, { status: 'done' }>;
}

/** The findings as engine.analyzeText returns them (no `disable`), and as plain JSON values. */
function plain(findings: readonly (Finding & { disable?: unknown })[]): unknown {
  return JSON.parse(JSON.stringify(findings.map(({ disable: _disable, ...finding }) => finding)));
}

describe('analysis client and worker', function () {
  this.timeout(60_000);
  const texts = new Map<string, { text: string; version: number }>();
  let restarts = 0;
  let client: AnalysisClient;

  beforeEach(() => {
    texts.clear();
    restarts = 0;
    client = new AnalysisClient({ distDir: DIST_DIR, reopen: (key) => texts.get(key), onRestart: () => restarts++ });
  });

  afterEach(() => client.dispose());

  it('open, changes and analyze give the findings of engine.analyzeText on the final text', async () => {
    const engine = await getEngine();
    client.openDocument(KEY, SOURCE, 1);
    const first = done(await client.analyze(KEY, 1, CONFIG));
    assert.equal(first.version, 1);
    assert.deepEqual(plain(first.findings), plain(engine.analyzeText(SOURCE, CONFIG)));

    // A typed character, a deletion, a paste, and one event with two changes (as multi-cursor
    // edits arrive: each relative to the text the previous one left).
    const events: ((text: string) => ContentChange[])[] = [
      (t) => [{ start: t.indexOf('(x,') + 1, end: t.indexOf('(x,') + 1, newText: 'a' }],
      (t) => [{ start: t.indexOf('    frame ='), end: t.indexOf('    return frame'), newText: '' }],
      () => [{ start: 0, end: 0, newText: 'import asyncio\n' }],
      (t) => [
        { start: t.length, end: t.length, newText: '\nasync def late():\n    time.sleep(1)\n' },
        { start: 0, end: 0, newText: '# header\n' },
      ],
    ];
    let text = SOURCE;
    let version = 1;
    for (const event of events) {
      const changes = event(text);
      text = apply(text, changes);
      client.changeDocument(KEY, changes, ++version);
    }
    assert.match(text, /^# header\nimport asyncio\n[^]*def report\(ax, y: int\)[^]*async def late/);
    const last = done(await client.analyze(KEY, version, CONFIG));
    assert.equal(last.version, version);
    assert.deepEqual(plain(last.findings), plain(engine.analyzeText(text, CONFIG)));
    const document = engine.open(text);
    try {
      assert.deepEqual(last.coverage, engine.coverage(document, CONFIG));
      assert.ok(last.coverage.total > 0);
    } finally {
      document.dispose();
    }
    assert.ok(last.ms >= 0 && last.decode.totalMs >= last.decode.longestMs);
  });

  it('while typing, re-analyses only the edited def (a provisional result); without `incremental`, the whole file', async () => {
    const engine = await getEngine();
    client.openDocument(KEY, SOURCE, 1);
    const first = done(await client.analyze(KEY, 1, CONFIG, { incremental: true }));
    assert.equal(first.provisional, false, 'nothing to start from: the whole file');
    const at = SOURCE.indexOf('    return x') + '    return x'.length;
    client.changeDocument(KEY, [{ start: at, end: at, newText: ' + 1' }], 2);
    const typed = done(await client.analyze(KEY, 2, CONFIG, { incremental: true }));
    assert.equal(typed.provisional, true);
    const text = apply(SOURCE, [{ start: at, end: at, newText: ' + 1' }]);
    const expected = engine.analyzeText(text, CONFIG);
    assert.deepEqual(plain(typed.findings), plain(expected));
    // The "disable for this line" edits travel with the findings.
    const document = engine.open(text);
    try {
      assert.deepEqual(
        typed.findings.map((f) => f.disable),
        expected.map((f) => suppressionEdit(document, f)),
      );
    } finally {
      document.dispose();
    }
    const settled = done(await client.analyze(KEY, 2, CONFIG));
    assert.equal(settled.provisional, false);
    assert.deepEqual(plain(settled.findings), plain(expected));
  });

  it('a result of several slices of findings arrives whole and in order', async () => {
    const engine = await getEngine();
    const text = Array.from({ length: 2 * FINDINGS_PER_SLICE + 1 }, (_, i) => `def f${i}(x):\n    return x\n`).join('\n');
    client.openDocument(KEY, text, 1);
    const result = done(await client.analyze(KEY, 1, CONFIG));
    const expected = engine.analyzeText(text, CONFIG);
    assert.ok(expected.length > 2 * FINDINGS_PER_SLICE, `${expected.length} findings`);
    assert.deepEqual(plain(result.findings), plain(expected));
  });

  it("a document's analyses settle in the order they were asked, however long each takes to decode", async () => {
    const text = Array.from({ length: 2 * FINDINGS_PER_SLICE + 1 }, (_, i) => `def f${i}(x):\n    return x\n`).join('\n');
    await client.ready;
    client.openDocument(KEY, text, 1);
    const settled: string[] = [];
    const first = client.analyze(KEY, 1, CONFIG).then(() => settled.push('first'));
    await new Promise((resolve) => setTimeout(resolve, 20)); // the worker is busy with the first
    const second = client.analyze(KEY, 9, CONFIG).catch(() => settled.push('second')); // answered at once, with an error
    await Promise.all([first, second]);
    assert.deepEqual(settled, ['first', 'second']);
  });

  it('each finding carries the edit of "Disable <rule> for this line"', async () => {
    const engine = await getEngine();
    client.openDocument(KEY, SOURCE, 1);
    const { findings } = done(await client.analyze(KEY, 1, CONFIG));
    const document = engine.open(SOURCE);
    try {
      for (const finding of findings) assert.deepEqual(finding.disable, suppressionEdit(document, finding));
      const sleep = findings.find((f) => f.rule === 'blocking-sleep-in-async')!;
      assert.match(applyEdits(SOURCE, [sleep.disable!]), /time\.sleep\(0\.5\) {2}# pymodern: ignore\[blocking-sleep-in-async\]/);
    } finally {
      document.dispose();
    }
  });

  it('an analysis made stale by a newer version or a newer analysis is answered as superseded', async () => {
    // Sent while the worker still loads its engine: it finds them all queued.
    client.openDocument(KEY, SOURCE, 1);
    const v1 = client.analyze(KEY, 1, CONFIG);
    client.changeDocument(KEY, [{ start: 0, end: 0, newText: '# edited\n' }], 2);
    const v2 = client.analyze(KEY, 2, CONFIG);
    const v2Again = client.analyze(KEY, 2, { ignore: ['dataframes'] }); // settings changed
    assert.deepEqual(await v1, { status: 'superseded', version: 1 });
    assert.deepEqual(await v2, { status: 'superseded', version: 2 });
    const result = done(await v2Again);
    assert.equal(result.version, 2);
    assert.ok(result.findings.length > 0 && result.findings.every((f) => f.family !== 'dataframes'));

    // Once the worker is idle, a lone analysis runs.
    done(await client.analyze(KEY, 2, CONFIG));
  });

  it('a failing request is answered with an error and the worker keeps going', async () => {
    await assert.rejects(client.analyze('file:///not-open.py', 1, CONFIG), (e: unknown) => e instanceof AnalysisError && e.resync);
    client.openDocument(KEY, SOURCE, 1);
    await assert.rejects(client.analyze(KEY, 5, CONFIG), (e: unknown) => e instanceof AnalysisError && e.resync && /a change was missed/.test(e.message));
    // A malformed config breaks the analysis, not the document.
    await assert.rejects(client.analyze(KEY, 1, { select: 42 } as unknown as RuleConfig), (e: unknown) => e instanceof AnalysisError && !e.resync);
    await assert.rejects(client.fixAll(SOURCE, { select: 42 } as unknown as RuleConfig), AnalysisError);
    done(await client.analyze(KEY, 1, CONFIG));

    // A change the document cannot take drops it: the host is asked to open it again.
    client.changeDocument(KEY, [null as unknown as ContentChange], 2);
    await assert.rejects(client.analyze(KEY, 2, CONFIG), (e: unknown) => e instanceof AnalysisError && e.resync && /applying changes failed/.test(e.message));
    client.openDocument(KEY, SOURCE, 3);
    assert.ok(done(await client.analyze(KEY, 3, CONFIG)).findings.length > 0);
    assert.equal(client.restarts, 0);
  });

  it('fixAll answers Engine.fixAll', async () => {
    const engine = await getEngine();
    const fixed = await client.fixAll(SOURCE, CONFIG);
    assert.deepEqual(JSON.parse(JSON.stringify(fixed)), JSON.parse(JSON.stringify(engine.fixAll(SOURCE, CONFIG, { unsafe: false }))));
    assert.match(fixed.text, /await asyncio\.sleep\(0\.5\)/);
  });

  it('a worker that dies is restarted and its documents reopened from their current text', async () => {
    const engine = await getEngine();
    const loadMs = await client.ready;
    assert.ok(loadMs > 0);
    client.openDocument(KEY, SOURCE, 1);
    client.openDocument('file:///closed.py', SOURCE, 1);
    client.closeDocument('file:///closed.py');
    done(await client.analyze(KEY, 1, CONFIG));

    // The owner's text moved on meanwhile; the new worker gets it as it is now.
    const edited = `${SOURCE}\nasync def more():\n    time.sleep(2)\n`;
    texts.set(KEY, { text: edited, version: 7 });
    // In flight when the worker dies: a file long enough that its analysis is still running.
    const long = Array.from({ length: 3000 }, (_, i) => `def f${i}(x):\n    return x\n`).join('\n');
    client.openDocument('file:///long.py', long, 1);
    const inFlight = client.analyze('file:///long.py', 1, CONFIG);
    await client.simulateCrash();
    await assert.rejects(inFlight, AnalysisCrashError);
    assert.equal(client.restarts, 1);
    assert.equal(restarts, 1, 'the owner is told, to ask again');

    const again = done(await client.analyze(KEY, 7, CONFIG));
    assert.deepEqual(plain(again.findings), plain(engine.analyzeText(edited, CONFIG)));
    // Closed documents are not reopened.
    await assert.rejects(client.analyze('file:///closed.py', 1, CONFIG), (e: unknown) => e instanceof AnalysisError && e.resync);
  });

  it('an analysis past its time budget fails as too complex, and the worker goes on', async () => {
    const long = Array.from({ length: 3000 }, (_, i) => `def f${i}(x):\n    return x\n`).join('\n');
    client.setTimeBudget(1);
    client.openDocument('file:///long.py', long, 1);
    await assert.rejects(client.analyze('file:///long.py', 1, CONFIG), (e: unknown) => e instanceof AnalysisTooComplexError && e.message === 'analysis stopped: file too complex (it took over the time budget of 0.001 s)');
    await assert.rejects(client.fixAll(long, CONFIG), AnalysisTooComplexError);
    client.setTimeBudget(0);
    assert.equal(done(await client.analyze('file:///long.py', 1, CONFIG)).findings.length, 3000);
    assert.equal(client.restarts, 0);
  });

  it("each result carries the document's suppression comments that silence nothing", async () => {
    const engine = await getEngine();
    const text = `${SOURCE}z = 1  # pymodern: ignore[no-such-rule]\n`;
    client.openDocument(KEY, text, 1);
    const outcome = done(await client.analyze(KEY, 1, CONFIG));
    const document = engine.open(text);
    try {
      assert.deepEqual(outcome.directives, engine.directiveProblems(document));
    } finally {
      engine.close(document);
    }
    assert.deepEqual(outcome.directives.map((d) => [d.start, d.end]), [[text.indexOf('# pymodern'), text.length - 1]]);
  });

  it('after dispose, requests fail at once', async () => {
    client.openDocument(KEY, SOURCE, 1);
    const pending = client.analyze(KEY, 1, CONFIG);
    client.dispose();
    await assert.rejects(pending, /disposed/);
    await assert.rejects(client.analyze(KEY, 1, CONFIG), /disposed/);
  });
});

describe('work in slices', () => {
  it('runs every item, a slice per turn of the event loop, and stops when no longer wanted', async () => {
    const seen: (number | string)[] = [];
    const items = Array.from({ length: 10 }, (_, i) => i);
    // A timer that falls due during the first slice runs before the last one, not after all of them.
    setTimeout(() => seen.push('timer'), 1);
    const times = await inSlices(items, 3, (i) => {
      const until = performance.now() + (i === 0 ? 5 : 0);
      while (performance.now() < until); // a slow first slice
      seen.push(i);
    });
    assert.ok(seen.indexOf('timer') > 0 && seen.indexOf('timer') < seen.length - 1, seen.join());
    assert.deepEqual(seen.filter((x) => x !== 'timer'), items);
    assert.ok(times && times.totalMs >= times.longestMs);
    seen.length = 0;
    let asked = 0;
    assert.equal(await inSlices(items, 3, (i) => seen.push(i), () => ++asked < 2), undefined);
    assert.deepEqual(seen, [0, 1, 2, 3, 4, 5], 'stopped after the second slice');
  });

});

describe('analysis client: the watchdog', function () {
  this.timeout(60_000);
  const texts = new Map<string, { text: string; version: number }>();
  let restarts = 0;
  let client: AnalysisClient;
  const HANGING = `${SOURCE}# HANG-HERE: the failpoint makes opening this text never return\n`;

  beforeEach(() => {
    // Read by the worker's loadEngine (a worker thread gets a copy of the environment).
    process.env.PYMODERN_TEST_HANG_MARKER = 'HANG-HERE';
    client = new AnalysisClient({ distDir: DIST_DIR, reopen: (key) => texts.get(key), onRestart: () => restarts++, timeBudgetMs: 500 });
  });

  afterEach(() => {
    delete process.env.PYMODERN_TEST_HANG_MARKER;
    client.dispose();
  });

  it('stops a worker stuck in one document, restarts it, and does not send that version again', async () => {
    const engine = await getEngine();
    texts.set('file:///stuck.py', { text: HANGING, version: 1 });
    texts.set(KEY, { text: SOURCE, version: 1 });
    client.openDocument('file:///stuck.py', HANGING, 1);
    client.openDocument(KEY, SOURCE, 1);
    const stuck = client.analyze('file:///stuck.py', 1, CONFIG);
    const queued = client.analyze(KEY, 1, CONFIG);
    const message = 'analysis stopped: file too complex (no answer within 2 s; the analysis worker was restarted)';
    await assert.rejects(stuck, (e: unknown) => e instanceof AnalysisTooComplexError && e.message === message);
    await assert.rejects(queued, AnalysisCrashError);
    assert.equal(client.restarts, 1);
    assert.equal(restarts, 1, 'the owner is told, to ask again');

    assert.deepEqual(plain(done(await client.analyze(KEY, 1, CONFIG)).findings), plain(engine.analyzeText(SOURCE, CONFIG)));
    // The same version is refused at once, without a worker stuck again.
    await assert.rejects(client.analyze('file:///stuck.py', 1, CONFIG), (e: unknown) => e instanceof AnalysisTooComplexError && e.message === message);
    assert.equal(client.restarts, 1);
    // Once the text changes, it is analysed again.
    texts.set('file:///stuck.py', { text: SOURCE, version: 2 });
    client.openDocument('file:///stuck.py', SOURCE, 2);
    assert.deepEqual(plain(done(await client.analyze('file:///stuck.py', 2, CONFIG)).findings), plain(engine.analyzeText(SOURCE, CONFIG)));
  });
});
