// `X = TypedDict("X", {"a": int})` and `X = NamedTuple("X", [("a", int)])` → the class
// syntax (functional-typeddict, functional-namedtuple; Ruff's UP013 / UP014). Reported only
// where the class syntax can say the same: the name string equals the variable, every field
// is a plain identifier a class body can hold (no keyword; no `__x`, which a class body
// mangles; for NamedTuple no `_x`, which it rejects either way), the fields are a literal,
// and no option the class header cannot take is given.
// Fix: safe at module level; unsafe with `from __future__ import annotations` (the class's
// `__annotations__` become strings) and inside a def (the class gets `f.<locals>.X` as its
// qualified name, which pickling reads); none in a class body (a nested class body cannot
// see the outer class's names the field types may use) or with comments inside the call.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../checks/context';
import type { Fix } from '../../types';
import { report, usesOf } from './legacy';
import { plainStringContent } from './legacy';
import { isPlainIdentifier } from './typevars';

type Kind = 'TypedDict' | 'NamedTuple';

/** Options of `TypedDict(...)` the class header takes as keywords (`class X(TypedDict, total=False)`). */
const TYPED_DICT_OPTIONS = new Set(['total', 'closed', 'extra_items']);

interface Field {
  name: string;
  type: Node;
}

export function createFunctionalClassCheck(context: CheckContext, kind: Kind): CheckVisitor {
  return {
    finish() {
      for (const use of usesOf(context, new Set([kind]))) {
        const call = use.node.parent;
        const assignment = call?.parent;
        if (call?.type !== 'call' || !call.childForFieldName('function')?.equals(use.node) || assignment?.type !== 'assignment') continue;
        const target = assignment.childForFieldName('left');
        if (target?.type !== 'identifier' || assignment.childForFieldName('type') || !assignment.childForFieldName('right')?.equals(call)) continue;
        if (!context.isSound(assignment)) continue;
        const shape = shapeOf(call, target.text, kind);
        if (!shape) continue;
        const fix = classFix(context, assignment, target.text, use.node.text, shape, kind);
        report(context, { node: target, data: { name: target.text, kind: use.node.text }, fixes: fix ? [fix] : [] });
      }
    },
  };
}

interface Shape {
  fields: Field[];
  /** `total=False` and the like, written as class keywords. */
  keywords: string[];
  comments: boolean;
  /** A comment on the call's first line, kept at the end of the class line. */
  carried: string | undefined;
}

/** The fields and header keywords of the call; undefined when the class syntax cannot say it. */
function shapeOf(call: Node, name: string, kind: Kind): Shape | undefined {
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return undefined;
  const items = args.namedChildren.filter((c): c is Node => !!c);
  // One comment right after `TypedDict(` moves to the class line; any other would be lost.
  const found = call.descendantsOfType('comment').filter((c): c is Node => !!c);
  const carried = found.length === 1 && found[0].startPosition.row === call.startPosition.row ? found[0].text : undefined;
  const comments = found.length > 0 && !carried;
  const positional = items.filter((i) => i.type !== 'keyword_argument' && i.type !== 'comment');
  const keywordArgs = items.filter((i) => i.type === 'keyword_argument');
  if (positional.some((p) => p.type === 'list_splat' || p.type === 'dictionary_splat') || positional.length > 2) return undefined;
  if (!positional[0] || plainStringContent(positional[0]) !== name) return undefined;
  const fields: Field[] = [];
  const keywords: string[] = [];
  const spec = positional[1];
  if (spec) {
    const read = kind === 'TypedDict' ? dictFields(spec) : tupleFields(spec);
    if (!read) return undefined;
    fields.push(...read);
    for (const keyword of keywordArgs) {
      const key = keyword.childForFieldName('name')?.text ?? '';
      // NamedTuple takes no options: a keyword beside the list is a TypeError.
      if (kind === 'NamedTuple' || !TYPED_DICT_OPTIONS.has(key)) return undefined;
      keywords.push(keyword.text);
    }
  } else {
    // The keyword form, `TypedDict("X", a=int)` (removed in 3.13): every keyword is a field.
    for (const keyword of keywordArgs) {
      const key = keyword.childForFieldName('name')?.text ?? '';
      if (kind === 'TypedDict' && TYPED_DICT_OPTIONS.has(key)) return undefined;
      fields.push({ name: key, type: keyword.childForFieldName('value')! });
    }
  }
  const names = fields.map((f) => f.name);
  if (new Set(names).size !== names.length) return undefined;
  if (names.some((n) => !isPlainIdentifier(n, true) || (kind === 'TypedDict' ? /^__(?!.*__$)/.test(n) : n.startsWith('_')))) return undefined;
  return { fields, keywords, comments, carried };
}

/** `{"a": int, "b": str}`: plain string keys only. */
function dictFields(node: Node): Field[] | undefined {
  if (node.type !== 'dictionary') return undefined;
  const fields: Field[] = [];
  for (const item of node.namedChildren) {
    if (!item || item.type === 'comment') continue;
    if (item.type !== 'pair') return undefined;
    const key = item.childForFieldName('key');
    const value = item.childForFieldName('value');
    const name = key && plainStringContent(key);
    if (!name || !value) return undefined;
    fields.push({ name, type: value });
  }
  return fields;
}

/** `[("a", int), ("b", str)]` (a list or a tuple of pairs). */
function tupleFields(node: Node): Field[] | undefined {
  if (node.type !== 'list' && node.type !== 'tuple') return undefined;
  const fields: Field[] = [];
  for (const item of node.namedChildren) {
    if (!item || item.type === 'comment') continue;
    const parts = item.type === 'tuple' ? item.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [];
    if (parts.length !== 2) return undefined;
    const name = plainStringContent(parts[0]);
    if (!name) return undefined;
    fields.push({ name, type: parts[1] });
  }
  return fields;
}

function classFix(context: CheckContext, assignment: Node, name: string, base: string, shape: Shape, kind: Kind): Fix | undefined {
  const facts = context.facts;
  const statement = assignment.parent;
  if (shape.comments || statement?.type !== 'expression_statement' || statement.namedChildCount !== 1) return undefined;
  const lineStart = context.text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = context.text.slice(lineStart, statement.startIndex);
  // `if x: X = TypedDict(...)` on one line has no room for a class body.
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const scope = facts.scopeOf(assignment).kind;
  if (scope === 'class') return undefined;
  const inner = indent + (indent.includes('\t') ? '\t' : '    ');
  const body = shape.fields.length
    ? shape.fields.map((f) => `${inner}${f.name}: ${/\n/.test(f.type.text) ? `(${f.type.text})` : f.type.text}`).join('\n')
    : `${inner}pass`;
  const header = `class ${name}(${[base, ...shape.keywords].join(', ')}):${shape.carried ? `  ${shape.carried}` : ''}`;
  const future = facts.hasFutureImport('annotations');
  const risk = future ? 'the class annotations become strings under `from __future__ import annotations`' : scope === 'function' ? 'the class gets a qualified name local to the function' : undefined;
  const title = `Convert \`${name}\` to a \`${kind}\` class${risk ? ` (unsafe: ${risk})` : ''}`;
  return { title, safety: risk ? 'unsafe' : 'safe', edits: [{ start: assignment.startIndex, end: assignment.endIndex, newText: `${header}\n${body}` }] };
}
