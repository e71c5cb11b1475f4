// Loads web-tree-sitter and the Python grammar from bytes the adapter supplies, so the
// engine itself never touches the file system (it must also run in a web worker later).
import { Language, Parser, type Tree } from 'web-tree-sitter';

export interface GrammarBytes {
  /** tree-sitter.wasm, the web-tree-sitter runtime. */
  runtime: Uint8Array;
  /** tree-sitter-python.wasm, the grammar. */
  python: Uint8Array;
}

let runtimeReady: Promise<void> | undefined;

function initRuntime(runtime: Uint8Array): Promise<void> {
  runtimeReady ??= Parser.init({ wasmBinary: runtime }).catch((error: unknown) => {
    runtimeReady = undefined;
    throw new Error(`cannot start the tree-sitter runtime: ${String(error)}`);
  });
  return runtimeReady;
}

export class PythonParser {
  private readonly parser: Parser;

  private constructor(readonly language: Language) {
    this.parser = new Parser();
    this.parser.setLanguage(language);
  }

  static async create(bytes: GrammarBytes): Promise<PythonParser> {
    await initRuntime(bytes.runtime);
    const language = await Language.load(bytes.python);
    return new PythonParser(language);
  }

  /**
   * Parses `text`; with `oldTree` (already `edit`ed to match `text`) tree-sitter reuses
   * every subtree the edit did not touch. Throws only if the parser gives up (out of memory).
   */
  parse(text: string, oldTree?: Tree): Tree {
    const tree = this.parser.parse(text, oldTree ?? null);
    if (!tree) throw new Error('tree-sitter returned no tree');
    return tree;
  }

  delete(): void {
    this.parser.delete();
  }
}
