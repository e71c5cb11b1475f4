// What the process rule needs to know about a command: which calls run it through a shell,
// whether its text is fixed in the source or built at runtime, and, for an f-string whose
// literal parts hold no shell syntax, the argument list that runs the same program without one.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { isStaticValue, stringBuild } from './strings';

/** How a call reaches a shell, and the peer code of a finding on it. */
export interface ShellSink {
  /** `keyword`: only with `shell=True`; `always`: the text is a shell command; `string`: a string command means a shell. */
  shell: 'keyword' | 'always' | 'string';
  peer: string;
  /** The call can be rewritten to an argument list (subprocess's own functions). */
  listForm?: 'same-call' | 'subprocess-run';
}

export const SHELL_SINKS: ReadonlyMap<string, ShellSink> = new Map<string, ShellSink>([
  ...['run', 'call', 'check_call', 'check_output', 'Popen'].map((name): [string, ShellSink] => [
    `subprocess.${name}`,
    { shell: 'keyword', peer: 'S602', listForm: 'same-call' },
  ]),
  ['trio.run_process', { shell: 'keyword', peer: 'S604' }],
  ['trio.lowlevel.open_process', { shell: 'keyword', peer: 'S604' }],
  ['os.system', { shell: 'always', peer: 'S605', listForm: 'subprocess-run' }],
  ...[
    'os.popen',
    'os.popen2',
    'os.popen3',
    'os.popen4',
    'subprocess.getoutput',
    'subprocess.getstatusoutput',
    'asyncio.create_subprocess_shell',
    // Python 2's shell helpers, still met in old scripts.
    'commands.getoutput',
    'commands.getstatusoutput',
    'popen2.popen2',
    'popen2.popen3',
    'popen2.popen4',
    'popen2.Popen3',
    'popen2.Popen4',
  ].map(
    (name): [string, ShellSink] => [name, { shell: 'always', peer: 'S605' }],
  ),
  // anyio hands a str command to the shell and runs a sequence directly.
  ['anyio.run_process', { shell: 'string', peer: 'S605' }],
  ['anyio.open_process', { shell: 'string', peer: 'S605' }],
]);

export const SHELL_SINK_NAMES = [...SHELL_SINKS.keys()];

/** `static`: written in the source; otherwise how the text is made at runtime. */
export type TextOrigin = 'static' | 'f-string' | 'percent' | 'format' | 'concatenation' | 'dynamic';

/**
 * Where a value's text comes from. A name counts as static when every value its scope (or
 * the module, for a global) assigns it is a literal and nothing else binds it.
 */
export function textOrigin(facts: SemanticFacts, node: Node): TextOrigin {
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return textOrigin(facts, node.namedChildren[0]);
  if (isLiteralText(node)) return 'static';
  const built = stringBuild(node);
  if (built) return built;
  if (node.type === 'identifier' && isLiteralName(facts, node)) return 'static';
  return 'dynamic';
}

/** A literal, or a choice between literals (`"fast" if quick else "full"`). */
function isLiteralText(node: Node): boolean {
  if (isStaticValue(node)) return true;
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return isLiteralText(node.namedChildren[0]);
  if (node.type !== 'conditional_expression') return false;
  const [whenTrue, , whenFalse] = node.namedChildren;
  return !!whenTrue && !!whenFalse && isLiteralText(whenTrue) && isLiteralText(whenFalse);
}

function isLiteralName(facts: SemanticFacts, identifier: Node): boolean {
  const local = facts.localBinding(identifier);
  if (local) {
    if (!local.parameter && !local.values.length && local.opaque) return loopsOverLiterals(identifier);
    return !local.opaque && !local.parameter && local.values.length > 0 && local.values.every((v) => isLiteralText(v));
  }
  const module = facts.ownBindings(facts.moduleScope);
  const name = identifier.text;
  if (!module.bindings.has(name) || module.opaque.has(name) || facts.moduleScope.imports.has(name)) return false;
  const values = module.assignments.get(name) ?? [];
  return values.length > 0 && values.every((v) => isLiteralText(v.value));
}

/** `for cmd in ["npx.cmd", "npx"]: … cmd …`: the loop variable only takes literal values. */
function loopsOverLiterals(identifier: Node): boolean {
  for (let up = identifier.parent; up; up = up.parent) {
    if (up.type === 'function_definition' || up.type === 'lambda' || up.type === 'class_definition') return false;
    if (up.type !== 'for_statement') continue;
    const left = up.childForFieldName('left');
    if (left?.type === 'identifier' && left.text === identifier.text) return isStaticValue(up.childForFieldName('right'));
  }
  return false;
}

// Text the shell would treat as syntax: pipes, redirects, lists, expansions, globs, quoting,
// comments, escapes and f-string braces. Without them, splitting on spaces is what the shell does.
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]#~{}!\n\r]/;

/**
 * The argument list an f-string command stands for, as Python source of each element, or
 * undefined when the shell would do more than split words. The program (first word) must be
 * literal: an interpolated program often holds several words.
 * `f"git log {ref}"` → `["git", "log", ref]`; `f"tar -C {dest} -xf {name}.tar"` →
 * `["tar", "-C", dest, "-xf", f"{name}.tar"]`.
 */
export function argumentListOf(command: Node): string[] | undefined {
  if (command.type !== 'string') return undefined;
  const start = command.children[0];
  const end = command.children[command.childCount - 1];
  const prefix = start?.text.slice(0, -1) ?? '';
  const quote = start?.text.slice(-1) ?? '';
  if (!start || !end || !/^(?:[fF]|[rR][fF]|[fF][rR])$/.test(prefix) || (quote !== '"' && quote !== "'") || end.text !== quote) return undefined;
  type Piece = { literal: string } | { interpolation: Node };
  const words: Piece[][] = [];
  let current: Piece[] = [];
  const text = command.text;
  let offset = start.endIndex;
  const literal = (to: number): boolean => {
    const part = text.slice(offset - command.startIndex, to - command.startIndex);
    if (SHELL_SYNTAX.test(part)) return false;
    part.split(/([ \t]+)/).forEach((chunk, i) => {
      if (i % 2 === 1) {
        if (current.length) words.push(current);
        current = [];
      } else if (chunk) current.push({ literal: chunk });
    });
    return true;
  };
  for (const child of command.children) {
    if (!child || child.type !== 'interpolation') continue;
    // `{x!r}` adds quotes the shell would strip; `{x:>8}` pads with spaces it would split on.
    if (!isPlainInterpolation(child)) return undefined;
    if (!literal(child.startIndex)) return undefined;
    current.push({ interpolation: child });
    offset = child.endIndex;
  }
  if (!literal(end.startIndex)) return undefined;
  if (current.length) words.push(current);
  if (!words.length || !('literal' in words[0][0]) || words[0].length !== 1) return undefined;
  return words.map((word) => {
    if (word.length === 1) {
      const piece = word[0];
      if ('literal' in piece) return `${quote}${piece.literal}${quote}`;
      return piece.interpolation.namedChildren[0]!.text;
    }
    const body = word.map((piece) => ('literal' in piece ? piece.literal : piece.interpolation.text)).join('');
    return `${prefix}${quote}${body}${quote}`;
  });
}

/** `{value}`: no `!r`, no `:spec`, no `=`, so the value itself is the word. */
function isPlainInterpolation(interpolation: Node): boolean {
  return interpolation.childCount === 3 && interpolation.namedChildCount === 1;
}
