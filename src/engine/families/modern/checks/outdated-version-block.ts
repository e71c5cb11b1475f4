// outdated-version-block (UP036): an `if`/`elif` on `sys.version_info` that the target
// decides. An always-false branch goes (an `elif` after it becomes the `if`, a lone `else`
// is dedented in its place); an always-true branch stays, dedented, and the branches after
// it go. Ruff's fixes, unsafe as Ruff's: they delete code and comments of the dead branches.
// Ternaries, `while` and `PY2 = sys.version_info[0] == 2` flags are left alone (as Ruff).
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { forEachNode } from '../../../tree-walk';
import type { Fix, TextEdit } from '../../../types';
import { codeEnd, deleteStatementEdit, keepBlockEdit } from '../block-edits';
import { evaluateVersionTest, type VersionVerdict } from '../version-tests';

const FIX_TITLE = 'Remove the outdated version block (unsafe: deletes the dead code and its comments)';

export function createOutdatedVersionBlock(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!context.text.includes('version_info')) return;
      const target = context.facts.targetVersion;
      const version = `${target[0]}.${target[1]}`;
      forEachNode(context.tree.rootNode, (node) => {
        if (node.type !== 'if_statement' || !context.isSound(node)) return;
        const branches = [node, ...node.namedChildren.filter((c): c is Node => c?.type === 'elif_clause')];
        for (const branch of branches) {
          const condition = branch.childForFieldName('condition');
          if (!condition) continue;
          const test = evaluateVersionTest(condition, context.facts, target);
          if (!test) continue;
          if (test.verdict === 'invalid') {
            context.report({ node: test.node, data: { detail: `\`${test.node.text}\` is not a valid Python version` }, peer: 'UP036' });
            continue;
          }
          const edit = branchEdit(context.text, node, branch, test.verdict);
          const fixes: Fix[] = edit ? [{ title: FIX_TITLE, safety: 'unsafe', edits: [edit] }] : [];
          context.report({
            node: condition,
            data: { detail: test.tupleVersusInt ? tupleDetail(condition.text, test.verdict) : detail(condition.text, test.verdict, version, branch !== branches[branches.length - 1] || hasElse(node)) },
            fixes,
            peer: 'UP036',
            suggestion: edit ? suggestion(edit) : undefined,
          });
        }
      });
    },
  };
}

function detail(test: string, verdict: VersionVerdict, version: string, followed: boolean): string {
  if (verdict === 'false') return `\`${test}\` is always false at target Python ${version}: this branch is dead`;
  return followed
    ? `\`${test}\` is always true at target Python ${version}: the branches after it are dead`
    : `\`${test}\` is always true at target Python ${version}: the test is outdated`;
}

function tupleDetail(test: string, verdict: VersionVerdict): string {
  return `\`${test}\` is always ${verdict}: a version tuple never equals an int (compare \`sys.version_info[0]\`)`;
}

function hasElse(statement: Node): boolean {
  return statement.namedChildren.some((c) => c?.type === 'else_clause');
}

function branchEdit(text: string, statement: Node, branch: Node, verdict: VersionVerdict): TextEdit | undefined {
  const end = codeEnd(statement);
  const clauses = statement.namedChildren.filter((c): c is Node => c?.type === 'elif_clause' || c?.type === 'else_clause');
  if (verdict === 'true') {
    if (branch === statement) return keepBlockEdit(text, statement, statement.childForFieldName('consequence')!, end);
    // `elif` always true: it becomes the `else`, and what follows goes.
    const body = branch.childForFieldName('consequence');
    const condition = branch.childForFieldName('condition');
    if (!body || !condition) return undefined;
    return { start: branch.startIndex, end, newText: `else${text.slice(condition.endIndex, codeEnd(branch))}` };
  }
  if (branch === statement) {
    const next = clauses[0];
    if (!next) return deleteStatementEdit(text, statement, end);
    // `if <dead>: … elif x:` → `if x:`
    if (next.type === 'elif_clause') return { start: statement.startIndex, end: next.startIndex + 2, newText: '' };
    return keepBlockEdit(text, statement, next.childForFieldName('body')!, end);
  }
  const index = clauses.indexOf(branch);
  const following = clauses[index + 1];
  if (following) return { start: branch.startIndex, end: following.startIndex, newText: '' };
  const previous = index > 0 ? clauses[index - 1] : statement.childForFieldName('consequence')!;
  return { start: codeEnd(previous), end: codeEnd(branch), newText: '' };
}

function suggestion(edit: TextEdit): string {
  const kept = edit.newText.trim();
  if (!kept || kept === 'pass') return 'Remove the dead block: the target never runs it.';
  const lines = kept.split('\n');
  const shown = lines.length > 8 ? [...lines.slice(0, 8), '...'] : lines;
  return `Keep only the live code:\n\`\`\`python\n${shown.join('\n')}\n\`\`\`\n`;
}
