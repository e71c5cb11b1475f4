// pydantic-moved-import: names pydantic 2 moved or removed (table in ../moved-names.ts),
// imported with `from pydantic… import X` or used as `pydantic.X` after `import pydantic`.
// The fix points the import at the new home, splitting a from-import when only some of its
// names move (one fix per statement and new module, shared by its findings). Imports inside
// `try` / `if` are compatibility shims and left alone. Removed names get no fix.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { ImportBinding } from '../../../facts';
import { ImportPlan, localName, moveImportedNames, nameNodes } from '../../../import-plan';
import type { Fix } from '../../../types';
import { pydanticApplies } from '../models';
import { MOVED_NAMES, type MovedName, removedName } from '../moved-names';
import { pythonBlock } from '../source-text';

interface Entry {
  binding: ImportBinding;
  node: Node;
  module: string;
  name: string;
  moved: MovedName;
}

export function createPydanticMovedImport(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!pydanticApplies(context)) return;
      const facts = context.facts;
      const statements = new Map<number, Entry[]>();
      for (const binding of facts.imports) {
        if (binding.isModule || binding.node.type !== 'import_from_statement' || isShim(binding.node) || !context.isSound(binding.node)) continue;
        const module = binding.node.childForFieldName('module_name')?.text.replace(/\s+/g, '');
        const node = nameNodes(binding.node).find((n) => localName(n) === binding.local);
        if (!module || !node) continue;
        const name = importedName(node);
        const moved = MOVED_NAMES.get(`${module}:${name}`);
        if (moved) {
          statements.set(binding.node.startIndex, [...(statements.get(binding.node.startIndex) ?? []), { binding, node, module, name, moved }]);
          continue;
        }
        const replacement = removedName(module, name);
        if (replacement) context.report({ node, data: { old: `${module}.${name}`, verdict: `was removed in pydantic 2: ${replacement}` }, peer: null });
      }
      for (const entries of statements.values()) {
        const fixes = new Map<string, Fix | undefined>();
        for (const entry of entries) {
          const target = entry.moved.module;
          if (!fixes.has(target)) fixes.set(target, moveFix(context, entries.filter((e) => e.moved.module === target)));
          const fix = fixes.get(target);
          context.report({
            node: entry.node,
            data: { old: `${entry.module}.${entry.name}`, verdict: verdictOf(entry.moved) },
            fixes: fix ? [fix] : [],
            peer: entry.moved.install ? 'BP004' : null,
            suggestion: pythonBlock(`from ${target} import ${entryText(entry)}`),
          });
        }
      }
      reportAttributes(context);
    },
  };
}

function verdictOf(moved: MovedName): string {
  const home = `\`${moved.module}.${moved.name}\``;
  if (moved.install) return `moved to ${home} in pydantic 2 (install \`${moved.install}\`)`;
  if (moved.v1Copy) return `is pydantic 1 code, kept as ${home}`;
  return `is ${home} in pydantic 2`;
}

function importedName(node: Node): string {
  return (node.type === 'aliased_import' ? (node.childForFieldName('name')?.text ?? '') : node.text).replace(/\s+/g, '');
}

/** `X`, `X as y`, or `NewName as X` when pydantic 2 renamed it (the file keeps its own name). */
function entryText(entry: Entry): string {
  return entry.binding.local === entry.moved.name ? entry.moved.name : `${entry.moved.name} as ${entry.binding.local}`;
}

/** Inside `try` / `if`: a shim that imports (or names) one version or the other. */
function isShim(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'try_statement' || current.type === 'if_statement') return true;
    if (current.type === 'function_definition' || current.type === 'class_definition') return false;
  }
  return false;
}

/** Moves these names of one statement to their module: the module name changes when every name goes, else the names move. */
function moveFix(context: CheckContext, entries: readonly Entry[]): Fix | undefined {
  const target = entries[0].moved.module;
  // Respell the statement's module only when no name is renamed and the file has no import from the target yet.
  const respell = entries.every((e) => e.moved.name === e.name) && !hasFromImport(context, target);
  const moves = entries.map((entry) => ({ binding: entry.binding, entry: entryText(entry) }));
  const edits = moveImportedNames(context.facts, context.text, entries[0].binding.node, moves, target, respell);
  if (!edits?.length) return undefined;
  const names = entries.map((e) => `\`${e.name}\``).join(', ');
  const unsafe = entries.find((e) => e.moved.unsafe)?.moved.unsafe;
  return { title: `Import ${names} from \`${target}\`${unsafe ? ` (unsafe: ${unsafe})` : ''}`, safety: unsafe ? 'unsafe' : 'safe', edits };
}

function hasFromImport(context: CheckContext, module: string): boolean {
  return context.facts.tree.rootNode.namedChildren.some((s) => s?.type === 'import_from_statement' && s.childForFieldName('module_name')?.text.replace(/\s+/g, '') === module);
}

/** `pydantic.BaseSettings` (or `pydantic.error_wrappers.ValidationError`) after `import pydantic`. */
function reportAttributes(context: CheckContext): void {
  const facts = context.facts;
  if (!facts.imports.some((b) => b.isModule && (b.qualified === 'pydantic' || b.qualified.startsWith('pydantic.')))) return;
  for (const attribute of facts.tree.rootNode.descendantsOfType('attribute')) {
    if (!attribute || attribute.parent?.type === 'attribute' && attribute.parent.childForFieldName('object')?.equals(attribute)) continue;
    if (inImport(attribute) || isAttributeShim(attribute) || !context.isSound(attribute)) continue;
    const qualified = facts.resolve(attribute);
    const match = qualified && /^(pydantic(?:\.\w+)*)\.(\w+)$/.exec(qualified);
    if (!match) continue;
    const [, module, name] = match;
    const moved = MOVED_NAMES.get(`${module}:${name}`);
    const replacement = moved ? undefined : removedName(module, name);
    if (!moved && !replacement) continue;
    let fix: Fix | undefined;
    if (moved) {
      const plan = new ImportPlan(facts, context.text);
      const reference = plan.reference(moved.module, moved.name, attribute);
      const imports = plan.edits();
      if (reference && imports) {
        fix = {
          title: `Replace with \`${reference}\`${moved.unsafe ? ` (unsafe: ${moved.unsafe})` : ''}`,
          safety: moved.unsafe ? 'unsafe' : 'safe',
          edits: [{ start: attribute.startIndex, end: attribute.endIndex, newText: reference }, ...imports],
        };
      }
    }
    context.report({
      node: attribute,
      data: { old: `${module}.${name}`, verdict: moved ? verdictOf(moved) : `was removed in pydantic 2: ${replacement}` },
      fixes: fix ? [fix] : [],
      peer: moved?.install ? 'BP004' : null,
    });
  }
}

/** `pydantic.BaseSettings` under a version test, or in a `try` that catches the lookup failing. */
function isAttributeShim(node: Node): boolean {
  for (let current = node.parent, child: Node = node; current; child = current, current = current.parent) {
    if (current.type === 'if_statement' && /version|V1|V2/i.test(current.childForFieldName('condition')?.text ?? '')) return true;
    if (current.type === 'try_statement' && child.type === 'block' && /\b(?:AttributeError|ImportError|ModuleNotFoundError)\b/.test(current.text.slice(child.endIndex - current.startIndex))) return true;
    if (current.type === 'function_definition' || current.type === 'class_definition') return false;
  }
  return false;
}

function inImport(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'import_statement' || current.type === 'import_from_statement') return true;
    if (current.type.endsWith('statement') || current.type === 'block') return false;
  }
  return false;
}
