// deprecated-celementtree (UP023): `xml.etree.cElementTree` re-exported `ElementTree` from
// 3.3 and is gone in 3.9. Only imports whose local names survive the rewrite are reported
// (Ruff's forms); the fix renames the module in the statement's own text.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { aliasOf, fromModule, importedNames, importStatements, spelledName } from '../import-statements';
import { editedLines, safeFix } from '../names';

export function createDeprecatedCelementtree(context: CheckContext): CheckVisitor {
  return {
    finish() {
      for (const statement of importStatements(context, /cElementTree/)) {
        if (statement.type === 'import_statement') {
          for (const name of importedNames(statement)) {
            if (spelledName(name) === 'xml.etree.cElementTree' && aliasOf(name)) reportRename(context, name);
          }
        } else if (fromModule(statement) === 'xml.etree.cElementTree') {
          reportRename(context, statement);
        } else if (fromModule(statement) === 'xml.etree') {
          for (const name of importedNames(statement)) {
            if (spelledName(name) === 'cElementTree' && aliasOf(name)) reportRename(context, name);
          }
        }
      }
    },
  };
}

function reportRename(context: CheckContext, node: Node): void {
  const offset = node.text.indexOf('cElementTree');
  const edit = { start: node.startIndex + offset, end: node.startIndex + offset + 'cElementTree'.length, newText: 'ElementTree' };
  context.report({ node, fixes: [safeFix('Import `ElementTree` instead', [edit])], suggestion: editedLines(context.text, edit), peer: 'UP023' });
}
