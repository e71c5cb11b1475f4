// type-comment: PEP 484 type comments (`x = []  # type: List[int]`, `def f(a):  # type:
// (int) -> str`, one per parameter of a long signature) where annotations say the same
// (flake8-annotations' ANN402). The fix writes the annotation and drops the comment.
// Safe when nothing changes at runtime: local variable annotations are never evaluated;
// elsewhere (`from __future__ import annotations` aside) the annotation runs at import time,
// so every name in it must be bound then — a name only imported under `if TYPE_CHECKING:`,
// defined later or never imported is written quoted, and the fix is unsafe (get_type_hints
// would now fail on it). Unsafe too where a decorator or framework reads annotations (a
// dataclass field appears, FastAPI reads a parameter). `for` / `with` comments have no
// annotation form: reported without a fix.
import type { Node } from 'web-tree-sitter';
import { parsesAsType } from '../type-text';
import { parseSignature, type TypeComment, typeComments } from '../type-comments';
import { report, short } from '../legacy';
import { atLeast, runtimeAnnotationRisk } from '../annotations';
import { runtimeReaderOfClass, typeCheckingOnlyNames } from '../../../runtime-annotations';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { Fix, TextEdit } from '../../../types';

export function createTypeComment(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!/#[ \t]*type:/.test(context.text)) return;
      for (const typeComment of typeComments(context.facts)) {
        const owner = typeComment.place.kind === 'signature' || typeComment.place.kind === 'parameter' ? typeComment.place.definition : typeComment.place.statement;
        // Inside broken code the comment's place is a guess: silent.
        if (!context.isSound(typeComment.comment) || !context.isSound(owner) || !cleanAround(owner) || !readsAsType(typeComment, context)) continue;
        const fix = fixFor(typeComment, context);
        report(context, { node: typeComment.comment, data: { comment: short(`# type: ${typeComment.type}`) }, fixes: fix ? [fix] : [] });
      }
    },
  };
}

/** No syntax error in or right after the node (a def missing its body still has a sound header). */
function cleanAround(node: Node): boolean {
  // A def whose body is missing (tree-sitter may not even mark it): its recovery shifts with the fix.
  const body = node.type === 'function_definition' ? node.childForFieldName('body') : undefined;
  if (node.type === 'function_definition' && (!body || !body.namedChildren.some((c) => !!c && c.type !== 'comment'))) return false;
  const root = node.tree.rootNode;
  if (!root.hasError) return true;
  if (node.hasError) return false;
  const end = node.endIndex + 2;
  return !root.descendantsOfType('ERROR').some((e) => !!e && e.startIndex <= end && e.endIndex >= node.startIndex) && !hasMissing(root, node.startIndex, end);
}

function hasMissing(node: Node, start: number, end: number): boolean {
  if (node.endIndex < start || node.startIndex > end) return false;
  if (node.isMissing) return true;
  return node.children.some((c) => !!c && hasMissing(c, start, end));
}

/** The comment says a type (or a signature, on a def): prose after `# type:` is left alone. */
function readsAsType(typeComment: TypeComment, context: CheckContext): boolean {
  const language = context.tree.language;
  const parses = (type: string) => isType(type.replace(/^\*{1,2}/, ''), language);
  if (typeComment.place.kind !== 'signature') return parses(typeComment.type);
  const signature = parseSignature(typeComment.type);
  return !!signature && parses(signature.returns) && (signature.args === 'any' || signature.args.every(parses));
}

/** A type expression; quoted names (`"Source"`, forward references) count as names. */
function isType(type: string, language: CheckContext['tree']['language']): boolean {
  return parsesAsType(type.replace(/"([A-Za-z_][\w.]*)"|'([A-Za-z_][\w.]*)'/g, (_, a: string, b: string) => a ?? b), language);
}

interface Written {
  text: string;
  /** Quoted because a name in it is not bound when it runs. */
  quoted: boolean;
}

function fixFor(typeComment: TypeComment, context: CheckContext): Fix | undefined {
  const place = typeComment.place;
  const removal = commentRemoval(typeComment, context.text);
  switch (place.kind) {
    case 'loop':
      return undefined;
    case 'assignment': {
      const target = place.assignment.childForFieldName('left');
      const value = place.assignment.childForFieldName('right');
      if (!target || !value || place.assignment.childForFieldName('type') || value.type === 'assignment') return undefined;
      if (!['identifier', 'attribute', 'subscript'].includes(target.type)) return undefined;
      const scope = context.facts.scopeOf(place.assignment);
      const written = write(typeComment.type, place.statement, scope.kind !== 'function', context);
      if (!written) return undefined;
      const risk = written.quoted ? quotedRisk : scope.kind === 'class' ? classRisk(scope.node, context) : undefined;
      return fix(`Annotate \`${short(`${target.text}: ${written.text}`)}\``, risk, [{ start: target.endIndex, end: target.endIndex, newText: `: ${written.text}` }, removal]);
    }
    case 'parameter': {
      const written = write(typeComment.type.replace(/^\*{1,2}/, ''), place.definition, true, context);
      const edit = written && parameterEdit(place.parameter, typeComment.type, written.text);
      if (!written || !edit) return undefined;
      const risk = written.quoted ? quotedRisk : runtimeAnnotationRisk(place.definition, context.facts, 'parameter');
      return fix(`Annotate \`${short(edit.newText)}\``, risk, [edit, removal]);
    }
    case 'signature':
      return signatureFix(typeComment, place.definition, removal, context);
  }
}

const quotedRisk = 'it would not run where it is evaluated (a name not bound yet, or syntax newer than the target), so it is quoted';

function fix(title: string, risk: string | undefined, edits: TextEdit[]): Fix {
  return { title: `${title}${risk ? ` (unsafe: ${risk})` : ''}`, safety: risk ? 'unsafe' : 'safe', edits };
}

function signatureFix(typeComment: TypeComment, definition: Node, removal: TextEdit, context: CheckContext): Fix | undefined {
  const signature = parseSignature(typeComment.type);
  const parameters = definition.childForFieldName('parameters');
  if (!signature || !parameters || definition.childForFieldName('return_type')) return undefined;
  const nodes = parameters.namedChildren.filter((c): c is Node => !!c && !['comment', 'keyword_separator', 'positional_separator'].includes(c.type));
  const edits: TextEdit[] = [];
  let quoted = false;
  if (signature.args !== 'any') {
    let targets = nodes;
    // The comment may leave out self / cls.
    if (signature.args.length === nodes.length - 1 && context.facts.scopeOf(definition).kind === 'class') targets = nodes.slice(1);
    if (signature.args.length !== targets.length) return undefined;
    for (let i = 0; i < targets.length; i++) {
      const type = signature.args[i];
      const written = write(type.replace(/^\*{1,2}/, ''), definition, true, context);
      const edit = written && parameterEdit(targets[i], type, written.text);
      if (!written || !edit) return undefined;
      quoted ||= written.quoted;
      edits.push(edit);
    }
  }
  const returns = write(signature.returns, definition, true, context);
  if (!returns) return undefined;
  quoted ||= returns.quoted;
  edits.push({ start: parameters.endIndex, end: parameters.endIndex, newText: ` -> ${returns.text}` });
  const risk = quoted ? quotedRisk : runtimeAnnotationRisk(definition, context.facts, 'return') ?? (edits.length > 1 ? runtimeAnnotationRisk(definition, context.facts, 'parameter') : undefined);
  const name = definition.childForFieldName('name')?.text ?? '';
  return fix(`Annotate the signature of \`${name}\``, risk, [...edits, removal]);
}

/** `a` → `a: int`, `a=1` → `a: int = 1`, `*args` with `*str` → `*args: str`; undefined on a mismatch. */
function parameterEdit(parameter: Node, commentType: string, text: string): TextEdit | undefined {
  const stars = /^\*{0,2}/.exec(commentType)![0].length;
  switch (parameter.type) {
    case 'identifier':
      return stars ? undefined : { start: parameter.endIndex, end: parameter.endIndex, newText: `: ${text}` };
    case 'default_parameter': {
      const name = parameter.childForFieldName('name');
      const value = parameter.childForFieldName('value');
      if (stars || name?.type !== 'identifier' || !value) return undefined;
      return { start: parameter.startIndex, end: parameter.endIndex, newText: `${name.text}: ${text} = ${value.text}` };
    }
    case 'list_splat_pattern':
      // `*str` in a signature comment; plain `str` is accepted too (as mypy does).
      return stars === 1 || stars === 0 ? { start: parameter.endIndex, end: parameter.endIndex, newText: `: ${text}` } : undefined;
    case 'dictionary_splat_pattern':
      return stars === 2 || stars === 0 ? { start: parameter.endIndex, end: parameter.endIndex, newText: `: ${text}` } : undefined;
    default:
      return undefined; // already annotated
  }
}

/**
 * The annotation to write: the comment's type when it parses as one. Where it will be
 * evaluated (`evaluated`, without the future import), every name in it must be bound when
 * `at` runs; else it is quoted.
 */
function write(type: string, at: Node, evaluated: boolean, context: CheckContext): Written | undefined {
  const language = context.tree.language;
  if (!type || !isType(type, language)) return undefined;
  if (!evaluated || context.facts.hasFutureImport('annotations')) return { text: type, quoted: false };
  // Quoted parts are forward references already: they stay strings when evaluated.
  const chains = [...type.replace(/(["'])[^"']*\1/g, '').matchAll(/(?<![\w.])[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*/g)].map((m) => m[0].replace(/\s+/g, ''));
  // A comment may say `int | None` or `list[int]` on any version; evaluated, they need 3.10 / 3.9.
  const target = context.facts.targetVersion;
  const runs = (!/\|/.test(type) || atLeast(target, 3, 10)) && (!/(?<![\w.])(?:list|dict|set|frozenset|tuple|type)\s*\[/.test(type) || atLeast(target, 3, 9));
  if (runs && chains.every((chain) => chain === 'None' || boundWhenRun(chain, at, context))) return { text: type, quoted: false };
  return /["']/.test(type) ? undefined : { text: `"${type}"`, quoted: true };
}

/**
 * Standard-library modules whose attributes exist once the module is imported. Elsewhere
 * `pkg.sub.Class` after `import pkg` may name a submodule not loaded yet (or a package
 * half-initialised by a circular import) when the annotation runs.
 */
const SETTLED_MODULES = new Set([
  'typing', 'typing_extensions', 'collections', 'abc', 'os', 're', 'io', 'types', 'datetime', 'pathlib', 'enum', 'socket',
  'ssl', 'logging', 'decimal', 'fractions', 'uuid', 'subprocess', 'threading', 'asyncio', 'numbers', 'array', 'struct',
  'argparse', 'functools', 'itertools', 'contextlib', 'queue', 'select', 'selectors', 'sqlite3', 'zipfile', 'tarfile',
  'ipaddress', 'random', 'time', 'sys', 'weakref', 'codecs', 'json', 'csv', 'hashlib', 'hmac', 'tempfile', 'shutil',
]);

/**
 * The name (or dotted chain) is a builtin, or imported / defined before `at` at runtime (not
 * only under TYPE_CHECKING); a chain's root must be a settled standard-library module.
 */
function boundWhenRun(chain: string, at: Node, context: CheckContext): boolean {
  const facts = context.facts;
  const [name, ...attributes] = chain.split('.');
  if (attributes.length) {
    const root = facts.lookup(name, facts.scopeOf(at));
    if (!root || !SETTLED_MODULES.has(root) || !facts.imports.some((b) => b.local === name && b.isModule)) return false;
  }
  if (typeCheckingOnlyNames(facts).has(name)) return false;
  const scope = facts.scopeOf(at);
  const qualified = facts.lookup(name, scope);
  if (qualified?.startsWith('builtins.')) return true;
  if (qualified) return facts.imports.some((b) => b.local === name && b.scope.kind === 'module' && b.node.endIndex <= at.startIndex);
  if (scope.kind !== 'module') return false;
  const definitions = facts.moduleDefinitions(name);
  const assignments = facts.moduleScope.assignments.get(name) ?? [];
  if (!definitions.length && !assignments.length) return false;
  return definitions.every((d) => d.endIndex <= at.startIndex) && assignments.every((a) => a.at < at.startIndex);
}

/** Annotating a class attribute changes what dataclasses, pydantic, NamedTuple, Enum… make of the class. */
function classRisk(classNode: Node, context: CheckContext): string | undefined {
  if (runtimeReaderOfClass(classNode, context.facts)) return 'the class reads its annotations at runtime';
  const decorated = classNode.parent?.type === 'decorated_definition';
  const bases = classNode.childForFieldName('superclasses')?.namedChildren.filter((c) => !!c && c.type !== 'comment' && c.text !== 'object') ?? [];
  return decorated || bases.length ? 'a decorator or base class may read the class annotations' : undefined;
}

/** Removes the comment (and its line when alone on it), keeping a trailing `# noqa`. */
function commentRemoval(typeComment: TypeComment, text: string): TextEdit {
  const comment = typeComment.comment;
  if (typeComment.rest) return { start: comment.startIndex, end: comment.endIndex, newText: typeComment.rest };
  const lineStart = text.lastIndexOf('\n', comment.startIndex - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, comment.startIndex))) {
    const next = text.indexOf('\n', comment.endIndex);
    return { start: lineStart, end: next < 0 ? comment.endIndex : next + 1, newText: '' };
  }
  let start = comment.startIndex;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: comment.endIndex, newText: '' };
}
