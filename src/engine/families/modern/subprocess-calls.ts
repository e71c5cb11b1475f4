// Calls into `subprocess` (subprocess-universal-newlines, subprocess-capture-output): found
// by the function's spelling, resolved through imports (`from subprocess import run as r`).
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../checks/context';
import { callsSpelled } from '../../call-search';

export interface SubprocessCall {
  call: Node;
  args: Node;
  /** `subprocess.run`, `subprocess.Popen`… */
  name: string;
}

export function subprocessCalls(context: CheckContext, functions: readonly string[]): SubprocessCall[] {
  if (!context.facts.importsModule('subprocess')) return [];
  const wanted = new Set(functions.map((f) => `subprocess.${f}`));
  const locals = context.facts.imports.filter((b) => wanted.has(b.qualified)).map((b) => b.local);
  const found: SubprocessCall[] = [];
  for (const { call, callee, args } of callsSpelled(context.facts, context.text, [...new Set([...functions, ...locals])])) {
    const name = context.facts.resolve(callee);
    if (!name || !wanted.has(name) || args.type !== 'argument_list' || !context.isSound(call)) continue;
    found.push({ call, args, name });
  }
  return found;
}
