// pydantic-constrained-type: `constr(...)`, `conint(...)`, `conlist(...)`… in a model field's
// annotation (bump-pydantic's BP008) or as a module-level type alias. pydantic 2 keeps these
// functions, discouraged, as builders of `Annotated[<type>, <constraints>]`; the fix writes that
// form, `StringConstraints(...)` for strings and `Field(...)` for the rest, renaming the
// pydantic 1 keywords v2 rejects (`regex`, `min_items`, `max_items`).
import type { Node } from 'web-tree-sitter';
import { argumentNodes } from '../../../call-arguments';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import { oneLine, pythonBlock } from '../../../template';
import type { Fix } from '../../../types';
import { CONSTRAINED_TYPES, constrainedTypeName, type ConstrainedType } from '../constrained-types';
import { inVersionCompatBranch, modelOf, pydanticApplies } from '../models';
import { reportUnusedImports } from '../unused-imports';

type Place = 'field' | 'alias';

interface Reading {
  /** The item type of a container (`int` in `conlist(int)`). */
  item?: string;
  /** The constraint arguments as pydantic 2 spells them. */
  keywords: string[];
  /** A pydantic 1 keyword v2 rejects, and how the fix or the user deals with it. */
  broken?: { keyword: string; instead?: string; renamedTo?: string };
  /** Why the fix is unsafe. */
  unsafe?: string;
  fixable: boolean;
}

export function createPydanticConstrainedType(context: CheckContext): CheckVisitor {
  const applies = pydanticApplies(context);
  const facts = context.facts;
  return {
    match({ call, callee, args }) {
      if (!applies || !call || !callee || !args || !context.isSound(call)) return;
      const name = constrainedTypeName(facts.resolve(callee));
      if (!name || inVersionCompatBranch(call)) return;
      const place = placeOf(call, context);
      if (!place) return;
      const type = CONSTRAINED_TYPES.get(name)!;
      const reading = read(args, type);
      const shownBase = type.container ? `${type.container.builtin}[…]` : type.base.name;
      const modern = `Annotated[${shownBase}, ${type.metadata}(…)]`;
      const broken = reading.broken;
      const calleeText = oneLine(callee.text);
      const data = broken
        ? {
            callee: `${calleeText}(${broken.keyword}=…)`,
            problem: broken.renamedTo ? `fails on pydantic 2 (\`${broken.keyword}\` is now \`${broken.renamedTo}\`)` : 'fails on pydantic 2',
            instead: broken.instead ?? `use \`${modern}\``,
          }
        : { callee: `${calleeText}()`, problem: 'is discouraged in pydantic 2', instead: `use \`${modern}\`` };
      // Field() metadata is read by pydantic models; elsewhere (a FastAPI parameter) an alias could mean more.
      const fixable = reading.fixable && (place === 'field' || type.metadata === 'StringConstraints');
      const rewrite = fixable ? annotatedForm(call, callee, type, reading, context) : undefined;
      const fixes: Fix[] = [];
      if (rewrite?.edits) {
        const title = reading.unsafe ? `Use \`${modern}\` (unsafe: ${reading.unsafe})` : `Use \`${modern}\``;
        fixes.push({ title, safety: reading.unsafe ? 'unsafe' : 'safe', edits: rewrite.edits });
      }
      context.report({
        node: call,
        data,
        fixes,
        peer: place === 'field' ? 'BP008' : null,
        suggestion: rewrite ? `The pydantic 2 form:\n\n${pythonBlock(oneLine(rewrite.text, 100))}` : undefined,
      });
    },
    finish() {
      if (applies) reportUnusedImports(context, (q) => !!constrainedTypeName(q), (local) => ({ callee: local, problem: 'is imported but no longer used', instead: 'remove the import' }));
    },
  };
}

/** A model field's annotation (at any depth: `Optional[constr(...)]`), or a module-level alias `Name = constr(...)`. */
function placeOf(call: Node, context: CheckContext): Place | undefined {
  const facts = context.facts;
  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.equals(call) && !parent.childForFieldName('type')) {
    const left = parent.childForFieldName('left');
    return left?.type === 'identifier' && parent.parent?.type === 'expression_statement' && facts.scopeOf(parent).kind === 'module' ? 'alias' : undefined;
  }
  for (let node: Node | null = parent; node; node = node.parent) {
    if (node.type === 'type') {
      const assignment = node.parent;
      // A `type` inside a generic's parameters (`Optional[constr(...)]`): the annotation is further up.
      if (assignment?.type === 'type_parameter') continue;
      if (assignment?.type !== 'assignment' || !assignment.childForFieldName('type')?.equals(node)) return undefined;
      if (assignment.childForFieldName('left')?.type !== 'identifier' || assignment.parent?.type !== 'expression_statement') return undefined;
      const scope = facts.scopeOf(assignment);
      return scope.kind === 'class' && modelOf(scope.node, facts) ? 'field' : undefined;
    }
    if (node.type.endsWith('statement') || node.type === 'block' || node.type === 'lambda' || node.type === 'string') return undefined;
  }
  return undefined;
}

function read(args: Node, type: ConstrainedType): Reading {
  const reading: Reading = { keywords: [], fixable: true };
  let positional = 0;
  for (const item of argumentNodes(args)) {
    if (item.type === 'list_splat' || item.type === 'dictionary_splat') {
      reading.fixable = false;
      continue;
    }
    if (item.type !== 'keyword_argument') {
      if (type.container && positional === 0) reading.item = item.text;
      else reading.fixable = false;
      positional++;
      continue;
    }
    const keyword = item.childForFieldName('name')?.text ?? '';
    const value = item.childForFieldName('value')?.text ?? '';
    if (type.container && keyword === 'item_type') {
      reading.item = value;
      continue;
    }
    const removed = type.removed?.[keyword];
    const renamed = type.renamed?.[keyword];
    if (removed) {
      reading.broken = { keyword, instead: removed };
      reading.fixable = false;
    } else if (renamed) {
      reading.broken ??= { keyword, renamedTo: renamed.to };
      reading.unsafe ??= renamed.unsafe;
      reading.keywords.push(`${renamed.to}=${value}`);
    } else if (type.keywords.includes(keyword)) {
      reading.keywords.push(item.text);
    } else {
      reading.fixable = false;
    }
  }
  if (type.container && !reading.item) reading.fixable = false;
  return reading;
}

/** `Annotated[str, StringConstraints(max_length=10)]`, with the imports it needs and the con* import it frees. */
function annotatedForm(call: Node, callee: Node, type: ConstrainedType, reading: Reading, context: CheckContext): { text: string; edits?: Fix['edits'] } | undefined {
  const facts = context.facts;
  const plan = new ImportPlan(facts, context.text);
  const [major, minor] = facts.targetVersion;
  const modernTyping = major > 3 || (major === 3 && minor >= 9);
  let base: string | undefined;
  if (type.container) {
    const container = modernTyping ? type.container.builtin : plan.reference('typing', type.container.typing, call);
    base = container && `${container}[${reading.item}]`;
  } else {
    base = type.base.module ? plan.reference(type.base.module, type.base.name, call) : type.base.name;
  }
  if (!base) return undefined;
  // Also with no constraint (`constr()`), as bump-pydantic writes it.
  const annotated = plan.reference(modernTyping ? 'typing' : 'typing_extensions', 'Annotated', call);
  const metadata = plan.reference('pydantic', type.metadata, call);
  if (!annotated || !metadata) return undefined;
  const text = `${annotated}[${base}, ${metadata}(${reading.keywords.join(', ')})]`;
  const binding = callee.type === 'identifier' ? facts.imports.find((b) => !b.isModule && b.local === callee.text && !!constrainedTypeName(b.qualified)) : undefined;
  if (binding && plan.isUnusedExcept(binding, [{ start: call.startIndex, end: call.endIndex }])) plan.remove(binding);
  const imports = plan.edits();
  return { text, edits: imports ? [{ start: call.startIndex, end: call.endIndex, newText: text }, ...imports] : undefined };
}
