// What the process rule needs to know about a command: which calls run it through a shell
// and, for a built command whose literal parts hold no shell syntax, the argument list that
// runs the same program without one.
import type { Node } from 'web-tree-sitter';

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

// Text the shell would treat as syntax: pipes, redirects, lists, expansions, globs, quoting,
// comments, escapes and f-string braces. Without them, splitting on spaces is what the shell does.
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]#~{}!\n\r]/;

type Piece = { literal: string } | { value: Node };

/**
 * The argument list a built command stands for, as Python source of each element, or
 * undefined when the shell would do more than split words. The program (first word) must be
 * literal: an interpolated program often holds several words.
 * `f"git log {ref}"` → `["git", "log", ref]`; `"tar -xf %s" % name` → `["tar", "-xf", name]`;
 * `f"tar -C {dest} -xf {name}.tar"` → `["tar", "-C", dest, "-xf", f"{name}.tar"]`.
 */
export function argumentListOf(command: Node): string[] | undefined {
  const pieces = piecesOf(command);
  if (!pieces || pieces.some((p) => 'literal' in p && SHELL_SYNTAX.test(p.literal))) return undefined;
  const words: Piece[][] = [];
  let current: Piece[] = [];
  for (const piece of pieces) {
    if (!('literal' in piece)) {
      current.push(piece);
      continue;
    }
    piece.literal.split(/([ \t]+)/).forEach((chunk, i) => {
      if (i % 2 === 1) {
        if (current.length) words.push(current);
        current = [];
      } else if (chunk) current.push({ literal: chunk });
    });
  }
  if (current.length) words.push(current);
  if (!words.length || !('literal' in words[0][0]) || words[0].length !== 1) return undefined;
  const quote = quoteOf(command);
  const elements: string[] = [];
  for (const word of words) {
    if (word.length === 1) {
      const piece = word[0];
      elements.push('literal' in piece ? `${quote}${piece.literal}${quote}` : piece.value.text);
      continue;
    }
    // A word mixing text and values stays text: an f-string of the same quote.
    if (word.some((p) => 'value' in p && /["'\\{}\n\r]/.test(p.value.text))) return undefined;
    elements.push(`f${quote}${word.map((p) => ('literal' in p ? p.literal : `{${p.value.text}}`)).join('')}${quote}`);
  }
  return elements;
}

/** The literal text and the values a command is built from, in order (literal text as written). */
function piecesOf(node: Node): Piece[] | undefined {
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return piecesOf(node.namedChildren[0]);
  if (node.type === 'string') return stringPieces(node);
  if (node.type === 'binary_operator') {
    const operator = node.childForFieldName('operator')?.type;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return undefined;
    if (operator === '+') {
      const side = (n: Node): Piece[] | undefined => (n.type === 'string' || n.type === 'binary_operator' ? piecesOf(n) : [{ value: n }]);
      const [a, b] = [side(left), side(right)];
      return a && b ? [...a, ...b] : undefined;
    }
    if (operator !== '%') return undefined;
    const template = plainText(left);
    const values = right.type === 'tuple' ? right.namedChildren.filter((c): c is Node => !!c) : [right];
    return template === undefined ? undefined : fill(template.split('%s'), values, /%/);
  }
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const template = plainText(callee?.childForFieldName('object'));
    const args = node.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => !!c) ?? [];
    if (template === undefined || args.some((a) => a.type !== 'identifier' && a.type !== 'attribute' && a.type !== 'subscript' && a.type !== 'call')) return undefined;
    return fill(template.split('{}'), args, /[{}]/);
  }
  return undefined;
}

/** Alternates literal parts and values; undefined when the counts differ or a part has other fields. */
function fill(parts: string[], values: Node[], otherField: RegExp): Piece[] | undefined {
  if (parts.length !== values.length + 1 || parts.some((p) => otherField.test(p))) return undefined;
  return parts.flatMap((literal, i): Piece[] => (i < values.length ? [{ literal }, { value: values[i] }] : [{ literal }]));
}

/** A plain (not f, not raw, not bytes) one-line string literal's content as written. */
function plainText(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string' || node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  const start = node.children[0]?.text ?? '';
  if (start !== '"' && start !== "'") return undefined;
  return node.text.slice(1, -1);
}

function stringPieces(node: Node): Piece[] | undefined {
  const start = node.children[0];
  const end = node.children[node.childCount - 1];
  if (!start || !end || !/^(?:[fF]|[rR][fF]|[fF][rR])?["']$/.test(start.text)) return undefined;
  const pieces: Piece[] = [];
  let offset = start.endIndex;
  for (const child of node.children) {
    if (!child || child.type !== 'interpolation') continue;
    // `{x!r}` adds quotes the shell would strip; `{x:>8}` pads with spaces it would split on.
    if (!isPlainInterpolation(child)) return undefined;
    pieces.push({ literal: node.text.slice(offset - node.startIndex, child.startIndex - node.startIndex) }, { value: child.namedChildren[0]! });
    offset = child.endIndex;
  }
  pieces.push({ literal: node.text.slice(offset - node.startIndex, end.startIndex - node.startIndex) });
  return pieces;
}

/** The quote the command's first string literal uses. */
function quoteOf(node: Node): string {
  const literal = node.type === 'string' ? node : node.descendantsOfType('string')[0];
  return literal?.children[0]?.text.slice(-1) === "'" ? "'" : '"';
}

/** `{value}`: no `!r`, no `:spec`, no `=`, so the value itself is the word. */
function isPlainInterpolation(interpolation: Node): boolean {
  return interpolation.childCount === 3 && interpolation.namedChildCount === 1;
}
