// The missing-annotation rules share one implementation: which functions each covers
// (public API, private helpers, special methods), which parameters count (not self/cls;
// dummy names, `*args`, overload implementations… as `[tool.pymodern.typing]` says, see
// required.ts), and the inferred quick fixes.
import type { CheckContext, CheckVisitor } from '../../checks/context';
import type { Fix } from '../../types';
import { runtimeAnnotationRisk } from './annotations';
import { bodyKind, type FunctionInfo, functionInfo, isAbstractOrOverload, type ParameterInfo } from './functions';
import { ImportPlan } from './imports';
import type { Ty } from './inference';
import { report } from './legacy';
import { requiredAnnotations } from './required';
import { inferParameter, inferReturn, type Inferred } from './signature-inference';
import { contextForDefinition, spell } from './spelling';

export type ReturnRule = 'public' | 'private' | 'special';
export type ParameterRule = 'public' | 'private' | 'star';

/** Which return rule a def belongs to. Lambdas never get here (the queries match `def`s). */
export function returnRuleOf(info: FunctionInfo): ReturnRule {
  return info.visibility;
}

/** Types the interpreter itself enforces for a special method's result. */
const MANDATED: Record<string, string> = {
  __init__: 'None',
  __str__: 'str', __repr__: 'str', __format__: 'str',
  __bytes__: 'bytes',
  __len__: 'int', __hash__: 'int', __index__: 'int', __int__: 'int', __length_hint__: 'int', __sizeof__: 'int',
  __float__: 'float', __complex__: 'complex', __bool__: 'bool',
};

export function createMissingReturnCheck(context: CheckContext, rule: ReturnRule): CheckVisitor {
  return {
    match(captures) {
      const definition = captures.def;
      const name = captures.name;
      const parameters = captures.params;
      if (!definition || !name || !parameters) return;
      if (!context.isSound(name) || !context.isSound(parameters)) return;
      const info = functionInfo(context.facts, definition);
      if (!info || returnRuleOf(info) !== rule || !requiredAnnotations(info, context.typing)?.returns) return;
      const fixes = context.isSound(definition) ? returnFixes(info, context, rule) : [];
      report(context, { node: name, data: { name: name.text, kind: kindOf(info), what: whatOf(info) }, fixes, peer: returnPeer(info, rule) });
    },
  };
}

/** Ruff's code for a missing return annotation: by method kind first, then by visibility. */
function returnPeer(info: FunctionInfo, rule: ReturnRule): string {
  if (rule === 'special') return 'ANN204';
  if (info.isStatic) return 'ANN205';
  if (info.isClassMethod) return 'ANN206';
  return rule === 'public' ? 'ANN201' : 'ANN202';
}

function kindOf(info: FunctionInfo): string {
  return info.placement === 'class' ? 'method' : 'function';
}

function whatOf(info: FunctionInfo): string {
  if (info.placement === 'nested') return 'Nested function';
  // Named `_x`, or private by place: a method of a private class, a name `__all__` leaves out.
  const kind = info.placement === 'class' ? 'method' : 'function';
  return info.name.text.startsWith('_') ? `Private ${kind}` : `Non-public ${kind}`;
}

function returnFixes(info: FunctionInfo, context: CheckContext, rule: ReturnRule): Fix[] {
  const facts = context.facts;
  const exits = facts.functionExits(info.node);
  const mandated = rule === 'special' && info.placement === 'class' ? MANDATED[info.name.text] : undefined;
  if (mandated && !exits.yields) {
    const ty: Ty = mandated === 'None' ? { kind: 'none' } : { kind: 'builtin', name: mandated as 'str' };
    return annotationFix(info, context, { ty, safe: true });
  }
  const body = bodyKind(info.node);
  if (isAbstractOrOverload(info) || body === 'stub' || body === 'not-implemented') return [];
  if (body === 'raises') return annotationFix(info, context, { ty: { kind: 'never' }, safe: false });
  const inferred = inferReturn(info, facts);
  return inferred ? annotationFix(info, context, inferred) : [];
}

function annotationFix(info: FunctionInfo, context: CheckContext, inferred: Inferred): Fix[] {
  const plan = new ImportPlan(context.facts, context.text);
  const text = spell(inferred.ty, contextForDefinition(info.node, info.node, context.facts, plan));
  const imports = text && plan.edits();
  if (!text || !imports) return [];
  const at = info.parameters.endIndex;
  // A route's return annotation becomes FastAPI's response model: never a silent change.
  const risk = runtimeAnnotationRisk(info.node, context.facts, 'return');
  const title = `Add \`-> ${text}\`${risk ? ` (unsafe: ${risk})` : ''}`;
  return [{ title, safety: inferred.safe && !risk ? 'safe' : 'unsafe', edits: [{ start: at, end: at, newText: ` -> ${text}` }, ...imports] }];
}

// ---- parameters ----

export function createMissingParameterCheck(context: CheckContext, rule: ParameterRule): CheckVisitor {
  return {
    match(captures) {
      const definition = captures.def;
      const name = captures.name;
      const parameters = captures.params;
      if (!definition || !name || !parameters || !context.isSound(parameters)) return;
      const info = functionInfo(context.facts, definition);
      if (!info) return;
      const isPrivate = info.visibility === 'private';
      if (rule === 'private' ? !isPrivate : isPrivate) return;
      const required = requiredAnnotations(info, context.typing);
      for (const parameter of required?.parameters ?? []) {
        if (parameter.annotation) continue;
        const star = parameter.kind !== 'plain';
        if (rule === 'public' && star) continue;
        if (rule === 'star' && !star) continue;
        const shown = parameter.kind === 'args' ? `*${parameter.name.text}` : parameter.kind === 'kwargs' ? `**${parameter.name.text}` : parameter.name.text;
        report(context, {
          node: star ? parameter.node.type === 'typed_parameter' ? parameter.node.firstNamedChild! : parameter.node : parameter.name,
          data: { name: shown, function: name.text, what: whatOf(info).toLowerCase() },
          fixes: parameterFixes(info, parameter, context),
          peer: parameter.kind === 'args' ? 'ANN002' : parameter.kind === 'kwargs' ? 'ANN003' : 'ANN001',
        });
      }
    },
  };
}

function parameterFixes(info: FunctionInfo, parameter: ParameterInfo, context: CheckContext): Fix[] {
  if (parameter.node.type !== 'default_parameter' || !parameter.value) return [];
  const inferred = inferParameter(parameter, info, context.facts);
  if (!inferred) return [];
  const plan = new ImportPlan(context.facts, context.text);
  const text = spell(inferred.ty, contextForDefinition(info.node, parameter.node, context.facts, plan));
  const imports = text && plan.edits();
  if (!text || !imports) return [];
  const replacement = `${parameter.name.text}: ${text} = ${parameter.value.text}`;
  const edit = { start: parameter.node.startIndex, end: parameter.node.endIndex, newText: replacement };
  // `page: int = 0` on a route changes how FastAPI parses the request.
  const risk = runtimeAnnotationRisk(info.node, context.facts, 'parameter');
  const title = `Annotate \`${replacement}\`${risk ? ` (unsafe: ${risk})` : ''}`;
  return [{ title, safety: inferred.safe && !risk ? 'safe' : 'unsafe', edits: [edit, ...imports] }];
}
