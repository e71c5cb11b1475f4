// pydantic-generic-model (BP005): `class Page(GenericModel, Generic[T])`. Pydantic 2 dropped
// `pydantic.generics.GenericModel`: a `BaseModel` that also derives from `Generic[T]` is
// generic (the old import survives as an alias of BaseModel, with a warning). The fix puts
// `BaseModel` in the base's place, reusing the file's import of it, and drops the
// GenericModel import once unused; a class that already lists BaseModel just loses the
// GenericModel base (a base listed twice is a TypeError). Safe: in pydantic 2 the name is
// BaseModel itself.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix, TextEdit } from '../../../types';
import { inVersionCompatBranch, pydanticApplies } from '../models';
import { FileRenames } from '../renames';

const GENERIC_MODEL = new Set(['pydantic.generics.GenericModel']);
const BASE_MODEL = new Set(['pydantic.BaseModel', 'pydantic.main.BaseModel']);

export function createPydanticGenericModel(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!pydanticApplies(context)) return;
      const facts = context.facts;
      const sites: { scope: string; generic: Node; bases: Node[]; hasBaseModel: boolean }[] = [];
      for (const scope of facts.scopes) {
        if (scope.kind !== 'class' || !context.isSound(scope.node) || inVersionCompatBranch(scope.node)) continue;
        const bases = (scope.node.childForFieldName('superclasses')?.namedChildren ?? []).filter((b): b is Node => !!b && b.type !== 'comment');
        const generic = bases.find((b) => GENERIC_MODEL.has(facts.resolve(b) ?? ''));
        if (!generic) continue;
        sites.push({ scope: scope.name, generic, bases, hasBaseModel: bases.some((b) => BASE_MODEL.has(facts.resolve(b) ?? '')) });
      }
      const fix = sites.length ? genericFix(context, sites) : undefined;
      for (const { scope, generic, bases, hasBaseModel } of sites) {
        context.report({
          node: generic,
          data: { name: generic.text },
          fixes: fix ? [fix] : [],
          suggestion: `\`\`\`python\nclass ${scope}(${bases.filter((b) => !hasBaseModel || !b.equals(generic)).map((b) => (b.equals(generic) ? 'BaseModel' : b.text)).join(', ')}):\n\`\`\``,
        });
      }
    },
  };
}

/** One fix for the whole file, shared by its findings (see FileRenames). */
function genericFix(context: CheckContext, sites: readonly { generic: Node; bases: Node[]; hasBaseModel: boolean }[]): Fix | undefined {
  const renames = new FileRenames(context.facts, context.text);
  const edits: TextEdit[] = [];
  for (const { generic, bases, hasBaseModel } of sites) {
    if (hasBaseModel) {
      const index = bases.findIndex((b) => b.equals(generic));
      const [start, end] = index < bases.length - 1 ? [generic.startIndex, bases[index + 1].startIndex] : [bases[index - 1].endIndex, generic.endIndex];
      edits.push({ start, end, newText: '' });
      renames.replaced(generic);
    } else {
      const name = renames.rename(generic, 'BaseModel', true);
      if (!name) return undefined;
      edits.push({ start: generic.startIndex, end: generic.endIndex, newText: name });
    }
  }
  const imports = renames.edits();
  if (!imports) return undefined;
  const title = sites.length === 1 && sites[0].hasBaseModel ? 'Remove the `GenericModel` base' : sites.length === 1 ? 'Replace `GenericModel` with `BaseModel`' : `Replace the file's ${sites.length} \`GenericModel\` bases with \`BaseModel\``;
  return { title: `${title} (safe: pydantic 2 made them one class)`, safety: 'safe', edits: [...edits, ...imports] };
}
