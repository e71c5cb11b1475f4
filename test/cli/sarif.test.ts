// `--format sarif`: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CompiledRuleSet } from '../../src/engine/types';
import { ASYNC_SLEEP, distDir, project, READ_CSV, READ_CSV_MESSAGE, REPO_ROOT, runCli, SLEEP_MESSAGE, type CliResult } from '../helpers/cli';
import { validateSarif } from './sarif-validator';

// Loosely typed on purpose: the tests walk the log by the SARIF property names.
type Json = Record<string, any>;

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const UNICODE_SOURCE = 'import time\n\n\nasync def main():\n    s = "😀中"; time.sleep(1)\n';

function sarifOf(result: CliResult): Json {
  try {
    return JSON.parse(result.stdout) as Json;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

describe('cli: sarif format', () => {
  let root: string;
  let result: CliResult;
  let log: Json;
  let run: Json;
  let catalog: CompiledRuleSet['rules'];

  before(() => {
    catalog = (JSON.parse(readFileSync(join(distDir(), 'rules.json'), 'utf8')) as CompiledRuleSet).rules;
    root = realpathSync(
      project({
        // A per-rule severity changes the results' level, not the rule's default level.
        'pyproject.toml': '[tool.pymodern.severity]\nmissing-return-annotation = "error"\n',
        'src/app.py': UNICODE_SOURCE,
        'data/load.py': READ_CSV,
        'odd name #1?.py': ASYNC_SLEEP,
        'blob.py': Buffer.from('import os\n\0\0', 'latin1'),
      }),
    );
    result = runCli(['check', '--format', 'sarif'], { cwd: root });
    log = sarifOf(result);
    run = log.runs[0] as Json;
  });

  it('is valid SARIF 2.1.0 in structure', () => {
    assert.deepEqual(validateSarif(log), []);
  });

  it('exits 2 because of the unreadable file and keeps stderr quiet', () => {
    assert.equal(result.status, 2);
    assert.equal(result.stderr, '');
  });

  it('names the format, the schema and the tool', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    assert.equal(run.tool.driver.name, 'pymodern');
    assert.equal(run.tool.driver.version, VERSION);
    assert.equal(run.columnKind, 'unicodeCodePoints');
  });

  it('describes every rule of the catalog, with its trend page as helpUri', () => {
    assert.ok(catalog.length >= 3);
    assert.deepEqual(
      (run.tool.driver.rules as Json[]).map((rule) => ({
        id: rule.id,
        shortDescription: rule.shortDescription,
        helpUri: rule.helpUri,
        defaultConfiguration: rule.defaultConfiguration,
      })),
      catalog.map((rule) => ({
        id: rule.id,
        shortDescription: { text: rule.title },
        helpUri: pathToFileURL(join(distDir(), 'trends', `${rule.trend}.md`)).href,
        defaultConfiguration: { level: LEVEL[rule.severity] },
      })),
    );
    for (const rule of run.tool.driver.rules as Json[]) assert.ok(existsSync(fileURLToPath(rule.helpUri as string)), rule.helpUri as string);
    const byId = new Map((run.tool.driver.rules as Json[]).map((rule) => [rule.id, rule]));
    assert.equal(byId.get('missing-return-annotation')!.defaultConfiguration.level, 'note', 'the config changes results, not the catalog');
    assert.equal(byId.get('blocking-sleep-in-async')!.defaultConfiguration.level, 'warning');
  });

  it('reports each finding with its rule, level, message and code point region', () => {
    const results = (run.results as Json[]).map((r) => ({
      ruleId: r.ruleId,
      rule: (run.tool.driver.rules as Json[])[r.ruleIndex as number].id,
      level: r.level,
      message: r.message,
      locations: r.locations,
    }));
    const at = (uri: string, startLine: number, startColumn: number, endLine: number, endColumn: number) => [
      { physicalLocation: { artifactLocation: { uri, uriBaseId: 'SRCROOT' }, region: { startLine, startColumn, endLine, endColumn } } },
    ];
    assert.deepEqual(results, [
      {
        ruleId: 'pandas-read-csv',
        rule: 'pandas-read-csv',
        level: 'note',
        message: { text: READ_CSV_MESSAGE },
        locations: at('data/load.py', 3, 9, 3, 32),
      },
      {
        ruleId: 'blocking-sleep-in-async',
        rule: 'blocking-sleep-in-async',
        level: 'warning',
        message: { text: SLEEP_MESSAGE },
        locations: at('odd%20name%20%231%3F.py', 5, 5, 5, 18),
      },
      {
        ruleId: 'missing-return-annotation',
        rule: 'missing-return-annotation',
        level: 'error',
        message: { text: 'Public function `main` has no return type annotation' },
        locations: at('src/app.py', 4, 11, 4, 15),
      },
      {
        ruleId: 'blocking-sleep-in-async',
        rule: 'blocking-sleep-in-async',
        level: 'warning',
        message: { text: SLEEP_MESSAGE },
        locations: at('src/app.py', 5, 15, 5, 28),
      },
    ]);
  });

  it("gives each result its one peer code, in properties and as a taxon of the peer tool's taxonomy", () => {
    const peers = (run.results as Json[]).map((r) => ({ rule: r.ruleId, peer: r.properties.peer, taxa: r.taxa }));
    const ruff = (code: string) => [{ id: code, toolComponent: { name: 'Ruff' } }];
    assert.deepEqual(peers, [
      { rule: 'pandas-read-csv', peer: undefined, taxa: undefined },
      { rule: 'blocking-sleep-in-async', peer: 'ASYNC251', taxa: ruff('ASYNC251') },
      { rule: 'missing-return-annotation', peer: 'ANN201', taxa: ruff('ANN201') },
      { rule: 'blocking-sleep-in-async', peer: 'ASYNC251', taxa: ruff('ASYNC251') },
    ]);
    const taxonomies = new Map((run.taxonomies as Json[]).map((t) => [t.name, (t.taxa as Json[]).map((x) => x.id)]));
    assert.deepEqual([...taxonomies.keys()].sort(), ['Bandit', 'Ruff', 'bump-pydantic', 'flake8-async']);
    assert.ok(taxonomies.get('Ruff')!.includes('ANN205'));
    assert.ok(taxonomies.get('flake8-async')!.includes('ASYNC232'), 'a code Ruff does not have');
    assert.ok(taxonomies.get('Bandit')!.includes('B307') && !taxonomies.get('Ruff')!.includes('B307'), "Bandit's codes are Bandit's");
    // Every taxon a result or a rule names exists in its taxonomy.
    const refs = [
      ...(run.results as Json[]).flatMap((r) => (r.taxa ?? []) as Json[]),
      ...(run.tool.driver.rules as Json[]).flatMap((rule) => ((rule.relationships ?? []) as Json[]).map((rel) => rel.target)),
    ];
    for (const ref of refs) assert.ok(taxonomies.get(ref.toolComponent.name)?.includes(ref.id), JSON.stringify(ref));
    const annotation = (run.tool.driver.rules as Json[]).find((rule) => rule.id === 'missing-return-annotation')!;
    assert.deepEqual(annotation.relationships, ['ANN201', 'ANN205', 'ANN206'].map((code) => ({ target: ruff(code)[0], kinds: ['relevant'] })));
    assert.equal((run.tool.driver.rules as Json[]).find((rule) => rule.id === 'pandas-read-csv')!.relationships, undefined, 'no peers, no relationships');
  });

  it('gives artifact URIs that resolve against SRCROOT to the analysed files', () => {
    const base = run.originalUriBaseIds.SRCROOT.uri as string;
    assert.equal(base, pathToFileURL(`${root}/`).href);
    const files = (run.results as Json[]).map((r) => fileURLToPath(new URL(r.locations[0].physicalLocation.artifactLocation.uri as string, base)));
    assert.deepEqual(
      [...new Set(files)],
      ['data/load.py', 'odd name #1?.py', 'src/app.py'].map((f) => join(root, f)),
    );
  });

  it('reports errors as tool execution notifications of an unsuccessful run', () => {
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'contains a NUL byte at offset 10: not Python source (binary file?)' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'blob.py', uriBaseId: 'SRCROOT' } } }],
          },
        ],
      },
    ]);
  });

  it('has a successful invocation and no results when clean, exit 0', () => {
    const clean = runCli(['check', '--format', 'sarif', '--select', 'dataframes', 'src'], { cwd: root });
    assert.equal(clean.status, 0, clean.stderr);
    const cleanLog = sarifOf(clean);
    assert.deepEqual(validateSarif(cleanLog), []);
    assert.deepEqual(cleanLog.runs[0].results, []);
    assert.deepEqual(cleanLog.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });
});

describe('cli: the SARIF validator itself', () => {
  let valid: Json;
  before(() => {
    const root = project({ 'app.py': ASYNC_SLEEP });
    valid = sarifOf(runCli(['check', '--format', 'sarif'], { cwd: root }));
    assert.deepEqual(validateSarif(valid), []);
  });

  const breakages: [string, (log: Json) => void, string][] = [
    ['a wrong version', (log) => (log.version = '2.0.0'), '$.version: must be "2.1.0"'],
    ['no runs', (log) => delete log.runs, '$.runs: is required'],
    ['no tool name', (log) => delete log.runs[0].tool.driver.name, '$.runs[0].tool.driver.name: is required'],
    ['a rule without id', (log) => delete log.runs[0].tool.driver.rules[0].id, '$.runs[0].tool.driver.rules[0].id: is required'],
    ['a result without message', (log) => delete log.runs[0].results[0].message, '$.runs[0].results[0].message: is required'],
    ['a ruleIndex out of range', (log) => (log.runs[0].results[0].ruleIndex = 9999), '$.runs[0].results[0].ruleIndex: no rule at index 9999'],
    ['a ruleIndex at another rule', (log) => (log.runs[0].results[0].ruleIndex = 1), '$.runs[0].results[0].ruleIndex: points at rule'],
    ['a bad level', (log) => (log.runs[0].results[0].level = 'information'), '$.runs[0].results[0].level: expected one of'],
    ['a 0-based column', (log) => (log.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0), 'region.startColumn: expected an integer >= 1'],
    ['an unencoded #', (log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a #1.py'), 'artifactLocation.uri: not a valid'],
    ['an unknown uriBaseId', (log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId = 'ROOT'), 'is not in originalUriBaseIds'],
    ['no executionSuccessful', (log) => delete log.runs[0].invocations[0].executionSuccessful, '$.runs[0].invocations[0].executionSuccessful: is required'],
    ['a bad columnKind', (log) => (log.runs[0].columnKind = 'bytes'), '$.runs[0].columnKind: expected one of'],
  ];
  for (const [what, breakIt, expected] of breakages) {
    it(`rejects ${what}`, () => {
      const log = structuredClone(valid);
      breakIt(log);
      const problems = validateSarif(log);
      assert.ok(problems.some((p) => p.includes(expected)), `expected "${expected}" in ${JSON.stringify(problems)}`);
    });
  }
});
