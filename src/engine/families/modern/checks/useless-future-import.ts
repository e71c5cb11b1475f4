// useless-future-import (UP010): `from __future__ import print_function, division, …` —
// features Python 3 always has (generator_stop since 3.7). The fix deletes the statement,
// or only those names when others (`annotations`) remain. Aliased names are kept.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { TextEdit } from '../../../types';
import { deleteStatement } from '../statements';
import { identifiersNamed } from '../syntax';

/** Features mandatory since the version given (PEP 236 and the `__future__` module's table). */
const MANDATORY: Record<string, [number, number]> = {
  nested_scopes: [2, 2],
  generators: [2, 3],
  division: [3, 0],
  absolute_import: [3, 0],
  with_statement: [2, 6],
  print_function: [3, 0],
  unicode_literals: [3, 0],
  generator_stop: [3, 7],
};

export function createUselessFutureImport(context: CheckContext): CheckVisitor {
  const target = context.facts.targetVersion;
  const useless = (name: string) => {
    const since = MANDATORY[name];
    return since !== undefined && (target[0] > since[0] || (target[0] === since[0] && target[1] >= since[1]));
  };
  return {
    match(captures) {
      const statement = captures.stmt;
      if (!statement || !context.isSound(statement)) return;
      const names = statement.childrenForFieldName('name').filter((n): n is Node => !!n);
      // A feature name the file uses elsewhere (`del division`) is bound by the import: kept.
      const used = (n: Node) => identifiersNamed(context, n.text, 0, context.text.length, [statement]).length > 0;
      const dropped = names.filter((n) => n.type === 'dotted_name' && useless(n.text) && !used(n));
      if (dropped.length === 0) return;
      const kept = names.filter((n) => !dropped.includes(n));
      const edit: TextEdit = kept.length === 0 ? deleteStatement(context.text, statement) : { start: names[0].startIndex, end: names[names.length - 1].endIndex, newText: kept.map((n) => n.text).join(', ') };
      const list = dropped.map((n) => `\`${n.text}\``).join(', ');
      context.report({
        node: statement,
        data: { names: list, verb: dropped.length === 1 ? 'is' : 'are' },
        fixes: [{ title: kept.length ? `Remove ${list} from the import` : 'Remove the `__future__` import', safety: 'safe', edits: [edit] }],
        suggestion: kept.length ? `\`from __future__ import ${kept.map((n) => n.text).join(', ')}\`` : undefined,
        peer: 'UP010',
      });
    },
  };
}
