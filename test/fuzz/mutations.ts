// Grammar-aware mutations of real Python: tokens inserted and deleted, indentation changed,
// truncation, NUL bytes, invalid UTF-8 (as U+FFFD, what a decoder without `fatal` gives),
// a BOM, CR/LF mixes, deep nesting, long lines. Each returns a new text.
import type { Random } from './random';

const TOKENS = [
  '(', ')', '[', ']', '{', '}', ':', ',', '.', '=', '==', '->', '|', '*', '**', '@', '"', "'", '"""', '#', '\\', 'lambda', 'async ', 'await ',
  'def ', 'class ', 'return', 'yield', 'import ', 'from ', 'if ', 'else:', 'try:', 'except ImportError:', 'with ', 'for x in y:', 'None', 'True',
  'Optional[', 'List[', 'Union[', 'pd.', 'df', '.merge(df)', 'time.sleep(1)', 'await asyncio.sleep(0)', 'typing.', '# type: int', '# noqa', '# pymodern: ignore[',
  '\t', '    ', '\n', '\r\n', '\r', 'ü', '😀', '中', '\u2028', '\ufeff',
];

type Mutation = (text: string, random: Random) => string;

const at = (text: string, random: Random) => random.int(text.length + 1);
const lineStarts = (text: string) => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];

export const MUTATIONS: Record<string, Mutation> = {
  insertToken: (text, r) => {
    const i = at(text, r);
    return text.slice(0, i) + r.pick(TOKENS) + text.slice(i);
  },
  deleteSpan: (text, r) => {
    const i = at(text, r);
    return text.slice(0, i) + text.slice(Math.min(text.length, i + 1 + r.int(12)));
  },
  duplicateLine: (text, r) => {
    const starts = lineStarts(text);
    const start = r.pick(starts);
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end + 1);
    return text.slice(0, start) + line + text.slice(start);
  },
  indent: (text, r) => {
    const start = r.pick(lineStarts(text));
    return r.chance(0.5) ? text.slice(0, start) + r.pick(['    ', '\t', ' ']) + text.slice(start) : text.slice(0, start) + text.slice(start).replace(/^[ \t]{1,4}/, '');
  },
  truncate: (text, r) => text.slice(0, at(text, r)),
  nul: (text, r) => {
    const i = at(text, r);
    return `${text.slice(0, i)}\0${text.slice(i)}`;
  },
  invalidUtf8: (text, r) => {
    const i = at(text, r);
    return `${text.slice(0, i)}\ufffd\ufffd${text.slice(i)}`;
  },
  bom: (text) => `\ufeff${text}`,
  lineBreaks: (text, r) => {
    const style = r.pick(['\r\n', '\r', 'mixed']);
    if (style !== 'mixed') return text.replace(/\r\n|\r|\n/g, style);
    return text.replace(/\n/g, () => r.pick(['\n', '\r\n', '\r']));
  },
  deepNesting: (text, r) => {
    const depth = 50 + r.int(3000);
    const open = r.pick(['(', '[', 'List[', 'Optional[', '.merge(df', 'f(']);
    const close = open === '(' || open === 'f(' || open === '.merge(df' ? ')' : ']';
    const expr = open === '.merge(df' ? `df${'.merge(df)'.repeat(depth)}` : `${open.repeat(depth)}x${close.repeat(depth)}`;
    const i = r.pick(lineStarts(text));
    return `${text.slice(0, i)}x: int = ${expr}\n${text.slice(i)}`;
  },
  longLine: (text, r) => {
    const i = r.pick(lineStarts(text));
    return `${text.slice(0, i)}s = "${'a'.repeat(10_000 + r.int(200_000))}"\n${text.slice(i)}`;
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** One to four mutations in a row; the names, for the report. */
export function mutate(text: string, random: Random): { text: string; applied: string[] } {
  const applied: string[] = [];
  let current = text;
  for (let n = 1 + random.int(4); n > 0; n--) {
    const name = random.pick(MUTATION_NAMES);
    current = MUTATIONS[name](current, random);
    applied.push(name);
  }
  return { text: current, applied };
}

/** A random editor-like edit: a character, a word, a line typed or deleted, a paste. */
export function randomEdit(text: string, random: Random): { start: number; end: number; newText: string } {
  const start = random.int(text.length + 1);
  const kind = random.int(6);
  if (kind === 0) return { start, end: start, newText: random.pick(['a', ' ', '(', ')', ':', '\n', '#', '"', '_', '1', '.', ',']) };
  if (kind === 1) return { start, end: Math.min(text.length, start + 1), newText: '' };
  if (kind === 2) return { start, end: start, newText: random.pick(TOKENS) };
  if (kind === 3) {
    const lineEnd = text.indexOf('\n', start);
    return { start, end: lineEnd === -1 ? text.length : lineEnd, newText: '' };
  }
  if (kind === 4) return { start, end: start, newText: random.pick(['\n    x = 1', '\n    return None', ' -> Optional[int]', '  # comment', '\n\n', '    ']) };
  return { start, end: Math.min(text.length, start + random.int(30)), newText: random.pick(TOKENS) };
}
