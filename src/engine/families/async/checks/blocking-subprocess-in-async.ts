// blocking-subprocess-in-async: starting or running a process synchronously in a coroutine
// (`subprocess.run/call/check_call/check_output/getoutput/Popen`, `os.system`, `os.popen`,
// `os.spawn*`, `os.posix_spawn*`). Fixes, best first:
//   asyncio  `subprocess.run([...])` as a statement → `process = await
//            asyncio.create_subprocess_exec(...)` + `await process.wait()`; `call([...])` →
//            `await (await asyncio.create_subprocess_exec(...)).wait()` (same return code);
//            `Popen([...])` → `await asyncio.create_subprocess_exec(...)`; `shell=True` with
//            a string → `create_subprocess_shell`.
//   trio     `run/call/check_call/check_output([...])` → `await trio.run_process(...)`,
//            keeping check, stdin inheritance and the result the original returns.
//   any      the call moved to a worker thread.
// Only "simple" calls get a native fix: one literal list/tuple command (or a string with
// shell=True) and keywords each library passes through unchanged.
import type { Node } from 'web-tree-sitter';
import { reportBlockingCalls, type BlockingHit } from '../blocking';
import { argumentsOf, type AsyncLibrary, type CallSite } from '../call-sites';
import { RULES } from '../call-tables';
import { awaitExpression, canAwaitAt, EditSet, statementIndent, type OfferedFix } from '../off-thread';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

export function createBlockingSubprocessInAsync(context: CheckContext): CheckVisitor {
  return {
    finish() {
      reportBlockingCalls(context, RULES.subprocess, {
        fixes: (hit, library) => nativeFixes(context, hit, library),
        // `os.popen()` returns a pipe read afterwards: a thread would only hide the wait.
        offThread: (hit) => hit.name !== 'os.popen',
        advice: (hit, library) => advice(hit, library),
      });
    },
  };
}

interface Command {
  /** `exec`: the elements of a literal list/tuple; `shell`: one string with shell=True. */
  form: 'exec' | 'shell';
  command: Node;
  elements: Node[];
  /** Keyword arguments other than `shell`, by name. */
  keywords: Map<string, Node>;
}

/** The command of a simple call, or undefined when the call is not one. */
function simpleCommand(site: CallSite, allowed: ReadonlySet<string>): Command | undefined {
  if (site.args.type !== 'argument_list' || site.args.namedChildren.some((c) => c?.type === 'comment')) return undefined;
  const args = argumentsOf(site);
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  if (positional.length !== 1 || args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
  const keywords = new Map<string, Node>();
  let shell = false;
  for (const argument of args) {
    if (argument.type !== 'keyword_argument') continue;
    const name = argument.childForFieldName('name')?.text ?? '';
    const value = argument.childForFieldName('value');
    if (!value) return undefined;
    if (name === 'shell') {
      if (value.type !== 'true') return undefined;
      shell = true;
    } else if (allowed.has(name)) keywords.set(name, argument);
    else return undefined;
  }
  const command = positional[0];
  if (shell) {
    return command.type === 'string' || command.type === 'concatenated_string' ? { form: 'shell', command, elements: [], keywords } : undefined;
  }
  if (command.type !== 'list' && command.type !== 'tuple') return undefined;
  const elements = command.namedChildren.filter((c): c is Node => !!c);
  if (!elements.length || elements.some((e) => e.type === 'comment')) return undefined;
  return { form: 'exec', command, elements, keywords };
}

function nativeFixes(context: CheckContext, hit: BlockingHit, library: AsyncLibrary | undefined): OfferedFix[] {
  const site = hit.site;
  if (!canAwaitAt(site.call) || !context.isSound(site.call)) return [];
  if (library === 'asyncio') {
    const fix = asyncioFix(context, hit);
    return fix ? [fix] : [];
  }
  if (library === 'trio') {
    const fix = trioFix(context, hit);
    return fix ? [fix] : [];
  }
  return [];
}

const ASYNCIO_POPEN_KEYWORDS = new Set(['stdin', 'stdout', 'stderr', 'cwd', 'env']);
const ASYNCIO_RUN_KEYWORDS = new Set(['cwd', 'env']);

function asyncioFix(context: CheckContext, hit: BlockingHit): OfferedFix | undefined {
  const site = hit.site;
  const popen = hit.name === 'subprocess.Popen';
  const waits = hit.name === 'subprocess.run' || hit.name === 'subprocess.call';
  if (!popen && !waits) return undefined;
  const command = simpleCommand(site, popen ? ASYNCIO_POPEN_KEYWORDS : ASYNCIO_RUN_KEYWORDS);
  if (!command) return undefined;
  const edits = new EditSet(context);
  const create = edits.ref(site.call, command.form === 'exec' ? 'asyncio.create_subprocess_exec' : 'asyncio.create_subprocess_shell');
  const args = [...(command.form === 'exec' ? command.elements.map((e) => e.text) : [command.command.text]), ...[...command.keywords.values()].map((k) => k.text)];
  const started = `await ${create}(${args.join(', ')})`;
  const short = `${create.split('.').pop()}()`;
  let text: string;
  let shown: string | undefined;
  let title: string;
  if (popen) {
    text = awaitExpression(site.call, started);
    title = `Start it with \`${short}\` (an asyncio Process: await its wait()/communicate())`;
  } else {
    const statement = site.call.parent;
    const isStatement = statement?.type === 'expression_statement' && statement.namedChildCount === 1;
    const indent = isStatement ? statementIndent(context.text, statement) : undefined;
    const name = indent !== undefined ? freeName(context, site, ['process', 'proc']) : undefined;
    if (indent !== undefined && name) {
      text = `${name} = ${started}\n${indent}await ${name}.wait()`;
      shown = `${name} = ${started}\nawait ${name}.wait()`;
    } else if (hit.name === 'subprocess.call' || isStatement) {
      // The same return code as call(); a run() whose result is discarded.
      text = awaitExpression(site.call, `await (${started}).wait()`);
    } else {
      return undefined; // `run()`'s CompletedProcess is used: no asyncio equivalent
    }
    title = `Run it with \`${short}\` and wait for it`;
  }
  edits.add({ start: site.call.startIndex, end: site.call.endIndex, newText: text });
  return { fix: { title, safety: 'unsafe', edits: edits.edits }, text: shown ?? text };
}

const TRIO_KEYWORDS = new Set(['cwd', 'env', 'check']);

function trioFix(context: CheckContext, hit: BlockingHit): OfferedFix | undefined {
  const site = hit.site;
  const kind = hit.name.replace(/^subprocess\./, '');
  if (!['run', 'call', 'check_call', 'check_output'].includes(kind)) return undefined;
  const command = simpleCommand(site, kind === 'run' ? TRIO_KEYWORDS : new Set(['cwd', 'env']));
  if (!command) return undefined;
  const edits = new EditSet(context);
  const runProcess = edits.ref(site.call, 'trio.run_process');
  // subprocess inherits stdin and, for run/call, does not raise on failure; trio's defaults differ.
  const args = [command.command.text];
  if (command.form === 'shell') args.push('shell=True');
  args.push('stdin=None');
  const check = command.keywords.get('check');
  command.keywords.delete('check');
  if (kind === 'run' || kind === 'call') args.push(check ? check.text : 'check=False');
  if (kind === 'check_output') args.push('capture_stdout=True');
  args.push(...[...command.keywords.values()].map((k) => k.text));
  const awaited = `await ${runProcess}(${args.join(', ')})`;
  const statement = site.call.parent?.type === 'expression_statement' && site.call.parent.namedChildCount === 1;
  let text: string;
  if (kind === 'check_output') text = `(${awaited}).stdout`;
  else if ((kind === 'call' || kind === 'check_call') && !statement) text = `(${awaited}).returncode`;
  else text = awaited;
  text = text.startsWith('(') ? text : awaitExpression(site.call, text);
  edits.add({ start: site.call.startIndex, end: site.call.endIndex, newText: text });
  return { fix: { title: 'Run it with `await trio.run_process()`', safety: 'unsafe', edits: edits.edits }, text };
}

/** A name for the process variable that the function does not use yet (checked on its text). */
function freeName(context: CheckContext, site: CallSite, candidates: string[]): string | undefined {
  const body = context.text.slice(site.scope.node.startIndex, site.scope.node.endIndex);
  return candidates.find((name) => !new RegExp(`\\b${name}\\b`).test(body));
}

function advice(hit: BlockingHit, library: AsyncLibrary | undefined): string {
  const lines: string[] = [];
  if (library === 'anyio') lines.push('anyio runs processes natively: `await anyio.run_process([...], check=False)` returns a `CompletedProcess` (it captures output by default; pass `stdout=None, stderr=None` to inherit).');
  else if (library === 'trio') lines.push('trio runs processes natively: `await trio.run_process([...])` (it raises on failure unless `check=False`).');
  else lines.push('asyncio runs processes natively: `await asyncio.create_subprocess_exec(...)` returns a Process whose `wait()` and `communicate()` are awaitable.');
  if (hit.name === 'subprocess.Popen') lines.push('A thread only moves the start: `wait()`/`communicate()` on the result still block.');
  return lines.join('\n\n');
}
