// What can go wrong inside the engine for reasons of the input, not of the code: the WASM
// parser runtime trapping (its memory is then unusable: every later call on this engine is
// refused, and the adapter starts a fresh engine in a new worker), or a file nested so
// deeply that a walk runs out of stack (only that file is refused).

/** The tree-sitter runtime trapped on this file; this engine must not be used again. */
export class EngineFaultError extends Error {
  constructor(readonly cause: unknown) {
    super(`analysis failed: the parser runtime faulted on this file (${String((cause as Error)?.message ?? cause)}); later files are analysed by a fresh engine`);
  }
}

/** The engine was poisoned by an earlier file: the adapter must start a fresh one. */
export class EnginePoisonedError extends Error {
  constructor(readonly firstFault: string) {
    super(`the parser runtime faulted on an earlier file (${firstFault}): this engine cannot analyse any more files`);
  }
}

/** The file is beyond what the analysis can walk (nesting deeper than the stack allows). */
export class AnalysisLimitError extends Error {
  constructor(detail: string) {
    super(`analysis stopped: file too complex (${detail})`);
  }
}

// The engine's lib is plain ES2022 (it also runs in web workers): reach WebAssembly through globalThis.
const RuntimeError = (globalThis as unknown as { WebAssembly?: { RuntimeError?: abstract new () => Error } }).WebAssembly?.RuntimeError;

/** A WebAssembly trap (`RuntimeError: memory access out of bounds`, `unreachable`…). */
export function isWasmTrap(error: unknown): boolean {
  return (!!RuntimeError && error instanceof RuntimeError) || (error instanceof Error && error.name === 'RuntimeError');
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Runs engine calls on the WASM runtime. A trap poisons it (EngineFaultError now,
 * EnginePoisonedError for every call after); a stack overflow refuses that call alone.
 */
export class RuntimeShield {
  private fault: string | undefined;

  get poisoned(): boolean {
    return this.fault !== undefined;
  }

  run<T>(call: () => T): T {
    if (this.fault !== undefined) throw new EnginePoisonedError(this.fault);
    try {
      return call();
    } catch (error) {
      if (isWasmTrap(error)) {
        this.fault = String((error as Error).message);
        throw new EngineFaultError(error);
      }
      if (isStackOverflow(error)) throw new AnalysisLimitError('nested too deeply to walk');
      throw error;
    }
  }
}
