// zipfile-extract-untrusted: extracting a zip by hand — a loop over `zf.infolist()` /
// `zf.namelist()` that joins the member's name onto a folder (`os.path.join(dest,
// info.filename)`, `Path(dest) / name`) and writes there — with no check of the result.
// A member named `../../app/settings.py` lands outside the folder ("Zip Slip").
// `ZipFile.extract()` / `extractall()` themselves are not reported: CPython drops absolute
// prefixes and `..` parts of member names there, and never creates links.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';
import { madeBy } from '../files';

const ZIP_MAKERS = new Set(['zipfile.ZipFile', 'zipfile.PyZipFile']);
/** Words whose presence in the loop says the author checks or flattens the path. */
const PATH_CHECKS = /realpath|abspath|normpath|commonpath|commonprefix|\.resolve\(|is_relative_to|startswith|basename|secure_filename|"\.\."|'\.\.'|\.name\b/;
const WRITERS = new Set(['builtins.open', 'shutil.copyfileobj', 'shutil.copy', 'shutil.copyfile', 'shutil.move', 'os.rename', 'os.replace']);

export function createZipfileExtractUntrusted(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const { loop, member, iter, body } = captures;
      if (!loop || !member || !iter || !body || member.type !== 'identifier') return;
      const name = memberName(facts, iter, member.text);
      if (!name || PATH_CHECKS.test(body.text) || !writes(facts, body)) return;
      const join = joinOf(facts, body, name);
      if (!join || !context.isSound(join)) return;
      const archive = iter.childForFieldName('function')?.childForFieldName('object')?.text ?? 'archive';
      context.report({
        node: join,
        data: { name, archive },
        suggestion: '```python\n' + `${archive}.extract(${member.text}, dest)  # drops ".." and absolute parts of the name` + '\n```',
      });
    },
  };
}

/** `info.filename` for `for info in zf.infolist()`, `name` for `for name in zf.namelist()`. */
function memberName(facts: SemanticFacts, iter: Node, variable: string): string | undefined {
  const callee = iter.type === 'call' ? iter.childForFieldName('function') : undefined;
  const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
  if (!receiver || !madeBy(facts, receiver, ZIP_MAKERS)) return undefined;
  const method = callee!.childForFieldName('attribute')?.text;
  if (method === 'infolist') return `${variable}.filename`;
  if (method === 'namelist') return variable;
  return undefined;
}

/** The body writes a file (`open(...)`, `shutil.copyfileobj`, `.write_bytes()`, `.write_text()`). */
function writes(facts: SemanticFacts, body: Node): boolean {
  return body.descendantsOfType('call').some((call) => {
    const callee = call?.childForFieldName('function');
    if (!callee) return false;
    const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    return method === 'write_bytes' || method === 'write_text' || WRITERS.has(facts.resolve(callee) ?? '');
  });
}

/** The first `os.path.join(…, name, …)` or `… / name` in the body. */
function joinOf(facts: SemanticFacts, body: Node, name: string): Node | undefined {
  const candidates = [...body.descendantsOfType('call'), ...body.descendantsOfType('binary_operator')].filter((n): n is Node => !!n);
  candidates.sort((a, b) => a.startIndex - b.startIndex);
  for (const node of candidates) {
    if (node.type === 'call') {
      const callee = node.childForFieldName('function');
      if (!callee || facts.resolve(callee) !== 'os.path.join') continue;
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      if (args.slice(1).some((a) => a?.text === name)) return node;
    } else if (node.childForFieldName('operator')?.type === '/' && node.childForFieldName('right')?.text === name) {
      return node;
    }
  }
  return undefined;
}
