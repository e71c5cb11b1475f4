// pydantic-field-v1-arguments: `Field(...)` keywords of pydantic 1 in a model's fields.
// Pydantic 2 maps `min_items`, `max_items` and `allow_mutation` with a deprecation warning,
// raises on `regex`, `const` and `unique_items`, and only copies `example` and settings'
// `env` into the JSON schema. The fix writes the v2 keyword (`const=True` becomes a
// `Literal[default]` annotation); see field-arguments.ts for the table and each fix's safety.
import type { Node } from 'web-tree-sitter';
import { argumentNodes, keywordArgument, removeArgument } from '../../../call-arguments';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import type { Fix, TextEdit } from '../../../types';
import { FIELD_FUNCTIONS, OLD_FIELD_ARGUMENTS } from '../field-arguments';
import { enclosingModel, type ModelClass, pydanticApplies } from '../models';
import { pythonBlock } from '../source-text';

export function createPydanticFieldV1Arguments(context: CheckContext): CheckVisitor {
  const applies = pydanticApplies(context);
  return {
    match({ call, callee, args }) {
      if (!applies || !FIELD_FUNCTIONS.has(context.facts.resolve(callee) ?? '') || !context.isSound(call)) return;
      const model = enclosingModel(call, context.facts);
      if (!model) return;
      for (const argument of argumentNodes(args)) {
        if (argument.type !== 'keyword_argument') continue;
        const keyword = argument.childForFieldName('name')!.text;
        const old = OLD_FIELD_ARGUMENTS.get(keyword);
        if (!old || (old.settingsOnly && model.kind !== 'settings')) continue;
        const fix = fixOf(context, keyword, argument, call, args, model);
        context.report({
          node: argument,
          data: { keyword, verdict: old.verdict },
          fixes: fix ? [fix] : [],
          peer: keyword === 'unique_items' ? null : 'BP003',
          suggestion: fix ? pythonBlock(applyWithin(statementOf(call), fix.edits, context.text)) : undefined,
        });
      }
    },
  };
}

function fixOf(context: CheckContext, keyword: string, argument: Node, call: Node, args: Node, model: ModelClass): Fix | undefined {
  const old = OLD_FIELD_ARGUMENTS.get(keyword)!;
  const name = argument.childForFieldName('name')!;
  const value = argument.childForFieldName('value');
  if (!value) return undefined;
  const safety = old.unsafe ? 'unsafe' : 'safe';
  const because = old.unsafe ? ` (unsafe: ${old.unsafe})` : '';
  if (old.replacement && keywordArgument(args, old.replacement)) return undefined;
  switch (keyword) {
    case 'min_items':
    case 'max_items':
    case 'regex':
      return { title: `Rename \`${keyword}\` to \`${old.replacement}\`${because}`, safety, edits: [{ start: name.startIndex, end: name.endIndex, newText: old.replacement! }] };
    case 'allow_mutation': {
      // Pydantic 2 reads `allow_mutation=False` as `frozen=True` itself; other values are not literal.
      if (value.type !== 'true' && value.type !== 'false') return undefined;
      const frozen = value.type === 'true' ? 'False' : 'True';
      return { title: `Replace \`allow_mutation=${value.text}\` with \`frozen=${frozen}\``, safety, edits: [{ start: argument.startIndex, end: argument.endIndex, newText: `frozen=${frozen}` }] };
    }
    case 'example':
      return {
        title: `Replace \`example=…\` with \`examples=[…]\`${because}`,
        safety,
        edits: [{ start: argument.startIndex, end: argument.endIndex, newText: `examples=[${value.text}]` }],
      };
    case 'env':
      return envFix(context, argument, value, because);
    case 'const':
      return constFix(context, argument, value, call, args, model, because);
    default:
      return undefined;
  }
}

/** `env="DB_URL"` → `validation_alias="DB_URL"`; a list or tuple of names → `AliasChoices(...)`. */
function envFix(context: CheckContext, argument: Node, value: Node, because: string): Fix | undefined {
  if (isPlainString(value)) {
    return { title: `Rename \`env\` to \`validation_alias\`${because}`, safety: 'unsafe', edits: [{ start: argument.startIndex, end: argument.endIndex, newText: `validation_alias=${value.text}` }] };
  }
  const names = value.type === 'list' || value.type === 'tuple' ? value.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [];
  if (!names.length || !names.every(isPlainString)) return undefined;
  const plan = new ImportPlan(context.facts, context.text);
  const choices = plan.reference('pydantic', 'AliasChoices', argument);
  const imports = plan.edits();
  if (!choices || !imports) return undefined;
  const text = `validation_alias=${choices}(${names.map((n) => n.text).join(', ')})`;
  return { title: `Replace \`env=[…]\` with \`${text}\`${because}`, safety: 'unsafe', edits: [{ start: argument.startIndex, end: argument.endIndex, newText: text }, ...imports] };
}

/** `x: int = Field(1, const=True)` → `x: Literal[1] = Field(1)`; `const=False` just goes. */
function constFix(context: CheckContext, argument: Node, value: Node, call: Node, args: Node, model: ModelClass, because: string): Fix | undefined {
  const removal = removeArgument(args, argument);
  if (value.type === 'false' || value.type === 'none') return { title: `Remove \`const=${value.text}\``, safety: 'safe', edits: [removal] };
  if (value.type !== 'true') return undefined;
  const assignment = call.parent;
  const annotation = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.equals(call) ? assignment.childForFieldName('type') : null;
  if (!annotation || !assignment?.parent?.parent?.parent?.equals(model.node)) return undefined;
  const positional = argumentNodes(args).filter((a) => a.type !== 'keyword_argument');
  const defaultValue = positional[0] ?? keywordArgument(args, 'default')?.childForFieldName('value');
  if (!defaultValue || !isLiteralValue(defaultValue)) return undefined;
  const plan = new ImportPlan(context.facts, context.text);
  const literal = plan.reference('typing', 'Literal', call);
  const imports = plan.edits();
  if (!literal || !imports) return undefined;
  const type = `${literal}[${defaultValue.text}]`;
  const edits: TextEdit[] = [{ start: annotation.startIndex, end: annotation.endIndex, newText: type }, removal, ...imports];
  return { title: `Annotate the field as \`${type}\` and drop \`const\`${because}`, safety: 'unsafe', edits };
}

/** A value `Literal[...]` may hold: a string, bytes, an int, a bool or None (no floats, no f-strings). */
function isLiteralValue(node: Node): boolean {
  if (node.type === 'integer' || node.type === 'true' || node.type === 'false' || node.type === 'none') return true;
  if (node.type === 'unary_operator') return node.child(0)?.type === '-' && node.childForFieldName('argument')?.type === 'integer';
  return isPlainString(node);
}

function isPlainString(node: Node): boolean {
  if (node.type === 'concatenated_string') return node.namedChildren.every((c) => !!c && isPlainString(c));
  return node.type === 'string' && !node.namedChildren.some((c) => c?.type === 'interpolation');
}

function statementOf(call: Node): Node {
  let node = call;
  while (node.parent && node.parent.type !== 'block' && node.parent.type !== 'module') node = node.parent;
  return node;
}

/** The node's text with the edits inside it applied (the import edits elsewhere are left out). */
function applyWithin(node: Node, edits: readonly TextEdit[], text: string): string {
  const inside = edits.filter((e) => e.start >= node.startIndex && e.end <= node.endIndex).sort((a, b) => b.start - a.start);
  let result = text.slice(node.startIndex, node.endIndex);
  for (const edit of inside) result = result.slice(0, edit.start - node.startIndex) + edit.newText + result.slice(edit.end - node.startIndex);
  return result;
}
