// How a pydantic 1 `@validator` / `@root_validator` decorator reads, and whether its pydantic 2
// form is certain: the arguments it passes, the method's parameters, and the other decorators.
// Facts from pydantic 2's deprecated shims (pydantic/deprecated/class_validators.py,
// _internal/_decorators_v1.py): `@validator` becomes a field validator of the same mode whose
// method gets only the value (or `values=info.data` when it takes `values`); `field` and
// `config` parameters raise; `@root_validator(pre=True)` is a `mode="before"` model validator
// given the raw input; a post root validator needs `skip_on_failure=True` (else it raises) and
// gets the fields as a dict, which no public `@model_validator` mode hands over.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { detectEol } from '../../positions';
import type { TextEdit } from '../../types';

export const FIELD_VALIDATORS = new Set(['pydantic.validator', 'pydantic.class_validators.validator', 'pydantic.deprecated.class_validators.validator']);
export const ROOT_VALIDATORS = new Set(['pydantic.root_validator', 'pydantic.class_validators.root_validator', 'pydantic.deprecated.class_validators.root_validator']);

export interface V1Decorator {
  decorator: Node;
  /** The decorator's expression (`validator("x", pre=True)`): the finding's range. */
  expression: Node;
  /** `validator`, `pd.validator`: the name the fix replaces. */
  callee: Node;
  args: Node | undefined;
  root: boolean;
}

/** The pydantic 1 validator decorator of a decorated definition, if it has exactly one. */
export function v1Decorator(decorated: Node, facts: SemanticFacts): V1Decorator | undefined {
  const found: V1Decorator[] = [];
  for (const decorator of decorated.namedChildren) {
    if (decorator?.type !== 'decorator') continue;
    const expression = decorator.namedChildren.find((c) => c && c.type !== 'comment');
    if (!expression) continue;
    const callee = expression.type === 'call' ? expression.childForFieldName('function') : expression;
    if (!callee || (callee.type !== 'identifier' && callee.type !== 'attribute')) continue;
    const qualified = facts.resolve(callee);
    if (!qualified) continue;
    const root = ROOT_VALIDATORS.has(qualified);
    if (!root && !FIELD_VALIDATORS.has(qualified)) continue;
    const args = expression.type === 'call' ? (expression.childForFieldName('arguments') ?? undefined) : undefined;
    found.push({ decorator, expression, callee, args, root });
  }
  return found.length === 1 ? found[0] : undefined;
}

export interface DecoratorArgs {
  /** Positional arguments (the field names), as written. */
  fields: string[];
  keywords: Map<string, Node>;
  /** A `*args`/`**kwargs` splat or a positional after a keyword: nothing is certain. */
  opaque: boolean;
}

export function decoratorArgs(args: Node | undefined): DecoratorArgs {
  const result: DecoratorArgs = { fields: [], keywords: new Map(), opaque: false };
  for (const arg of args?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) result.keywords.set(name, value);
      else result.opaque = true;
    } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat' || result.keywords.size) {
      result.opaque = true;
    } else {
      result.fields.push(arg.text);
    }
  }
  return result;
}

export function isTrue(value: Node | undefined): boolean {
  return value?.type === 'true';
}

export function isFalse(value: Node | undefined): boolean {
  return value?.type === 'false';
}

export interface MethodShape {
  /** Names of the parameters after `cls`, as plain positional-or-keyword parameters. */
  rest: string[];
  /** A splat, a keyword-only marker, defaults or annotations on them, or no `cls`: leave it alone. */
  unusual: boolean;
  /** A trailing `**kwargs` that the body reads (pydantic 1 passed `values` there). */
  readsSplat: boolean;
  /** The `@classmethod` decorator, when it is already there. */
  classmethod: Node | undefined;
  /** Decorators other than the validator and `@classmethod`. */
  otherDecorators: number;
  /** The def node (after the decorators), where `@classmethod` goes. */
  definition: Node;
}

export function methodShape(decorated: Node, validator: Node, facts: SemanticFacts): MethodShape | undefined {
  const definition = decorated.childForFieldName('definition');
  if (definition?.type !== 'function_definition') return undefined;
  let classmethod: Node | undefined;
  let otherDecorators = 0;
  for (const decorator of decorated.namedChildren) {
    if (decorator?.type !== 'decorator' || decorator.equals(validator)) continue;
    const expression = decorator.namedChildren.find((c) => c && c.type !== 'comment');
    if (expression && facts.resolve(expression) === 'builtins.classmethod') classmethod = decorator;
    else otherDecorators++;
  }
  const params = (definition.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p && p.type !== 'comment');
  // Plain or annotated parameters only: no defaults, splats or `/` and `*` markers.
  // A trailing `**kwargs` the body never reads is harmless: pydantic 2 then passes the value alone.
  const last = params[params.length - 1];
  const splat = last?.type === 'dictionary_splat_pattern' || (last?.type === 'typed_parameter' && last.firstNamedChild?.type === 'dictionary_splat_pattern') ? last : undefined;
  const splatName = splat?.descendantsOfType('identifier')[0]?.text;
  const body = definition.childForFieldName('body');
  const unusedSplat = !!splat && !!splatName && !!body && !new RegExp(`\\b${splatName}\\b`).test(body.text);
  const plain = unusedSplat ? params.slice(0, -1) : params;
  const names = plain.map((p) => (p.type === 'identifier' ? p.text : p.type === 'typed_parameter' && p.firstNamedChild?.type === 'identifier' ? p.firstNamedChild.text : undefined));
  const unusual = !plain.length || names.some((n) => n === undefined);
  return { rest: names.slice(1).map((n) => n ?? ''), unusual, readsSplat: !!splat && !unusedSplat, classmethod, otherDecorators, definition };
}

/** `@classmethod` plus a line break and the def's indentation, to insert before `def`. */
export function classmethodLine(definition: Node, text: string): string {
  let lineStart = definition.startIndex;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const indent = text.slice(lineStart, definition.startIndex).match(/^[ \t]*/)![0];
  return `@classmethod${detectEol(text)}${indent}`;
}

/** The whole line of a node alone on its line (a decorator). */
export function lineRemoval(node: Node, text: string): TextEdit {
  let start = node.startIndex;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const next = text.indexOf('\n', node.endIndex);
  return { start, end: next < 0 ? text.length : next + 1, newText: '' };
}
