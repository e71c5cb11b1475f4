// typealias-annotation: `Json: TypeAlias = dict[str, "Json"]` → `type Json = dict[str, Json]`
// (PEP 695, 3.12+): lazily evaluated, so forward references need no quotes, and generic
// aliases name their type parameters. Unsafe: the alias becomes a TypeAliasType, which code
// cannot call or pass to isinstance(); no fix when this file uses the alias outside
// annotations. `X = TypeAliasType("X", …)` too (alias-call.ts says why that fix is unsafe).
import type { Node } from 'web-tree-sitter';
import { annotationOf, unwrapType } from '../annotations';
import { escapeRegExp, wordOccurrences } from '../../../name-occurrences';
import { plainStringContent, removalFix, report, short, unusedImports, useFix, usesOf } from '../legacy';
import { aliasCall } from '../alias-call';
import { parsesAsType } from '../type-text';
import { publicNames, typeParameter, typeVarsIn, typeVarTable } from '../typevars';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const MEMBERS = new Set(['TypeAlias']);
const CALLS = new Set(['TypeAliasType']);

export function createTypealiasAnnotation(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const use of usesOf(context, MEMBERS)) {
        const annotation = use.node.parent;
        const assignment = annotation?.parent;
        if (annotation?.type !== 'type' || assignment?.type !== 'assignment' || !unwrapType(annotation).equals(use.node)) continue;
        const name = assignment.childForFieldName('left');
        const value = assignment.childForFieldName('right');
        if (name?.type !== 'identifier' || !value || !context.isSound(assignment)) continue;
        const statement = assignment.parent;
        const fixes = [];
        const text = statement?.type === 'expression_statement' && statement.namedChildCount === 1 ? replacement(name, value, assignment, context) : undefined;
        if (text) {
          const fix = useFix(context, `Replace with \`${short(text)}\``, false, { start: assignment.startIndex, end: assignment.endIndex, newText: text }, use);
          if (fix) fixes.push(fix);
        }
        report(context, { node: name, data: { subject: `${name.text}: ${use.node.text}` }, fixes });
      }
      for (const use of usesOf(context, CALLS)) {
        const call = aliasCall(use.node, context);
        if (!call) continue;
        const fix = call.statement && useFix(context, `Replace with \`${short(call.statement)}\``, false, { start: call.assignment.startIndex, end: call.assignment.endIndex, newText: call.statement }, use);
        report(context, { node: call.name, data: { subject: `${call.name.text} = ${use.node.text}(…)` }, fixes: fix ? [fix] : [] });
      }
      for (const unused of unusedImports(context, MEMBERS)) {
        report(context, { node: unused.node, data: { subject: unused.binding.local }, fixes: removalFix(context, unused.binding) });
      }
    },
  };
}

function replacement(name: Node, value: Node, assignment: Node, context: CheckContext): string | undefined {
  const facts = context.facts;
  if (usedAtRuntime(name, assignment, context)) return undefined;
  // A class attribute may be used as `self.Alias(...)` / `Owner.Alias`: only annotations are sure.
  if (facts.scopeOf(assignment).kind === 'class' && new RegExp(`\\.\\s*${escapeRegExp(name.text)}\\b`).test(context.text)) return undefined;
  const table = typeVarTable(facts, context.text);
  const { names, inStrings } = typeVarsIn([value], facts, context.text, table);
  if (inStrings) return undefined;
  if (names.length && facts.scopeOf(assignment).kind !== 'module') return undefined;
  // A private `_T` is declared as `T` (renamed in the value; a quoted value is left to the user).
  const renames = publicNames(names, value, [], table, facts, context.text);
  if (!renames || (renames.edits.length && value.type === 'string')) return undefined;
  const parameters = names.map((n) => typeParameter(table.get(n)!, renames.renamed.get(n)));
  if (parameters.some((p) => !p)) return undefined;
  let body = plainStringContent(value) ?? (value.type === 'string' ? undefined : value.text);
  for (const edit of [...renames.edits].sort((a, b) => b.start - a.start)) {
    if (body !== undefined) body = body.slice(0, edit.start - value.startIndex) + edit.newText + body.slice(edit.end - value.startIndex);
  }
  // A quoted alias is written unquoted into the `type` statement: it must parse as a type there.
  if (body === undefined || (value.type === 'string' && !parsesAsType(body, context.tree.language))) return undefined;
  return `type ${name.text}${parameters.length ? `[${parameters.join(', ')}]` : ''} = ${body}`;
}

/** The alias appears in this file outside annotations and strings: as a value (`isinstance`, a call). */
function usedAtRuntime(name: Node, assignment: Node, context: CheckContext): boolean {
  const root = context.facts.tree.rootNode;
  for (const offset of wordOccurrences(context.facts, context.text, name.text)) {
    if (offset >= assignment.startIndex && offset < assignment.endIndex) continue;
    const node = root.descendantForIndex(offset, offset + name.text.length);
    if (node?.type !== 'identifier' || node.startIndex !== offset) continue; // strings, comments
    if (annotationOf(node) || inAliasValue(node, context)) continue;
    return true;
  }
  return false;
}

/** Inside a `type X = …` statement or the value of another `Y: TypeAlias = …`. */
function inAliasValue(node: Node, context: CheckContext): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'type_alias_statement') return true;
    if (current.type === 'assignment') {
      const annotation = current.childForFieldName('type');
      const value = current.childForFieldName('right');
      const resolved = annotation && context.facts.resolve(unwrapType(annotation));
      return !!value && node.startIndex >= value.startIndex && (resolved === 'typing.TypeAlias' || resolved === 'typing_extensions.TypeAlias');
    }
    if (current.type.endsWith('statement') || current.type === 'block') return false;
  }
  return false;
}
