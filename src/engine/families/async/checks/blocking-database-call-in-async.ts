// blocking-database-call-in-async: a synchronous DB-API driver in a coroutine —
// `sqlite3.connect`, `psycopg2.connect`, `psycopg.connect`, `pymysql.connect`, and `execute` /
// `fetch*` / `commit` on the connections and cursors they return. No fix: these connections
// belong to the thread that made them (sqlite3 refuses to be used from another), so moving
// one call to a thread breaks the next. The hover names the async drivers.
import { reportBlockingCalls } from '../blocking';
import { RULES } from '../call-tables';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createBlockingDatabaseCallInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.database, {
        offThread: () => false,
        advice: () =>
          'Use an async driver — `aiosqlite` for SQLite, `asyncpg` or `psycopg.AsyncConnection` for PostgreSQL, `aiomysql` for MySQL — or an async ORM session (SQLAlchemy `AsyncSession`). If the sync driver must stay, run the whole unit of work (connect, queries, commit) in one worker-thread function.',
      });
    },
  };
}
