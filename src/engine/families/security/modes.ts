// File modes as written: octal and decimal literals, `stat.S_*` constants (through imports)
// and their `|` / `+` combinations. Used by world-writable-permissions.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';

export const OTHERS_WRITE = 0o002;
export const STICKY = 0o1000;

/** The `stat` module's permission constants. */
const STAT_BITS: Readonly<Record<string, number>> = {
  S_ISUID: 0o4000, S_ISGID: 0o2000, S_ISVTX: 0o1000,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IRWXG: 0o070, S_IRGRP: 0o040, S_IWGRP: 0o020, S_IXGRP: 0o010,
  S_IRWXO: 0o007, S_IROTH: 0o004, S_IWOTH: 0o002, S_IXOTH: 0o001,
  S_IREAD: 0o400, S_IWRITE: 0o200, S_IEXEC: 0o100,
};

/** What a mode expression is known to contain: `known` bits surely set, `exact` when nothing is unknown. */
export interface ModeBits {
  bits: number;
  exact: boolean;
}

/**
 * The bits a mode expression sets. An OR with an unknown operand still sets the known
 * operand's bits (OR only adds); any other operator over an unknown part is unknown.
 */
export function modeBits(facts: SemanticFacts, node: Node, depth = 0): ModeBits | undefined {
  if (depth > 20) return undefined;
  switch (node.type) {
    case 'integer': {
      const value = integerValue(node.text);
      return value === undefined ? undefined : { bits: value, exact: true };
    }
    case 'parenthesized_expression':
      return node.namedChildCount === 1 ? modeBits(facts, node.namedChildren[0]!, depth + 1) : undefined;
    case 'identifier':
    case 'attribute': {
      const qualified = facts.resolve(node);
      const name = qualified?.startsWith('stat.') ? qualified.slice(5) : undefined;
      return name !== undefined && name in STAT_BITS ? { bits: STAT_BITS[name], exact: true } : undefined;
    }
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.type;
      const left = modeBits(facts, node.childForFieldName('left')!, depth + 1);
      const right = modeBits(facts, node.childForFieldName('right')!, depth + 1);
      if (operator === '|') {
        if (!left && !right) return undefined;
        return { bits: (left?.bits ?? 0) | (right?.bits ?? 0), exact: !!left?.exact && !!right?.exact };
      }
      if (operator === '+' && left?.exact && right?.exact) return { bits: left.bits + right.bits, exact: true };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** `0o777`, `0O644`, `511`, `0x1ff`, `0b…` (underscores allowed); undefined for anything else. */
export function integerValue(text: string): number | undefined {
  const clean = text.replace(/_/g, '').toLowerCase();
  let value: number;
  if (/^0o[0-7]+$/.test(clean)) value = parseInt(clean.slice(2), 8);
  else if (/^0x[0-9a-f]+$/.test(clean)) value = parseInt(clean.slice(2), 16);
  else if (/^0b[01]+$/.test(clean)) value = parseInt(clean.slice(2), 2);
  else if (/^[0-9]+$/.test(clean)) value = parseInt(clean, 10);
  else return undefined;
  return Number.isSafeInteger(value) ? value : undefined;
}

/** `0o775` for 509. */
export function octal(value: number): string {
  return `0o${value.toString(8)}`;
}
