// Reading a v1 `class Config:` inside a model: its `key = value` settings (with the comments
// around them), or why it cannot be turned into `model_config = ConfigDict(...)` mechanically.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import type { ModelClass } from './models';
import { DEPRECATED_CONFIG_KEYS, EXTRA_ENUMS, EXTRA_MEMBERS, REMOVED_CONFIG_KEYS, RENAMED_CONFIG_KEYS } from './config-keys';

export type ConfigEntry =
  | { kind: 'key'; key: string; newKey: string; value: Node; valueText: string; trailing?: string }
  | { kind: 'comment'; text: string };

/** Why the class cannot be rewritten; the message's verdict. */
export type ConfigProblem = { verdict: string };

export interface ConfigClass {
  node: Node;
  model: ModelClass;
  entries: ConfigEntry[];
  /** Keys pydantic 2 ignores or changed (REMOVED_CONFIG_KEYS, DEPRECATED_CONFIG_KEYS), in order. */
  removed: string[];
  /** A comment on the `class Config:` line, kept on the new statement's first line. */
  header?: string;
  /** `Extra.forbid` values, which become `"forbid"`. */
  extraValues: Node[];
  problem?: ConfigProblem;
}

/** The direct `class Config:` statements of a model's body. */
export function configClassesOf(model: ModelClass): Node[] {
  const body = model.node.childForFieldName('body');
  return (body?.namedChildren ?? []).filter((s): s is Node => !!s && s.type === 'class_definition' && s.childForFieldName('name')?.text === 'Config');
}

export function readConfigClass(node: Node, model: ModelClass, facts: SemanticFacts): ConfigClass {
  const config: ConfigClass = { node, model, entries: [], removed: [], extraValues: [] };
  const bases = node.childForFieldName('superclasses');
  const baseList = bases?.namedChildren.filter((b): b is Node => !!b && b.type !== 'comment') ?? [];
  if (baseList.length) {
    const names = baseList.map((b) => b.text).join(', ');
    // pydantic's own BaseConfig only holds the defaults: the base can go before converting.
    const onlyDefaults = baseList.every((b) => ['pydantic.BaseConfig', 'pydantic.config.BaseConfig'].includes(facts.resolve(b) ?? ''));
    config.problem = { verdict: onlyDefaults ? `inherits \`${names}\`, which only holds the defaults: drop the base, then convert it` : `inherits \`${names}\`: write \`model_config\` by hand` };
    return config;
  }
  if (assignsModelConfig(model.node)) {
    config.problem = { verdict: 'sits next to `model_config`, which pydantic 2 refuses: merge the two' };
    return config;
  }
  const block = node.childForFieldName('body');
  // Comments between the colon and the first statement belong to the class node, not its block.
  for (const child of node.children) {
    if (child?.type !== 'comment' || (block && child.startIndex >= block.startIndex)) continue;
    if (child.startPosition.row === node.startPosition.row) config.header = child.text;
    else config.entries.push({ kind: 'comment', text: child.text });
  }
  const statements = block?.children.filter((c): c is Node => !!c && c.isNamed) ?? [];
  let previousEnd = -1;
  let previousRow = -1;
  let previousWasKey = false;
  for (const [index, statement] of statements.entries()) {
    if (statement.type === 'comment') {
      const last = config.entries[config.entries.length - 1];
      if (statement.startPosition.row === previousRow && previousWasKey && last?.kind === 'key' && statement.startIndex >= previousEnd) last.trailing = statement.text;
      else config.entries.push({ kind: 'comment', text: statement.text });
      continue;
    }
    previousEnd = statement.endIndex;
    previousRow = statement.endPosition.row;
    // A comment after `pass` or a docstring is not about the key before it.
    previousWasKey = false;
    if (statement.type === 'pass_statement') continue;
    const only = statement.type === 'expression_statement' && statement.namedChildCount === 1 ? statement.namedChildren[0] : null;
    if (only?.type === 'ellipsis') continue;
    if (only?.type === 'string' && index === firstCodeIndex(statements)) {
      for (const line of docstringLines(only.text)) config.entries.push({ kind: 'comment', text: `# ${line}` });
      continue;
    }
    const entry = only?.type === 'assignment' ? keyEntry(only, facts, config) : undefined;
    if (!entry) {
      config.problem = { verdict: 'holds more than `key = value` settings: write `model_config` by hand' };
      return config;
    }
    config.entries.push(entry);
    previousWasKey = true;
  }
  if (readsOtherNames(config, model.node)) config.problem = { verdict: 'has values that would name something else in the model body: write `model_config` by hand' };
  return config;
}

function keyEntry(assignment: Node, facts: SemanticFacts, config: ConfigClass): ConfigEntry | undefined {
  const left = assignment.childForFieldName('left');
  const value = assignment.childForFieldName('right');
  if (left?.type !== 'identifier' || !value || assignment.childForFieldName('type') || value.type === 'assignment' || value.type === 'augmented_assignment') return undefined;
  const key = left.text;
  let valueText = value.text;
  if (key === 'extra' && value.type === 'attribute') {
    const member = extraMember(value, facts);
    if (member) {
      valueText = `"${member}"`;
      config.extraValues.push(value);
    }
  }
  if (REMOVED_CONFIG_KEYS.has(key) || DEPRECATED_CONFIG_KEYS.has(key)) config.removed.push(key);
  return { kind: 'key', key, newKey: RENAMED_CONFIG_KEYS.get(key) ?? key, value, valueText };
}

/** `forbid` for `Extra.forbid` / `pydantic.Extra.forbid` / `pydantic.config.Extra.forbid`. */
export function extraMember(value: Node, facts: SemanticFacts): string | undefined {
  const qualified = facts.resolve(value);
  const match = qualified && /^(.*)\.(\w+)$/.exec(qualified);
  return match && EXTRA_ENUMS.has(match[1]) && EXTRA_MEMBERS.has(match[2]) ? match[2] : undefined;
}

function assignsModelConfig(classNode: Node): boolean {
  const body = classNode.childForFieldName('body');
  return (body?.namedChildren ?? []).some((s) => s?.type === 'expression_statement' && s.namedChildren[0]?.type === 'assignment' && s.namedChildren[0].childForFieldName('left')?.text === 'model_config');
}

function firstCodeIndex(statements: readonly Node[]): number {
  return statements.findIndex((s) => s.type !== 'comment');
}

function docstringLines(text: string): string[] {
  const inner = text.replace(/^[rRuUbB]*("""|'''|"|')/, '').replace(/("""|'''|"|')$/, '');
  return inner.split(/\r\n|\n|\r/).map((l) => l.trim()).filter((l) => l.length > 0);
}

/**
 * Inside `class Config` a name skips the model's body (class scopes do not nest); moved into
 * the model body it would find a field default or method of the same name first.
 */
function readsOtherNames(config: ConfigClass, modelNode: Node): boolean {
  const bound = new Set<string>();
  for (const statement of modelNode.childForFieldName('body')?.namedChildren ?? []) {
    if (!statement) continue;
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = definition?.type === 'function_definition' || definition?.type === 'class_definition' ? definition.childForFieldName('name')?.text : undefined;
    if (name && name !== 'Config') bound.add(name);
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    if (left?.type === 'identifier' && assignment?.childForFieldName('right')) bound.add(left.text);
  }
  for (const entry of config.entries) if (entry.kind === 'key') bound.add(entry.key);
  return config.entries.some((entry) => entry.kind === 'key' && !config.extraValues.includes(entry.value) && readsAny(entry.value, bound));
}

function readsAny(node: Node, names: ReadonlySet<string>): boolean {
  if (node.type === 'identifier') {
    const parent = node.parent;
    const isAttributeName = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(node);
    const isKeyword = parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(node);
    return !isAttributeName && !isKeyword && names.has(node.text);
  }
  return node.namedChildren.some((child) => !!child && readsAny(child, names));
}
