// async-def-without-await: a coroutine function whose body never awaits — no `await`,
// `async for` or `async with` — so it never lets other tasks run and could be a plain
// `def`. Preview and information severity: frameworks often require `async def` even
// without awaits. Not reported, to keep it precise: async generators, decorated functions
// (routes, fixtures, registrations), methods (they may implement an async interface),
// stubs, functions that call the async library (they need a running loop), and functions
// the file uses other than by awaiting a call (`create_task(f())`, `register(f)`, a name in
// `__all__`): a coroutine is reported when the file awaits it or never mentions it again
// (library code, called from elsewhere) — unless, never mentioned, its name says a framework
// calls it (`on_*`, `handle_*`, `*_handler`, `*_callback`, `*_hook`: registered in another
// module, where `async def` may be required) or it makes a blocking call that a blocking
// rule reports (whose advice, awaiting the async counterpart, is the cure). Test functions (`test_*`) are not reported:
// pytest's async plugins run them in a loop that fixtures may need. No fix: callers await it.
import type { Node } from 'web-tree-sitter';
import { blockingHit } from '../blocking';
import { asyncCallSites, isCoroutine, receiverOf, resolveImported } from '../call-sites';
import { LOOP } from '../call-tables';
import { kindOf } from '../kinds';
import type { Scope } from '../../../facts';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const ASYNC_LIBRARIES = /^(?:asyncio|anyio|trio|sniffio|curio)\./;
/** Names of functions a framework calls back: registered elsewhere, where they may have to be coroutines. */
const CALLBACK_NAME = /^(?:on_|handle_)|_(?:handler|callback|hook|listener|cb)$|^(?:callback|handler|hook)$/;
/** pytest collects these; an async plugin runs them on a loop. */
const TEST_NAME = /^test_/;

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
      const blocks = new Set<Scope>();
      for (const site of asyncCallSites(facts)) {
        if (usesLibrary.has(site.scope) || !candidateSet.has(site.scope)) continue;
        const qualified = resolveImported(facts, site.callee);
        const receiver = receiverOf(site);
        if ((qualified && ASYNC_LIBRARIES.test(qualified)) || (!qualified && receiver && kindOf(facts, receiver) === LOOP)) usesLibrary.add(site.scope);
        else if (!blocks.has(site.scope) && blockingHit(facts, site)) blocks.add(site.scope);
      }
      const reportable = candidates.filter((scope) => {
        const definition = scope.node;
        const name = definition.childForFieldName('name');
        if (!name || !context.isSound(name) || usesLibrary.has(scope) || TEST_NAME.test(scope.name)) return false;
        if (definition.parent?.type === 'decorated_definition' || facts.functionExits(definition).yields) return false;
        return !isStub(definition);
      });
      if (!reportable.length) return;
      const definitions = new Set(facts.scopes.filter((s) => s.kind === 'function').map((s) => s.node.childForFieldName('name')?.startIndex ?? -1));
      const { other, awaited } = usesOf(context.text, new Set(reportable.map((s) => s.name)), definitions);
      for (const scope of reportable) {
        if (other.has(scope.name)) continue;
        // Not called in the file: a framework may call it (callback names), or a blocking
        // rule already reports it, advising to await the async counterpart instead.
        if (!awaited.has(scope.name) && (CALLBACK_NAME.test(scope.name) || blocks.has(scope))) continue;
        context.report({ node: scope.node.childForFieldName('name')!, data: { name: scope.name }, peer: 'RUF029' });
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
 * The names the file awaits as `await name(...)`, and those it uses otherwise. A coroutine passed on
 * (`create_task(name())`, `loop.run_until_complete(name())`, `register(name)`, `obj.name`)
 * may be required to be one; one that is only awaited, or not used in the file at all, can
 * become a `def` by dropping the awaits of its callers. Read on the text in one pass: a
 * mention in a string or a comment counts as another use, which only ever silences the rule.
 */
function usesOf(text: string, names: ReadonlySet<string>, definitions: ReadonlySet<number>): { other: Set<string>; awaited: Set<string> } {
  const other = new Set<string>();
  const awaited = new Set<string>();
  const word = new RegExp(`\\b(?:${[...names].join('|')})\\b`, 'g');
  for (const match of text.matchAll(word)) {
    const at = match.index!;
    const name = match[0];
    if (definitions.has(at) || other.has(name)) continue;
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at + name.length, at + name.length + 20);
    if (/(?:^|[^\w.])await\s+$/.test(before) && /^\s*\(/.test(after)) awaited.add(name);
    else other.add(name);
  }
  return { other, awaited };
}
