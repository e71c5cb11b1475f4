// fastapi-non-annotated-dependency (Ruff FAST002): a route parameter whose default is a
// FastAPI marker, `db: Session = Depends(get_db)`, `q: str = Query(None, max_length=5)`, →
// `db: Annotated[Session, Depends(get_db)]`, `q: Annotated[str, Query(max_length=5)] = None`.
// The rewrite follows Ruff's: Depends/Security keep their call whole and the parameter loses
// its default; the request-parameter markers give their `default` back to the parameter.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { ImportPlan } from '../../../import-plan';
import type { Fix, TextEdit } from '../../../types';
import { fastapiRoutes } from '../routes';
import { callArguments, markerOf, parametersOf, type RouteParameter } from '../signature';

export function createFastapiNonAnnotatedDependency(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const definition = captures.def;
      if (!definition || !fastapiRoutes(definition, facts).length || !context.isSound(definition)) return;
      // Rewrites of earlier positional parameters that lose their default: a later one may lose
      // its own only together with them (as Ruff assumes); any other earlier default blocks it.
      const earlierDrops: Rewrite[] = [];
      let blocked = false;
      for (const parameter of parametersOf(definition)) {
        const positional = parameter.kind === 'positional' || parameter.kind === 'positional-only';
        const marker = markerOf(parameter.default, facts);
        if (!marker || !parameter.annotation || parameter.kind === 'positional-only' || parameter.kind.startsWith('var')) {
          if (positional && parameter.default) blocked = true;
          continue;
        }
        const rewrite = annotatedForm(context, parameter, marker);
        const keyword = parameter.kind === 'keyword-only';
        const usable = rewrite && (rewrite.keepsDefault || keyword || !blocked);
        const fix = usable ? withImport(context, definition, rewrite, marker, rewrite.keepsDefault || keyword ? [] : earlierDrops) : undefined;
        if (!keyword) {
          if (usable && !rewrite.keepsDefault) earlierDrops.push(rewrite);
          else blocked = true;
        }
        context.report({
          node: parameter.node,
          data: { name: parameter.name, marker },
          fixes: fix ? [fix] : [],
          suggestion: rewrite ? '```python\n' + rewrite.render('Annotated') + '\n```' : undefined,
          peer: 'FAST002',
        });
      }
    },
  };
}

interface Rewrite {
  name: string;
  /** The parameter's range. */
  start: number;
  end: number;
  /** Its new text, given how `Annotated` is named at the spot. */
  render(annotated: string): string;
  keepsDefault: boolean;
}

/** The fix: the parameter's rewrite, the earlier ones it depends on, and the `Annotated` import. */
function withImport(context: CheckContext, definition: Node, rewrite: Rewrite, marker: string, earlier: Rewrite[]): Fix | undefined {
  const facts = context.facts;
  const plan = new ImportPlan(facts, context.text);
  const module = facts.targetVersion[0] > 3 || facts.targetVersion[1] >= 9 ? 'typing' : 'typing_extensions';
  // Below 3.9 a file that already imports `typing.Annotated` keeps using it.
  const annotated =
    plan.reference(module, 'Annotated', definition) ?? (facts.imports.some((b) => b.qualified === 'typing.Annotated') ? plan.reference('typing', 'Annotated', definition) : undefined);
  const importEdits = annotated ? plan.edits() : undefined;
  if (!annotated || !importEdits) return undefined;
  const lazy = facts.hasFutureImport('annotations');
  const edit = (r: Rewrite): TextEdit => ({ start: r.start, end: r.end, newText: r.render(annotated) });
  const along = earlier.length ? ` (with ${earlier.map((r) => `\`${r.name}\``).join(', ')} before it)` : '';
  const base = `Move \`${marker}(…)\` into \`Annotated\`${along}`;
  return {
    title: lazy ? `${base} (unsafe: under \`from __future__ import annotations\` FastAPI evaluates it in the module's globals)` : base,
    safety: lazy ? 'unsafe' : 'safe',
    edits: [...importEdits, ...earlier.map(edit), edit(rewrite)],
  };
}

/** The parameter in the Annotated form, or undefined when it cannot be written faithfully. */
function annotatedForm(context: CheckContext, parameter: RouteParameter, marker: string): Rewrite | undefined {
  const call = parameter.default!;
  const range = { start: parameter.node.startIndex, end: parameter.node.endIndex };
  if (context.facts.comments.some((c) => c.startIndex >= range.start && c.endIndex <= range.end)) return undefined;
  const { positional, keywords, splats } = callArguments(call);
  if (splats.length) return undefined;
  let metadata = call.text;
  let keptDefault: string | undefined;
  if (marker !== 'Depends' && marker !== 'Security') {
    const defaultKeyword = keywords.find((k) => k.childForFieldName('name')?.text === 'default');
    if (positional.length > 1 || (positional.length && defaultKeyword)) return undefined;
    const value = positional[0] ?? defaultKeyword?.childForFieldName('value') ?? undefined;
    if (value) {
      const options = keywords.filter((k) => k !== defaultKeyword).map((k) => k.text);
      metadata = `${call.childForFieldName('function')!.text}(${options.join(', ')})`;
      if (value.type !== 'ellipsis') keptDefault = value.text;
    }
  }
  const tail = `[${parameter.annotation!.text}, ${metadata}]${keptDefault === undefined ? '' : ` = ${keptDefault}`}`;
  return { ...range, name: parameter.name, render: (annotated) => `${parameter.name}: ${annotated}${tail}`, keepsDefault: keptDefault !== undefined };
}
