// pydantic-optional-without-default (BP001): a model field annotated `Optional[T]`,
// `Union[T, None]`, `T | None` or `Any` with no default. Pydantic 1 gave such fields the
// default None (pydantic/v1/fields.py: a union with None, `Any` and `object` set
// `required = False`); pydantic 2 makes every field without a default required, so inputs
// that left them out now fail validation. The fix adds `= None`, as bump-pydantic does.
// Beyond bump-pydantic, where certain: `Field(description=…)` with no default (pydantic 1
// read it as optional too) gets `default=None`; `Field(...)` (explicitly required) stays.
// Skipped: ClassVar, private `_x` names (not fields in pydantic 1), string annotations,
// `Annotated[...]`, and classes that are not models (dataclasses, `pydantic.v1` models).
// Silent in files written for pydantic 2 (dialect.ts), where such a field is required on
// purpose. Safe: the fix restores the pydantic 1 behaviour the code was written for.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';
import { writtenForV1 } from '../dialect';
import { inVersionCompatBranch, modelClasses, pydanticApplies } from '../models';

const OPTIONAL = new Set(['typing.Optional', 'typing_extensions.Optional']);
const UNION = new Set(['typing.Union', 'typing_extensions.Union']);
const ANY = new Set(['typing.Any', 'typing_extensions.Any']);
const FIELD = new Set(['pydantic.Field', 'pydantic.fields.Field']);

export function createPydanticOptionalWithoutDefault(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!pydanticApplies(context) || !writtenForV1(context)) return;
      const facts = context.facts;
      for (const model of modelClasses(facts).values()) {
        if (!context.isSound(model.node) || inVersionCompatBranch(model.node)) continue;
        for (const statement of model.node.childForFieldName('body')?.namedChildren ?? []) {
          const assignment = statement?.type === 'expression_statement' && statement.namedChildCount === 1 ? statement.firstNamedChild : undefined;
          if (assignment?.type !== 'assignment') continue;
          const name = assignment.childForFieldName('left');
          const annotation = assignment.childForFieldName('type')?.firstNamedChild;
          if (name?.type !== 'identifier' || name.text.startsWith('_') || !annotation) continue;
          if (!admitsNoneOrAny(annotation, facts)) continue;
          const value = assignment.childForFieldName('right');
          if (!value) {
            context.report({
              node: name,
              data: { name: name.text, model: model.name, type: typeText(annotation) },
              fixes: [{ title: 'Add `= None`, the pydantic 1 default (unsafe: the field stops being required)', safety: 'unsafe', edits: [{ start: annotation.endIndex, end: annotation.endIndex, newText: ' = None' }] }],
              suggestion: `\`${name.text}: ${annotation.text} = None\``,
            });
            continue;
          }
          const insert = fieldWithoutDefault(value, facts);
          if (insert === undefined) continue;
          const args = value.childForFieldName('arguments')!;
          context.report({
            node: name,
            data: { name: name.text, model: model.name, type: typeText(annotation) },
            fixes: [{ title: 'Pass `default=None` to `Field`, the pydantic 1 default (unsafe: the field stops being required)', safety: 'unsafe', edits: [{ start: insert, end: insert, newText: args.namedChildCount ? 'default=None, ' : 'default=None' }] }],
            suggestion: `\`${name.text}: ${annotation.text} = ${value.text.slice(0, args.startIndex - value.startIndex + 1)}default=None, …)\``,
            peer: null,
          });
        }
      }
    },
  };
}

function admitsNoneOrAny(annotation: Node, facts: SemanticFacts): boolean {
  return ANY.has(facts.resolve(annotation) ?? '') || admitsNone(annotation, facts);
}

/** The annotation for the message, on one line and at most 40 characters. */
function typeText(annotation: Node): string {
  const flat = annotation.text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

function admitsNone(node: Node, facts: SemanticFacts): boolean {
  if (node.type === 'none') return true;
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '|') {
    return [node.childForFieldName('left'), node.childForFieldName('right')].some((side) => !!side && admitsNone(side, facts));
  }
  if (node.type === 'parenthesized_expression' && node.namedChildCount === 1) return admitsNone(node.firstNamedChild!, facts);
  const generic = node.type === 'generic_type' || node.type === 'subscript' ? node : undefined;
  if (!generic) return false;
  const head = generic.type === 'subscript' ? generic.childForFieldName('value') : generic.firstNamedChild;
  const qualified = head ? (facts.resolve(head) ?? '') : '';
  if (OPTIONAL.has(qualified)) return true;
  if (!UNION.has(qualified)) return false;
  return typeArguments(generic).some((a) => admitsNone(a, facts));
}

/** The arguments of `Union[a, b]` as tree-sitter parses it (a subscript or a generic_type). */
function typeArguments(generic: Node): Node[] {
  const inner =
    generic.type === 'subscript'
      ? generic.childrenForFieldName('subscript')
      : (generic.namedChildren.find((c) => c?.type === 'type_parameter')?.namedChildren ?? []);
  const out: Node[] = [];
  for (const child of inner) {
    if (!child) continue;
    const node = child.type === 'type' ? child.firstNamedChild : child;
    if (node?.type === 'tuple' || node?.type === 'expression_list') out.push(...node.namedChildren.filter((n): n is Node => !!n));
    else if (node) out.push(node);
  }
  return out;
}

/**
 * `Field(description=…)` with no default (no positional, no `default=`/`default_factory=`,
 * no splat): the offset where `default=None` goes. Undefined otherwise.
 */
function fieldWithoutDefault(value: Node, facts: SemanticFacts): number | undefined {
  if (value.type !== 'call') return undefined;
  const callee = value.childForFieldName('function');
  if (!callee || !FIELD.has(facts.resolve(callee) ?? '')) return undefined;
  const args = value.childForFieldName('arguments');
  if (!args) return undefined;
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type !== 'keyword_argument') return undefined;
    const name = arg.childForFieldName('name')?.text;
    if (name === 'default' || name === 'default_factory') return undefined;
  }
  const first = args.namedChildren.find((a) => a && a.type !== 'comment');
  return first ? first.startIndex : args.startIndex + 1;
}
