// llm-client-per-call: an LLM SDK client (`OpenAI()`, `AsyncAnthropic()`…) built in the body of
// a web route or of a `for`/`while` loop, so each request or pass opens a fresh connection
// pool. Silent when the constructor reads a name of its own function (a per-user key, the
// loop's provider: a deliberate client per value), and for clients kept in a container or an
// attribute (a pool being built). Module level, `__init__`, factories, `lru_cache`d and
// dependency functions are neither routes nor loops. No fix: where the one client should live
// (module, lifespan, cached dependency) and when it may read its settings is a design choice.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import type { SemanticFacts } from '../../../facts';
import { argumentNodes } from '../../../call-arguments';
import { oneLine, pythonBlock } from '../../../template';
import { routesOf } from '../../../web-routes';
import { constructedClient, mayUseLlmClients } from '../clients';

const LOOPS = new Set(['for_statement', 'while_statement']);
const SCOPE_NODES = new Set(['function_definition', 'lambda', 'class_definition']);

export function createLlmClientPerCall(context: CheckContext): CheckVisitor {
  const facts = context.facts;
  const relevant = mayUseLlmClients(facts);
  return {
    match({ call, callee }) {
      if (!relevant || !context.isSound(call)) return;
      const client = constructedClient(facts, call);
      if (!client || keptInContainer(call) || readsLocalNames(facts, call)) return;
      const where = placeOf(facts, call);
      if (!where) return;
      const className = oneLine(callee.text, 40);
      context.report({
        node: call,
        data: { callee: className, where: where.text },
        suggestion: suggestion(call, className, where.route),
      });
    },
  };
}

interface Place {
  text: string;
  /** The route's def, when the client is built per request. */
  route?: Node;
}

/** The loop body or route the call runs in, within its own def. */
function placeOf(facts: SemanticFacts, call: Node): Place | undefined {
  for (let child: Node = call, node = call.parent; node; child = node, node = node.parent) {
    if (LOOPS.has(node.type) && node.childForFieldName('body')?.equals(child)) return { text: 'on every pass of the loop' };
    if (node.type === 'function_definition') {
      const routes = routesOf(node, facts);
      const name = node.childForFieldName('name')?.text ?? '';
      return routes.length ? { text: `on every request to \`${name}\``, route: node } : undefined;
    }
    if (SCOPE_NODES.has(node.type)) return undefined;
  }
  return undefined;
}

/** `clients[key] = OpenAI()`, `self.client = OpenAI()`, `pool.append(OpenAI())`, `return OpenAI()`: kept beyond the pass. */
function keptInContainer(call: Node): boolean {
  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.equals(call)) {
    const left = parent.childForFieldName('left');
    return left?.type === 'subscript' || left?.type === 'attribute';
  }
  if (parent?.type === 'argument_list') {
    const callee = parent.parent?.childForFieldName('function');
    return callee?.type === 'attribute' && POOL_METHODS.has(callee.childForFieldName('attribute')?.text ?? '');
  }
  return parent?.type === 'pair' || parent?.type === 'list' || parent?.type === 'return_statement' || parent?.type === 'yield';
}

/** Methods that keep their argument in a container. */
const POOL_METHODS = new Set(['append', 'add', 'insert', 'put', 'put_nowait', 'setdefault', 'extend']);

/** True when an argument reads a name bound in the call's own function (a parameter, a local). */
function readsLocalNames(facts: SemanticFacts, call: Node): boolean {
  const args = call.childForFieldName('arguments');
  if (!args) return false;
  const scope = facts.scopeOf(call);
  if (scope.kind === 'module') return false;
  const own = facts.ownBindings(scope);
  // Arguments nested deeper than any real constructor call count as reading locals (silent).
  const reads = (node: Node, depth = 0): boolean => {
    if (depth > 40) return true;
    if (node.type === 'identifier') return (own.bindings.has(node.text) || own.parameters.has(node.text)) && !isSettings(facts, node);
    if (node.type === 'keyword_argument') {
      const value = node.childForFieldName('value');
      return !!value && reads(value, depth + 1);
    }
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      return !!object && reads(object, depth + 1);
    }
    return node.namedChildren.some((c) => !!c && reads(c, depth + 1));
  };
  return argumentNodes(args).some(reads);
}

/** Process-wide configuration by its name: `settings: Settings = Depends(get_settings)`, `config = get_config()`. */
const SETTINGS_NAME = /settings|config/i;

/** True when a local name holds the app's settings, which are the same on every request. */
function isSettings(facts: SemanticFacts, identifier: Node): boolean {
  const binding = facts.localBinding(identifier);
  if (!binding || binding.opaque) return false;
  if (binding.parameter) {
    const declaration = binding.parameter.parent;
    const typed = declaration && /^(?:typed_parameter|typed_default_parameter|default_parameter)$/.test(declaration.type) ? declaration : undefined;
    return !binding.values.length && !!typed && SETTINGS_NAME.test(typed.text.slice(identifier.text.length));
  }
  return binding.values.length > 0 && binding.values.every((value) => value.type === 'call' && SETTINGS_NAME.test(value.childForFieldName('function')?.text ?? ''));
}

function suggestion(call: Node, className: string, route: Node | undefined): string {
  const args = call.childForFieldName('arguments');
  const made = `client = ${className}${args ? oneLine(args.text, 80) : '()'}`;
  const lines = [
    'Each client holds its own connection pool: built per call, every request pays for a new connection and TLS handshake, and the pools pile up until garbage collection. Build it once and reuse it (the clients are safe to share between threads and tasks):',
    pythonBlock(`${made}  # ${route ? 'module level, once per process' : 'once, before the loop'}`),
  ];
  if (route) {
    lines.push(
      'Or, to read settings at startup rather than at import, a cached factory or dependency:',
      pythonBlock(`@functools.lru_cache\ndef get_client() -> ${className}:\n    return ${className}${args ? oneLine(args.text, 60) : '()'}`),
    );
  }
  return lines.join('\n');
}
