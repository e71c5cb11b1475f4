// typing-extensions-import: `from typing_extensions import X` where the target version's
// `typing` has X, and typing_extensions itself hands out typing's object (so the two are
// identical at runtime: the fix is safe). Each name has its own version (GATES, from
// typing_extensions 4.15's re-exports). Compatibility shims (imports inside `try` or `if`)
// are left alone.
import type { Node } from 'web-tree-sitter';
import { atLeast } from '../annotations';
import { ImportPlan, localName, nameNodes } from '../imports';
import { isUnusedImport, report, useFix, usesOf } from '../legacy';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

/** The first Python version whose `typing` provides the name exactly as typing_extensions does. */
export const GATES: Record<string, readonly [number, number]> = {
  // Always the same object (typing_extensions re-exports them unconditionally).
  ClassVar: [3, 7], Type: [3, 7], NoReturn: [3, 7], Text: [3, 7], TYPE_CHECKING: [3, 7], Awaitable: [3, 7], Coroutine: [3, 7],
  AsyncIterable: [3, 7], AsyncIterator: [3, 7], Deque: [3, 7], DefaultDict: [3, 7], Counter: [3, 7], ChainMap: [3, 7],
  Generic: [3, 7], ForwardRef: [3, 7], Callable: [3, 7], Iterable: [3, 7], Iterator: [3, 7], Mapping: [3, 7], Sequence: [3, 7],
  Optional: [3, 7], Union: [3, 7], Tuple: [3, 7], List: [3, 7], Dict: [3, 7], Set: [3, 7], FrozenSet: [3, 7], cast: [3, 7],
  OrderedDict: [3, 8], Final: [3, 8], Annotated: [3, 9],
  TypeAlias: [3, 10], TypeGuard: [3, 10], ParamSpecArgs: [3, 10], ParamSpecKwargs: [3, 10], get_origin: [3, 10], get_args: [3, 10],
  Any: [3, 11], final: [3, 11], Literal: [3, 11], overload: [3, 11], get_overloads: [3, 11], clear_overloads: [3, 11], Concatenate: [3, 11],
  LiteralString: [3, 11], Self: [3, 11], Never: [3, 11], Required: [3, 11], NotRequired: [3, 11], assert_type: [3, 11],
  assert_never: [3, 11], reveal_type: [3, 11], NewType: [3, 11],
  Unpack: [3, 12], override: [3, 12], dataclass_transform: [3, 12], SupportsInt: [3, 12], SupportsFloat: [3, 12],
  SupportsComplex: [3, 12], SupportsBytes: [3, 12], SupportsIndex: [3, 12], SupportsAbs: [3, 12], SupportsRound: [3, 12],
  Protocol: [3, 13], runtime_checkable: [3, 13], TypeVar: [3, 13], ParamSpec: [3, 13], TypeVarTuple: [3, 13], TypeIs: [3, 13],
  ReadOnly: [3, 13], NoDefault: [3, 13], NamedTuple: [3, 13], get_type_hints: [3, 13], AsyncContextManager: [3, 13],
  AsyncGenerator: [3, 13], ContextManager: [3, 13], Generator: [3, 13], is_protocol: [3, 13], get_protocol_members: [3, 13],
  TypeAliasType: [3, 14],
};

export function createTypingExtensionsImport(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const facts = context.facts;
      if (!facts.importsModule('typing_extensions')) return;
      const target = facts.targetVersion;
      const movable = (member: string) => !!GATES[member] && atLeast(target, ...(GATES[member] as [number, number]));
      for (const binding of facts.imports) {
        const member = /^typing_extensions\.(\w+)$/.exec(binding.qualified)?.[1];
        if (binding.isModule || !member || !movable(member) || isCompatibilityShim(binding.node)) continue;
        const node = nameNodes(binding.node).find((n) => localName(n) === binding.local);
        if (!node || !context.isSound(binding.node) || isUnusedImport(context, binding)) continue;
        const all = nameNodes(binding.node).every((n) => movable(n.type === 'aliased_import' ? (n.childForFieldName('name')?.text ?? '') : n.text));
        let edits;
        if (all) {
          const module = binding.node.childForFieldName('module_name')!;
          edits = [{ start: module.startIndex, end: module.endIndex, newText: 'typing' }];
        } else {
          const plan = new ImportPlan(facts, context.text);
          plan.remove(binding);
          plan.importFrom('typing', node.text);
          edits = plan.edits();
        }
        const version = `3.${GATES[member][1]}`;
        const fixes = edits ? [{ title: `Import \`${member}\` from \`typing\``, safety: 'safe' as const, edits }] : [];
        report(context, { node, data: { name: member, version }, fixes });
      }
      for (const use of usesOf(context, new Set(Object.keys(GATES)))) {
        if (use.module !== 'typing_extensions' || use.binding || !movable(use.member) || !context.isSound(use.node)) continue;
        const plan = new ImportPlan(facts, context.text);
        const reference = plan.reference('typing', use.member, use.node);
        const fix = reference && useFix(context, `Replace with \`${reference}\``, true, { start: use.node.startIndex, end: use.node.endIndex, newText: reference }, use, plan);
        report(context, { node: use.node, data: { name: use.member, version: `3.${GATES[use.member][1]}` }, fixes: fix ? [fix] : [] });
      }
    },
  };
}

/** `try: from typing import X / except ImportError: from typing_extensions import X`, or an `if sys.version_info` branch. */
export function isCompatibilityShim(statement: Node): boolean {
  for (let node = statement.parent; node; node = node.parent) {
    if (['try_statement', 'if_statement', 'except_clause', 'else_clause', 'elif_clause'].includes(node.type)) return true;
    if (node.type === 'function_definition' || node.type === 'class_definition') return false;
  }
  return false;
}
