// Which objects are openai / anthropic SDK clients, and the module-level client a fix can
// reuse or add. Shared by the llm rules about SDK calls (openai-v0-api,
// anthropic-text-completions); everything goes through facts.resolve, so a user's own
// `OpenAI` class or a local `anthropic` object is never taken for the SDK.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { bindingOccurrences, hasStarImport, wordOccurrences } from '../../name-occurrences';

/** The client classes of each SDK, by qualified name (the aliases the SDKs export too). */
export const OPENAI_CLIENTS = {
  sync: ['openai.OpenAI', 'openai.Client'],
  async: ['openai.AsyncOpenAI', 'openai.AsyncClient'],
};
export const AZURE_OPENAI_CLIENTS = ['openai.AzureOpenAI', 'openai.AsyncAzureOpenAI'];
export const ANTHROPIC_CLIENTS = [
  'anthropic.Anthropic', 'anthropic.AsyncAnthropic', 'anthropic.Client', 'anthropic.AsyncClient',
  'anthropic.AnthropicBedrock', 'anthropic.AsyncAnthropicBedrock', 'anthropic.AnthropicVertex', 'anthropic.AsyncAnthropicVertex',
];

/** The qualified class a call constructs (`OpenAI()`, `anthropic.Anthropic(api_key=…)`), if the SDK's. */
export function constructedClass(facts: SemanticFacts, value: Node | null | undefined, classes: readonly string[]): string | undefined {
  if (value?.type !== 'call') return undefined;
  const callee = value.childForFieldName('function');
  const qualified = callee ? facts.resolve(callee) : undefined;
  return qualified && classes.includes(qualified) ? qualified : undefined;
}

/**
 * The module-level name bound once to an instance of one of `classes` (`client = OpenAI()`),
 * bound nowhere else in the file: a fix can call it from any function.
 */
export function moduleLevelClient(facts: SemanticFacts, classes: readonly string[]): string | undefined {
  for (const statement of facts.tree.rootNode.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.firstNamedChild : undefined;
    if (assignment?.type !== 'assignment') continue;
    const target = assignment.childForFieldName('left');
    if (target?.type !== 'identifier' || !constructedClass(facts, assignment.childForFieldName('right'), classes)) continue;
    if (bindingOccurrences(facts, target.text).length === 1 && !hasStarImport(facts)) return target.text;
  }
  return undefined;
}

/**
 * Every call in the file, also outside the def an incremental analysis looks at: a fix that
 * removes an import once its last use is rewritten must see the same calls either way.
 */
export function callsInFile(facts: SemanticFacts): Node[] {
  return facts.tree.rootNode.descendantsOfType('call').filter((n): n is Node => !!n);
}

/** The first of `candidates` that occurs nowhere in the file (not even in a string or a comment). */
export function freeName(facts: SemanticFacts, candidates: readonly string[]): string | undefined {
  return candidates.find((name) => wordOccurrences(facts, facts.text, name).length === 0);
}

/**
 * True when `receiver` (the `client` of `client.completions.create`) is an instance of one
 * of `classes`: a name assigned such a constructor call in its own scope or at module level
 * (and nowhere else), a parameter annotated with the class, or the constructor call itself.
 */
export function isClientOf(facts: SemanticFacts, receiver: Node, classes: readonly string[]): boolean {
  if (receiver.type === 'call') return !!constructedClass(facts, receiver, classes);
  if (receiver.type === 'attribute') return isSelfAttributeClient(facts, receiver, classes);
  if (receiver.type !== 'identifier') return false;
  const bindings = bindingOccurrences(facts, receiver.text);
  if (!bindings.length || hasStarImport(facts)) return false;
  return bindings.every((binding) => bindsClient(facts, binding, classes));
}

/** One binding of the name: `name = Cls(...)`, `name: Cls = Cls(...)`, a parameter `name: Cls`, `with Cls() as name`. */
function bindsClient(facts: SemanticFacts, binding: Node, classes: readonly string[]): boolean {
  const parent = binding.parent;
  if (!parent) return false;
  if (parent.type === 'assignment' && parent.childForFieldName('left')?.equals(binding)) {
    const right = parent.childForFieldName('right');
    if (right) return !!constructedClass(facts, right, classes);
    return annotationNames(facts, parent.childForFieldName('type'), classes);
  }
  if (parent.type === 'typed_parameter' || parent.type === 'typed_default_parameter') {
    return annotationNames(facts, parent.childForFieldName('type'), classes);
  }
  if (parent.type === 'as_pattern_target') {
    const item = parent.parent;
    return !!constructedClass(facts, item?.firstNamedChild, classes);
  }
  return false;
}

/** `self.client` where the class assigns `self.client = Cls(...)` and nothing else. */
function isSelfAttributeClient(facts: SemanticFacts, receiver: Node, classes: readonly string[]): boolean {
  const object = receiver.childForFieldName('object');
  const name = receiver.childForFieldName('attribute')?.text;
  if (object?.type !== 'identifier' || object.text !== 'self' || !name) return false;
  let classNode: Node | null = receiver.parent;
  while (classNode && classNode.type !== 'class_definition') classNode = classNode.parent;
  if (!classNode) return false;
  const pattern = new RegExp(`\\bself\\.${name}\\s*(?::[^=\\n]+)?=(?!=)`, 'g');
  const body = classNode.text;
  let assigned = 0;
  for (const match of body.matchAll(pattern)) {
    const node = facts.tree.rootNode.descendantForIndex(classNode.startIndex + match.index!);
    const assignment = node?.parent?.parent;
    if (assignment?.type !== 'assignment' || !constructedClass(facts, assignment.childForFieldName('right'), classes)) return false;
    assigned++;
  }
  return assigned > 0;
}

/** The annotation is the class, or `Optional[Cls]` / `Cls | None`. */
function annotationNames(facts: SemanticFacts, annotation: Node | null, classes: readonly string[]): boolean {
  const expression = annotation?.firstNamedChild;
  if (!expression) return false;
  const names = expression.descendantsOfType(['identifier', 'attribute']).filter((n): n is Node => !!n && n.parent?.type !== 'attribute');
  return names.some((n) => classes.includes(facts.resolve(n) ?? '')) && names.every((n) => {
    const qualified = facts.resolve(n);
    return !!qualified && (classes.includes(qualified) || qualified === 'typing.Optional' || n.text === 'None');
  });
}

const VERSION_TEST = /__version__|is_openai_v1|openai_v1|_V1\b|\bversion\s*\(|VERSION/;

/**
 * True inside a branch of an `if` (or a conditional expression) that tests the SDK's
 * version (`if is_openai_v1(): … else: openai.Completion.create(…)`): code that supports both
 * major versions on purpose.
 */
export function inVersionBranch(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    // `if <version test>: return …` earlier in the same block: the code after it is the other branch.
    for (let previous = current.previousNamedSibling; previous; previous = previous.previousNamedSibling) {
      if (previous.type === 'if_statement' && VERSION_TEST.test(previous.childForFieldName('condition')?.text ?? '')) return true;
    }
    if (current.type === 'if_statement') {
      const conditions = [current.childForFieldName('condition'), ...current.namedChildren.filter((c) => c?.type === 'elif_clause').map((c) => c!.childForFieldName('condition'))];
      if (conditions.some((c) => c && VERSION_TEST.test(c.text))) return true;
    } else if (current.type === 'conditional_expression') {
      const condition = current.namedChild(1);
      if (condition && VERSION_TEST.test(condition.text) && !within(node, condition)) return true;
    }
  }
  return false;
}

function within(node: Node, outer: Node): boolean {
  return node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}
