// Is an expression provably a pydantic model class or instance of this file? Only what the
// source spells out counts: a same-file model class by name, `self`/`cls` in a model's
// methods, a model constructor call or classmethod result (`User(...)`,
// `User.parse_obj(...)`), a name every binding of which is one of those or is annotated with
// a model (`u: User`, `Optional[User]`, a parameter `user: User`). A model imported from
// another module, a dict, a `requests.Response` or a local look-alike is unknown.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { assignmentAnnotation, bodyRebinds, instanceAttributeEvidence, isPlainClass, methodOwnerOf, moduleClassNamed, parameterAnnotation } from '../../value-origins';
import { annotationModel, comprehensionModel, fieldAnnotation, loopModel, returnedModel } from './model-annotations';
import { modelClasses, modelOf, type ModelClass } from './models';

export interface ModelReceiver {
  model: ModelClass;
  /** True for the class itself (`User`, `cls`), false for an instance. */
  isClass: boolean;
}

/** Model classmethods (v1 and v2 names) that return an instance of their class. */
const INSTANCE_FACTORIES = new Set([
  'parse_obj', 'parse_raw', 'parse_file', 'from_orm', 'construct', 'validate',
  'model_validate', 'model_validate_json', 'model_validate_strings', 'model_construct',
]);
/** Instance methods that return an instance of the same class. */
const INSTANCE_COPIES = new Set(['copy', 'model_copy']);

const MAX_DEPTH = 12;

/** The model `node` provably is (a class or an instance of it), if any. */
export function modelReceiver(node: Node, facts: SemanticFacts): ModelReceiver | undefined {
  if (!modelClasses(facts).size) return undefined;
  return receiverOf(node, facts, 0, new Set<string>());
}

function receiverOf(node: Node, facts: SemanticFacts, depth: number, active: Set<string>): ModelReceiver | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'parenthesized_expression':
      return node.namedChildCount === 1 && node.firstNamedChild ? receiverOf(node.firstNamedChild, facts, depth + 1, active) : undefined;
    case 'identifier':
      return identifierReceiver(node, facts, depth, active);
    case 'call':
      return callResult(node, facts, depth, active);
    case 'subscript': {
      // `Page[User]`: a parametrised generic model is still the model class.
      const value = node.childForFieldName('value');
      const receiver = value?.type === 'identifier' ? receiverOf(value, facts, depth + 1, active) : undefined;
      return receiver?.isClass ? receiver : undefined;
    }
    case 'attribute': {
      // `order.customer` where the model declares `customer: Customer`.
      const annotation = attributeAnnotation(node, facts, depth, active);
      const model = annotation && annotationModel(annotation, facts);
      return model ? { model, isClass: false } : selfAttribute(node, facts, depth, active);
    }
    case 'await': {
      // `await load_user()`: what the coroutine function's return annotation names.
      const inner = node.namedChildren[0];
      const callee = inner?.type === 'call' ? inner.childForFieldName('function') : undefined;
      const model = callee?.type === 'identifier' ? returnedModel(callee, facts, true) : undefined;
      return model ? { model, isClass: false } : undefined;
    }
    default:
      return undefined;
  }
}

function identifierReceiver(node: Node, facts: SemanticFacts, depth: number, active: Set<string>): ModelReceiver | undefined {
  const owner = methodOwnerOf(facts, node);
  if (owner) {
    const model = modelOf(owner.node, facts);
    const method = facts.scopeOf(node).node;
    if (!model || bodyRebinds(facts, method, node.text)) return undefined;
    const decorators = decoratorNames(method);
    if (decorators.includes('staticmethod')) return undefined;
    // `cls` of a classmethod or of a v1 validator (validators are classmethods under the hood).
    return { model, isClass: decorators.includes('classmethod') || node.text === 'cls' };
  }
  if (facts.resolve(node) !== undefined) return undefined; // an import or a builtin
  const definition = moduleClassNamed(facts, node);
  if (definition) {
    const model = modelOf(definition, facts);
    return model ? { model, isClass: true } : undefined;
  }
  return boundInstance(node, facts, depth, active);
}

/** A name whose every binding in its scope is a model instance of one same-file model. */
function boundInstance(node: Node, facts: SemanticFacts, depth: number, active: Set<string>): ModelReceiver | undefined {
  // null: not a comprehension's variable; undefined: one, of no known model.
  const item = comprehensionModel(node, facts, (attribute) => attributeAnnotation(attribute, facts, depth, active));
  if (item !== null) return item ? { model: item, isClass: false } : undefined;
  const binding = facts.localBinding(node);
  if (!binding) return undefined;
  const scope = facts.scopeOf(node);
  if (binding.opaque) {
    if (binding.parameter || scope.assignments.has(node.text)) return undefined;
    const model = loopModel(node, scope.node, facts, (attribute) => attributeAnnotation(attribute, facts, depth, active));
    return model ? { model, isClass: false } : undefined;
  }
  const key = `${scope.node.id}:${node.text}`;
  if (active.has(key)) return undefined;
  active.add(key);
  try {
    const found: ModelReceiver[] = [];
    if (binding.parameter) {
      const annotation = parameterAnnotation(binding.parameter);
      const model = annotation && annotationModel(annotation, facts);
      if (!model) return undefined;
      found.push({ model, isClass: false });
    }
    for (const { value } of scope.assignments.get(node.text) ?? []) {
      // `with x as name` binds what `__enter__` returns, not `x`.
      if (value.parent?.type !== 'assignment') return undefined;
      const annotation = assignmentAnnotation(value);
      const model = annotation ? annotationModel(annotation, facts) : undefined;
      const receiver = model ? { model, isClass: false } : annotation ? undefined : receiverOf(value, facts, depth + 1, active);
      if (!receiver || receiver.isClass) return undefined;
      found.push(receiver);
    }
    if (!found.length || found.some((r) => r.model !== found[0].model)) return undefined;
    return found[0];
  } finally {
    active.delete(key);
  }
}

/** The field annotation `x.field` reads, when `x` is a model instance declaring that field. */
function attributeAnnotation(attribute: Node, facts: SemanticFacts, depth: number, active: Set<string>): Node | undefined {
  const object = attribute.childForFieldName('object');
  const name = attribute.childForFieldName('attribute')?.text;
  if (!object || !name) return undefined;
  const receiver = receiverOf(object, facts, depth + 1, active);
  return receiver && !receiver.isClass ? fieldAnnotation(receiver.model, name, facts) : undefined;
}

/**
 * `self.user` in a plain class whose every binding of `user` (class body, `self.user = …` in
 * its methods and its same-file subclasses', `obj.user = …` anywhere) is a model instance.
 */
function selfAttribute(attribute: Node, facts: SemanticFacts, depth: number, active: Set<string>): ModelReceiver | undefined {
  const object = attribute.childForFieldName('object');
  const name = attribute.childForFieldName('attribute')?.text;
  const owner = object && methodOwnerOf(facts, object);
  if (!owner || !name || modelOf(owner.node, facts) || owner.parent?.kind !== 'module' || !isPlainClass(owner.node)) return undefined;
  if (bodyRebinds(facts, facts.scopeOf(object).node, object.text)) return undefined;
  const evidence = instanceAttributeEvidence(facts, owner.node, name);
  if (!evidence) return undefined;
  let found: ModelClass | undefined;
  for (const { value, annotation } of evidence) {
    const model = annotation ? annotationModel(annotation, facts) : value ? instanceModel(value, facts, depth, active) : undefined;
    if (!model || (found && found !== model)) return undefined;
    found = model;
  }
  return found ? { model: found, isClass: false } : undefined;
}

function instanceModel(value: Node, facts: SemanticFacts, depth: number, active: Set<string>): ModelClass | undefined {
  const receiver = receiverOf(value, facts, depth + 1, active);
  return receiver && !receiver.isClass ? receiver.model : undefined;
}

/** `User(...)`, `User.parse_obj(...)`, `user.copy()`: an instance of the model. */
function callResult(call: Node, facts: SemanticFacts, depth: number, active: Set<string>): ModelReceiver | undefined {
  const callee = call.childForFieldName('function');
  if (!callee) return undefined;
  if (callee.type === 'identifier') {
    const returned = returnedModel(callee, facts, false);
    if (returned) return { model: returned, isClass: false };
    const receiver = receiverOf(callee, facts, depth + 1, active);
    return receiver?.isClass ? { model: receiver.model, isClass: false } : undefined;
  }
  if (callee.type !== 'attribute') return undefined;
  const method = callee.childForFieldName('attribute')?.text ?? '';
  const object = callee.childForFieldName('object');
  if (!object || (!INSTANCE_FACTORIES.has(method) && !INSTANCE_COPIES.has(method))) return undefined;
  const receiver = receiverOf(object, facts, depth + 1, active);
  if (!receiver || definesMember(facts, method)) return undefined;
  if (INSTANCE_COPIES.has(method) && receiver.isClass) return undefined;
  return { model: receiver.model, isClass: false };
}

function decoratorNames(definition: Node): string[] {
  const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
  if (!decorated) return [];
  return decorated.namedChildren
    .filter((c): c is Node => c?.type === 'decorator')
    .map((d) => d.namedChildren.find((c) => c && c.type !== 'comment')?.text ?? '');
}

const membersByFacts = new WeakMap<SemanticFacts, Set<string>>();

/**
 * True when a model of the file, or a same-file class a model derives from, binds `name` in
 * its body (a method, a field, an assignment): calls of that name may reach the user's own
 * member, which a rename would skip.
 */
export function definesMember(facts: SemanticFacts, name: string): boolean {
  let members = membersByFacts.get(facts);
  if (!members) {
    members = new Set();
    // Models and the same-file classes they derive from: a mixin's `dict()` reaches the model.
    const seen = new Set<number>();
    const visit = (classNode: Node) => {
      if (seen.has(classNode.startIndex)) return;
      seen.add(classNode.startIndex);
      collectBodyNames(classNode, members!);
      for (const base of classNode.childForFieldName('superclasses')?.namedChildren ?? []) {
        if (base?.type !== 'identifier') continue;
        for (const definition of facts.moduleDefinitions(base.text)) if (definition.type === 'class_definition') visit(definition);
      }
    };
    for (const model of modelClasses(facts).values()) visit(model.node);
    membersByFacts.set(facts, members);
  }
  return members.has(name);
}

function collectBodyNames(classNode: Node, into: Set<string>): void {
  const visit = (block: Node | null) => {
    for (const statement of block?.namedChildren ?? []) {
      if (!statement) continue;
      const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (definition?.type === 'function_definition' || definition?.type === 'class_definition') {
        const name = definition.childForFieldName('name')?.text;
        if (name) into.add(name);
      } else if (statement.type === 'expression_statement') {
        const assignment = statement.firstNamedChild;
        const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
        if (left?.type === 'identifier') into.add(left.text);
      } else if (statement.type === 'if_statement' || statement.type === 'try_statement') {
        for (const part of statement.namedChildren) if (part) visit(part.type === 'block' ? part : part.childForFieldName('body') ?? part.namedChildren.find((c) => c?.type === 'block') ?? null);
      }
    }
  };
  visit(classNode.childForFieldName('body'));
}
