// tarfile-extract-unfiltered: `TarFile.extractall()` / `.extract()` without `filter=` on a
// value provably made by `tarfile.open()` / `tarfile.TarFile()`. Before Python 3.14 the
// default extracts member names as written — `../../etc/cron.d/x`, absolute paths, links
// pointing outside — so a crafted archive writes anywhere the process may write. At target
// 3.12+ the safe fix passes `filter="data"`, 3.14's default.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { hasKeywordSplat, keywordArgument, madeBy } from '../files';

const TAR_MAKERS = new Set(
  ['tarfile.open', 'tarfile.TarFile', 'tarfile.TarFile.open', 'tarfile.TarFile.taropen', 'tarfile.TarFile.gzopen', 'tarfile.TarFile.bz2open', 'tarfile.TarFile.xzopen'],
);

export function createTarfileExtractUnfiltered(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  // `tarfile.TarFile.extraction_filter = ...` (or on an instance) sets the filter for every call.
  const globalFilter = /\.extraction_filter\s*=(?!=)/.test(context.text);
  const [major, minor] = facts.targetVersion;
  const hasFilterArgument = major > 3 || (major === 3 && minor >= 12);
  return {
    match(captures) {
      const { call, callee, args } = captures;
      if (!call || !callee || !args || globalFilter) return;
      const method = callee.childForFieldName('attribute')?.text;
      if (method !== 'extractall' && method !== 'extract') return;
      const receiver = callee.childForFieldName('object');
      if (!receiver || !madeBy(facts, receiver, TAR_MAKERS)) return;
      if (keywordArgument(args, 'filter') || hasKeywordSplat(args) || filtersMembers(context, args) || !context.isSound(call)) return;
      const fixed = withFilter(args);
      context.report({
        node: call,
        data: { callee: `${receiver.text}.${method}` },
        fixes: hasFilterArgument ? [{ title: 'Pass `filter="data"`', safety: 'safe', edits: [fixed] }] : [],
        suggestion: suggestion(call, args, hasFilterArgument),
        peer: 'S202',
      });
    },
  };
}

/**
 * `members=` given by a same-file function or method, or a filtering comprehension: the pre-3.12
 * mitigation (checking each member's name). It is the author's own check; not reported.
 */
function filtersMembers(context: CheckContext, args: Node): boolean {
  const members = keywordArgument(args, 'members')?.childForFieldName('value');
  if (!members) return false;
  // `members=[]` extracts nothing.
  if ((members.type === 'list' || members.type === 'tuple') && members.namedChildCount === 0) return true;
  if (['list_comprehension', 'generator_expression', 'set_comprehension'].includes(members.type)) {
    return members.namedChildren.some((c) => c?.type === 'if_clause');
  }
  if (members.type !== 'call') return false;
  const callee = members.childForFieldName('function');
  if (callee?.type === 'identifier') return context.facts.moduleDefinitions(callee.text).length > 0;
  // `TarExtractor.safe_members(tar, dest)`, `self.safe_members(tar)`: a method of a same-file class.
  const owner = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
  if (owner?.type !== 'identifier') return false;
  return owner.text === 'self' || owner.text === 'cls' || context.facts.moduleDefinitions(owner.text).some((d) => d.type === 'class_definition');
}

/** The edit adding `filter="data"` right after the last argument (before a trailing comma or comment). */
function withFilter(args: Node): { start: number; end: number; newText: string } {
  const items = args.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  if (!items.length) return { start: args.startIndex + 1, end: args.endIndex - 1, newText: 'filter="data"' };
  const last = items[items.length - 1];
  return { start: last.endIndex, end: last.endIndex, newText: ', filter="data"' };
}

function suggestion(call: Node, args: Node, hasFilterArgument: boolean): string {
  const fixed = withFilter(args);
  const text = call.text;
  const safe = text.slice(0, fixed.start - call.startIndex) + fixed.newText + text.slice(fixed.end - call.startIndex);
  const form = '```python\n' + safe + '\n```';
  if (hasFilterArgument) return form;
  return `${form}\n\nThe target version is below 3.12: \`filter=\` exists there only from 3.8.17, 3.9.17, 3.10.12 and 3.11.4; on older runtimes check each member's resolved path before extracting it.`;
}
