// import-fallback: `try: import X / except ImportError: import Y` where the target decides
// which branch runs. Stdlib first (`import tomllib` / `import tomli as tomllib`): the try
// always succeeds, the fallback is dead, and keeping the try body is safe. Fallback first:
// a Python 2 module (`import cPickle as pickle` / `import pickle`) always fails, so keeping
// the except body is safe; a backport (`import importlib_metadata` / `import
// importlib.metadata as importlib_metadata`) runs wherever it is installed, so switching to
// the stdlib one is unsafe (another module, often a newer API). Both branches must be only
// imports binding the same names, caught by `ImportError`/`ModuleNotFoundError` alone.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { forEachNode } from '../../../tree-walk';
import type { Scope } from '../../../scopes';
import type { PythonVersion } from '../../../types';
import { codeEnd, keepBlockEdit, statementsOf } from '../block-edits';
import { BACKPORTS, PYTHON2_MODULES, PYTHON2_NAMES, STDLIB_SINCE } from '../import-fallbacks';

type Kind = 'stdlib' | 'backport' | 'python2' | 'other';

interface ImportedModule {
  kind: Kind;
  /** The module as written (`importlib.metadata`, `tomli`). */
  module: string;
  /** For the stdlib: the version it (and the imported names) arrived in. */
  since?: string;
}

const IMPORT_ERRORS = new Set(['ImportError', 'ModuleNotFoundError']);
const TYPING_MODULES = new Set(['typing', 'typing_extensions']);

export function createImportFallback(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!/ImportError|ModuleNotFoundError/.test(context.text)) return;
      const target = context.facts.targetVersion;
      forEachNode(context.tree.rootNode, (node) => {
        if (node.type === 'try_statement' && context.isSound(node)) checkTry(context, node, target);
      });
    },
  };
}

function checkTry(context: CheckContext, statement: Node, target: PythonVersion): void {
  const clauses = statement.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment' && c.type !== 'block');
  if (clauses.length !== 1 || clauses[0].type !== 'except_clause') return;
  const handler = clauses[0];
  if (!catchesOnlyImportError(context, handler)) return;
  const tryImports = importsOf(statement.childForFieldName('body'));
  const exceptImports = importsOf(handlerBody(handler));
  if (!tryImports || !exceptImports || !sameNames(tryImports, exceptImports)) return;
  const tryModules = tryImports.flatMap((i) => i.modules);
  const exceptModules = exceptImports.flatMap((i) => i.modules);
  // typing and typing_extensions fallbacks are the typing family's.
  if ([...tryModules, ...exceptModules].some((m) => TYPING_MODULES.has(m.module.split('.')[0]))) return;
  const version = `${target[0]}.${target[1]}`;
  const end = endWithComment(context.text, codeEnd(statement));
  if (tryModules.every((m) => available(m, target))) {
    // The stdlib import never fails at the target: the fallback is dead.
    const stdlib = tryModules[0];
    const fallback = exceptModules[0];
    const edit = keepBlockEdit(context.text, statement, statement.childForFieldName('body')!, end);
    context.report({
      node: exceptImports[0].node,
      data: { detail: `\`${stdlib.module}\` is always importable at target Python ${version} (${sinceText(stdlib.since!)}): the \`${fallback.module}\` fallback never runs` },
      fixes: edit ? [{ title: `Keep only the \`${stdlib.module}\` import`, safety: 'safe', edits: [edit] }] : [],
      peer: null,
      suggestion: edit ? suggestion(edit.newText) : undefined,
    });
    return;
  }
  if (!exceptModules.every((m) => available(m, target))) return;
  if (!tryModules.every((m) => m.kind === 'python2' || m.kind === 'backport')) return;
  const python2 = tryModules.every((m) => m.kind === 'python2');
  const first = tryModules.find((m) => m.kind === (python2 ? 'python2' : 'backport'))!;
  const stdlib = exceptModules[0];
  const edit = keepBlockEdit(context.text, statement, handlerBody(handler)!, end);
  const detail = python2
    ? `\`${first.module}\` is Python 2 only: the import always fails, and \`${stdlib.module}\` is what runs`
    : `\`${first.module}\` backports \`${stdlib.module}\`, in the standard library since Python ${stdlib.since} (target ${version})`;
  const fix = edit && {
    title: python2 ? `Keep only the \`${stdlib.module}\` import` : `Import \`${stdlib.module}\` only (unsafe: the backport, where installed, is another module and may have a newer API)`,
    safety: python2 ? ('safe' as const) : ('unsafe' as const),
    edits: [edit],
  };
  context.report({ node: tryImports[0].node, data: { detail }, fixes: fix ? [fix] : [], peer: null, suggestion: edit ? suggestion(edit.newText) : undefined });
}

/** The comment after the removed branch's last line goes with it (`# Python < 3.8`). */
function endWithComment(text: string, end: number): number {
  const comment = /^[ \t]*#[^\r\n]*/.exec(text.slice(end));
  return comment ? end + comment[0].length : end;
}

function sinceText(since: string): string {
  return since === '3.0' ? 'a Python 3 module' : `since ${since}`;
}

function handlerBody(handler: Node): Node | null {
  return handler.namedChildren.find((c): c is Node => c?.type === 'block') ?? null;
}

/** `except ImportError:`, `except (ImportError, ModuleNotFoundError) as e:` — the builtins, not look-alikes. */
function catchesOnlyImportError(context: CheckContext, handler: Node): boolean {
  let caught = handler.namedChildren.find((c): c is Node => !!c && c.type !== 'block' && c.type !== 'comment');
  if (!caught) return false;
  if (caught.type === 'as_pattern') caught = caught.namedChildren[0] ?? undefined;
  if (!caught) return false;
  const names = caught.type === 'tuple' || caught.type === 'parenthesized_expression' ? caught.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [caught];
  return names.length > 0 && names.every((n) => n.type === 'identifier' && IMPORT_ERRORS.has(n.text) && unboundInFile(context, n));
}

/** No scope the name is read from binds it: the builtin exception, not a local class. */
function unboundInFile(context: CheckContext, name: Node): boolean {
  for (let scope: Scope | undefined = context.facts.scopeOf(name); scope; scope = scope.parent) {
    if (context.facts.ownBindings(scope).bindings.has(name.text) || scope.imports.has(name.text)) return false;
  }
  return true;
}

interface ImportStatement {
  node: Node;
  modules: ImportedModule[];
  names: string[];
}

/** The import statements of a block, or undefined when it holds anything else. */
function importsOf(block: Node | null): ImportStatement[] | undefined {
  const statements = statementsOf(block);
  if (!statements.length) return undefined;
  const result: ImportStatement[] = [];
  for (const statement of statements) {
    const parsed = statement.type === 'import_statement' ? plainImport(statement) : statement.type === 'import_from_statement' ? fromImport(statement) : undefined;
    if (!parsed) return undefined;
    result.push(parsed);
  }
  return result;
}

function plainImport(statement: Node): ImportStatement | undefined {
  const modules: ImportedModule[] = [];
  const names: string[] = [];
  for (const item of statement.childrenForFieldName('name')) {
    if (!item) return undefined;
    const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
    if (!dotted) return undefined;
    const alias = item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : undefined;
    modules.push(classify(dotted.text, []));
    names.push(alias ?? dotted.text.split('.')[0]);
  }
  return modules.length ? { node: statement, modules, names } : undefined;
}

function fromImport(statement: Node): ImportStatement | undefined {
  const moduleNode = statement.childForFieldName('module_name');
  if (!moduleNode || moduleNode.type !== 'dotted_name') return undefined;
  const module = moduleNode.text;
  const imported: string[] = [];
  const names: string[] = [];
  const submodules: ImportedModule[] = [];
  for (const item of statement.childrenForFieldName('name')) {
    if (!item) return undefined;
    const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
    if (!dotted || dotted.text.includes('.')) return undefined;
    names.push((item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : undefined) ?? dotted.text);
    // `from importlib import metadata` imports the submodule.
    const submodule = `${module}.${dotted.text}`;
    if (STDLIB_SINCE[submodule] || BACKPORTS.has(submodule) || PYTHON2_MODULES.has(submodule)) submodules.push(classify(submodule, []));
    else imported.push(dotted.text);
  }
  if (!names.length) return undefined;
  const modules = imported.length ? [...submodules, classify(module, imported)] : submodules;
  return { node: statement, modules, names };
}

function classify(module: string, names: readonly string[]): ImportedModule {
  if (PYTHON2_MODULES.has(module) || names.some((n) => PYTHON2_NAMES[module]?.has(n))) return { kind: 'python2', module };
  if (BACKPORTS.has(module) || BACKPORTS.has(module.split('.')[0])) return { kind: 'backport', module };
  const entry = STDLIB_SINCE[module];
  if (!entry) return { kind: 'other', module };
  let since = entry.since;
  // `asyncio.timeout`: the name is what the version is about.
  const named = names.length === 1 && entry.names?.[names[0]] ? `${module}.${names[0]}` : module;
  for (const name of names) {
    // A private name (`_thread._local`) is an implementation detail other interpreters may lack.
    if (name.startsWith('_')) return { kind: 'other', module };
    const later = entry.names?.[name];
    // Of an old module that keeps growing, only the listed names are known.
    if (!later && entry.onlyNamed) return { kind: 'other', module };
    if (later && compare(later, since) > 0) since = later;
  }
  return { kind: 'stdlib', module: named, since };
}

function available(module: ImportedModule, target: PythonVersion): boolean {
  return module.kind === 'stdlib' && compare(module.since!, `${target[0]}.${target[1]}`) <= 0;
}

function compare(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

function sameNames(a: ImportStatement[], b: ImportStatement[]): boolean {
  const left = new Set(a.flatMap((s) => s.names));
  const right = new Set(b.flatMap((s) => s.names));
  return left.size === right.size && [...left].every((n) => right.has(n));
}

function suggestion(kept: string): string {
  return `Import from the standard library only:\n\`\`\`python\n${kept.trim()}\n\`\`\`\n`;
}
