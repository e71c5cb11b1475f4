// str-enum-mixin (UP042, 3.11+): `class E(str, Enum)` → `class E(StrEnum)`. Unsafe, as
// Ruff's: `str()`, `format()` and `auto()` of the members change. Reported on the class name;
// fixed only when `str` and `Enum` are the class's only arguments.
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import { forEachNode } from '../../../tree-walk';
import type { Fix } from '../../../types';

const TITLE = 'Inherit from `enum.StrEnum` (unsafe: `str()`, f-strings and `auto()` of the members change)';

export function createStrEnumMixin(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const facts = context.facts;
      if (!facts.importsModule('enum') || !/\bstr\b/.test(context.text)) return;
      forEachNode(context.tree.rootNode, (node) => {
        if (node.type !== 'class_definition') return;
        const name = node.childForFieldName('name');
        const bases = node.childForFieldName('superclasses');
        if (!name || !bases || !context.isSound(node)) return;
        const args = bases.namedChildren.filter((child) => !!child && child.type !== 'comment');
        const resolved = args.map((base) => (base ? facts.resolve(base) : undefined));
        if (!resolved.includes('builtins.str') || !resolved.includes('enum.Enum')) return;
        let fix: Fix | undefined;
        if (args.length === 2) {
          const plan = new ImportPlan(facts, context.text);
          const reference = plan.reference('enum', 'StrEnum', node);
          const imports = reference === undefined ? undefined : plan.edits();
          if (reference && imports) fix = { title: TITLE, safety: 'unsafe', edits: [{ start: bases.startIndex, end: bases.endIndex, newText: `(${reference})` }, ...imports] };
        }
        context.report({
          node: name,
          data: { name: name.text },
          fixes: fix ? [fix] : [],
          suggestion: `\`\`\`python\nclass ${name.text}(StrEnum):\n    ...\n\`\`\`\n`,
          peer: 'UP042',
        });
      });
    },
  };
}
