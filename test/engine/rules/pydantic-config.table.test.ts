// Rule tables of the pydantic family's configuration rules (pydantic-config-class,
// pydantic-field-v1-arguments, pydantic-moved-import): valid / invalid snippets with exact
// 1-based positions and messages (conventions in ../rule-tester.ts), the unsafe fix texts and
// the peer of each finding. pydantic-config.bump.test.ts compares fix-all with bump-pydantic.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { expectedError, type PeerCase, peerCases, ruleTester } from '../rule-tester';

const error = expectedError;
const CONFIG = 'pydantic-config-class';

const v1Config = (model: string, dict = 'ConfigDict') => `\`class Config\` in \`${model}\` is pydantic v1 configuration: use \`model_config = ${dict}(...)\``;
const configProblem = (model: string, verdict: string) => `\`class Config\` in \`${model}\` ${verdict}`;
const HAND = 'holds more than `key = value` settings: write `model_config` by hand';

ruleTester(CONFIG, {
  valid: [
    'from pydantic import BaseModel, ConfigDict\n\nclass A(BaseModel):\n    model_config = ConfigDict(from_attributes=True)\n',
    'from pydantic.v1 import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n',
    'from pydantic import BaseModel\n\nclass Row:\n    class Config:\n        orm_mode = True\n',
    'class BaseModel:\n    pass\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n',
    'from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        pass\n',
    'from pydantic import BaseModel\n\nclass A(BaseModel):\n    def build(self):\n        class Config:\n            orm_mode = True\n        return Config\n',
    'from dataclasses import dataclass\nimport pydantic\n\n@dataclass\nclass A:\n    class Config:\n        extra = "forbid"\n',
  ],
  invalid: [
    {
      code: 'from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n',
      errors: [error(CONFIG, 4, 5, 4, 17, v1Config('A'))],
      output: 'from pydantic import BaseModel, ConfigDict\n\nclass A(BaseModel):\n    model_config = ConfigDict(from_attributes=True)\n',
    },
    {
      code: 'from pydantic import BaseModel, Extra\n\nclass A(BaseModel):\n    x: int\n\n    class Config:\n        extra = Extra.forbid\n        validate_all = True\n',
      errors: [error(CONFIG, 6, 5, 6, 17, v1Config('A'))],
      output: 'from pydantic import BaseModel, ConfigDict\n\nclass A(BaseModel):\n    x: int\n\n    model_config = ConfigDict(extra="forbid", validate_default=True)\n',
    },
    {
      // Two Configs share the Extra import: fix-all rewrites both and then drops it.
      code: 'from pydantic import BaseModel, Extra\n\nclass A(BaseModel):\n    class Config:\n        extra = Extra.forbid\n\nclass B(BaseModel):\n    class Config:\n        extra = Extra.allow\n',
      errors: [error(CONFIG, 4, 5, 4, 17, v1Config('A')), error(CONFIG, 8, 5, 8, 17, v1Config('B'))],
      output: 'from pydantic import BaseModel, ConfigDict\n\nclass A(BaseModel):\n    model_config = ConfigDict(extra="forbid")\n\nclass B(BaseModel):\n    model_config = ConfigDict(extra="allow")\n',
    },
    {
      code: 'import pydantic\n\nclass A(pydantic.BaseModel):\n    class Config:\n        extra = pydantic.Extra.ignore\n',
      errors: [error(CONFIG, 4, 5, 4, 17, v1Config('A'))],
      output: 'import pydantic\nfrom pydantic import ConfigDict\n\nclass A(pydantic.BaseModel):\n    model_config = ConfigDict(extra="ignore")\n',
    },
    {
      code: 'from pydantic import BaseSettings\n\nclass Settings(BaseSettings):\n    url: str\n\n    class Config:\n        env_prefix = "APP_"\n',
      errors: [error(CONFIG, 6, 5, 6, 17, v1Config('Settings', 'SettingsConfigDict'))],
      output: 'from pydantic import BaseSettings\nfrom pydantic_settings import SettingsConfigDict\n\nclass Settings(BaseSettings):\n    url: str\n\n    model_config = SettingsConfigDict(env_prefix="APP_")\n',
    },
    {
      // Comments stay next to their keys; a multi-line value keeps its layout.
      code: 'from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        # ORM rows\n        orm_mode = True  # SQLAlchemy\n        schema_extra = {\n            "example": {"a": 1},\n        }\n',
      errors: [error(CONFIG, 4, 5, 4, 17, v1Config('A'))],
      output:
        'from pydantic import BaseModel, ConfigDict\n\nclass A(BaseModel):\n    model_config = ConfigDict(\n        # ORM rows\n        from_attributes=True,  # SQLAlchemy\n        json_schema_extra={\n            "example": {"a": 1},\n        },\n    )\n',
    },
    {
      code: 'from pydantic import BaseModel\r\n\r\nclass A(BaseModel):\r\n    class Config:\r\n        anystr_strip_whitespace = True\r\n        max_anystr_length = 10\r\n',
      errors: [error(CONFIG, 4, 5, 4, 17, v1Config('A'))],
      output: 'from pydantic import BaseModel, ConfigDict\r\n\r\nclass A(BaseModel):\r\n    model_config = ConfigDict(str_strip_whitespace=True, str_max_length=10)\r\n',
    },
    {
      // A removed key: unsafe (asserted below), so fix-all with safe fixes leaves it.
      code: 'from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        allow_mutation = False\n',
      errors: [error(CONFIG, 4, 5, 4, 17, v1Config('A'))],
      output: null,
    },
    {
      code: 'from pydantic import BaseModel\nfrom base import SharedConfig\n\nclass A(BaseModel):\n    class Config(SharedConfig):\n        orm_mode = True\n',
      errors: [error(CONFIG, 5, 5, 5, 17, configProblem('A', 'inherits `SharedConfig`: write `model_config` by hand'))],
      output: null,
    },
    {
      code: 'from pydantic import BaseConfig, BaseModel\n\nclass A(BaseModel):\n    class Config(BaseConfig):\n        orm_mode = True\n',
      errors: [error(CONFIG, 4, 5, 4, 17, configProblem('A', 'inherits `BaseConfig`, which only holds the defaults: drop the base, then convert it'))],
      output: null,
    },
    {
      code: 'from pydantic import BaseModel, ConfigDict\n\nclass A(BaseModel):\n    model_config = ConfigDict(frozen=True)\n\n    class Config:\n        orm_mode = True\n',
      errors: [error(CONFIG, 6, 5, 6, 17, configProblem('A', 'sits next to `model_config`, which pydantic 2 refuses: merge the two'))],
      output: null,
    },
    {
      code: 'from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n\n        @staticmethod\n        def schema_extra(schema, model):\n            schema.pop("title")\n',
      errors: [error(CONFIG, 4, 5, 4, 17, configProblem('A', HAND))],
      output: null,
    },
    {
      code: 'from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n\nclass B(A):\n    class Config(A.Config):\n        extra = "forbid"\n',
      errors: [
        error(CONFIG, 4, 5, 4, 17, configProblem('A', 'is read as `A.Config`: write `model_config` by hand')),
        error(CONFIG, 8, 5, 8, 17, configProblem('B', 'inherits `A.Config`: write `model_config` by hand')),
      ],
      output: null,
    },
    {
      // Inside Config, `title` names the module's; in the model body it would be the field default.
      code: 'from pydantic import BaseModel\n\ntitle = "Users"\n\nclass A(BaseModel):\n    title: str = "x"\n\n    class Config:\n        schema_extra = {"title": title}\n',
      errors: [error(CONFIG, 8, 5, 8, 17, configProblem('A', 'has values that would name something else in the model body: write `model_config` by hand'))],
      output: null,
    },
  ],
});

const FIELD = 'pydantic-field-v1-arguments';
const oldKeyword = (keyword: string, verdict: string) => `\`Field(${keyword}=...)\` ${verdict}`;
const MODEL = 'from pydantic import BaseModel, Field\n\nclass A(BaseModel):\n';

ruleTester(FIELD, {
  valid: [
    `${MODEL}    x: list = Field(..., min_length=1, max_length=3)\n`,
    `${MODEL}    x: str = Field(..., pattern="^a", examples=["a"], frozen=True)\n`,
    'from pydantic.v1 import BaseModel, Field\n\nclass A(BaseModel):\n    x: str = Field(..., regex="^a")\n',
    'from pydantic import Field\n\nclass Form:\n    x = Field(min_items=1)\n',
    `${MODEL}    region: str = Field("eu", env="REGION")\n`,
    `${MODEL}    def build(self):\n        return Field(regex="x")\n`,
    'from pydantic import BaseModel\nfrom forms import Field\n\nclass A(BaseModel):\n    x: str = Field(regex="x")\n',
  ],
  invalid: [
    {
      code: `${MODEL}    x: list = Field(..., min_items=1, max_items=3)\n`,
      errors: [
        error(FIELD, 4, 26, 4, 37, oldKeyword('min_items', 'is deprecated in pydantic 2: use `min_length`')),
        error(FIELD, 4, 39, 4, 50, oldKeyword('max_items', 'is deprecated in pydantic 2: use `max_length`')),
      ],
      output: `${MODEL}    x: list = Field(..., min_length=1, max_length=3)\n`,
    },
    {
      code: `${MODEL}    x: int = Field(..., allow_mutation=False)\n`,
      errors: [error(FIELD, 4, 25, 4, 45, oldKeyword('allow_mutation', 'is deprecated in pydantic 2: use `frozen`'))],
      output: `${MODEL}    x: int = Field(..., frozen=True)\n`,
    },
    {
      code: 'import pydantic\n\nclass A(pydantic.BaseModel):\n    x: list = pydantic.Field([], max_items=2)\n',
      errors: [error(FIELD, 4, 34, 4, 45, oldKeyword('max_items', 'is deprecated in pydantic 2: use `max_length`'))],
      output: 'import pydantic\n\nclass A(pydantic.BaseModel):\n    x: list = pydantic.Field([], max_length=2)\n',
    },
    {
      code: `${MODEL}    x: str = Field(None, const=False)\n`,
      errors: [error(FIELD, 4, 26, 4, 37, oldKeyword('const', 'raises an error in pydantic 2: annotate the field as `Literal[...]`'))],
      output: `${MODEL}    x: str = Field(None)\n`,
    },
    {
      code: `${MODEL}    x: str = Field(..., regex="^[a-z]+$")\n`,
      errors: [error(FIELD, 4, 25, 4, 41, oldKeyword('regex', 'raises an error in pydantic 2: use `pattern`'))],
      output: null,
    },
    {
      code: `${MODEL}    x: str = Field(..., example="a")\n`,
      errors: [error(FIELD, 4, 25, 4, 36, oldKeyword('example', 'is not a pydantic 2 argument (it only lands in the JSON schema): use `examples=[...]`'))],
      output: null,
    },
    {
      code: `${MODEL}    x: set = Field(..., unique_items=True)\n`,
      errors: [error(FIELD, 4, 25, 4, 42, oldKeyword('unique_items', 'raises an error in pydantic 2: use a `set` type, or check uniqueness in a validator'))],
      output: null,
    },
    {
      // Both keywords given: renaming would repeat `min_length`.
      code: `${MODEL}    x: list = Field(..., min_items=1, min_length=2)\n`,
      errors: [error(FIELD, 4, 26, 4, 37, oldKeyword('min_items', 'is deprecated in pydantic 2: use `min_length`'))],
      output: null,
    },
    {
      code: 'from pydantic import BaseSettings, Field\n\nclass S(BaseSettings):\n    url: str = Field(..., env="DB_URL")\n',
      errors: [error(FIELD, 4, 27, 4, 39, oldKeyword('env', 'is ignored by pydantic-settings 2: use `validation_alias`'))],
      output: null,
    },
    {
      code: `${MODEL}    kind: str = Field(..., const=True)\n`,
      errors: [error(FIELD, 4, 28, 4, 38, oldKeyword('const', 'raises an error in pydantic 2: annotate the field as `Literal[...]`'))],
      output: null,
    },
  ],
});

const MOVED = 'pydantic-moved-import';
const moves = (old: string, verdict: string) => `\`${old}\` ${verdict}`;
const SETTINGS_MOVED = 'moved to `pydantic_settings.BaseSettings` in pydantic 2 (install `pydantic-settings`)';

ruleTester(MOVED, {
  valid: [
    'from pydantic_settings import BaseSettings\n',
    'from pydantic import BaseModel, ValidationError\n',
    'try:\n    from pydantic_settings import BaseSettings\nexcept ImportError:\n    from pydantic import BaseSettings\n',
    'from pydantic.v1 import BaseSettings\n',
    'from pydantic.v1.utils import deep_update\n',
    'from .pydantic import BaseSettings\n',
    'import pydantic\n\nif pydantic.VERSION < "2":\n    Settings = pydantic.BaseSettings\n',
    'import pydantic\n\ntry:\n    Settings = pydantic.BaseSettings\nexcept AttributeError:\n    Settings = None\n',
    'import pydantic\n\nclass A(pydantic.BaseModel):\n    x: int = pydantic.Field(1)\n',
  ],
  invalid: [
    {
      code: 'from pydantic.error_wrappers import ValidationError\n',
      errors: [error(MOVED, 1, 37, 1, 52, moves('pydantic.error_wrappers.ValidationError', 'is `pydantic.ValidationError` in pydantic 2'))],
      output: 'from pydantic import ValidationError\n',
    },
    {
      code: 'from pydantic import BaseModel\nfrom pydantic.error_wrappers import ValidationError as VE\n',
      errors: [error(MOVED, 2, 37, 2, 58, moves('pydantic.error_wrappers.ValidationError', 'is `pydantic.ValidationError` in pydantic 2'))],
      output: 'from pydantic import BaseModel, ValidationError as VE\n',
    },
    {
      code: 'from pydantic.utils import to_camel, to_lower_camel\n',
      errors: [
        error(MOVED, 1, 28, 1, 36, moves('pydantic.utils.to_camel', 'is `pydantic.alias_generators.to_pascal` in pydantic 2')),
        error(MOVED, 1, 38, 1, 52, moves('pydantic.utils.to_lower_camel', 'is `pydantic.alias_generators.to_camel` in pydantic 2')),
      ],
      output: 'from pydantic.alias_generators import to_pascal as to_camel, to_camel as to_lower_camel\n',
    },
    {
      code: 'from pydantic.utils import deep_update\n',
      errors: [error(MOVED, 1, 28, 1, 39, moves('pydantic.utils.deep_update', 'is pydantic 1 code, kept as `pydantic.v1.utils.deep_update`'))],
      output: 'from pydantic.v1.utils import deep_update\n',
    },
    {
      code: 'from pydantic import PyObject\n',
      errors: [error(MOVED, 1, 22, 1, 30, moves('pydantic.PyObject', 'is `pydantic.ImportString` in pydantic 2'))],
      output: 'from pydantic import ImportString as PyObject\n',
    },
    {
      code: 'from pydantic import BaseModel, BaseSettings\n',
      errors: [error(MOVED, 1, 33, 1, 45, moves('pydantic.BaseSettings', SETTINGS_MOVED))],
      output: null,
    },
    {
      code: 'from pydantic import NoneStr, validate_model\n',
      errors: [
        error(MOVED, 1, 22, 1, 29, moves('pydantic.NoneStr', 'was removed in pydantic 2: use `Optional[str]`')),
        error(MOVED, 1, 31, 1, 45, moves('pydantic.validate_model', 'was removed in pydantic 2: use `Model.model_validate(data)`')),
      ],
      output: null,
    },
    {
      code: 'import pydantic\n\ntry:\n    run()\nexcept pydantic.error_wrappers.ValidationError:\n    pass\n',
      errors: [error(MOVED, 5, 8, 5, 47, moves('pydantic.error_wrappers.ValidationError', 'is `pydantic.ValidationError` in pydantic 2'))],
      output: 'import pydantic\n\ntry:\n    run()\nexcept pydantic.ValidationError:\n    pass\n',
    },
    {
      code: 'from pydantic.env_settings import BaseSettings, SettingsSourceCallable\n',
      errors: [
        error(MOVED, 1, 35, 1, 47, moves('pydantic.env_settings.BaseSettings', SETTINGS_MOVED)),
        error(MOVED, 1, 49, 1, 71, moves('pydantic.env_settings.SettingsSourceCallable', 'was removed in pydantic 2: subclass `pydantic_settings.PydanticBaseSettingsSource` (see `settings_customise_sources`)')),
      ],
      output: null,
    },
    {
      code: 'import pydantic as pd\n\nclass S(pd.BaseSettings):\n    url: str\n',
      errors: [error(MOVED, 3, 9, 3, 24, moves('pydantic.BaseSettings', SETTINGS_MOVED))],
      output: null,
    },
  ],
});

describe('pydantic configuration rules: unsafe fixes and peers', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const unsafeFixAll = (code: string, rule: string) => engine.fixAll(code, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text;

  it('keeps a removed Config key under a TODO, with the unsafe reason in the title', () => {
    const code = 'from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n        smart_union = True\n';
    const [finding] = engine.analyzeText(code, { select: [CONFIG] });
    assert.equal(finding.fixes[0].safety, 'unsafe');
    assert.match(finding.fixes[0].title, /pydantic 2 dropped or changed `smart_union`/);
    assert.equal(
      unsafeFixAll(code, CONFIG),
      'from pydantic import BaseModel, ConfigDict\n\nclass A(BaseModel):\n    # TODO: pydantic 2 ignores `smart_union`: unions are smart by default.\n    model_config = ConfigDict(from_attributes=True, smart_union=True)\n',
    );
  });

  it('shows the new statement in the hover', () => {
    const [finding] = engine.analyzeText('from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n', { select: [CONFIG] });
    assert.equal(finding.suggestion, '```python\nmodel_config = ConfigDict(from_attributes=True)\n```');
  });

  it('turns a Config docstring into a comment and keeps a header comment on the first line', () => {
    const code = 'from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:  # legacy\n        """Read rows."""\n        orm_mode = True\n';
    assert.equal(
      unsafeFixAll(code, CONFIG),
      'from pydantic import BaseModel, ConfigDict\n\nclass A(BaseModel):\n    model_config = ConfigDict(  # legacy\n        # Read rows.\n        from_attributes=True,\n    )\n',
    );
  });


  it('writes the unsafe Field fixes: pattern, examples, validation_alias, AliasChoices and Literal', () => {
    assert.equal(
      unsafeFixAll(`${MODEL}    x: str = Field(..., regex="^a", example="ab")\n    kind: str = Field("a", const=True)\n`, FIELD),
      'from pydantic import BaseModel, Field\nfrom typing import Literal\n\nclass A(BaseModel):\n    x: str = Field(..., pattern="^a", examples=["ab"])\n    kind: Literal["a"] = Field("a")\n',
    );
    assert.equal(
      unsafeFixAll('from pydantic import BaseSettings, Field\n\nclass S(BaseSettings):\n    url: str = Field(..., env="DB_URL")\n    cache: str = Field("", env=("CACHE", "REDIS"))\n', FIELD),
      'from pydantic import BaseSettings, Field, AliasChoices\n\nclass S(BaseSettings):\n    url: str = Field(..., validation_alias="DB_URL")\n    cache: str = Field("", validation_alias=AliasChoices("CACHE", "REDIS"))\n',
    );
    const [regex] = engine.analyzeText(`${MODEL}    x: str = Field(..., regex="^a")\n`, { select: [FIELD] });
    assert.equal(regex.fixes[0].title, 'Rename `regex` to `pattern` (unsafe: pydantic 2 searches the whole string with another regex engine, v1 matched at its start)');
  });


  it('moves BaseSettings and the extra types to their packages (unsafe), splitting the import', () => {
    const code = 'from pydantic import BaseModel, BaseSettings, PaymentCardNumber\nfrom pydantic.color import Color\n';
    assert.equal(
      unsafeFixAll(code, MOVED),
      'from pydantic import BaseModel\nfrom pydantic_extra_types.color import Color\nfrom pydantic_settings import BaseSettings\nfrom pydantic_extra_types.payment import PaymentCardNumber\n',
    );
    const [settings] = engine.analyzeText(code, { select: [MOVED] });
    assert.equal(settings.fixes[0].title, 'Import `BaseSettings` from `pydantic_settings` (unsafe: pydantic-settings is a separate package with pydantic 2 semantics)');
    assert.equal(
      unsafeFixAll('import pydantic\n\nclass S(pydantic.BaseSettings):\n    url: str\n', MOVED),
      'import pydantic\nfrom pydantic_settings import BaseSettings\n\nclass S(BaseSettings):\n    url: str\n',
    );
  });

  const peers: PeerCase[] = [
    { rule: MOVED, code: 'from pydantic import BaseSettings, NoneStr\nfrom pydantic.error_wrappers import ValidationError\n', peers: ['BP004', null, null] },
    { rule: FIELD, code: `${MODEL}    x: set = Field(..., min_items=1, unique_items=True)\n`, peers: ['BP003', null] },
    { rule: CONFIG, code: 'from pydantic import BaseModel\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n', peers: ['BP002'] },
  ];
  peerCases(() => engine, peers);
});

