// Which annotations the typing settings (`[tool.pymodern.typing]`) require of a def: whether
// it is held to annotations at all, its return, and which parameters. The missing-annotation
// rules report the required slots that lack one; the typed coverage counts exactly the
// required slots, so the figure and the findings always agree.
import type { ResolvedTypingOptions } from '../../config';
import { bodyKind, type DefinitionShape, hasAnnotatedImplicitFirst, type ParameterInfo, parametersOf, returnsOnlyNone } from './functions';

export interface RequiredAnnotations {
  /** The def needs a return annotation (it may already have one). */
  returns: boolean;
  /** The parameters that need an annotation (annotated or not), self / cls left out. */
  parameters: ParameterInfo[];
}

/** The slots a def must annotate under the options; undefined when the def is exempt altogether. */
export function requiredAnnotations(shape: DefinitionShape, options: ResolvedTypingOptions): RequiredAnnotations | undefined {
  // The `@overload` stubs above carry the implementation's types.
  if (shape.isOverloadImplementation && !options.overloadImplementation) return undefined;
  if (shape.visibility === 'private' && !options.privateFunctions) return undefined;
  if (!options.raiseOnly) {
    const body = bodyKind(shape.node);
    if (body === 'raises' || body === 'not-implemented') return undefined;
  }
  const all = parametersOf(shape);
  const anyParameterAnnotated = all.some((p) => p.annotation);
  if (options.ignoreFullyUntyped && !anyParameterAnnotated && !hasAnnotatedImplicitFirst(shape) && !shape.node.childForFieldName('return_type')) return undefined;
  const parameters = all.filter((p) => (options.starArgs || p.kind === 'plain') && !options.isDummy(p.name.text));
  let returns = true;
  // As Ruff: `__init__` answers to mypy-init-return only, other defs to suppress-none-returning.
  if (shape.placement === 'class' && shape.name.text === '__init__') returns = !(options.mypyInitReturn && anyParameterAnnotated);
  else if (options.suppressNoneReturning && returnsOnlyNone(shape.node)) returns = false;
  return { returns, parameters };
}
