// fastapi-non-annotated-dependency (Ruff FAST002): a route parameter whose default is a
// FastAPI marker, `db: Session = Depends(get_db)`, `q: str = Query(None, max_length=5)`, →
// `db: Annotated[Session, Depends(get_db)]`, `q: Annotated[str, Query(max_length=5)] = None`.
// The rewrite follows Ruff's: Depends/Security keep their call whole and the parameter loses
// its default; the request-parameter markers give their `default` back to the parameter.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import type { Fix } from '../../../types';
import { fastapiRoutes } from '../routes';
import { callArguments, markerOf, parametersOf, type RouteParameter } from '../signature';

export function createFastapiNonAnnotatedDependency(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const definition = captures.def;
      if (!definition || !fastapiRoutes(definition, facts).length || !context.isSound(definition)) return;
      const parameters = parametersOf(definition);
      parameters.forEach((parameter, index) => {
        const marker = markerOf(parameter.default, facts);
        if (!marker || !parameter.annotation || parameter.kind === 'positional-only' || parameter.kind.startsWith('var')) return;
        // Taking this parameter's default away needs every positional one before it without a default.
        const mayDropDefault = parameter.kind === 'keyword-only' || !parameters.slice(0, index).some((p) => p.default && (p.kind === 'positional' || p.kind === 'positional-only'));
        const rewrite = annotatedForm(context, parameter, marker, definition, mayDropDefault);
        context.report({
          node: parameter.node,
          data: { name: parameter.name, marker },
          fixes: rewrite ? [rewrite.fix] : [],
          suggestion: rewrite ? '```python\n' + rewrite.text + '\n```' : undefined,
          peer: 'FAST002',
        });
      });
    },
  };
}

/** The parameter in the Annotated form, and the fix writing it. */
function annotatedForm(context: CheckContext, parameter: RouteParameter, marker: string, definition: Node, mayDropDefault: boolean): { fix: Fix; text: string } | undefined {
  const { text, facts } = context;
  const call = parameter.default!;
  const annotation = parameter.annotation!;
  const range = { start: parameter.node.startIndex, end: parameter.node.endIndex };
  if (facts.comments.some((c) => c.startIndex >= range.start && c.endIndex <= range.end)) return undefined;
  const { positional, keywords, splats } = callArguments(call);
  if (splats.length) return undefined;
  let metadata: string;
  let keptDefault: string | undefined;
  if (marker === 'Depends' || marker === 'Security') {
    metadata = call.text;
  } else {
    const defaultKeyword = keywords.find((k) => k.childForFieldName('name')?.text === 'default');
    if (positional.length > 1 || (positional.length && defaultKeyword)) return undefined;
    const value = positional[0] ?? defaultKeyword?.childForFieldName('value') ?? undefined;
    const callee = call.childForFieldName('function')!.text;
    const options = keywords.filter((k) => k !== defaultKeyword).map((k) => k.text);
    metadata = value ? `${callee}(${options.join(', ')})` : call.text;
    if (value && value.type !== 'ellipsis') keptDefault = value.text;
  }
  if (keptDefault === undefined && !mayDropDefault) return undefined;
  const plan = new ImportPlan(facts, text);
  const module = facts.targetVersion[0] > 3 || facts.targetVersion[1] >= 9 ? 'typing' : 'typing_extensions';
  const annotated = plan.reference(module, 'Annotated', definition);
  const importEdits = annotated ? plan.edits() : undefined;
  if (!annotated || !importEdits) return undefined;
  const newText = `${parameter.name}: ${annotated}[${annotation.text}, ${metadata}]${keptDefault === undefined ? '' : ` = ${keptDefault}`}`;
  const lazy = facts.hasFutureImport('annotations');
  const fix: Fix = {
    title: lazy ? `Move \`${marker}(…)\` into \`Annotated\` (unsafe: under \`from __future__ import annotations\` FastAPI evaluates it in the module's globals)` : `Move \`${marker}(…)\` into \`Annotated\``,
    safety: lazy ? 'unsafe' : 'safe',
    edits: [...importEdits, { ...range, newText }],
  };
  return { fix, text: newText };
}
