// unsafe-deserialization: pickle and the formats built on it (dill, shelve, jsonpickle,
// joblib, pandas.read_pickle) and marshal. Unpickling calls whatever callables the data
// names, so loading bytes an attacker can write runs their code. No fix: the replacement
// is a data format, which is a design change.
import { isStaticString } from '../strings';
import { callArguments, oneLine, pythonBlock } from '../code-execution';
import type { Node } from 'web-tree-sitter';
import type { Scope, SemanticFacts } from '../../../facts';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

/** Loader → its peer code (null: no Ruff or Bandit rule names it). */
const LOADERS = new Map<string, string | null>([
  ...['pickle', 'cPickle', '_pickle', 'dill'].flatMap((m) => ['load', 'loads', 'Unpickler'].map((f) => [`${m}.${f}`, 'S301'] as const)),
  ['shelve.open', 'S301'],
  ['shelve.DbfilenameShelf', 'S301'],
  ['jsonpickle.decode', 'S301'],
  ['jsonpickle.unpickler.decode', 'S301'],
  ['pandas.read_pickle', 'S301'],
  ['marshal.load', 'S302'],
  ['marshal.loads', 'S302'],
  ['joblib.load', null],
]);

const FORMATS: Record<string, string> = {
  marshal: '`marshal` is meant for `.pyc` files only; crafted input can crash or subvert the interpreter',
  shelve: 'a `shelve` file is a dict of pickles',
};

export function createUnsafeDeserialization(context: CheckContext): CheckVisitor {
  // A file that imports none of these modules has nothing to report: skip its calls.
  const relevant = context.facts.mayResolveTo([...LOADERS.keys()]);
  return {
    match({ call, callee, args }) {
      if (!relevant) return;
      const qualified = context.facts.resolve(callee) ?? fallbackImport(context.facts, callee);
      if (!qualified || !LOADERS.has(qualified) || !context.isSound(call)) return;
      const first = callArguments(args).positional[0];
      // Bytes written in the source are the author's own; `loads(dumps(obj))` is a
      // picklability test or a deep copy of the program's own object.
      // (A literal *path* given to `read_pickle` or `shelve.open` is not data: still reported.)
      const takesBytes = /\.(?:loads|decode)$/.test(qualified);
      if (first && ((takesBytes && isStaticString(first)) || isOwnDump(context.facts, first))) return;
      const module = qualified.split('.')[0];
      const method = qualified.split('.').pop();
      const jsonForm = first && (method === 'loads' || method === 'load') ? `\n\n${pythonBlock(`json.${method}(${oneLine(first.text)})`)}` : '';
      context.report({
        node: call,
        data: { callee: oneLine(callee.text) },
        peer: LOADERS.get(qualified) ?? null,
        suggestion:
          `${FORMATS[module] ? `${FORMATS[module]}. ` : ''}Load only files this program wrote and nobody else can change, or sign them (\`hmac\`) and check before loading. ` +
          'For data that crosses a trust boundary, use JSON validated by a schema (pydantic, dataclasses), or Parquet/Arrow for tables.' +
          jsonForm,
      });
    },
  };
}

/** Modules that are one pickle implementation under two names. */
const PICKLE_MODULES = new Set(['pickle', 'cPickle', '_pickle']);

/**
 * `pickle.loads` where `pickle` is bound by both `import cPickle as pickle` and `import
 * pickle` (the Python 2 fallback idiom): every binding is a pickle module, so the call is one.
 */
function fallbackImport(facts: SemanticFacts, callee: Node): string | undefined {
  const base = callee.type === 'attribute' ? callee.childForFieldName('object') : null;
  const method = callee.childForFieldName('attribute')?.text;
  if (base?.type !== 'identifier' || !method) return undefined;
  const start = facts.scopeOf(base);
  facts.lookup(base.text, start);
  for (let scope: Scope | undefined = start; scope; scope = scope.parent) {
    if (scope !== start && scope.kind === 'class') continue;
    if (scope.bindings.has(base.text)) return undefined;
    const bindings = scope.imports.get(base.text);
    if (!bindings) continue;
    return bindings.every((b) => b.isModule && PICKLE_MODULES.has(b.qualified)) ? `pickle.${method}` : undefined;
  }
  return undefined;
}

function isOwnDump(facts: SemanticFacts, node: Node): boolean {
  // `data = pickle.dumps(obj)` … `pickle.loads(data)` in one function: the local holds only
  // dumps. (A module-level name can be rebound from anywhere: `global data`, `mod.data = …`.)
  if (node.type === 'identifier') {
    const scope = facts.scopeOf(node);
    if (scope.kind !== 'function') return false;
    const assigned = scope.assignments.get(node.text);
    if (!assigned?.length || scope.opaque.has(node.text) || scope.parameters.has(node.text)) return false;
    return assigned.every(({ value }) => value.type === 'call' && isOwnDump(facts, value));
  }
  if (node.type !== 'call') return false;
  const callee = node.childForFieldName('function');
  const qualified = callee && (facts.resolve(callee) ?? fallbackImport(facts, callee));
  return !!qualified && /^(?:pickle|cPickle|_pickle|dill|marshal)\.dumps$/.test(qualified);
}
