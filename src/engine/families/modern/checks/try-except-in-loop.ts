// try-except-in-loop (PERF203): a `try`/`except` that is the whole body of a `for` or
// `while` loop, below 3.11. Before 3.11 entering a `try` block cost a setup instruction on
// every iteration; 3.11's zero-cost exceptions (exception tables) removed it, so from a 3.11
// target the rule is silent. As Ruff: the try must have an `except`, and a `break` or
// `continue` in the try body (which the handler's control flow relies on) keeps it silent,
// and so does `async for`.
// No fix: moving the `try` out of the loop changes which iterations still run.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { forEachNode } from '../../../tree-walk';
import { codeEnd, statementsOf } from '../block-edits';

const ZERO_COST_EXCEPTIONS: readonly [number, number] = [3, 11];
const HANDLERS = new Set(['except_clause', 'except_group_clause']);
const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);

export function createTryExceptInLoop(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const [major, minor] = context.facts.targetVersion;
      if (major > ZERO_COST_EXCEPTIONS[0] || (major === ZERO_COST_EXCEPTIONS[0] && minor >= ZERO_COST_EXCEPTIONS[1])) return;
      if (!context.text.includes('try')) return;
      forEachNode(context.tree.rootNode, (node) => {
        if (node.type !== 'for_statement' && node.type !== 'while_statement') return;
        const body = statementsOf(node.childForFieldName('body'));
        const statement = body.length === 1 ? body[0] : undefined;
        if (statement?.type !== 'try_statement' || !context.isSound(statement)) return;
        const handler = statement.namedChildren.find((c): c is Node => !!c && HANDLERS.has(c.type));
        const tryBody = statement.childForFieldName('body');
        if (!handler || !tryBody || hasLoopControl(tryBody)) return;
        // Ruff leaves `async for` alone: its iterations await anyway.
        if (node.type === 'for_statement' && node.firstChild?.type === 'async') return;
        const loop = node.type === 'for_statement' ? 'for' : 'while';
        context.report({
          node: handler,
          range: { start: handler.startIndex, end: codeEnd(handler) },
          data: { loop, version: `${major}.${minor}` },
          peer: 'PERF203',
          suggestion: SUGGESTION,
        });
      });
    },
  };
}

/** A `break` or `continue` anywhere in the try body, nested defs and classes aside (Ruff's visitor). */
function hasLoopControl(block: Node): boolean {
  let found = false;
  const visit = (node: Node) => {
    if (found) return;
    if (node.type === 'break_statement' || node.type === 'continue_statement') {
      found = true;
      return;
    }
    if (SCOPES.has(node.type)) return;
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(block);
  return found;
}

const SUGGESTION = [
  'Raise the target to Python 3.11+ (the cost is gone there), or, when one failure may end the loop, wrap the loop:',
  '```python',
  'try:',
  '    for item in items:',
  '        handle(item)',
  'except ValueError:',
  '    ...',
  '```',
  '',
].join('\n');
