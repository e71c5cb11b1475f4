// blocking-open-in-async: opening a file synchronously in a coroutine — builtin `open`,
// `io.open`, `os.open`, `os.fdopen`, `codecs/gzip/bz2/lzma.open`, `tempfile` files and
// `Path.open()`. The open itself is rarely the slow part; what follows is, so the fix
// rewrites the two whole-file idioms into one off-loop call:
//   open(p).read()                        →  await asyncio.to_thread(Path(p).read_text)
//   with open(p) as f: x = f.read()       →  x = await asyncio.to_thread(Path(p).read_text)
//   with open(p) as f: x = json.load(f)   →  x = json.loads(await asyncio.to_thread(Path(p).read_text))
//   with open(p, "w") as f: f.write(s)    →  await asyncio.to_thread(Path(p).write_text, s)
//   with open(p, "w") as f: json.dump(o, f) → … write_text, json.dumps(o))
// (`await anyio.Path(p).read_text()` / `trio.Path` under anyio and trio). Other opens get no
// fix: opening in a thread would leave every later read blocking, and unreported.
import type { Node } from 'web-tree-sitter';
import { reportBlockingCalls, type BlockingHit } from '../blocking';
import { argumentsOf, asyncLibraryOf, keywordArgument, positionalArguments, type CallSite } from '../call-sites';
import { RULES } from '../call-tables';
import { awaitExpression, canAwaitAt, EditSet, statementIndent, type OfferedFix } from '../off-thread';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createBlockingOpenInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.open, {
        fixes: (hit) => {
          const fix = wholeFileFix(context, hit);
          return fix ? [fix] : [];
        },
        offThread: () => false,
        advice: (_hit, library) =>
          library === 'anyio' || library === 'trio'
            ? `For other uses, open an async file: \`async with await ${library}.open_file(path) as f:\` and \`await f.read()\`.`
            : 'For other uses, do all the file work in one function run by `await asyncio.to_thread(...)`, or use an async file library (`aiofiles`, `anyio.open_file`).',
      });
    },
  };
}

interface OpenCall {
  path: Node;
  mode: 'read' | 'write';
  binary: boolean;
  /** `encoding=` / `errors=` keyword arguments, as written. */
  keywords: string[];
}

/** `open(path[, mode][, encoding=…, errors=…])` with a plain text/binary read or write mode. */
function openCall(site: CallSite): OpenCall | undefined {
  if (site.args.type !== 'argument_list' || site.args.namedChildren.some((c) => c?.type === 'comment')) return undefined;
  const args = argumentsOf(site);
  const positional = positionalArguments(site);
  if (positional.length < 1 || positional.length > 2 || positional.some((a) => a.type === 'list_splat')) return undefined;
  const keywords: string[] = [];
  for (const argument of args) {
    if (argument.type === 'dictionary_splat') return undefined;
    if (argument.type !== 'keyword_argument') continue;
    const name = argument.childForFieldName('name')?.text;
    if (name === 'encoding' || name === 'errors') keywords.push(argument.text);
    else if (name !== 'mode') return undefined;
  }
  const modeNode = positional[1] ?? keywordArgument(site, 'mode');
  const mode = modeNode ? literalString(modeNode) : 'r';
  if (mode === undefined) return undefined;
  const letters = [...mode].sort().join('');
  const table: Record<string, [OpenCall['mode'], boolean]> = { r: ['read', false], rt: ['read', false], br: ['read', true], w: ['write', false], tw: ['write', false], bw: ['write', true] };
  const kind = table[letters];
  if (!kind || (kind[1] && keywords.length)) return undefined;
  return { path: positional[0], mode: kind[0], binary: kind[1], keywords };
}

function literalString(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const match = /^([rRuU]?)(['"])([a-z+]*)\2$/.exec(node.text);
  return match ? match[3] : undefined;
}

function wholeFileFix(context: CheckContext, hit: BlockingHit): OfferedFix | undefined {
  if (hit.name !== 'builtins.open' && hit.name !== 'io.open') return undefined;
  const library = asyncLibraryOf(context.facts);
  if (!library || !context.isSound(hit.site.call)) return undefined;
  if (library === 'asyncio' && olderThan39(context)) return undefined;
  const open = openCall(hit.site);
  if (!open) return undefined;
  return chainedRead(context, hit.site, open, library) ?? withBlock(context, hit.site, open, library);
}

function olderThan39(context: CheckContext): boolean {
  const [major, minor] = context.facts.targetVersion;
  return major < 3 || (major === 3 && minor < 9);
}

/** `open(p).read()` → the whole-file read. */
function chainedRead(context: CheckContext, site: CallSite, open: OpenCall, library: string): OfferedFix | undefined {
  const attribute = site.call.parent;
  const read = attribute?.parent;
  if (open.mode !== 'read' || attribute?.type !== 'attribute' || attribute.childForFieldName('attribute')?.text !== 'read') return undefined;
  if (read?.type !== 'call' || read.childForFieldName('arguments')?.namedChildCount !== 0) return undefined;
  if (!canAwaitAt(read)) return undefined;
  const edits = new EditSet(context);
  const text = awaitExpression(read, readExpression(edits, site.call, open, library));
  edits.add({ start: read.startIndex, end: read.endIndex, newText: text });
  return { fix: { title: titleOf(open, library), safety: 'unsafe', edits: edits.edits }, text };
}

/** `with open(p) as f:` whose one statement reads or writes the whole file through `f`. */
function withBlock(context: CheckContext, site: CallSite, open: OpenCall, library: string): OfferedFix | undefined {
  const asPattern = site.call.parent;
  const item = asPattern?.parent;
  const clause = item?.parent;
  const statement = clause?.parent;
  if (asPattern?.type !== 'as_pattern' || item?.type !== 'with_item' || clause?.type !== 'with_clause' || statement?.type !== 'with_statement') return undefined;
  if (statement.children.some((c) => c?.type === 'async') || clause.namedChildCount !== 1) return undefined;
  const target = asPattern.childForFieldName('alias')?.firstNamedChild;
  const body = statement.childForFieldName('body');
  if (target?.type !== 'identifier' || !body || body.namedChildCount !== 1) return undefined;
  const indent = statementIndent(context.text, statement);
  const only = body.namedChildren[0]!;
  if (indent === undefined || only.type === 'comment') return undefined;
  const name = target.text;
  // The file is used once, in that statement, and never after the block.
  const word = new RegExp(`\\b${name}\\b`, 'g');
  if ((only.text.match(word) ?? []).length !== 1) return undefined;
  const after = context.text.slice(statement.endIndex, site.scope.node.endIndex);
  if (word.test(after)) return undefined;
  const edits = new EditSet(context);
  const replacement = open.mode === 'read' ? readStatement(context, edits, site, only, name, open, library) : writeStatement(context, edits, site, only, name, open, library);
  if (!replacement) return undefined;
  // Comments inside the block (`with open(p) as f:  # why`) move to the end of the new line.
  const comments = context.facts.comments.filter((c) => c.startIndex > statement.startIndex && c.endIndex <= statement.endIndex).map((c) => c.text);
  const newText = comments.length ? `${replacement}  ${comments.join('  ')}` : replacement;
  edits.add({ start: statement.startIndex, end: statement.endIndex, newText });
  return { fix: { title: titleOf(open, library), safety: 'unsafe', edits: edits.edits }, text: replacement };
}

/** `x = f.read()`, `return f.read()`, `x = json.load(f)` (and `return` of it). */
function readStatement(context: CheckContext, edits: EditSet, site: CallSite, statement: Node, file: string, open: OpenCall, library: string): string | undefined {
  let prefix: string;
  let value: Node | null;
  if (statement.type === 'return_statement') {
    prefix = 'return ';
    value = statement.firstNamedChild;
  } else if (statement.type === 'expression_statement' && statement.firstNamedChild?.type === 'assignment') {
    const assignment = statement.firstNamedChild;
    value = assignment.childForFieldName('right');
    const left = assignment.childForFieldName('left');
    if (!left || assignment.childForFieldName('type')) return undefined;
    prefix = `${left.text} = `;
  } else return undefined;
  if (value?.type !== 'call') return undefined;
  const callee = value.childForFieldName('function');
  const args = value.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list') return undefined;
  const read = readExpression(edits, site.call, open, library);
  if (callee.type === 'attribute' && callee.childForFieldName('object')?.text === file && callee.childForFieldName('attribute')?.text === 'read' && args.namedChildCount === 0) {
    return `${prefix}${read}`;
  }
  // json.load(f, **options) is json.loads(f.read(), **options).
  const json = jsonCall(context, callee, args, 'load', file, 0);
  return json ? `${prefix}${json.module}.loads(${[read, ...json.rest].join(', ')})` : undefined;
}

/** `f.write(s)`, `json.dump(obj, f, **options)`. */
function writeStatement(context: CheckContext, edits: EditSet, site: CallSite, statement: Node, file: string, open: OpenCall, library: string): string | undefined {
  const call = statement.type === 'expression_statement' && statement.namedChildCount === 1 ? statement.firstNamedChild : null;
  if (call?.type !== 'call') return undefined;
  const callee = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list') return undefined;
  const list = args.namedChildren.filter((c): c is Node => !!c);
  let data: string | undefined;
  if (callee.type === 'attribute' && callee.childForFieldName('object')?.text === file && callee.childForFieldName('attribute')?.text === 'write') {
    if (list.length === 1 && list[0].type !== 'keyword_argument' && list[0].type !== 'list_splat' && list[0].type !== 'dictionary_splat' && list[0].type !== 'comment') data = list[0].text;
  } else if (!open.binary) {
    const json = jsonCall(context, callee, args, 'dump', file, 1);
    if (json) data = `${json.module}.dumps(${[json.first!, ...json.rest].join(', ')})`;
  }
  if (data === undefined) return undefined;
  return writeExpression(edits, site.call, open, library, data);
}

/**
 * `module.load(f, kw=…)` / `module.dump(obj, f, kw=…)` of the json module with the file at
 * `position`: the module's name as written, the other positional argument, the keywords.
 */
function jsonCall(context: CheckContext, callee: Node, args: Node, name: string, file: string, position: number): { module: string; first?: string; rest: string[] } | undefined {
  if (callee.type !== 'attribute' || context.facts.resolve(callee) !== `json.${name}`) return undefined;
  const module = callee.childForFieldName('object')!;
  const list = args.namedChildren.filter((c): c is Node => !!c);
  if (list.some((a) => a.type === 'comment' || a.type === 'list_splat')) return undefined;
  const positional = list.filter((a) => a.type !== 'keyword_argument' && a.type !== 'dictionary_splat');
  if (positional.length !== position + 1 || positional[position].text !== file) return undefined;
  return { module: module.text, first: position === 1 ? positional[0].text : undefined, rest: list.filter((a) => !positional.includes(a)).map((a) => a.text) };
}

function pathOf(edits: EditSet, at: Node, path: Node, library: string): string {
  if (library === 'anyio' || library === 'trio') return `${edits.ref(at, `${library}.Path`)}(${path.text})`;
  return `${edits.ref(at, 'pathlib.Path')}(${path.text})`;
}

function readExpression(edits: EditSet, at: Node, open: OpenCall, library: string): string {
  const method = open.binary ? 'read_bytes' : 'read_text';
  const path = pathOf(edits, at, open.path, library);
  if (library === 'asyncio') return `await ${edits.ref(at, 'asyncio.to_thread')}(${[`${path}.${method}`, ...open.keywords].join(', ')})`;
  return `await ${path}.${method}(${open.keywords.join(', ')})`;
}

function writeExpression(edits: EditSet, at: Node, open: OpenCall, library: string, data: string): string {
  const method = open.binary ? 'write_bytes' : 'write_text';
  const path = pathOf(edits, at, open.path, library);
  if (library === 'asyncio') return `await ${edits.ref(at, 'asyncio.to_thread')}(${[`${path}.${method}`, data, ...open.keywords].join(', ')})`;
  return `await ${path}.${method}(${[data, ...open.keywords].join(', ')})`;
}

function titleOf(open: OpenCall, library: string): string {
  const method = `${open.mode}_${open.binary ? 'bytes' : 'text'}`;
  return library === 'asyncio'
    ? `${open.mode === 'read' ? 'Read' : 'Write'} the whole file in a worker thread with \`Path.${method}\``
    : `${open.mode === 'read' ? 'Read' : 'Write'} the whole file with \`await ${library}.Path(…).${method}()\``;
}
