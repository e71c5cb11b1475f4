// moved-import: `from collections import Mapping` (an ImportError since 3.10), `from
// typing.io import IO` / `typing.re` (gone in 3.13), typing_extensions names whose home is now
// `collections.abc`, `types` or `warnings`, typing's `ContextManager` aliases, and
// `backports.strenum` (table in ../moved-imports.ts). Also `collections.Mapping` written as an
// attribute after `import collections`.
//
// A removal is reported at any target (the import breaks on the newer Pythons, even when
// nothing uses it); a move only from its version and only when something uses the import
// (an unused one is Ruff's F401). Imports inside `try` / `if` are compatibility shims.
//
// The fix moves the names of a statement that go to one module together (one fix shared by
// their findings, so fix-all rewrites the statement once). Safe when both names are the same
// object on the target; `typing.re`'s names become `re`'s classes from 3.9 (unsafe, a
// different object), with the safe move to `typing` offered after it.
import type { Node } from 'web-tree-sitter';
import type { ImportBinding } from '../../../facts';
import type { Fix, PythonVersion, TextEdit } from '../../../types';
import { atLeast, namesBoundInFile } from '../annotations';
import { escapeRegExp } from '../../../name-occurrences';
import { moveImportedNames } from '../../../import-plan';
import { localName, nameNodes } from '../imports';
import { isUnusedImport } from '../legacy';
import { MOVED_MODULES, movedImport, RE_MODULE_SINCE, type MovedImport } from '../moved-imports';
import { isCompatibilityShim } from './typing-extensions-import';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

interface Entry {
  binding: ImportBinding;
  node: Node;
  moved: MovedImport;
}

const version = (v: PythonVersion) => `${v[0]}.${v[1]}`;

export function createMovedImport(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const facts = context.facts;
      if (![...MOVED_MODULES].some((m) => facts.importsModule(m))) return;
      const target = facts.targetVersion;
      const statements = new Map<number, Entry[]>();
      for (const binding of facts.imports) {
        if (binding.isModule || binding.node.type !== 'import_from_statement') continue;
        const module = binding.node.childForFieldName('module_name')?.text.replace(/\s+/g, '');
        const node = module ? nameNodes(binding.node).find((n) => localName(n) === binding.local) : undefined;
        const moved = module && node ? movedImport(module, importedName(node)) : undefined;
        if (!moved || !node || !context.isSound(binding.node) || isCompatibilityShim(binding.node)) continue;
        if (!moved.removed && (!atLeast(target, ...moved.since) || isUnusedImport(context, binding))) continue;
        statements.set(binding.node.startIndex, [...(statements.get(binding.node.startIndex) ?? []), { binding, node, moved }]);
      }
      for (const entries of statements.values()) {
        const groups = new Map<string, Entry[]>();
        for (const entry of entries) {
          if (entry.moved.noFix || !safeAt(entry.moved, target)) continue;
          groups.set(entry.moved.to, [...(groups.get(entry.moved.to) ?? []), entry]);
        }
        const shared = new Map<string, Fix | undefined>();
        for (const [module, group] of groups) shared.set(module, moveFix(context, group, module, 'safe'));
        const toRe = entries.filter((e) => e.moved.module === 'typing.re' && atLeast(target, ...RE_MODULE_SINCE));
        const reFix = toRe.length ? moveFix(context, toRe, 're', 'unsafe') : undefined;
        for (const entry of entries) {
          const fixes: Fix[] = [];
          const { moved } = entry;
          if (reFix && toRe.includes(entry)) fixes.push(reFix);
          if (!moved.noFix) {
            const fix = shared.get(moved.to) ?? (safeAt(moved, target) ? undefined : moveFix(context, [entry], moved.to, 'unsafe'));
            if (fix) fixes.push(fix);
          }
          context.report({ node: entry.node, data: messageData(moved, target), fixes, suggestion: `\`from ${moved.to} import ${moved.toName ?? moved.name}\`` });
        }
      }
      reportAttributes(context);
    },
  };
}

function safeAt(moved: MovedImport, target: PythonVersion): boolean {
  if (moved.safeFrom === null) return false;
  return !moved.safeFrom || atLeast(target, ...moved.safeFrom);
}

function messageData(moved: MovedImport, target: PythonVersion): Record<string, string> {
  const old = `${moved.module}.${moved.name}`;
  const better = moved.module === 'typing.re' && atLeast(target, ...RE_MODULE_SINCE) ? 're' : moved.to;
  const name = `\`${better}.${moved.toName ?? moved.name}\``;
  if (moved.removed) return { old, verdict: `is gone in Python ${version(moved.removed)}: use ${name}` };
  if (moved.noFix) return { old, verdict: `is a deprecated alias of ${name} (Python ${version(moved.since)}+)` };
  return { old, verdict: `is in the standard library as ${name} since Python ${version(moved.since)}` };
}

function importedName(node: Node): string {
  return (node.type === 'aliased_import' ? (node.childForFieldName('name')?.text ?? '') : node.text).replace(/\s+/g, '');
}

function entryText(entry: Entry): string {
  return entry.binding.local === entry.moved.name ? entry.moved.name : `${entry.moved.name} as ${entry.binding.local}`;
}

/** Moves these names of one statement to `module`: the statement's module changes when all its names go, else the names move to a `from module import …`. */
function moveFix(context: CheckContext, entries: readonly Entry[], module: string, safety: 'safe' | 'unsafe'): Fix | undefined {
  const moves = entries.map((entry) => ({ binding: entry.binding, entry: entryText(entry) }));
  const edits = moveImportedNames(context.facts, context.text, entries[0].binding.node, moves, module);
  if (!edits?.length) return undefined;
  const names = entries.map((e) => `\`${e.moved.name}\``).join(', ');
  return { title: `Import ${names} from \`${module}\``, safety, edits };
}

/** `collections.Mapping` after `import collections`: `collections.abc.Mapping` (adding `import collections.abc`). */
function reportAttributes(context: CheckContext): void {
  const facts = context.facts;
  const root = facts.tree.rootNode;
  for (const binding of facts.imports) {
    if (!binding.isModule || binding.qualified !== 'collections') continue;
    const pattern = new RegExp(`(?<![\\w.])${escapeRegExp(binding.local)}\\s*\\.\\s*(\\w+)`, 'g');
    for (const found of context.text.matchAll(pattern)) {
      const moved = movedImport('collections', found[1]);
      const object = moved && root.descendantForIndex(found.index!, found.index! + binding.local.length);
      const attribute = object?.parent;
      if (!moved || object?.type !== 'identifier' || attribute?.type !== 'attribute' || !attribute.childForFieldName('object')?.equals(object)) continue;
      if (facts.resolve(attribute) !== `collections.${moved.name}` || !context.isSound(attribute)) continue;
      if (inTryStatement(attribute)) continue;
      let fix: Fix | undefined;
      const names = namesBoundInFile(facts);
      if (binding.local === 'collections' || !(names.has('collections') || names.has('*'))) {
        const reference = context.moduleReference('collections.abc');
        const edits: TextEdit[] = [{ start: attribute.startIndex, end: attribute.endIndex, newText: `${reference.name}.${moved.name}` }];
        if (reference.edit) edits.push(reference.edit);
        fix = { title: `Replace with \`${reference.name}.${moved.name}\``, safety: 'safe', edits };
      }
      context.report({ node: attribute, data: messageData(moved, facts.targetVersion), fixes: fix ? [fix] : [] });
    }
  }
}

/** `try: Mapping = collections.abc.Mapping / except AttributeError: Mapping = collections.Mapping`: a shim. */
function inTryStatement(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'try_statement') return true;
    if (current.type === 'function_definition' || current.type === 'class_definition') return false;
  }
  return false;
}
