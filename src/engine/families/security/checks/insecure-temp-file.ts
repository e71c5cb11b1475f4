// insecure-temp-file: `tempfile.mktemp()` (S306/B306) returns a name that nothing reserves;
// between the call and the open, another local user can create that path (often a symlink
// to a file of the victim's), and the program writes through it. Hard-coded paths in the
// shared temporary directories (`/tmp`, `/var/tmp`, `/dev/shm`, S108/B108) have the same
// problem and are predictable besides. The /tmp literals are reported only where they are
// used as paths: opened, wrapped in `Path`, joined, or stored under a path-like name.
// No fix: `mkstemp` returns `(fd, path)` and creates the file, `mkdtemp` a directory; which
// one the code needs, and who closes and removes it, is the author's decision.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { callsTo, nameWords, targetName } from '../secrets-crypto';
import { looksLikeTestModule } from '../test-modules';

const MKTEMP = new Set(['tempfile.mktemp']);
const SHARED_TEMP = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;
/** Calls whose first argument is a path. */
const PATH_CALLS = new Set([
  'builtins.open', 'io.open', 'os.open', 'os.makedirs', 'os.mkdir', 'os.remove', 'os.unlink', 'os.path.join', 'os.path.exists',
  'os.listdir', 'os.chdir', 'os.rename', 'os.replace', 'os.symlink', 'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath',
  'shutil.copy', 'shutil.copyfile', 'shutil.copy2', 'shutil.move', 'shutil.rmtree', 'shutil.copytree', 'codecs.open',
  'logging.FileHandler', 'logging.handlers.RotatingFileHandler', 'logging.handlers.WatchedFileHandler', 'sqlite3.connect',
  'tarfile.open', 'zipfile.ZipFile', 'gzip.open', 'json.dump',
]);
/** Last words of names that hold a path. */
const PATH_WORDS = new Set(['path', 'uri', 'dir', 'directory', 'folder', 'file', 'filename', 'fname', 'tmp', 'tmpdir', 'tempdir', 'location', 'root', 'dest', 'destination', 'output', 'logfile', 'socket', 'sock', 'db', 'cache', 'workdir', 'prefix', 'base', 'target']);

export function createInsecureTempFile(context: CheckContext): CheckVisitor {
  return {
    finish() {
      const facts = context.facts;
      if (facts.importsModule('tempfile')) {
        for (const call of callsTo(context, ['mktemp'], MKTEMP)) {
          context.report({
            node: call.call,
            data: { detail: `\`${call.callee.text}()\` returns a name another user can create first` },
            peer: 'S306',
            suggestion: mktempSuggestion(call.call, call.args),
          });
        }
      }
      if (!/["'](\/tmp|\/var\/tmp|\/dev\/shm)/.test(context.text) || looksLikeTestModule(facts)) return;
      for (const match of context.text.matchAll(/["'](?=\/tmp|\/var\/tmp|\/dev\/shm)/g)) {
        const content = facts.tree.rootNode.descendantForIndex(match.index! + 1, match.index! + 2);
        const string = content?.type === 'string_content' ? content.parent : undefined;
        if (string?.type !== 'string' || !content || content.startIndex !== match.index! + 1) continue;
        if (!SHARED_TEMP.test(content.text) || !context.isSound(string)) continue;
        // The literal as a whole expression, through an implicit concatenation.
        // `"/tmp/" "abc"`: the implicit concatenation is one path, reported once, when it starts there.
        const literal = string.parent?.type === 'concatenated_string' ? string.parent : string;
        if (literal !== string && !literal.firstNamedChild?.equals(string)) continue;
        const use = pathUse(context, literal);
        if (!use) continue;
        const directory = content.text.match(SHARED_TEMP)![1];
        context.report({
          node: literal,
          data: { detail: `hard-coded path in \`${directory}\` ${use}: predictable, and shared with every local user` },
          peer: 'S108',
          suggestion:
            'Let `tempfile` pick a private, unpredictable name:\n```python\nwith tempfile.NamedTemporaryFile(suffix=".log") as f:\n    ...\n# a directory: tempfile.mkdtemp() or tempfile.TemporaryDirectory()\n```\n',
        });
      }
    },
  };
}

/** How a literal is used as a path (for the message), or undefined when it is not visibly one. */
function pathUse(context: CheckContext, literal: Node): string | undefined {
  let node = literal;
  // `"/tmp/" + name`, `f"/tmp/{name}"` at the start of a built path.
  while (node.parent?.type === 'binary_operator' && node.parent.childForFieldName('left')?.equals(node)) node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'argument_list') {
    const call = parent.parent;
    const callee = call?.childForFieldName('function');
    const qualified = callee ? context.facts.resolve(callee) : undefined;
    if (qualified && PATH_CALLS.has(qualified)) return `passed to \`${callee!.text}()\``;
    return undefined;
  }
  const name =
    parent.type === 'assignment' && parent.childForFieldName('right')?.equals(node)
      ? targetName(parent.childForFieldName('left'))
      : parent.type === 'keyword_argument' || parent.type === 'default_parameter' || parent.type === 'typed_default_parameter'
        ? parent.childForFieldName('name')?.text
        : undefined;
  if (!name) return undefined;
  const words = nameWords(name);
  return PATH_WORDS.has(words[words.length - 1] ?? '') ? `stored in \`${name}\`` : undefined;
}

/** `name = tempfile.mktemp(suffix=".csv")` → the NamedTemporaryFile form with the same arguments and name. */
function mktempSuggestion(call: Node, args: Node): string {
  const assignment = call.parent?.type === 'assignment' && call.parent.childForFieldName('right')?.equals(call) ? call.parent : undefined;
  const target = assignment?.childForFieldName('left')?.text ?? 'path';
  const inner = args.text.slice(1, -1).trim();
  const keywords = args.namedChildren.every((a) => a?.type === 'keyword_argument' && ['suffix', 'prefix', 'dir'].includes(a.childForFieldName('name')?.text ?? ''));
  const passed = inner && keywords && !inner.includes('\n') ? `${inner}, ` : '';
  return (
    'Create the file atomically instead, with a private name nobody can take first:\n```python\n' +
    `with tempfile.NamedTemporaryFile(${passed}delete=False) as f:\n    ${target} = f.name\n` +
    `# or: fd, ${target} = tempfile.mkstemp(${passed.replace(/, $/, '')}); a directory: tempfile.mkdtemp()\n\`\`\`\n`
  );
}
