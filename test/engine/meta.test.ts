// Meta-tests: the catalog keeps its promises (one rule id = one file = one fixture = one
// note = one trend), the compiled dist/rules.json is current, and a broken rule fails the
// build with a message naming its file and field.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Query } from 'web-tree-sitter';
import { compileRules, RuleBuildError } from '../../src/build/compile-rules';
import { CHECKS, FAMILIES, GUARDS } from '../../src/engine/checks';
import { PythonParser } from '../../src/engine/parser';
import type { CompiledRuleSet } from '../../src/engine/types';
import { readRuleSet } from '../../src/node/load-engine';
import { DIST_DIR, REPO_ROOT } from '../helpers/engine';
import { FIXTURES_DIR } from '../helpers/fixtures';

const RULES_DIR = join(REPO_ROOT, 'rules');
const CHECKS_DIR = join(REPO_ROOT, 'src', 'engine', 'checks');
const FAMILIES_DIR = join(REPO_ROOT, 'src', 'engine', 'families');

function ruleFiles(): { family: string; file: string }[] {
  const files: { family: string; file: string }[] = [];
  for (const family of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!family.isDirectory() || family.name === 'trends') continue;
    for (const file of readdirSync(join(RULES_DIR, family.name))) files.push({ family: family.name, file });
  }
  return files;
}

describe('meta: the rule catalog', () => {
  let ruleSet: CompiledRuleSet;
  let parser: PythonParser;

  before(async () => {
    ruleSet = readRuleSet(DIST_DIR);
    parser = await PythonParser.create({
      runtime: readFileSync(join(DIST_DIR, 'tree-sitter.wasm')),
      python: readFileSync(join(DIST_DIR, 'tree-sitter-python.wasm')),
    });
  });
  after(() => parser?.delete());

  it('has rules and trends', () => {
    assert.ok(ruleSet.rules.length >= 3, `${ruleSet.rules.length} rules`);
    assert.ok(ruleSet.trends.length >= 3, `${ruleSet.trends.length} trends`);
  });

  it('dist/rules.json is what rules/ compiles to now (rebuild after editing a rule)', () => {
    // Through JSON, as the build writes it (undefined fields vanish).
    assert.deepEqual(JSON.parse(JSON.stringify(compileRules(RULES_DIR, parser))), ruleSet);
  });

  it('every rule file in rules/<family>/ is in the compiled set, and no other rule', () => {
    const fromFiles = ruleFiles().map(({ family, file }) => `${family}/${file}`).sort();
    const compiled = ruleSet.rules.map((r) => `${r.family}/${r.id}.yml`).sort();
    assert.deepEqual(compiled, fromFiles);
  });

  it('ids are unique, kebab-case, and equal their file name; families equal their folder', () => {
    const ids = ruleSet.rules.map((r) => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const rule of ruleSet.rules) {
      assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      assert.equal(rule.source, join('rules', rule.family, `${rule.id}.yml`));
      assert.ok(existsSync(join(REPO_ROOT, rule.source)), `${rule.source} does not exist`);
    }
  });

  it('every rule has a fixture test/fixtures/<family>/<id>.py', () => {
    const missing = ruleSet.rules.filter((r) => !existsSync(join(FIXTURES_DIR, r.family, `${r.id}.py`))).map((r) => r.id);
    assert.deepEqual(missing, []);
  });

  it('every rule has a trend page, a non-empty note, a title and a one-line message', () => {
    for (const rule of ruleSet.rules) {
      assert.ok(existsSync(join(RULES_DIR, 'trends', `${rule.trend}.md`)), `${rule.id}: no rules/trends/${rule.trend}.md`);
      assert.ok(ruleSet.trends.some((t) => t.id === rule.trend), `${rule.id}: trend ${rule.trend} not compiled`);
      assert.ok(rule.note.trim().length >= 40, `${rule.id}: note too short`);
      assert.ok(rule.title.trim().length > 0, `${rule.id}: empty title`);
      assert.doesNotMatch(rule.message, /\n/, `${rule.id}: message must be one line`);
    }
  });

  it('every trend page is linked by some rule and has a title and summary', () => {
    const pages = readdirSync(join(RULES_DIR, 'trends')).map((name) => basename(name, '.md')).sort();
    assert.deepEqual(ruleSet.trends.map((t) => t.id).sort(), pages);
    for (const page of pages) {
      assert.ok(ruleSet.rules.some((r) => r.trend === page), `rules/trends/${page}.md: no rule links to it`);
    }
    for (const trend of ruleSet.trends) {
      assert.ok(trend.title.trim(), `${trend.id}: empty title`);
      assert.ok(trend.summary.trim(), `${trend.id}: empty summary`);
    }
  });

  it('peers are well-formed codes of other tools', () => {
    for (const rule of ruleSet.rules) {
      for (const peer of rule.peers) assert.match(peer, /^[A-Z]+[0-9]+$/, `${rule.id}: peer ${peer}`);
      assert.equal(new Set(rule.peers).size, rule.peers.length, `${rule.id}: duplicate peers`);
    }
  });

  it('every query compiles, and its report capture and guard captures exist', () => {
    for (const rule of ruleSet.rules) {
      assert.ok(rule.query || rule.check, `${rule.id}: neither query nor check`);
      if (!rule.query) continue;
      const query = new Query(parser.language, rule.query);
      try {
        if (rule.report) assert.ok(query.captureNames.includes(rule.report), `${rule.id}: report @${rule.report}`);
        for (const guard of [...rule.guards, ...rule.fixes.flatMap((f) => f.guards ?? [])]) {
          assert.ok(GUARDS[guard.name], `${rule.id}: guard ${guard.name}`);
          if (guard.capture) assert.ok(query.captureNames.includes(guard.capture), `${rule.id}: guard capture @${guard.capture}`);
        }
      } finally {
        query.delete();
      }
    }
  });

  it('every check is registered, used by a rule of its family, and lives in src/engine/families/<family>/checks/<id>.ts', () => {
    const registered = Object.keys(CHECKS).sort();
    const files: string[] = [];
    for (const family of FAMILIES) {
      const folder = join(FAMILIES_DIR, family.name, 'checks');
      const own = readdirSync(folder).map((f) => basename(f, '.ts')).sort();
      assert.deepEqual(own, Object.keys(family.checks).sort(), `files in ${folder} and the ${family.name} package's checks differ`);
      files.push(...own);
      for (const id of own) {
        const rule = ruleSet.rules.find((r) => r.check === id);
        assert.equal(rule?.family, family.name, `check ${id} is in the ${family.name} package, its rule in ${rule?.family}`);
      }
    }
    assert.deepEqual(readdirSync(FAMILIES_DIR).sort(), FAMILIES.map((f) => f.name).sort(), 'folders in src/engine/families/ and the registry differ');
    assert.deepEqual(readdirSync(join(REPO_ROOT, 'rules')).filter((f) => !f.includes('.') && f !== 'trends').sort(), FAMILIES.map((f) => f.name).sort(), 'rules/<family>/ and src/engine/families/<family>/ differ');
    assert.deepEqual(files.sort(), registered, 'check files and the CHECKS registry differ');
    assert.deepEqual(readdirSync(CHECKS_DIR).sort(), ['context.ts', 'index.ts'], 'src/engine/checks/ holds only the registry and the check context');
    const used = new Set(ruleSet.rules.map((r) => r.check).filter(Boolean));
    assert.deepEqual(registered.filter((id) => !used.has(id)), [], 'registered checks no rule uses');
    for (const rule of ruleSet.rules) if (rule.check) assert.ok(CHECKS[rule.check], `${rule.id}: check ${rule.check} not registered`);
  });
});

describe('meta: a broken rule fails the build, naming file and field', () => {
  let parser: PythonParser;
  let root: string;
  const SLEEP = join('rules', 'async', 'blocking-sleep-in-async.yml');
  const original = readFileSync(join(REPO_ROOT, SLEEP), 'utf8');

  before(async () => {
    parser = await PythonParser.create({
      runtime: readFileSync(join(DIST_DIR, 'tree-sitter.wasm')),
      python: readFileSync(join(DIST_DIR, 'tree-sitter-python.wasm')),
    });
  });
  after(() => parser?.delete());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pymodern-rules-'));
    cpSync(RULES_DIR, join(root, 'rules'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Writes a file under the temp copy and returns the build's problems. */
  function problemsAfter(edits: Record<string, string>): string[] {
    for (const [file, text] of Object.entries(edits)) writeFileSync(join(root, file), text);
    try {
      compileRules(join(root, 'rules'), parser);
    } catch (error) {
      assert.ok(error instanceof RuleBuildError, `expected a RuleBuildError, got ${String(error)}`);
      assert.match(error.message, /^\d+ problem\(s\) in rules\/:\n/);
      return error.problems;
    }
    assert.fail('the broken rule compiled');
  }

  const edited = (from: string | RegExp, to: string) => {
    const text = original.replace(from, to);
    assert.notEqual(text, original, `the edit ${String(from)} did not apply`);
    return text;
  };

  it('the untouched copy compiles', () => {
    assert.deepEqual(compileRules(join(root, 'rules'), parser).rules.map((r) => r.id), readRuleSet(DIST_DIR).rules.map((r) => r.id));
  });

  it('a bad severity value', () => {
    const problems = problemsAfter({ [SLEEP]: edited('severity: warning', 'severity: fatal') });
    assert.ok(problems.includes(`${SLEEP}: severity: must be one of error, warning, information, hint`), problems.join('\n'));
  });

  it('an unknown field', () => {
    const problems = problemsAfter({ [SLEEP]: `${original}colour: red\n` });
    assert.ok(problems.includes(`${SLEEP}: (rule): unknown field "colour"`), problems.join('\n'));
  });

  it('a query that does not compile', () => {
    const problems = problemsAfter({ [SLEEP]: edited('function: [(identifier) (attribute)] @callee', 'function: [(identifier) (no_such_node)] @callee') });
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.ok(problems[0].startsWith(`${SLEEP}: query: does not compile: `), problems[0]);
    assert.match(problems[0], /no_such_node/);
  });

  it('an unknown guard', () => {
    const problems = problemsAfter({ [SLEEP]: edited('- name: in-async-function', '- name: in-async-func') });
    assert.deepEqual(problems, [`${SLEEP}: guards.0.name: unknown guard "in-async-func" (known: ${Object.keys(GUARDS).join(', ')})`]);
  });

  it('a guard capture the query does not have', () => {
    const problems = problemsAfter({ [SLEEP]: edited('capture: callee', 'capture: calee') });
    assert.deepEqual(problems, [`${SLEEP}: guards.1.capture: @calee is not in the query`]);
  });

  it('an id that differs from the file name', () => {
    const problems = problemsAfter({ [SLEEP]: edited('id: blocking-sleep-in-async', 'id: blocking-sleep') });
    assert.deepEqual(problems, [`${SLEEP}: id: "blocking-sleep" must equal the file name (blocking-sleep-in-async)`]);
  });

  /** Leaves blocking-sleep-in-async the only rule of its trend in the copy, so breaking it orphans the page. */
  const onlyRuleOfItsTrend = () => {
    for (const { family, file } of ruleFiles()) {
      const path = join(root, 'rules', family, file);
      if (join('rules', family, file) !== SLEEP && /^trend: async-first-services$/m.test(readFileSync(path, 'utf8'))) rmSync(path);
    }
  };

  it('a family that differs from the folder, and a trend without a page', () => {
    onlyRuleOfItsTrend();
    const problems = problemsAfter({ [SLEEP]: edited('family: async', 'family: asyncio').replace('trend: async-first-services', 'trend: async-everything') });
    assert.deepEqual(problems, [
      `${SLEEP}: family: "asyncio" must equal the folder name (async)`,
      `${SLEEP}: trend: no page rules/trends/async-everything.md`,
      'rules/trends/async-first-services.md: no rule links to this trend',
    ]);
  });

  it('a placeholder naming no capture', () => {
    const problems = problemsAfter({ [SLEEP]: edited('inside coroutine `{{$function}}`', 'inside coroutine `{{fn}}`') });
    assert.deepEqual(problems, [`${SLEEP}: message: placeholder {{fn}} names no capture of the query`]);
  });

  it('invalid YAML', () => {
    onlyRuleOfItsTrend();
    const problems = problemsAfter({ [SLEEP]: `${original}peers: [unclosed\n` });
    const own = problems.filter((p) => p.startsWith(`${SLEEP}: `));
    assert.ok(own.length >= 1, problems.join('\n'));
    for (const problem of own) assert.ok(problem.startsWith(`${SLEEP}: invalid YAML: `), problem);
    // The rule is dropped, so its trend page is now unlinked: reported too.
    assert.deepEqual(problems.filter((p) => !own.includes(p)), ['rules/trends/async-first-services.md: no rule links to this trend']);
  });

  it('a check that is not registered', () => {
    const file = join('rules', 'typing', 'missing-return-annotation.yml');
    const text = readFileSync(join(root, file), 'utf8').replace('check: missing-return-annotation', 'check: no-such-check');
    assert.deepEqual(problemsAfter({ [file]: text }), [`${file}: check: "no-such-check" is not registered: add it to its family's package (src/engine/families/<family>/index.ts)`]);
  });
});
