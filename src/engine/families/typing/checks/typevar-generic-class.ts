// typevar-generic-class: `class Box(Generic[T])` (or `Protocol[T]`) with module-level
// TypeVars → `class Box[T]:` (PEP 695, 3.12+). The fix (unsafe: variance becomes inferred,
// and the class object no longer lists `Generic[T]` among its bases for runtime
// introspection) moves each TypeVar's bound or constraints into the header; it is offered
// only when every parameter is a TypeVar / ParamSpec / TypeVarTuple defined in this module.
import type { Node } from 'web-tree-sitter';
import { genericOf, genericWithHead, unwrapType } from '../annotations';
import { removalFix, report, short, unusedImports, useFix, usesOf } from '../legacy';
import { publicNames, type TypeVarDefinition, typeParameter, typeVarTable } from '../typevars';
import type { Fix } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const MEMBERS = new Set(['Generic', 'Protocol']);

export function createTypevarGenericClass(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const use of usesOf(context, MEMBERS)) {
        const view = genericWithHead(use.node);
        const argumentList = view?.node.parent;
        const classNode = argumentList?.parent;
        if (!view || argumentList?.type !== 'argument_list' || classNode?.type !== 'class_definition') continue;
        if (!classNode.childForFieldName('superclasses')?.equals(argumentList) || classNode.childForFieldName('type_parameters')) continue;
        const name = classNode.childForFieldName('name');
        if (!name || !context.isSound(classNode.childForFieldName('superclasses')!)) continue;
        // Module-level classes only, as Ruff's UP046: inside a def or class, the TypeVars are
        // often local too, and the scoping of type parameters there is easy to get wrong.
        if (isNested(classNode)) continue;
        const definitions = definitionsOf(view.args, context);
        const isGeneric = use.member === 'Generic';
        // `_T` is declared as `T`, its uses in the class renamed; `Generic[T, T]` (a TypeError
        // at runtime) has no fix: a header cannot declare a name twice.
        const names = definitions?.map((d) => d.name);
        const renames = names && new Set(names).size === names.length ? publicNames(names, classNode, [view.node], typeVarTable(context.facts, context.text), context.facts, context.text) : undefined;
        const parameters = renames && definitions!.map((d) => typeParameter(d, renames.renamed.get(d.name)));
        const fixes: Fix[] = [];
        if (parameters && parameters.every((p): p is string => !!p)) {
          const header = { start: name.endIndex, end: name.endIndex, newText: `[${parameters.join(', ')}]` };
          const base = isGeneric ? baseRemoval(view.node, argumentList) : { start: view.node.startIndex, end: view.node.endIndex, newText: use.node.text };
          if (base) {
            const fix = useFix(context, `Declare \`class ${name.text}[${short(parameters.join(', '))}]\``, false, base, isGeneric ? use : { ...use, binding: undefined });
            if (fix) fixes.push({ ...fix, edits: [header, ...renames!.edits, ...fix.edits] });
          }
        }
        report(context, { node: view.node, data: { base: short(view.node.text) }, fixes });
      }
      for (const unused of unusedImports(context, new Set(['Generic']))) {
        report(context, { node: unused.node, data: { base: unused.binding.local }, fixes: removalFix(context, unused.binding) });
      }
    },
  };
}

/** `T`, `*Ts`, `Unpack[Ts]`, `P` → their definitions, when every one is a local TypeVar-like. */
function definitionsOf(args: readonly Node[], context: CheckContext): TypeVarDefinition[] | undefined {
  const table = typeVarTable(context.facts, context.text);
  const result: TypeVarDefinition[] = [];
  for (const raw of args) {
    let arg = unwrapType(raw);
    if (arg.type === 'list_splat' || arg.type === 'splat_type') {
      arg = arg.namedChildren.find((c) => c?.type === 'identifier') ?? arg;
    } else {
      const unpack = genericOf(arg);
      if (unpack && unpack.args.length === 1 && /(?:^|\.)Unpack$/.test(context.facts.resolve(unpack.head) ?? '')) arg = unwrapType(unpack.args[0]);
    }
    if (arg.type !== 'identifier') return undefined;
    const definition = table.get(arg.text);
    if (!definition) return undefined;
    result.push(definition);
  }
  return result.length ? result : undefined;
}

/** Removes `Generic[T]` from the bases, with its comma, or the whole `(...)` when it is alone. */
function baseRemoval(base: Node, argumentList: Node): { start: number; end: number; newText: string } | undefined {
  const items = argumentList.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  const index = items.findIndex((i) => i.equals(base));
  if (index < 0) return undefined;
  if (items.length === 1) return { start: argumentList.startIndex, end: argumentList.endIndex, newText: '' };
  if (index < items.length - 1) return { start: base.startIndex, end: items[index + 1].startIndex, newText: '' };
  // The last base: take the comma before it (`(Base, Generic[T],)` → `(Base,)`).
  return { start: items[index - 1].endIndex, end: base.endIndex, newText: '' };
}

function isNested(classNode: Node): boolean {
  for (let node = classNode.parent; node; node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'class_definition') return true;
  }
  return false;
}
