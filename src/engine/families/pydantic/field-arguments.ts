// The v1 `Field(...)` keywords pydantic 2 renamed or removed, and what v2 does with each
// (pydantic/fields.py: `min_items`/`max_items`/`allow_mutation` warn and are mapped; `regex`,
// `const` and `unique_items` raise; any other unknown keyword, such as `example` or
// pydantic-settings' `env`, is only copied into the JSON schema with a warning).

export interface OldFieldArgument {
  /** The message's verdict. */
  verdict: string;
  /** The v2 keyword the fix writes. */
  replacement?: string;
  /** Why the fix is unsafe; undefined: it keeps behaviour. */
  unsafe?: string;
  /** Only in settings models (a plain model never read `env`). */
  settingsOnly?: boolean;
}

export const OLD_FIELD_ARGUMENTS: ReadonlyMap<string, OldFieldArgument> = new Map([
  ['min_items', { verdict: 'is deprecated in pydantic 2: use `min_length`', replacement: 'min_length' }],
  ['max_items', { verdict: 'is deprecated in pydantic 2: use `max_length`', replacement: 'max_length' }],
  ['allow_mutation', { verdict: 'is deprecated in pydantic 2: use `frozen`', replacement: 'frozen' }],
  [
    'regex',
    {
      verdict: 'raises an error in pydantic 2: use `pattern`',
      replacement: 'pattern',
      unsafe: 'pydantic 2 searches the whole string with another regex engine, v1 matched at its start',
    },
  ],
  [
    'example',
    {
      verdict: 'is not a pydantic 2 argument (it only lands in the JSON schema): use `examples=[...]`',
      replacement: 'examples',
      unsafe: 'the JSON schema gets `examples` instead of `example`',
    },
  ],
  [
    'env',
    {
      verdict: 'is ignored by pydantic-settings 2: use `validation_alias`',
      replacement: 'validation_alias',
      unsafe: 'the alias also renames the constructor keyword',
      settingsOnly: true,
    },
  ],
  [
    'const',
    {
      verdict: 'raises an error in pydantic 2: annotate the field as `Literal[...]`',
      unsafe: "the field's type becomes a `Literal`",
    },
  ],
  ['unique_items', { verdict: 'raises an error in pydantic 2: use a `set` type, or check uniqueness in a validator' }],
]);

/** Where `Field` is defined, in both major versions. */
export const FIELD_FUNCTIONS: ReadonlySet<string> = new Set(['pydantic.Field', 'pydantic.fields.Field']);
