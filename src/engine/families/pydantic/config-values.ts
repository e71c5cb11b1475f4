// What a model's configuration says about one key, read from the source: a v1 `class Config:`
// body (`orm_mode = True`), a v2 `model_config = ConfigDict(from_attributes=True)` (or a dict
// literal), or class keywords (`class User(BaseModel, extra="allow")`), on the model or on its
// same-file model bases. The nearest class that mentions any of the keys decides.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { sameFileModelBase, type ModelClass } from './models';

/** The value of the first of `keys` the model's configuration sets: its source text, `unknown` when it may be set opaquely, undefined when unset. */
export function configValue(model: ModelClass, keys: readonly string[], facts: SemanticFacts): string | undefined {
  for (let current: ModelClass | undefined = model, steps = 0; current && steps < 20; steps++) {
    const found = ownConfigValue(current.node, keys);
    if (found !== undefined) return found;
    current = sameFileModelBase(current, facts);
  }
  return undefined;
}

function ownConfigValue(classNode: Node, keys: readonly string[]): string | undefined {
  for (const base of classNode.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (base?.type === 'keyword_argument' && keys.includes(base.childForFieldName('name')?.text ?? '')) return base.childForFieldName('value')?.text;
    if (base?.type === 'dictionary_splat') return 'unknown';
  }
  for (const statement of classNode.childForFieldName('body')?.namedChildren ?? []) {
    if (statement?.type === 'class_definition' && statement.childForFieldName('name')?.text === 'Config') {
      for (const inner of statement.childForFieldName('body')?.namedChildren ?? []) {
        const assignment = inner?.type === 'expression_statement' ? inner.firstNamedChild : undefined;
        const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left')?.text : undefined;
        if (left && keys.includes(left)) return assignment!.childForFieldName('right')?.text ?? 'unknown';
      }
      // A Config inheriting another class may get the key from there.
      if (statement.childForFieldName('superclasses')?.namedChildCount) return 'unknown';
    }
    const assignment = statement?.type === 'expression_statement' ? statement.firstNamedChild : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== 'model_config') continue;
    const value = assignment.childForFieldName('right');
    if (!value) continue;
    return configMappingValue(value, keys);
  }
  return undefined;
}

/** A key of `ConfigDict(k=v)` / `{"k": v}`; `unknown` for `**splat` or a value that is no literal mapping. */
function configMappingValue(value: Node, keys: readonly string[]): string | undefined {
  if (value.type === 'call') {
    for (const argument of value.childForFieldName('arguments')?.namedChildren ?? []) {
      if (argument?.type === 'dictionary_splat' || argument?.type === 'list_splat') return 'unknown';
      if (argument?.type === 'keyword_argument' && keys.includes(argument.childForFieldName('name')?.text ?? '')) return argument.childForFieldName('value')?.text;
    }
    return undefined;
  }
  if (value.type === 'dictionary') {
    for (const pair of value.namedChildren) {
      if (pair?.type === 'dictionary_splat') return 'unknown';
      if (pair?.type !== 'pair') continue;
      const key = pair.childForFieldName('key');
      if (key?.type === 'string' && keys.includes(key.text.slice(1, -1))) return pair.childForFieldName('value')?.text;
    }
    return undefined;
  }
  return 'unknown';
}
