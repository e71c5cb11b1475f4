// The names pydantic 2 moved out of their v1 modules (pydantic/_migration.py: MOVED_IN_V2,
// REDIRECT_TO_V1, REMOVED_IN_V2, the BaseSettings special case; bump-pydantic's BP004 table
// for the moves to other packages). GenericModel (MOVED_IN_V2) is the generic-model rule's;
// DEPRECATED_MOVED_IN_V2 names still import from their old place and are left alone.

export interface MovedName {
  module: string;
  name: string;
  /** The distribution to install when the new home is another package. */
  install?: string;
  /** Why the new name is not the object the old import gives on pydantic 2; undefined: the same object. */
  unsafe?: string;
  /** REDIRECT_TO_V1: pydantic 2 hands out its bundled v1 copy. */
  v1Copy?: boolean;
}

const SETTINGS: MovedName = { module: 'pydantic_settings', name: 'BaseSettings', install: 'pydantic-settings', unsafe: 'pydantic-settings is a separate package with pydantic 2 semantics' };
const EXTRA_TYPES = 'another class, from the pydantic-extra-types package';

/** `module:name` as v1 code imports it → its pydantic 2 home. */
export const MOVED_NAMES: ReadonlyMap<string, MovedName> = new Map([
  ['pydantic:BaseSettings', SETTINGS],
  ['pydantic.env_settings:BaseSettings', SETTINGS],
  ['pydantic.env_settings:SettingsError', { ...SETTINGS, name: 'SettingsError' }],
  ['pydantic.settings:BaseSettings', SETTINGS],
  ['pydantic.color:Color', { module: 'pydantic_extra_types.color', name: 'Color', install: 'pydantic-extra-types', unsafe: EXTRA_TYPES }],
  // Never importable from the package root, but bump-pydantic maps them and no other meaning exists.
  ['pydantic:Color', { module: 'pydantic_extra_types.color', name: 'Color', install: 'pydantic-extra-types', unsafe: EXTRA_TYPES }],
  ['pydantic:PaymentCardBrand', { module: 'pydantic_extra_types.payment', name: 'PaymentCardBrand', install: 'pydantic-extra-types', unsafe: EXTRA_TYPES }],
  ['pydantic:PaymentCardNumber', { module: 'pydantic_extra_types.payment', name: 'PaymentCardNumber', install: 'pydantic-extra-types', unsafe: EXTRA_TYPES }],
  ['pydantic.types:PaymentCardNumber', { module: 'pydantic_extra_types.payment', name: 'PaymentCardNumber', install: 'pydantic-extra-types', unsafe: EXTRA_TYPES }],
  ['pydantic.types:PaymentCardBrand', { module: 'pydantic_extra_types.payment', name: 'PaymentCardBrand', install: 'pydantic-extra-types', unsafe: EXTRA_TYPES }],
  ['pydantic.utils:version_info', { module: 'pydantic.version', name: 'version_info' }],
  ['pydantic.error_wrappers:ValidationError', { module: 'pydantic', name: 'ValidationError' }],
  // v1's `to_camel` made PascalCase; pydantic 2 calls that `to_pascal` and gives it for the old name.
  ['pydantic.utils:to_camel', { module: 'pydantic.alias_generators', name: 'to_pascal' }],
  ['pydantic.utils:to_lower_camel', { module: 'pydantic.alias_generators', name: 'to_camel' }],
  ['pydantic:PyObject', { module: 'pydantic', name: 'ImportString' }],
  ['pydantic.types:PyObject', { module: 'pydantic', name: 'ImportString' }],
  ...['deep_update', 'GetterDict', 'lenient_issubclass', 'lenient_isinstance', 'is_valid_field', 'update_not_none', 'import_string', 'Representation', 'ROOT_KEY', 'smart_deepcopy', 'sequence_like'].map(
    (name): [string, MovedName] => [`pydantic.utils:${name}`, { module: 'pydantic.v1.utils', name, v1Copy: true }],
  ),
]);

const CONSTRAINED = 'use an `Annotated[...]` type with `Field(...)` constraints (or `StringConstraints`)';
const ERRORS = 'raise `ValueError` or `pydantic_core.PydanticCustomError` in validators; read `ValidationError.errors()` types to tell errors apart';
const INTERNAL = 'it was internal, with no public replacement';
const TYPING = 'use `typing` / `typing_extensions`';

/** REMOVED_IN_V2, by module: each name with what replaces it. */
const REMOVED_BY_MODULE: Record<string, Record<string, string>> = {
  pydantic: {
    ...Object.fromEntries(['Bytes', 'Date', 'Decimal', 'Float', 'FrozenSet', 'Int', 'List', 'Set', 'Str'].map((t) => [`Constrained${t}`, CONSTRAINED])),
    JsonWrapper: 'use `Json[T]`',
    NoneBytes: 'use `Optional[bytes]`',
    NoneStr: 'use `Optional[str]`',
    NoneStrBytes: 'use `Optional[Union[str, bytes]]`',
    StrBytes: 'use `Union[str, bytes]`',
    Protocol: INTERNAL,
    compiled: 'check `pydantic_core` instead: pydantic 2 always is compiled',
    Required: 'give the field no default (or `...`)',
    create_model_from_namedtuple: 'validate with `TypeAdapter(YourNamedTuple)`',
    create_model_from_typeddict: 'validate with `TypeAdapter(YourTypedDict)`',
    parse_file_as: 'use `TypeAdapter(T).validate_json(path.read_text())`',
    parse_raw_as: 'use `TypeAdapter(T).validate_json(data)`',
    stricturl: 'use `Annotated[AnyUrl, UrlConstraints(...)]`',
    validate_model: 'use `Model.model_validate(data)`',
  },
  'pydantic.config': { get_config: 'use a `ConfigDict`', inherit_config: 'merge `ConfigDict`s like dicts', prepare_config: INTERNAL },
  'pydantic.dataclasses': {
    create_pydantic_model_from_dataclass: 'validate with `TypeAdapter(YourDataclass)`',
    make_dataclass_validator: 'validate with `TypeAdapter(YourDataclass)`',
    set_validation: 'use `pydantic.dataclasses.dataclass` or `TypeAdapter`',
  },
  'pydantic.datetime_parse': {
    parse_date: 'use `TypeAdapter(date).validate_python(value)`',
    parse_time: 'use `TypeAdapter(time).validate_python(value)`',
    parse_datetime: 'use `TypeAdapter(datetime).validate_python(value)`',
    parse_duration: 'use `TypeAdapter(timedelta).validate_python(value)`',
  },
  // Not in REMOVED_IN_V2, but pydantic 2's shim knows only BaseSettings here: the rest fail.
  'pydantic.env_settings': {
    SettingsSourceCallable: 'subclass `pydantic_settings.PydanticBaseSettingsSource` (see `settings_customise_sources`)',
    InitSettingsSource: 'use `pydantic_settings.InitSettingsSource` (a new API)',
    EnvSettingsSource: 'use `pydantic_settings.EnvSettingsSource` (a new API)',
    SecretsSettingsSource: 'use `pydantic_settings.SecretsSettingsSource` (a new API)',
  },
  'pydantic.error_wrappers': { ErrorWrapper: ERRORS },
  'pydantic.main': { validate_model: 'use `Model.model_validate(data)`' },
  'pydantic.networks': { stricturl: 'use `Annotated[AnyUrl, UrlConstraints(...)]`' },
  'pydantic.tools': { parse_file_as: 'use `TypeAdapter(T).validate_json(path.read_text())`', parse_raw_as: 'use `TypeAdapter(T).validate_json(data)`' },
};

const REMOVED_ERRORS = `AnyStrMaxLengthError AnyStrMinLengthError ArbitraryTypeError BoolError BytesError CallableError ClassError ColorError
ConfigError DataclassTypeError DateError DateNotInTheFutureError DateNotInThePastError DateTimeError DecimalError DecimalIsNotFiniteError
DecimalMaxDigitsError DecimalMaxPlacesError DecimalWholeDigitsError DictError DurationError EmailError EnumError EnumMemberError ExtraError
FloatError FrozenSetError FrozenSetMaxLengthError FrozenSetMinLengthError HashableError IPv4AddressError IPv4InterfaceError IPv4NetworkError
IPv6AddressError IPv6InterfaceError IPv6NetworkError IPvAnyAddressError IPvAnyInterfaceError IPvAnyNetworkError IntEnumError IntegerError
InvalidByteSize InvalidByteSizeUnit InvalidDiscriminator InvalidLengthForBrand JsonError JsonTypeError ListError ListMaxLengthError
ListMinLengthError ListUniqueItemsError LuhnValidationError MissingDiscriminator MissingError NoneIsAllowedError NoneIsNotAllowedError
NotDigitError NotNoneError NumberNotGeError NumberNotGtError NumberNotLeError NumberNotLtError NumberNotMultipleError PathError
PathNotADirectoryError PathNotAFileError PathNotExistsError PatternError PyObjectError PydanticTypeError PydanticValueError SequenceError
SetError SetMaxLengthError SetMinLengthError StrError StrRegexError StrictBoolError SubclassError TimeError TupleError TupleLengthError
UUIDError UUIDVersionError UrlError UrlExtraError UrlHostError UrlHostTldError UrlPortError UrlSchemeError UrlSchemePermittedError
UrlUserInfoError WrongConstantError`.split(/\s+/);

const REMOVED_TYPING = `evaluate_forwardref AbstractSetIntStr AnyCallable AnyClassMethod CallableGenerator DictAny DictIntStrAny DictStrAny IntStr
ListStr MappingIntStrAny NoArgAnyCallable NoneType ReprArgs SetStr StrPath TupleGenerator WithArgsTypes all_literal_values display_as_type
get_all_type_hints get_args get_origin get_sub_types is_callable_type is_classvar is_finalvar is_literal_type is_namedtuple is_new_type
is_none_type is_typeddict is_typeddict_special is_union new_type_supertype resolve_annotations typing_base update_field_forward_refs
update_model_forward_refs`.split(/\s+/);

const REMOVED_UTILS = `ClassAttribute DUNDER_ATTRIBUTES PyObjectStr ValueItems almost_equal_floats get_discriminator_alias_and_values get_model
get_unique_discriminator_alias in_ipython is_valid_identifier path_type validate_field_name`.split(/\s+/);

/** What replaces a name pydantic 2 removed, if it is one. */
export function removedName(module: string, name: string): string | undefined {
  if (module === 'pydantic.types') {
    const typeReplacement = REMOVED_BY_MODULE.pydantic[name];
    if (typeReplacement && /^(Constrained|JsonWrapper|None|StrBytes)/.test(name)) return typeReplacement;
  }
  if (module === 'pydantic.errors' && REMOVED_ERRORS.includes(name)) return ERRORS;
  if (module === 'pydantic.typing' && REMOVED_TYPING.includes(name)) return TYPING;
  if (module === 'pydantic.utils' && REMOVED_UTILS.includes(name)) return INTERNAL;
  return Object.hasOwn(REMOVED_BY_MODULE, module) && Object.hasOwn(REMOVED_BY_MODULE[module], name) ? REMOVED_BY_MODULE[module][name] : undefined;
}
