// The v1 `class Config` keys and what pydantic 2 made of them (pydantic/_internal/_config.py:
// V2_RENAMED_KEYS, V2_REMOVED_KEYS; bump-pydantic's BP002 tables). Pydantic 2 reads a v1
// `class Config` with a deprecation warning but does not apply the old names: a renamed or
// removed key is warned about and then ignored.

/** v1 key → its v2 name. `populate_by_name` as bump-pydantic writes it (still valid; 2.11 added `validate_by_name`). */
export const RENAMED_CONFIG_KEYS: ReadonlyMap<string, string> = new Map([
  ['allow_population_by_field_name', 'populate_by_name'],
  ['anystr_lower', 'str_to_lower'],
  ['anystr_strip_whitespace', 'str_strip_whitespace'],
  ['anystr_upper', 'str_to_upper'],
  ['keep_untouched', 'ignored_types'],
  ['max_anystr_length', 'str_max_length'],
  ['min_anystr_length', 'str_min_length'],
  ['orm_mode', 'from_attributes'],
  ['schema_extra', 'json_schema_extra'],
  ['validate_all', 'validate_default'],
]);

/**
 * Keys pydantic 2 no longer honours, with what to do instead. They stay in the new
 * `ConfigDict(...)` under a TODO (never dropped silently).
 */
export const REMOVED_CONFIG_KEYS: ReadonlyMap<string, string> = new Map([
  ['allow_mutation', 'use `frozen=True`, which also makes instances hashable'],
  ['copy_on_model_validation', 'see `revalidate_instances`'],
  ['error_msg_templates', 'raise custom errors from validators instead'],
  ['fields', 'declare aliases (and settings\' env names, as `validation_alias`) on each field with `Field(...)`'],
  ['getter_dict', 'use `from_attributes=True` or a `@model_validator(mode="before")`'],
  ['json_dumps', 'serialize with `model_dump_json()` or a custom serializer'],
  ['json_loads', 'parse the JSON yourself or use `model_validate_json()`'],
  ['post_init_call', 'pydantic 2 calls `__post_init__` after validation'],
  ['smart_union', 'unions are smart by default'],
  ['underscore_attrs_are_private', '`_names` are always private attributes'],
]);

/** Keys pydantic 2 still applies but deprecates, with a behaviour change: kept under a TODO too. */
export const DEPRECATED_CONFIG_KEYS: ReadonlyMap<string, string> = new Map([
  ['json_encoders', 'is deprecated in pydantic 2 and applies by declared field type, not by value type: prefer `@field_serializer`'],
]);

/** `Extra.forbid` and the other members: the string each one equals. */
export const EXTRA_MEMBERS: ReadonlySet<string> = new Set(['allow', 'forbid', 'ignore']);

/** Where pydantic 1 and 2 define `Extra` (deprecated in 2, the strings work in both). */
export const EXTRA_ENUMS: ReadonlySet<string> = new Set(['pydantic.Extra', 'pydantic.config.Extra']);
