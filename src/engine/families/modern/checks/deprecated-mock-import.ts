// deprecated-mock-import (UP026): the `mock` backport → `unittest.mock`, with Ruff's
// rewrites: each statement is rewritten whole (the names that stay first, then one line per
// mock import), and `mock.mock.X` loses the inner module.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { detectEol } from '../../../positions';
import type { Fix, TextEdit } from '../../../types';
import { aliasOf, fromModule, importedNames, importStatements, indentationOf, removeNames, spelledName } from '../import-statements';
import { safeFix, textWithEdits } from '../names';

const IMPORT_DETAIL = '`mock` is the backport of `unittest.mock`: import it from the standard library';

export function createDeprecatedMockImport(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const statement of importStatements(context, /\bmock\b/)) {
        if (statement.type === 'import_statement') reportImport(context, statement);
        else if (fromModule(statement) === 'mock') reportFromImport(context, statement);
      }
      reportInnerModules(context);
    },
  };
}

function reportImport(context: CheckContext, statement: Node): void {
  const names = importedNames(statement);
  const mocks = names.filter((name) => spelledName(name) === 'mock' || spelledName(name) === 'mock.mock');
  if (!mocks.length) return;
  const fix = statementFix(context, statement, names, mocks, []);
  for (const name of mocks) {
    context.report({ node: name, data: { detail: IMPORT_DETAIL }, fixes: fix ? [fix] : [], suggestion: fix && snippet(fix), peer: 'UP026' });
  }
}

function reportFromImport(context: CheckContext, statement: Node): void {
  const module = statement.childForFieldName('module_name')!;
  const moduleEdit = { start: module.startIndex, end: module.endIndex, newText: 'unittest.mock' };
  const names = importedNames(statement);
  const mocks = names.filter((name) => spelledName(name) === 'mock');
  const fix = statementFix(context, statement, names, mocks, [moduleEdit]);
  context.report({ node: statement, data: { detail: IMPORT_DETAIL }, fixes: fix ? [fix] : [], suggestion: fix && snippet(fix), peer: 'UP026' });
}

/** The statement rewritten: its other names kept (with `extra` edits), then one import per mock name. */
function statementFix(context: CheckContext, statement: Node, names: Node[], mocks: Node[], extra: TextEdit[]): Fix | undefined {
  const { text } = context;
  const indent = indentationOf(text, statement);
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  // Another statement before it on the line (`import os; import mock`): no room for new lines.
  if (lineStart + indent.length !== statement.startIndex || /^\s*;/.test(text.slice(statement.endIndex))) return undefined;
  const eol = detectEol(text);
  const mockLines = mocks.map((name) => {
    const alias = aliasOf(name);
    return alias ? `import unittest.mock as ${alias}` : 'from unittest import mock';
  });
  let content: string;
  if (mocks.length === names.length && names.length > 0) content = mockLines.join(eol + indent);
  else {
    const kept = textWithEdits(text, statement, [...extra, ...removeNames(names, mocks)]);
    content = [kept, ...mockLines].join(eol + indent);
  }
  return safeFix('Import from `unittest.mock` instead', [{ start: statement.startIndex, end: statement.endIndex, newText: content }]);
}

/** `mock.mock.patch` (the backport's inner module) → `mock.patch`. */
function reportInnerModules(context: CheckContext): void {
  const root = context.tree.rootNode;
  for (const match of context.text.matchAll(/\bmock\b/g)) {
    const identifier = root.descendantForIndex(match.index!, match.index! + 4);
    const inner = identifier?.parent;
    if (identifier?.type !== 'identifier' || inner?.type !== 'attribute' || !inner.childForFieldName('attribute')?.equals(identifier)) continue;
    const outer = inner.parent;
    if (outer?.type !== 'attribute' || !outer.childForFieldName('object')?.equals(inner) || !context.isSound(inner)) continue;
    const object = inner.childForFieldName('object')!;
    if (!namesMockModule(context, object)) continue;
    const edit = { start: inner.startIndex, end: inner.endIndex, newText: object.text };
    context.report({
      node: inner,
      data: { detail: `\`${inner.text}\` is the \`mock\` module itself` },
      fixes: [safeFix(`Replace \`${inner.text}\` with \`${object.text}\``, [edit])],
      suggestion: `\`\`\`python\n${object.text}.${outer.childForFieldName('attribute')?.text ?? ''}\n\`\`\`\n`,
      peer: 'UP026',
    });
  }
}

const MOCK_MODULES = new Set(['mock', 'mock.mock', 'unittest.mock']);

/** The name is the mock module: resolved so, or bound only by imports of it (`import mock` and `from mock import mock`). */
function namesMockModule(context: CheckContext, object: Node): boolean {
  const module = context.facts.resolve(object);
  if (module !== undefined) return module === 'mock' || module === 'unittest.mock';
  if (object.type !== 'identifier') return false;
  const bindings = context.facts.imports.filter((binding) => binding.local === object.text);
  return bindings.length > 0 && bindings.every((binding) => MOCK_MODULES.has(binding.qualified)) && !context.facts.scopeOf(object).bindings.has(object.text);
}

function snippet(fix: Fix): string {
  return `\`\`\`python\n${fix.edits[0].newText.replace(/^[ \t]+/gm, '')}\n\`\`\`\n`;
}
