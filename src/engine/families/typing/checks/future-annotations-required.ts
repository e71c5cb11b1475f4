// future-annotations-required: an annotation Python evaluates when the code runs uses syntax
// the target version cannot evaluate — a PEP 604 union (`int | None`, 3.10) or a PEP 585
// generic (`list[int]`, `collections.deque[int]`, `collections.abc.Iterable[int]`, 3.9) — and
// the file lacks `from __future__ import annotations`: importing the module raises TypeError.
//
// The rule runs only BELOW a version (the opposite of `min-version`), so the gate is here:
// silent on 3.10+ targets and in files with the future import. Evaluated annotations are
// those of def parameters and returns and of module- and class-level variables; local
// variable annotations never are (PEP 526), quoted ones are strings, and code under
// `if TYPE_CHECKING:` or `if sys.version_info >= (3, N):` (N high enough) never runs on the
// target. `Literal[...]` values and `Annotated[...]` metadata are not types: not inspected.
//
// One finding per annotation: on its outermost offending expression, or on the whole
// annotation when several sibling parts offend. The fix adds the future import after the
// module docstring and any `__future__` imports; it is unsafe, because every annotation of
// the module becomes a string to runtime readers (pydantic, dataclasses, get_type_hints).
// No fix below 3.7, where that future import does not exist.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../../facts';
import { detectEol } from '../../../positions';
import type { Fix, TextEdit } from '../../../types';
import { atLeast, genericOf, isNeverEvaluated } from '../annotations';
import { short } from '../legacy';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

/** Classes that became subscriptable at runtime in 3.9 (PEP 585), by qualified name. */
const PEP585 = new Set([
  ...['tuple', 'list', 'dict', 'set', 'frozenset', 'type'].map((n) => `builtins.${n}`),
  ...['deque', 'defaultdict', 'OrderedDict', 'Counter', 'ChainMap'].map((n) => `collections.${n}`),
  ...[
    'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator', 'Iterable', 'Iterator', 'Generator',
    'Reversible', 'Container', 'Collection', 'Callable', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'Sequence',
    'MutableSequence', 'ByteString', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView',
  ].map((n) => `collections.abc.${n}`),
  'contextlib.AbstractContextManager', 'contextlib.AbstractAsyncContextManager', 're.Pattern', 're.Match',
]);

interface Offence {
  node: Node;
  /** The minor version of Python 3 that evaluates it. */
  minor: number;
}

export function createFutureAnnotationsRequired(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  let active: boolean | undefined;
  let fix: Fix | null | undefined;
  return {
    match(captures) {
      active ??= !atLeast(facts.targetVersion, 3, 10) && !facts.hasFutureImport('annotations');
      const annotation = captures.annotation;
      if (!active || !annotation || !context.isSound(annotation) || isNeverEvaluated(annotation, facts)) return;
      const outer: Offence[] = [];
      let minor = 0;
      collect(annotation, facts, false, (offence, nested) => {
        minor = Math.max(minor, offence.minor);
        if (!nested) outer.push(offence);
      });
      if (!outer.length || neverRunsOnTarget(annotation, minor)) return;
      const node = outer.length === 1 ? outer[0].node : annotation;
      if (fix === undefined) fix = futureImportFix(context) ?? null;
      const [major, targetMinor] = facts.targetVersion;
      context.report({
        node,
        data: {
          expr: short(node.text),
          needed: `3.${minor}`,
          feature: minor >= 10 ? 'PEP 604 union' : 'PEP 585 generic',
          target: `${major}.${targetMinor}`,
        },
        fixes: fix ? [fix] : [],
        suggestion: fix ? '`from __future__ import annotations`' : undefined,
      });
    },
  };
}

/**
 * Calls `found` for each part of the type expression the target cannot evaluate; `nested`
 * when it lies inside another such part. Strings (forward references) are not evaluated.
 */
function collect(root: Node, facts: SemanticFacts, rootNested: boolean, found: (offence: Offence, nested: boolean) => void): void {
  const target = facts.targetVersion;
  // Iterative and in document order (pre-order): 5,000 nested parentheses must not overflow the stack.
  const stack: [Node, boolean][] = [[root, rootNested]];
  while (stack.length) {
    const [node, nested] = stack.pop()!;
    if (node.type === 'string' || node.type === 'concatenated_string' || node.type === 'comment') continue;
    let offence: Offence | undefined;
    const generic = genericOf(node);
    let children = node.namedChildren.filter((c): c is Node => !!c);
    if (isUnion(node)) {
      if (!atLeast(target, 3, 10)) offence = { node, minor: 10 };
    } else if (generic) {
      const head = facts.resolve(generic.head);
      if (head && PEP585.has(head) && !atLeast(target, 3, 9)) offence = { node, minor: 9 };
      // Literal's values and Annotated's metadata are values, not type expressions.
      if (/(?:^|\.)Literal$/.test(head ?? generic.head.text)) children = [];
      else if (/(?:^|\.)Annotated$/.test(head ?? generic.head.text)) children = generic.args.slice(0, 1);
    }
    if (offence) found(offence, nested);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], nested || !!offence]);
  }
}

function isUnion(node: Node): boolean {
  if (node.type === 'union_type') return true;
  return node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '|';
}

/** Under `if TYPE_CHECKING:`, or `if sys.version_info >= (3, N):` with N at least the version needed. */
function neverRunsOnTarget(annotation: Node, minor: number): boolean {
  for (let child: Node = annotation, parent = annotation.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type !== 'if_statement' || !parent.childForFieldName('consequence')?.equals(child)) continue;
    const condition = parent.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '';
    if (/^(?:typing\.)?TYPE_CHECKING$/.test(condition)) return true;
    const version = /^sys\.version_info>=\((\d+),(\d+)\)$/.exec(condition);
    if (version && (Number(version[1]) > 3 || (Number(version[1]) === 3 && Number(version[2]) >= minor))) return true;
  }
  return false;
}

/** `from __future__ import annotations` after the docstring and the other `__future__` imports. */
function futureImportFix(context: CheckContext): Fix | undefined {
  const facts = context.facts;
  if (!atLeast(facts.targetVersion, 3, 7)) return undefined;
  const edit = futureImportEdit(facts, context.text);
  return edit && { title: 'Add `from __future__ import annotations`', safety: 'unsafe', edits: [edit] };
}

function futureImportEdit(facts: SemanticFacts, text: string): TextEdit | undefined {
  const eol = detectEol(text);
  const statement = 'from __future__ import annotations';
  let anchor: Node | undefined;
  let first: Node | undefined;
  for (const child of facts.tree.rootNode.namedChildren) {
    if (!child || child.type === 'comment') continue;
    const isDocstring = !first && child.type === 'expression_statement' && child.namedChildCount === 1 && /^(?:concatenated_)?string$/.test(child.firstNamedChild?.type ?? '');
    first ??= child;
    if (isDocstring || child.type === 'future_import_statement') anchor = child;
    else break;
  }
  if (anchor) {
    if (anchor.hasError) return undefined;
    let end = anchor.endIndex;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    // Something after the docstring on its line (`"""Doc."""; import os`): no clean place.
    if (!/^[ \t]*(?:#.*)?$/.test(text.slice(anchor.endIndex, end))) return undefined;
    return { start: end, end, newText: end === text.length ? `${eol}${statement}${eol}` : `${eol}${statement}` };
  }
  // No docstring: before the first statement, below any header comments. Only at the start
  // of a sound line: inserted after a comment, the import would become part of it.
  if (!first || first.hasError || first.type === 'ERROR') return undefined;
  const lineStart = Math.max(text.lastIndexOf('\n', first.startIndex - 1), text.lastIndexOf('\r', first.startIndex - 1)) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, first.startIndex)) || lineStart !== first.startIndex) return undefined;
  return { start: first.startIndex, end: first.startIndex, newText: `${statement}${eol}` };
}
