// What the llm rules about legacy SDK calls (openai 0.x, anthropic Text Completions) share
// beyond the clients (clients.ts): every call of the file, a free name for what a fix adds,
// and whether code sits in a branch that tests the SDK's version.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
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

/**
 * True inside a branch of an `if` (or a conditional expression) that tests the SDK's
 * version (`if is_openai_v1(): … else: openai.Completion.create(…)`): code that supports both
 * major versions on purpose.
 */
export function inVersionBranch(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    // `if <version test>: return …` earlier in the same block: the code after it is the other branch.
    for (let previous = current.previousNamedSibling; previous; previous = previous.previousNamedSibling) {
      if (previous.type === 'if_statement' && VERSION_TEST.test(previous.childForFieldName('condition')?.text ?? '')) return true;
    }
    if (current.type === 'if_statement') {
      const conditions = [current.childForFieldName('condition'), ...current.namedChildren.filter((c) => c?.type === 'elif_clause').map((c) => c!.childForFieldName('condition'))];
      if (conditions.some((c) => c && VERSION_TEST.test(c.text))) return true;
    } else if (current.type === 'conditional_expression') {
      const condition = current.namedChild(1);
      if (condition && VERSION_TEST.test(condition.text) && !within(node, condition)) return true;
    }
  }
  return false;
}

function within(node: Node, outer: Node): boolean {
  return node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}
