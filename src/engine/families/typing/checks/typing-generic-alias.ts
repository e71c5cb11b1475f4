// typing-generic-alias: `typing.List[int]`, `Dict`, `Set`, `FrozenSet`, `Tuple`, `Type` →
// the builtins; `Deque`, `DefaultDict`, `OrderedDict`, `Counter`, `ChainMap` → `collections`
// (PEP 585). Runs from 3.9; from 3.7 with `from __future__ import annotations`, inside
// annotations nothing evaluates at runtime. Safe in annotations on 3.9+; unsafe in code that
// runs (`List[int]` and `list[int]` are different objects) and on the future-import path.
// `OrderedDict`, `Counter` and `ChainMap` keep their names: the fix moves the import to
// `collections`, which changes every use at once (safe only when all are safe to change).
import type { Node } from 'web-tree-sitter';
import type { TypingUse } from '../annotations';
import { annotationOf, genericWithHead, nameIsFree, syntaxAt } from '../annotations';
import { ImportPlan } from '../imports';
import { forEachQuotedUse } from '../string-types';
import { isTypeArgument, report, reportUnusedImports, useFix, usesOf } from '../legacy';
import type { Fix } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const BUILTINS: Record<string, string> = { List: 'list', Dict: 'dict', Set: 'set', FrozenSet: 'frozenset', Tuple: 'tuple', Type: 'type' };
const COLLECTIONS: Record<string, string> = { Deque: 'deque', DefaultDict: 'defaultdict', OrderedDict: 'OrderedDict', Counter: 'Counter', ChainMap: 'ChainMap' };
const MEMBERS = new Set([...Object.keys(BUILTINS), ...Object.keys(COLLECTIONS)]);

export function createTypingGenericAlias(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const facts = context.facts;
      const uses = usesOf(context, MEMBERS).filter((use) => context.isSound(use.node) && isTypeExpression(use.node) && syntaxAt(use.node, facts).pep585);
      const moves = new Map<string, Fix[]>();
      for (const use of uses) {
        const builtin = BUILTINS[use.member];
        const modern = builtin ?? `collections.${COLLECTIONS[use.member]}`;
        let fixes: Fix[];
        if (use.binding && COLLECTIONS[use.member] === use.member) {
          // Same name in collections: move the import (one fix for all uses of the binding).
          const key = `${use.binding.node.startIndex}:${use.binding.local}`;
          if (!moves.has(key)) moves.set(key, importMove(context, use));
          fixes = moves.get(key)!;
        } else {
          const syntax = syntaxAt(use.node, facts);
          const plan = new ImportPlan(facts, context.text);
          const replacement = builtin ? (nameIsFree(builtin, use.node, facts) ? builtin : undefined) : plan.reference('collections', COLLECTIONS[use.member], use.node);
          const edit = replacement ? { start: use.node.startIndex, end: use.node.endIndex, newText: replacement } : undefined;
          const fix = edit && useFix(context, `Replace with \`${replacement}\``, isSafe(syntax), edit, use, plan);
          fixes = fix ? [fix] : [];
        }
        report(context, { node: use.node, data: { name: use.node.text, verdict: deprecated(modern) }, fixes, peer: 'UP006' });
      }
      // Inside quoted annotations (`x: "List[str]"`): the builtins only, written in the quotes.
      forEachQuotedUse(facts, new Set(Object.keys(BUILTINS)), (use) => {
        const syntax = syntaxAt(use.string, facts);
        if (!syntax.pep585 || !context.isSound(use.string)) return;
        const builtin = BUILTINS[use.member];
        const range = { start: use.node.startIndex + use.shift, end: use.node.endIndex + use.shift };
        const fix = nameIsFree(builtin, use.string, facts) ? useFix(context, `Replace with \`${builtin}\``, isSafe(syntax), { ...range, newText: builtin }, use) : undefined;
        report(context, { node: use.string, range, data: { name: use.node.text, verdict: deprecated(builtin) }, fixes: fix ? [fix] : [], peer: 'UP006' });
      });
      if (!facts.hasFutureImport('annotations') && !syntaxAt(facts.tree.rootNode, facts).pep585) return;
      reportUnusedImports(context, MEMBERS, (binding) => ({ name: binding.local }));
    },
  };
}

/**
 * Where the alias is used as a type: in an annotation, parameterized (`List[int]` anywhere),
 * as an argument of a parameterized type, or as a base class. A bare `typing.List` passed
 * around as a value (`isinstance(x, typing.List)`, a dict key) is a runtime object: left alone.
 */
function isTypeExpression(node: Node): boolean {
  if (annotationOf(node) || genericWithHead(node) || isTypeArgument(node)) return true;
  const parent = node.parent;
  return parent?.type === 'argument_list' && parent.parent?.type === 'class_definition';
}

const deprecated = (modern: string) => `is a deprecated alias of \`${modern}\``;

function isSafe(syntax: ReturnType<typeof syntaxAt>): boolean {
  return !!syntax.annotation && !syntax.deferred585;
}

/**
 * `from typing import OrderedDict` → `from collections import OrderedDict`. It changes every
 * use of the name at once: each parameterized use must be one the target allows
 * (`OrderedDict[str, int]`); calls and isinstance() behave the same with either class. Safe
 * when every parameterized use is an annotation on a 3.9+ target.
 */
function importMove(context: CheckContext, use: TypingUse): Fix[] {
  const binding = use.binding!;
  const facts = context.facts;
  const subscripted = usesOf(context, MEMBERS).filter((u) => u.binding === binding && genericWithHead(u.node));
  if (subscripted.some((u) => !syntaxAt(u.node, facts).pep585)) return [];
  const plan = new ImportPlan(facts, context.text);
  plan.remove(binding);
  const entry = binding.local === use.member ? use.member : `${use.member} as ${binding.local}`;
  plan.importFrom('collections', entry);
  const edits = plan.edits();
  if (!edits) return [];
  const safe = subscripted.every((u) => isSafe(syntaxAt(u.node, facts)));
  return [{ title: `Import \`${use.member}\` from \`collections\``, safety: safe ? 'safe' : 'unsafe', edits }];
}
