// Fix-all of the pydantic configuration rules (pydantic-config-class, pydantic-field-v1-arguments,
// pydantic-moved-import) on bump-pydantic-style inputs: the result must be the program
// bump-pydantic writes (its BP002/BP003/BP004 tables), re-parse with python3 and be stable.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';

const CONFIG = 'pydantic-config-class';
const FIELD = 'pydantic-field-v1-arguments';
const MOVED = 'pydantic-moved-import';

// The program bump-pydantic writes for each input (its BP002/BP003/BP004 tables), compared as
// ASTs with the imports taken as a set, so order and grouping of imports do not matter.
const SAME_PROGRAM = `
import ast, json, sys
def split(source):
    tree = ast.parse(source)
    imports, rest = set(), []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            imports |= {(node.module, a.name, a.asname) for a in node.names}
        elif isinstance(node, ast.Import):
            imports |= {(None, a.name, a.asname) for a in node.names}
        else:
            rest.append(ast.dump(node))
    return imports, rest
a, b = json.loads(sys.stdin.read())
ia, ra = split(a)
ib, rb = split(b)
sys.exit(0 if ia == ib and ra == rb else 1)
`;

function sameProgram(actual: string, expected: string): boolean {
  const result = spawnSync('python3', ['-c', SAME_PROGRAM], { input: JSON.stringify([actual, expected]), encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0;
}

const BUMP_CASES: { name: string; input: string; bump: string }[] = [
  {
    name: 'Config with renamed keys and Extra',
    input: 'from pydantic import BaseModel, Extra\n\n\nclass A(BaseModel):\n    class Config:\n        orm_mode = True\n        allow_population_by_field_name = True\n        extra = Extra.forbid\n',
    bump: 'from pydantic import ConfigDict, BaseModel\n\n\nclass A(BaseModel):\n    model_config = ConfigDict(from_attributes=True, populate_by_name=True, extra="forbid")\n',
  },
  {
    name: 'Config with a removed key (TODO comments are not in the AST)',
    input: 'from pydantic import BaseModel\n\n\nclass A(BaseModel):\n    class Config:\n        allow_mutation = False\n        smart_union = True\n',
    bump: 'from pydantic import ConfigDict, BaseModel\n\n\nclass A(BaseModel):\n    # TODO[pydantic]: The following keys were removed: `allow_mutation`, `smart_union`.\n    model_config = ConfigDict(allow_mutation=False, smart_union=True)\n',
  },
  {
    name: 'settings class: BaseSettings moves, SettingsConfigDict',
    input: 'from pydantic import BaseSettings\n\n\nclass Settings(BaseSettings):\n    sentry_dsn: str\n\n    class Config:\n        env_prefix = "APP_"\n        anystr_strip_whitespace = True\n',
    bump: 'from pydantic_settings import BaseSettings, SettingsConfigDict\n\n\nclass Settings(BaseSettings):\n    sentry_dsn: str\n    model_config = SettingsConfigDict(env_prefix="APP_", str_strip_whitespace=True)\n',
  },
  {
    name: 'Field keyword renames',
    input: 'from typing import List\n\nfrom pydantic import BaseModel, Field\n\n\nclass A(BaseModel):\n    a: List[int] = Field(..., min_items=1, max_items=10)\n    b: str = Field(..., regex="^[a-z]+$")\n    c: int = Field(..., allow_mutation=False)\n',
    bump: 'from typing import List\n\nfrom pydantic import BaseModel, Field\n\n\nclass A(BaseModel):\n    a: List[int] = Field(..., min_length=1, max_length=10)\n    b: str = Field(..., pattern="^[a-z]+$")\n    c: int = Field(..., frozen=True)\n',
  },
  {
    name: 'settings env and const',
    input: 'from pydantic import BaseModel, BaseSettings, Field\n\n\nclass Settings(BaseSettings):\n    a: int = Field(..., env="A_ENV")\n\n\nclass B(BaseModel):\n    kind: str = Field("b", const=True)\n',
    bump: 'from typing import Literal\nfrom pydantic import BaseModel, Field\nfrom pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    a: int = Field(..., validation_alias="A_ENV")\n\n\nclass B(BaseModel):\n    kind: Literal["b"] = Field("b")\n',
  },
  {
    name: 'moved imports',
    input: 'from pydantic import BaseModel, PaymentCardNumber\nfrom pydantic.color import Color\n\n\nclass Card(BaseModel):\n    number: PaymentCardNumber\n    color: Color\n',
    bump: 'from pydantic import BaseModel\nfrom pydantic_extra_types.color import Color\nfrom pydantic_extra_types.payment import PaymentCardNumber\n\n\nclass Card(BaseModel):\n    number: PaymentCardNumber\n    color: Color\n',
  },
  {
    name: 'several moved names in one import, and an alias',
    input: 'from pydantic import BaseModel, BaseSettings, Color\nfrom pydantic import BaseSettings as Potato\n',
    bump: 'from pydantic import BaseModel\nfrom pydantic_extra_types.color import Color\nfrom pydantic_settings import BaseSettings\nfrom pydantic_settings import BaseSettings as Potato\n',
  },
];

describe('pydantic configuration rules: fix-all on bump-pydantic inputs', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const rules = [CONFIG, FIELD, MOVED];
  for (const { name, input, bump } of BUMP_CASES) {
    it(`gives bump-pydantic's program: ${name}`, () => {
      const fixed = engine.fixAll(input, { select: rules }, { unsafe: true, rules: new Set(rules) }).text;
      assert.ok(sameProgram(fixed, bump), `not the program bump-pydantic writes:\n${fixed}`);
      assert.equal(engine.fixAll(fixed, { select: rules }, { unsafe: true, rules: new Set(rules) }).text, fixed, 'a second fix-all changed the text');
    });
  }

  it('compares programs, not texts', () => {
    assert.ok(sameProgram('from a import x, y\nz = 1  # note\n', 'from a import y\nfrom a import x\n\nz = (1)\n'));
    assert.ok(!sameProgram('from a import x\nz = 1\n', 'from a import x, y\nz = 1\n'));
  });
});
