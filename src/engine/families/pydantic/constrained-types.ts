// pydantic's constrained-type functions (`constr`, `conint`, `conlist`…) and their pydantic 2
// `Annotated` forms (pydantic/types.py: each v2 function returns `Annotated[<type>, <constraints>]`).
// Keywords are pydantic 2's; `renamed` are pydantic 1 keywords that v2 rejects with TypeError.

export interface ConstrainedType {
  /** The base type: a builtin, or a class to import (`decimal.Decimal`). */
  base: { module?: string; name: string };
  /** `list`/`set`/`frozenset` of the first positional argument (the item type). */
  container?: { builtin: string; typing: string };
  /** `StringConstraints` (a plain metadata class, valid in any annotation) or `Field`. */
  metadata: 'StringConstraints' | 'Field';
  /** Keywords the v2 function accepts, passed on unchanged. */
  keywords: readonly string[];
  /** pydantic 1 keywords → pydantic 2 ones, with the reason when the meaning changed. */
  renamed?: Readonly<Record<string, { to: string; unsafe?: string }>>;
  /** pydantic 1 keywords pydantic 2 dropped, with what to do instead. */
  removed?: Readonly<Record<string, string>>;
}

const NUMBER = ['strict', 'gt', 'ge', 'lt', 'le', 'multiple_of'];
const LENGTH_RENAMES = { min_items: { to: 'min_length' }, max_items: { to: 'max_length' } };
const COLLECTION = ['min_length', 'max_length'];

export const CONSTRAINED_TYPES: ReadonlyMap<string, ConstrainedType> = new Map<string, ConstrainedType>([
  [
    'constr',
    {
      base: { name: 'str' },
      metadata: 'StringConstraints',
      keywords: ['strip_whitespace', 'to_upper', 'to_lower', 'strict', 'min_length', 'max_length', 'pattern'],
      renamed: { regex: { to: 'pattern', unsafe: 'pydantic 2 searches for `pattern` anywhere in the string (v1 matched at its start), with the Rust regex engine' } },
      removed: { curtail_length: 'truncate in a `@field_validator(mode="before")`' },
    },
  ],
  ['conbytes', { base: { name: 'bytes' }, metadata: 'Field', keywords: ['min_length', 'max_length', 'strict'] }],
  ['conint', { base: { name: 'int' }, metadata: 'Field', keywords: NUMBER }],
  ['confloat', { base: { name: 'float' }, metadata: 'Field', keywords: [...NUMBER, 'allow_inf_nan'] }],
  ['condecimal', { base: { module: 'decimal', name: 'Decimal' }, metadata: 'Field', keywords: [...NUMBER, 'max_digits', 'decimal_places', 'allow_inf_nan'] }],
  ['condate', { base: { module: 'datetime', name: 'date' }, metadata: 'Field', keywords: ['strict', 'gt', 'ge', 'lt', 'le'] }],
  [
    'conlist',
    {
      base: { name: 'list' },
      container: { builtin: 'list', typing: 'List' },
      metadata: 'Field',
      keywords: COLLECTION,
      renamed: LENGTH_RENAMES,
      removed: { unique_items: 'use a `Set[...]` field (pydantic 2 raises on `unique_items`)' },
    },
  ],
  ['conset', { base: { name: 'set' }, container: { builtin: 'set', typing: 'Set' }, metadata: 'Field', keywords: COLLECTION, renamed: LENGTH_RENAMES }],
  ['confrozenset', { base: { name: 'frozenset' }, container: { builtin: 'frozenset', typing: 'FrozenSet' }, metadata: 'Field', keywords: COLLECTION, renamed: LENGTH_RENAMES }],
]);

/** `constr` for `pydantic.constr` / `pydantic.types.constr`; undefined for anything else (pydantic.v1 included). */
export function constrainedTypeName(qualified: string | undefined): string | undefined {
  const match = qualified && /^pydantic\.(?:types\.)?(\w+)$/.exec(qualified);
  return match && CONSTRAINED_TYPES.has(match[1]) ? match[1] : undefined;
}
