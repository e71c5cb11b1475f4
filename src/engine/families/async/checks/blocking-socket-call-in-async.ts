// blocking-socket-call-in-async: blocking `socket` use in a coroutine — name lookups
// (`socket.getaddrinfo`, `gethostbyname`, …), `socket.create_connection`, and I/O methods on a
// socket the coroutine creates, unless it sets that socket non-blocking. Name lookups move to
// a worker thread (what `loop.getaddrinfo` does); socket I/O gets guidance, not a fix.
import { reportBlockingCalls, type BlockingHit } from '../blocking';
import { type AsyncLibrary } from '../call-sites';
import { RULES } from '../call-tables';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const LOOKUPS = new Set(['socket.getaddrinfo', 'socket.gethostbyname', 'socket.gethostbyname_ex', 'socket.gethostbyaddr', 'socket.getfqdn', 'socket.getnameinfo']);

export function createBlockingSocketCallInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.socket, {
        // A connected socket made in a thread still blocks on every later recv/send.
        offThread: (hit) => LOOKUPS.has(hit.name),
        advice: (hit, library) => advice(hit, library),
      });
    },
  };
}

function advice(hit: BlockingHit, library: AsyncLibrary | undefined): string {
  if (LOOKUPS.has(hit.name)) {
    return library === 'trio' || library === 'anyio'
      ? `\`${library}\` resolves names without blocking: \`await ${library === 'trio' ? 'trio.socket.getaddrinfo' : 'anyio.getaddrinfo'}(host, port)\`.`
      : 'asyncio resolves names without blocking: `await loop.getaddrinfo(host, port)` (`loop = asyncio.get_running_loop()`).';
  }
  if (library === 'trio') return 'Use trio streams: `stream = await trio.open_tcp_stream(host, port)`, then `await stream.send_all(data)` / `await stream.receive_some()`.';
  if (library === 'anyio') return 'Use anyio streams: `stream = await anyio.connect_tcp(host, port)`, then `await stream.send(data)` / `await stream.receive()`.';
  return 'Use asyncio streams: `reader, writer = await asyncio.open_connection(host, port)`; or, for a non-blocking socket, `await loop.sock_recv(sock, n)` / `loop.sock_sendall(sock, data)`.';
}
