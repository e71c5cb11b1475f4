// debug-enabled-in-production: `app.run(debug=True)` on a provable Flask app, and a module-level
// `DEBUG = True` in a Django settings module (one that defines INSTALLED_APPS or ROOT_URLCONF).
// Flask's debugger runs Python typed into the browser error page; Django's debug pages show
// settings, SQL and source to whoever triggers an error. Both fixes (unsafe) read the switch
// from the environment instead, so it is off unless a developer turns it on.
import type { Node } from 'web-tree-sitter';
import { removeArgument } from '../../../call-arguments';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { TextEdit } from '../../../types';
import { keywordArgument, madeBy, moduleAssignments } from '../files';

const FLASK_MAKERS = new Set(['flask.Flask']);
/** Names only a Django settings module defines (a dev overlay that imports them does not). */
const DJANGO_SETTINGS_MARKERS = ['INSTALLED_APPS', 'ROOT_URLCONF'];

export function createDebugEnabledInProduction(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  return {
    match(captures) {
      const { call, callee, args } = captures;
      if (!call || !callee || !args || callee.childForFieldName('attribute')?.text !== 'run') return;
      const debug = keywordArgument(args, 'debug');
      if (debug?.childForFieldName('value')?.type !== 'true') return;
      const receiver = callee.childForFieldName('object');
      if (!receiver || !madeBy(facts, receiver, FLASK_MAKERS) || !context.isSound(call)) return;
      const edit = removeArgument(args, debug);
      // `run()` reads FLASK_DEBUG only while it loads the environment (`load_dotenv`, default True).
      const readsEnvironment = !keywordArgument(args, 'load_dotenv');
      context.report({
        node: debug,
        data: { what: `\`${receiver.text}.run(debug=True)\``, consequence: "starts Flask's debugger, which runs any Python typed into its error page" },
        fixes: readsEnvironment ? [{ title: 'Drop `debug=True` (Flask then reads `FLASK_DEBUG`)', safety: 'unsafe', edits: [edit] }] : [],
        suggestion: '```python\n' + applied(call, edit) + '\n```\n\nRun `FLASK_DEBUG=1 python app.py` (or `flask run --debug`) on your own machine.',
        peer: 'S201',
      });
    },
    finish() {
      const root = context.tree.rootNode;
      if (!DJANGO_SETTINGS_MARKERS.some((name) => moduleAssignments(root, name).length)) return;
      for (const assignment of moduleAssignments(root, 'DEBUG')) {
        const value = assignment.childForFieldName('right');
        if (value?.type !== 'true' || assignment.childForFieldName('type') || !context.isSound(assignment)) continue;
        const os = context.moduleReference('os');
        const newText = `${os.name}.environ.get("DJANGO_DEBUG") == "1"`;
        const edits: TextEdit[] = [{ start: value.startIndex, end: value.endIndex, newText }];
        if (os.edit) edits.push(os.edit);
        context.report({
          node: assignment,
          data: { what: '`DEBUG = True` in Django settings', consequence: 'shows settings, SQL and source code to anyone who triggers an error' },
          fixes: [{ title: 'Read `DEBUG` from `DJANGO_DEBUG`', safety: 'unsafe', edits }],
          suggestion: '```python\nDEBUG = ' + newText + '\n```',
          peer: null,
        });
      }
    },
  };
}

function applied(call: Node, edit: TextEdit): string {
  const text = call.text;
  return text.slice(0, edit.start - call.startIndex) + edit.newText + text.slice(edit.end - call.startIndex);
}
