// typevar-generic-function: a function whose signature uses module-level TypeVars →
// `def first[T](items: list[T]) -> T:` (PEP 695, 3.12+). Type variables bound by an
// enclosing class (its `Generic[T]` bases or header) are the class's, not the method's;
// functions nested in other functions are skipped (an outer def may bind them). The fix
// (unsafe: variance and the TypeVar objects' identity change) is offered when every type
// variable is expressible and none hides in a string annotation.
import type { Node } from 'web-tree-sitter';
import { wordOccurrences } from '../../../name-occurrences';
import { functionInfo, parametersOf } from '../functions';
import { publicNames, typeParameter, typeVarsIn, typeVarTable } from '../typevars';
import { report } from '../legacy';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createTypevarGenericFunction(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const facts = context.facts;
      const table = typeVarTable(facts, context.text);
      if (!table.size) return;
      for (const scope of facts.scopes) {
        if (scope.kind !== 'function') continue;
        const info = functionInfo(facts, scope.node);
        if (!info || info.placement === 'nested' || scope.node.childForFieldName('type_parameters') || !context.isSound(info.parameters)) continue;
        const annotations: Node[] = parametersOf(info).map((p) => p.annotation).filter((a): a is Node => !!a);
        const returns = scope.node.childForFieldName('return_type');
        if (returns) annotations.push(returns);
        if (info.implicitFirst?.type === 'typed_parameter' || info.implicitFirst?.type === 'typed_default_parameter') {
          const self = info.implicitFirst.childForFieldName('type');
          if (self) annotations.push(self);
        }
        if (!annotations.length) continue;
        const { names, inStrings } = typeVarsIn(annotations, facts, context.text, table);
        const own = names.filter((name) => !boundByEnclosingClass(scope.node, name, context));
        if (!own.length) continue;
        // `_T` is declared as `T` and renamed in the def (not in defaults: they run outside its scope).
        const defaults = parametersOf(info).map((p) => p.value).filter((v): v is Node => !!v);
        const renames = inStrings ? undefined : publicNames(own, scope.node, defaults, table, facts, context.text);
        const parameters = renames && own.map((name) => typeParameter(table.get(name)!, renames.renamed.get(name)));
        const header = parameters && parameters.every((p): p is string => !!p) ? `[${parameters.join(', ')}]` : undefined;
        const fixes = header ? [{ title: `Declare \`def ${info.name.text}${header}\``, safety: 'unsafe' as const, edits: [{ start: info.name.endIndex, end: info.name.endIndex, newText: header }, ...renames!.edits] }] : [];
        report(context, { node: info.name, data: { name: info.name.text, typevars: own.join(', ') }, fixes });
      }
    },
  };
}

/** The name appears in the header (bases or type parameters) of a class around the def. */
function boundByEnclosingClass(definition: Node, name: string, context: CheckContext): boolean {
  for (let scope = context.facts.scopeOf(definition); scope.kind !== 'module'; scope = scope.parent!) {
    if (scope.kind !== 'class') return true; // inside a function: leave it alone
    const header = [scope.node.childForFieldName('superclasses'), scope.node.childForFieldName('type_parameters')].filter((n): n is Node => !!n);
    if (wordOccurrences(context.facts, context.text, name).some((offset) => header.some((h) => offset >= h.startIndex && offset < h.endIndex))) return true;
  }
  return false;
}
