// subprocess-capture-output (UP022, 3.7+): `run(…, stdout=PIPE, stderr=PIPE)` →
// `run(…, capture_output=True)`: the first of the two becomes `capture_output=True`, the
// other goes. Unsafe, as Ruff's: a `**kwargs` may still pass `stdout` (then `run` raises).
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { keywordArgument, removeArgument } from '../../../call-arguments';
import type { TextEdit } from '../../../types';
import { textWithEdits } from '../names';
import { subprocessCalls } from '../subprocess-calls';

export function createSubprocessCaptureOutput(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!context.text.includes('PIPE')) return;
      for (const { call, args } of subprocessCalls(context, ['run'])) {
        const stdout = keywordArgument(args, 'stdout');
        const stderr = keywordArgument(args, 'stderr');
        if (!stdout || !stderr || !isPipe(context, stdout) || !isPipe(context, stderr)) continue;
        const [first, second] = stdout.startIndex < stderr.startIndex ? [stdout, stderr] : [stderr, stdout];
        const removal = removeArgument(args, second);
        const edits: TextEdit[] =
          removal.start === first.endIndex
            ? [{ start: first.startIndex, end: removal.end, newText: 'capture_output=True' }]
            : [{ start: first.startIndex, end: first.endIndex, newText: 'capture_output=True' }, removal];
        const fixes = keywordArgument(args, 'capture_output')
          ? []
          : [{ title: 'Use `capture_output=True` (unsafe: a `**kwargs` passing `stdout` or `stderr` would make `run` raise)', safety: 'unsafe' as const, edits }];
        context.report({ node: call, fixes, suggestion: `\`\`\`python\n${textWithEdits(context.text, call, edits)}\n\`\`\`\n`, peer: 'UP022' });
      }
    },
  };
}

function isPipe(context: CheckContext, argument: Node): boolean {
  const value = argument.childForFieldName('value');
  return !!value && context.facts.resolve(value) === 'subprocess.PIPE';
}
