// What a file's import statements bind and make known, from the base query's import matches:
// the bindings, the modules and targets they name, `__future__` features and wildcard
// imports. SemanticFacts (facts.ts) reads them once per analysis.
import type { Node, QueryMatch } from 'web-tree-sitter';
import type { ModuleFacts } from './incremental/module-facts';
import type { ImportBinding, Scope } from './scopes';

export interface ImportFacts {
  bindings: ImportBinding[];
  /** Features `from __future__ import ...` enables. */
  futureFeatures: Set<string>;
  /** Every module path an import names, with its dotted prefixes (`a`, `a.b`, `a.b.c`). */
  importedModules: Set<string>;
  /** What each binding stands for (`time`, `time.sleep`). */
  importedTargets: Set<string>;
  /** `from x import *` somewhere: an unbound name may come from it, so it is no builtin. */
  wildcardImport: boolean;
}

/**
 * The imports of the matched statements, after `earlier` ones. With a focus, `earlier` holds
 * the rest of the file's bindings and `module` its file-wide answers.
 */
export function readImports(
  importMatches: readonly QueryMatch[],
  scopeAt: (offset: number) => Scope,
  earlier: ImportBinding[],
  module: ModuleFacts | undefined,
): ImportFacts {
  const list = earlier;
  const facts: ImportFacts = {
    bindings: list,
    futureFeatures: new Set(module?.futureFeatures),
    importedModules: new Set(module?.importedModules),
    importedTargets: new Set(module?.importedTargets),
    wildcardImport: module?.wildcardImport ?? false,
  };
  const noteModule = (path: string): void => {
    const parts = path.split('.');
    for (let i = 1; i <= parts.length; i++) facts.importedModules.add(parts.slice(0, i).join('.'));
  };
  for (const match of importMatches) {
    const capture = match.captures[0];
    const node = capture.node;
    if (node.hasError) continue;
    const scope = scopeAt(node.startIndex);
    if (capture.name === 'future') {
      for (const name of node.childrenForFieldName('name')) if (name) facts.futureFeatures.add(importedName(name).name);
    } else if (capture.name === 'import') {
      for (const child of node.childrenForFieldName('name')) {
        if (!child) continue;
        const { name, alias } = importedName(child);
        // `import os.path` binds `os`; `import os.path as p` binds `p` to `os.path`.
        const local = alias ?? name.split('.')[0];
        list.push({ local, qualified: alias ? name : local, isModule: true, node, scope });
        noteModule(name);
      }
    } else {
      const moduleNode = node.childForFieldName('module_name');
      if (node.children.some((c) => c?.type === 'wildcard_import')) facts.wildcardImport = true;
      // Relative imports (`from . import x`) are the user's own modules: never a library.
      if (!moduleNode || moduleNode.type === 'relative_import') continue;
      const module = moduleNode.text.replace(/\s+/g, '');
      for (const child of node.childrenForFieldName('name')) {
        if (!child) continue;
        const { name, alias } = importedName(child);
        list.push({ local: alias ?? name, qualified: `${module}.${name}`, isModule: false, node, scope });
        noteModule(`${module}.${name}`);
      }
    }
  }
  for (const binding of list) facts.importedTargets.add(binding.qualified);
  return facts;
}

function importedName(node: Node): { name: string; alias?: string } {
  if (node.type === 'aliased_import') {
    return {
      name: (node.childForFieldName('name')?.text ?? '').replace(/\s+/g, ''),
      alias: node.childForFieldName('alias')?.text,
    };
  }
  return { name: node.text.replace(/\s+/g, '') };
}
