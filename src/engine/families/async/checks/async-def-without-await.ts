// async-def-without-await: a coroutine function whose body never awaits — no `await`,
// `async for` or `async with` — so it never lets other tasks run and could be a plain
// `def`. Preview and information severity: frameworks often require `async def` even
// without awaits. Not reported, to keep it precise: async generators, decorated functions
// (routes, fixtures, registrations), methods (they may implement an async interface),
// stubs, functions that call the async library (they need a running loop), and functions
// the file uses other than by awaiting a call (`create_task(f())`, `register(f)`): only
// a coroutine whose every use is `await f(...)` is reported. No fix: callers await it.
import type { Node } from 'web-tree-sitter';
import { asyncCallSites, isCoroutine, receiverOf, resolveImported } from '../call-sites';
import { LOOP } from '../call-tables';
import { kindOf } from '../kinds';
import type { Scope } from '../../../facts';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const ASYNC_LIBRARIES = /^(?:asyncio|anyio|trio|sniffio|curio)\./;

export function createAsyncDefWithoutAwait(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const awaiting = new Set<Scope>();
  return {
    match(captures) {
      const node = captures.await;
      if (node) awaiting.add(facts.scopeOf(node));
    },
    finish() {
      const candidates = facts.scopes.filter((s) => isCoroutine(s) && !awaiting.has(s) && s.parent?.kind !== 'class');
      if (!candidates.length) return;
      const candidateSet = new Set(candidates);
      const usesLibrary = new Set<Scope>();
      for (const site of asyncCallSites(facts)) {
        if (usesLibrary.has(site.scope) || !candidateSet.has(site.scope)) continue;
        const qualified = resolveImported(facts, site.callee);
        const receiver = receiverOf(site);
        if ((qualified && ASYNC_LIBRARIES.test(qualified)) || (!qualified && receiver && kindOf(facts, receiver) === LOOP)) usesLibrary.add(site.scope);
      }
      const reportable = candidates.filter((scope) => {
        const definition = scope.node;
        const name = definition.childForFieldName('name');
        if (!name || !context.isSound(name) || usesLibrary.has(scope)) return false;
        if (definition.parent?.type === 'decorated_definition' || facts.functionExits(definition).yields) return false;
        return !isStub(definition);
      });
      if (!reportable.length) return;
      const definitions = new Set(facts.scopes.filter((s) => s.kind === 'function').map((s) => s.node.childForFieldName('name')?.startIndex ?? -1));
      const awaitedOnly = onlyAwaited(context.text, new Set(reportable.map((s) => s.name)), definitions);
      for (const scope of reportable) {
        if (awaitedOnly.has(scope.name)) context.report({ node: scope.node.childForFieldName('name')!, data: { name: scope.name }, peer: 'RUF029' });
      }
    },
  };
}

/** Docstring, `pass`, `...` or a lone `raise`: a placeholder for an interface. */
function isStub(definition: Node): boolean {
  const body = definition.childForFieldName('body');
  const statements = body?.namedChildren.filter((s): s is Node => !!s && s.type !== 'comment') ?? [];
  const code = statements.filter((s, i) => !(i === 0 && s.type === 'expression_statement' && s.firstNamedChild?.type === 'string'));
  if (code.length === 0) return true;
  if (code.length !== 1) return false;
  const only = code[0];
  return only.type === 'pass_statement' || only.type === 'raise_statement' || (only.type === 'expression_statement' && only.firstNamedChild?.type === 'ellipsis');
}

/**
 * The names the file uses only as `await name(...)` — at least once, and in no other way. A
 * coroutine passed on (`create_task(name())`, `loop.run_until_complete(name())`,
 * `register(name)`, `obj.name`) may be required to be one; one that is only awaited can
 * become a `def` by dropping those awaits. Read on the text in one pass: a mention in a
 * string or a comment counts as another use, which only ever silences the rule.
 */
function onlyAwaited(text: string, names: ReadonlySet<string>, definitions: ReadonlySet<number>): Set<string> {
  const awaited = new Map<string, number>();
  const other = new Set<string>();
  const word = new RegExp(`\\b(?:${[...names].join('|')})\\b`, 'g');
  for (const match of text.matchAll(word)) {
    const at = match.index!;
    const name = match[0];
    if (definitions.has(at) || other.has(name)) continue;
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at + name.length, at + name.length + 20);
    if (/(?:^|[^\w.])await\s+$/.test(before) && /^\s*\(/.test(after)) awaited.set(name, (awaited.get(name) ?? 0) + 1);
    else other.add(name);
  }
  return new Set([...awaited.keys()].filter((name) => !other.has(name)));
}
