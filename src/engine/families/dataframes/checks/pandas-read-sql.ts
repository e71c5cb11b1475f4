// pandas-read-sql: `pd.read_sql` / `read_sql_query` / `read_sql_table`. pandas fetches the
// rows through the driver as Python objects and builds the frame from them; polars'
// `read_database` (and `read_database_uri`, through connectorx or ADBC) fetch Arrow
// batches, and DuckDB can attach SQLite/PostgreSQL and run the query itself. The hover is
// built from the call's own query, connection and arguments. No fix.
import type { Node } from 'web-tree-sitter';
import { callParts, pandasFunction, stringValue } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { assignedName, bullets, chainLines, confidence, importLine, moduleNames, oneLine, pythonBlock, sections } from '../pandas-hover';
import { pyString } from '../pandas-translate';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

pandasPatterns('pandas-read-sql', `
(call function: (attribute attribute: (identifier) @name (#any-of? @name "read_sql" "read_sql_query" "read_sql_table"))) @call
(call function: (identifier) @name) @call
`);

export function createPandasReadSql(context: CheckContext): CheckVisitor {
  const { facts } = context;
  return {
    finish() {
      const names = moduleNames(facts);
      for (const { call } of pandasMatches(context)) {
        const reader = pandasFunction(call, facts)?.slice(7);
        if (!reader || !['read_sql', 'read_sql_query', 'read_sql_table'].includes(reader) || !context.isSound(call)) continue;
        const parts = callParts(call);
        if (!parts) continue;
        const first = parts.positional[0] ?? parts.keywords.get(reader === 'read_sql_table' ? 'table_name' : 'sql');
        const connection = parts.positional[1] ?? parts.keywords.get('con');
        const notes: string[] = [];
        let query = first?.text ?? 'query';
        if (reader === 'read_sql_table') {
          const table = stringValue(first);
          const columns = parts.keywords.get('columns');
          query = table !== undefined && !columns ? pyString(`SELECT * FROM ${table}`) : `f"SELECT * FROM {${first?.text ?? 'table'}}"`;
          if (columns) notes.push('`columns`: list them in the SELECT');
        }
        const args = [`${query}`];
        const uri = stringValue(connection);
        const polarsFunction = uri !== undefined ? 'read_database_uri' : 'read_database';
        if (connection) args.push(uri !== undefined ? `uri=${connection.text}` : `connection=${connection.text}`);
        for (const [key, value] of parts.keywords) {
          switch (key) {
            case 'sql':
            case 'con':
            case 'table_name':
            case 'columns':
              break;
            case 'params':
              if (uri === undefined) args.push(`execute_options={"parameters": ${value.text}}`);
              else notes.push('`params`: `read_database_uri` takes no parameters; format them into the query safely or use `read_database`');
              break;
            case 'chunksize':
              if (uri === undefined) args.push('iter_batches=True', `batch_size=${value.text}`);
              else notes.push('`chunksize`: use `read_database(..., iter_batches=True, batch_size=...)`');
              break;
            case 'index_col':
              notes.push(`\`index_col=${oneLine(value.text, 30)}\`: polars has no index; the column stays an ordinary column`);
              break;
            case 'parse_dates':
              notes.push('`parse_dates`: polars takes the types from the database; cast text columns with `.str.to_datetime()`');
              break;
            case 'dtype':
              notes.push('`dtype`: pass `schema_overrides={...}`');
              break;
            case 'coerce_float':
            case 'dtype_backend':
              break;
            default:
              notes.push(`\`${key}\` is not translated`);
          }
        }
        if (parts.hasSplat) notes.push('arguments passed with `*`/`**` are not translated');
        if (uri === undefined) notes.push('with a connection string instead of a connection object, `pl.read_database_uri(query, uri)` reads through connectorx or ADBC, in parallel with `partition_on=`');
        const target = assignedName(call)?.text;
        const params = parts.keywords.get('params');
        const sqlite = sqlitePath(connection, context);
        const duckdb = sqlite !== undefined
          ? `DuckDB can run the query on the SQLite file itself, in parallel:\n\n${pythonBlock([...importLine(names, 'duckdb'), `${names.duckdb}.sql(${pyString(`ATTACH ${sqlString(sqlite)} AS src (TYPE sqlite)`)})`, `${names.duckdb}.sql("USE src")`, ...chainLines(target, [`${names.duckdb}.sql(${query}${params ? `, params=${params.text}` : ''}).df()`])])}`
          : 'DuckDB can also attach SQLite, PostgreSQL and MySQL databases (`ATTACH ... (TYPE postgres)`) and return `.df()`.';
        context.report({
          node: call,
          data: { callee: oneLine(call.childForFieldName('function')!.text) },
          suggestion: sections(
            confidence(names),
            '**polars**, Arrow batches instead of Python row objects:',
            pythonBlock([...importLine(names, 'polars'), ...chainLines(target, [`${names.pl}.${polarsFunction}(${args.join(', ')})`])]),
            bullets(notes),
            duckdb,
          ),
        });
      }
    },
  };
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The file of `sqlite3.connect("shop.db")`, directly or through a name bound to it. */
function sqlitePath(connection: Node | undefined, context: CheckContext): string | undefined {
  if (!connection) return undefined;
  let value: Node | undefined = connection;
  if (connection.type === 'identifier') {
    const binding = context.facts.localBinding(connection);
    value = binding && !binding.opaque && binding.values.length === 1 ? binding.values[0] : undefined;
  }
  if (value?.type !== 'call') return undefined;
  if (context.facts.resolve(value.childForFieldName('function')!) !== 'sqlite3.connect') return undefined;
  const parts = callParts(value);
  const path = stringValue(parts?.positional[0]);
  return path !== undefined && path !== ':memory:' ? path : undefined;
}
