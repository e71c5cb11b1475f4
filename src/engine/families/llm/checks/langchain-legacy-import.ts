// langchain-legacy-import: `from langchain.chat_models import ChatOpenAI`,
// `from langchain.vectorstores import FAISS`, `from langchain.schema import HumanMessage`, …
// LangChain 0.1 split the package (langchain-core, langchain-community, partner packages such
// as langchain-openai, langchain-text-splitters); the old paths warned through 0.3 and are gone
// in 1.0. The table (../langchain-moves.ts, read from the wheels) names each class's new module
// and the package to install.
//
// The fix moves the names of one statement that go to one module together (one fix shared by
// their findings, as moved-import does). Safe when the old path re-exported the same object
// (langchain_core, langchain_community, langchain_text_splitters); unsafe for the partner
// packages, whose classes are newer implementations. A name the table does not know is
// reported with langchain-classic, which keeps the old layout, and gets no fix.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { ImportBinding } from '../../../facts';
import { localName, moveImportedNames, nameNodes } from '../../../import-plan';
import type { Fix } from '../../../types';
import { isLangchain1Module, LANGCHAIN_MOVES, langchainImport, packageOf, type LangchainImport } from '../langchain-moves';

interface Entry {
  binding: ImportBinding;
  node: Node;
  imported: string;
  fate: Exclude<LangchainImport, { kind: 'kept' }>;
}

export function createLangchainLegacyImport(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const facts = context.facts;
      if (!facts.importsModule('langchain')) return;
      const statements = new Map<number, Entry[]>();
      for (const binding of facts.imports) {
        if (binding.isModule || binding.node.type !== 'import_from_statement') continue;
        const module = binding.node.childForFieldName('module_name')?.text.replace(/\s+/g, '');
        const node = module ? nameNodes(binding.node).find((n) => localName(n) === binding.local) : undefined;
        if (!module || !node || !context.isSound(binding.node)) continue;
        const imported = importedName(node);
        const fate = langchainImport(module, imported);
        if (!fate || fate.kind === 'kept' || isShim(binding.node, binding.local)) continue;
        const key = binding.node.startIndex;
        statements.set(key, [...(statements.get(key) ?? []), { binding, node, imported, fate }]);
      }
      for (const entries of statements.values()) reportStatement(context, entries);
      reportModuleImports(context);
    },
  };
}

function reportStatement(context: CheckContext, entries: Entry[]): void {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (entry.fate.kind === 'moved') groups.set(entry.fate.module, [...(groups.get(entry.fate.module) ?? []), entry]);
  }
  const fixes = new Map<string, Fix | undefined>();
  for (const [module, group] of groups) fixes.set(module, moveFix(context, group, module));
  for (const entry of entries) {
    const { fate } = entry;
    const old = `${entry.binding.node.childForFieldName('module_name')!.text}.${entry.imported}`;
    const advice = fate.kind === 'moved'
      ? `import it from \`${fate.module}\` (pip install ${fate.package})`
      : `it lives on in \`${fate.module}\` (pip install ${fate.package})`;
    const fix = fate.kind === 'moved' ? fixes.get(fate.module) : undefined;
    const suggestion = fate.kind === 'moved'
      ? `\`\`\`python\nfrom ${fate.module} import ${entryText(entry)}\n\`\`\`\n\nInstall the package: \`pip install ${fate.package}\`.`
      : `Install \`langchain-classic\` to keep the old classes (\`from ${fate.module} import ${entryText(entry)}\`), or move to their successors (LCEL \`prompt | model\`, \`langchain.agents.create_agent\`).`;
    context.report({ node: entry.node, data: { old, advice }, fixes: fix ? [fix] : [], suggestion });
  }
}

/** `import langchain.vectorstores`: the module is gone; its names are reported where the table knows them, no fix. */
function reportModuleImports(context: CheckContext): void {
  for (const statement of context.facts.tree.rootNode.descendantsOfType('import_statement')) {
    if (!statement || !context.isSound(statement)) continue;
    for (const node of statement.childrenForFieldName('name')) {
      const dotted = node?.type === 'aliased_import' ? node.childForFieldName('name') : node;
      const module = dotted?.text.replace(/\s+/g, '') ?? '';
      if (!node || !module.startsWith('langchain.') || isShim(statement, module.split('.').pop()!)) continue;
      const home = moduleHome(module);
      if (!home) continue;
      context.report({ node, data: { old: module, advice: `import its names from \`${home}\` (pip install ${packageOf(home)})` } });
    }
  }
}

/** Where a removed module's names went: its one target module, else langchain_classic's copy. Undefined: langchain 1.x still has it. */
function moduleHome(module: string): string | undefined {
  if (isLangchain1Module(module)) return undefined;
  const targets = LANGCHAIN_MOVES[module];
  return targets?.length === 1 ? targets[0] : module.replace(/^langchain/, 'langchain_classic');
}

function importedName(node: Node): string {
  return (node.type === 'aliased_import' ? (node.childForFieldName('name')?.text ?? '') : node.text).replace(/\s+/g, '');
}

function entryText(entry: Entry): string {
  return entry.binding.local === entry.imported ? entry.imported : `${entry.imported} as ${entry.binding.local}`;
}

/** Moves these names of one statement to `module`: the statement's module changes when all its names go, else the names move to a `from module import …`. */
function moveFix(context: CheckContext, entries: readonly Entry[], module: string): Fix | undefined {
  const moves = entries.map((entry) => ({ binding: entry.binding, entry: entryText(entry) }));
  const edits = moveImportedNames(context.facts, context.text, entries[0].binding.node, moves, module);
  if (!edits?.length) return undefined;
  const names = entries.map((e) => `\`${e.imported}\``).join(', ');
  const sameObject = entries[0].fate.kind === 'moved' && entries[0].fate.sameObject;
  const title = sameObject
    ? `Import ${names} from \`${module}\``
    : `Import ${names} from \`${module}\` (unsafe: ${packageOf(module)} has its own implementation; install it)`;
  return { title, safety: sameObject ? 'safe' : 'unsafe', edits };
}

/** `try: from langchain_openai import ChatOpenAI / except ImportError: from langchain.chat_models import ChatOpenAI`: a compatibility shim. */
function isShim(statement: Node, local: string): boolean {
  for (let current = statement.parent; current; current = current.parent) {
    if (current.type === 'try_statement') {
      const pattern = new RegExp(`from\\s+langchain_\\w+[\\w.]*\\s+import\\s[^\\n]*\\b${local}\\b`);
      return pattern.test(current.text);
    }
    if (current.type === 'function_definition' || current.type === 'class_definition') return false;
  }
  return false;
}
