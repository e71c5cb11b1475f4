// The pydantic 1 methods and attributes of BaseModel that pydantic 2 keeps as deprecated
// wrappers (pydantic/main.py, "Deprecated methods from v1"), their v2 names, and which
// arguments each wrapper passes on unchanged — the arguments a rename keeps meaning the same.

export interface V1Method {
  /** The pydantic 2 name. */
  modern: string;
  /** Keyword arguments the v2 wrapper forwards unchanged to `modern`. */
  keywords: readonly string[];
  /** How many positional arguments pass on unchanged. */
  positional: number;
  /** Keywords that the wrapper in pydantic 2 rejects with TypeError, and what to use instead. */
  raising?: Readonly<Record<string, string>>;
  /** Keywords whose meaning differs, with the reason (an unsafe fix). */
  differing?: Readonly<Record<string, string>>;
  /** A rename whose every call keeps its meaning, `**kwargs` included. */
  anyArguments?: boolean;
  /** No v2 method to rename to: reported with a suggestion only. */
  noRename?: string;
  /** The wrapper is a property (`__fields__`): reported on an attribute read, not a call. */
  attribute?: boolean;
}

const DUMP_KEYWORDS = ['include', 'exclude', 'by_alias', 'exclude_unset', 'exclude_defaults', 'exclude_none'];

export const V1_METHODS: ReadonlyMap<string, V1Method> = new Map<string, V1Method>([
  // dict() forwards its keyword-only arguments to model_dump(), whose keywords are a superset.
  ['dict', { modern: 'model_dump', keywords: DUMP_KEYWORDS, positional: 0, anyArguments: true }],
  [
    'json',
    {
      modern: 'model_dump_json',
      keywords: DUMP_KEYWORDS,
      positional: 0,
      raising: { encoder: 'a field serializer (`@field_serializer`)', models_as_dict: 'a model serializer (`@model_serializer`)' },
      differing: { indent: '`indent` was a `json.dumps()` argument, which pydantic 2 rejects; `model_dump_json(indent=…)` formats its own way' },
    },
  ],
  ['parse_obj', { modern: 'model_validate', keywords: ['obj'], positional: 1 }],
  ['validate', { modern: 'model_validate', keywords: [], positional: 1 }],
  ['construct', { modern: 'model_construct', keywords: [], positional: 1, anyArguments: true }],
  [
    'parse_raw',
    {
      modern: 'model_validate_json',
      keywords: [],
      positional: 1,
      differing: { '': 'malformed JSON raises a different `ValidationError`, and the data is validated in JSON mode' },
    },
  ],
  ['parse_file', { modern: 'model_validate_json', keywords: [], positional: 0, noRename: 'read the file, then call `{{receiver}}.model_validate_json(text)`' }],
  ['from_orm', { modern: 'model_validate', keywords: [], positional: 1 }],
  ['copy', { modern: 'model_copy', keywords: ['deep', 'update'], positional: 0 }],
  ['schema', { modern: 'model_json_schema', keywords: ['by_alias', 'ref_template'], positional: 2 }],
  ['schema_json', { modern: 'model_json_schema', keywords: [], positional: 0, noRename: 'use `json.dumps({{receiver}}.model_json_schema())`' }],
  ['update_forward_refs', { modern: 'model_rebuild', keywords: [], positional: 0 }],
  ['__fields__', { modern: 'model_fields', keywords: [], positional: 0, attribute: true }],
  ['__fields_set__', { modern: 'model_fields_set', keywords: [], positional: 0, attribute: true }],
]);

/** Methods that may be renamed where they are referenced without a call (`map(User.parse_obj, rows)`). */
export const RENAMED_UNCALLED = new Set(['dict', 'parse_obj', 'construct']);
