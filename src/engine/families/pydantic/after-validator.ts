// A post `@root_validator` (`def check(cls, values)`) as a pydantic 2 after validator
// (`def check(self)`), when the body is certain to mean the same thing: it only reads
// declared fields of its own class (`values["start"]`, `values.get("start")` → `self.start`)
// and only ever returns `values` (→ `self`). After validation with `skip_on_failure=True` every
// field is in `values`, holding what `self` holds. Anything else — writes to `values`, passing
// it on, other keys, `cls` or `self` in the body, nested functions — and there is no rewrite.
import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../types';

/** The edits turning the method's signature and body into the instance form, or undefined. */
export function afterValidatorEdits(definition: Node, classNode: Node): TextEdit[] | undefined {
  const parameters = definition.childForFieldName('parameters');
  const body = definition.childForFieldName('body');
  const params = (parameters?.namedChildren ?? []).filter((p): p is Node => !!p && p.type !== 'comment');
  if (!parameters || !body || params.length !== 2) return undefined;
  const [cls, values] = params.map((p) => (p.type === 'identifier' ? p.text : p.type === 'typed_parameter' && p.firstNamedChild?.type === 'identifier' ? p.firstNamedChild.text : ''));
  if (!cls || !values || new RegExp(`\\b(?:self|${cls})\\b`).test(body.text)) return undefined;
  if (body.descendantsOfType(['function_definition', 'lambda', 'class_definition']).length) return undefined;
  const fields = declaredFields(classNode);
  const edits: TextEdit[] = [];
  let returns = 0;
  for (const statement of body.descendantsOfType('return_statement')) {
    const value = statement?.firstNamedChild;
    if (value?.type !== 'identifier' || value.text !== values) return undefined;
    edits.push({ start: value.startIndex, end: value.endIndex, newText: 'self' });
    returns++;
  }
  if (!returns) return undefined;
  for (const use of body.descendantsOfType('identifier')) {
    if (!use || use.text !== values || use.parent?.type === 'return_statement') continue;
    // `other.values()`: an attribute name, not the parameter.
    if (use.parent?.type === 'attribute' && use.parent.childForFieldName('attribute')?.equals(use)) continue;
    const read = fieldRead(use, fields);
    if (!read) return undefined;
    edits.push({ start: read.node.startIndex, end: read.node.endIndex, newText: `self.${read.field}` });
  }
  edits.push({ start: parameters.startIndex, end: parameters.endIndex, newText: '(self)' });
  const returnType = definition.childForFieldName('return_type');
  if (returnType) edits.push({ start: parameters.endIndex, end: returnType.endIndex, newText: '' });
  return edits;
}

/** Names annotated in the class body: its own fields (inherited ones are unknown here). */
function declaredFields(classNode: Node): Set<string> {
  const fields = new Set<string>();
  for (const statement of classNode.childForFieldName('body')?.namedChildren ?? []) {
    const assignment = statement?.type === 'expression_statement' ? statement.firstNamedChild : undefined;
    const left = assignment?.type === 'assignment' && assignment.childForFieldName('type') ? assignment.childForFieldName('left') : undefined;
    if (left?.type === 'identifier' && !left.text.startsWith('_') && !/^\s*(typing\.)?ClassVar\b/.test(assignment!.childForFieldName('type')!.text)) fields.add(left.text);
  }
  return fields;
}

/** `values["f"]` or `values.get("f"[, default])` read (not written) for a declared field `f`. */
function fieldRead(use: Node, fields: ReadonlySet<string>): { node: Node; field: string } | undefined {
  const parent = use.parent;
  if (parent?.type === 'subscript' && parent.childForFieldName('value')?.equals(use)) {
    const keys = parent.childrenForFieldName('subscript').filter((k): k is Node => !!k);
    const field = keys.length === 1 ? literalKey(keys[0], fields) : undefined;
    if (!field || isWritten(parent)) return undefined;
    return { node: parent, field };
  }
  if (parent?.type === 'attribute' && parent.childForFieldName('object')?.equals(use) && parent.childForFieldName('attribute')?.text === 'get') {
    const call = parent.parent;
    if (call?.type !== 'call' || !call.childForFieldName('function')?.equals(parent)) return undefined;
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
    if (!args.length || args.length > 2 || args.some((a) => a.type === 'keyword_argument' || a.type.endsWith('splat'))) return undefined;
    const field = literalKey(args[0], fields);
    return field ? { node: call, field } : undefined;
  }
  return undefined;
}

function literalKey(node: Node, fields: ReadonlySet<string>): string | undefined {
  if (node.type !== 'string' || node.descendantsOfType('interpolation').length) return undefined;
  const match = /^[rRbBuU]*(['"])([A-Za-z_]\w*)\1$/.exec(node.text);
  return match && fields.has(match[2]) ? match[2] : undefined;
}

function isWritten(subscript: Node): boolean {
  const parent = subscript.parent;
  if (!parent) return false;
  if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && parent.childForFieldName('left')?.equals(subscript)) return true;
  if (parent.type === 'delete_statement') return true;
  // Tuple/list targets: `values["a"], x = …`.
  return parent.type === 'pattern_list' || parent.type === 'tuple_pattern' || parent.type === 'list_pattern';
}
