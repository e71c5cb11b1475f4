// The engine as a whole: the full shape of a finding, config severities, which rule owns
// which query pattern, and fix-all (safety, rule filter, syntax guard, idempotence).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine';
import type { CompiledRuleSet, RuleMeta } from '../../src/engine/types';
import { readRuleSet } from '../../src/node/load-engine';
import { DIST_DIR, getEngine } from '../helpers/engine';

const grammar = () => ({
  runtime: readFileSync(join(DIST_DIR, 'tree-sitter.wasm')),
  python: readFileSync(join(DIST_DIR, 'tree-sitter-python.wasm')),
});

/** A data rule with a templated suggestion, for the engine's own mechanics (not a shipped rule). */
const templateRule = (): RuleMeta => ({
  id: 'read-csv-template',
  family: 'dataframes',
  trend: 'high-performance-dataframes',
  severity: 'information',
  status: 'stable',
  title: 'read_csv (template test rule)',
  message: '`{{callee}}()` reads a CSV',
  note: 'A data rule used by the engine tests.',
  peers: [],
  tags: [],
  query: '(call\n  function: [(identifier) (attribute)] @callee\n  arguments: (argument_list . (string)? @path) @args) @call\n',
  report: 'call',
  guards: [{ name: 'resolves-to', capture: 'callee', args: { names: ['pandas.read_csv'] } }],
  fixes: [],
  suggestion: '```python\nframe = pl.scan_csv({{path|"data.csv"}}).collect()\n```\n',
  source: 'test/engine/engine.test.ts',
});

describe('engine', () => {
  let engine: Engine;
  let ruleSet: CompiledRuleSet;
  const ruleOf = (id: string): RuleMeta => ruleSet.rules.find((r) => r.id === id)!;

  before(async () => {
    engine = await getEngine();
    ruleSet = readRuleSet(DIST_DIR);
  });

  it('reports a finding with every field filled in', () => {
    const text = 'import time\n\nasync def fetch() -> None:\n    time.sleep(1)\n';
    assert.deepEqual(engine.analyzeText(text), [
      {
        rule: 'blocking-sleep-in-async',
        family: 'async',
        trend: 'async-first-services',
        severity: 'warning',
        message: '`time.sleep()` blocks the event loop inside coroutine `fetch`',
        start: 44,
        end: 57,
        range: { start: { line: 3, character: 4 }, end: { line: 3, character: 17 } },
        peers: ['ASYNC251'],
        peer: 'ASYNC251',
        fixes: [
          {
            title: 'Replace with `await asyncio.sleep(1)`',
            safety: 'safe',
            edits: [
              { start: 44, end: 57, newText: 'await asyncio.sleep(1)' },
              { start: 11, end: 11, newText: '\nimport asyncio' },
            ],
          },
        ],
        suggestion: '```python\nawait asyncio.sleep(1)\n```\n',
        tags: [],
      },
    ]);
  });

  it('fills the suggestion from the call, with a fallback when a capture is absent', async () => {
    const custom = await Engine.create({ grammar: grammar(), ruleSet: { ...ruleSet, rules: [templateRule()] } });
    try {
      const [withPath, withoutPath] = custom.analyzeText('import pandas as pd\n\ndf = pd.read_csv("sales.csv")\nx = pd.read_csv(buffer)\n');
      assert.equal(withPath.suggestion, '```python\nframe = pl.scan_csv("sales.csv").collect()\n```\n');
      assert.equal(withoutPath.suggestion, '```python\nframe = pl.scan_csv("data.csv").collect()\n```\n');
    } finally {
      custom.dispose();
    }
  });

  it('keeps messages on one line: a multi-line callee is flattened, a long one shortened', () => {
    const multiLine = engine.analyzeText('import pandas\n\ndf = (pandas\n      .read_csv("x"))\n');
    assert.deepEqual(multiLine.map((f) => [f.range.start.line, f.range.end.line]), [[2, 3]]);
    assert.equal(multiLine[0].message.split('`')[1], 'pandas .read_csv()');
    const alias = `p${'x'.repeat(60)}`;
    const long = engine.analyzeText(`import pandas as ${alias}\n\ndf = ${alias}.read_csv("x")\n`);
    assert.equal(long[0].message.split('`')[1], `${alias.slice(0, 59)}…()`);
  });

  it('takes the severity from the config, per rule', () => {
    const text = 'import time\n\nasync def fetch():\n    time.sleep(1)\n';
    const severities = engine.analyzeText(text, { severity: { 'blocking-sleep-in-async': 'error' } }).map((f) => [f.rule, f.severity]);
    assert.deepEqual(severities, [
      ['missing-return-annotation', 'information'],
      ['blocking-sleep-in-async', 'error'],
    ]);
  });

  it('sorts findings by position, then rule', () => {
    const text = 'import time\nimport pandas as pd\n\nasync def b(): time.sleep(pd.read_csv("x"))\n\ndef a(): pass\n';
    assert.deepEqual(
      engine.analyzeText(text).map((f) => [f.range.start.line, f.range.start.character, f.rule]),
      [
        [3, 10, 'missing-return-annotation'],
        [3, 15, 'blocking-sleep-in-async'],
        [3, 26, 'pandas-read-csv'],
        [5, 4, 'missing-return-annotation'],
      ],
    );
  });

  it('returns nothing when no rule is enabled', () => {
    assert.deepEqual(engine.analyzeText('import time\nasync def f():\n    time.sleep(1)\n', { select: [] }), []);
  });

  describe('with a custom rule set', () => {
    const engines: Engine[] = [];
    after(() => engines.forEach((e) => e.dispose()));
    const create = async (rules: RuleMeta[]) => {
      const created = await Engine.create({ grammar: grammar(), ruleSet: { ...ruleSet, rules } });
      engines.push(created);
      return created;
    };

    it('gives each query pattern to its own rule, even after a query with non-ASCII text', async () => {
      // tree-sitter counts pattern offsets in UTF-8 bytes; 200 emoji are 800 bytes but 400
      // UTF-16 units, which would hand the read_csv pattern to the next rule.
      const comment = `; ${'😀'.repeat(200)}\n`;
      const csv = { ...templateRule(), query: comment + templateRule().query };
      const custom = await create([csv, ruleOf('blocking-sleep-in-async')]);
      const text = 'import time\nimport pandas as pd\n\nasync def f():\n    time.sleep(1)\n    pd.read_csv("x")\n';
      assert.deepEqual(
        custom.analyzeText(text).map((f) => f.rule),
        ['blocking-sleep-in-async', 'read-csv-template'],
      );
    });

    it('applies unsafe fixes only when asked', async () => {
      const sleep = ruleOf('blocking-sleep-in-async');
      const unsafe = await create([{ ...sleep, fixes: sleep.fixes.map((f) => ({ ...f, safety: 'unsafe' as const })) }]);
      const text = 'import time\n\nasync def f():\n    time.sleep(1)\n';
      assert.deepEqual(unsafe.fixAll(text, {}, { unsafe: false }).text, text);
      assert.equal(unsafe.fixAll(text, {}, { unsafe: true }).text, 'import time\nimport asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n');
    });

    it('drops a fix that would break the syntax, and keeps the others', async () => {
      const sleep = ruleOf('blocking-sleep-in-async');
      const csv = templateRule();
      const broken = { ...csv, fixes: [{ title: 'Break it', safety: 'safe' as const, replace: 'call', template: 'pl.scan_csv(' }] };
      const custom = await create([sleep, broken]);
      const text = 'import time\nimport pandas as pd\n\nasync def f():\n    time.sleep(1)\n    pd.read_csv("x")\n';
      const [, breaking] = custom.analyzeText(text);
      assert.equal(custom.fixKeepsSyntax(text, breaking.fixes[0]), false);
      const result = custom.fixAll(text, {}, { unsafe: false });
      assert.equal(result.text, 'import time\nimport pandas as pd\nimport asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n    pd.read_csv("x")\n');
      assert.equal(result.applied, 1);
      assert.deepEqual(result.findings.map((f) => f.rule), ['read-csv-template']);
    });
  });

  describe('fixAll', () => {
    const text = 'import time\n\nasync def poll():\n    time.sleep(1)\n    time.sleep(2)\n\ndef helper(x):\n    return x\n';

    it('applies every safe fix of every rule, reporting what is left', () => {
      const result = engine.fixAll(text, {}, { unsafe: false });
      assert.equal(
        result.text,
        'import time\nimport asyncio\n\nasync def poll() -> None:\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\n\ndef helper(x):\n    return x\n',
      );
      assert.equal(result.applied, 3);
      assert.deepEqual(result.findings.map((f) => [f.rule, f.range.start.line]), [['missing-return-annotation', 7]]);
    });

    it('restricted to some rules, leaves the others alone but reports only its own', () => {
      const result = engine.fixAll(text, {}, { unsafe: false, rules: new Set(['missing-return-annotation']) });
      assert.equal(result.text, 'import time\n\nasync def poll() -> None:\n    time.sleep(1)\n    time.sleep(2)\n\ndef helper(x):\n    return x\n');
      assert.equal(result.applied, 1);
      assert.deepEqual(result.findings.map((f) => f.rule), ['missing-return-annotation']);
    });

    it('respects the config: an ignored rule is not fixed', () => {
      const result = engine.fixAll(text, { ignore: ['typing'] }, { unsafe: false });
      assert.equal(result.text, 'import time\nimport asyncio\n\nasync def poll():\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\n\ndef helper(x):\n    return x\n');
    });

    it('is idempotent', () => {
      const once = engine.fixAll(text, {}, { unsafe: true }).text;
      assert.deepEqual(engine.fixAll(once, {}, { unsafe: true }), { text: once, applied: 0, findings: engine.analyzeText(once) });
    });
  });
});
