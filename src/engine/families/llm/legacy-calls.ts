// What the llm rules about legacy SDK calls (openai 0.x, anthropic Text Completions) share
// beyond the clients (clients.ts): every call of the file, a free name for what a fix adds,
// and whether code is written for the old SDK on purpose (a version test chose it).
import type { Node, Tree } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { inBranchTesting } from '../../compat-branches';
import { wordOccurrences } from '../../name-occurrences';

/**
 * Every call in the file, also outside the def an incremental analysis looks at: a fix that
 * removes an import once its last use is rewritten must see the same calls either way.
 */
export function callsInFile(facts: SemanticFacts): Node[] {
  return facts.tree.rootNode.descendantsOfType('call').filter((n): n is Node => !!n);
}

/** The first of `candidates` that occurs nowhere in the file (not even in a string or a comment). */
export function freeName(facts: SemanticFacts, candidates: readonly string[]): string | undefined {
  return candidates.find((name) => wordOccurrences(facts, facts.text, name).length === 0);
}

const VERSION_TEST = /__version__|is_openai_v1|openai_v1|_V1\b|\bversion\s*\(|VERSION/;

/** A file that tests the openai version anywhere (`is_openai_v1()`, `openai.__version__`) supports both majors on purpose. */
const FILE_SUPPORTS_BOTH = /\bis_openai_v1\s*\(|\bopenai\.(?:__version__|version\.VERSION)\b|\b(?:IS_)?OPENAI_V[01]\b|\bopenai_version\b/i;

/**
 * True for code written for openai 0.x on purpose: in a branch that tests the SDK's version
 * (`if is_openai_v1(): … else: openai.Completion.create(…)`), after an early
 * `if is_openai_v1(): return …`, or anywhere in a file that tests the openai version (its
 * 0.x helpers, such as a retry decorator over `openai.error.*`, serve the other branch).
 */
export function inVersionBranch(node: Node): boolean {
  let both = supportsBoth.get(node.tree);
  if (both === undefined) supportsBoth.set(node.tree, (both = FILE_SUPPORTS_BOTH.test(node.tree.rootNode.text)));
  return both || inBranchTesting(node, VERSION_TEST);
}

const supportsBoth = new WeakMap<Tree, boolean>();
