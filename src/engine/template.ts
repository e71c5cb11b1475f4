// `{{placeholder}}` templates of rule messages, fix texts and hover suggestions.
//   {{name}}          text of capture `name` (messages shorten it to one line)
//   {{name.inner}}    text inside the capture's brackets: the arguments of `(…)`
//   {{module:NAME}}   the local name of module NAME, importing it when missing (fixes only);
//                     in hovers, {{module:$async}} is the file's event-loop library
//   {{$function}}     name of the enclosing def
//   {{name|fallback}} the fallback text when capture `name` is absent (optional captures)
import type { Node, QueryMatch } from 'web-tree-sitter';

export type Captures = Record<string, Node>;

/** A query match's captures by name (the first node of each). */
export function capturesOf(match: QueryMatch): Captures {
  const captures: Captures = {};
  for (const capture of match.captures) captures[capture.name] ??= capture.node;
  return captures;
}

const PLACEHOLDER = /\{\{\s*([$\w:.-]+)(?:\|([^}]*))?\s*\}\}/g;

export interface TemplateValues {
  captures: Captures;
  data?: Record<string, string>;
  /** Returns the name to use for a module, recording any import it needs. */
  module?: (name: string) => string;
}

export function renderTemplate(template: string, values: TemplateValues, forMessage: boolean): string {
  return template.replace(PLACEHOLDER, (whole, key: string, fallback: string | undefined) => {
    if (key.startsWith('module:')) return values.module ? values.module(key.slice(7)) : key.slice(7);
    if (values.data && key in values.data) return values.data[key];
    const [name, part] = key.split('.');
    const node = values.captures[name];
    if (!node) return fallback ?? whole;
    const text = part === 'inner' ? innerText(node) : node.text;
    return forMessage ? oneLine(text) : text;
  });
}

/** The text between a node's opening and closing bracket, or its whole text. */
export function innerText(node: Node): string {
  const first = node.firstChild;
  const last = node.lastChild;
  if (node.childCount >= 2 && first && last && '([{'.includes(first.type) && ')]}'.includes(last.type)) {
    return node.text.slice(first.endIndex - node.startIndex, last.startIndex - node.startIndex);
  }
  return node.text;
}

/** Names of the placeholders a template uses (for build-time validation). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Text on one line, shortened for messages, fix titles and hovers. */
export function oneLine(text: string, max = 60): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Markdown of a Python block, for hover suggestions. */
export function pythonBlock(code: string): string {
  return `\`\`\`python\n${code}\n\`\`\`\n`;
}
