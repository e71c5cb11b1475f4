// typing-abc-import: `from typing import Iterable` where `collections.abc` has the class under
// the same name (PEP 585 deprecated typing's copies in 3.9). From 3.9; `Callable` from 3.10,
// because `collections.abc.Callable[...]` flattened its arguments until 3.9.2. Renamed
// aliases (`AbstractSet` → `Set`) and the deprecated `ByteString` are left alone.
//
// One finding per imported name, but one fix per import statement, shared by all of its
// findings: it moves every movable name of the statement at once. Per-name fixes would all
// edit the same statement (and insert at the same spot), so fix-all could apply one per pass;
// identical fixes are merged by fix-all and the statement is rewritten in one go. Names
// silenced on their own line of a multi-line import stay where they are.
//
// The move: into a module-level `from collections.abc import …` that precedes the statement
// (with only imports in between); else the statement's module becomes `collections.abc` when
// all its names go; else a `from collections.abc import …` line right after it, with its
// indentation (so an import inside `if TYPE_CHECKING:` or a def stays there).
// Attribute uses (`typing.Iterable[int]` after `import typing`) become
// `collections.abc.Iterable[int]` (or the file's existing name for it); `import typing` stays.
//
// Safety: safe, except for a name used as a subscripted base class (`class Box(Mapping[K, V])`):
// typing's alias adds `Generic` to the bases and makes the class generic at runtime
// (`__parameters__`), `collections.abc`'s does not — then the fix is unsafe.
import type { Node } from 'web-tree-sitter';
import type { ImportBinding } from '../../../facts';
import { detectEol, LineIndex } from '../../../positions';
import { Suppressions } from '../../../suppression';
import type { Fix, TextEdit } from '../../../types';
import { atLeast, genericWithHead, namesBoundInFile, type TypingUse } from '../annotations';
import { ImportPlan, localName, nameNodes } from '../imports';
import { isUnusedImport, usesOf } from '../legacy';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

/** Names `typing` re-exports from `collections.abc` under the same name (deprecated since 3.9). */
export const ABC_NAMES: ReadonlySet<string> = new Set([
  'AsyncGenerator', 'AsyncIterable', 'AsyncIterator', 'Awaitable', 'Callable', 'Collection', 'Container', 'Coroutine',
  'Generator', 'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping',
  'MutableSequence', 'MutableSet', 'Reversible', 'Sequence', 'Sized', 'ValuesView',
]);

/** Names whose move waits for a later version than 3.9. */
const LATER: Record<string, readonly [number, number]> = { Callable: [3, 10] };

interface Entry {
  binding: ImportBinding;
  /** The name in the import (`Iterable` or `Iterable as It`): the finding's range. */
  node: Node;
  member: string;
}

export function createTypingAbcImport(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const facts = context.facts;
      if (!facts.importsModule('typing')) return;
      const movable = (member: string) => ABC_NAMES.has(member) && atLeast(facts.targetVersion, ...((LATER[member] ?? [3, 9]) as [number, number]));
      const uses = usesOf(context, ABC_NAMES);

      const statements = new Map<number, Entry[]>();
      for (const binding of facts.imports) {
        const member = /^typing\.(\w+)$/.exec(binding.qualified)?.[1];
        if (binding.isModule || !member || !movable(member) || !context.isSound(binding.node)) continue;
        // An import nothing uses is an unused import (F401), not a deprecation to move.
        if (isUnusedImport(context, binding)) continue;
        const node = nameNodes(binding.node).find((n) => localName(n) === binding.local && importedName(n) === member);
        if (!node) continue;
        const list = statements.get(binding.node.startIndex) ?? [];
        list.push({ binding, node, member });
        statements.set(binding.node.startIndex, list);
      }

      let lines: LineIndex | undefined;
      const linesOf = () => (lines ??= new LineIndex(context.text));
      for (const entries of statements.values()) {
        const statement = entries[0].binding.node;
        const silenced = silencedEntries(context, statement, entries, linesOf);
        const kept = entries.filter((e) => !silenced.has(e));
        const risky = new Set(kept.filter((e) => uses.some((u) => sameBinding(u, e.binding) && isSubscriptedBase(u.node))));
        const safe = kept.filter((e) => !risky.has(e));
        const safeFix = safe.length ? moveFix(context, statement, safe, 'safe') : undefined;
        const riskyFix = risky.size ? moveFix(context, statement, kept, 'unsafe') : undefined;
        for (const entry of entries) {
          const fix = silenced.has(entry) ? undefined : risky.has(entry) ? riskyFix : safeFix;
          context.report({
            node: entry.node,
            data: { name: entry.member },
            fixes: fix ? [fix] : [],
            suggestion: `\`from collections.abc import ${entryText(entry)}\``,
          });
        }
      }

      for (const use of uses) {
        if (use.module !== 'typing' || use.binding || !movable(use.member) || !context.isSound(use.node)) continue;
        const fix = attributeFix(context, use);
        context.report({
          node: use.node,
          data: { name: use.member },
          fixes: fix ? [fix] : [],
          suggestion: fix ? `\`${fix.edits[0].newText}\`` : undefined,
        });
      }
    },
  };
}

function importedName(node: Node): string {
  return (node.type === 'aliased_import' ? node.childForFieldName('name')?.text ?? '' : node.text).replace(/\s+/g, '');
}

function entryText(entry: Entry): string {
  return entry.binding.local === entry.member ? entry.member : `${entry.member} as ${entry.binding.local}`;
}

function sameBinding(use: TypingUse, binding: ImportBinding): boolean {
  return !!use.binding && use.binding.local === binding.local && use.binding.qualified === binding.qualified;
}

/** `class Box(Mapping[K, V])`: typing's alias makes the class generic at runtime, collections.abc's does not. */
function isSubscriptedBase(node: Node): boolean {
  const generic = genericWithHead(node);
  const list = generic?.node.parent;
  return list?.type === 'argument_list' && list.parent?.type === 'class_definition';
}

/**
 * Entries of a multi-line import whose own line silences this rule (`# pymodern: ignore`,
 * `# noqa: UP035`): the engine drops their findings, and the shared fix must not move them.
 */
function silencedEntries(context: CheckContext, statement: Node, entries: readonly Entry[], linesOf: () => LineIndex): Set<Entry> {
  if (statement.startPosition.row === statement.endPosition.row) return new Set();
  const comments = context.facts.comments.filter((c) => c.startIndex > statement.startIndex && c.endIndex <= statement.endIndex);
  if (!comments.length) return new Set();
  const lines = linesOf();
  const suppressions = new Suppressions(comments, lines, 0);
  const { id, peers } = context.rule;
  const peer = peers.length === 1 ? peers[0] : undefined; // UP035, the peer of every finding of this rule
  return new Set(entries.filter((e) => {
    const line = lines.positionAt(e.node.startIndex).line;
    return suppressions.isSuppressed(id, peer, line, line, context.rule.family);
  }));
}

/** The fix that moves these names of the statement to `collections.abc`. */
function moveFix(context: CheckContext, statement: Node, entries: readonly Entry[], safety: 'safe' | 'unsafe'): Fix | undefined {
  const facts = context.facts;
  const text = context.text;
  let edits: TextEdit[] | undefined;
  const target = statement.parent?.type === 'module' ? mergeTarget(statement) : undefined;
  if (target) {
    const plan = new ImportPlan(facts, text);
    const present = new Set(nameNodes(target).map((n) => n.text.replace(/\s+/g, ' ')));
    for (const entry of entries) if (!present.has(entryText(entry))) plan.importFrom('collections.abc', entryText(entry));
    const removal = removalEdits(context, statement, entries);
    const addition = plan.edits();
    edits = removal && addition ? [...removal, ...addition] : undefined;
  } else if (entries.length === nameNodes(statement).length) {
    const module = statement.childForFieldName('module_name');
    edits = module ? [{ start: module.startIndex, end: module.endIndex, newText: 'collections.abc' }] : undefined;
  } else {
    const removal = removalEdits(context, statement, entries);
    const insertion = lineAfter(statement, `from collections.abc import ${entries.map(entryText).join(', ')}`, text);
    edits = removal && insertion ? [...removal, insertion] : undefined;
  }
  if (!edits?.length) return undefined;
  const names = entries.map((e) => `\`${e.member}\``);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return { title: `Import ${list} from \`collections.abc\``, safety, edits };
}

/**
 * The edits taking these names out of their statement. In a parenthesized import with one
 * name per line, the names' lines go and the other lines (and their comments) stay as they
 * are; otherwise ImportPlan rewrites the list (or drops the statement when it empties).
 */
function removalEdits(context: CheckContext, statement: Node, entries: readonly Entry[]): TextEdit[] | undefined {
  const text = context.text;
  if (entries.length < nameNodes(statement).length && statement.startPosition.row !== statement.endPosition.row) {
    const lines: TextEdit[] = [];
    for (const entry of entries) {
      let start = entry.node.startIndex;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      let end = entry.node.endIndex;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      const alone = (text[start - 1] === '\n' || text[start - 1] === '\r') && /^[ \t]*,?[ \t]*(?:#.*)?$/.test(text.slice(entry.node.endIndex, end));
      if (!alone || end >= statement.endIndex) break;
      if (text[end] === '\r' && text[end + 1] === '\n') end++;
      lines.push({ start, end: end + 1, newText: '' });
    }
    if (lines.length === entries.length) return lines;
  }
  const plan = new ImportPlan(context.facts, text);
  for (const entry of entries) plan.remove(entry.binding);
  return plan.edits();
}

/**
 * The module-level `from collections.abc import …` a new name would join (the first one, as
 * ImportPlan picks it), when joining it cannot move the name below code that uses it: it comes
 * before the statement, or only imports and comments stand between them.
 */
function mergeTarget(statement: Node): Node | undefined {
  const root = statement.parent!;
  const siblings = root.namedChildren.filter((c): c is Node => !!c);
  const target = siblings.find(
    (s) =>
      s.type === 'import_from_statement' &&
      !s.hasError &&
      s.childForFieldName('module_name')?.text.replace(/\s+/g, '') === 'collections.abc' &&
      !s.children.some((c) => c?.type === 'wildcard_import'),
  );
  if (!target || target.startIndex < statement.startIndex) return target;
  const between = siblings.filter((s) => s.startIndex > statement.startIndex && s.startIndex < target.startIndex);
  return between.every((s) => s.type === 'comment' || s.type === 'import_statement' || s.type === 'import_from_statement') ? target : undefined;
}

/** A new line after the statement's line with its indentation; undefined when it shares its first line. */
function lineAfter(statement: Node, code: string, text: string): TextEdit | undefined {
  let lineStart = statement.startIndex;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') return undefined;
  let end = statement.endIndex;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  // `from typing import A; x = 1` or a continuation: only a comment may follow on the line.
  if (!/^[ \t]*(?:#.*)?$/.test(text.slice(statement.endIndex, end))) return undefined;
  return { start: end, end, newText: `${detectEol(text)}${text.slice(lineStart, statement.startIndex)}${code}` };
}

/**
 * `typing.Iterable` → the file's own name for `collections.abc.Iterable` if it has one
 * (`from collections.abc import Iterable`, `import collections.abc as abc`), else
 * `collections.abc.Iterable` with `import collections.abc` added when missing. Written
 * qualified, as the code was; the same added import for every use lets fix-all take them
 * all in one pass.
 */
function attributeFix(context: CheckContext, use: TypingUse): Fix | undefined {
  const facts = context.facts;
  const plan = new ImportPlan(facts, context.text);
  let reference = plan.reference('collections.abc', use.member, use.node);
  const edits: TextEdit[] = [];
  if (reference === undefined || plan.edits()?.length !== 0) {
    // `collections` must be the module where the use is (or a name nothing binds).
    const names = namesBoundInFile(facts);
    if (facts.lookup('collections', facts.scopeOf(use.node)) !== 'collections' && (names.has('collections') || names.has('*'))) return undefined;
    const module = context.moduleReference('collections.abc');
    reference = `${module.name}.${use.member}`;
    if (module.edit) edits.push(module.edit);
  }
  const safe = !isSubscriptedBase(use.node);
  return {
    title: `Replace with \`${reference}\``,
    safety: safe ? 'safe' : 'unsafe',
    edits: [{ start: use.node.startIndex, end: use.node.endIndex, newText: reference }, ...edits],
  };
}
