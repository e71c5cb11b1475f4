// pydantic-config-class: a v1 `class Config:` inside a model. Pydantic 2 still reads it (with a
// deprecation warning) but ignores its renamed and removed keys, so `orm_mode = True` quietly
// stops working. The fix writes `model_config = ConfigDict(...)` (`SettingsConfigDict` for
// settings) in its place, renaming the keys; removed keys stay, under a TODO, and make the
// fix unsafe. A Config that inherits, holds more than `key = value` lines, sits next to
// `model_config`, or is read as `Model.Config` elsewhere is reported without a fix.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { ImportBinding } from '../../../facts';
import { ImportPlan } from '../../../import-plan';
import { escapeRegExp, onlyRead } from '../../../name-occurrences';
import { detectEol } from '../../../positions';
import type { Fix, TextEdit } from '../../../types';
import { DEPRECATED_CONFIG_KEYS, REMOVED_CONFIG_KEYS } from '../config-keys';
import { type ConfigClass, configClassesOf, readConfigClass } from '../config-body';
import { modelClasses, pydanticApplies } from '../models';
import { lineIndent, pythonBlock } from '../source-text';

const MAX_LINE = 88;

export function createPydanticConfigClass(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!pydanticApplies(context)) return;
      const facts = context.facts;
      const configs: ConfigClass[] = [];
      for (const model of modelClasses(facts).values()) {
        for (const node of configClassesOf(model)) {
          if (!context.isSound(node)) continue;
          const config = readConfigClass(node, model, facts);
          if (!config.problem && isReadElsewhere(config, context.text)) config.problem = { verdict: `is read as \`${model.name}.Config\`: write \`model_config\` by hand` };
          // An empty Config changes nothing; bump-pydantic leaves it too.
          if (!config.problem && !config.entries.some((e) => e.kind === 'key')) continue;
          configs.push(config);
        }
      }
      const fixable = configs.filter((c) => !c.problem);
      const extraImports = removableExtraImports(context, fixable);
      for (const config of configs) {
        const name = configDictName(config);
        const fix = config.problem ? undefined : configFix(context, config, fixable, extraImports);
        const name_ = config.node.childForFieldName('name')!;
        context.report({
          node: config.node,
          range: { start: config.node.startIndex, end: name_.endIndex },
          data: { model: config.model.name, verdict: config.problem?.verdict ?? `is pydantic v1 configuration: use \`model_config = ${name.name}(...)\`` },
          fixes: fix ? [fix] : [],
          peer: 'BP002',
          suggestion: config.problem ? `Pydantic 2 configures a model with a dict:\n\n${pythonBlock(`model_config = ${name.name}(...)`)}` : pythonBlock(suggestionOf(config, name.name, context.text)),
        });
      }
    },
  };
}

/** The new statement as the hover shows it: rendered at the Config's indentation, then dedented. */
function suggestionOf(config: ConfigClass, dictName: string, text: string): string {
  const indent = lineIndent(text, config.node.startIndex) ?? '';
  const rendered = render(config, dictName, indent, bodyIndent(text, config, indent), '\n');
  return rendered
    .split(/\r\n|\n|\r/)
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}

function configDictName(config: ConfigClass): { module: string; name: string } {
  return config.model.kind === 'settings' ? { module: 'pydantic_settings', name: 'SettingsConfigDict' } : { module: 'pydantic', name: 'ConfigDict' };
}

/** `Model.Config` (or `self.Config` / `cls.Config` inside the model) read anywhere: the class must stay. */
function isReadElsewhere(config: ConfigClass, text: string): boolean {
  const pattern = new RegExp(`(?<![\\w.])(${escapeRegExp(config.model.name)}|self|cls)\\s*\\.\\s*Config\\b`, 'g');
  for (const match of text.matchAll(pattern)) {
    if (match[1] === config.model.name) return true;
    if (match.index! >= config.model.node.startIndex && match.index! < config.model.node.endIndex) return true;
  }
  return false;
}

/**
 * The `Extra` from-imports that only the fixable Configs use: each fix removes them and
 * writes the strings in the other Configs too, so the fixes of one file stay correct alone
 * and fix-all (which applies them one by one, as they overlap) leaves no unused import.
 */
function removableExtraImports(context: CheckContext, fixable: readonly ConfigClass[]): ImportBinding[] {
  const values = fixable.flatMap((c) => c.extraValues);
  if (!values.length) return [];
  const plan = new ImportPlan(context.facts, context.text);
  const ranges = values.map((v) => ({ start: v.startIndex, end: v.endIndex }));
  return context.facts.imports.filter((b) => !b.isModule && (b.qualified === 'pydantic.Extra' || b.qualified === 'pydantic.config.Extra') && plan.isUnusedExcept(b, ranges));
}

function configFix(context: CheckContext, config: ConfigClass, fixable: readonly ConfigClass[], extraImports: readonly ImportBinding[]): Fix | undefined {
  const { module, name } = configDictName(config);
  const plan = new ImportPlan(context.facts, context.text);
  const written = dictName(context, plan, module, name, config.node);
  if (!written) return undefined;
  const edits: TextEdit[] = [];
  const eol = detectEol(context.text);
  const indent = lineIndent(context.text, config.node.startIndex);
  if (indent === undefined) return undefined;
  edits.push({ start: config.node.startIndex, end: config.node.endIndex, newText: render(config, written, indent, bodyIndent(context.text, config, indent), eol) });
  const usesExtra = fixable.some((c) => c.extraValues.length);
  if (extraImports.length && usesExtra) {
    for (const other of fixable) {
      if (other === config) continue;
      for (const value of other.extraValues) edits.push({ start: value.startIndex, end: value.endIndex, newText: `"${value.childForFieldName('attribute')!.text}"` });
    }
    for (const binding of extraImports) plan.remove(binding);
  }
  const importEdits = plan.edits();
  if (!importEdits) return undefined;
  const removed = config.removed.map((k) => `\`${k}\``).join(', ');
  return {
    title: removed ? `Replace \`class Config\` with \`model_config = ${written}(...)\` (unsafe: pydantic 2 dropped or changed ${removed}, kept under a TODO)` : `Replace \`class Config\` with \`model_config = ${written}(...)\``,
    safety: removed ? 'unsafe' : 'safe',
    edits: [...edits, ...importEdits],
  };
}

/** `ConfigDict` as bump-pydantic writes it (a from-import, also next to `import pydantic`), else how the file names it. */
function dictName(context: CheckContext, plan: ImportPlan, module: string, name: string, at: Node): string | undefined {
  const facts = context.facts;
  const imported = facts.imports.some((b) => !b.isModule && b.qualified === `${module}.${name}`);
  if (!imported && onlyRead(facts, name)) {
    plan.importFrom(module, name);
    return name;
  }
  return plan.reference(module, name, at);
}

function bodyIndent(text: string, config: ConfigClass, indent: string): string {
  const first = config.node.childForFieldName('body')?.firstNamedChild;
  const own = first && first.startPosition.row > config.node.startPosition.row ? lineIndent(text, first.startIndex) : undefined;
  return own && own.length > indent.length ? own : `${indent}    `;
}

/** The `model_config = …` statement (with its TODO lines), starting at the Config's column. */
export function render(config: ConfigClass, dictName: string, indent: string, inner: string, eol: string): string {
  // Statement lines get the Config's indent (the first one has it already); argument lines carry their own.
  const statements: string[] = config.removed.map((key) => `# TODO: ${todoOf(key)}.`);
  const header = config.header ? `  ${config.header}` : '';
  const args = config.entries.flatMap((e) => (e.kind === 'key' ? [`${e.newKey}=${e.valueText}`] : []));
  const oneLine = `model_config = ${dictName}(${args.join(', ')})`;
  const simple = config.entries.every((e) => e.kind === 'key' && !e.trailing && !/[\r\n]/.test(e.valueText));
  if (simple && indent.length + oneLine.length <= MAX_LINE) {
    statements.push(`${oneLine}${header}`);
  } else {
    const lines = [`model_config = ${dictName}(${header}`];
    for (const entry of config.entries) {
      if (entry.kind === 'comment') lines.push(`${inner}${entry.text}`);
      else lines.push(`${inner}${entry.newKey}=${entry.valueText},${entry.trailing ? `  ${entry.trailing}` : ''}`);
    }
    lines.push(`${indent})`);
    statements.push(lines.join(eol));
  }
  return statements.join(`${eol}${indent}`);
}

function todoOf(key: string): string {
  const deprecated = DEPRECATED_CONFIG_KEYS.get(key);
  return deprecated ? `\`${key}\` ${deprecated}` : `pydantic 2 ignores \`${key}\`: ${REMOVED_CONFIG_KEYS.get(key)}`;
}
