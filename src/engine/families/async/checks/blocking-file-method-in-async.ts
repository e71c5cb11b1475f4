// blocking-file-method-in-async: I/O on a synchronous file object in a coroutine — `read`,
// `readline(s)`, `write(lines)`, `flush`, `seek`, `truncate` on a file the code opened with
// `open()` (or a parameter typed `io.TextIOWrapper`…), and `json.load/dump`, `pickle.load/dump`,
// `yaml.safe_load`, `shutil.copyfileobj` given such a file. The fix moves the call to a worker
// thread; the hover points to async files (`anyio.open_file`, `aiofiles`).
import { reportBlockingCalls } from '../blocking';
import { type AsyncLibrary } from '../call-sites';
import { RULES } from '../call-tables';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createBlockingFileMethodInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.fileMethod, { advice: (_hit, library) => advice(library) });
    },
  };
}

function advice(library: AsyncLibrary | undefined): string {
  if (library === 'anyio') return 'Open it as an async file instead: `async with await anyio.open_file(path) as f: data = await f.read()`.';
  if (library === 'trio') return 'Open it as an async file instead: `async with await trio.open_file(path) as f: data = await f.read()`.';
  return 'Read or write the whole file in one worker-thread call (`await asyncio.to_thread(Path(path).read_text)`), or use an async file library (`aiofiles`, `anyio.open_file`).';
}
