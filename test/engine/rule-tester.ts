// A RuleTester in typescript-eslint's shape: per rule, `valid` snippets that must produce no
// finding and `invalid` snippets with their exact errors and fix output.
//
// Positions are 1-based, like ESLint and the CLI: `line`/`endLine` count lines from 1,
// `column`/`endColumn` count UTF-16 code units from 1 (what VS Code shows), and the end is
// exclusive (`endColumn` is the column just after the last character).
// `output` is the text after `fixAll` with safe fixes only; `null` asserts that nothing is
// fixed (no fix, or only unsafe ones). Only the rule under test is enabled.
import assert from 'node:assert/strict';
import type { Engine } from '../../src/engine/engine';
import type { Finding, RuleConfig } from '../../src/engine/types';
import { getEngine } from '../helpers/engine';
import { pythonSyntaxError } from '../helpers/fixtures';

export interface ExpectedError {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** An expected finding at 1-based `line:column`-`endLine:endColumn`. */
export function expectedError(rule: string, line: number, column: number, endLine: number, endColumn: number, message: string): ExpectedError {
  return { rule, line, column, endLine, endColumn, message };
}

export interface InvalidCase {
  code: string;
  errors: ExpectedError[];
  /** The text after safe fixes; null when nothing may be fixed. */
  output: string | null;
}

export interface RuleTests {
  valid: string[];
  invalid: InvalidCase[];
}

/** Codes that appear more than once among the valid and invalid cases. */
export function duplicateCases(tests: RuleTests): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const code of [...tests.valid, ...tests.invalid.map((c) => c.code)]) {
    if (seen.has(code) && !duplicates.includes(code)) duplicates.push(code);
    seen.add(code);
  }
  return duplicates;
}

export function errorsOf(findings: readonly Finding[]): ExpectedError[] {
  return findings.map((f) => ({
    rule: f.rule,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    message: f.message,
  }));
}

const MIN_CASES = 6;

export function ruleTester(ruleId: string, tests: RuleTests): void {
  describe(ruleId, () => {
    let engine: Engine;
    const config: RuleConfig = { select: [ruleId] };
    before(async () => {
      engine = await getEngine();
      assert.ok(engine.rule(ruleId), `no rule "${ruleId}" in dist/rules.json`);
    });

    it('has no duplicate cases', () => {
      assert.deepEqual(duplicateCases(tests), [], 'duplicate test cases');
    });

    it(`has at least ${MIN_CASES} valid and ${MIN_CASES} invalid cases`, () => {
      assert.ok(tests.valid.length >= MIN_CASES, `${tests.valid.length} valid cases`);
      assert.ok(tests.invalid.length >= MIN_CASES, `${tests.invalid.length} invalid cases`);
    });

    tests.valid.forEach((code, i) => {
      it(`valid #${i + 1}: ${title(code)}`, () => {
        const findings = engine.analyzeText(code, config);
        assert.deepEqual(errorsOf(findings).map((e) => `Noisy ${e.line}:${e.column} ${e.message}`), []);
      });
    });

    tests.invalid.forEach((test, i) => {
      it(`invalid #${i + 1}: ${title(test.code)}`, () => {
        assert.ok(test.errors.length > 0, 'an invalid case must assert at least one error');
        for (const error of test.errors) assert.equal(error.rule, ruleId, 'an error of another rule cannot occur here');
        assert.deepEqual(errorsOf(engine.analyzeText(test.code, config)), test.errors);
        const fixed = engine.fixAll(test.code, config, { unsafe: false, rules: new Set([ruleId]) }).text;
        if (test.output === null) {
          assert.equal(fixed, test.code, 'expected no fix (output: null)');
        } else {
          assert.notEqual(test.output, test.code, 'output equals code: use output: null to assert that nothing is fixed');
          assert.equal(fixed, test.output);
          assert.equal(pythonSyntaxError(fixed), null, 'the fixed code is not valid Python');
        }
      });
    });
  });
}

function title(code: string): string {
  const flat = code.replace(/\r?\n/g, '⏎');
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
}

export interface PeerCase {
  rule: string;
  code: string;
  /** The `peer` of each finding, in order (null: no peer tool has the check). */
  peers: (string | null)[];
  config?: RuleConfig;
}

/** One test per case: the rule's findings on `code` carry exactly these peer codes. */
export function peerCases(engine: () => Engine, cases: readonly PeerCase[]): void {
  for (const { rule, code, peers, config } of cases) {
    it(`${rule}: ${peers.join(', ')}`, () => {
      const findings = engine().analyzeText(code, { ...config, select: [rule] });
      assert.deepEqual(
        findings.map((f) => f.peer ?? null),
        peers,
      );
    });
  }
}
