// world-writable-permissions: `os.chmod()` / `os.fchmod()` / `os.lchmod()` / `Path.chmod()`
// with a mode that grants write to others (0o777, 0o666, `stat.S_IWOTH`, `stat.S_IRWXO`…).
// Any local user or compromised service can then replace the file — a script run by cron,
// a config read by a daemon. A sticky directory (0o1777, like /tmp) is deliberate: silent.
// The unsafe fix drops only the others-write bit.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { calleeFilter } from '../callee-filter';
import type { SemanticFacts } from '../../../facts';
import { boundValues } from '../../../bound-values';
import { keywordArgument, madeBy, positionalArguments } from '../files';
import { integerValue, modeBits, octal, OTHERS_WRITE, STICKY } from '../modes';

/** Qualified function → index of its mode argument. */
const OS_CHMODS: Readonly<Record<string, number>> = { 'os.chmod': 1, 'os.fchmod': 1, 'os.lchmod': 1 };
const PATH_MAKERS = new Set(['pathlib.Path', 'pathlib.PosixPath', 'pathlib.WindowsPath']);

export function createWorldWritablePermissions(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  // `os.chmod` and `Path.chmod` need an import of os or pathlib: other files pay nothing.
  const relevant = facts.importsModule('os') || facts.importsModule('pathlib');
  // `os.chmod`, `os.fchmod`, `os.lchmod` or any `.chmod` (a Path): skip other calls unresolved.
  const mayChmod = relevant ? calleeFilter(facts, Object.keys(OS_CHMODS)) : () => false;
  return {
    match(captures) {
      const { call, callee, args } = captures;
      if (!relevant || !call || !callee || !args || !mayChmod(callee)) return;
      const qualified = facts.resolve(callee);
      let index: number;
      if (qualified !== undefined && qualified in OS_CHMODS) index = OS_CHMODS[qualified];
      else if (callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'chmod' && isPath(facts, callee.childForFieldName('object')!)) index = 0;
      else return;
      const mode = keywordArgument(args, 'mode')?.childForFieldName('value') ?? positionalArguments(args)?.[index];
      if (!mode) return;
      const bits = modeBits(facts, mode);
      if (!bits || !(bits.bits & OTHERS_WRITE) || bits.bits & STICKY || !context.isSound(call)) return;
      const replacement = withoutOthersWrite(facts, mode);
      const name = callee.type === 'attribute' && index === 0 ? `${callee.childForFieldName('object')!.text}.chmod` : callee.text;
      context.report({
        node: mode,
        data: { callee: name, mode: mode.text.replace(/\s+/g, ' ') },
        fixes: replacement ? [{ title: `Drop others' write: \`${replacement}\``, safety: 'unsafe', edits: [{ start: mode.startIndex, end: mode.endIndex, newText: replacement }] }] : [],
        suggestion: replacement ? '```python\n' + call.text.slice(0, mode.startIndex - call.startIndex) + replacement + call.text.slice(mode.endIndex - call.startIndex) + '\n```' : undefined,
        peer: 'S103',
      });
    },
  };
}

/** `Path(p)`, `Path(p) / "x"`, or a name bound only to those. */
function isPath(facts: SemanticFacts, receiver: Node): boolean {
  let node = receiver;
  while (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '/') node = node.childForFieldName('left')!;
  if (madeBy(facts, node, PATH_MAKERS)) return true;
  if (node.type !== 'identifier') return false;
  const values = boundValues(facts, node);
  return !!values?.length && values.every((value) => value.type === 'binary_operator' && isPath(facts, value));
}

/**
 * The mode with the others-write bit dropped, written like the original: an integer literal
 * in octal, or a `|` chain of `stat` constants and literals without `S_IWOTH` (and
 * `S_IRWXO` split into `S_IROTH | S_IXOTH`). Undefined for anything else.
 */
function withoutOthersWrite(facts: SemanticFacts, mode: Node): string | undefined {
  const terms = orTerms(mode);
  const kept: string[] = [];
  for (const term of terms) {
    if (term.type === 'integer') {
      const value = integerValue(term.text);
      if (value === undefined) return undefined;
      kept.push(octal(value & ~OTHERS_WRITE));
      continue;
    }
    const qualified = facts.resolve(term);
    if (qualified === 'stat.S_IWOTH') continue;
    if (qualified === 'stat.S_IRWXO') {
      const prefix = term.text.slice(0, term.text.length - 'S_IRWXO'.length);
      if (!term.text.endsWith('S_IRWXO')) return undefined;
      kept.push(`${prefix}S_IROTH | ${prefix}S_IXOTH`);
      continue;
    }
    if (!qualified?.startsWith('stat.S_')) return undefined;
    kept.push(term.text);
  }
  return kept.length ? kept.join(' | ') : undefined;
}

function orTerms(node: Node): Node[] {
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '|') {
    return [...orTerms(node.childForFieldName('left')!), ...orTerms(node.childForFieldName('right')!)];
  }
  if (node.type === 'parenthesized_expression' && node.namedChildCount === 1) return orTerms(node.namedChildren[0]!);
  return [node];
}
