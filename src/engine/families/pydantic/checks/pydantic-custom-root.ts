// pydantic-custom-root (BP006): a model with a `__root__: T` field, pydantic 1's custom root
// type. Pydantic 2 raises at class definition ("use `pydantic.RootModel`"). The fix, as
// bump-pydantic writes it: `class Tags(BaseModel)` → `class Tags(RootModel[T])`, the
// `__root__: T` line removed (`pass` when the body is left empty). Beyond bump-pydantic, where
// certain: a default stays as `root: T = default` (dropping it would make the field
// required); in the same file, `.__root__` on provable instances (`self` in the class's
// methods, a parameter annotated `Tags`, a variable assigned `Tags(...)` or
// `Tags.parse_obj(...)`) becomes `.root`, and calls `Tags(__root__=v)` become `Tags(v)`.
// Only for a class whose one base is pydantic's BaseModel (another base, a same-file parent
// or a metaclass keyword make the new base uncertain: reported, no fix).
// Unsafe: `.dict()` / `model_dump()` now return the bare value instead of `{"__root__": …}`,
// and code in other modules that reads `.__root__` or passes `__root__=` breaks.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';
import type { Scope } from '../../../scopes';
import type { Fix, TextEdit } from '../../../types';
import { inVersionCompatBranch, modelClasses, pydanticApplies } from '../models';
import { FileRenames } from '../renames';

const BASE_MODEL = new Set(['pydantic.BaseModel', 'pydantic.main.BaseModel']);

export function createPydanticCustomRoot(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!pydanticApplies(context)) return;
      const facts = context.facts;
      const sites: Site[] = [];
      for (const model of modelClasses(facts).values()) {
        const body = model.node.childForFieldName('body');
        const field = body?.namedChildren.find((s) => s && rootAssignment(s));
        if (!field || !context.isSound(model.node) || inVersionCompatBranch(model.node)) continue;
        const assignment = rootAssignment(field)!;
        const type = assignment.childForFieldName('type');
        if (type) sites.push({ classNode: model.node, name: model.name, field, assignment, type: type.text });
      }
      const fix = sites.length ? fileFix(context, sites) : undefined;
      for (const site of sites) {
        context.report({
          node: site.assignment.childForFieldName('left')!,
          data: { name: site.name },
          fixes: fix?.covers.has(site) ? [fix.fix] : [],
          suggestion: `\`\`\`python\nclass ${site.name}(RootModel[${site.type}]):\n    ...\n\n# the value: instance.root\n\`\`\``,
        });
      }
    },
  };
}

interface Site {
  classNode: Node;
  name: string;
  /** The `__root__: T` statement and its assignment. */
  field: Node;
  assignment: Node;
  type: string;
}

/** One fix for every fixable class of the file, shared by their findings (see FileRenames). */
function fileFix(context: CheckContext, sites: readonly Site[]): { fix: Fix; covers: Set<Site> } | undefined {
  const renames = new FileRenames(context.facts, context.text);
  const edits: TextEdit[] = [];
  const covers = new Set<Site>();
  for (const site of sites) {
    const classEdits = rootEdits(context, renames, site);
    if (!classEdits) continue;
    edits.push(...classEdits);
    covers.add(site);
  }
  const imports = covers.size ? renames.edits() : undefined;
  if (!imports) return undefined;
  const only = covers.size === 1 ? [...covers][0] : undefined;
  const what = only ? `Derive from \`RootModel[${only.type}]\`` : `Derive the file's ${covers.size} \`__root__\` models from \`RootModel\``;
  return {
    fix: { title: `${what} (unsafe: the value becomes \`.root\` and \`dict()\` returns it bare; other modules' \`.__root__\` reads break)`, safety: 'unsafe', edits: [...edits, ...imports] },
    covers,
  };
}

/** `__root__: T` or `__root__: T = default` as a class-body statement. */
function rootAssignment(statement: Node): Node | undefined {
  if (statement.type !== 'expression_statement' || statement.namedChildCount !== 1) return undefined;
  const assignment = statement.firstNamedChild;
  if (assignment?.type !== 'assignment') return undefined;
  const left = assignment.childForFieldName('left');
  return left?.type === 'identifier' && left.text === '__root__' && assignment.childForFieldName('type') ? assignment : undefined;
}

function rootEdits(context: CheckContext, renames: FileRenames, { classNode, field, assignment, type }: Site): TextEdit[] | undefined {
  const facts = context.facts;
  const bases = (classNode.childForFieldName('superclasses')?.namedChildren ?? []).filter((b): b is Node => !!b && b.type !== 'comment');
  if (bases.length !== 1 || !BASE_MODEL.has(facts.resolve(bases[0]) ?? '') || setsExtra(classNode)) return undefined;
  const base = bases[0];
  const rootModel = renames.rename(base, 'RootModel');
  if (!rootModel) return undefined;
  const edits: TextEdit[] = [{ start: base.startIndex, end: base.endIndex, newText: `${rootModel}[${type}]` }];
  const left = assignment.childForFieldName('left')!;
  if (assignment.childForFieldName('right')) edits.push({ start: left.startIndex, end: left.endIndex, newText: 'root' });
  else edits.push(statementRemoval(field, context.text));
  edits.push(...selfRootReads(facts, classNode), ...instanceRootReads(facts, classNode), ...rootKeywordCalls(facts, classNode));
  return edits;
}

/** A `class Config` or `model_config` that sets `extra`: RootModel raises for it. */
function setsExtra(classNode: Node): boolean {
  for (const statement of classNode.childForFieldName('body')?.namedChildren ?? []) {
    if (statement?.type === 'class_definition' && statement.childForFieldName('name')?.text === 'Config' && /\bextra\b/.test(statement.text)) return true;
    if (statement?.type === 'expression_statement' && /^model_config\b/.test(statement.text) && /\bextra\b/.test(statement.text)) return true;
  }
  return false;
}

/**
 * The statement's whole line, or `pass` when it is the body's only statement. Right after the
 * class line or a blank line, a blank line after it goes too, so no gap is left.
 */
function statementRemoval(statement: Node, text: string): TextEdit {
  const siblings = (statement.parent?.namedChildren ?? []).filter((s) => s && s.type !== 'comment');
  if (siblings.length === 1) return { start: statement.startIndex, end: statement.endIndex, newText: 'pass' };
  let start = statement.startIndex;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = lineEnd(text, statement.endIndex);
  const before = text.slice(0, start).replace(/\r?\n$/, '');
  const previousLine = before.slice(before.lastIndexOf('\n') + 1);
  const first = statement.parent?.namedChildren.find((s) => s && s.type !== 'comment')?.equals(statement);
  if ((first || /^[ \t]*$/.test(previousLine)) && /^[ \t]*\r?\n/.test(text.slice(end))) end = lineEnd(text, end);
  return { start, end, newText: '' };
}

/** The offset just past the line break of the line holding `offset`. */
function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  return next < 0 ? text.length : next + 1;
}

/** `self.__root__` in the class's own instance methods. */
function selfRootReads(facts: SemanticFacts, classNode: Node): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const scope of facts.scopes) {
    if (scope.kind !== 'function' || !scope.parent?.node.equals(classNode)) continue;
    const definition = scope.node;
    const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
    if (decorated?.namedChildren.some((d) => d?.type === 'decorator' && /^@\s*(staticmethod|classmethod)\b/.test(d.text))) continue;
    const first = definition.childForFieldName('parameters')?.namedChildren[0];
    if (first?.type !== 'identifier') continue;
    for (const attribute of descendants(definition, 'attribute')) {
      const object = attribute.childForFieldName('object');
      const name = attribute.childForFieldName('attribute');
      if (object?.type !== 'identifier' || object.text !== first.text || name?.text !== '__root__') continue;
      // The receiver is the method's own first parameter, not a nested def's or lambda's.
      if (!facts.scopeOf(object).node.equals(definition)) continue;
      edits.push({ start: name.startIndex, end: name.endIndex, newText: 'root' });
    }
  }
  return edits;
}

/** Class methods that build an instance, so `Tags.parse_obj(data).__root__` is one of ours. */
const CONSTRUCTORS = new Set(['parse_obj', 'parse_raw', 'parse_file', 'construct', 'validate', 'model_validate', 'model_validate_json', 'model_construct']);

/**
 * `tags.__root__` where `tags` is provably an instance of this module-level class: every
 * value assigned to it before the use is `Tags(...)` or `Tags.parse_obj(...)`, or it is a
 * parameter annotated `Tags` and never reassigned.
 */
function instanceRootReads(facts: SemanticFacts, classNode: Node): TextEdit[] {
  const name = classNode.childForFieldName('name')?.text;
  const definitions = name ? facts.moduleDefinitions(name) : [];
  if (!name || definitions.length !== 1 || !definitions[0].equals(classNode)) return [];
  const isOurs = (value: Node): boolean => {
    if (value.type !== 'call') return false;
    const callee = value.childForFieldName('function');
    const head = callee?.type === 'attribute' && CONSTRUCTORS.has(callee.childForFieldName('attribute')?.text ?? '') ? callee.childForFieldName('object') : callee;
    return head?.type === 'identifier' && head.text === name && !shadowed(facts, head);
  };
  const edits: TextEdit[] = [];
  for (const attribute of descendants(facts.tree.rootNode, 'attribute')) {
    const object = attribute.childForFieldName('object');
    const member = attribute.childForFieldName('attribute');
    if (member?.text !== '__root__' || object?.type !== 'identifier' || object.text === 'self') continue;
    const binding = facts.localBinding(object);
    if (!binding || binding.opaque) continue;
    const annotated = binding.parameter?.parent;
    const byParameter = !!annotated && /^typed_(default_)?parameter$/.test(annotated.type) && annotated.childForFieldName('type')?.text === name && !binding.values.length;
    const byValue = !binding.parameter && binding.values.length > 0 && binding.values.every(isOurs);
    if (byParameter || byValue) edits.push({ start: member.startIndex, end: member.endIndex, newText: 'root' });
  }
  return edits;
}

/** `Tags(__root__=value)` anywhere in the file, where `Tags` is this module-level class. */
function rootKeywordCalls(facts: SemanticFacts, classNode: Node): TextEdit[] {
  const name = classNode.childForFieldName('name')?.text;
  if (!name) return [];
  const definitions = facts.moduleDefinitions(name);
  if (definitions.length !== 1 || !definitions[0].equals(classNode)) return [];
  const edits: TextEdit[] = [];
  for (const call of descendants(facts.tree.rootNode, 'call')) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'identifier' || callee.text !== name || shadowed(facts, callee)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => a && a.type !== 'comment') ?? [];
    const keyword = args.length === 1 && args[0]?.type === 'keyword_argument' ? args[0] : undefined;
    if (keyword?.childForFieldName('name')?.text !== '__root__') continue;
    const value = keyword.childForFieldName('value');
    if (value) edits.push({ start: keyword.startIndex, end: keyword.endIndex, newText: value.text });
  }
  return edits;
}

/** A def, lambda or class between the use and the module binds the name itself. */
function shadowed(facts: SemanticFacts, identifier: Node): boolean {
  for (let scope: Scope | undefined = facts.scopeOf(identifier); scope && scope.kind !== 'module'; scope = scope.parent) {
    if (scope.bindings.has(identifier.text)) return true;
  }
  return false;
}

function descendants(root: Node, type: string): Node[] {
  return root.descendantsOfType(type).filter((n): n is Node => !!n);
}
