// get-event-loop-outside-loop: `asyncio.get_event_loop()` where no loop runs — at module
// level, or in a sync function that then drives the loop itself (`run_until_complete`,
// `run_forever`). Without a running loop it has been deprecated since Python 3.10–3.12 and
// raises RuntimeError from 3.14. Inside a coroutine or a callback it is fine and not reported.
// The fix turns the classic "get loop, run until complete" into `asyncio.run(main())`.
import type { Node } from 'web-tree-sitter';
import { callsNamed } from '../call-sites';
import { EditSet, oneLine, pythonBlock, statementIndent } from '../off-thread';
import type { Scope } from '../../../facts';
import type { Fix } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const RUNS = new Set(['run_until_complete', 'run_forever']);

export function createGetEventLoopOutsideLoop(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const candidates: Node[] = [];
  /** `name.run_until_complete(...)` / `name.run_forever()` calls, by scope. */
  const runs = new Map<Scope, Map<string, Node[]>>();

  return {
    finish() {
      if (!facts.importsModule('asyncio')) return;
      let setsLoop = false;
      for (const { call, callee, scope } of callsNamed(facts, context.text, ['get_event_loop', 'set_event_loop', 'run_until_complete', 'run_forever'])) {
        if (!setsLoop && facts.resolve(callee) === 'asyncio.set_event_loop') setsLoop = true;
        const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee.text;
        const receiver = callee.type === 'attribute' ? callee.childForFieldName('object') : null;
        if ((method === 'run_until_complete' || method === 'run_forever') && receiver?.type === 'identifier') {
          let byName = runs.get(scope);
          if (!byName) runs.set(scope, (byName = new Map()));
          byName.set(receiver.text, [...(byName.get(receiver.text) ?? []), call]);
        } else if (method === 'get_event_loop' && context.isSound(call) && facts.resolve(callee) === 'asyncio.get_event_loop') {
          candidates.push(call);
        }
      }
      // A loop installed with set_event_loop() is returned without any deprecation.
      if (setsLoop) return;
      for (const call of candidates) {
        const scope = facts.scopeOf(call);
        if (handlesRuntimeError(call, scope)) continue;
        const moduleLevel = runsAtImport(scope);
        const chained = chainedRun(call);
        const assigned = assignedName(call);
        const runCalls = assigned ? (runs.get(scope)?.get(assigned) ?? []) : [];
        // In a plain function (not a method: a test case or framework may have installed a
        // loop), only when it then drives the loop itself, proving none is running.
        if (!moduleLevel && !(isPlainFunction(scope) && (chained || runCalls.length))) continue;
        const fix = chained ? chainedFix(context, chained) : assigned ? sequenceFix(context, call, assigned, scope) : undefined;
        context.report({
          node: call,
          data: { callee: oneLine(call.childForFieldName('function')!.text) },
          fixes: fix ? [fix.fix] : [],
          suggestion: fix
            ? pythonBlock(fix.text)
            : 'Start the program with `asyncio.run(main())`; code that needs the loop should run inside `main()` and call `asyncio.get_running_loop()`. If a loop object is really needed up front, create it with `asyncio.new_event_loop()` and `asyncio.set_event_loop(loop)`.',
        });
      }
    },
  };
}

/** Module code, or a class body at module level: runs at import, with no loop running. */
function runsAtImport(scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (s.kind === 'module') return true;
    if (s.kind !== 'class') return false;
  }
  return false;
}

/** A sync def outside any class (methods may run where a test case installed a loop). */
function isPlainFunction(scope: Scope): boolean {
  if (scope.kind !== 'function' || scope.isAsync) return false;
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.kind === 'class') return false;
  return true;
}

/** Inside `try:` with an `except` naming RuntimeError: the code already handles "no loop". */
function handlesRuntimeError(call: Node, scope: Scope): boolean {
  for (let node = call.parent; node && node.startIndex >= scope.bodyStart; node = node.parent) {
    if (node.type !== 'try_statement') continue;
    if (node.namedChildren.some((c) => c?.type === 'except_clause' && /\bRuntimeError\b/.test(c.namedChildren.find((x) => x && x.type !== 'block' && x.type !== 'comment')?.text ?? ''))) return true;
  }
  return false;
}

/** `asyncio.get_event_loop().run_until_complete(...)`: the outer call. */
function chainedRun(call: Node): Node | undefined {
  const attribute = call.parent;
  if (attribute?.type !== 'attribute' || !RUNS.has(attribute.childForFieldName('attribute')?.text ?? '')) return undefined;
  return attribute.parent?.type === 'call' ? attribute.parent : undefined;
}

/** `loop = asyncio.get_event_loop()`: the name. */
function assignedName(call: Node): string | undefined {
  const assignment = call.parent;
  if (assignment?.type !== 'assignment' || !assignment.childForFieldName('right')?.equals(call)) return undefined;
  const left = assignment.childForFieldName('left');
  return left?.type === 'identifier' && !assignment.childForFieldName('type') ? left.text : undefined;
}

/** The one coroutine argument `asyncio.run()` can take: a call that is not an asyncio helper returning a future. */
function coroutineArgument(context: CheckContext, run: Node): Node | undefined {
  if (run.childForFieldName('function')?.childForFieldName('attribute')?.text !== 'run_until_complete') return undefined;
  const args = run.childForFieldName('arguments');
  const list = args?.namedChildren.filter((c): c is Node => !!c) ?? [];
  if (list.length !== 1 || list[0].type !== 'call') return undefined;
  const callee = list[0].childForFieldName('function');
  const qualified = callee ? context.facts.resolve(callee) : undefined;
  // gather(), wait(), ensure_future() return futures; asyncio.run() wants a coroutine.
  if (qualified?.startsWith('asyncio.')) return undefined;
  return list[0];
}

function chainedFix(context: CheckContext, run: Node): { fix: Fix; text: string } | undefined {
  const coroutine = coroutineArgument(context, run);
  if (!coroutine || !context.isSound(run)) return undefined;
  const edits = new EditSet(context);
  const text = `${edits.ref(run, 'asyncio.run')}(${coroutine.text})`;
  edits.add({ start: run.startIndex, end: run.endIndex, newText: text });
  return { fix: { title: `Replace with \`${oneLine(text)}\``, safety: 'unsafe', edits: edits.edits }, text };
}

/**
 * `loop = asyncio.get_event_loop()` directly followed by `loop.run_until_complete(main())`
 * (as a statement or assigned), and optionally `loop.close()`, with `loop` used nowhere else.
 */
function sequenceFix(context: CheckContext, call: Node, name: string, scope: Scope): { fix: Fix; text: string } | undefined {
  const first = call.parent?.parent;
  if (first?.type !== 'expression_statement') return undefined;
  const next = (node: Node) => {
    let sibling = node.nextNamedSibling;
    while (sibling?.type === 'comment') sibling = sibling.nextNamedSibling;
    return sibling;
  };
  const second = next(first);
  if (second?.type !== 'expression_statement') return undefined;
  const expression = second.firstNamedChild;
  const run = expression?.type === 'call' ? expression : expression?.type === 'assignment' ? expression.childForFieldName('right') : null;
  if (run?.type !== 'call' || run.childForFieldName('function')?.childForFieldName('object')?.text !== name) return undefined;
  const coroutine = coroutineArgument(context, run);
  if (!coroutine || !context.isSound(first) || !context.isSound(second)) return undefined;
  const third = next(second);
  const closes = third?.type === 'expression_statement' && third.text.replace(/\s+/g, '') === `${name}.close()` ? third : undefined;
  const text = context.text;
  const start = scope.kind === 'module' ? 0 : scope.node.startIndex;
  const end = scope.kind === 'module' ? text.length : scope.node.endIndex;
  // Uses of the name in the code (comments blanked; a mention in a string only blocks the fix).
  let code = text.slice(start, end);
  for (const comment of context.facts.comments) {
    if (comment.startIndex >= start && comment.endIndex <= end) {
      code = code.slice(0, comment.startIndex - start) + ' '.repeat(comment.endIndex - comment.startIndex) + code.slice(comment.endIndex - start);
    }
  }
  const uses = (code.match(new RegExp(`\\b${name}\\b`, 'g')) ?? []).length;
  if (uses !== (closes ? 3 : 2)) return undefined;
  const indent = statementIndent(text, first);
  if (indent === undefined || statementIndent(text, second) === undefined || (closes && statementIndent(text, closes) === undefined)) return undefined;
  const edits = new EditSet(context);
  const replacement = `${edits.ref(run, 'asyncio.run')}(${coroutine.text})`;
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  // A comment after a removed statement stays, on its own line.
  const commentAfter = (statement: Node) => {
    const sibling = statement.nextNamedSibling;
    return sibling?.type === 'comment' && sibling.startPosition.row === statement.endPosition.row ? sibling : undefined;
  };
  const firstComment = commentAfter(first);
  edits.add({ start: firstComment ? first.startIndex : lineStart(first.startIndex), end: firstComment ? firstComment.startIndex : lineStart(second.startIndex), newText: '' });
  edits.add({ start: run.startIndex, end: run.endIndex, newText: replacement });
  if (closes) {
    const closeComment = commentAfter(closes);
    edits.add(closeComment ? { start: closes.startIndex, end: closeComment.startIndex, newText: '' } : { start: second.endIndex, end: closes.endIndex, newText: '' });
  }
  return {
    fix: { title: `Replace the loop with \`${oneLine(replacement)}\``, safety: 'unsafe', edits: edits.edits },
    text: second.text.replace(run.text, replacement),
  };
}
