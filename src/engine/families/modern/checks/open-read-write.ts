// open-read-write (FURB101 / FURB103): `with open(p) as f: data = f.read()` is
// `data = Path(p).read_text()`, and `with open(p, "w") as f: f.write(s)` is
// `Path(p).write_text(s)`. Only the one-item `with` whose body is one statement using the
// file once, by the read or the write of the whole file, and whose file name is read nowhere
// after it; `open()` with a literal mode and only the keywords the Path method takes.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import { forEachNode } from '../../../tree-walk';
import type { Fix } from '../../../types';
import { isNonEmptyStringLiteral, isNotPathLike, isPathValue } from '../pathlib-values';
import { splitArguments } from '../../../call-arguments';

type Operation = 'read_text' | 'read_bytes' | 'write_text' | 'write_bytes';

const MODES: Readonly<Record<string, Operation>> = {
  r: 'read_text', rt: 'read_text', tr: 'read_text',
  rb: 'read_bytes', br: 'read_bytes',
  w: 'write_text', wt: 'write_text', tw: 'write_text',
  wb: 'write_bytes', bw: 'write_bytes',
};

const TEXT_KEYWORDS = ['encoding', 'errors', 'newline'];
const VALUE_CHANGES = '`Path(x)` rejects bytes and file descriptors, and `Path("")` is the current directory';

export function createOpenReadWrite(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const [major, minor] = facts.targetVersion;
  const atLeast = (wanted: number) => major > 3 || (major === 3 && minor >= wanted);
  return {
    match({ with: statement }) {
      if (!statement || statement.children[0]?.type === 'async' || !context.isSound(statement)) return;
      const items = statement.namedChildren.find((c) => c?.type === 'with_clause')?.namedChildren.filter((c) => c?.type === 'with_item') ?? [];
      if (items.length !== 1) return;
      const pattern = items[0]!.childForFieldName('value');
      const call = pattern?.type === 'as_pattern' ? pattern.namedChildren[0] : undefined;
      const alias = pattern?.childForFieldName('alias')?.namedChildren[0];
      if (call?.type !== 'call' || alias?.type !== 'identifier') return;
      const callee = call.childForFieldName('function')!;
      // `open(p, …)`, or `p.open(…)` on a provable Path (the file is then the receiver).
      const receiver = callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'open' ? callee.childForFieldName('object')! : undefined;
      const pathOpen = !!receiver && isPathValue(facts, receiver);
      if (!pathOpen && facts.resolve(callee) !== 'builtins.open') return;
      const opened = openArguments(call.childForFieldName('arguments')!, pathOpen ? receiver : undefined);
      if (!opened || isNotPathLike(facts, opened.file)) return;
      const operation = MODES[opened.mode];
      if (!operation) return;
      const binary = operation.endsWith('bytes');
      if ([...opened.keywords.keys()].some((name) => binary || !TEXT_KEYWORDS.includes(name))) return;
      // `read_text(newline=)` is 3.13+, `write_text(newline=)` 3.10+.
      if (opened.keywords.has('newline') && !atLeast(operation === 'read_text' ? 13 : 10)) return;
      const body = statement.childForFieldName('body');
      const statements = body?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
      const kind = operation.startsWith('read') ? 'read' : 'write';
      const holders = statements.filter((line) => line.descendantsOfType('identifier').some((id) => id?.text === alias.text));
      const use = holders.length === 1 && !isCompound(holders[0]) ? soleUse(holders[0], alias.text, kind) : undefined;
      if (!use || readAfter(statement, alias.text)) return;
      // Other statements in the block: reported, and the hover shows the call; no fix moves them out.
      if (statements.length > 1) {
        context.report({ node: call, data: { method: use.method, modern: operation }, fixes: [], suggestion: `Read or write with \`Path(…).${operation}()\` where \`${oneLine(use.call.text)}\` is, and drop the \`with\`.`, peer: kind === 'read' ? 'FURB101' : 'FURB103' });
        return;
      }
      const plan = new ImportPlan(facts, context.text);
      const fileIsPath = isPathValue(facts, opened.file);
      const pathName = fileIsPath ? undefined : plan.reference('pathlib', 'Path', call);
      const path = fileIsPath ? atomText(opened.file) : pathName && `${pathName}(${opened.file.text})`;
      const keywords = [...opened.keywords].map(([name, value]) => `${name}=${value.text}`);
      const argumentsText = [...(use.data ? [use.data.text] : []), ...keywords].join(', ');
      const replacement = path && `${path}.${operation}(${argumentsText})`;
      const importEdits = plan.edits();
      let fix: Fix | undefined;
      let rewritten: string | undefined;
      if (replacement && importEdits) {
        const line = statements[0];
        rewritten = dedent(context.text.slice(line.startIndex, use.call.startIndex) + replacement + context.text.slice(use.call.endIndex, line.endIndex), line, statement);
        const unsafe = fileIsPath || isNonEmptyStringLiteral(opened.file, facts) ? unsafeReason(statement, use.data) : VALUE_CHANGES;
        fix = {
          title: `Use \`${replacement}\`${unsafe ? ` (unsafe: ${unsafe})` : ''}`,
          safety: unsafe ? 'unsafe' : 'safe',
          edits: [...importEdits, { start: statement.startIndex, end: statement.endIndex, newText: rewritten }],
        };
      }
      context.report({
        node: call,
        data: { method: use.method, modern: operation },
        fixes: fix ? [fix] : [],
        suggestion: rewritten ? '```python\n' + rewritten + '\n```' : `Use \`Path(…).${operation}()\`.`,
        peer: operation.startsWith('read') ? 'FURB101' : 'FURB103',
      });
    },
  };

  /** Where the fix changes more than the spelling: comments go, or the data is computed before the file is opened. */
  function unsafeReason(statement: Node, data: Node | undefined): string | undefined {
    if (statement.descendantsOfType('comment').length) return 'it drops the comments of the `with` statement';
    if (data && !['identifier', 'string', 'integer', 'attribute'].includes(data.type)) return 'the data is computed before the file is opened, not after';
    if (data?.type === 'string' && data.descendantsOfType('interpolation').length) return 'the data is computed before the file is opened, not after';
    return undefined;
  }

  /**
   * Whether the `with` target is read after the statement in its scope (`f.name`, `f.closed`)
   * before a rebinding in the same block (the next `with open(q) as f`).
   */
  function readAfter(statement: Node, name: string): boolean {
    const scope = facts.scopeOf(statement);
    let verdict: boolean | undefined;
    forEachNode(scope.node, (node) => {
      if (verdict !== undefined || node.startIndex < statement.endIndex || node.type !== 'identifier' || node.text !== name) return;
      const parent = node.parent;
      if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(node)) return;
      if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(node)) return;
      if (exclusiveBranches(statement, node, scope.node) || inLaterWith(statement, node, name, scope.node)) return;
      const rebinding = rebindingStatement(node);
      if (rebinding) {
        if (rebinding.parent?.equals(statement.parent!)) verdict = false;
        return;
      }
      verdict = true;
    });
    return verdict === true;
  }
}

/**
 * Whether `later` sits in another branch of an `if` than `statement` (`if` body vs `elif` /
 * `else`), with no loop around the `if` that could run both.
 */
function exclusiveBranches(statement: Node, later: Node, scopeNode: Node): boolean {
  const ancestors: Node[] = [];
  for (let node: Node | null = statement; node && !node.equals(scopeNode); node = node.parent) ancestors.push(node);
  let child: Node = later;
  for (let node: Node | null = later.parent; node && !node.equals(scopeNode); child = node, node = node.parent) {
    const index = ancestors.findIndex((a) => a.equals(node!));
    if (index < 1) continue;
    if (node.type !== 'if_statement' || ancestors[index - 1].equals(child)) return false;
    for (let up: Node | null = node.parent; up && !up.equals(scopeNode); up = up.parent) if (up.type === 'for_statement' || up.type === 'while_statement') return false;
    return true;
  }
  return false;
}

/** Whether `later` is in the body of a later `with … as <name>`: it names that file. */
function inLaterWith(statement: Node, later: Node, name: string, scopeNode: Node): boolean {
  for (let node: Node | null = later.parent; node && !node.equals(scopeNode); node = node.parent) {
    if (node.type !== 'block' || node.parent?.type !== 'with_statement' || node.parent.startIndex < statement.endIndex) continue;
    const targets = node.parent.descendantsOfType('as_pattern_target').filter((t) => t && t.startIndex < node!.startIndex);
    if (targets.some((t) => t?.text === name)) return true;
  }
  return false;
}

/** The statement a name occurrence rebinds (`with … as f`, `f = …`), if it is a plain binding. */
function rebindingStatement(identifier: Node): Node | undefined {
  const parent = identifier.parent;
  if (parent?.type === 'as_pattern_target') {
    const statement = parent.parent?.parent?.parent?.parent;
    return statement?.type === 'with_statement' ? statement : undefined;
  }
  if (parent?.type === 'assignment' && parent.childForFieldName('left')?.equals(identifier)) {
    return parent.parent?.type === 'expression_statement' ? parent.parent : undefined;
  }
  return undefined;
}

/**
 * The body statement moved up to the `with` line: its continuation lines lose the extra
 * indentation too (not when a string spans lines: its text would change).
 */
function dedent(text: string, line: Node, statement: Node): string {
  const extra = line.startPosition.column - statement.startPosition.column;
  const multilineString = line.descendantsOfType('string').some((s) => s && s.startPosition.row !== s.endPosition.row);
  if (extra <= 0 || multilineString || line.startPosition.row === statement.startPosition.row) return text;
  const prefix = ' '.repeat(extra);
  return text.replace(/\n([ \t]*)/g, (whole, indent: string) => (indent.startsWith(prefix) ? `\n${indent.slice(extra)}` : whole));
}

/** The expression as a method receiver: `(root / "a")` keeps its parentheses. */
function atomText(node: Node): string {
  return ['identifier', 'call', 'attribute', 'parenthesized_expression', 'subscript'].includes(node.type) ? node.text : `(${node.text})`;
}

function isCompound(statement: Node): boolean {
  return !['expression_statement', 'return_statement'].includes(statement.type);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

interface Opened {
  file: Node;
  mode: string;
  keywords: Map<string, Node>;
}

/** `open(file[, mode], encoding=…, errors=…, newline=…)` with a literal mode; undefined for anything else. */
function openArguments(args: Node, receiver?: Node): Opened | undefined {
  const split = splitArguments(args);
  if (!split) return undefined;
  const { positional, keywords } = split;
  if (receiver) positional.unshift(receiver);
  const file = positional[0] ?? keywords.get('file');
  const modeNode = positional[1] ?? keywords.get('mode');
  if (!file || positional.length > 2 || (positional.length && keywords.has('file')) || (positional.length > 1 && keywords.has('mode'))) return undefined;
  keywords.delete('file');
  keywords.delete('mode');
  if (!modeNode) return { file, mode: 'r', keywords };
  const match = /^([rRuU]?)("|')([a-z]*)\2$/.exec(modeNode.text);
  return match && !/[uU]/.test(match[1]) ? { file, mode: match[3], keywords } : undefined;
}

interface Use {
  call: Node;
  method: string;
  /** The written value. */
  data?: Node;
}

/**
 * The `f.read()` / `f.write(x)` call that is the statement's only use of `f`: not in a
 * loop, lambda or comprehension (it would run more than once or later), and for a write,
 * the statement itself (`f.write(x)`).
 */
function soleUse(statement: Node, name: string, kind: 'read' | 'write'): Use | undefined {
  if (!['expression_statement', 'return_statement'].includes(statement.type)) return undefined;
  const uses: Node[] = [];
  let deferred = false;
  forEachNode(statement, (node) => {
    if (['lambda', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'conditional_expression', 'boolean_operator'].includes(node.type)) {
      if (node.descendantsOfType('identifier').some((id) => id?.text === name)) deferred = true;
    }
    if (node.type !== 'identifier' || node.text !== name) return;
    const parent = node.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(node)) return;
    uses.push(node);
  });
  if (deferred || uses.length !== 1) return undefined;
  const attribute = uses[0].parent;
  const call = attribute?.parent;
  if (attribute?.type !== 'attribute' || !attribute.childForFieldName('object')?.equals(uses[0]) || call?.type !== 'call' || !call.childForFieldName('function')?.equals(attribute)) return undefined;
  const method = attribute.childForFieldName('attribute')!.text;
  const args = call.childForFieldName('arguments');
  const values = args?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
  if (kind === 'read') return method === 'read' && args?.type === 'argument_list' && values.length === 0 ? { call, method } : undefined;
  if (method !== 'write' || values.length !== 1 || ['keyword_argument', 'list_splat', 'dictionary_splat'].includes(values[0].type)) return undefined;
  if (statement.type !== 'expression_statement' || !statement.namedChildren[0]?.equals(call)) return undefined;
  return { call, method, data: values[0] };
}
