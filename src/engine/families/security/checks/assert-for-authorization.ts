// assert-for-authorization: an `assert` whose condition names authentication or permission
// (`assert user.is_admin`, `assert request.user.has_perm(...)`, `assert token_valid`) outside
// tests. `python -O` (and PYTHONOPTIMIZE) compiles asserts away, so the check disappears in
// exactly the deployments that turn optimisation on. Plain asserts (invariants, type
// narrowing, None checks) are not reported: that is what assert is for.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';
import { looksLikeTestModule } from '../test-modules';

/** Words that make a name about who may do what. */
const AUTH_WORDS = new Set([
  'auth', 'authn', 'authz', 'authenticate', 'authenticated', 'authentication', 'authorize', 'authorized', 'authorise',
  'authorised', 'authorization', 'authorisation', 'permission', 'permissions', 'permitted', 'perm', 'perms', 'admin', 'superuser', 'staff', 'owner', 'privilege', 'privileges', 'privileged', 'acl', 'login', 'logged',
]);
/** `role` alone is often a chat message's role; it speaks of access in `has_role` or next to a user. */
const ROLE_WORDS = new Set(['role', 'roles']);
/** `token` alone is a lexer's token; with one of these in the same name it is a credential. */
const TOKEN_COMPANIONS = new Set(['valid', 'verified', 'verify', 'check', 'expired', 'access', 'bearer', 'csrf', 'jwt', 'refresh', 'session', 'api']);
/** Calls that test a value's shape, not a permission. */
const SHAPE_TESTS = new Set(['builtins.isinstance', 'builtins.issubclass', 'builtins.hasattr', 'builtins.callable', 'builtins.len', 'builtins.type']);

export function createAssertForAuthorization(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  let testModule: boolean | undefined;
  return {
    match(captures) {
      const statement = captures.assert;
      const [condition, message] = (statement?.namedChildren ?? []).filter((c): c is Node => !!c && c.type !== 'comment');
      if (!statement || !condition) return;
      testModule ??= looksLikeTestModule(facts);
      if (testModule || isShapeTest(facts, condition)) return;
      const word = authWord(condition);
      if (!word || !context.isSound(statement)) return;
      const replacement = raiseForm(context.text, statement, condition, message);
      context.report({
        node: statement,
        data: { name: word },
        fixes: replacement ? [{ title: 'Raise `PermissionError` instead of asserting', safety: 'unsafe', edits: [{ start: statement.startIndex, end: statement.endIndex, newText: replacement }] }] : [],
        suggestion: replacement ? '```python\n' + replacement.replace(/^\s+/gm, (s) => s.slice(columnOf(context.text, statement.startIndex))) + '\n```' : undefined,
        peer: 'S101',
      });
    },
  };
}

/** `isinstance(user, User)`, `user is not None`, `len(roles) == 2`: shape, not permission. */
function isShapeTest(facts: SemanticFacts, condition: Node): boolean {
  let node = condition;
  if (node.type === 'not_operator') node = node.childForFieldName('argument') ?? node;
  if (node.type === 'comparison_operator') {
    if (node.namedChildren.some((c) => c?.type === 'none')) return true;
    node = node.namedChildren[0] ?? node;
  }
  const callee = node.type === 'call' ? node.childForFieldName('function') : undefined;
  const qualified = callee ? facts.resolve(callee) : undefined;
  return qualified !== undefined && SHAPE_TESTS.has(qualified);
}

/** The first name in the condition (outside strings) that speaks of authorization. */
function authWord(condition: Node): string | undefined {
  const names = namesIn(condition).map((name) => ({ name, words: name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split('_').filter(Boolean) }));
  const mentionsUser = names.some(({ words }) => words.includes('user'));
  for (const { name, words } of names) {
    if (words.some((w) => AUTH_WORDS.has(w))) return name;
    if (words.includes('token') && words.some((w) => TOKEN_COMPANIONS.has(w))) return name;
    if (words.some((w) => ROLE_WORDS.has(w)) && (words.length > 1 || mentionsUser)) return name;
  }
  return undefined;
}

/** The identifiers of an expression in source order, outside strings and lambdas. */
function namesIn(condition: Node): string[] {
  const names: string[] = [];
  const stack: Node[] = [condition];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'string' || node.type === 'lambda') continue;
    if (node.type === 'identifier') names.push(node.text);
    for (let i = node.namedChildCount - 1; i >= 0; i--) stack.push(node.namedChildren[i]!);
  }
  return names;
}

/** `if not (cond):\n    raise PermissionError(msg)` at the assert's indentation; undefined when it shares its line. */
function raiseForm(text: string, statement: Node, condition: Node, message: Node | undefined): string | undefined {
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = text.slice(lineStart, statement.startIndex);
  if (!/^[ \t]*$/.test(indent) || statement.parent?.type === 'ERROR') return undefined;
  if (!['module', 'block'].includes(statement.parent?.type ?? '')) return undefined;
  const after = text.slice(statement.endIndex, text.indexOf('\n', statement.endIndex) === -1 ? text.length : text.indexOf('\n', statement.endIndex));
  if (/^\s*;/.test(after)) return undefined;
  const primary = ['identifier', 'attribute', 'call', 'subscript', 'parenthesized_expression'].includes(condition.type);
  const test = condition.type === 'not_operator' ? condition.childForFieldName('argument')!.text : primary ? `not ${condition.text}` : `not (${condition.text})`;
  const unit = indent.includes('\t') ? '\t' : '    ';
  return `if ${test}:\n${indent}${unit}raise PermissionError${message ? `(${message.text})` : ''}`;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
