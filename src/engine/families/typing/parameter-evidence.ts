// What else a parameter with a literal default may hold, beyond the default's own type:
// `timeout=10` is not simply an `int` when the same file calls `fetch(url, timeout=None)`,
// when the body tests `if timeout is None`, or when the docstring calls it optional or
// mentions None for it. The evidence decides whether `timeout: int = 10` may be a safe fix
// (no evidence), must be widened to `int | None` and unsafe (None), or cannot be written
// (another type is passed).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { nameIsFree } from './annotations';
import { escapeRegExp } from '../../name-occurrences';
import type { FunctionInfo, ParameterInfo } from './functions';

export interface DefaultEvidence {
  /** Something says the parameter may be None. */
  none: boolean;
  /** A call passes a value of another (or unknown) type: no annotation can be inferred. */
  other: boolean;
}

/**
 * `fits` says whether a call-site argument has the default's type: true, false (another
 * type), undefined (unknown). It comes from inference.ts, which calls this module.
 */
export function defaultEvidence(parameter: ParameterInfo, info: FunctionInfo, facts: SemanticFacts, fits: (argument: Node) => boolean | undefined): DefaultEvidence {
  const evidence: DefaultEvidence = { none: false, other: false };
  const name = parameter.name.text;
  if (testsForNone(info, name) || docstringAllowsNone(info, name)) evidence.none = true;
  for (const argument of callSiteArguments(parameter, info, facts)) {
    if (argument.type === 'none') evidence.none = true;
    // A variable of unknown type (or the parameter forwarded to itself) says nothing.
    else if (fits(argument) === false) evidence.other = true;
  }
  return evidence;
}

/** `name is None`, `name is not None`, `name == None` anywhere in the def's body. */
function testsForNone(info: FunctionInfo, name: string): boolean {
  const body = info.node.childForFieldName('body');
  if (!body) return false;
  const pattern = new RegExp(`(?<![\\w.])${escapeRegExp(name)}\\s*(?:is(?:\\s+not)?|[!=]=)\\s*None\\b`);
  return body.descendantsOfType('comparison_operator').some((c) => !!c && pattern.test(c.text));
}

/**
 * The def's docstring describes the parameter as optional or mentions None for it. Its entry
 * is the line that names it (`timeout (int, optional): …`, `timeout : int, optional`,
 * `:param timeout: …`, `:type timeout: int or None`) and the more indented lines after it.
 */
export function docstringAllowsNone(info: FunctionInfo, name: string): boolean {
  const docstring = docstringOf(info.node);
  if (!docstring) return false;
  const lines = docstring.split(/\r?\n/);
  const word = escapeRegExp(name);
  const entry = new RegExp(`^\\s*(?:[:@](?:param|type|arg|argument|keyword|kwarg)\\s+(?:[^:]*\\s)?${word}\\s*:|\\**${word}\\**\\s*(?:\\(|:|--|-\\s))`);
  for (let index = 0; index < lines.length; index++) {
    if (!entry.test(lines[index])) continue;
    const indent = /^\s*/.exec(lines[index])![0].length;
    let text = lines[index];
    for (let next = index + 1; next < lines.length; next++) {
      const line = lines[next];
      if (!line.trim()) break;
      if (/^\s*/.exec(line)![0].length <= indent) break;
      text += `\n${line}`;
    }
    if (/\bNone\b|\boptional\b|\bOptional\[/i.test(text)) return true;
  }
  return false;
}

function docstringOf(definition: Node): string | undefined {
  const body = definition.childForFieldName('body');
  const first = body?.namedChildren.find((c) => !!c && c.type !== 'comment');
  const string = first?.type === 'expression_statement' && first.namedChildCount === 1 ? first.firstNamedChild : undefined;
  if (string?.type !== 'string') return undefined;
  return string.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join('');
}

/**
 * The values this file passes for the parameter: calls `name(...)` of a module-level def
 * (not shadowed where called: a local of that name is another function), and for a method
 * `self.name(...)` / `cls.name(...)` inside its class, `Class.name(...)` and `obj.name(...)`
 * when no other def of the file has that name. Calls with `*args` / `**kwargs` before the
 * position say nothing and are skipped.
 */
function callSiteArguments(parameter: ParameterInfo, info: FunctionInfo, facts: SemanticFacts): Node[] {
  const functionName = info.name.text;
  const position = positionOf(parameter, info);
  const values: Node[] = [];
  const text = facts.text;
  const root = facts.tree.rootNode;
  const pattern = new RegExp(`(?<![\\w\\u0080-\\uffff])${escapeRegExp(functionName)}\\s*\\(`, 'g');
  const classNode = info.placement === 'class' ? info.owner.node : undefined;
  const className = classNode?.childForFieldName('name')?.text;
  let defs: number | undefined;
  for (const match of text.matchAll(pattern)) {
    const offset = match.index!;
    const identifier = root.descendantForIndex(offset, offset + functionName.length);
    if (identifier?.type !== 'identifier' || identifier.startIndex !== offset) continue;
    let callee: Node = identifier;
    let bound = true;
    if (identifier.parent?.type === 'attribute' && identifier.parent.childForFieldName('attribute')?.equals(identifier)) {
      if (info.placement !== 'class') continue;
      callee = identifier.parent;
      const receiver = callee.childForFieldName('object');
      const receiverName = receiver?.type === 'identifier' ? receiver.text : undefined;
      const insideClass = !!classNode && offset >= classNode.startIndex && offset < classNode.endIndex;
      if ((receiverName === 'self' || receiverName === 'cls') && insideClass) {
        // `self.m(...)` in the class: bound.
      } else if (receiverName === className) {
        bound = info.isStatic || info.isClassMethod;
      } else {
        defs ??= root.descendantsOfType('function_definition').filter((d) => d?.childForFieldName('name')?.text === functionName).length;
        if (defs !== 1) continue;
      }
    } else {
      // Only the def binds the name where the call sees it (no local of that name, no rebinding).
      if (info.placement !== 'module' || !nameIsFree(functionName, identifier, facts, info.name)) continue;
    }
    const call = callee.parent;
    if (call?.type !== 'call' || !call.childForFieldName('function')?.equals(callee)) continue;
    const value = argumentFor(call, parameter.name.text, position === undefined ? undefined : position + (bound ? 0 : 1));
    if (value) values.push(value);
  }
  return values;
}

/** The parameter's index among positional arguments (self/cls excluded); undefined when keyword-only. */
function positionOf(parameter: ParameterInfo, info: FunctionInfo): number | undefined {
  let index = 0;
  for (const child of info.parameters.namedChildren) {
    if (!child || (info.implicitFirst && child.equals(info.implicitFirst))) continue;
    if (child.type === 'keyword_separator' || child.type === 'list_splat_pattern' || (child.type === 'typed_parameter' && child.text.startsWith('*'))) return undefined;
    if (child.type === 'positional_separator') continue;
    if (child.equals(parameter.node)) return index;
    index++;
  }
  return undefined;
}

function argumentFor(call: Node, name: string, position: number | undefined): Node | undefined {
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return undefined;
  let index = 0;
  for (const argument of args.namedChildren) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'keyword_argument') {
      if (argument.childForFieldName('name')?.text === name) return argument.childForFieldName('value') ?? undefined;
      continue;
    }
    if (argument.type === 'dictionary_splat') continue;
    // After `*args`, positions are unknown; a keyword may still name the parameter.
    if (argument.type === 'list_splat') position = undefined;
    if (index === position) return argument;
    index++;
  }
  return undefined;
}
