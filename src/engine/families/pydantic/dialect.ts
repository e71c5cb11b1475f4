// Which pydantic a file is written for, where that decides whether a form is a leftover or a
// choice. `x: Optional[int]` with no default is a required nullable field on purpose in
// pydantic 2 code, and an optional field in pydantic 1 code. A file is read as pydantic 1
// code when it spells any pydantic 1 API (also half-migrated ones), or when it spells no
// pydantic 2 API either and the project does not declare pydantic 2.
import type { CheckContext } from '../../checks/context';

/** Names and spellings only pydantic 2 (or pydantic-settings 2) code uses. */
const V2_API =
  /\b(?:field_validator|model_validator|ConfigDict|SettingsConfigDict|RootModel|TypeAdapter|computed_field|field_serializer|model_serializer|AfterValidator|BeforeValidator|WrapValidator|PlainValidator|ValidationInfo|StringConstraints|AliasChoices|AliasPath|pydantic_settings|model_config|model_dump|model_dump_json|model_validate|model_validate_json|model_copy|model_fields|model_json_schema|model_rebuild)\b/;

/** Spellings of the pydantic 1 API. */
const V1_API = /\b(?:validator|root_validator|GenericModel|__root__|orm_mode|parse_obj|parse_raw|parse_obj_as|update_forward_refs|__fields__|allow_population_by_field_name)\b|^[ \t]+class Config\b|\.dict\(/m;

const cache = new WeakMap<object, boolean>();

/** True when the file reads as pydantic 1 code (see the header). */
export function writtenForV1(context: CheckContext): boolean {
  let known = cache.get(context.facts);
  if (known === undefined) {
    const text = context.text;
    const version = context.config.pydanticVersion;
    // Any pydantic 1 spelling wins, so a half-migrated file keeps its findings.
    known = V1_API.test(text) || (!V2_API.test(text) && !version);
    cache.set(context.facts, known);
  }
  return known;
}
