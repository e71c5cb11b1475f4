// Files of an exact number of lines built from real code: whole top-level statements of
// corpus files, concatenated, so the result parses as cleanly as its sources. And the
// places where the keystroke benchmark types: inside identifiers, spread through a file.
import type { Tree } from 'web-tree-sitter';

export interface SynthSource {
  path: string;
  text: string;
}

export type ParseFn = (text: string) => Tree;

/**
 * Exactly `targetLines` lines, from whole top-level statements of the sources (taken in
 * order, cycling when they run out). Sources with syntax errors are skipped.
 */
export function buildFile(sources: readonly SynthSource[], targetLines: number, parse: ParseFn): { text: string; from: string[] } {
  const lines: string[] = [];
  const from: string[] = [];
  let sinceProgress = 0;
  for (let i = 0; lines.length < targetLines; i = (i + 1) % sources.length) {
    if (++sinceProgress > sources.length) break; // a full cycle without adding a line
    const source = sources[i];
    const text = source.text.replace(/\r\n?/g, '\n');
    const tree = parse(text);
    let starts: number[];
    try {
      if (tree.rootNode.hasError) continue;
      // A statement that starts on the line where the previous one ends (`a = (1,\n2); b = 3`)
      // is no place to cut.
      const children = tree.rootNode.children.filter((c) => c !== null).map((c) => c!);
      starts = children.filter((c, k) => k === 0 || children[k - 1].endPosition.row < c.startPosition.row).map((c) => c.startPosition.row);
    } finally {
      tree.delete();
    }
    const fileLines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    const remaining = targetLines - lines.length;
    // Cut at the start of a top-level statement: the file up to there is whole statements.
    const cut = fileLines.length <= remaining ? fileLines.length : Math.max(0, ...starts.filter((row) => row <= remaining));
    if (!cut) continue;
    lines.push(...fileLines.slice(0, cut));
    from.push(source.path);
    sinceProgress = 0;
  }
  // Only when no source fits at all (a tiny corpus): pad with comments.
  while (lines.length < targetLines) lines.push('# padding');
  return { text: `${lines.join('\n')}\n`, from };
}

/**
 * `count` offsets spread evenly through the text, each inside an identifier (after its
 * first character), ascending. Typing a letter there renames the identifier: the tree stays
 * sound, as it does for most keystrokes.
 */
export function editOffsets(text: string, tree: Tree, count: number): number[] {
  const offsets: number[] = [];
  const word = /[A-Za-z_][A-Za-z0-9_]+/g;
  for (let k = 0; k < count; k++) {
    const target = Math.floor(((k + 0.5) * text.length) / count);
    word.lastIndex = Math.max(target, (offsets.at(-1) ?? -1) + 1);
    for (let match = word.exec(text); match; match = word.exec(text)) {
      const node = tree.rootNode.descendantForIndex(match.index);
      if (node?.type === 'identifier' && node.startIndex === match.index) {
        offsets.push(match.index + 1);
        break;
      }
    }
  }
  return offsets;
}
