// pydantic-v1-validator (BP007): `@validator` and `@root_validator` on a model's methods. Pydantic
// 2 keeps them as deprecated shims (removed in V3) and raises for some forms outright: a post
// `@root_validator` without `skip_on_failure=True`, `field`/`config` parameters.
//
// Fixes, as bump-pydantic writes them where the rewrite is certain:
// - `@validator("x", pre=True, allow_reuse=True)` on `def f(cls, v)` → `@field_validator("x",
//   mode="before")` + `@classmethod`; `check_fields` stays, `allow_reuse` (no v2 meaning),
//   `pre=False`, `always=False`, `each_item=False` (the defaults) go. Safe: pydantic 2's shim
//   runs the method exactly so.
// - `@root_validator(pre=True)` on `def f(cls, values)` → `@model_validator(mode="before")` +
//   `@classmethod`. Safe: the shim is that before validator, given the raw input.
// - `(cls, v, values)` → `(cls, v, info: ValidationInfo)` + `values = info.data` (the shim's
//   own call; bump-pydantic leaves a TODO).
// - `@root_validator(skip_on_failure=True)` whose body only reads its own declared fields and
//   returns `values` → `@model_validator(mode="after")` on `self` (after-validator.ts).
// Reported without a fix: `always=True` (v2: `validate_default=True` on the Field),
// `each_item=True` (v2: a validator on the item type), `field`/`config`/read `**kwargs`
// parameters (v2: `info: ValidationInfo`), other post root validators (`mode="after"` gets
// the model instance, not a `values` dict), and a bare `@root_validator` (pydantic 1 also ran
// it after field errors, which no pydantic 2 validator does).
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { detectEol } from '../../../positions';
import type { Fix, TextEdit } from '../../../types';
import { afterValidatorEdits } from '../after-validator';
import { inVersionCompatBranch, pydanticApplies } from '../models';
import { FileRenames } from '../renames';
import { classmethodLine, lineRemoval, decoratorArgs, type DecoratorArgs, isFalse, isTrue, methodShape, type MethodShape, v1Decorator, type V1Decorator } from '../validator-forms';

/** The v2 decorator arguments when the rewrite is certain, else what to tell the user. */
type Rewrite = { args: string[]; after?: string } | { problem: string };

export function createPydanticV1Validator(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!pydanticApplies(context)) return;
      const facts = context.facts;
      const sites: Site[] = [];
      for (const scope of facts.scopes) {
        if (scope.kind !== 'function') continue;
        const decorated = scope.node.parent;
        if (decorated?.type !== 'decorated_definition' || !context.isSound(decorated)) continue;
        const found = v1Decorator(decorated, facts);
        // The decorator is pydantic's own, so any class body will do: a model whose base comes
        // from another module, or a pydantic dataclass, is still pydantic's (as for bump-pydantic).
        if (!found || facts.scopeOf(decorated).kind !== 'class' || inVersionCompatBranch(decorated)) continue;
        const shape = methodShape(decorated, found.decorator, facts);
        if (!shape) continue;
        const args = decoratorArgs(found.args);
        const rewrite = found.root ? rootRewrite(args, shape) : fieldRewrite(found, args, shape);
        sites.push({ found, shape, rewrite, method: scope.name, newName: found.root ? 'model_validator' : 'field_validator' });
      }
      const fix = fileFix(context, sites);
      for (const { found, shape, rewrite, method, newName } of sites) {
        const takesValues = !found.root && shape.rest.length === 2;
        const signature = takesValues ? `(cls, ${shape.rest[0]}, info: ValidationInfo):\n    values = info.data` : `${shape.definition.childForFieldName('parameters')?.text ?? '(cls, v)'}:`;
        const modern = 'args' in rewrite && !rewrite.after ? `@${newName}(${rewrite.args.join(', ')})\n@classmethod\ndef ${method}${signature}` : undefined;
        context.report({
          node: found.expression,
          data: { detail: 'args' in rewrite ? (rewrite.after ?? renameDetail(found)) : rewrite.problem },
          fixes: fix && fix.covers.has(found) ? [fix.fix] : [],
          peer: 'BP007',
          suggestion: modern ? `\`\`\`python\n${modern}\n    ...\n\`\`\`` : found.root ? AFTER_EXAMPLE : undefined,
        });
      }
    },
  };
}

interface Site {
  found: V1Decorator;
  shape: MethodShape;
  rewrite: Rewrite;
  method: string;
  newName: string;
}

function renameDetail(found: V1Decorator): string {
  return found.root
    ? '`@root_validator(pre=True)` is the pydantic 1 API: pydantic 2 spells it `@model_validator(mode="before")` on a classmethod'
    : '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod';
}

function fieldRewrite(found: V1Decorator, args: DecoratorArgs, shape: MethodShape): Rewrite {
  if (!found.args) return { problem: 'bare `@validator` names no field: pydantic 2 raises for it; use `@field_validator("<field>")`' };
  const always = args.keywords.get('always');
  if (always && !isFalse(always)) {
    return { problem: '`@validator(always=True)` has no `@field_validator` equivalent: set `validate_default=True` on the field, then use `@field_validator`' };
  }
  const eachItem = args.keywords.get('each_item');
  if ((eachItem && !isFalse(eachItem)) || args.keywords.has('whole')) {
    return { problem: '`@validator(each_item=True)` has no `@field_validator` equivalent: validate the items through the item type (`list[Annotated[T, AfterValidator(f)]]`)' };
  }
  const passed = shape.rest.find((p) => p === 'field' || p === 'config');
  if (passed) return { problem: `\`@validator\` method takes \`${passed}\`, which pydantic 2 no longer passes (it raises): take \`info: ValidationInfo\` (\`info.field_name\`, \`cls.model_config\`)` };
  if (shape.readsSplat) return { problem: '`@validator` method reads `**kwargs`, where pydantic 1 passed `values`: a `@field_validator` takes `info: ValidationInfo` and reads `info.data`' };
  const takesValues = shape.rest.length === 2 && shape.rest[1] === 'values';
  if (shape.rest.includes('values') && !takesValues) return { problem: VALUES_PROBLEM };
  if (shape.unusual || shape.rest.length !== (takesValues ? 2 : 1) || shape.otherDecorators || args.opaque || !args.fields.length) {
    return { problem: '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod' };
  }
  const out = [...args.fields];
  for (const [name, value] of args.keywords) {
    if (name === 'pre') {
      if (isTrue(value)) out.push('mode="before"');
      else if (!isFalse(value)) return UNCERTAIN_FIELD;
    } else if (name === 'check_fields') out.push(`check_fields=${value.text}`);
    else if (name === 'allow_reuse' || name === 'always' || name === 'each_item') continue;
    else return UNCERTAIN_FIELD;
  }
  return { args: out };
}

const VALUES_PROBLEM = '`@validator` method takes `values`: a `@field_validator` takes `info: ValidationInfo` and reads `info.data` instead';

const UNCERTAIN_FIELD: Rewrite = { problem: '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod' };

function rootRewrite(args: DecoratorArgs, shape: MethodShape): Rewrite {
  const pre = args.keywords.get('pre');
  const skip = args.keywords.get('skip_on_failure');
  if (!isTrue(pre)) {
    if (pre && !isFalse(pre)) return { problem: '`@root_validator` is the pydantic 1 API: pydantic 2 spells it `@model_validator(mode=...)`' };
    if (!isTrue(skip)) {
      return { problem: '`@root_validator` without `pre=True` or `skip_on_failure=True` raises in pydantic 2: use `@model_validator(mode="after")`, which gets the model instance instead of `values`' };
    }
    const problem = '`@root_validator(skip_on_failure=True)` is the pydantic 1 API: `@model_validator(mode="after")` gets the model instance (`self`), not a `values` dict, so the body needs rewriting';
    const plain = !shape.unusual && shape.rest.length === 1 && !shape.otherDecorators && !args.opaque && !args.fields.length;
    if (!plain || [...args.keywords.keys()].some((k) => k !== 'skip_on_failure' && k !== 'allow_reuse' && k !== 'pre')) return { problem };
    // Fixable only when the body reads plain fields (after-validator.ts); else it stays a problem.
    return { args: ['mode="after"'], after: problem };
  }
  const problem = '`@root_validator(pre=True)` is the pydantic 1 API: pydantic 2 spells it `@model_validator(mode="before")` on a classmethod';
  if (shape.unusual || shape.rest.length !== 1 || shape.otherDecorators || args.opaque || args.fields.length) return { problem };
  for (const name of args.keywords.keys()) if (name !== 'pre' && name !== 'allow_reuse' && name !== 'skip_on_failure') return { problem };
  return { args: ['mode="before"'] };
}

/**
 * One fix for every certain rewrite of the file, shared by their findings, so the old
 * imports go once the last use is replaced (see FileRenames).
 */
function fileFix(context: CheckContext, sites: readonly Site[]): { fix: Fix; covers: Set<V1Decorator> } | undefined {
  const facts = context.facts;
  const renames = new FileRenames(context.facts, context.text);
  const edits: TextEdit[] = [];
  const covers = new Set<V1Decorator>();
  let readsValues = false;
  for (const { found, shape, rewrite, newName } of sites) {
    if (!('args' in rewrite)) continue;
    const classNode = facts.scopeOf(found.decorator).node;
    const values = rewrite.after ? afterValidatorEdits(shape.definition, classNode) : !found.root && shape.rest.length === 2 ? valuesEdits(context, renames, shape.definition) : [];
    if (!values) continue;
    const name = renames.rename(found.callee, newName);
    if (!name) continue;
    edits.push({ start: found.expression.startIndex, end: found.expression.endIndex, newText: `${name}(${rewrite.args.join(', ')})` });
    if (rewrite.after) {
      // An after validator is an instance method (a classmethod one is deprecated since 2.12).
      if (shape.classmethod) edits.push(lineRemoval(shape.classmethod, context.text));
    } else if (!shape.classmethod) {
      edits.push({ start: shape.definition.startIndex, end: shape.definition.startIndex, newText: classmethodLine(shape.definition, context.text) });
    }
    edits.push(...values);
    readsValues ||= values.length > 0;
    covers.add(found);
  }
  const imports = covers.size ? renames.edits() : undefined;
  if (!imports) return undefined;
  const reads = readsValues ? ', reading `values` from `info.data`' : '';
  const only = covers.size === 1 ? [...covers][0] : undefined;
  const onlySite = only && sites.find((s) => s.found === only);
  const after = onlySite && 'args' in onlySite.rewrite && onlySite.rewrite.after;
  const what = after
    ? 'Replace with `@model_validator(mode="after")` on the instance, reading `self.<field>`'
    : only
      ? `Replace with \`@${only.root ? 'model_validator(mode="before")' : 'field_validator'}\` and \`@classmethod\`${reads}`
      : `Replace the file's ${covers.size} pydantic 1 validators with \`@field_validator\` / \`@model_validator\`${reads}`;
  return { fix: { title: `${what} (safe: pydantic 2 runs the methods on the same values)`, safety: 'safe', edits: [...edits, ...imports] }, covers };
}

/**
 * `def f(cls, v, values)` → `def f(cls, v, info: ValidationInfo)` with `values = info.data`
 * first in the body: what pydantic 2's shim passes as `values`. Undefined when the body is on
 * the def's line, is only a docstring, or already says `info`.
 */
function valuesEdits(context: CheckContext, renames: FileRenames, definition: Node): TextEdit[] | undefined {
  const parameter = definition.childForFieldName('parameters')?.namedChildren.filter((p) => p && p.type !== 'comment')[2];
  const body = definition.childForFieldName('body');
  if (!parameter || !body || /\binfo\b/.test(body.text) || /\binfo\b/.test(definition.childForFieldName('parameters')!.text)) return undefined;
  const statements = body.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  const docstring = statements[0]?.type === 'expression_statement' && statements[0].firstNamedChild?.type === 'string';
  const first = statements[docstring ? 1 : 0];
  if (!first) return undefined;
  const lineStart = context.text.lastIndexOf('\n', first.startIndex - 1) + 1;
  const indent = context.text.slice(lineStart, first.startIndex);
  if (!/^[ \t]+$/.test(indent) || lineStart <= definition.startIndex) return undefined;
  const type = renames.name('ValidationInfo', definition);
  return [
    { start: parameter.startIndex, end: parameter.endIndex, newText: type ? `info: ${type}` : 'info' },
    { start: first.startIndex, end: first.startIndex, newText: `values = info.data${detectEol(context.text)}${indent}` },
  ];
}

const AFTER_EXAMPLE = [
  'In pydantic 2 an after validator is an instance method that reads the validated fields:',
  '```python',
  '@model_validator(mode="after")',
  'def check(self) -> Self:',
  '    if self.start > self.end:',
  '        raise ValueError("start after end")',
  '    return self',
  '```',
].join('\n');
