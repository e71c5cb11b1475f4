// fastapi-redundant-response-model (Ruff FAST001): `@app.get(..., response_model=Item)` on a
// def annotated `-> Item`. FastAPI (0.89+) takes the response model from the return
// annotation, so the keyword says the same thing twice; the fix removes it.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Scope, SemanticFacts } from '../../../facts';
import type { TextEdit } from '../../../types';
import { fastapiRoutes, keywordArgument } from '../routes';

export function createFastapiRedundantResponseModel(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const definition = captures.def;
      const returns = definition?.childForFieldName('return_type');
      const expression = returns?.firstNamedChild;
      if (!definition || !expression) return;
      for (const route of fastapiRoutes(definition, facts)) {
        const argument = keywordArgument(route.call, 'response_model');
        const model = argument?.childForFieldName('value');
        if (!argument || !model || !sameType(model, expression, facts) || !context.isSound(argument)) continue;
        const edit = argumentRemoval(argument);
        const unsafeBecause = edit ? unsafeReason(context, route.decorator, definition, edit) : undefined;
        context.report({
          node: argument,
          data: { model: model.text, function: definition.childForFieldName('name')?.text ?? '' },
          fixes: edit
            ? [{ title: unsafeBecause ? `Remove \`response_model=\` (unsafe: ${unsafeBecause})` : 'Remove `response_model=`', safety: unsafeBecause ? 'unsafe' : 'safe', edits: [edit] }]
            : [],
          suggestion: '```python\n' + `@${route.call.childForFieldName('function')!.text}(...)\n${definition.text.slice(0, returns!.endIndex - definition.startIndex)}: ...` + '\n```',
          peer: 'FAST001',
        });
      }
    },
  };
}

/** Why FastAPI might not read the same type from the annotation, if it might not. */
function unsafeReason(context: CheckContext, decorator: Node, definition: Node, removed: TextEdit): string | undefined {
  if (context.facts.hasFutureImport('annotations')) return 'under `from __future__ import annotations` FastAPI evaluates the return annotation itself';
  if (/["']/.test(definition.childForFieldName('return_type')!.text)) return 'the return annotation holds a string FastAPI must evaluate';
  const decorators = decorator.parent!.namedChildren.filter((c): c is Node => c?.type === 'decorator');
  const routes = new Set(fastapiRoutes(definition, context.facts).map((r) => r.decorator.startIndex));
  if (decorators.slice(decorators.indexOf(decorator) + 1).some((d) => !routes.has(d.startIndex))) return 'a decorator below the route may hide the return annotation';
  if (context.facts.comments.some((c) => c.startIndex >= removed.start && c.endIndex <= removed.end)) return 'removes a comment';
  return undefined;
}

/** The same type expression: the same shape and the same names, each bound or imported. */
function sameType(a: Node, b: Node, facts: SemanticFacts): boolean {
  const left = tokens(a);
  const right = tokens(b);
  if (!left || !right || left.join(' ') !== right.join(' ')) return false;
  const scope = facts.scopeOf(a);
  return namesIn(a).every((name) => isBound(name.text, scope, facts));
}

/** The expression's tokens (names, dots, brackets, commas, `|`, `None`) without a trailing comma; undefined for anything else. */
function tokens(node: Node): string[] | undefined {
  const text = node.text.replace(/,(\s*)\]/g, '$1]');
  if (/["'#]/.test(text)) return undefined;
  const found = text.match(/[A-Za-z_][A-Za-z0-9_]*|[.[\],|]/g) ?? [];
  return found.join('').length === text.replace(/\s+/g, '').length ? found : undefined;
}

/** The identifiers of an expression that are names (not attributes after a dot). */
function namesIn(node: Node): Node[] {
  const names: Node[] = [];
  const stack = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'identifier') names.push(current);
    else if (current.type === 'attribute') stack.push(current.childForFieldName('object')!);
    else for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return names;
}

/** Whether a name means something where it is used: an import, a builtin, or a binding in a visible scope. */
function isBound(name: string, from: Scope, facts: SemanticFacts): boolean {
  if (name === 'None' || facts.lookup(name, from) !== undefined) return true;
  for (let scope: Scope | undefined = from; scope; scope = scope.parent) {
    if (scope !== from && scope.kind === 'class') continue;
    if (facts.ownBindings(scope).bindings.has(name) || scope.imports.has(name)) return true;
  }
  return importedByStatement(name, facts);
}

/** A name some import statement binds, relative ones included (`from . import schemas`). */
function importedByStatement(name: string, facts: SemanticFacts): boolean {
  for (const statement of facts.tree.rootNode.namedChildren) {
    if (statement?.type !== 'import_from_statement' && statement?.type !== 'import_statement') continue;
    for (const entry of statement.childrenForFieldName('name')) {
      const local = entry?.type === 'aliased_import' ? entry.childForFieldName('alias')?.text : entry?.text.split('.')[0];
      if (local === name) return true;
    }
  }
  return false;
}

/** Deletes a keyword argument with its comma, as Ruff does: up to the next argument, else from the end of the previous one. */
function argumentRemoval(argument: Node): TextEdit | undefined {
  const items = (argument.parent?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'comment');
  const index = items.findIndex((n) => n.equals(argument));
  const next = items[index + 1];
  const previous = items[index - 1];
  if (next) return { start: argument.startIndex, end: next.startIndex, newText: '' };
  if (previous) return { start: previous.endIndex, end: argument.endIndex, newText: '' };
  const close = argument.parent?.lastChild;
  return close?.type === ')' ? { start: argument.startIndex, end: close.startIndex, newText: '' } : undefined;
}
