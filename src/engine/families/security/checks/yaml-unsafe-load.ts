// yaml-unsafe-load: PyYAML loading with a loader that builds arbitrary Python objects
// (`!!python/object/apply:os.system`). A call without any Loader gets the safe fix
// `yaml.safe_load`; an explicit unsafe Loader is reported without a fix (the author chose it).
import type { Node } from 'web-tree-sitter';
import { callArguments, oneLine, pythonBlock, referenceTo } from '../code-execution';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix } from '../../../types';

/** Functions taking a Loader, and their safe twin. */
const LOAD_WITH_LOADER = new Map([
  ['yaml.load', 'safe_load'],
  ['yaml.load_all', 'safe_load_all'],
]);
/** Functions whose loader is unsafe by name. */
const UNSAFE_FUNCTIONS = new Map([
  ['yaml.unsafe_load', 'safe_load'],
  ['yaml.unsafe_load_all', 'safe_load_all'],
  ['yaml.full_load', 'safe_load'],
  ['yaml.full_load_all', 'safe_load_all'],
]);
const UNSAFE_LOADERS = new Set(['Loader', 'UnsafeLoader', 'FullLoader', 'CLoader', 'CUnsafeLoader', 'CFullLoader']);

export function createYamlUnsafeLoad(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  // A file that imports none of these modules has nothing to report: skip its calls.
  const relevant = context.facts.mayResolveTo([...LOAD_WITH_LOADER.keys(), ...UNSAFE_FUNCTIONS.keys()]);
  return {
    match({ call, callee, args }) {
      if (!relevant) return;
      const qualified = facts.resolve(callee);
      if (!qualified || !context.isSound(call)) return;
      const { positional, keywords, hasSplat } = callArguments(args);
      const stream = positional[0] ?? keywords.get('stream');
      let problem: string;
      let fix: Fix | undefined;
      const twin = LOAD_WITH_LOADER.get(qualified) ?? UNSAFE_FUNCTIONS.get(qualified);
      if (!twin) return;
      if (UNSAFE_FUNCTIONS.has(qualified)) {
        problem = 'uses a loader that can construct Python objects';
      } else {
        const loader = positional[1] ?? keywords.get('Loader');
        if (loader) {
          const loaderName = loaderOf(facts.resolve(loader));
          // A user's subclass or a computed loader: not known to be unsafe.
          if (!loaderName || !UNSAFE_LOADERS.has(loaderName)) return;
          problem = `uses \`${oneLine(loader.text)}\`, which can construct Python objects`;
        } else {
          if (hasSplat) return;
          problem = 'has no safe Loader';
          if (stream && positional.length === 1 && keywords.size === 0) fix = safeLoadFix(context, call, callee, twin);
        }
      }
      const safeCall = `${yamlName(context, call)}.${twin}(${stream ? oneLine(stream.text) : ''})`;
      context.report({
        node: call,
        data: { callee: oneLine(callee.text), problem },
        fixes: fix ? [fix] : [],
        peer: 'S506',
        suggestion: `Load plain data only (a custom loader should subclass \`yaml.SafeLoader\`):\n\n${pythonBlock(safeCall)}`,
      });
    },
  };
}

/** `SafeLoader` for `yaml.SafeLoader`, `yaml.loader.SafeLoader`, `yaml.cyaml.CSafeLoader`. */
function loaderOf(qualified: string | undefined): string | undefined {
  const match = qualified && /^yaml\.(?:(?:loader|cyaml)\.)?(\w+)$/.exec(qualified);
  return match ? match[1] : undefined;
}

function yamlName(context: CheckContext, at: Node): string {
  return referenceTo(context, at, 'yaml').name || 'yaml';
}

function safeLoadFix(context: CheckContext, call: Node, callee: Node, twin: string): Fix | undefined {
  // `yaml.load` → keep the receiver, change the attribute; a bare `load` → `yaml.safe_load`.
  if (callee.type === 'attribute') {
    const attribute = callee.childForFieldName('attribute')!;
    return { title: `Replace with \`${oneLine(callee.childForFieldName('object')!.text)}.${twin}()\``, safety: 'safe', edits: [{ start: attribute.startIndex, end: attribute.endIndex, newText: twin }] };
  }
  const { name, edits } = referenceTo(context, call, `yaml.${twin}`);
  if (!name) return undefined;
  return { title: `Replace with \`${name}()\``, safety: 'safe', edits: [...edits, { start: callee.startIndex, end: callee.endIndex, newText: name }] };
}
