// sql-string-formatting: SQL text built with an f-string, `%`, `.format()` or `+` and run by
// `cursor.execute()` / `executemany()` / `executescript()`, `connection.execute()`,
// `pandas.read_sql[_query]()` or `sqlalchemy.text()`. The string must start like a data
// statement (SELECT, INSERT, UPDATE, DELETE, WITH…) and take a runtime value; a query with
// placeholders and a params argument is the safe form and stays silent.
// Fix (unsafe): an f-string whose interpolations are names or attributes in value position
// becomes a literal with the driver's placeholders (`?` sqlite3, `%s` psycopg/psycopg2/
// pymysql/MySQLdb, `:name` SQLAlchemy text()) and the values go as parameters.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix, TextEdit } from '../../../types';
import { callArguments, oneLine, pythonBlock } from '../proc-call-args';
import { EXECUTE_METHODS, NAMED_PLACEHOLDER, parameterise, paramstyleOf, sqlBuild, SQL_FUNCTIONS, type Paramstyle } from '../sql-query';
import type { StringBuild } from '../strings';

const HOW: Record<StringBuild, string> = {
  'f-string': 'built with an f-string',
  percent: 'built with `%` formatting',
  format: 'built with `.format()`',
  concatenation: 'built by `+` concatenation',
};

const QUERY_FUNCTION_NAMES = new Set([...SQL_FUNCTIONS].map((name) => name.slice(name.lastIndexOf('.') + 1)));

export function createSqlStringFormatting(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  // A query assigned to a name and run twice is one finding.
  const reported = new Set<number>();
  // Before resolving names (the costly part, once per call of the file): an attribute call
  // must end in a query method or a query function's name; a plain name can only be a
  // query function the file imports.
  const importsQueryFunction = facts.mayResolveTo([...SQL_FUNCTIONS]);
  const mayRunSql = (callee: Node): boolean => {
    if (callee.type === 'identifier') return importsQueryFunction;
    const last = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    return !!last && (EXECUTE_METHODS.has(last) || QUERY_FUNCTION_NAMES.has(last));
  };
  return {
    match({ call }) {
      if (!call) return;
      const callee = call.childForFieldName('function');
      if (!callee || !mayRunSql(callee) || !context.isSound(call)) return;
      const qualified = callee.type === 'identifier' || callee.type === 'attribute' ? facts.resolve(callee) : undefined;
      const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
      const sqlFunction = qualified !== undefined && SQL_FUNCTIONS.has(qualified);
      // Any receiver: `cursor`, `self.db`, Django's imported `connection`; the text must look like SQL too.
      if (!sqlFunction && !(method && EXECUTE_METHODS.has(method))) return;
      const args = callArguments(call);
      const argument = args.positional[0] ?? args.keywords.get(sqlFunction ? 'sql' : 'operation')?.childForFieldName('value');
      if (!argument) return;
      const { query, via } = queryText(context, argument);
      if (!query || reported.has(query.startIndex)) return;
      const binds = sqlFunction && qualified.startsWith('sqlalchemy')
        ? NAMED_PLACEHOLDER.test(query.text)
        : args.positional.length >= 2 || args.keywords.has('params') || args.keywords.has('parameters') || args.splat;
      const build = sqlBuild(facts, query, binds);
      if (!build) return;
      reported.add(query.startIndex);
      const fix = via || build !== 'f-string' ? undefined : parameterFix(context, call, callee, qualified, method, query);
      const name = oneLine(callee.text);
      context.report({
        node: query,
        data: { callee: name, how: via ? `${HOW[build]} (as \`${via}\`)` : HOW[build] },
        fixes: fix ? [fix.fix] : [],
        suggestion: fix
          ? `Bind the values as parameters; the driver sends them apart from the SQL text:\n\n${pythonBlock(fix.shown)}`
          : sketch(query, name, via, qualified) ?? guidance(name, qualified),
        peer: 'S608',
      });
    },
  };
}

/** The query string itself, following a name assigned once in the same scope (`sql = f"…"`). */
function queryText(context: CheckContext, argument: Node): { query?: Node; via?: string } {
  if (argument.type !== 'identifier') return { query: argument };
  const local = context.facts.localBinding(argument);
  if (!local || local.opaque || local.parameter || local.values.length !== 1) return {};
  return { query: local.values[0], via: argument.text };
}

function parameterFix(
  context: CheckContext,
  call: Node,
  callee: Node,
  qualified: string | undefined,
  method: string | undefined,
  query: Node,
): { fix: Fix; shown: string } | undefined {
  const args = callArguments(call);
  if (args.comment || args.splat || args.positional.length !== 1 || !args.positional[0].equals(query) || args.keywords.size) return undefined;
  if (qualified?.endsWith('.text') && qualified.startsWith('sqlalchemy')) return textFix(call, query);
  if (method !== 'execute') return undefined; // executemany binds one row per item; executescript takes none
  const style: Paramstyle | undefined = paramstyleOf(context.facts, callee.childForFieldName('object'));
  if (!style || style === 'named') return undefined;
  const bound = parameterise(query, style);
  if (!bound) return undefined;
  const edits: TextEdit[] = [{ start: query.startIndex, end: query.endIndex, newText: `${bound.query}, ${bound.params}` }];
  const shown = `${callee.text}(${bound.query}, ${bound.params})`;
  return { fix: { title: `Pass the values as parameters: \`${oneLine(shown)}\``, safety: 'unsafe', edits }, shown };
}

/** `text(f"… {x}")` → `text("… :x"), {"x": x}` as `execute()`'s arguments, else `.bindparams(x=x)`. */
function textFix(call: Node, query: Node): { fix: Fix; shown: string } | undefined {
  const bound = parameterise(query, 'named');
  if (!bound) return undefined;
  const callee = call.childForFieldName('function')!.text;
  const outerList = call.parent?.type === 'argument_list' ? call.parent : undefined;
  const outer = outerList?.parent;
  const outerMethod = outer?.childForFieldName('function')?.childForFieldName('attribute')?.text;
  const onlyArgument = outerList?.namedChildren.length === 1 && outerList.namedChildren[0]?.equals(call);
  const edits: TextEdit[] = [{ start: query.startIndex, end: query.endIndex, newText: bound.query }];
  let shown: string;
  if (outer && onlyArgument && outerMethod === 'execute') {
    edits.push({ start: call.endIndex, end: call.endIndex, newText: `, ${bound.params}` });
    shown = `${outer.childForFieldName('function')!.text}(${callee}(${bound.query}), ${bound.params})`;
  } else {
    edits.push({ start: call.endIndex, end: call.endIndex, newText: `.bindparams(${bound.keywords.join(', ')})` });
    shown = `${callee}(${bound.query}).bindparams(${bound.keywords.join(', ')})`;
  }
  return { fix: { title: `Bind the values as parameters: \`${oneLine(shown)}\``, safety: 'unsafe', edits }, shown };
}

/** The parameterised call, built from the user's f-string, when only the driver is unknown. */
function sketch(query: Node, callee: string, via: string | undefined, qualified: string | undefined): string | undefined {
  const named = qualified?.startsWith('sqlalchemy') ?? false;
  const bound = parameterise(query, named ? 'named' : 'qmark');
  if (!bound || via) return undefined;
  const call = named ? `${callee}(${bound.query}).bindparams(${bound.keywords.join(', ')})` : `${callee}(${bound.query}, ${bound.params})`;
  const note = named ? '' : ' Write the placeholder your driver takes: `?` for sqlite3, `%s` for psycopg and the MySQL drivers.';
  return `Bind the values as parameters; the driver sends them apart from the SQL text:\n\n${pythonBlock(call)}${note}`;
}

function guidance(callee: string, qualified: string | undefined): string {
  const form = qualified?.startsWith('sqlalchemy')
    ? `conn.execute(${callee}("SELECT * FROM users WHERE id = :user_id"), {"user_id": user_id})`
    : qualified?.startsWith('pandas')
      ? `${callee}("SELECT * FROM users WHERE id = %(user_id)s", con, params={"user_id": user_id})`
      : `${callee}("SELECT * FROM users WHERE id = ?", (user_id,))`;
  return `Write placeholders in the SQL and pass the values apart, e.g. \`${form}\` (the placeholder is the driver's: \`?\`, \`%s\` or \`:name\`). Table and column names cannot be parameters: check them against a fixed set of allowed names.`;
}
