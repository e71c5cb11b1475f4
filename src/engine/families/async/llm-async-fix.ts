// The native fix for a sync LLM SDK client used in a coroutine (blocking-http-call-in-async):
// when the coroutine builds the client itself (`client = OpenAI()`) and uses it only for
// requests the rule reports, the client becomes its async twin (`AsyncOpenAI`) and every one
// of those requests is awaited — one fix for all of them, so no sync call is left behind.
// A client made anywhere else (module level, `__init__`, a parameter) may serve sync code too:
// no fix then, only the hover (llm-advice.ts).
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { ImportPlan } from '../../import-plan';
import { LLM_CLIENT_CLASSES } from '../../llm-sdks';
import { forEachNode } from '../../tree-walk';
import type { TextEdit } from '../../types';
import { blockingHit, type BlockingHit } from './blocking';
import { asyncCallSites, receiverOf } from './call-sites';
import { isLlmCall, streamsLlmAnswer } from './llm-advice';
import { awaitExpression, canAwaitAt, oneLine, type OfferedFix } from './off-thread';

export function asyncClientFix(context: CheckContext, hit: BlockingHit): OfferedFix | undefined {
  if (!usableHit(hit)) return undefined;
  const facts = context.facts;
  const root = chainRoot(hit.site.callee);
  if (root?.type !== 'identifier') return undefined;
  const binding = facts.localBinding(root);
  if (!binding || binding.opaque || binding.parameter || binding.values.length !== 1 || facts.scopeOf(root) !== hit.site.scope) return undefined;
  const constructor = binding.values[0];
  const assignment = constructor.parent;
  if (constructor.type !== 'call' || assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== root.text) return undefined;
  const callee = constructor.childForFieldName('function');
  const className = callee ? facts.resolve(callee) : undefined;
  const known = className ? LLM_CLIENT_CLASSES.get(className) : undefined;
  if (!callee || !known || known.isAsync || !known.twin) return undefined;
  // Every use of the name after the constructor must be the receiver of a request to await.
  const hits = usesInCoroutine(context, hit, root.text, assignment);
  if (!hits) return undefined;
  const plan = new ImportPlan(facts, context.text);
  const edits: TextEdit[] = [];
  const twinName = known.twin.slice(known.twin.lastIndexOf('.') + 1);
  if (callee.type === 'attribute') {
    const attribute = callee.childForFieldName('attribute')!;
    edits.push({ start: attribute.startIndex, end: attribute.endIndex, newText: twinName });
  } else {
    const reference = plan.reference(known.twin.slice(0, known.twin.lastIndexOf('.')), twinName, callee);
    if (!reference) return undefined;
    edits.push({ start: callee.startIndex, end: callee.endIndex, newText: reference });
    const imported = facts.imports.find((b) => b.local === callee.text && !b.isModule && b.qualified === className);
    if (imported && plan.isUnusedExcept(imported, [{ start: callee.startIndex, end: callee.endIndex }])) plan.remove(imported);
  }
  for (const { site } of hits) {
    const awaited = awaitExpression(site.call, 'await x');
    edits.push({ start: site.call.startIndex, end: site.call.startIndex, newText: awaited === 'await x' ? 'await ' : '(await ' });
    if (awaited !== 'await x') edits.push({ start: site.call.endIndex, end: site.call.endIndex, newText: ')' });
  }
  const imports = plan.edits();
  if (!imports) return undefined;
  const made = `${root.text} = ${callee.type === 'attribute' ? callee.text.replace(/\w+$/, twinName) : twinName}${oneLine(constructor.childForFieldName('arguments')?.text ?? '()', 50)}`;
  return {
    fix: {
      title: `Use \`${twinName}\` and await its ${hits.length === 1 ? 'call' : `${hits.length} calls`} (unsafe: other tasks now run while the model answers)`,
      safety: 'unsafe',
      edits: [...imports, ...edits],
    },
    text: `${made}\n...\nawait ${oneLine(hit.site.call.text, 90)}`,
  };
}

/** A plain request: not a stream (read with `async for`), not a raw response (whose `.parse()` becomes a coroutine). */
function usableHit(hit: BlockingHit): boolean {
  return isLlmCall(hit) && !streamsLlmAnswer(hit) && !/\bwith_raw_response\b/.test(hit.site.callee.text) && canAwaitAt(hit.site.call);
}

/** `client` in `client.chat.completions.create`. */
function chainRoot(callee: Node): Node | undefined {
  let node: Node | null = callee;
  while (node?.type === 'attribute') node = node.childForFieldName('object');
  return node ?? undefined;
}

/** The requests made through every use of `name` in the coroutine after `assignment`, or undefined when one use is anything else. */
function usesInCoroutine(context: CheckContext, hit: BlockingHit, name: string, assignment: Node): BlockingHit[] | undefined {
  const facts = context.facts;
  const scope = hit.site.scope;
  const sites = asyncCallSites(facts).filter((s) => s.scope === scope);
  const body = scope.node.childForFieldName('body');
  if (!body) return undefined;
  const hits: BlockingHit[] = [];
  const uses: Node[] = [];
  forEachNode(body, (node) => {
    if (node.type === 'identifier' && node.text === name) uses.push(node);
  });
  for (const use of uses) {
    if (use.startIndex < assignment.endIndex) {
      if (use.equals(assignment.childForFieldName('left')!)) continue;
      return undefined;
    }
    // A name after a dot is an attribute, not this variable.
    if (use.parent?.type === 'attribute' && use.parent.childForFieldName('attribute')?.equals(use)) continue;
    if (facts.scopeOf(use) !== scope) return undefined;
    const site = sites.find((s) => chainRoot(s.callee)?.equals(use) && receiverOf(s));
    const found = site && blockingHit(facts, site);
    if (!found || !usableHit(found)) return undefined;
    hits.push(found);
  }
  return hits.length ? hits : undefined;
}
