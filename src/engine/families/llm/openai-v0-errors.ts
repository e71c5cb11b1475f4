// The `openai.error` half of openai-v0-api: the module is gone in openai 1.0 and its
// exceptions live in `openai` itself (some renamed: `InvalidRequestError` → `BadRequestError`).
// `from openai.error import X`, `import openai.error` and `openai.error.X` are reported; the
// unsafe fix names the 1.x class (a from-import keeps the local name with `as`).
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { localName, nameNodes } from '../../import-plan';
import { oneLine } from '../../template';
import type { Fix } from '../../types';
import { V0_ERRORS } from './openai-v0-table';
import { inVersionBranch } from './legacy-calls';

const UNSAFE = 'unsafe: the 1.x exception classes form another hierarchy';
const UNKNOWN = 'the 1.x exceptions are in `openai` (`openai.APIError` and its subclasses)';

export function reportErrorModule(context: CheckContext): void {
  if (!context.facts.importsModule('openai')) return;
  for (const statement of context.facts.tree.rootNode.descendantsOfType(['import_from_statement', 'import_statement'])) {
    if (!statement || !context.isSound(statement) || inVersionBranch(statement)) continue;
    if (statement.type === 'import_from_statement') reportFromImport(context, statement);
    else reportModuleImport(context, statement);
  }
  reportAttributes(context);
}

function advice(name: string): string {
  const modern = V0_ERRORS.get(name);
  return modern ? `use \`openai.${modern}\`` : UNKNOWN;
}

/** `from openai.error import RateLimitError, InvalidRequestError as Bad` → `from openai import RateLimitError, BadRequestError as Bad`. */
function reportFromImport(context: CheckContext, statement: Node): void {
  const module = statement.childForFieldName('module_name');
  const moduleText = module?.text.replace(/\s+/g, '');
  if (moduleText === 'openai') {
    // `from openai import error`: the submodule is gone.
    for (const node of nameNodes(statement)) {
      const imported = node.type === 'aliased_import' ? node.childForFieldName('name')?.text : node.text;
      if (imported === 'error') context.report({ node, data: { old: 'openai.error', advice: UNKNOWN } });
    }
    return;
  }
  if (moduleText !== 'openai.error' || !module) return;
  const names = nameNodes(statement);
  const entries = names.map((node) => {
    const imported = (node.type === 'aliased_import' ? node.childForFieldName('name')?.text : node.text) ?? '';
    const modern = V0_ERRORS.get(imported);
    const local = localName(node);
    return { node, imported, modern, text: modern && (modern === local ? modern : `${modern} as ${local}`) };
  });
  let fix: Fix | undefined;
  if (names.length && entries.every((e) => e.text)) {
    const first = names[0];
    const last = names[names.length - 1];
    fix = {
      title: `Import the 1.x exceptions from \`openai\` (${UNSAFE})`,
      safety: 'unsafe',
      edits: [
        { start: module.startIndex, end: module.endIndex, newText: 'openai' },
        { start: first.startIndex, end: last.endIndex, newText: entries.map((e) => e.text).join(', ') },
      ],
    };
  }
  for (const entry of entries) {
    context.report({ node: entry.node, data: { old: `openai.error.${entry.imported}`, advice: advice(entry.imported) }, fixes: fix ? [fix] : [] });
  }
}

/** `import openai.error` → `import openai`. */
function reportModuleImport(context: CheckContext, statement: Node): void {
  for (const node of statement.childrenForFieldName('name')) {
    if (!node) continue;
    const dotted = node.type === 'aliased_import' ? node.childForFieldName('name') : node;
    if (dotted?.text.replace(/\s+/g, '') !== 'openai.error') continue;
    const fixes: Fix[] = node.type === 'aliased_import' ? [] : [{ title: `Import \`openai\` (${UNSAFE})`, safety: 'unsafe', edits: [{ start: node.startIndex, end: node.endIndex, newText: 'openai' }] }];
    context.report({ node, data: { old: 'openai.error', advice: 'the exceptions are in `openai` itself' }, fixes });
  }
}

/** `openai.error.RateLimitError` (after `import openai` or `import openai as oa`) → `openai.RateLimitError`. */
function reportAttributes(context: CheckContext): void {
  const facts = context.facts;
  const root = facts.tree.rootNode;
  for (const found of context.text.matchAll(/\berror\s*\.\s*(\w+)/g)) {
    const word = root.descendantForIndex(found.index!, found.index! + 5);
    const errorAttribute = word?.parent;
    const attribute = errorAttribute?.parent;
    if (word?.type !== 'identifier' || errorAttribute?.type !== 'attribute' || attribute?.type !== 'attribute') continue;
    if (!attribute.childForFieldName('object')?.equals(errorAttribute) || !errorAttribute.childForFieldName('attribute')?.equals(word)) continue;
    if (facts.resolve(errorAttribute) !== 'openai.error' || !context.isSound(attribute) || inVersionBranch(attribute)) continue;
    const name = attribute.childForFieldName('attribute')?.text ?? '';
    const modern = V0_ERRORS.get(name);
    const receiver = errorAttribute.childForFieldName('object')!;
    const fixes: Fix[] = modern
      ? [{ title: `Replace with \`${oneLine(receiver.text)}.${modern}\` (${UNSAFE})`, safety: 'unsafe', edits: [{ start: attribute.startIndex, end: attribute.endIndex, newText: `${receiver.text}.${modern}` }] }]
      : [];
    context.report({ node: attribute, data: { old: `openai.error.${name}`, advice: advice(name) }, fixes });
  }
}
