// pydantic-v1-method: `.dict()`, `.json()`, `.parse_obj()`, `.copy()`, `__fields__`… on a
// receiver that is provably a model of this file (model-receivers.ts). pydantic 2 keeps them
// as deprecated wrappers of the `model_*` methods; the rename is safe where the wrapper
// forwards the call's arguments unchanged (v1-methods.ts), unsafe where their meaning
// differs, and absent where pydantic 2 rejects them or has no counterpart.
import type { Node } from 'web-tree-sitter';
import { argumentNodes } from '../../../call-arguments';
import { referenceModule } from '../../../imports-edit';
import { onlyRead } from '../../../name-occurrences';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { oneLine, pythonBlock } from '../../../template';
import type { Fix, TextEdit } from '../../../types';
import { configValue } from '../config-values';
import { definesMember, modelReceiver, type ModelReceiver } from '../model-receivers';
import { inVersionCompatBranch, pydanticApplies } from '../models';
import { RENAMED_UNCALLED, V1_METHODS, type V1Method } from '../v1-methods';

interface Verdict {
  problem: string;
  edits?: TextEdit[];
  /** Why the fix is unsafe; undefined for a safe one. */
  unsafe?: string;
}

export function createPydanticV1Method(context: CheckContext): CheckVisitor {
  const applies = pydanticApplies(context);
  const facts = context.facts;
  return {
    match({ attr, object, name }) {
      if (!applies || !attr || !object || !name || !context.isSound(attr)) return;
      const method = V1_METHODS.get(name.text);
      if (!method || isWritten(attr)) return;
      const receiver = modelReceiver(object, facts);
      // A model's own member of either name (a v1/v2 compatibility shim) decides what the call does.
      if (!receiver || definesMember(facts, name.text) || definesMember(facts, method.modern) || inVersionCompatBranch(attr)) return;
      const call = attr.parent?.type === 'call' && attr.parent.childForFieldName('function')?.equals(attr) ? attr.parent : undefined;
      let verdict: Verdict | undefined;
      if (method.attribute) verdict = call ? undefined : attributeVerdict(name, object, method, receiver);
      else if (call) verdict = callVerdict(name, object, call, method, receiver, context);
      else if (RENAMED_UNCALLED.has(name.text)) verdict = renamed(name, method);
      if (!verdict) return;
      const old = method.attribute ? name.text : `.${name.text}()`;
      const fixes: Fix[] = [];
      if (verdict.edits) {
        const target = method.attribute ? method.modern : name.text === 'schema_json' ? `json.dumps(….${method.modern}())` : `.${method.modern}()`;
        const title = verdict.unsafe ? `Use \`${target}\` (unsafe: ${verdict.unsafe})` : `Use \`${target}\``;
        fixes.push({ title, safety: verdict.unsafe ? 'unsafe' : 'safe', edits: verdict.edits });
      }
      const shown = call ?? attr;
      const modern = verdict.edits ? applyWithin(context.text, shown, verdict.edits) : undefined;
      context.report({
        node: name,
        data: { old, problem: verdict.problem },
        fixes,
        peer: null,
        suggestion: modern ? `The pydantic 2 form:\n\n${pythonBlock(modern)}` : undefined,
      });
    },
  };
}

/** `x.__fields__ = …`, `del x.dict`: a write, not a use of the v1 API. */
function isWritten(attr: Node): boolean {
  const parent = attr.parent;
  if (!parent) return false;
  if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && parent.childForFieldName('left')?.equals(attr)) return true;
  return parent.type === 'delete_statement' || parent.type === 'pattern_list' || parent.type === 'tuple_pattern';
}

function renamed(name: Node, method: V1Method, unsafe?: string, extra: TextEdit[] = []): Verdict {
  return {
    problem: `is the pydantic 1 name of \`.${method.modern}()\``,
    edits: [{ start: name.startIndex, end: name.endIndex, newText: method.modern }, ...extra],
    unsafe,
  };
}

function attributeVerdict(name: Node, object: Node, method: V1Method, receiver: ModelReceiver): Verdict | undefined {
  const problem = `is the pydantic 1 name of \`${method.modern}\``;
  if (name.text === '__fields_set__') {
    return receiver.isClass ? undefined : { problem, edits: [{ start: name.startIndex, end: name.endIndex, newText: method.modern }] };
  }
  // `model_fields` is a class attribute: read on an instance it warns from pydantic 2.11 on.
  if (receiver.isClass) return { problem, edits: [{ start: name.startIndex, end: name.endIndex, newText: method.modern }] };
  return { problem, edits: [{ start: object.startIndex, end: name.endIndex, newText: `type(${object.text}).${method.modern}` }] };
}

function callVerdict(name: Node, object: Node, call: Node, method: V1Method, receiver: ModelReceiver, context: CheckContext): Verdict | undefined {
  const receiverText = oneLine(object.text, 30);
  const args = call.childForFieldName('arguments');
  if (method.noRename) {
    const problem = `is pydantic 1 API: ${method.noRename.replace('{{receiver}}', receiverText)}`;
    const edits = name.text === 'schema_json' && args?.type === 'argument_list' ? schemaJsonEdits(object, call, args, context) : undefined;
    return edits ? { problem, edits, unsafe: 'without pydantic\'s encoder, `json.dumps()` fails on values JSON cannot hold in `json_schema_extra`' } : { problem };
  }
  const items = args ? argumentNodes(args) : [];
  if (args?.type !== 'argument_list') return undefined; // a generator argument
  const positional = items.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
  const keywords = items.filter((a) => a.type === 'keyword_argument').map((a) => a.childForFieldName('name')?.text ?? '');
  const splat = items.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat');
  const old = name.text;

  for (const keyword of keywords) {
    const instead = method.raising?.[keyword];
    if (instead) return { problem: `with \`${keyword}=\` raises \`TypeError\` on pydantic 2: use \`.${method.modern}()\` and ${instead}` };
  }
  if (old === 'json') {
    const dumps = keywords.find((k) => !method.keywords.includes(k) && !method.differing?.[k]);
    if (dumps) return { problem: `with \`${dumps}=\` raises \`TypeError\` on pydantic 2: \`.model_dump_json()\` takes no \`json.dumps()\` arguments` };
  }
  if (old === 'copy') {
    const filter = keywords.find((k) => k === 'include' || k === 'exclude');
    if (filter) return { problem: `with \`${filter}=\` has no pydantic 2 counterpart: validate a filtered \`.model_dump(${filter}=…)\` instead` };
  }
  if (old === 'update_forward_refs' && items.length) {
    return { problem: 'with namespace arguments raises `TypeError` on pydantic 2: call `.model_rebuild()` once the names are defined' };
  }
  // dict() and json() pass by_alias=False; model_dump() leaves it to the config's serialize_by_alias.
  const aliasRisk = (old === 'dict' || old === 'json') && !keywords.includes('by_alias') && !splat && byAliasConfigured(receiver, context);
  if (aliasRisk) return renamed(name, method, 'the config sets `serialize_by_alias`, which `model_dump` follows and `dict()` did not');
  if (method.anyArguments) return renamed(name, method);
  if (positional.length > method.positional || keywords.some((k) => !method.keywords.includes(k) && !method.differing?.[k])) {
    return { problem: renamed(name, method).problem };
  }
  if (splat) return renamed(name, method, 'the unpacked arguments may not mean the same there');
  const differing = keywords.map((k) => method.differing?.[k]).find((r) => r) ?? method.differing?.[''];
  if (differing) return renamed(name, method, differing);
  switch (old) {
    case 'from_orm':
      return fromOrm(name, method, args, receiver, context);
    case 'copy':
      return keywords.includes('update') ? copyWithUpdate(name, method, receiver, context) : renamed(name, method);
    case 'update_forward_refs':
      return call.parent?.type === 'expression_statement' ? renamed(name, method) : renamed(name, method, '`model_rebuild()` returns a value where `update_forward_refs()` returned None');
    default:
      return renamed(name, method);
  }
}

function byAliasConfigured(receiver: ModelReceiver, context: CheckContext): boolean {
  const value = configValue(receiver.model, ['serialize_by_alias'], context.facts);
  return value !== undefined && value !== 'False';
}

/** `from_orm` required `from_attributes` (v1 `orm_mode`) in the config; `model_validate` takes it per call. */
function fromOrm(name: Node, method: V1Method, args: Node, receiver: ModelReceiver, context: CheckContext): Verdict {
  const problem = 'is the pydantic 1 name of `.model_validate()` with `from_attributes`';
  if (configValue(receiver.model, ['from_attributes', 'orm_mode'], context.facts) === 'True') {
    return { ...renamed(name, method), problem };
  }
  const close = args.lastChild;
  const last = argumentNodes(args).at(-1);
  if (!close || close.type !== ')' || !last) return { problem };
  const addition: TextEdit = { start: last.endIndex, end: last.endIndex, newText: ', from_attributes=True' };
  return { ...renamed(name, method, 'the config does not set `from_attributes`, which `from_orm()` required', [addition]), problem };
}

/** With `extra="allow"`, `model_copy(update=…)` files keys that are no fields among the extras; `copy()` did not. */
function copyWithUpdate(name: Node, method: V1Method, receiver: ModelReceiver, context: CheckContext): Verdict {
  const extra = configValue(receiver.model, ['extra'], context.facts);
  if (extra === undefined || /^(?:Extra\.(?:ignore|forbid)|["'](?:ignore|forbid)["'])$/.test(extra)) return renamed(name, method);
  return renamed(name, method, 'with `extra="allow"` the keys of `update` that are no fields go to the extras');
}

/** `X.schema_json(indent=2)` → `json.dumps(X.model_json_schema(), indent=2)`, importing json if needed. */
function schemaJsonEdits(object: Node, call: Node, args: Node, context: CheckContext): TextEdit[] | undefined {
  const schema: string[] = [];
  const dumps: string[] = [];
  for (const item of argumentNodes(args)) {
    if (item.type !== 'keyword_argument') return undefined;
    const keyword = item.childForFieldName('name')?.text ?? '';
    (keyword === 'by_alias' || keyword === 'ref_template' ? schema : dumps).push(item.text);
  }
  const facts = context.facts;
  const alias = facts.moduleAlias('json');
  if (alias ? facts.lookup(alias, facts.scopeOf(call)) !== 'json' : !onlyRead(facts, 'json')) return undefined;
  const reference = referenceModule('json', facts, context.text);
  const text = `${reference.name}.dumps(${[`${object.text}.model_json_schema(${schema.join(', ')})`, ...dumps].join(', ')})`;
  return [{ start: call.startIndex, end: call.endIndex, newText: text }, ...(reference.edit ? [reference.edit] : [])];
}

/** The text of `node` with the edits that fall inside it applied. */
function applyWithin(text: string, node: Node, edits: readonly TextEdit[]): string {
  const inside = edits.filter((e) => e.start >= node.startIndex && e.end <= node.endIndex).sort((a, b) => b.start - a.start);
  let result = text.slice(node.startIndex, node.endIndex);
  for (const edit of inside) result = result.slice(0, edit.start - node.startIndex) + edit.newText + result.slice(edit.end - node.startIndex);
  return oneLine(result, 80);
}
