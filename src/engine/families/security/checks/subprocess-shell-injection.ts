// subprocess-shell-injection: a shell command built at runtime — `subprocess.run(cmd,
// shell=True)` and the other subprocess functions, `trio.run_process(..., shell=True)`,
// `os.system()`, `os.popen()`, `subprocess.getoutput()`, `asyncio.create_subprocess_shell()`,
// `anyio.run_process("…")`. A literal command is what the author wrote and stays silent
// (Ruff's low-severity S602/S605 case); so does an argument list without a shell.
// Fix (unsafe): a command built with an f-string, `%s`, `{}` or `+` whose literal parts hold
// no shell syntax becomes the argument list it stands for, run without a shell;
// `os.system(...)` as a statement becomes `subprocess.run([...], check=False)`.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { removeArgument } from '../../../call-arguments';
import { calleeFilter } from '../callee-filter';
import type { Fix, TextEdit } from '../../../types';
import { callArguments, keywordValue, oneLine, pythonBlock, referenceTo, type CallArguments } from '../proc-call-args';
import { argumentListOf, SHELL_SINK_NAMES, SHELL_SINKS, type ShellSink } from '../shell-command';
import { textOrigin, type TextOrigin } from '../proc-text-origin';

const HOW: Record<Exclude<TextOrigin, 'static'>, string> = {
  'f-string': 'built with an f-string',
  percent: 'built with `%` formatting',
  format: 'built with `.format()`',
  concatenation: 'built by `+` concatenation',
  dynamic: 'that is not a literal',
};

export function createSubprocessShellInjection(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  let mayRun: boolean | undefined;
  let maySink: ((callee: Node) => boolean) | undefined;
  return {
    match({ call }) {
      if (!call || !(mayRun ??= facts.mayResolveTo(SHELL_SINK_NAMES))) return;
      const callee = call.childForFieldName('function');
      if (!callee || !(maySink ??= calleeFilter(facts, SHELL_SINK_NAMES))(callee)) return;
      const qualified = facts.resolve(callee);
      const sink = qualified ? SHELL_SINKS.get(qualified) : undefined;
      if (!sink || !context.isSound(call)) return;
      const args = callArguments(call);
      const command = args.positional[0] ?? keywordValue(args, 'args') ?? keywordValue(args, 'command') ?? keywordValue(args, 'cmd');
      if (!command || !runsShell(sink, args)) return;
      // With shell=True a list runs its first item as the command; the rest are the shell's $0, $1…
      const shown = command.type === 'list' || command.type === 'tuple' ? command.namedChildren[0] : command;
      if (!shown) return;
      const origin = originOf(context, shown, sink);
      if (origin === 'static') return;
      const name = oneLine(callee.text);
      const words = origin !== 'dynamic' && shown.equals(command) ? argumentListOf(shown) : undefined;
      const fix = words ? listFix(context, call, args, command, sink, words) : undefined;
      context.report({
        node: shown,
        data: { callee: name, how: describe(context, shown, origin) },
        fixes: fix ? [fix.fix] : [],
        suggestion: fix
          ? `Run the program with an argument list, without a shell:\n\n${pythonBlock(fix.shown)}`
          : words ? sketch(name, qualified!, sink, words) : guidance(name, sink),
        peer: sink.peer,
      });
    },
  };
}

/** How the message names the command: its build, or the build behind a name assigned once. */
function describe(context: CheckContext, command: Node, origin: TextOrigin): string {
  if (origin !== 'dynamic' && origin !== 'static') return HOW[origin];
  const local = command.type === 'identifier' ? context.facts.localBinding(command) : undefined;
  const assigned = local && !local.opaque && !local.parameter && local.values.length === 1 ? textOrigin(context.facts, local.values[0]) : 'dynamic';
  if (assigned !== 'dynamic' && assigned !== 'static') return `${HOW[assigned]} (as \`${command.text}\`)`;
  return `\`${oneLine(command.text, 40)}\` ${HOW.dynamic}`;
}

function runsShell(sink: ShellSink, args: CallArguments): boolean {
  if (sink.shell !== 'keyword') return true;
  const shell = keywordValue(args, 'shell');
  return shell?.type === 'true' || (shell?.type === 'integer' && Number(shell.text) !== 0);
}

function originOf(context: CheckContext, command: Node, sink: ShellSink): TextOrigin {
  // `cmd = ["ls", path]; run(cmd, shell=True)`: only the list's first item is shell text.
  const local = command.type === 'identifier' ? context.facts.localBinding(command) : undefined;
  const single = local && !local.opaque && !local.parameter && local.values.length === 1 ? local.values[0] : undefined;
  if (single && (single.type === 'list' || single.type === 'tuple')) {
    const first = single.namedChildren[0];
    return first ? originOf(context, first, sink) : 'static';
  }
  const origin = textOrigin(context.facts, command);
  // anyio only uses a shell for a str; a name may hold a list.
  return sink.shell === 'string' && origin === 'dynamic' ? 'static' : origin;
}

function listFix(
  context: CheckContext,
  call: Node,
  args: CallArguments,
  command: Node,
  sink: ShellSink,
  words: string[],
): { fix: Fix; shown: string } | undefined {
  if (args.comment || args.splat || !args.positional[0]?.equals(command)) return undefined;
  const list = `[${words.join(', ')}]`;
  if (sink.listForm === 'same-call') {
    // `executable=` names the shell when shell=True: without one it would name the program.
    const shell = args.keywords.get('shell');
    if (!shell || args.keywords.has('executable')) return undefined;
    const edits: TextEdit[] = [removeArgument(shell.parent!, shell), { start: command.startIndex, end: command.endIndex, newText: list }];
    const shown = replaceIn(call, edits);
    return { fix: { title: `Pass the argument list without a shell: \`${oneLine(shown)}\``, safety: 'unsafe', edits }, shown };
  }
  if (sink.listForm === 'subprocess-run') {
    // os.system() returns a wait status; only a discarded result keeps its meaning.
    const statement = call.parent;
    if (statement?.type !== 'expression_statement' || statement.namedChildCount !== 1 || args.positional.length !== 1 || args.keywords.size) return undefined;
    const run = referenceTo(context, call, 'subprocess.run');
    const shown = `${run.name}(${list}, check=False)`;
    const edits: TextEdit[] = [...run.edits, { start: call.startIndex, end: call.endIndex, newText: shown }];
    return { fix: { title: `Run it without a shell: \`${oneLine(shown)}\``, safety: 'unsafe', edits }, shown };
  }
  return undefined;
}

/** The call's text with edits inside it applied. */
function replaceIn(call: Node, edits: TextEdit[]): string {
  let text = call.text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, edit.start - call.startIndex) + edit.newText + text.slice(edit.end - call.startIndex);
  }
  return text;
}

/** The list form of a command the fix does not rewrite (a kept result, another API). */
function sketch(callee: string, qualified: string, sink: ShellSink, words: string[]): string {
  const list = `[${words.join(', ')}]`;
  let form: string;
  if (sink.shell !== 'always') form = `${callee}(${list})`;
  else if (qualified === 'os.system') form = `subprocess.run(${list}, check=False).returncode`;
  else if (qualified === 'asyncio.create_subprocess_shell') form = `${callee.replace(/_shell$/, '_exec')}(${words.join(', ')})`;
  else form = `subprocess.run(${list}, capture_output=True, text=True)${/getstatusoutput|popen[234]|Popen/.test(qualified) ? '' : '.stdout'}`;
  return `Run the program with an argument list, without a shell:\n\n${pythonBlock(form)}`;
}

function guidance(callee: string, sink: ShellSink): string {
  const form = sink.shell !== 'always' ? `${callee}(["program", arg1, arg2])` : `subprocess.run(["program", arg1, arg2], check=False)`;
  const drop = sink.shell === 'keyword' ? ' and drop `shell=True`' : '';
  return `Pass the program and each argument as one item of a list${drop}: \`${form}\`. Where a shell feature is really needed, quote every value with \`shlex.quote()\`.`;
}
