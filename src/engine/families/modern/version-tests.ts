// What a `sys.version_info` test says at the target: always true, always false, a version
// that cannot be real, or nothing (the target does not decide it). Ruff's UP036 rules:
// `sys.version_info` (or a `[:n]` slice) against a tuple of int literals with <, <=, >, >=;
// the major version (`[0]`, `.major`) against 2 or 3 with any comparison; the tuple with
// `==`/`!=` against an int. Only the target's lower bound is known, so a comparison with a
// version newer than the target says nothing.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import type { PythonVersion } from '../../types';

export type VersionVerdict = 'true' | 'false' | 'invalid';

export interface VersionTest {
  verdict: VersionVerdict;
  /** The node the finding takes: the whole test, or the invalid version tuple. */
  node: Node;
  /** `sys.version_info == 3`: a tuple compared with an int, never equal whatever the version. */
  tupleVersusInt?: true;
}

const ORDERINGS = new Set(['<', '<=', '>', '>=']);

export function evaluateVersionTest(test: Node, facts: SemanticFacts, target: PythonVersion): VersionTest | undefined {
  if (test.type !== 'comparison_operator' || test.childCount !== 3) return undefined;
  const left = test.child(0)!;
  const operator = test.child(1)!.type;
  const right = test.child(2)!;
  if (right.type === 'tuple' && ORDERINGS.has(operator) && isVersionInfo(stripSlice(left), facts)) {
    const version = intElements(right);
    if (!version) return undefined;
    const lower = operator === '<' || operator === '<=';
    const always = versionAlwaysLessThan(version, target, operator === '<=' || operator === '>');
    if (always === 'invalid') return { verdict: 'invalid', node: right };
    if (!always) return undefined;
    return { verdict: lower ? 'false' : 'true', node: test };
  }
  // Ruff reads `sys.version_info == 3` as a major-version test; the tuple never equals an
  // int, so the test is always false (`!=` always true), and the fix keeps the branch that runs.
  if (right.type === 'integer' && (operator === '==' || operator === '!=') && isVersionInfo(stripSlice(left), facts)) {
    return { verdict: operator === '==' ? 'false' : 'true', node: test, tupleVersusInt: true };
  }
  if (right.type === 'integer' && isMajorVersion(left, facts)) {
    if (!/^\d+$/.test(right.text)) return undefined;
    const verdict = majorVerdict(operator, Number(right.text));
    return verdict ? { verdict, node: verdict === 'invalid' ? right : test } : undefined;
  }
  return undefined;
}

/**
 * Ruff's `version_always_less_than`: whether every interpreter of the target or newer has a
 * version above `version` (`orEqual`: strictly above, for `<=` and `>`). Micro versions count
 * only as `(3, N, 0)`; a part that is no small non-negative int makes the version invalid.
 */
function versionAlwaysLessThan(version: number[], target: PythonVersion, orEqual: boolean): boolean | 'invalid' {
  const [major, minor, micro] = version;
  if (!isPart(major)) return 'invalid';
  if (major !== target[0]) return major < target[0];
  if (minor === undefined) return true;
  if (!isPart(minor)) return 'invalid';
  if (micro !== undefined && !isPart(micro)) return 'invalid';
  if (orEqual) return minor < target[1];
  if (micro !== undefined) return minor < target[1] || (minor === target[1] && micro === 0);
  return minor <= target[1];
}

function isPart(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= 255;
}

/**
 * The major version is 3 on every target, and (as Ruff has it) no Python 4 is coming: `> 3`
 * is always false, `<= 3` always true. Other small ints say nothing; a huge one is invalid.
 */
function majorVerdict(operator: string, value: number): VersionVerdict | undefined {
  if (value > 255) return 'invalid';
  if (value !== 2 && value !== 3) return undefined;
  const major = 3;
  switch (operator) {
    case '==': return major === value ? 'true' : 'false';
    case '!=': return major !== value ? 'true' : 'false';
    case '<': return major < value ? 'true' : 'false';
    case '<=': return major <= value ? 'true' : 'false';
    case '>': return major > value ? 'true' : 'false';
    case '>=': return major >= value ? 'true' : 'false';
  }
  return undefined;
}

function stripSlice(node: Node): Node {
  if (node.type !== 'subscript') return node;
  const slice = node.childForFieldName('subscript');
  return slice?.type === 'slice' ? node.childForFieldName('value')! : node;
}

/** `sys.version_info[0]` or `sys.version_info.major`. */
function isMajorVersion(node: Node, facts: SemanticFacts): boolean {
  if (node.type === 'subscript') {
    const index = node.childForFieldName('subscript');
    return index?.type === 'integer' && index.text === '0' && isVersionInfo(node.childForFieldName('value'), facts);
  }
  if (node.type === 'attribute') {
    return node.childForFieldName('attribute')?.text === 'major' && isVersionInfo(node.childForFieldName('object'), facts);
  }
  return false;
}

function isVersionInfo(node: Node | null, facts: SemanticFacts): boolean {
  return !!node && (node.type === 'attribute' || node.type === 'identifier') && facts.resolve(node) === 'sys.version_info';
}

/** The ints of a tuple of int literals, or undefined (a string, a name, a negative number). */
function intElements(tuple: Node): number[] | undefined {
  const values: number[] = [];
  for (const element of tuple.namedChildren) {
    if (!element || element.type === 'comment') continue;
    if (element.type !== 'integer' || !/^\d+$/.test(element.text)) return undefined;
    values.push(Number(element.text));
  }
  return values.length ? values : undefined;
}
