// The shapes of scopes and bindings that SemanticFacts (facts.ts) builds, in a file of their
// own so that the incremental analysis's kept facts (incremental/module-facts.ts) can name
// them without importing the facts themselves.
import type { Node } from 'web-tree-sitter';

export interface ImportBinding {
  /** The name the import binds in its scope (`t` for `import time as t`). */
  local: string;
  /** What the name stands for: `time`, `time.sleep`, `os` for `import os.path`. */
  qualified: string;
  /** True when the binding is a module (`import x`), false for `from x import y`. */
  isModule: boolean;
  /** The import statement. */
  node: Node;
  scope: Scope;
}

export type ScopeKind = 'module' | 'function' | 'lambda' | 'class';

export interface Scope {
  kind: ScopeKind;
  /** The def/lambda/class node (the root node for the module scope). */
  node: Node;
  isAsync: boolean;
  /** Name of the def or class; empty for lambdas and the module. */
  name: string;
  /** UTF-16 range in which code runs in this scope (the body, for defs and lambdas). */
  bodyStart: number;
  bodyEnd: number;
  parent: Scope | undefined;
  /** Names bound here other than by imports (parameters, assignments, defs…). */
  readonly bindings: Set<string>;
  /** Names bound here by imports. */
  readonly imports: Map<string, ImportBinding[]>;
  /** `name = value` and `with value as name` here, in document order. */
  readonly assignments: Map<string, { value: Node; at: number }[]>;
  /** Parameters of this def or lambda, by name (the identifier node). */
  readonly parameters: Map<string, Node>;
  /** Names also bound here in ways whose value is unknown (loops, unpacking, `+=`, `global`…). */
  readonly opaque: Set<string>;
}

/** The non-import bindings of one scope. */
export type ScopeBindings = Pick<Scope, 'bindings' | 'assignments' | 'parameters' | 'opaque'>;

/** What a local name was bound to in its own scope, as far as the source says. */
export interface LocalBinding {
  /** Values of `name = value` / `with value as name` before the use, in document order. */
  values: Node[];
  /** The parameter's identifier when the name is a parameter of the scope. */
  parameter?: Node;
  /** Also bound in ways whose value is unknown: treat `values` as incomplete. */
  opaque: boolean;
}
