// subprocess-universal-newlines (UP021, 3.7+): `universal_newlines=` → `text=`. The finding
// spans the keyword's name, as Ruff's does.
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { keywordArgument, removeArgument } from '../../../call-arguments';
import { editedLines, safeFix } from '../names';
import { subprocessCalls } from '../subprocess-calls';

const POPEN_FAMILY = ['run', 'Popen', 'call', 'check_call', 'check_output'];

export function createSubprocessUniversalNewlines(context: CheckContext): CheckVisitor {
  return {
    finish() {
      if (!context.text.includes('universal_newlines')) return;
      for (const { args } of subprocessCalls(context, POPEN_FAMILY)) {
        const argument = keywordArgument(args, 'universal_newlines');
        const name = argument?.childForFieldName('name');
        if (!argument || !name) continue;
        const rename = { start: name.startIndex, end: name.endIndex, newText: 'text' };
        const fix = keywordArgument(args, 'text')
          ? safeFix('Remove `universal_newlines=` (the call passes `text=`)', [removeArgument(args, argument)])
          : safeFix('Rename to `text=`', [rename]);
        context.report({ node: name, fixes: [fix], suggestion: editedLines(context.text, rename), peer: 'UP021' });
      }
    },
  };
}
