// blocking-path-call-in-async: file-system calls in a coroutine — `os.path` queries
// (`exists`, `isfile`, `getsize`, …), `os` operations (`listdir`, `stat`, `remove`,
// `makedirs`, …), `shutil` copies, moves and `rmtree`, `glob.glob`, and I/O methods of
// `pathlib.Path` objects (`read_text`, `exists`, `mkdir`, …) the code builds.
// Fixes: under anyio or trio, their async Path (`await anyio.Path(p).read_text()`,
// `os.path.exists(p)` → `await anyio.Path(p).exists()`); otherwise a worker thread — except
// for lazy iterators (`iterdir`, `glob`, `os.walk`, `os.scandir`), which would still read
// the directory on the loop while being iterated.
import type { Node } from 'web-tree-sitter';
import { reportBlockingCalls, type BlockingHit } from '../blocking';
import { hasSplat, methodOf, positionalArguments, receiverOf, type AsyncLibrary } from '../call-sites';
import { RULES } from '../call-tables';
import { awaitExpression, canAwaitAt, EditSet, type OfferedFix } from '../off-thread';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

/** Lazy results: the blocking happens while iterating, after a thread would have returned. */
const LAZY = new Set(['os.walk', 'os.scandir', 'pathlib.Path.iterdir', 'pathlib.Path.glob', 'pathlib.Path.rglob', 'pathlib.Path.walk']);

/** Methods anyio.Path and trio.Path make awaitable, returning what pathlib returns. */
const ASYNC_PATH_METHODS = new Set([
  'exists', 'is_file', 'is_dir', 'is_symlink', 'is_mount', 'stat', 'lstat', 'read_text', 'read_bytes', 'write_text',
  'write_bytes', 'touch', 'mkdir', 'rmdir', 'unlink', 'chmod', 'samefile', 'owner', 'group',
]);

const OS_PATH_METHODS: Record<string, string> = {
  'os.path.exists': 'exists',
  'os.path.isfile': 'is_file',
  'os.path.isdir': 'is_dir',
  'os.path.islink': 'is_symlink',
  'os.path.ismount': 'is_mount',
};

const PATH_CONSTRUCTORS = new Set(['pathlib.Path', 'pathlib.PosixPath', 'pathlib.WindowsPath']);

export function createBlockingPathCallInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.path, {
        fixes: (hit, library) => {
          const fix = asyncPathFix(context, hit, library);
          return fix ? [fix] : [];
        },
        offThread: (hit) => !LAZY.has(hit.name),
        advice: (hit, library) => advice(hit, library),
      });
    },
  };
}

/** anyio/trio: the same call through their async Path. */
function asyncPathFix(context: CheckContext, hit: BlockingHit, library: AsyncLibrary | undefined): OfferedFix | undefined {
  if ((library !== 'anyio' && library !== 'trio') || !canAwaitAt(hit.site.call) || !context.isSound(hit.site.call)) return undefined;
  const site = hit.site;
  const edits = new EditSet(context);
  const asyncPath = edits.ref(site.call, `${library}.Path`);
  let text: string;
  const method = methodOf(site);
  const receiver = receiverOf(site);
  if (hit.kind === 'pathlib.Path' && method && receiver && ASYNC_PATH_METHODS.has(method)) {
    text = `await ${asyncPathOf(context, asyncPath, receiver)}.${method}${site.args.text}`;
  } else if (OS_PATH_METHODS[hit.name]) {
    const positional = positionalArguments(site);
    if (positional.length !== 1 || hasSplat(site) || site.args.type !== 'argument_list' || site.args.namedChildCount !== 1) return undefined;
    text = `await ${asyncPath}(${positional[0].text}).${OS_PATH_METHODS[hit.name]}()`;
  } else {
    return undefined;
  }
  text = awaitExpression(site.call, text);
  edits.add({ start: site.call.startIndex, end: site.call.endIndex, newText: text });
  return { fix: { title: `Use \`${library}.Path\`: \`${oneLineOf(text)}\``, safety: 'unsafe', edits: edits.edits }, text };
}

/** `Path(p)` becomes `anyio.Path(p)`; any other path expression is wrapped: `anyio.Path(base / "x")`. */
function asyncPathOf(context: CheckContext, asyncPath: string, receiver: Node): string {
  if (receiver.type === 'call') {
    const callee = receiver.childForFieldName('function');
    const qualified = callee ? context.facts.resolve(callee) : undefined;
    const args = receiver.childForFieldName('arguments');
    if (qualified && PATH_CONSTRUCTORS.has(qualified) && args?.type === 'argument_list') return `${asyncPath}${args.text}`;
  }
  return `${asyncPath}(${receiver.text})`;
}

function oneLineOf(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

function advice(hit: BlockingHit, library: AsyncLibrary | undefined): string {
  if (LAZY.has(hit.name)) {
    return 'Iterating reads the directory as it goes: collect it in one worker-thread call, e.g. `await asyncio.to_thread(lambda: list(path.glob("*.json")))`.';
  }
  if (library === 'anyio' || library === 'trio') return `\`${library}.Path\` has awaitable versions of these methods; other file-system calls can run through \`${library}.to_thread.run_sync\`.`;
  return 'Each call is a system call on a disk that may be slow or remote. Group the file-system work in one function and run it with `await asyncio.to_thread(...)`, or use `anyio.Path`/`aiofiles.os`.';
}
