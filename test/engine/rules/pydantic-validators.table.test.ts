// Rule tables of the pydantic family's validator and model-shape rules (pydantic-v1-validator,
// pydantic-generic-model, pydantic-custom-root, pydantic-optional-without-default): valid /
// invalid snippets with exact 1-based positions, messages and safe-fix output (conventions in
// ../rule-tester.ts), then the unsafe RootModel fixes, the peer code of each finding, and a
// bump-pydantic-style module whose fix-all is the pydantic 2 program bump-pydantic writes.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { pythonSyntaxError } from '../../helpers/fixtures';
import { expectedError, type PeerCase, peerCases, ruleTester } from '../rule-tester';

const error = expectedError;

const VALIDATOR = 'pydantic-v1-validator';
const GENERIC = 'pydantic-generic-model';
const ROOT = 'pydantic-custom-root';
const OPTIONAL = 'pydantic-optional-without-default';


ruleTester(VALIDATOR, {
  valid: [
    'from pydantic import BaseModel, field_validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @field_validator("name", mode="before")\n    @classmethod\n    def strip(cls, v):\n        return v.strip()\n',
    'from pydantic.v1 import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name", pre=True)\n    def strip(cls, v):\n        return v.strip()\n',
    'from pydantic import BaseModel\n\n\ndef validator(*names):\n    return lambda f: f\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name")\n    def strip(cls, v):\n        return v\n',
    'from marshmallow import Schema, validates as validator\nfrom pydantic import BaseModel\n\n\nclass UserSchema(Schema):\n    @validator("name")\n    def check(self, v):\n        return v\n',
    'import pydantic\nfrom pydantic import BaseModel, validator\n\nif pydantic.VERSION.startswith("1."):\n    class User(BaseModel):\n        name: str\n\n        @validator("name")\n        def strip(cls, v):\n            return v\n',
    'from pydantic import BaseModel, model_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @model_validator(mode="after")\n    def ordered(self):\n        return self\n',
    'class Schema:\n    def validator(self, name):\n        return name\n\n\nclass Form(Schema):\n    pass\n',
  ],
  invalid: [
    {
      code: 'from pydantic import BaseModel, root_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @root_validator(skip_on_failure=True)\n    @classmethod\n    def ordered(cls, values: dict) -> dict:\n        if values["start"] > values.get("end", 0):\n            raise ValueError("start after end")\n        return values\n',
      errors: [
        error(VALIDATOR, 8, 6, 8, 42, '`@root_validator(skip_on_failure=True)` is the pydantic 1 API: `@model_validator(mode="after")` gets the model instance (`self`), not a `values` dict, so the body needs rewriting'),
      ],
      output: 'from pydantic import BaseModel, model_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @model_validator(mode="after")\n    def ordered(self):\n        if self.start > self.end:\n            raise ValueError("start after end")\n        return self\n',
    },
    {
      code: 'from pydantic import BaseModel, root_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @root_validator(skip_on_failure=True)\n    def widen(cls, values):\n        values["end"] = max(values["end"], values["start"])\n        return values\n',
      errors: [
        error(VALIDATOR, 8, 6, 8, 42, '`@root_validator(skip_on_failure=True)` is the pydantic 1 API: `@model_validator(mode="after")` gets the model instance (`self`), not a `values` dict, so the body needs rewriting'),
      ],
      output: null,
    },
    {
      code: 'from pydantic import BaseModel, root_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @root_validator(skip_on_failure=True)\n    def check(cls, values):\n        if values.get("length"):\n            raise ValueError("no length field")\n        return values\n',
      errors: [
        error(VALIDATOR, 8, 6, 8, 42, '`@root_validator(skip_on_failure=True)` is the pydantic 1 API: `@model_validator(mode="after")` gets the model instance (`self`), not a `values` dict, so the body needs rewriting'),
      ],
      output: null,
    },
    {
      code: 'from typing import Any\n\nfrom pydantic import BaseModel, validator\n\n\nclass Loader(BaseModel):\n    path: str\n    mode: str\n\n    @validator("path")\n    def exists(cls, v: Any, **kwargs: Any) -> Any:\n        return v\n\n    @validator("mode")\n    def uses(cls, v, **kwargs):\n        return kwargs["values"].get("path") or v\n',
      errors: [
        error(VALIDATOR, 10, 6, 10, 23, '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod'),
        error(VALIDATOR, 14, 6, 14, 23, '`@validator` method reads `**kwargs`, where pydantic 1 passed `values`: a `@field_validator` takes `info: ValidationInfo` and reads `info.data`'),
      ],
      output: 'from typing import Any\n\nfrom pydantic import BaseModel, validator, field_validator\n\n\nclass Loader(BaseModel):\n    path: str\n    mode: str\n\n    @field_validator("path")\n    @classmethod\n    def exists(cls, v: Any, **kwargs: Any) -> Any:\n        return v\n\n    @validator("mode")\n    def uses(cls, v, **kwargs):\n        return kwargs["values"].get("path") or v\n',
    },
    {
      // One name per line: the renamed import keeps that layout (ImportPlan's separator).
      code: 'from pydantic import (\n    BaseModel,\n    validator,\n)\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name")\n    def strip(cls, v):\n        return v\n',
      errors: [error(VALIDATOR, 10, 6, 10, 23, '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod')],
      output: 'from pydantic import (\n    BaseModel,\n    field_validator,\n)\n\n\nclass User(BaseModel):\n    name: str\n\n    @field_validator("name")\n    @classmethod\n    def strip(cls, v):\n        return v\n',
    },
    {
      code: 'from pydantic import validator\n\nfrom .base import Model\n\n\nclass User(Model):\n    name: str\n\n    @validator("name")\n    def strip(cls, v):\n        return v\n',
      errors: [error(VALIDATOR, 9, 6, 9, 23, '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod')],
      output: 'from pydantic import field_validator\n\nfrom .base import Model\n\n\nclass User(Model):\n    name: str\n\n    @field_validator("name")\n    @classmethod\n    def strip(cls, v):\n        return v\n',
    },
    {
      code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name", pre=True, allow_reuse=True)\n    def strip(cls, v):\n        return v.strip()\n',
      errors: [
        error(VALIDATOR, 7, 6, 7, 51, '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod'),
      ],
      output: 'from pydantic import BaseModel, field_validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @field_validator("name", mode="before")\n    @classmethod\n    def strip(cls, v):\n        return v.strip()\n',
    },
    {
      code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name", check_fields=False)\n    @classmethod\n    def strip(cls, v: str) -> str:\n        return v.strip()\n',
      errors: [
        error(VALIDATOR, 7, 6, 7, 43, '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod'),
      ],
      output: 'from pydantic import BaseModel, field_validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @field_validator("name", check_fields=False)\n    @classmethod\n    def strip(cls, v: str) -> str:\n        return v.strip()\n',
    },
    {
      code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name", always=True)\n    def default(cls, v):\n        return v or "anonymous"\n',
      errors: [
        error(VALIDATOR, 7, 6, 7, 36, '`@validator(always=True)` has no `@field_validator` equivalent: set `validate_default=True` on the field, then use `@field_validator`'),
      ],
      output: null,
    },
    {
      code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name", each_item=True)\n    def each(cls, v):\n        return v\n',
      errors: [
        error(VALIDATOR, 7, 6, 7, 39, '`@validator(each_item=True)` has no `@field_validator` equivalent: validate the items through the item type (`list[Annotated[T, AfterValidator(f)]]`)'),
      ],
      output: null,
    },
    {
      code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name")\n    def check(cls, v, values):\n        """Depends on earlier fields."""\n        if values.get("banned"):\n            raise ValueError("banned")\n        return v\n',
      errors: [
        error(VALIDATOR, 7, 6, 7, 23, '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod'),
      ],
      output: 'from pydantic import BaseModel, ValidationInfo, field_validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @field_validator("name")\n    @classmethod\n    def check(cls, v, info: ValidationInfo):\n        """Depends on earlier fields."""\n        values = info.data\n        if values.get("banned"):\n            raise ValueError("banned")\n        return v\n',
    },
    {
      code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name")\n    def check(cls, v, values, field):\n        return v\n',
      errors: [
        error(VALIDATOR, 7, 6, 7, 23, '`@validator` method takes `field`, which pydantic 2 no longer passes (it raises): take `info: ValidationInfo` (`info.field_name`, `cls.model_config`)'),
      ],
      output: null,
    },
    {
      code: 'from pydantic import BaseModel, root_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @root_validator(pre=True)\n    def swap(cls, values):\n        return values\n',
      errors: [
        error(VALIDATOR, 8, 6, 8, 30, '`@root_validator(pre=True)` is the pydantic 1 API: pydantic 2 spells it `@model_validator(mode="before")` on a classmethod'),
      ],
      output: 'from pydantic import BaseModel, model_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @model_validator(mode="before")\n    @classmethod\n    def swap(cls, values):\n        return values\n',
    },
    {
      code: 'from pydantic import BaseModel, root_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @root_validator(skip_on_failure=True)\n    def ordered(cls, values):\n        return values\n',
      errors: [
        error(VALIDATOR, 8, 6, 8, 42, '`@root_validator(skip_on_failure=True)` is the pydantic 1 API: `@model_validator(mode="after")` gets the model instance (`self`), not a `values` dict, so the body needs rewriting'),
      ],
      output: 'from pydantic import BaseModel, model_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @model_validator(mode="after")\n    def ordered(self):\n        return self\n',
    },
    {
      code: 'from pydantic import BaseModel, root_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @root_validator\n    def ordered(cls, values):\n        return values\n',
      errors: [
        error(VALIDATOR, 8, 6, 8, 20, '`@root_validator` without `pre=True` or `skip_on_failure=True` raises in pydantic 2: use `@model_validator(mode="after")`, which gets the model instance instead of `values`'),
      ],
      output: null,
    },
    {
      code: 'import pydantic as pd\n\n\nclass User(pd.BaseModel):\n    name: str\n\n    @pd.validator("name", pre=False)\n    def strip(cls, v):\n        return v.strip()\n',
      errors: [
        error(VALIDATOR, 7, 6, 7, 37, '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod'),
      ],
      output: 'import pydantic as pd\n\n\nclass User(pd.BaseModel):\n    name: str\n\n    @pd.field_validator("name")\n    @classmethod\n    def strip(cls, v):\n        return v.strip()\n',
    },
    {
      code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n    email: str\n\n    @validator("name")\n    def a(cls, v):\n        return v\n\n    @validator("email", pre=True)\n    def b(cls, v):\n        return v\n',
      errors: [
        error(VALIDATOR, 8, 6, 8, 23, '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod'),
        error(VALIDATOR, 12, 6, 12, 34, '`@validator` is the pydantic 1 API: pydantic 2 spells it `@field_validator` on a classmethod'),
      ],
      output: 'from pydantic import BaseModel, field_validator\n\n\nclass User(BaseModel):\n    name: str\n    email: str\n\n    @field_validator("name")\n    @classmethod\n    def a(cls, v):\n        return v\n\n    @field_validator("email", mode="before")\n    @classmethod\n    def b(cls, v):\n        return v\n',
    },
  ],
});

ruleTester(GENERIC, {
  valid: [
    'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\n\nT = TypeVar("T")\n\n\nclass Page(BaseModel, Generic[T]):\n    items: list[T]\n',
    'from typing import Generic, TypeVar\n\nfrom pydantic.v1.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list[T]\n',
    'from pydantic import BaseModel\n\n\nclass GenericModel:\n    pass\n\n\nclass Page(GenericModel):\n    pass\n',
    'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\nfrom mylib.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list[T]\n',
    'import pydantic\n\nif pydantic.VERSION < "2":\n    from pydantic.generics import GenericModel\n\n    class Base(GenericModel):\n        pass\n',
    'from pydantic.generics import GenericModel\n\nMODEL_BASES = (GenericModel,)\n',
  ],
  invalid: [
    {
      code: 'from typing import Generic, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list[T]\n',
      errors: [
        error(GENERIC, 8, 12, 8, 24, '`GenericModel` is gone in pydantic 2: a generic model is a `BaseModel` that also derives from `Generic[T]`'),
      ],
      output: 'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\n\nT = TypeVar("T")\n\n\nclass Page(BaseModel, Generic[T]):\n    items: list[T]\n',
    },
    {
      code: 'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list[T]\n\n\nclass Item(BaseModel):\n    id: int\n',
      errors: [
        error(GENERIC, 9, 12, 9, 24, '`GenericModel` is gone in pydantic 2: a generic model is a `BaseModel` that also derives from `Generic[T]`'),
      ],
      output: 'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\n\nT = TypeVar("T")\n\n\nclass Page(BaseModel, Generic[T]):\n    items: list[T]\n\n\nclass Item(BaseModel):\n    id: int\n',
    },
    {
      code: 'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, BaseModel, Generic[T]):\n    items: list[T]\n',
      errors: [
        error(GENERIC, 9, 12, 9, 24, '`GenericModel` is gone in pydantic 2: a generic model is a `BaseModel` that also derives from `Generic[T]`'),
      ],
      output: 'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\n\nT = TypeVar("T")\n\n\nclass Page(BaseModel, Generic[T]):\n    items: list[T]\n',
    },
    {
      code: 'from typing import Generic, TypeVar\n\nimport pydantic.generics\n\nT = TypeVar("T")\n\n\nclass Page(pydantic.generics.GenericModel, Generic[T]):\n    items: list[T]\n',
      errors: [
        error(GENERIC, 8, 12, 8, 42, '`pydantic.generics.GenericModel` is gone in pydantic 2: a generic model is a `BaseModel` that also derives from `Generic[T]`'),
      ],
      output: 'from typing import Generic, TypeVar\n\nimport pydantic.generics\nfrom pydantic import BaseModel\n\nT = TypeVar("T")\n\n\nclass Page(BaseModel, Generic[T]):\n    items: list[T]\n',
    },
    {
      code: 'from typing import Generic, TypeVar\n\nfrom pydantic.generics import GenericModel as GM\n\nA = TypeVar("A")\nB = TypeVar("B")\n\n\nclass Page(GM, Generic[A]):\n    items: list[A]\n\n\nclass Pair(GM, Generic[A, B]):\n    left: A\n    right: B\n',
      errors: [
        error(GENERIC, 9, 12, 9, 14, '`GM` is gone in pydantic 2: a generic model is a `BaseModel` that also derives from `Generic[T]`'),
        error(GENERIC, 13, 12, 13, 14, '`GM` is gone in pydantic 2: a generic model is a `BaseModel` that also derives from `Generic[T]`'),
      ],
      output: 'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\n\nA = TypeVar("A")\nB = TypeVar("B")\n\n\nclass Page(BaseModel, Generic[A]):\n    items: list[A]\n\n\nclass Pair(BaseModel, Generic[A, B]):\n    left: A\n    right: B\n',
    },
    {
      code: 'from typing import Generic, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list[T]\n\n\nassert issubclass(Page, GenericModel)\n',
      errors: [
        error(GENERIC, 8, 12, 8, 24, '`GenericModel` is gone in pydantic 2: a generic model is a `BaseModel` that also derives from `Generic[T]`'),
      ],
      output: 'from typing import Generic, TypeVar\n\nfrom pydantic.generics import GenericModel\nfrom pydantic import BaseModel\n\nT = TypeVar("T")\n\n\nclass Page(BaseModel, Generic[T]):\n    items: list[T]\n\n\nassert issubclass(Page, GenericModel)\n',
    },
  ],
});

ruleTester(ROOT, {
  valid: [
    'from typing import List\n\nfrom pydantic import RootModel\n\n\nclass Tags(RootModel[List[str]]):\n    pass\n',
    'from typing import List\n\nfrom pydantic.v1 import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n',
    'from typing import List\n\nimport pydantic\n\n\nclass Tags:\n    __root__: List[str]\n',
    'from pydantic import BaseModel\n\n\nclass Item(BaseModel):\n    root: str\n',
    'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    items: List[str]\n\n    def first(self):\n        return self.__root__\n',
    'from typing import List\n\nimport pydantic\nfrom pydantic import BaseModel\n\nif pydantic.VERSION.startswith("1"):\n    class Tags(BaseModel):\n        __root__: List[str]\n',
  ],
  invalid: [
    {
      code: 'from typing import List\n\nfrom pydantic import BaseModel, Extra\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n\n    class Config:\n        extra = Extra.forbid\n',
      errors: [error(ROOT, 7, 5, 7, 13, '`Tags.__root__` is a pydantic 1 custom root type: pydantic 2 raises for it; derive from `RootModel[T]`')],
      output: null,
    },
    {
      code: 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n',
      errors: [
        error(ROOT, 7, 5, 7, 13, '`Tags.__root__` is a pydantic 1 custom root type: pydantic 2 raises for it; derive from `RootModel[T]`'),
      ],
      output: null,
    },
    {
      code: 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str] = []\n\n    def __iter__(self):\n        return iter(self.__root__)\n',
      errors: [
        error(ROOT, 7, 5, 7, 13, '`Tags.__root__` is a pydantic 1 custom root type: pydantic 2 raises for it; derive from `RootModel[T]`'),
      ],
      output: null,
    },
    {
      code: 'from typing import Dict\n\nimport pydantic\n\n\nclass Scores(pydantic.BaseModel):\n    """Scores by player."""\n\n    __root__: Dict[str, int]\n\n    class Config:\n        frozen = True\n',
      errors: [
        error(ROOT, 9, 5, 9, 13, '`Scores.__root__` is a pydantic 1 custom root type: pydantic 2 raises for it; derive from `RootModel[T]`'),
      ],
      output: null,
    },
    {
      code: 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Mixin:\n    pass\n\n\nclass Tags(BaseModel, Mixin):\n    __root__: List[str]\n',
      errors: [
        error(ROOT, 11, 5, 11, 13, '`Tags.__root__` is a pydantic 1 custom root type: pydantic 2 raises for it; derive from `RootModel[T]`'),
      ],
      output: null,
    },
    {
      code: 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n\n\ndefault = Tags(__root__=["a"])\n',
      errors: [
        error(ROOT, 7, 5, 7, 13, '`Tags.__root__` is a pydantic 1 custom root type: pydantic 2 raises for it; derive from `RootModel[T]`'),
      ],
      output: null,
    },
    {
      code: 'from typing import List, Union\n\nfrom pydantic import BaseModel\n\n\nclass Cat(BaseModel):\n    meow: int\n\n\nclass Dog(BaseModel):\n    bark: int\n\n\nclass Pet(BaseModel):\n    __root__: Union[Cat, Dog]\n',
      errors: [
        error(ROOT, 15, 5, 15, 13, '`Pet.__root__` is a pydantic 1 custom root type: pydantic 2 raises for it; derive from `RootModel[T]`'),
      ],
      output: null,
    },
  ],
});

ruleTester(OPTIONAL, {
  valid: [
    'from typing import Optional\n\nfrom pydantic import BaseModel, ConfigDict\n\n\nclass Event(BaseModel):\n    model_config = ConfigDict(frozen=True)\n    note: Optional[str]\n',
    'from typing import Optional\n\nfrom pydantic import BaseModel, Field\n\n\nclass Event(BaseModel):\n    note: Optional[str] = None\n    ref: Optional[str] = Field(..., description="required")\n    tag: Optional[str] = Field(default_factory=str)\n',
    'from dataclasses import dataclass\nfrom typing import Optional\n\nimport pydantic\n\n\n@dataclass\nclass Row:\n    note: Optional[str]\n',
    'from typing import ClassVar, Optional\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    registry: ClassVar[Optional[dict]]\n    _cache: Optional[dict]\n    label: "Optional[str]"\n',
    'from typing import Optional\n\nfrom pydantic.v1 import BaseModel\n\n\nclass Event(BaseModel):\n    note: Optional[str]\n',
    'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    count: int\n    ids: list[int]\n    note: Optional[str] = Field(None)\n',
    'from typing import Annotated, Optional\n\nfrom pydantic import BaseModel, Field\n\n\nclass Event(BaseModel):\n    note: Annotated[Optional[str], Field(max_length=9)]\n',
  ],
  invalid: [
    {
      code: 'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    note: Optional[str]\n',
      errors: [
        error(OPTIONAL, 7, 5, 7, 9, '`Event.note: Optional[str]` has no default: pydantic 1 defaulted it to None, pydantic 2 makes it required'),
      ],
      output: null, // the fix is unsafe: see 'unsafe fixes' below
    },
    {
      code: 'from typing import Any, Union\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    payload: Any\n    source: Union[str, None]\n',
      errors: [
        error(OPTIONAL, 7, 5, 7, 12, '`Event.payload: Any` has no default: pydantic 1 defaulted it to None, pydantic 2 makes it required'),
        error(OPTIONAL, 8, 5, 8, 11, '`Event.source: Union[str, None]` has no default: pydantic 1 defaulted it to None, pydantic 2 makes it required'),
      ],
      output: null, // the fix is unsafe: see 'unsafe fixes' below
    },
    {
      code: 'from pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    note: str | None\n',
      errors: [
        error(OPTIONAL, 5, 5, 5, 9, '`Event.note: str | None` has no default: pydantic 1 defaulted it to None, pydantic 2 makes it required'),
      ],
      output: null, // the fix is unsafe: see 'unsafe fixes' below
    },
    {
      code: 'import typing as t\n\nfrom pydantic import BaseModel, Field\n\n\nclass Event(BaseModel):\n    note: t.Optional[str] = Field(description="free text")\n    tag: t.Optional[str] = Field()\n',
      errors: [
        error(OPTIONAL, 7, 5, 7, 9, '`Event.note: t.Optional[str]` has no default: pydantic 1 defaulted it to None, pydantic 2 makes it required'),
        error(OPTIONAL, 8, 5, 8, 8, '`Event.tag: t.Optional[str]` has no default: pydantic 1 defaulted it to None, pydantic 2 makes it required'),
      ],
      output: null, // the fix is unsafe: see 'unsafe fixes' below
    },
    {
      code: 'from typing import Optional\n\nfrom pydantic import BaseSettings\n\n\nclass Settings(BaseSettings):\n    sentry_dsn: Optional[str]\n',
      errors: [
        error(OPTIONAL, 7, 5, 7, 15, '`Settings.sentry_dsn: Optional[str]` has no default: pydantic 1 defaulted it to None, pydantic 2 makes it required'),
      ],
      output: null, // the fix is unsafe: see 'unsafe fixes' below
    },
    {
      code: 'from typing import Generic, Optional, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    cursor: Optional[str]\n',
      errors: [
        error(OPTIONAL, 9, 5, 9, 11, '`Page.cursor: Optional[str]` has no default: pydantic 1 defaulted it to None, pydantic 2 makes it required'),
      ],
      output: null, // the fix is unsafe: see 'unsafe fixes' below
    },
    {
      code: 'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Base(BaseModel):\n    id: int\n\n\nclass Event(Base):\n    note: Optional[str]  # free text\n',
      errors: [
        error(OPTIONAL, 11, 5, 11, 9, '`Event.note: Optional[str]` has no default: pydantic 1 defaulted it to None, pydantic 2 makes it required'),
      ],
      output: null, // the fix is unsafe: see 'unsafe fixes' below
    },
  ],
});

describe('pydantic validators and shapes: unsafe fixes', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const cases: [string, string, string][] = [
    // RootModel rejects `extra`: no fix, even unsafe.
    [ROOT, 'from typing import List\n\nfrom pydantic import BaseModel, Extra\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n\n    class Config:\n        extra = Extra.forbid\n', 'from typing import List\n\nfrom pydantic import BaseModel, Extra\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n\n    class Config:\n        extra = Extra.forbid\n'],
    // Provable instances only: an annotated parameter and a parse_obj result, not `obj`.
    [ROOT, 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n\n\ndef names(tags: Tags) -> List[str]:\n    return tags.__root__\n\n\ndef load(data):\n    parsed = Tags.parse_obj(data)\n    return parsed.__root__\n\n\ndef unknown(obj):\n    return obj.__root__\n', 'from typing import List\n\nfrom pydantic import RootModel\n\n\nclass Tags(RootModel[List[str]]):\n    pass\n\n\ndef names(tags: Tags) -> List[str]:\n    return tags.root\n\n\ndef load(data):\n    parsed = Tags.parse_obj(data)\n    return parsed.root\n\n\ndef unknown(obj):\n    return obj.__root__\n'],
    [ROOT, 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n', 'from typing import List\n\nfrom pydantic import RootModel\n\n\nclass Tags(RootModel[List[str]]):\n    pass\n'],
    [ROOT, 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str] = []\n\n    def __iter__(self):\n        return iter(self.__root__)\n', 'from typing import List\n\nfrom pydantic import RootModel\n\n\nclass Tags(RootModel[List[str]]):\n    root: List[str] = []\n\n    def __iter__(self):\n        return iter(self.root)\n'],
    [ROOT, 'from typing import Dict\n\nimport pydantic\n\n\nclass Scores(pydantic.BaseModel):\n    """Scores by player."""\n\n    __root__: Dict[str, int]\n\n    class Config:\n        frozen = True\n', 'from typing import Dict\n\nimport pydantic\n\n\nclass Scores(pydantic.RootModel[Dict[str, int]]):\n    """Scores by player."""\n\n    class Config:\n        frozen = True\n'],
    [ROOT, 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n\n\ndefault = Tags(__root__=["a"])\n', 'from typing import List\n\nfrom pydantic import RootModel\n\n\nclass Tags(RootModel[List[str]]):\n    pass\n\n\ndefault = Tags(["a"])\n'],
    [ROOT, 'from typing import List, Union\n\nfrom pydantic import BaseModel\n\n\nclass Cat(BaseModel):\n    meow: int\n\n\nclass Dog(BaseModel):\n    bark: int\n\n\nclass Pet(BaseModel):\n    __root__: Union[Cat, Dog]\n', 'from typing import List, Union\n\nfrom pydantic import BaseModel, RootModel\n\n\nclass Cat(BaseModel):\n    meow: int\n\n\nclass Dog(BaseModel):\n    bark: int\n\n\nclass Pet(RootModel[Union[Cat, Dog]]):\n    pass\n'],
    // The Optional default: the field stops being required on pydantic 2, so the fix is unsafe.
    [OPTIONAL, 'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    note: Optional[str]\n', 'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    note: Optional[str] = None\n'],
    [OPTIONAL, 'from typing import Any, Union\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    payload: Any\n    source: Union[str, None]\n', 'from typing import Any, Union\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    payload: Any = None\n    source: Union[str, None] = None\n'],
    [OPTIONAL, 'from pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    note: str | None\n', 'from pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    note: str | None = None\n'],
    [OPTIONAL, 'import typing as t\n\nfrom pydantic import BaseModel, Field\n\n\nclass Event(BaseModel):\n    note: t.Optional[str] = Field(description="free text")\n    tag: t.Optional[str] = Field()\n', 'import typing as t\n\nfrom pydantic import BaseModel, Field\n\n\nclass Event(BaseModel):\n    note: t.Optional[str] = Field(default=None, description="free text")\n    tag: t.Optional[str] = Field(default=None)\n'],
    [OPTIONAL, 'from typing import Optional\n\nfrom pydantic import BaseSettings\n\n\nclass Settings(BaseSettings):\n    sentry_dsn: Optional[str]\n', 'from typing import Optional\n\nfrom pydantic import BaseSettings\n\n\nclass Settings(BaseSettings):\n    sentry_dsn: Optional[str] = None\n'],
    [OPTIONAL, 'from typing import Generic, Optional, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    cursor: Optional[str]\n', 'from typing import Generic, Optional, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    cursor: Optional[str] = None\n'],
    [OPTIONAL, 'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Base(BaseModel):\n    id: int\n\n\nclass Event(Base):\n    note: Optional[str]  # free text\n', 'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Base(BaseModel):\n    id: int\n\n\nclass Event(Base):\n    note: Optional[str] = None  # free text\n'],
  ];
  cases.forEach(([rule, code, fixed], i) => {
    it(`${rule} #${i + 1}`, () => {
      const result = engine.fixAll(code, { select: [rule] }, { unsafe: true, rules: new Set([rule]) }).text;
      assert.equal(result, fixed);
      assert.equal(pythonSyntaxError(result), null);
    });
  });
});

describe('pydantic validators and shapes: one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const cases: PeerCase[] = [
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name", pre=True, allow_reuse=True)\n    def strip(cls, v):\n        return v.strip()\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name", check_fields=False)\n    @classmethod\n    def strip(cls, v: str) -> str:\n        return v.strip()\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name", always=True)\n    def default(cls, v):\n        return v or "anonymous"\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name", each_item=True)\n    def each(cls, v):\n        return v\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name")\n    def check(cls, v, values):\n        """Depends on earlier fields."""\n        if values.get("banned"):\n            raise ValueError("banned")\n        return v\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n\n    @validator("name")\n    def check(cls, v, values, field):\n        return v\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, root_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @root_validator(pre=True)\n    def swap(cls, values):\n        return values\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, root_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @root_validator(skip_on_failure=True)\n    def ordered(cls, values):\n        return values\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, root_validator\n\n\nclass Window(BaseModel):\n    start: int\n    end: int\n\n    @root_validator\n    def ordered(cls, values):\n        return values\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'import pydantic as pd\n\n\nclass User(pd.BaseModel):\n    name: str\n\n    @pd.validator("name", pre=False)\n    def strip(cls, v):\n        return v.strip()\n', peers: ["BP007"] },
    { rule: VALIDATOR, code: 'from pydantic import BaseModel, validator\n\n\nclass User(BaseModel):\n    name: str\n    email: str\n\n    @validator("name")\n    def a(cls, v):\n        return v\n\n    @validator("email", pre=True)\n    def b(cls, v):\n        return v\n', peers: ["BP007", "BP007"] },
    { rule: GENERIC, code: 'from typing import Generic, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list[T]\n', peers: ["BP005"] },
    { rule: GENERIC, code: 'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list[T]\n\n\nclass Item(BaseModel):\n    id: int\n', peers: ["BP005"] },
    { rule: GENERIC, code: 'from typing import Generic, TypeVar\n\nfrom pydantic import BaseModel\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, BaseModel, Generic[T]):\n    items: list[T]\n', peers: ["BP005"] },
    { rule: GENERIC, code: 'from typing import Generic, TypeVar\n\nimport pydantic.generics\n\nT = TypeVar("T")\n\n\nclass Page(pydantic.generics.GenericModel, Generic[T]):\n    items: list[T]\n', peers: ["BP005"] },
    { rule: GENERIC, code: 'from typing import Generic, TypeVar\n\nfrom pydantic.generics import GenericModel as GM\n\nA = TypeVar("A")\nB = TypeVar("B")\n\n\nclass Page(GM, Generic[A]):\n    items: list[A]\n\n\nclass Pair(GM, Generic[A, B]):\n    left: A\n    right: B\n', peers: ["BP005", "BP005"] },
    { rule: GENERIC, code: 'from typing import Generic, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list[T]\n\n\nassert issubclass(Page, GenericModel)\n', peers: ["BP005"] },
    { rule: ROOT, code: 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n', peers: ["BP006"] },
    { rule: ROOT, code: 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str] = []\n\n    def __iter__(self):\n        return iter(self.__root__)\n', peers: ["BP006"] },
    { rule: ROOT, code: 'from typing import Dict\n\nimport pydantic\n\n\nclass Scores(pydantic.BaseModel):\n    """Scores by player."""\n\n    __root__: Dict[str, int]\n\n    class Config:\n        frozen = True\n', peers: ["BP006"] },
    { rule: ROOT, code: 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Mixin:\n    pass\n\n\nclass Tags(BaseModel, Mixin):\n    __root__: List[str]\n', peers: ["BP006"] },
    { rule: ROOT, code: 'from typing import List\n\nfrom pydantic import BaseModel\n\n\nclass Tags(BaseModel):\n    __root__: List[str]\n\n\ndefault = Tags(__root__=["a"])\n', peers: ["BP006"] },
    { rule: ROOT, code: 'from typing import List, Union\n\nfrom pydantic import BaseModel\n\n\nclass Cat(BaseModel):\n    meow: int\n\n\nclass Dog(BaseModel):\n    bark: int\n\n\nclass Pet(BaseModel):\n    __root__: Union[Cat, Dog]\n', peers: ["BP006"] },
    { rule: OPTIONAL, code: 'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    note: Optional[str]\n', peers: ["BP001"] },
    { rule: OPTIONAL, code: 'from typing import Any, Union\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    payload: Any\n    source: Union[str, None]\n', peers: ["BP001", "BP001"] },
    { rule: OPTIONAL, code: 'from pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    note: str | None\n', peers: ["BP001"] },
    { rule: OPTIONAL, code: 'import typing as t\n\nfrom pydantic import BaseModel, Field\n\n\nclass Event(BaseModel):\n    note: t.Optional[str] = Field(description="free text")\n    tag: t.Optional[str] = Field()\n', peers: [null, null] },
    { rule: OPTIONAL, code: 'from typing import Optional\n\nfrom pydantic import BaseSettings\n\n\nclass Settings(BaseSettings):\n    sentry_dsn: Optional[str]\n', peers: ["BP001"] },
    { rule: OPTIONAL, code: 'from typing import Generic, Optional, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar("T")\n\n\nclass Page(GenericModel, Generic[T]):\n    cursor: Optional[str]\n', peers: ["BP001"] },
    { rule: OPTIONAL, code: 'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Base(BaseModel):\n    id: int\n\n\nclass Event(Base):\n    note: Optional[str]  # free text\n', peers: ["BP001"] },
  ];
  peerCases(() => engine, cases);
});

// A module as bump-pydantic's README and tests write pydantic 1 code; after fix-all (unsafe
// included) it is the program bump-pydantic produces, import order aside: BP001 `= None`,
// BP005 BaseModel, BP006 RootModel with `pass`, BP007 field/model validators + @classmethod.
const BUMP_INPUT = [
  "from typing import Any, Dict, Generic, List, Optional, TypeVar",
  "",
  "from pydantic import BaseModel, root_validator, validator",
  "from pydantic.generics import GenericModel",
  "",
  "T = TypeVar(\"T\")",
  "",
  "",
  "class User(BaseModel):",
  "    id: int",
  "    name: str",
  "    nickname: Optional[str]",
  "    extra: Any",
  "",
  "    @validator(\"name\", pre=True, allow_reuse=True)",
  "    def strip_name(cls, v):",
  "        return v.strip()",
  "",
  "    @root_validator(pre=True)",
  "    def legacy_id(cls, values):",
  "        values.setdefault(\"id\", values.pop(\"user_id\", 0))",
  "        return values",
  "",
  "",
  "class Users(BaseModel):",
  "    __root__: List[User]",
  "",
  "",
  "class Page(GenericModel, Generic[T]):",
  "    items: List[T]",
  "    cursor: Optional[str]",
  "",
  "",
  "class Headers(BaseModel):",
  "    __root__: Dict[str, str]",
  ""
].join('\n');

const BUMP_OUTPUT = [
  "from typing import Any, Dict, Generic, List, Optional, TypeVar",
  "",
  "from pydantic import BaseModel, field_validator, model_validator, RootModel",
  "",
  "T = TypeVar(\"T\")",
  "",
  "",
  "class User(BaseModel):",
  "    id: int",
  "    name: str",
  "    nickname: Optional[str] = None",
  "    extra: Any = None",
  "",
  "    @field_validator(\"name\", mode=\"before\")",
  "    @classmethod",
  "    def strip_name(cls, v):",
  "        return v.strip()",
  "",
  "    @model_validator(mode=\"before\")",
  "    @classmethod",
  "    def legacy_id(cls, values):",
  "        values.setdefault(\"id\", values.pop(\"user_id\", 0))",
  "        return values",
  "",
  "",
  "class Users(RootModel[List[User]]):",
  "    pass",
  "",
  "",
  "class Page(BaseModel, Generic[T]):",
  "    items: List[T]",
  "    cursor: Optional[str] = None",
  "",
  "",
  "class Headers(RootModel[Dict[str, str]]):",
  "    pass",
  ""
].join('\n');

describe('pydantic validators and shapes: a bump-pydantic module, fixed', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const rules = [VALIDATOR, GENERIC, ROOT, OPTIONAL];

  it('becomes the pydantic 2 program bump-pydantic writes, which python3 parses', () => {
    const fixed = engine.fixAll(BUMP_INPUT, { select: rules }, { unsafe: true, rules: new Set(rules) }).text;
    assert.equal(fixed, BUMP_OUTPUT);
    assert.equal(pythonSyntaxError(fixed), null);
    assert.deepEqual(engine.analyzeText(fixed, { select: rules }), []);
  });

  it('keeps the validator and generic fixes, not the Optional default, when unsafe ones are off', () => {
    const fixed = engine.fixAll(BUMP_INPUT, { select: rules }, { unsafe: false, rules: new Set(rules) }).text;
    assert.match(fixed, /class Users\(BaseModel\):\n    __root__: List\[User\]/);
    assert.match(fixed, /class Page\(BaseModel, Generic\[T\]\):/);
    assert.match(fixed, /nickname: Optional\[str\]\n/, 'the Optional default is an unsafe fix');
    assert.equal(pythonSyntaxError(fixed), null);
  });

  it('keeps reporting a half-migrated file (pydantic 1 spellings next to pydantic 2 ones)', () => {
    const code =
      'from typing import Optional\n\nfrom pydantic import BaseModel, field_validator\n\n\nclass Event(BaseModel):\n    note: Optional[str]\n\n    class Config:\n        orm_mode = True\n';
    assert.equal(engine.analyzeText(code, { select: [OPTIONAL] }).length, 1);
    assert.deepEqual(engine.analyzeText(code.replace(/\n\n    class Config:[^]*$/, '\n'), { select: [OPTIONAL] }), []);
  });

  it('reads an Optional field as a choice in a project declared on pydantic 2 with no pydantic 1 API', () => {
    const code = 'from typing import Optional\n\nfrom pydantic import BaseModel\n\n\nclass Event(BaseModel):\n    note: Optional[str]\n';
    assert.deepEqual(engine.analyzeText(code, { select: [OPTIONAL], pydanticVersion: [2, 5] }), []);
    assert.equal(engine.analyzeText(code + '\n    class Config:\n        orm_mode = True\n', { select: [OPTIONAL], pydanticVersion: [2, 5] }).length, 1);
    assert.deepEqual(engine.analyzeText(code, { select: [OPTIONAL], pydanticVersion: [1, 10] }), []);
  });
});
