// os-path-call: os / os.path / glob calls with a pathlib.Path form (Ruff's PTH rules), in
// modules that already import pathlib — where two path styles meet, and a reader converts
// between them. Modules that never import pathlib are silent: their string paths are one
// consistent style. The pathlib misuses (`Path(".")`, `with_suffix("py")`) and `py.path`
// need no gate. Findings of one def are grouped in each one's hover.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import { forEachNode } from '../../../tree-walk';
import type { Fix } from '../../../types';
import { PATH_CALLS, PURE_PATH_CLASSES, RETURNS_PATH, type PathCall } from '../pathlib-calls';
import { isNonEmptyStringLiteral, isNotPathLike, isPathValue } from '../pathlib-values';
import { splitArguments } from '../../../call-arguments';

interface Pending {
  node: Node;
  call: Node;
  old: string;
  modern: string;
  /** The message after the old form. */
  verdict: string;
  peer: string;
  fix?: Fix;
  /** The rewritten call, for the hover. */
  rewritten?: string;
}

const VALUE_CHANGES = 'unsafe: `Path(x)` rejects bytes and file descriptors, and `Path("")` is the current directory';

export function createOsPathCall(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const usesPathlib = facts.importsModule('pathlib');
  const target = facts.targetVersion;
  const pending: Pending[] = [];
  // Without pathlib: only defs that build or split paths by hand with `os.sep` (see handSplitScopes).
  const mayJoinByHand = facts.importsModule('os') && /\bsep\b/.test(facts.text);
  const handScopes = new Map<number, boolean>();
  const scopeKey = (node: Node) => facts.enclosingFunction(node)?.node.startIndex ?? -1;
  const gated = (node: Node) => usesPathlib || (mayJoinByHand && splitsByHand(node));
  const reachable = usesPathlib || mayJoinByHand || facts.mayResolveTo(['py.path.local']);
  return {
    match({ call, callee, args }) {
      if (!reachable || !call || !callee || !args || !context.isSound(call)) return;
      const qualified = facts.resolve(callee);
      if (qualified === undefined) {
        if (callee.type === 'attribute' && gated(call)) misuse(call, callee, args);
        return;
      }
      if (usesPathlib && PURE_PATH_CLASSES.has(qualified)) return currentDirectory(call, args);
      const entry = PATH_CALLS[qualified];
      if (!entry || (entry.peer !== 'PTH124' && !gated(call))) return;
      if (entry.minVersion && (target[0] < entry.minVersion[0] || (target[0] === entry.minVersion[0] && target[1] < entry.minVersion[1]))) return;
      const list = argumentList(args);
      if (!list) return pending.push(finding(call, callee, qualified, entry));
      if (entry.silentWith?.some((name) => list.keywords.has(name))) return;
      const first = list.positional[0] ?? list.keywords.get(qualified === 'builtins.open' ? 'file' : 'path');
      if (first && isNotPathLike(facts, first)) return;
      const joined = qualified === 'os.path.join' ? joinForm(list) : undefined;
      const rewritten = joined ? { rewritten: joined } : rewrite(call, qualified, entry, list);
      // No fix where pathlib is not imported yet: the first would add the import and open the gate for the whole module.
      if (!usesPathlib) delete rewritten.fix;
      pending.push({ ...finding(call, callee, qualified, entry), ...rewritten });
    },
    finish() {
      const groups = new Map<number, Pending[]>();
      for (const item of pending) {
        const key = facts.enclosingFunction(item.call)?.node.startIndex ?? -1;
        groups.set(key, [...(groups.get(key) ?? []), item]);
      }
      for (const group of groups.values()) {
        for (const item of group) {
          context.report({
            node: item.node,
            data: { old: item.old, verdict: item.verdict },
            fixes: item.fix ? [item.fix] : [],
            suggestion: hover(item, group),
            peer: item.peer,
          });
        }
      }
    },
  };

  function finding(call: Node, callee: Node, qualified: string, entry: PathCall): Pending {
    const old = qualified.startsWith('builtins.') ? `${callee.text}()` : `${qualified}()`;
    const verdict = entry.peer === 'PTH124' ? 'is the legacy `py.path` API: use `pathlib.Path`' : `has a pathlib form: \`${entry.modern}\``;
    return { node: callee, call, old, modern: entry.modern, verdict, peer: entry.peer };
  }

  /** The fix, when the call's arguments have one mechanical Path form. */
  function rewrite(call: Node, qualified: string, entry: PathCall, list: ArgumentList): Partial<Pending> {
    const { positional, keywords } = list;
    if (positional.length > entry.positional) return {};
    if ([...keywords.keys()].some((name) => !entry.keywords?.includes(name))) return {};
    if (qualified === 'os.symlink') return symlink(call, list);
    // A `str` result used as a string right away (`.split()`, `+`, `[…]`): a Path there breaks the code.
    if (entry.unsafeBecause?.startsWith(RETURNS_PATH) && (usedAsString(call) || assignedNameUsedAsString(call))) return {};
    if (qualified === 'os.getcwd' && !positional.length && !keywords.size) return currentWorkingDirectory(call);
    if (!entry.rewrite || !positional.length) return {};
    const [first, ...rest] = positional;
    // An argument this rule rewrites goes first: the next pass then sees a Path (`p.parent`, not `Path(p).parent`).
    if (rewritesToPath(first)) return {};
    const plan = new ImportPlan(facts, context.text);
    const isPath = isPathValue(facts, first);
    const pathName = isPath ? undefined : plan.reference('pathlib', 'Path', call);
    if (!isPath && !pathName) return {};
    const path = isPath ? pathText(first) : `${pathName}(${first.text})`;
    const rewritten = entry.rewrite(path, { rest: rest.map((n) => n.text), keywords: new Map([...keywords].map(([k, v]) => [k, v.text])) });
    if (!rewritten) return {};
    const importEdits = plan.edits();
    if (!importEdits) return {};
    let unsafe = entry.unsafeBecause ? `unsafe: ${entry.unsafeBecause}` : !isPath && !isNonEmptyStringLiteral(first, facts) ? VALUE_CHANGES : undefined;
    // `Path.rename()` and `Path.replace()` return the new Path where os's return None.
    if (!unsafe && (qualified === 'os.rename' || qualified === 'os.replace') && call.parent?.type !== 'expression_statement') unsafe = 'unsafe: it returns the new `Path` where the call returned `None`';
    if (!unsafe && hasComment(call)) unsafe = 'unsafe: it drops the comments inside the call';
    const title = `Use \`${rewritten}\`${unsafe ? ` (${unsafe})` : ''}`;
    const fix: Fix = { title, safety: unsafe ? 'unsafe' : 'safe', edits: [...importEdits, { start: call.startIndex, end: call.endIndex, newText: rewritten }] };
    return { fix, rewritten };
  }

  function rewritesToPath(argument: Node): boolean {
    if (argument.type !== 'call') return false;
    const qualified = facts.resolve(argument.childForFieldName('function')!);
    return qualified !== undefined && ['os.path.abspath', 'os.path.expanduser', 'os.getcwd', 'os.readlink'].includes(qualified);
  }

  /** `os.getcwd()` → `Path.cwd()`: a Path where the call returned a str. */
  function currentWorkingDirectory(call: Node): Partial<Pending> {
    const plan = new ImportPlan(facts, context.text);
    const pathName = plan.reference('pathlib', 'Path', call);
    const importEdits = plan.edits();
    if (!pathName || !importEdits) return {};
    const rewritten = `${pathName}.cwd()`;
    const fix: Fix = { title: `Use \`${rewritten}\` (unsafe: it returns a \`Path\` where the call returned a \`str\`)`, safety: 'unsafe', edits: [...importEdits, { start: call.startIndex, end: call.endIndex, newText: rewritten }] };
    return { fix, rewritten };
  }

  /** `here = os.path.dirname(p)` and later `here + "/x"` or `here.split()` in the same scope. */
  function assignedNameUsedAsString(call: Node): boolean {
    const assignment = call.parent;
    const target = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.equals(call) ? assignment.childForFieldName('left') : undefined;
    if (target?.type !== 'identifier') return false;
    let found = false;
    forEachNode(facts.scopeOf(call).node, (node) => {
      if (!found && node.type === 'identifier' && node.text === target.text && node.startIndex > call.endIndex && usedAsString(node)) found = true;
    });
    return found;
  }

  /**
   * Whether the def around `node` (or the module level) treats paths as strings by hand:
   * `p.split(os.sep)`, `os.sep.join(parts)`, `root + os.sep + name`. Reads that def only.
   */
  function splitsByHand(node: Node): boolean {
    const key = scopeKey(node);
    const known = handScopes.get(key);
    if (known !== undefined) return known;
    let found = false;
    forEachNode(facts.enclosingFunction(node)?.node ?? context.tree.rootNode, (candidate) => {
      if (found || (candidate.type !== 'attribute' && candidate.type !== 'identifier') || !candidate.text.endsWith('sep')) return;
      if (!['os.sep', 'os.path.sep', 'os.altsep'].includes(facts.resolve(candidate) ?? '') || scopeKey(candidate) !== key) return;
      const parent = candidate.parent;
      const split = parent?.type === 'argument_list' && ['split', 'rsplit'].includes(parent.parent?.childForFieldName('function')?.childForFieldName('attribute')?.text ?? '');
      const join = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.text === 'join' && parent.parent?.type === 'call';
      const concat = parent?.type === 'binary_operator' && parent.childForFieldName('operator')?.type === '+';
      found = split || join || concat;
    });
    handScopes.set(key, found);
    return found;
  }

  /** The hover's form of `os.path.join(a, "b")`: `Path(a) / "b"` (no fix: the str becomes a Path). */
  function joinForm({ positional, keywords }: ArgumentList): string | undefined {
    if (positional.length < 2 || keywords.size || positional.some((n) => n.text.includes('\n'))) return undefined;
    const [first, ...rest] = positional;
    const head = isPathValue(facts, first) ? pathText(first) : `Path(${first.text})`;
    return [head, ...rest.map((n) => (['binary_operator', 'conditional_expression', 'boolean_operator', 'lambda', 'not_operator', 'comparison_operator'].includes(n.type) ? `(${n.text})` : n.text))].join(' / ');
  }

  /** `os.symlink(target, link)` → `Path(link).symlink_to(target)`: the order of evaluation flips. */
  function symlink(call: Node, { positional, keywords }: ArgumentList): Partial<Pending> {
    const [source, link, isDirectory] = positional;
    if (!source || !link) return {};
    const plan = new ImportPlan(facts, context.text);
    const linkIsPath = isPathValue(facts, link);
    const pathName = linkIsPath ? undefined : plan.reference('pathlib', 'Path', call);
    if (!linkIsPath && !pathName) return {};
    const directory = isDirectory?.text ?? keywords.get('target_is_directory')?.text;
    const rewritten = `${linkIsPath ? pathText(link) : `${pathName}(${link.text})`}.symlink_to(${source.text}${directory ? `, target_is_directory=${directory}` : ''})`;
    const importEdits = plan.edits();
    if (!importEdits) return {};
    const simple = [source, link].every((n) => ['identifier', 'string', 'attribute', 'integer'].includes(n.type) && !n.text.includes('('));
    const unsafe = !simple ? 'unsafe: the two paths are evaluated in the other order' : !linkIsPath && !isNonEmptyStringLiteral(link, facts) ? VALUE_CHANGES : hasComment(call) ? 'unsafe: it drops the comments inside the call' : undefined;
    const fix: Fix = { title: `Use \`${rewritten}\`${unsafe ? ` (${unsafe})` : ''}`, safety: unsafe ? 'unsafe' : 'safe', edits: [...importEdits, { start: call.startIndex, end: call.endIndex, newText: rewritten }] };
    return { fix, rewritten };
  }

  /** PTH201: `Path(".")` / `Path("")` is `Path()`. */
  function currentDirectory(call: Node, args: Node) {
    const list = argumentList(args);
    if (!list || list.positional.length !== 1 || list.keywords.size) return;
    const argument = list.positional[0];
    if (argument.type !== 'string' || !/^[rRuU]?("|')\.?\1$/.test(argument.text)) return;
    const callee = call.childForFieldName('function')!;
    const rewritten = `${callee.text}()`;
    const unsafe = hasComment(args);
    pending.push({
      node: argument,
      call,
      old: `${callee.text}(${argument.text})`,
      modern: rewritten,
      verdict: `is the current directory: write \`${rewritten}\``,
      peer: 'PTH201',
      rewritten,
      fix: { title: `Use \`${rewritten}\`${unsafe ? ' (unsafe: it drops the comments inside the call)' : ''}`, safety: unsafe ? 'unsafe' : 'safe', edits: [{ start: args.startIndex, end: args.endIndex, newText: '()' }] },
    });
  }

  /** PTH206 `x.split(os.sep)` and PTH210 `path.with_suffix("py")`. */
  function misuse(call: Node, callee: Node, args: Node) {
    const method = callee.childForFieldName('attribute')!.text;
    const receiver = callee.childForFieldName('object')!;
    const list = argumentList(args);
    if (!list || list.positional.length !== 1 || list.keywords.size) return;
    const argument = list.positional[0];
    if (method === 'split' && facts.resolve(argument) === 'os.sep') {
      pending.push({ node: callee.childForFieldName('attribute')!, call, old: `${oneLine(call.text)}`, modern: 'Path.parts', verdict: 'splits a path by hand: `Path.parts` has its parts', peer: 'PTH206', rewritten: `Path(${receiver.text}).parts` });
      return;
    }
    if (method !== 'with_suffix' || argument.type !== 'string' || !isPathValue(facts, receiver)) return;
    const match = /^([rRuU]?)("|')([^"'\\{}]*)\2$/.exec(argument.text);
    if (!match) return;
    const suffix = match[3];
    const dotOnly = suffix === '.' && (target[0] < 3 || (target[0] === 3 && target[1] < 14));
    if (suffix === '' || (suffix.startsWith('.') && !dotOnly)) return;
    const fixed = dotOnly ? undefined : `${match[1]}${match[2]}.${suffix}${match[2]}`;
    pending.push({
      node: call,
      call,
      old: `with_suffix(${argument.text})`,
      modern: fixed ? `with_suffix(${fixed})` : 'a suffix such as ".txt"',
      verdict: dotOnly ? 'raises `ValueError` before Python 3.14' : `raises \`ValueError\`: the suffix needs its dot, \`${fixed}\``,
      peer: 'PTH210',
      rewritten: fixed && `${receiver.text}.with_suffix(${fixed})`,
      fix: fixed
        ? { title: `Use \`with_suffix(${fixed})\` (unsafe: the call no longer raises \`ValueError\`)`, safety: 'unsafe', edits: [{ start: argument.startIndex, end: argument.endIndex, newText: fixed }] }
        : undefined,
    });
  }

  function pathText(node: Node): string {
    return ['identifier', 'call', 'attribute', 'parenthesized_expression', 'subscript'].includes(node.type) ? node.text : `(${node.text})`;
  }
}

interface ArgumentList {
  positional: Node[];
  keywords: Map<string, Node>;
}

/** The arguments, or undefined with a `*args` / `**kwargs` (their count is unknown). */
function argumentList(args: Node): ArgumentList | undefined {
  const split = splitArguments(args);
  if (!split) return undefined;
  const { positional, keywords } = split;
  return { positional, keywords };
}

function usedAsString(call: Node): boolean {
  let node = call;
  while (node.parent?.type === 'parenthesized_expression') node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'attribute' || parent.type === 'subscript' || parent.type === 'slice') return parent.firstNamedChild?.equals(node) ?? false;
  if (parent.type === 'binary_operator') return ['+', '%'].includes(parent.childForFieldName('operator')?.type ?? '');
  if (parent.type === 'augmented_assignment') return true;
  if (parent.type === 'comparison_operator') return parent.namedChildren.some((c) => c?.type === 'string');
  return false;
}

function hasComment(node: Node): boolean {
  return node.descendantsOfType('comment').length > 0;
}

/** The hover: this call's Path form, then the other calls of the same def with theirs. */
function hover(item: Pending, group: readonly Pending[]): string {
  const own = item.rewritten ? '```python\n' + item.rewritten + '\n```' : `Use \`${item.modern}\`.`;
  const others = group.filter((other) => other !== item);
  if (!others.length) return own;
  const lines = others.map((other) => `- line ${other.call.startPosition.row + 1}: \`${oneLine(other.call.text)}\` → \`${other.rewritten ? oneLine(other.rewritten) : other.modern}\``);
  return `${own}\n\nThe same ${others.length === 1 ? 'scope has another call' : `scope has ${others.length} more calls`} to convert with it:\n${lines.join('\n')}`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
}
