// How an `except` handler ends, for cancellation-swallowed: which handlers catch the
// cancellation exception, and whether every path through one re-raises. The walk follows
// flake8-async's ASYNC103/ASYNC104 model on tree-sitter nodes, a little more lenient where
// that model would report code that provably re-raises (a `try` whose body and handlers
// all raise).
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { statementsOf } from './checkpoints';

const CANCELLED = new Set(['asyncio.CancelledError', 'asyncio.exceptions.CancelledError', 'trio.Cancelled']);
const CANCELLED_CLASS_GETTERS = new Set(['anyio.get_cancelled_exc_class']);
/** Calls that end the process: a handler ending in one does not swallow anything. */
const PROCESS_EXITS = new Set(['sys.exit', 'os._exit', 'os.abort', 'builtins.exit', 'builtins.quit']);

export interface CaughtCancellation {
  /** The node to report: the caught type, or the `except` keyword of a bare `except:`. */
  at: Node;
  /** How the handler reads in a message: `except:`, `except BaseException`, … */
  label: string;
  /** The `as` name the handler binds, if any. */
  bound: string | undefined;
  block: Node;
}

/** The handler's caught cancellation, or undefined when it cannot catch one. */
export function caughtCancellation(facts: SemanticFacts, clause: Node): CaughtCancellation | undefined {
  if (clause.children.some((c) => c?.type === '*')) return undefined; // except* handles groups
  const block = clause.namedChildren.find((c) => c?.type === 'block');
  if (!block) return undefined;
  const value = clause.childForFieldName('value');
  if (!value) return { at: clause.firstChild!, label: 'except', bound: undefined, block };
  let caught: Node | null = value;
  let bound: string | undefined;
  if (value.type === 'as_pattern') {
    caught = value.namedChildren[0];
    bound = value.childForFieldName('alias')?.text;
  }
  if (!caught || !catchesCancellation(facts, caught)) return undefined;
  return { at: caught, label: `except ${caught.text.replace(/\s+/g, ' ')}`, bound, block };
}

function catchesCancellation(facts: SemanticFacts, type: Node): boolean {
  while (type.type === 'parenthesized_expression' && type.namedChildren[0]) type = type.namedChildren[0];
  if (type.type === 'tuple') return type.namedChildren.some((element) => !!element && catchesCancellation(facts, element));
  if (type.type === 'identifier' && type.text === 'BaseException') return !shadowed(facts, 'BaseException');
  if (type.type === 'call') {
    const callee = type.childForFieldName('function');
    const qualified = callee ? facts.resolve(callee) : undefined;
    return qualified !== undefined && CANCELLED_CLASS_GETTERS.has(qualified);
  }
  const qualified = facts.resolve(type);
  return qualified !== undefined && (CANCELLED.has(qualified) || qualified === 'builtins.BaseException');
}

/** A module-level rebinding of a builtin name (`BaseException = ...`) makes it unknown. */
function shadowed(facts: SemanticFacts, name: string): boolean {
  const module = facts.moduleScope;
  return facts.ownBindings(module).bindings.has(name) || module.imports.has(name);
}

export interface HandlerWalk {
  /** True when some path reaches the end of the handler without raising. */
  fallsThrough: boolean;
  /** `return` / `break` / `continue` statements that leave the handler without raising. */
  escapes: Node[];
}

/** How the handler's block ends (see `HandlerWalk`). */
export function walkHandler(facts: SemanticFacts, caught: CaughtCancellation): HandlerWalk {
  const escapes: Node[] = [];
  const ends = endsBlock({ facts, bound: caught.bound, escapes }, caught.block, 0);
  return { fallsThrough: !ends, escapes };
}

/** Calls that only look at an exception: passing it to them does not hand it on. */
const INSPECTORS = /(?:^|\.)(?:debug|info|warning|warn|error|exception|critical|fatal|log|print|print_exc|isinstance|issubclass|type|str|repr|format|id)$/;

/**
 * The handler hands the exception it bound to other code — `future.set_exception(exc)`,
 * `errors.append(exc)`, `first_error = exc`, `return exc` — which may raise it elsewhere
 * (a task runner, a group collecting errors): not a swallow this walk can prove. Logging
 * it, printing it, testing it or its type does not count.
 */
export function handsOn(caught: CaughtCancellation): boolean {
  const name = caught.bound;
  if (!name) return false;
  for (const identifier of caught.block.descendantsOfType('identifier')) {
    if (identifier?.text !== name) continue;
    const parent = identifier.parent;
    switch (parent?.type) {
      case 'argument_list': {
        const callee = parent.parent?.childForFieldName('function');
        if (!callee || !INSPECTORS.test(callee.text)) return true;
        break;
      }
      case 'keyword_argument':
        if (parent.childForFieldName('name')?.text !== 'exc_info' && parent.childForFieldName('value')?.equals(identifier)) return true;
        break;
      case 'assignment':
      case 'augmented_assignment':
        if (parent.childForFieldName('right')?.equals(identifier)) return true;
        break;
      case 'return_statement':
      case 'yield':
      case 'list':
      case 'tuple':
      case 'set':
      case 'pair':
      case 'expression_list':
        return true;
    }
  }
  return false;
}

interface Walk {
  facts: SemanticFacts;
  bound: string | undefined;
  escapes: Node[];
}

/**
 * True when no path through the block completes normally: each raises, exits the process,
 * or jumps (a jump out of the handler is recorded in `escapes`; one inside a loop of the
 * handler only ends that iteration path). `loops` counts the loops of the handler around.
 */
function endsBlock(walk: Walk, block: Node | null | undefined, loops: number): boolean {
  for (const statement of statementsOf(block)) {
    if (endsStatement(walk, statement, loops)) return true;
  }
  return false;
}

function endsStatement(walk: Walk, statement: Node, loops: number): boolean {
  const { facts, escapes } = walk;
  switch (statement.type) {
    case 'raise_statement':
      return true;
    case 'return_statement':
      escapes.push(statement);
      return true;
    case 'break_statement':
    case 'continue_statement':
      if (loops === 0) escapes.push(statement);
      return true;
    case 'expression_statement':
      return exitsProcess(facts, statement.namedChildren[0]);
    case 'if_statement': {
      if (decidesOnCancellation(walk, statement)) return true;
      let all = endsBlock(walk, statement.childForFieldName('consequence'), loops);
      let hasElse = false;
      for (const branch of statement.namedChildren) {
        if (branch?.type === 'elif_clause') all = endsBlock(walk, branch.childForFieldName('consequence'), loops) && all;
        else if (branch?.type === 'else_clause') {
          hasElse = true;
          all = endsBlock(walk, branch.childForFieldName('body'), loops) && all;
        }
      }
      return all && hasElse;
    }
    case 'with_statement':
      return endsBlock(walk, statement.childForFieldName('body'), loops);
    case 'try_statement': {
      const body = endsBlock(walk, statement.childForFieldName('body'), loops);
      let handlers = true;
      let orElse = false;
      let final = false;
      for (const part of statement.namedChildren) {
        if (part?.type === 'except_clause' || part?.type === 'except_group_clause') {
          handlers = endsBlock(walk, part.namedChildren.find((c) => c?.type === 'block'), loops) && handlers;
        } else if (part?.type === 'else_clause') orElse = endsBlock(walk, part.childForFieldName('body'), loops);
        else if (part?.type === 'finally_clause') final = endsBlock(walk, part.namedChildren.find((c) => c?.type === 'block'), loops);
      }
      return final || ((body || orElse) && handlers);
    }
    case 'for_statement':
    case 'while_statement': {
      // A loop may run zero times or break: what it raises is never guaranteed.
      endsBlock(walk, statement.childForFieldName('body'), loops + 1);
      const orElse = statement.namedChildren.find((c) => c?.type === 'else_clause');
      if (orElse) endsBlock(walk, orElse.childForFieldName('body'), loops);
      return false;
    }
    case 'match_statement': {
      for (const block of statement.childForFieldName('body')?.namedChildren ?? []) {
        if (block?.type === 'case_clause') endsBlock(walk, block.childForFieldName('consequence'), loops);
      }
      return false;
    }
    default:
      return false;
  }
}

/**
 * An `if` that asks whether this is the cancellation to let through: a condition about
 * cancelling (`task.cancelling()`, `scope.cancel_called`, `cancel_scope.__exit__(...)`),
 * or a type test of the bound exception (`not isinstance(exc, Exception)`) with a branch
 * that raises. The walk trusts it to re-raise the cancellation.
 */
function decidesOnCancellation(walk: Walk, statement: Node): boolean {
  const condition = statement.childForFieldName('condition')?.text ?? '';
  if (/cancel/i.test(condition)) return true;
  if (!walk.bound || !new RegExp(`\\bisinstance\\(\\s*${walk.bound}\\b`).test(condition)) return false;
  return statementsOf(statement.childForFieldName('consequence')).some((s) => s.type === 'raise_statement');
}

function exitsProcess(facts: SemanticFacts, expression: Node | null | undefined): boolean {
  if (expression?.type !== 'call') return false;
  const callee = expression.childForFieldName('function');
  if (!callee) return false;
  if (callee.type === 'identifier' && (callee.text === 'exit' || callee.text === 'quit')) return facts.resolve(callee) === `builtins.${callee.text}`;
  const qualified = facts.resolve(callee);
  return qualified !== undefined && PROCESS_EXITS.has(qualified);
}

/** `return` / `break` / `continue` of a `finally` block that end it, discarding what it was raising. */
export function finallyJumps(block: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node, loops: number): void => {
    for (const child of node.namedChildren) {
      if (!child) continue;
      switch (child.type) {
        case 'function_definition':
        case 'lambda':
        case 'class_definition':
        case 'decorated_definition':
          continue;
        case 'return_statement':
          found.push(child);
          continue;
        case 'break_statement':
        case 'continue_statement':
          if (loops === 0) found.push(child);
          continue;
        case 'for_statement':
        case 'while_statement':
          for (const part of child.namedChildren) if (part) visit(part, part.type === 'else_clause' ? loops : loops + 1);
          continue;
        default:
          visit(child, loops);
      }
    }
  };
  visit(block, 0);
  return found;
}
