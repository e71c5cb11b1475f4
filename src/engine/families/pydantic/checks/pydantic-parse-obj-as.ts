// pydantic-parse-obj-as: pydantic 1's module-level helpers for validating any type —
// `parse_obj_as(T, x)`, `parse_raw_as(T, s)`, `parse_file_as(T, path)`, `schema_of(T)`,
// `schema_json_of(T)` — whose pydantic 2 form is a `TypeAdapter(T)`. pydantic 2 keeps
// `parse_obj_as`, `schema_of` and `schema_json_of` as wrappers of exactly that call
// (pydantic/deprecated/tools.py) and removed `parse_raw_as` and `parse_file_as`.
import type { Node } from 'web-tree-sitter';
import { argumentNodes } from '../../../call-arguments';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import { oneLine, pythonBlock } from '../../../template';
import type { Fix } from '../../../types';
import { inVersionCompatBranch, pydanticApplies } from '../models';
import { reportUnusedImports } from '../unused-imports';

interface Helper {
  /** The TypeAdapter method the helper's call becomes. */
  method: string;
  /** The helper's parameters after the type, in order (positional or keyword). */
  parameters: readonly string[];
  /** Keywords passed on to `method` unchanged. */
  forwarded: readonly string[];
  /** Keywords that only warned, dropped by the fix. */
  dropped: readonly string[];
  removed?: boolean;
  /** Why the TypeAdapter form differs (an unsafe fix). */
  unsafe?: string;
  /** No rewrite: what to do instead. */
  noFix?: string;
}

const SCHEMA_KEYWORDS = ['by_alias', 'ref_template', 'schema_generator'];

const HELPERS: ReadonlyMap<string, Helper> = new Map<string, Helper>([
  ['parse_obj_as', { method: 'validate_python', parameters: ['obj'], forwarded: [], dropped: ['type_name'] }],
  ['parse_raw_as', {
    method: 'validate_json',
    parameters: ['b'],
    forwarded: [],
    dropped: ['type_name'],
    removed: true,
    unsafe: 'malformed JSON raises a different `ValidationError`, and the data is validated in JSON mode',
  }],
  ['parse_file_as', { method: 'validate_json', parameters: [], forwarded: [], dropped: [], removed: true, noFix: 'read the file, then call `TypeAdapter(T).validate_json(data)`' }],
  ['schema_of', { method: 'json_schema', parameters: [], forwarded: SCHEMA_KEYWORDS, dropped: [] }],
  ['schema_json_of', { method: 'json_schema', parameters: [], forwarded: [], dropped: [], noFix: 'use `json.dumps(TypeAdapter(T).json_schema())`' }],
]);

/** `pydantic.parse_obj_as`, `pydantic.tools.parse_obj_as`, `pydantic.deprecated.tools.parse_obj_as` → `parse_obj_as`. */
function helperName(qualified: string | undefined): string | undefined {
  const match = qualified && /^pydantic\.(?:(?:deprecated\.)?tools\.)?(\w+)$/.exec(qualified);
  return match && HELPERS.has(match[1]) ? match[1] : undefined;
}

export function createPydanticParseObjAs(context: CheckContext): CheckVisitor {
  const applies = pydanticApplies(context);
  const facts = context.facts;
  return {
    match({ call, callee, args }) {
      if (!applies || !call || !callee || !args || !context.isSound(call)) return;
      const name = helperName(facts.resolve(callee));
      if (!name || inVersionCompatBranch(call)) return;
      const helper = HELPERS.get(name)!;
      const rewrite = helper.noFix ? undefined : adapterCall(args, helper);
      const problem = helper.removed ? 'was removed in pydantic 2' : 'is pydantic 1 API';
      const instead = helper.noFix ?? `use \`TypeAdapter(…).${helper.method}()\``;
      const fixes: Fix[] = [];
      let suggestion: string | undefined;
      if (rewrite) {
        const plan = new ImportPlan(facts, context.text);
        const adapter = plan.reference('pydantic', 'TypeAdapter', call);
        const binding = callee.type === 'identifier' ? facts.imports.find((b) => !b.isModule && b.local === callee.text && helperName(b.qualified) === name) : undefined;
        if (binding && plan.isUnusedExcept(binding, [{ start: call.startIndex, end: call.endIndex }])) plan.remove(binding);
        const imports = adapter ? plan.edits() : undefined;
        const text = `${adapter ?? 'TypeAdapter'}(${rewrite.type}).${helper.method}(${rewrite.rest})`;
        suggestion = `The pydantic 2 form (build the adapter once, at module level, when the call is hot):\n\n${pythonBlock(oneLine(text, 100))}`;
        if (imports) {
          fixes.push({
            title: helper.unsafe ? `Use \`TypeAdapter.${helper.method}()\` (unsafe: ${helper.unsafe})` : `Use \`TypeAdapter.${helper.method}()\``,
            safety: helper.unsafe ? 'unsafe' : 'safe',
            edits: [{ start: call.startIndex, end: call.endIndex, newText: text }, ...imports],
          });
        }
      }
      context.report({ node: call, data: { callee: `${oneLine(callee.text)}()`, problem, instead }, fixes, peer: null, suggestion });
    },
    finish() {
      if (applies) reportUnusedImports(context, (q) => !!helperName(q), (local) => ({ callee: local, problem: 'is imported but no longer used', instead: 'remove the import' }));
    },
  };
}

/** The type's text and the adapter method's arguments, when every argument has a place there. */
function adapterCall(args: Node, helper: Helper): { type: string; rest: string } | undefined {
  const items = argumentNodes(args);
  let type: string | undefined;
  const values: (string | undefined)[] = helper.parameters.map(() => undefined);
  const forwarded: string[] = [];
  let index = 0;
  for (const item of items) {
    if (item.type === 'list_splat' || item.type === 'dictionary_splat') return undefined;
    if (item.type !== 'keyword_argument') {
      if (index === 0) type = item.text;
      else if (index - 1 < values.length) values[index - 1] = item.text;
      else return undefined;
      index++;
      continue;
    }
    const keyword = item.childForFieldName('name')?.text ?? '';
    const value = item.childForFieldName('value')?.text ?? '';
    const slot = helper.parameters.indexOf(keyword);
    if (keyword === 'type_') type = value;
    else if (slot >= 0) values[slot] = value;
    else if (helper.forwarded.includes(keyword)) forwarded.push(item.text);
    else if (!helper.dropped.includes(keyword)) return undefined;
  }
  if (!type || values.some((v) => v === undefined)) return undefined;
  return { type, rest: [...(values as string[]), ...forwarded].join(', ') };
}

