// Rule tables of the pydantic family's method rules (pydantic-v1-method, pydantic-parse-obj-as,
// pydantic-constrained-type): valid / invalid snippets with exact 1-based positions, messages
// and safe-fix output (conventions in ../rule-tester.ts), then the one peer code of each finding.
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { expectedError, type PeerCase, peerCases, ruleTester } from '../rule-tester';

const METHOD = 'pydantic-v1-method';

/** A module with one model, `User`; the snippet's code starts on line 8. */
const USER = 'from pydantic import BaseModel\n\n\nclass User(BaseModel):\n    name: str\n\n\n';
const user = (code: string) => USER + code;
/** Two models, `Item` and `Order` (with `items: List[Item]`); the snippet's code starts on line 15. */
const ORDERS = 'from typing import List, Optional\n\nfrom pydantic import BaseModel\n\n\nclass Item(BaseModel):\n    sku: str\n\n\nclass Order(BaseModel):\n    items: List[Item]\n    buyer: Optional[Item] = None\n\n\n';
const method = (line: number, column: number, endLine: number, endColumn: number, message: string) => expectedError(METHOD, line, column, endLine, endColumn, message);
const renamed = (old: string, modern: string) => `\`.${old}()\` is the pydantic 1 name of \`.${modern}()\``;

ruleTester(METHOD, {
  valid: [
    user('def f(d: dict):\n    return d.copy()\n'),
    "import requests\nfrom pydantic import BaseModel\n\n\ndef f():\n    return requests.get('u').json()\n",
    // pydantic.v1 keeps the v1 API on purpose.
    "from pydantic.v1 import BaseModel\n\n\nclass User(BaseModel):\n    name: str\n\n\nUser.parse_obj({})\n",
    // A model of another module: unknown.
    "from pydantic import BaseModel\nfrom app.models import User\n\n\ndef f(u: User):\n    return u.dict()\n",
    user('class Cache:\n    def clone(self):\n        return self.copy()\n'),
    user('def f(u: User):\n    u = {}\n    return u.copy()\n'),
    // The model's own `dict`: the call reaches it, not pydantic's.
    "from pydantic import BaseModel\n\n\nclass User(BaseModel):\n    name: str\n\n    def dict(self, **kw):\n        return {}\n\n\nUser(name='x').dict()\n",
    user('def f(users: list):\n    for u in users:\n        u.dict()\n'),
    "class User:\n    pass\n\n\nUser().dict()\n",
    user('def f(u: User):\n    return u.model_dump(), User.model_validate({}), u.model_copy()\n'),
    user('class Other:\n    @staticmethod\n    def merge(self):\n        return self.copy()\n'),
    user('def f(pool):\n    with pool.connect() as u:\n        return u.json()\n'),
    // A same-file mixin's own `dict` reaches the model deriving from it.
    "from pydantic import BaseModel\n\n\nclass Exportable:\n    def dict(self):\n        return {}\n\n\nclass User(Exportable, BaseModel):\n    name: str\n\n\nUser(name='x').dict()\n",
    ORDERS + 'def f(items: List[dict], o: Order):\n    for it in items:\n        print(it.copy())\n    for i, x in enumerate(o.items):\n        print(x.copy())\n',
    user('PYDANTIC_V1 = False\n\n\ndef f(u: User):\n    if PYDANTIC_V1:\n        return u.dict()\n    return u.model_dump()\n'),
    user('def load() -> dict:\n    return {}\n\n\nprint(load().copy())\n'),
    user('class Service:\n    def __init__(self, user: User):\n        self.user = user\n\n    def reset(self):\n        self.user = {}\n\n    def dump(self):\n        return self.user.copy()\n'),
  ],
  invalid: [
    {
      code: user('def show(user: User):\n    return user.dict(exclude_none=True)\n'),
      errors: [method(9, 17, 9, 21, renamed('dict', 'model_dump'))],
      output: user('def show(user: User):\n    return user.model_dump(exclude_none=True)\n'),
    },
    {
      code: user("u = User(name='a')\nprint(u.json())\n"),
      errors: [method(9, 9, 9, 13, renamed('json', 'model_dump_json'))],
      output: user("u = User(name='a')\nprint(u.model_dump_json())\n"),
    },
    {
      code: user('def load(rows):\n    return [User.parse_obj(r) for r in rows]\n'),
      errors: [method(9, 18, 9, 27, renamed('parse_obj', 'model_validate'))],
      output: user('def load(rows):\n    return [User.model_validate(r) for r in rows]\n'),
    },
    {
      // Unsafe: malformed JSON raises another error.
      code: user('def load(body):\n    return User.parse_raw(body)\n'),
      errors: [method(9, 17, 9, 26, renamed('parse_raw', 'model_validate_json'))],
      output: null,
    },
    {
      // No orm_mode / from_attributes in the config: the fix adds from_attributes=True (unsafe).
      code: user('def load(row):\n    return User.from_orm(row)\n'),
      errors: [method(9, 17, 9, 25, '`.from_orm()` is the pydantic 1 name of `.model_validate()` with `from_attributes`')],
      output: null,
    },
    {
      code: "from pydantic import BaseModel\n\n\nclass User(BaseModel):\n    class Config:\n        orm_mode = True\n\n\ndef load(row):\n    return User.from_orm(row)\n",
      errors: [method(10, 17, 10, 25, '`.from_orm()` is the pydantic 1 name of `.model_validate()` with `from_attributes`')],
      output: "from pydantic import BaseModel\n\n\nclass User(BaseModel):\n    class Config:\n        orm_mode = True\n\n\ndef load(row):\n    return User.model_validate(row)\n",
    },
    {
      code: user("def clone(u: User):\n    return u.copy(include={'name'})\n"),
      errors: [method(9, 14, 9, 18, '`.copy()` with `include=` has no pydantic 2 counterpart: validate a filtered `.model_dump(include=…)` instead')],
      output: null,
    },
    {
      code: user("def clone(u: User):\n    return u.copy(update={'name': 'b'})\n"),
      errors: [method(9, 14, 9, 18, renamed('copy', 'model_copy'))],
      output: user("def clone(u: User):\n    return u.model_copy(update={'name': 'b'})\n"),
    },
    {
      // extra="allow" on a same-file base: update's non-field keys would go to the extras (unsafe).
      code: "from pydantic import BaseModel\n\n\nclass Base(BaseModel):\n    class Config:\n        extra = 'allow'\n\n\nclass User(Base):\n    name: str\n\n\ndef f(u: User):\n    return u.copy(update={'x': 1})\n",
      errors: [method(14, 14, 14, 18, renamed('copy', 'model_copy'))],
      output: null,
    },
    {
      code: user('def f(u: User):\n    return u.json(sort_keys=True)\n'),
      errors: [method(9, 14, 9, 18, '`.json()` with `sort_keys=` raises `TypeError` on pydantic 2: `.model_dump_json()` takes no `json.dumps()` arguments')],
      output: null,
    },
    {
      code: user('def f(u: User):\n    return u.json(encoder=str)\n'),
      errors: [method(9, 14, 9, 18, '`.json()` with `encoder=` raises `TypeError` on pydantic 2: use `.model_dump_json()` and a field serializer (`@field_serializer`)')],
      output: null,
    },
    {
      // On an instance, `model_fields` is read from the class.
      code: user('def f(u: User):\n    return u.__fields__, User.__fields__, u.__fields_set__\n'),
      errors: [
        method(9, 14, 9, 24, '`__fields__` is the pydantic 1 name of `model_fields`'),
        method(9, 31, 9, 41, '`__fields__` is the pydantic 1 name of `model_fields`'),
        method(9, 45, 9, 59, '`__fields_set__` is the pydantic 1 name of `model_fields_set`'),
      ],
      output: user('def f(u: User):\n    return type(u).model_fields, User.model_fields, u.model_fields_set\n'),
    },
    {
      code: user('User.update_forward_refs(Other=int)\n'),
      errors: [method(8, 6, 8, 25, '`.update_forward_refs()` with namespace arguments raises `TypeError` on pydantic 2: call `.model_rebuild()` once the names are defined')],
      output: null,
    },
    {
      code: user('User.update_forward_refs()\n'),
      errors: [method(8, 6, 8, 25, renamed('update_forward_refs', 'model_rebuild'))],
      output: user('User.model_rebuild()\n'),
    },
    {
      code: user("print(User.schema(by_alias=False), User.parse_file('x.json'))\n"),
      errors: [
        method(8, 12, 8, 18, renamed('schema', 'model_json_schema')),
        method(8, 41, 8, 51, '`.parse_file()` is pydantic 1 API: read the file, then call `User.model_validate_json(text)`'),
      ],
      output: user("print(User.model_json_schema(by_alias=False), User.parse_file('x.json'))\n"),
    },
    {
      code: "import pydantic\n\n\nclass User(pydantic.BaseModel):\n    name: str\n\n    def dump(self):\n        return self.dict()\n",
      errors: [method(8, 21, 8, 25, renamed('dict', 'model_dump'))],
      output: "import pydantic\n\n\nclass User(pydantic.BaseModel):\n    name: str\n\n    def dump(self):\n        return self.model_dump()\n",
    },
    {
      // `**opts` may hold json.dumps() arguments (unsafe); model_dump() accepts all of dict()'s.
      code: user('def f(u: User, opts):\n    return u.json(**opts), u.dict(**opts)\n'),
      errors: [method(9, 14, 9, 18, renamed('json', 'model_dump_json')), method(9, 30, 9, 34, renamed('dict', 'model_dump'))],
      output: user('def f(u: User, opts):\n    return u.json(**opts), u.model_dump(**opts)\n'),
    },
    {
      // The result of a model classmethod, then of a copy, is a model.
      code: user('def f(d: dict):\n    v = User.parse_obj(d).copy()\n    return v.dict(), User.construct(name="x")\n'),
      errors: [
        method(9, 14, 9, 23, renamed('parse_obj', 'model_validate')),
        method(9, 27, 9, 31, renamed('copy', 'model_copy')),
        method(10, 14, 10, 18, renamed('dict', 'model_dump')),
        method(10, 27, 10, 36, renamed('construct', 'model_construct')),
      ],
      output: user('def f(d: dict):\n    v = User.model_validate(d).model_copy()\n    return v.model_dump(), User.model_construct(name="x")\n'),
    },
    {
      // Items of an annotated collection, a model field's declared type, a same-file function's result.
      code: ORDERS + 'def f(o: Order, items: List[Item]):\n    for it in items:\n        print(it.dict())\n    for it2 in o.items:\n        print(it2.json())\n    return o.buyer.copy()\n',
      errors: [
        method(17, 18, 17, 22, renamed('dict', 'model_dump')),
        method(19, 19, 19, 23, renamed('json', 'model_dump_json')),
        method(20, 20, 20, 24, renamed('copy', 'model_copy')),
      ],
      output: ORDERS + 'def f(o: Order, items: List[Item]):\n    for it in items:\n        print(it.model_dump())\n    for it2 in o.items:\n        print(it2.model_dump_json())\n    return o.buyer.model_copy()\n',
    },
    {
      code: ORDERS + "async def load() -> 'Order':\n    return Order(items=[])\n\n\nasync def g():\n    o = await load()\n    return o.dict()\n",
      errors: [method(21, 14, 21, 18, renamed('dict', 'model_dump'))],
      output: ORDERS + "async def load() -> 'Order':\n    return Order(items=[])\n\n\nasync def g():\n    o = await load()\n    return o.model_dump()\n",
    },
    {
      // `self.settings` of a plain class whose every binding of it is a model.
      code: user('class Service:\n    def __init__(self, user: User):\n        self.user = user\n        self.guest = User(name="guest")\n\n    def dump(self):\n        return self.user.dict(), self.guest.json()\n'),
      errors: [method(14, 26, 14, 30, renamed('dict', 'model_dump')), method(14, 45, 14, 49, renamed('json', 'model_dump_json'))],
      output: user('class Service:\n    def __init__(self, user: User):\n        self.user = user\n        self.guest = User(name="guest")\n\n    def dump(self):\n        return self.user.model_dump(), self.guest.model_dump_json()\n'),
    },
    {
      // serialize_by_alias in the config: model_dump() follows it, dict() passed by_alias=False (unsafe).
      code: "from pydantic import BaseModel, ConfigDict\n\n\nclass User(BaseModel):\n    model_config = ConfigDict(serialize_by_alias=True)\n\n\ndef f(u: User):\n    return u.dict(), u.dict(by_alias=False)\n",
      errors: [method(9, 14, 9, 18, renamed('dict', 'model_dump')), method(9, 24, 9, 28, renamed('dict', 'model_dump'))],
      output: "from pydantic import BaseModel, ConfigDict\n\n\nclass User(BaseModel):\n    model_config = ConfigDict(serialize_by_alias=True)\n\n\ndef f(u: User):\n    return u.dict(), u.model_dump(by_alias=False)\n",
    },
    {
      // The unsafe fix writes json.dumps(...), importing json; no safe fix to apply here.
      code: user('print(User.schema_json(indent=2))\n'),
      errors: [method(8, 12, 8, 23, '`.schema_json()` is pydantic 1 API: use `json.dumps(User.model_json_schema())`')],
      output: null,
    },
    {
      code: "from typing import Generic, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar('T')\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list\n\n\nPage[int].parse_obj({'items': []})\n",
      errors: [method(12, 11, 12, 20, renamed('parse_obj', 'model_validate'))],
      output: "from typing import Generic, TypeVar\n\nfrom pydantic.generics import GenericModel\n\nT = TypeVar('T')\n\n\nclass Page(GenericModel, Generic[T]):\n    items: list\n\n\nPage[int].model_validate({'items': []})\n",
    },
  ],
});

const PARSE = 'pydantic-parse-obj-as';
const parse = (line: number, column: number, endLine: number, endColumn: number, message: string) => expectedError(PARSE, line, column, endLine, endColumn, message);
const VALIDATE_PYTHON = 'is pydantic 1 API: use `TypeAdapter(…).validate_python()`';

ruleTester(PARSE, {
  valid: [
    "from pydantic.v1 import parse_obj_as\nfrom pydantic import BaseModel\n\nx = parse_obj_as(int, 1)\n",
    "from pydantic import BaseModel\n\n\ndef parse_obj_as(t, x):\n    return x\n\n\nparse_obj_as(int, 1)\n",
    "from pydantic import TypeAdapter\n\nx = TypeAdapter(int).validate_python(1)\n",
    "from mylib import parse_obj_as\nimport pydantic\n\nx = parse_obj_as(int, 1)\n",
    // A re-export keeps its import.
    "from pydantic import parse_obj_as  # noqa: F401\n",
    "import pydantic.v1 as pydantic\n\nx = pydantic.parse_obj_as(int, 1)\n",
  ],
  invalid: [
    {
      code: "from typing import List\n\nfrom pydantic import BaseModel, parse_obj_as\n\n\nclass User(BaseModel):\n    name: str\n\n\ndef load(rows) -> List[User]:\n    return parse_obj_as(List[User], rows)\n",
      errors: [parse(11, 12, 11, 42, `\`parse_obj_as()\` ${VALIDATE_PYTHON}`)],
      output: "from typing import List\n\nfrom pydantic import BaseModel, TypeAdapter\n\n\nclass User(BaseModel):\n    name: str\n\n\ndef load(rows) -> List[User]:\n    return TypeAdapter(List[User]).validate_python(rows)\n",
    },
    {
      code: "import pydantic\n\n\ndef load(rows):\n    return pydantic.parse_obj_as(list[int], rows)\n",
      errors: [parse(5, 12, 5, 50, `\`pydantic.parse_obj_as()\` ${VALIDATE_PYTHON}`)],
      output: "import pydantic\n\n\ndef load(rows):\n    return pydantic.TypeAdapter(list[int]).validate_python(rows)\n",
    },
    {
      code: "from pydantic.tools import parse_obj_as as parse, schema_of\n\nprint(parse(int, '1'), schema_of(int, by_alias=False))\n",
      errors: [parse(3, 7, 3, 22, `\`parse()\` ${VALIDATE_PYTHON}`), parse(3, 24, 3, 54, '`schema_of()` is pydantic 1 API: use `TypeAdapter(…).json_schema()`')],
      output: "from pydantic import TypeAdapter\n\nprint(TypeAdapter(int).validate_python('1'), TypeAdapter(int).json_schema(by_alias=False))\n",
    },
    {
      // Removed in pydantic 2; the fix is unsafe (JSON mode, other errors for malformed JSON).
      code: "from pydantic import parse_raw_as\n\nx = parse_raw_as(dict[str, int], body)\n",
      errors: [parse(3, 5, 3, 39, '`parse_raw_as()` was removed in pydantic 2: use `TypeAdapter(…).validate_json()`')],
      output: null,
    },
    {
      // Two calls: fix-all rewrites both, then removes the import they leave unused.
      code: "from pydantic import parse_obj_as\n\na = parse_obj_as(int, 1)\nb = parse_obj_as(str, 'x')\n",
      errors: [parse(3, 5, 3, 25, `\`parse_obj_as()\` ${VALIDATE_PYTHON}`), parse(4, 5, 4, 27, `\`parse_obj_as()\` ${VALIDATE_PYTHON}`)],
      output: "from pydantic import TypeAdapter\n\na = TypeAdapter(int).validate_python(1)\nb = TypeAdapter(str).validate_python('x')\n",
    },
    {
      code: "from pydantic import TypeAdapter, parse_obj_as\n\na = parse_obj_as(int, 1, type_name='N')\n",
      errors: [parse(3, 5, 3, 40, `\`parse_obj_as()\` ${VALIDATE_PYTHON}`)],
      output: "from pydantic import TypeAdapter\n\na = TypeAdapter(int).validate_python(1)\n",
    },
    {
      code: "from pydantic import schema_of\n\ns = schema_of(int, title='Count')\n",
      errors: [parse(3, 5, 3, 34, '`schema_of()` is pydantic 1 API: use `TypeAdapter(…).json_schema()`')],
      output: null,
    },
    {
      code: "from pydantic.tools import parse_file_as\n\nx = parse_file_as(list[int], 'x.json')\n",
      errors: [parse(3, 5, 3, 39, '`parse_file_as()` was removed in pydantic 2: read the file, then call `TypeAdapter(T).validate_json(data)`')],
      output: null,
    },
    {
      code: "from pydantic import parse_obj_as\n\nx = parse_obj_as(int, *args)\n",
      errors: [parse(3, 5, 3, 29, `\`parse_obj_as()\` ${VALIDATE_PYTHON}`)],
      output: null,
    },
    {
      code: "from pydantic import BaseModel, parse_obj_as\n",
      errors: [parse(1, 33, 1, 45, '`parse_obj_as` is imported but no longer used: remove the import')],
      output: "from pydantic import BaseModel\n",
    },
  ],
});

const CONSTRAINED = 'pydantic-constrained-type';
const constrained = (line: number, column: number, endLine: number, endColumn: number, message: string) => expectedError(CONSTRAINED, line, column, endLine, endColumn, message);
const STRING_FORM = 'use `Annotated[str, StringConstraints(…)]`';

ruleTester(CONSTRAINED, {
  valid: [
    "from pydantic.v1 import BaseModel, constr\n\n\nclass User(BaseModel):\n    name: constr(max_length=3)\n",
    "from pydantic import constr\n\n\nclass Plain:\n    name: constr(max_length=3)\n",
    "from pydantic import BaseModel, StringConstraints\nfrom typing import Annotated\n\n\nclass User(BaseModel):\n    name: Annotated[str, StringConstraints(max_length=3)]\n",
    "from pydantic import BaseModel, constr\n\n\ndef f(name: constr(max_length=3)):\n    return name\n",
    "from pydantic import BaseModel\n\n\ndef constr(**kw):\n    return str\n\n\nclass User(BaseModel):\n    name: constr(max_length=3)\n",
    "from pydantic import BaseModel, constr\n\n\ndef limits():\n    Name = constr(max_length=3)\n    return Name\n",
  ],
  invalid: [
    {
      code: "from pydantic import BaseModel, constr\n\n\nclass User(BaseModel):\n    name: constr(min_length=1, max_length=10)\n",
      errors: [constrained(5, 11, 5, 46, `\`constr()\` is discouraged in pydantic 2: ${STRING_FORM}`)],
      output: "from pydantic import BaseModel, StringConstraints\nfrom typing import Annotated\n\n\nclass User(BaseModel):\n    name: Annotated[str, StringConstraints(min_length=1, max_length=10)]\n",
    },
    {
      code: "from pydantic import BaseModel, Field, conint\n\n\nclass Order(BaseModel):\n    quantity: conint(gt=0, le=100) = Field(1, description='count')\n",
      errors: [constrained(5, 15, 5, 35, '`conint()` is discouraged in pydantic 2: use `Annotated[int, Field(…)]`')],
      output: "from pydantic import BaseModel, Field\nfrom typing import Annotated\n\n\nclass Order(BaseModel):\n    quantity: Annotated[int, Field(gt=0, le=100)] = Field(1, description='count')\n",
    },
    {
      code: "from typing import List\n\nfrom pydantic import BaseModel, conlist\n\n\nclass Cart(BaseModel):\n    items: conlist(int, min_items=1, max_items=5)\n",
      errors: [constrained(7, 12, 7, 50, '`conlist(min_items=…)` fails on pydantic 2 (`min_items` is now `min_length`): use `Annotated[list[…], Field(…)]`')],
      output: "from typing import List, Annotated\n\nfrom pydantic import BaseModel, Field\n\n\nclass Cart(BaseModel):\n    items: Annotated[list[int], Field(min_length=1, max_length=5)]\n",
    },
    {
      // regex → pattern is unsafe: pydantic 2 searches the whole string with another engine.
      code: "from pydantic import BaseModel, constr\n\n\nclass User(BaseModel):\n    code: constr(regex=r'^[A-Z]+$')\n",
      errors: [constrained(5, 11, 5, 36, `\`constr(regex=…)\` fails on pydantic 2 (\`regex\` is now \`pattern\`): ${STRING_FORM}`)],
      output: null,
    },
    {
      code: "from typing import Optional\n\nimport pydantic\n\n\nclass User(pydantic.BaseModel):\n    nick: Optional[pydantic.constr(strip_whitespace=True)] = None\n",
      errors: [constrained(7, 20, 7, 58, `\`pydantic.constr()\` is discouraged in pydantic 2: ${STRING_FORM}`)],
      output: "from typing import Optional, Annotated\n\nimport pydantic\n\n\nclass User(pydantic.BaseModel):\n    nick: Optional[Annotated[str, pydantic.StringConstraints(strip_whitespace=True)]] = None\n",
    },
    {
      code: "from pydantic import BaseModel, condecimal\n\n\nclass Price(BaseModel):\n    amount: condecimal(max_digits=10, decimal_places=2)\n",
      errors: [constrained(5, 13, 5, 56, '`condecimal()` is discouraged in pydantic 2: use `Annotated[Decimal, Field(…)]`')],
      output: "from pydantic import BaseModel, Field\nfrom decimal import Decimal\nfrom typing import Annotated\n\n\nclass Price(BaseModel):\n    amount: Annotated[Decimal, Field(max_digits=10, decimal_places=2)]\n",
    },
    {
      // A StringConstraints alias is fixed; a Field one only reported (no bump-pydantic peer for aliases).
      code: "from pydantic import BaseModel, constr, conint\n\nName = constr(max_length=50)\nCount = conint(gt=0)\n",
      errors: [
        constrained(3, 8, 3, 29, `\`constr()\` is discouraged in pydantic 2: ${STRING_FORM}`),
        constrained(4, 9, 4, 21, '`conint()` is discouraged in pydantic 2: use `Annotated[int, Field(…)]`'),
      ],
      output: "from pydantic import BaseModel, conint, StringConstraints\nfrom typing import Annotated\n\nName = Annotated[str, StringConstraints(max_length=50)]\nCount = conint(gt=0)\n",
    },
    {
      code: "from pydantic import BaseModel, constr\n\n\nclass User(BaseModel):\n    name: constr(curtail_length=5)\n",
      errors: [constrained(5, 11, 5, 35, '`constr(curtail_length=…)` fails on pydantic 2: truncate in a `@field_validator(mode="before")`')],
      output: null,
    },
    {
      code: "from pydantic import BaseModel, conlist\n\n\nclass User(BaseModel):\n    tags: conlist(str, unique_items=True)\n",
      errors: [constrained(5, 11, 5, 42, '`conlist(unique_items=…)` fails on pydantic 2: use a `Set[...]` field (pydantic 2 raises on `unique_items`)')],
      output: null,
    },
    {
      code: "from pydantic import BaseModel, constr, conint\n\n\nclass User(BaseModel):\n    a: constr(max_length=3)\n    b: conint(gt=1)\n",
      errors: [
        constrained(5, 8, 5, 28, `\`constr()\` is discouraged in pydantic 2: ${STRING_FORM}`),
        constrained(6, 8, 6, 20, '`conint()` is discouraged in pydantic 2: use `Annotated[int, Field(…)]`'),
      ],
      output: "from pydantic import BaseModel, StringConstraints, Field\nfrom typing import Annotated\n\n\nclass User(BaseModel):\n    a: Annotated[str, StringConstraints(max_length=3)]\n    b: Annotated[int, Field(gt=1)]\n",
    },
    {
      code: "from pydantic import BaseModel, constr\n\n\nclass User(BaseModel):\n    name: str\n",
      errors: [constrained(1, 33, 1, 39, '`constr` is imported but no longer used: remove the import')],
      output: "from pydantic import BaseModel\n\n\nclass User(BaseModel):\n    name: str\n",
    },
  ],
});

describe('pydantic method rules: one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const cases: PeerCase[] = [
    { rule: METHOD, code: user('def f(u: User):\n    return u.dict()\n'), peers: [null] },
    { rule: PARSE, code: "from pydantic import parse_obj_as\n\nx = parse_obj_as(int, 1)\n", peers: [null] },
    { rule: PARSE, code: "from pydantic import BaseModel, parse_obj_as\n", peers: ['F401'] },
    { rule: CONSTRAINED, code: "from pydantic import BaseModel, constr\n\nName = constr(max_length=3)\n\n\nclass User(BaseModel):\n    name: constr(max_length=3)\n", peers: [null, 'BP008'] },
    { rule: CONSTRAINED, code: "from pydantic import BaseModel, constr\n", peers: ['F401'] },
  ];
  peerCases(() => engine, cases);
});
