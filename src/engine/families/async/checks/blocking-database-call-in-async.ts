// blocking-database-call-in-async: a synchronous database call in a coroutine — DB-API
// drivers (`sqlite3`, `psycopg2`, `psycopg`, `pymysql`…: connects, `execute`, `fetch*`,
// `commit`) and SQLAlchemy's sync `Session` (`query`, `execute`, `commit`, `get`…, from
// `Session(engine)`, a `sessionmaker`, `scoped_session` or a `db: Session = Depends(...)`
// parameter) and `Engine`/`Connection`. Never the async ones (`AsyncSession`,
// `create_async_engine`) nor an awaited call. No fix: connections and sessions belong to the
// thread that uses them (sqlite3 refuses another), so moving one call to a thread breaks
// the next. The hover names the async drivers, and for FastAPI the sync `def` route.
import { reportBlockingCalls, type BlockingHit } from '../blocking';
import { RULES } from '../call-tables';
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';

export function createBlockingDatabaseCallInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.database, {
        offThread: () => false,
        advice: (hit) => (hit.kind?.startsWith('sqlalchemy.') ? sqlalchemyAdvice(context.facts, hit) : driverAdvice()),
      });
    },
  };
}

function driverAdvice(): string {
  return 'Use an async driver — `aiosqlite` for SQLite, `asyncpg` or `psycopg.AsyncConnection` for PostgreSQL, `aiomysql` for MySQL — or an async ORM session (SQLAlchemy `AsyncSession`). If the sync driver must stay, run the whole unit of work (connect, queries, commit) in one worker-thread function.';
}

/** A def decorated as an HTTP route (`@app.get(...)`, `@router.post(...)`, `@app.api_route(...)`). */
function isRoute(definition: Node): boolean {
  const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
  return !!decorated?.namedChildren.some((d) => d?.type === 'decorator' && ROUTE_DECORATOR.test(d.text));
}

const AWAITS = /\bawait\b|\basync\s+(?:with|for)\b/;
const ROUTE_DECORATOR = /^@\s*[\w.]+\.(?:get|post|put|patch|delete|head|options|api_route)\s*\(/;

function sqlalchemyAdvice(facts: SemanticFacts, hit: BlockingHit): string {
  const lines: string[] = [];
  const route = hit.site.scope.node;
  if (facts.importsModule('fastapi') && isRoute(route) && !AWAITS.test(route.childForFieldName('body')?.text ?? 'await')) {
    lines.push(
      `Usually the right cure: declare the route \`${hit.site.scope.name}\`, which awaits nothing, with plain \`def\` — FastAPI runs sync routes (and their sync dependencies) in its thread pool, where a sync \`Session\` belongs.`,
    );
  } else if (facts.importsModule('fastapi')) {
    lines.push('In FastAPI, a route declared with plain `def` runs in the thread pool, where a sync `Session` belongs: often the simplest cure is a sync route calling sync code.');
  }
  lines.push(
    'To stay async, switch to `AsyncSession` (`create_async_engine` with an async driver, `async_sessionmaker`) and `await` each call; or run the whole unit of work — queries and commit on one session — in one function with `await run_in_threadpool(...)` (Starlette) or `asyncio.to_thread(...)`.',
  );
  return lines.join('\n\n');
}
